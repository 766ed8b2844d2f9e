"""Producer 1: reportlab draws the page plan directly, and knows every printed cell's box."""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.pdfgen import canvas  # noqa: E402

from .model import Num, Report, Table  # noqa: E402
from .paginate import (  # noqa: E402
    BODY_LEAD,
    BODY_SIZE,
    LEAD,
    MARGIN_TOP,
    MARGIN_X,
    PAD_X,
    Plan,
    TableLayout,
    font,
    page_size,
    sw,
    title_block_h,
    wrap,
)

Box = tuple[int, list[float]]  # (page, [x0, top, x1, bottom])


class Pages:
    def __init__(self, path: Path):
        self.c = canvas.Canvas(str(path), invariant=1)
        self.c.setTitle("")
        self.page = 0
        self.h = 0.0
        self.w = 0.0

    def new(self, orient: str) -> None:
        if self.page:
            self.c.setFont(font(), 9)
            self.c.drawCentredString(self.w / 2, 28, f"- {self.page} -")
            self.c.showPage()
        self.w, self.h = page_size(orient)
        self.c.setPageSize((self.w, self.h))
        self.page += 1

    def text(self, x: float, top: float, s: str, size: float, align: str = "l") -> list[float]:
        """Draw s with its line box starting at `top`; returns the glyph box [x0, top, x1, bottom]."""
        base = top + size * 0.95
        width = sw(s, size)
        x0 = x - width / 2 if align == "c" else x - width if align == "r" else x
        self.c.setFont(font(), size)
        self.c.drawString(x0, self.h - base, s)
        return [x0, base - size * 0.95, x0 + width, base + size * 0.3]

    def line(self, x0: float, top: float, x1: float, bottom: float, width: float) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, self.h - top, x1, self.h - bottom)

    def finish(self) -> None:
        self.c.setFont(font(), 9)
        self.c.drawCentredString(self.w / 2, 28, f"- {self.page} -")
        self.c.showPage()
        self.c.save()


def draw_lines(
    pg: Pages, text: str, x0: float, top: float, w: float, h: float, size: float, align: str
) -> list[float] | None:
    lines = wrap(text, size, w - 2 * PAD_X) if text else []
    lh = size * LEAD
    y = top + (h - lh * len(lines)) / 2
    box = None
    for ln in lines:
        x = x0 + PAD_X if align == "l" else x0 + w - PAD_X if align == "r" else x0 + w / 2
        b = pg.text(x, y + (lh - size) / 2, ln, size, align)
        box = b if box is None else [min(box[0], b[0]), box[1], max(box[2], b[2]), b[3]]
        y += lh
    return box


def draw_header(pg: Pages, t: Table, tl: TableLayout, x0: float, top: float, rules: str) -> float:
    xs = [x0 + sum(tl.widths[:c]) for c in range(t.ncols + 1)]
    ys = [top + sum(tl.head_h[:r]) for r in range(t.nhead + 1)]
    for h in t.header:
        a, b = xs[h.col], xs[h.col + h.colspan]
        y0, y1 = ys[h.row], ys[h.row + h.rowspan]
        draw_lines(pg, h.text, a, y0, b - a, y1 - y0, tl.size, "c")
        if rules == "grid":
            for seg in ((a, y0, b, y0), (a, y1, b, y1), (a, y0, a, y1), (b, y0, b, y1)):
                pg.line(*seg, 0.5)
        elif rules == "three-line" and h.colspan > 1 and h.row + h.rowspan < t.nhead:
            pg.line(a + 2, y1, b - 2, y1, 0.4)
    if rules == "three-line":
        pg.line(xs[0], top, xs[-1], top, 1.2)
        pg.line(xs[0], ys[-1], xs[-1], ys[-1], 0.6)
    return ys[-1]


