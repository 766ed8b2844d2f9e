"""Drawing helpers shared by the reportlab sample generators (make_formats, make_threeline):
the embedded CJK font, text measure and wrapping, a page-by-page canvas, the prose body, and
the cells of a multi-level table header."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1  # reproducible bytes

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "WQYMicroHei"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))


def sw(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


NO_LINE_START = set("，。、；：？！）》」』”’％%")
TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%]*|.")


def wrap(text: str, size: float, width: float, indent: float) -> list[str]:
    """Greedy CJK line breaking; numbers are never split; no line starts with closing punctuation."""
    lines, cur, curw = [], "", indent
    for tok in TOKEN.findall(text):
        tw = sw(tok, size)
        if cur and curw + tw > width:
            if tok in NO_LINE_START:  # hang it at the end of this line
                lines.append(cur + tok)
                cur, curw = "", 0.0
                continue
            lines.append(cur)
            cur, curw = "", 0.0
        cur += tok
        curw += tw
    if cur:
        lines.append(cur)
    return lines


class Doc:
    def __init__(self, path: Path):
        _font()
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle("")
        self.page = 0
        self.size = A4
        self.open = False
        self.cells: list = []  # (page, (x0, top, x1, bottom), text) for verification

    def new_page(self, orientation: str = "portrait") -> None:
        if self.open:
            self._footer()
            self.c.showPage()
        self.size = landscape(A4) if orientation == "landscape" else A4
        self.c.setPageSize(self.size)
        self.page += 1
        self.open = True

    def _footer(self) -> None:
        w, _ = self.size
        self.text(w / 2, 28, f"— {self.page} —", 9, "c")

    def text(self, x: float, y: float, s: str, size: float, align: str = "l") -> None:
        self.c.setFont(FONT, size)
        if align == "c":
            self.c.drawCentredString(x, y, s)
        elif align == "r":
            self.c.drawRightString(x, y, s)
        else:
            self.c.drawString(x, y, s)

    def hline(self, x0: float, x1: float, y: float, width: float) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)

    def save(self) -> None:
        if self.open:
            self._footer()
            self.c.showPage()
        self.c.save()


def render_body(doc: Doc, data: dict) -> None:
    size, lead, margin_x, top, bottom = 12, 21.5, 72, 770, 60
    head = data["head"]
    doc.new_page("portrait")
    w, _ = doc.size
    width = w - 2 * margin_x
    doc.text(w / 2, top, head["org"], 22, "c")
    doc.text(w / 2, top - 34, head["docno"], 12, "c")
    doc.c.setLineWidth(1.2)
    doc.c.line(margin_x, top - 44, w - margin_x, top - 44)
    y = top - 82
    for t in head["title"]:
        doc.text(w / 2, y, t, 16, "c")
        y -= 26
    y -= 8
    doc.text(margin_x, y, head["salute"], size)
    y -= lead

    def emit(line: str, x: float) -> None:
        nonlocal y
        if y < bottom:
            doc.new_page("portrait")
            y = top
        doc.text(x, y, line, size)
        y -= lead

    for _kind, para in data["body"]:
        indent = 2 * size
        for i, line in enumerate(wrap(para, size, width, indent)):
            emit(line, margin_x + (indent if i == 0 else 0))
    y -= 6
    for i, line in enumerate(data["annex_list"]):
        emit(line, margin_x + 2 * size + (0 if i == 0 else 3 * size))
    y -= 2 * lead
    for line in data["sign"]:
        if y < bottom:
            doc.new_page("portrait")
            y = top
        doc.text(w - margin_x - 2 * size, y, line, size, "r")
        y -= lead


def _header_cells(
    columns: list[list[str]],
) -> tuple[int, list[tuple[int, int, int, int, str, bool]]]:
    """Header grid from leaf paths: (level0, level1, col0, col1, text, has_children)."""
    depth = max(len(p) for p in columns)
    cells = []
    for lvl in range(depth):
        j = 0
        while j < len(columns):
            p = columns[j]
            if len(p) <= lvl:
                j += 1
                continue
            k = j
            while (
                k + 1 < len(columns)
                and len(columns[k + 1]) > lvl
                and columns[k + 1][: lvl + 1] == p[: lvl + 1]
                and len(p) > lvl + 1
            ):
                k += 1
            last = lvl if len(p) > lvl + 1 else depth - 1
            cells.append((lvl, last, j, k, p[lvl], len(p) > lvl + 1))
            j = k + 1
    return depth, cells
