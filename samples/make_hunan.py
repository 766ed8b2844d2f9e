"""Make samples/hunan-amr-2023.pdf and its truth file from samples/hunan_data.py.

The PDF reproduces the seed report (湖南省市场监督管理局 2023年度专项资金部门评价报告): an A4
portrait body, then annexes 1-4 as fully ruled tables on landscape A4 pages (two-level merged
headers, headers repeated on continuation pages and worded differently there, city cells
spanning their counties, spans cut by page breaks drawn as blank merged cells).

Structure: data → render.  ``build(data)`` takes a data module/namespace shaped like
``hunan_data`` and returns ``(pdf_bytes, truth)``; the truth is written from the same data
(never read back from the PDF).  A dirty twin is ``build(modified_copy)``.

Run: ``python samples/make_hunan.py``  (paths are relative to this script's folder).
"""
from __future__ import annotations

import copy
import io
import json
import os
import sys
import types

import reportlab.rl_config as rl_config

rl_config.invariant = 1

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "WQY"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4P = (595.2756, 841.8898)
A4L = (A4P[1], A4P[0])
PDF_NAME = "hunan-amr-2023.pdf"
TRUTH_NAME = "hunan-amr-2023.truth.json"
RED = (0.85, 0.0, 0.0)


def _register_font():
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))


def sw(text, size):
    return pdfmetrics.stringWidth(text, FONT, size)


# --------------------------------------------------------------------------- text wrapping
# A line may break between two CJK characters, never inside a run of "glue" characters
# (digits, Latin letters, number punctuation), never at a space (a space is glued to both
# neighbours, so it can never sit at a line end: the extractor joins wrapped lines with
# nothing), never before closing punctuation and never after opening punctuation.
_GLUE = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,%/:;+-*~≥≤<>=()'\"·")
_CLOSE = set("，。、；：？！）》」』】〕”’%％,.;:)!?")
_OPEN = set("（《「『【〔“‘(")


def _units(text):
    units = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n:
            a, b = text[j - 1], text[j]
            if a == " " or b == " ":
                j += 1
                continue
            if a in _GLUE and b in _GLUE:
                j += 1
                continue
            if b in _CLOSE or a in _OPEN:
                j += 1
                continue
            break
        units.append(text[i:j])
        i = j
    return units


def wrap(text, size, width):
    """Greedy wrap; returns a list of lines whose concatenation is ``text``."""
    if text == "":
        return [""]
    lines, cur, curw = [], "", 0.0
    for u in _units(text):
        uw = sw(u, size)
        if cur and curw + uw > width + 1e-6:
            lines.append(cur)
            cur, curw = "", 0.0
        if uw > width + 1e-6 and not cur:
            # a unit wider than the cell: break by characters (only for prose; numbers are
            # checked not to come here, see _check_no_number_wrap)
            for ch in u:
                cw = sw(ch, size)
                if cur and curw + cw > width + 1e-6:
                    lines.append(cur)
                    cur, curw = "", 0.0
                cur += ch
                curw += cw
            continue
        cur += u
        curw += uw
    if cur:
        lines.append(cur)
    assert "".join(lines) == text
    return lines


# --------------------------------------------------------------------------- page writer
class Writer:
    def __init__(self):
        _register_font()
        self.buf = io.BytesIO()
        self.c = rl_canvas.Canvas(self.buf, pagesize=A4P, invariant=1, pageCompression=1)
        self.c.setTitle("湖南省市场监督管理局2023年度专项资金部门评价报告")
        self.c.setAuthor("湖南省市场监督管理局")
        self.page = 0
        self.size = A4P
        self.open = False
        self.layout = None  # optional list collecting every drawn cell (for checks)

    def new_page(self, size):
        if self.open:
            self.c.showPage()
        self.c.setPageSize(size)
        self.size = size
        self.page += 1
        self.open = True
        self.c.setLineWidth(0.5)
        self.c.setStrokeColorRGB(0, 0, 0)
        self.c.setFillColorRGB(0, 0, 0)

    def text(self, x, top, s, size, align="L", color=None):
        """Draw one line whose em box top is at ``top`` (top-origin coordinates)."""
        if color:
            self.c.setFillColorRGB(*color)
        self.c.setFont(FONT, size)
        w = sw(s, size)
        if align == "C":
            x -= w / 2
        elif align == "R":
            x -= w
        self.c.drawString(x, self.size[1] - top - size * 0.86, s)
        if color:
            self.c.setFillColorRGB(0, 0, 0)

    def rect(self, x0, top, x1, bottom):
        self.c.rect(x0, self.size[1] - bottom, x1 - x0, bottom - top, stroke=1, fill=0)

    def hline(self, x0, x1, top, width=1.0, color=(0, 0, 0)):
        self.c.setStrokeColorRGB(*color)
        self.c.setLineWidth(width)
        self.c.line(x0, self.size[1] - top, x1, self.size[1] - top)
        self.c.setStrokeColorRGB(0, 0, 0)
        self.c.setLineWidth(0.5)

    def finish(self):
        if self.open:
            self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