def draw_chunk(
    pg: Pages,
    t: Table,
    tl: TableLayout,
    s: int,
    e: int,
    x0: float,
    top: float,
    v: dict,
    boxes: dict,
) -> None:
    rules = v["rules"]
    xs = [x0 + sum(tl.widths[:c]) for c in range(t.ncols + 1)]
    ys = [top]
    for r in range(s, e):
        ys.append(ys[-1] + tl.row_h[r])
    for r in range(s, e):
        y0, y1 = ys[r - s], ys[r - s + 1]
        for c in range(t.ncols):
            sp = t.span_at(r, c)
            if sp and sp[2] > 1:
                first, last = max(sp[0], s), min(sp[0] + sp[2], e) - 1
                if r == first:
                    yb = ys[last - s + 1]
                    show = sp[0] >= s or v["span_break"] == "repeat"
                    if show:
                        box = draw_lines(
                            pg,
                            t.rows[r][c],
                            xs[c],
                            y0,
                            xs[c + 1] - xs[c],
                            yb - y0,
                            tl.size,
                            t.align[c],
                        )
                        if box and sp[0] >= s:
                            boxes[(r, c)] = (pg.page, box)
                bottom_rule = r == last
            else:
                box = draw_lines(
                    pg, t.rows[r][c], xs[c], y0, xs[c + 1] - xs[c], y1 - y0, tl.size, t.align[c]
                )
                if box:
                    boxes[(r, c)] = (pg.page, box)
                bottom_rule = True
            if rules == "grid":
                pg.line(xs[c], y0, xs[c], y1, 0.5)
                pg.line(xs[c + 1], y0, xs[c + 1], y1, 0.5)
                if bottom_rule or r == e - 1:
                    pg.line(xs[c], y1, xs[c + 1], y1, 0.5)
                if r == s:
                    pg.line(xs[c], y0, xs[c + 1], y0, 0.5)
    if rules == "three-line":
        pg.line(xs[0], ys[-1], xs[-1], ys[-1], 1.2)


def render(rep: Report, pl: Plan, path: Path) -> tuple[dict, dict]:
    """Draw the report; returns the boxes of table cells {(t, r, c): (page, bbox)} and of prose
    numbers {(para, k): (page, bbox)}."""
    v = rep.variant
    pg = Pages(path)
    cell_boxes: dict = {}
    num_boxes: dict = {}
    for page in pl.body_pages:
        pg.new("portrait")
        y = MARGIN_TOP
        width = pg.w - 2 * MARGIN_X
        for kind, i in page:
            if kind == "head":
                size = 16.0 if i in (0, 2) else BODY_SIZE
                for ln in wrap(rep.head[i], size, width, 1.1):
                    pg.text(MARGIN_X if i == 3 else pg.w / 2, y, ln, size, "l" if i == 3 else "c")
                    y += size * 1.5
                y += 6
            elif kind == "para":
                y = draw_para(pg, rep, i, y, width, num_boxes) + 6
            else:
                pg.text(MARGIN_X, y, "附件：", BODY_SIZE)
                for item in rep.annex_list:
                    pg.text(MARGIN_X + sw("附件：", BODY_SIZE), y, item, BODY_SIZE)
                    y += BODY_SIZE * BODY_LEAD
    for ti, (t, tl) in enumerate(zip(rep.tables, pl.tables, strict=False)):
        boxes: dict = {}
        tw = sum(tl.widths)
        for k, (s, e) in enumerate(tl.chunks):
            pg.new(tl.orient)
            x0 = (pg.w - tw) / 2
            y = MARGIN_TOP
            size = tl.size
            if k == 0:
                if t.label:
                    pg.text(x0, y, t.label, size + 1)
                    y += size + 10
                pg.text(pg.w / 2, y, t.title, size + 4, "c")
                y += size + 16
                if t.subtitle:
                    pg.text(pg.w / 2, y, t.subtitle, size, "c")
                    y += size + 8
                if t.unit_line:
                    pg.text(x0 + tw, y, t.unit_line, size, "r")
                    y += size + 8
                y += 4
                assert abs(y - MARGIN_TOP - title_block_h(t, size)) < 0.01
            elif v["xubiao"]:
                pg.text(x0, y, "续表", size)
                y += size + 10
            if k == 0 or v["header_repeat"]:
                y = draw_header(pg, t, tl, x0, y, v["rules"])
            elif v["rules"] == "three-line":
                pg.line(x0, y, x0 + tw, y, 1.2)
            draw_chunk(pg, t, tl, s, e, x0, y, v, boxes)
        for (r, c), b in boxes.items():
            cell_boxes[(ti, r, c)] = b
    pg.finish()
    return cell_boxes, num_boxes


def draw_para(pg: Pages, rep: Report, p: int, y: float, width: float, num_boxes: dict) -> float:
    text = "　　"
    spans = []
    k = 0
    for seg in rep.paras[p]:
        if isinstance(seg, Num):
            spans.append((len(text), len(text) + len(seg.text), k))
            k += 1
            text += seg.text
        else:
            text += seg
    lines = wrap(text, BODY_SIZE, width, 1.1)
    off = 0
    for ln in lines:
        pg.text(MARGIN_X, y, ln, BODY_SIZE)
        for a, b, kk in spans:
            if off <= a < off + len(ln):
                x0 = MARGIN_X + sw(ln[: a - off], BODY_SIZE)
                x1 = x0 + sw(text[a:b], BODY_SIZE)
                num_boxes[(p, kk)] = (pg.page, [x0, y, x1, y + BODY_SIZE * 1.25])
        off += len(ln)
        y += BODY_SIZE * BODY_LEAD
    return y
