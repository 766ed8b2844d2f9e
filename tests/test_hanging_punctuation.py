"""Punctuation that CJK typesetting hangs past a cell's right border (Word's 允许标点溢出边界)
belongs to the cell it starts in, also in the table's last column."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from tally.extract import read_document

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _ruled_table(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT_PATH, subfontIndex=0))
    c = canvas.Canvas(str(path))
    xs, top, row_h, size = [60.0, 160.0, 240.0, 360.0], 700.0, 20.0, 10.0
    rows = [["项目", "金额", "说明"], ["甲", "1.00", "未完成，"], ["乙", "2.00", "已完成。"]]
    for r, row in enumerate(rows):
        y = top - (r + 1) * row_h + 6
        for k, text in enumerate(row):
            x = xs[k] + 4
            if k == 2:  # the text fills the cell; its last character hangs past the border
                x = xs[3] - size * (len(text) - 0.6)
            c.setFont("WQY", size)
            c.drawString(x, y, text)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * row_h, xs[-1], top - r * row_h)
    for x in xs:
        c.line(x, top, x, top - len(rows) * row_h)
    c.save()


def test_hanging_punctuation_stays_in_its_cell(tmp_path: Path) -> None:
    pdf = tmp_path / "hang.pdf"
    _ruled_table(pdf)
    (table,) = read_document(pdf).tables
    assert table.row_texts() == [["甲", "1.00", "未完成，"], ["乙", "2.00", "已完成。"]]