# --------------------------------------------------------------------------- body (正文)
BODY_MARGIN = dict(left=79.0, right=74.0, top=85.0, bottom=85.0)
BODY_SIZE = 12.0
BODY_LEAD = 22.0


def render_body(w, body):
    pw, ph = A4P
    left, right = BODY_MARGIN["left"], pw - BODY_MARGIN["right"]
    width = right - left
    state = {"y": None}

    def footer():
        w.text(pw / 2, ph - 55, f"— {w.page} —", 10.5, "C")

    def page():
        if w.open and w.size == A4P:
            footer()
        w.new_page(A4P)
        state["y"] = BODY_MARGIN["top"]

    def need(h):
        if state["y"] + h > ph - BODY_MARGIN["bottom"]:
            page()

    page()
    for style, content in body:
        if style == "letterhead":
            w.text(pw / 2, 70, content, 30, "C", RED)
            state["y"] = 125
        elif style == "docno":
            w.text(pw / 2, state["y"], content, 14, "C")
            state["y"] += 24
            w.hline(left, right, state["y"], 1.5, RED)
            state["y"] += 30
        elif style == "title":
            w.text(pw / 2, state["y"], content, 18, "C")
            state["y"] += 28
        elif style == "salute":
            state["y"] += 12
            w.text(left, state["y"], content, BODY_SIZE)
            state["y"] += BODY_LEAD
        elif style in ("para", "h1", "h2"):
            indent = 2 * BODY_SIZE
            first = wrap(content, BODY_SIZE, width - indent)
            lines = [first[0]]
            rest = content[len(first[0]):]
            if rest:
                lines += wrap(rest, BODY_SIZE, width)
            for k, ln in enumerate(lines):
                need(BODY_LEAD)
                w.text(left + (indent if k == 0 else 0), state["y"], ln, BODY_SIZE)
                state["y"] += BODY_LEAD
        elif style == "annexlist":
            state["y"] += BODY_LEAD
            need(BODY_LEAD * len(content))
            lab = "附件："
            for k, ln in enumerate(content):
                x = left + 2 * BODY_SIZE
                if k:
                    x += sw(lab, BODY_SIZE)
                w.text(x, state["y"], ln, BODY_SIZE)
                state["y"] += BODY_LEAD
        else:
            raise ValueError(style)
    footer()


