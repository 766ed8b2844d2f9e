"""The page plan every producer follows: orientation, font size, column widths, row heights and
which rows go on which page. Office producers get explicit page breaks at the same places, so
the truth's page numbers come from this plan, not from reading the PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .model import Report, Table

FONT = "WQYMicroHei"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 40.0, 45.0, 55.0
PAD_X, PAD_Y, LEAD = 3.0, 2.0, 1.3  # cell padding and line height factor
BODY_SIZE, BODY_LEAD = 11.0, 1.7
FILL = 0.86  # fraction of the page height the plan fills (office renderers differ a little)
NO_LINE_START = set("，。、；：？！）》」』”’％%")
TOKEN = re.compile(r"[0-9A-Za-z≥≤=<>.][0-9A-Za-z.,%/≥≤=<>-]*|.")


def font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))
    return FONT


def sw(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font(), size)


def wrap(text: str, size: float, width: float, slack: float = 1.0) -> list[str]:
    """Greedy CJK line breaking; numbers are never split; no line starts with closing punctuation."""
    lines, cur, curw = [], "", 0.0
    for tok in TOKEN.findall(text):
        tw = sw(tok, size) * slack
        if cur and curw + tw > width:
            if tok in NO_LINE_START:
                lines.append(cur + tok)
                cur, curw = "", 0.0
                continue
            lines.append(cur)
            cur, curw = "", 0.0
        cur += tok
        curw += tw
    if cur or not lines:
        lines.append(cur)
    return lines


@dataclass
class TableLayout:
    orient: str
    size: float
    widths: list[float]
    head_h: list[float]  # per header row
    row_h: list[float]
    chunks: list[tuple[int, int]]  # [start, end) body rows per page
    first_page: int = 0

    @property
    def pages(self) -> list[int]:
        return [self.first_page + i for i in range(len(self.chunks))]


@dataclass
class Plan:
    body_pages: list[list[tuple[str, int]]]  # per page: ("head", i) | ("para", i) | ("annex", 0)
    tables: list[TableLayout] = field(default_factory=list)
    pages: int = 0


def page_size(orient: str) -> tuple[float, float]:
    return landscape(A4) if orient == "landscape" else A4


def cell_lines(text: str, size: float, width: float, slack: float) -> int:
    return len(wrap(text, size, width - 2 * PAD_X, slack)) if text else 1


def line_h(size: float) -> float:
    return size * LEAD


def natural_widths(t: Table, size: float, slack: float) -> tuple[list[float], list[float]]:
    nat, mins = [], []
    for c in range(t.ncols):
        texts = [row[c] for row in t.rows]
        longest = max((sw(x, size) for x in texts), default=0.0) * slack + 2 * PAD_X + 2
        span_texts = [t.rows[s[0]][c] for s in t.spans if s[1] == c]
        span_w = max((sw(x, size) for x in span_texts), default=0.0) * slack + 2 * PAD_X + 2
        two = sw("汉字", size) + 2 * PAD_X + 2
        if c in t.wide_cols:
            nat.append(max(min(longest, sw("汉" * 12, size) + 2 * PAD_X), two, span_w))
            mins.append(max(sw("汉" * 3, size) + 2 * PAD_X + 2, span_w))
        else:
            nat.append(max(longest * 1.08, two))
            mins.append(max(longest * 1.08, two))
    return nat, mins


def fit_widths(t: Table, v: dict) -> tuple[str, float, list[float]]:
    slack = 1.0 if v["producer"] == "reportlab" else 1.08
    size = float(v["font_size"])
    orients = {
        "auto": ["portrait", "landscape"],
        "landscape": ["landscape"],
        "portrait": ["portrait", "landscape"],
    }
    while True:
        for orient in orients[v["orientation"]]:
            avail = page_size(orient)[0] - 2 * MARGIN_X
            nat, mins = natural_widths(t, size, slack)
            if sum(mins) > avail:
                continue
            if sum(nat) > avail:
                extra = avail - sum(mins)
                want = sum(n - m for n, m in zip(nat, mins, strict=False)) or 1.0
                w = [m + (n - m) * extra / want for n, m in zip(nat, mins, strict=False)]
            else:
                w = nat
            grow = avail / sum(w)
            if v["rules"] == "grid" or grow < 1.5:
                w = [x * grow for x in w]
            return orient, size, w
        size -= 0.5
        if size < 5:
            raise ValueError("table too wide")


def layout_table(t: Table, v: dict) -> TableLayout:
    orient, size, w = fit_widths(t, v)
    slack = 1.0 if v["producer"] == "reportlab" else 1.12
    lh = line_h(size)
    head_h = [0.0] * t.nhead
    for h in t.header:
        if h.rowspan == 1:
            width = sum(w[h.col : h.col + h.colspan])
            head_h[h.row] = max(
                head_h[h.row], cell_lines(h.text, size, width, slack) * lh + 2 * PAD_Y
            )
    for h in t.header:
        if h.rowspan > 1:
            need = (
                cell_lines(h.text, size, sum(w[h.col : h.col + h.colspan]), slack) * lh + 2 * PAD_Y
            )
            have = sum(head_h[h.row : h.row + h.rowspan])
            if need > have:
                head_h[h.row + h.rowspan - 1] += need - have
    head_h = [max(x, lh + 2 * PAD_Y) for x in head_h]
    row_h = []
    for r, row in enumerate(t.rows):
        n = 1
        for c, text in enumerate(row):
            s = t.span_at(r, c)
            if s and s[2] > 1:
                continue
            n = max(n, cell_lines(text, size, w[c], slack))
        row_h.append(n * lh + 2 * PAD_Y)
    return TableLayout(orient, size, w, head_h, row_h, [])


def title_block_h(t: Table, size: float) -> float:
    h = 0.0
    if t.label:
        h += size + 10
    h += size + 16
    if t.subtitle:
        h += size + 8
    if t.unit_line:
        h += size + 8
    return h + 4


def chunk(t: Table, tl: TableLayout, v: dict) -> None:
    ph = page_size(tl.orient)[1]
    usable = (ph - MARGIN_TOP - MARGIN_BOTTOM) * FILL
    head = sum(tl.head_h)
    start, _first = 0, True
    cap = usable - title_block_h(t, tl.size) - head
    while start < len(t.rows):
        used, end = 0.0, start
        while end < len(t.rows) and (used + tl.row_h[end] <= cap or end == start):
            used += tl.row_h[end]
            end += 1
        tl.chunks.append((start, end))
        start, _first = end, False
        cap = usable - (tl.size + 10 if v["xubiao"] else 0) - (head if v["header_repeat"] else 0)


def body_plan(rep: Report) -> list[list[tuple[str, int]]]:
    width = A4[0] - 2 * MARGIN_X
    usable = (A4[1] - MARGIN_TOP - MARGIN_BOTTOM) * FILL
    blocks: list[tuple[tuple[str, int], float]] = []
    for i, line in enumerate(rep.head):
        size = 16.0 if i in (0, 2) else BODY_SIZE
        blocks.append((("head", i), len(wrap(line, size, width, 1.1)) * size * 1.5 + 6))
    for p in range(len(rep.paras)):
        n = len(wrap("　　" + rep.para_text(p), BODY_SIZE, width, 1.1))
        blocks.append((("para", p), n * BODY_SIZE * BODY_LEAD + 6))
    blocks.append((("annex", 0), (len(rep.annex_list) + 1) * BODY_SIZE * BODY_LEAD))
    pages: list[list[tuple[str, int]]] = [[]]
    used = 0.0
    for key, h in blocks:
        if used + h > usable and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(key)
        used += h
    return pages


def plan(rep: Report) -> Plan:
    pl = Plan(body_plan(rep))
    page = len(pl.body_pages) + 1
    for t in rep.tables:
        tl = layout_table(t, rep.variant)
        chunk(t, tl, rep.variant)
        tl.first_page = page
        page += len(tl.chunks)
        pl.tables.append(tl)
    pl.pages = page - 1
    return pl