# --------------------------------------------------------------------------- ruled tables
class Table:
    """A ruled grid.

    rows      body rows, one string per column; a spanning cell's text is repeated in every
              row/column it covers (this is also exactly the truth's ``rows``).
    spans     (row, col, nrows, ncols) merged body regions; drawn once, text from the
              top-left cell; a span cut by a page break is drawn on the continuation page as
              a blank merged cell.
    headers   list of header variants [first page, continuation pages]; each is
              (nrows, [(text, row, col, rowspan, colspan), ...]).
    breaks    row indices that start a new page (None: paginate by height).
    """

    def __init__(self, *, title, unit, widths, rows, headers, spans=(), breaks=None,
                 size=7.0, hsize=None, align=None, label=None, title_line=None, note=None,
                 pad=2.0, min_row=0.0, equal_header_height=False, margins=(20.0, 40.0, 30.0)):
        self.title, self.unit = title, unit
        self.widths, self.rows, self.headers = list(widths), rows, headers
        self.spans, self.breaks = list(spans), breaks
        self.size, self.hsize = size, hsize or size
        self.align = align or ["C"] * len(widths)
        self.label, self.title_line, self.note = label, title_line, note
        self.pad, self.min_row = pad, min_row
        self.equal_header_height = equal_header_height
        self.left, self.top_margin, self.bottom_margin = margins
        self.pages = []
        ncol = len(widths)
        for r in rows:
            assert len(r) == ncol, (len(r), ncol, r[:2])

    # -- geometry helpers
    def xs(self):
        x = [self.left]
        for wd in self.widths:
            x.append(x[-1] + wd)
        return x

    def lead(self, size):
        return size * 1.22

    def cell_h(self, text, width, size):
        lines = wrap(text, size, width - 2 * self.pad)
        return len(lines) * self.lead(size) + 2 * self.pad + 1

    def columns(self):
        nrows, cells = self.headers[0]
        paths = [[] for _ in self.widths]
        for row in range(nrows):
            for text, r, c, _rs, cs in cells:
                if r == row:
                    for k in range(c, c + cs):
                        paths[k].append(text)
        return paths

    def header_heights(self, variant):
        nrows, cells = self.headers[variant]
        xs = self.xs()
        hs = [self.lead(self.hsize) + 2 * self.pad + 1] * nrows
        for text, r, c, rs, cs in sorted(cells, key=lambda t: t[3]):
            need = self.cell_h(text, xs[c + cs] - xs[c], self.hsize)
            have = sum(hs[r:r + rs])
            if need > have:
                for k in range(r, r + rs):
                    hs[k] += (need - have) / rs
        return hs

    def body_heights(self):
        xs = self.xs()
        covered = {}
        for (r, c, nr, nc) in self.spans:
            for i in range(r, r + nr):
                for j in range(c, c + nc):
                    covered[(i, j)] = (r, c, nr, nc)
        hs = []
        for i, row in enumerate(self.rows):
            h = max(self.min_row, self.lead(self.size) + 2 * self.pad + 1)
            for j, text in enumerate(row):
                sp = covered.get((i, j))
                if sp and (sp[2] > 1 or sp[1] != j):
                    continue
                wd = xs[j + (sp[3] if sp else 1)] - xs[j]
                h = max(h, self.cell_h(text, wd, self.size))
            hs.append(h)
        for (r, c, nr, nc) in self.spans:
            if nr > 1:
                need = self.cell_h(self.rows[r][c], xs[c + nc] - xs[c], self.size)
                have = sum(hs[r:r + nr])
                if need > have:
                    for k in range(r, r + nr):
                        hs[k] += (need - have) / nr
        return hs


def title_block(w, t):
    """附件N / title / note / 单位 above a table on its first page; returns the y below it."""
    pw = w.size[0]
    y = 28.0
    if t.label:
        w.text(t.left, y, t.label, 12)
        y += 20
    if t.title_line:
        w.text(pw / 2, y, t.title_line, 15, "C")
        y += 22
    if t.note:
        w.text(pw / 2, y, t.note, 10, "C")
        y += 15
    if t.unit:
        w.text(pw - t.left, y, "单位：" + t.unit, 9, "R")
        y += 13
    return y + 2


def draw_header(w, t, variant, y, height=None):
    nrows, cells = t.headers[variant]
    hs = t.header_heights(variant)
    if height is not None and sum(hs) < height:
        hs = [h * height / sum(hs) for h in hs]
    xs = t.xs()
    tops = [y]
    for h in hs:
        tops.append(tops[-1] + h)
    for text, r, c, rs, cs in cells:
        draw_cell(w, t, xs[c], tops[r], xs[c + cs], tops[r + rs], text, t.hsize, "C")
    return tops[-1]


def draw_cell(w, t, x0, top, x1, bottom, text, size, align):
    w.rect(x0, top, x1, bottom)
    if not text:
        return
    lines = wrap(text, size, x1 - x0 - 2 * t.pad)
    if w.layout is not None:
        w.layout.append({"table": t.title, "page": w.page, "bbox": [x0, top, x1, bottom],
                         "text": text, "lines": len(lines)})
    lead = t.lead(size)
    y = (top + bottom) / 2 - len(lines) * lead / 2 + (lead - size) / 2
    for ln in lines:
        if align == "L":
            w.text(x0 + t.pad, y, ln, size)
        elif align == "R":
            w.text(x1 - t.pad, y, ln, size, "R")
        else:
            w.text((x0 + x1) / 2, y, ln, size, "C")
        y += lead


def render_table(w, t, y=None, first_title=True):
    """Draw table t starting at y on the current page (or on a new landscape page when y is
    None); returns the y below the table.  Records t.pages."""
    ph = A4L[1]
    if y is None:
        w.new_page(A4L)
        y = title_block(w, t) if first_title else t.top_margin
    hs = t.body_heights()
    header_h = None
    if t.equal_header_height:
        header_h = max(sum(t.header_heights(v)) for v in range(len(t.headers)))
    bottom_limit = ph - t.bottom_margin
    t.pages = [w.page]
    variant = 0
    ystart = draw_header(w, t, variant, y, header_h)
    cur_first, cy = 0, ystart
    row_top = {}
    i = 0
    n = len(t.rows)
    while i < n:
        forced = t.breaks is not None and i in t.breaks and i != cur_first
        if forced or (t.breaks is None and cy + hs[i] > bottom_limit and i != cur_first):
            draw_rows(w, t, cur_first, i, row_top, hs)
            w.new_page(A4L)
            t.pages.append(w.page)
            variant = min(1, len(t.headers) - 1)
            cy = draw_header(w, t, variant, t.top_margin, header_h)
            cur_first = i
        row_top[i] = cy
        cy += hs[i]
        i += 1
    draw_rows(w, t, cur_first, n, row_top, hs)
    return cy


def draw_rows(w, t, a, b, row_top, hs):
    """Draw body rows a..b-1 (all on the current page)."""
    xs = t.xs()
    anchor = {}
    for sp in t.spans:
        r, c, nr, nc = sp
        for i in range(r, r + nr):
            for j in range(c, c + nc):
                anchor[(i, j)] = sp
    done = set()
    for i in range(a, b):
        for j in range(len(t.widths)):
            sp = anchor.get((i, j))
            if sp is None:
                draw_cell(w, t, xs[j], row_top[i], xs[j + 1], row_top[i] + hs[i],
                          t.rows[i][j], t.size, t.align[j])
                continue
            if sp in done:
                continue
            done.add(sp)
            r, c, nr, nc = sp
            r0, r1 = max(r, a), min(r + nr, b)          # the part of the span on this page
            text = t.rows[r][c] if r0 == r else ""      # continuation part: blank merged cell
            draw_cell(w, t, xs[c], row_top[r0], xs[c + nc], row_top[r1 - 1] + hs[r1 - 1],
                      text, t.size, t.align[c])


# --------------------------------------------------------------------------- the annexes
def fit_widths(total, fixed, n_flex_min, rows, size, cols, extra_pad=4.0):
    """Widths for numeric columns: the widest value + padding, then share what is left."""
    ws = []
    for c in cols:
        m = max(sw(r[c], size) for r in rows) + extra_pad
        ws.append(max(m, n_flex_min))
    spare = total - fixed - sum(ws)
    assert spare >= 0, spare
    return [x + spare / len(ws) for x in ws]


def annex1(data):
    exp = data.A1_EXPENSES
    sub = ["省级市场监管专项资金", "业务工作经费", "合计"]

    def header(full_width):
        def fw(s):
            return s.replace("(", "（").replace(")", "）") if full_width else s
        cells = [("项目名称", 0, 0, 2, 1), ("单位名称", 0, 1, 2, 1),
                 ("资金到位情况", 0, 2, 1, 3), (fw("资金使用(支出)情况"), 0, 5, 1, 21),
                 ("支出情况", 0, 26, 1, 3), ("资金使用率", 0, 29, 1, 3)]
        leaves = sub + [fw(e) for e in exp] + sub + sub
        for k, s in enumerate(leaves):
            cells.append((s, 1, 2 + k, 1, 1))
        return (2, cells)

    rows = copy.deepcopy(data.A1_ROWS)
    size = 5.5
    total = A4L[0] - 40
    name_w = [50.0, 48.0]
    widths = name_w + fit_widths(total, sum(name_w), 16.0, rows, size, range(2, 32))
    return Table(title="附件1 2023年度省级市场监督管理专项资金使用结构明细表", unit="万元",
                 label="附件1", title_line="2023年度省级市场监督管理专项资金使用结构明细表",
                 note="(费用支出时间截至2023年12月31日)",
                 widths=widths, rows=rows, headers=[header(False), header(True)],
                 breaks=list(data.A1_PAGE_BREAKS), size=size, hsize=5.5, pad=1.5, min_row=15)


def annex2(data):
    p1 = list(data.A2_HEADER_PAGE1)
    p2 = list(data.A2_HEADER_PAGE2)
    cells1 = [("单位", 0, 0, 2, 2), ("合计", 0, 2, 2, 1)]
    col = 3
    for item in p1:
        if isinstance(item, tuple):
            parent, kids = item
            cells1.append((parent, 0, col, 1, len(kids)))
            for k in kids:
                cells1.append((k, 1, col, 1, 1))
                col += 1
        else:
            cells1.append((item, 0, col, 2, 1))
            col += 1
    assert col == 35
    cells2 = [("单位", 0, 0, 1, 2), ("合计", 0, 2, 1, 1)] + [(s, 0, 3 + k, 1, 1) for k, s in enumerate(p2)]
    assert len(p2) == 32
    rows = copy.deepcopy(data.A2_ROWS)
    spans = []
    # a city cell spans its 小计 row and all its counties (column 0)
    i = 0
    while i < len(rows):
        if rows[i][1].startswith("小计"):
            city = rows[i][0]
            j = i + 1
            while j < len(rows) and rows[j][0] == city and not rows[j][1].startswith("小计"):
                j += 1
            spans.append((i, 0, j - i, 1))
            i = j
        else:
            i += 1
    size = 6.0
    total = A4L[0] - 40
    fixed = [24.0, 58.0]
    widths = fixed + fit_widths(total, sum(fixed), 18.0, rows, size, range(2, 35))
    return Table(title="附件2 2023年省级市场监督管理专项资金现场评价明细表", unit="万元",
                 label="附件2", title_line="2023年省级市场监督管理专项资金现场评价明细表",
                 widths=widths, rows=rows, headers=[(2, cells1), (1, cells2)], spans=spans,
                 breaks=list(data.A2_PAGE_BREAKS), size=size, hsize=5.5, pad=1.5, min_row=16,
                 equal_header_height=True)


A3_COLS = ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "得分", "扣分因素"]


def annex3(data):
    rows, spans, breaks = [], [], []
    ind = data.A3_INDICATORS
    for k, d in enumerate(ind):
        if k in data.A3_PAGE_BREAKS_BEFORE:
            breaks.append(len(rows))
        r0 = len(rows)
        for crit in d["criteria"]:
            rows.append([d["l1"], d["l2"], d["l3"], d["weight"], d["expl"], crit, d["score"], d["deduct"]])
        n = len(rows) - r0
        if n > 1:
            for c in (2, 3, 4, 6, 7):
                spans.append((r0, c, n, 1))
    # 一级 / 二级 span their indicators' rows (also across a page break)
    for c in (0, 1):
        i = 0
        while i < len(rows):
            j = i
            key = tuple(rows[i][:c + 1])
            while j < len(rows) and tuple(rows[j][:c + 1]) == key:
                j += 1
            if j - i > 1:
                spans.append((i, c, j - i, 1))
            i = j
    rows.append(list(data.A3_TOTAL))
    widths = [52, 52, 58, 26, 165, 262, 30, 157]
    total = A4L[0] - 40
    widths = [x * total / sum(widths) for x in widths]
    return Table(title="附件3 市场监督管理专项资金绩效评价指标评分表（共性指标）", unit=None,
                 label="附件3", title_line="市场监督管理专项资金绩效评价指标评分表（共性指标）",
                 widths=widths, rows=rows, headers=[(1, [(s, 0, k, 1, 1) for k, s in enumerate(A3_COLS)])] * 2,
                 spans=spans, breaks=breaks, size=7.5, hsize=8, pad=2.5,
                 align=["C", "C", "C", "C", "L", "L", "C", "L"], min_row=14)


A4_TITLE = "2023年度省级市场监管专项资金绩效目标完成情况汇总表"
A4_MONEY_COLS = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
A4_GOAL_COLS = ["预期目标", "实际完成情况"]
A4_IND_COLS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评得分", "偏差原因分析及改进措施"]


def _single(cols):
    return [(1, [(s, 0, k, 1, 1) for k, s in enumerate(cols)])] * 2


def annex4(data):
    total = A4L[0] - 40
    title = "附件4 " + A4_TITLE
    money = Table(title=title, unit=None, widths=[x * total / 7 for x in [1.6, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]],
                  rows=copy.deepcopy(data.A4_MONEY), headers=_single(A4_MONEY_COLS), size=8, pad=2.5, min_row=16)
    goals = Table(title=title, unit=None, widths=[total / 2, total / 2], rows=copy.deepcopy(data.A4_GOALS),
                  headers=_single(A4_GOAL_COLS), size=7.5, hsize=8, pad=3, align=["L", "L"])
    rows = copy.deepcopy(data.A4_INDICATORS)
    spans = []
    for c in (0, 1):
        i = 0
        while i < len(rows):
            j = i
            while j < len(rows) and rows[j][:c + 1] == rows[i][:c + 1]:
                j += 1
            if j - i > 1:
                spans.append((i, c, j - i, 1))
            i = j
    widths = [58, 62, 175, 120, 120, 30, 34, 203]
    widths = [x * total / sum(widths) for x in widths]
    ind = Table(title=title, unit=None, widths=widths, rows=rows, headers=_single(A4_IND_COLS), spans=spans,
                size=7.5, hsize=8, pad=2.5, align=["C", "C", "L", "C", "C", "C", "C", "L"], min_row=14)
    return money, goals, ind


def render_annex4(w, data, tables):
    money, goals, ind = tables
    w.new_page(A4L)
    pw = A4L[0]
    left = money.left
    y = 28.0
    w.text(left, y, "附件4", 12)
    y += 20
    w.text(pw / 2, y, A4_TITLE, 15, "C")
    y += 26
    for line in data.A4_HEAD_LINES:
        w.text(left, y, line, 10)
        y += 16
    y += 4
    y = render_table(w, money, y)
    y = render_table(w, goals, y + 10)
    # the indicator table continues where the goals end (rows are never split)
    y = render_table(w, ind, y + 10)


# --------------------------------------------------------------------------- build
def build(data, layout=None):
    """Render ``data`` (a module or namespace shaped like hunan_data) → (pdf_bytes, truth).

    If ``layout`` is a list, every drawn table cell is appended to it as
    {"table", "page", "bbox" (top-left origin, points), "text", "lines"}."""
    w = Writer()
    w.layout = layout
    render_body(w, data.BODY)
    t1, t2, t3 = annex1(data), annex2(data), annex3(data)
    for t in (t1, t2, t3):
        render_table(w, t)
    t4 = annex4(data)
    render_annex4(w, data, t4)
    pdf = w.finish()
    tables = []
    for t in (t1, t2, t3) + t4:
        tables.append({"title": t.title, "unit": t.unit, "pages": t.pages,
                       "columns": t.columns(), "rows": [list(r) for r in t.rows]})
    truth = {"pdf": PDF_NAME, "generator": "samples/make_hunan.py", "pages": w.page, "tables": tables}
    return pdf, truth


def load_data():
    sys.path.insert(0, HERE)
    import hunan_data  # noqa: E402
    return hunan_data


def clone(data):
    """A deep, editable copy of the data (for dirty twins)."""
    ns = types.SimpleNamespace()
    for k in dir(data):
        if k.isupper():
            setattr(ns, k, copy.deepcopy(getattr(data, k)))
    return ns


def write(pdf, truth, pdf_path, truth_path):
    with open(pdf_path, "wb") as f:
        f.write(pdf)
    with open(truth_path, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv=None):
    data = load_data()
    pdf, truth = build(data)
    write(pdf, truth, os.path.join(HERE, PDF_NAME), os.path.join(HERE, TRUTH_NAME))
    print(f"wrote {PDF_NAME}: {truth['pages']} pages, {len(truth['tables'])} tables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
