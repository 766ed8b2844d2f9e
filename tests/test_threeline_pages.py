"""Three-line tables as other departments' office software prints them: over pages with the
rules only where the table starts and ends, header groups whose cmidrules meet, labels centred
over several rows, narrow gutters. Each PDF is made at test time with its truth
(tests/threeline_docs.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import threeline_docs as docs

from tally.extract import read_document


def _text(doc, page: int) -> str:  # noqa: ANN001
    return "".join(ln.text for ln in doc.pages[page - 1].lines)


@pytest.mark.parametrize("running", [(None, None), ("专项资金绩效评价", "某某厅2023年度报告")])
def test_table_over_pages_rules_only_at_its_ends(tmp_path: Path, running) -> None:  # noqa: ANN001
    """Top and header rule on page 1, nothing on page 2, the bottom rule alone on page 3: one
    table over the three pages; the prose after the bottom rule and the prose page stay prose.
    A running head and foot in the page margins do not stop the table."""
    pdf = tmp_path / "pages.pdf"
    truth = docs.pages_doc(pdf, running=running)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.pages == truth["pages"] == [1, 2, 3]
    assert t.columns == truth["columns"]
    assert t.row_texts() == truth["rows"]
    assert t.title == truth["title"].replace(" ", "")
    # no table row is left in the prose, and the prose after the table is not in the table
    for page in (1, 2, 3):
        assert "号专项资金项目" not in _text(doc, page)
    assert "本年度项目资金总体执行情况良好" in _text(doc, truth["prose_page"])
    assert "本年度项目资金总体执行情况良好" in _text(doc, truth["prose_page"] + 1)


def test_rule_heading_each_continued_page(tmp_path: Path) -> None:
    """The same table with a rule repeated at the top of each page after the first: the rule
    heads the continued part, the table still ends at its bottom rule."""
    pdf = tmp_path / "pages.pdf"
    truth = docs.pages_doc(pdf, top_rule_after_break=True)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.pages == truth["pages"] == [1, 2, 3]
    assert t.row_texts() == truth["rows"]
    assert "本年度项目资金总体执行情况良好" in _text(doc, truth["prose_page"])


@pytest.mark.parametrize("gap", [1.0, 3.0])
def test_table_split_by_hand_off_the_page_break(tmp_path: Path, gap: float) -> None:
    """A table split by hand in two whose split drifted up the first page: the first part's
    bottom rule meets the second part's top rule (snapped to one double rule, or two rules
    3 pt apart), the second part runs on over the page breaks to its bottom rule. One table,
    every row; the prose after it stays prose."""
    pdf = tmp_path / "joint.pdf"
    truth = docs.pages_doc(pdf, joint_after=12, joint_gap=gap)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.pages == truth["pages"] == [1, 2, 3]
    assert t.row_texts() == truth["rows"]
    assert "本年度项目资金总体执行情况良好" in _text(doc, truth["prose_page"])


def test_double_bottom_rule_then_prose(tmp_path: Path) -> None:
    """A bottom rule drawn double ends the table: the prose under it is not read as rows."""
    pdf = tmp_path / "double.pdf"
    truth = docs.pages_doc(pdf, n_rows=20, double_bottom=True)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    assert doc.tables[0].row_texts() == truth["rows"]
    assert "本年度项目资金总体执行情况良好" in _text(doc, 1)


@pytest.mark.parametrize("close", [True, False])
def test_open_table_not_continued_by_prose(tmp_path: Path, close: bool) -> None:
    """A table over two pages, prose from the top of the next page (after the bottom rule, or
    with no bottom rule at all): the prose page is not read as the table's continuation."""
    pdf = tmp_path / "pages.pdf"
    truth = docs.pages_doc(pdf, n_rows=40, close=close, prose_apart=True)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.row_texts() == truth["rows"]
    assert t.pages == [1, 2]
    assert "本年度项目资金总体执行情况良好" in _text(doc, 3)
    assert "号专项资金项目" not in _text(doc, 2)


def test_header_groups_end_to_end_and_quarter_em_gutters(tmp_path: Path) -> None:
    """Two cmidrules that meet keep their own groups; amounts 2.5 pt apart are two columns."""
    pdf = tmp_path / "groups.pdf"
    truth = docs.groups_doc(pdf, gutter=2.5)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.columns == truth["columns"]
    assert t.columns[1] == ["资金到位情况", "合计"]
    assert t.columns[4] == ["资金使用情况", "合计"]
    assert t.row_texts() == truth["rows"]
    assert t.pages == [1]


def test_label_centred_over_even_rows_is_repeated(tmp_path: Path) -> None:
    """A city centred over 4 (or 2) county rows, between two baselines: no row glued to
    another, no row of its own; the city in every row it covers. In that column a city centred
    over 3 rows (on the middle baseline) covers them too."""
    pdf = tmp_path / "spans.pdf"
    truth = docs.spans_doc(pdf)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.columns == truth["columns"]
    assert t.row_texts() == truth["rows"]
    assert "本年度项目资金总体执行情况良好" in _text(doc, 1)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_table_over_pages(tmp_path: Path) -> None:
    """A Word table (python-docx) with only top, header and bottom borders, header row not
    repeated, printed by LibreOffice over several pages: one table, every row, prose after."""
    pdf = tmp_path / "office.pdf"
    truth = docs.office_doc(pdf)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert len(t.pages) >= 3
    assert t.pages == list(range(1, len(t.pages) + 1))
    assert t.columns == truth["columns"]
    assert t.row_texts() == truth["rows"]
    last = t.pages[-1]
    assert "本年度项目资金总体执行情况良好" in _text(doc, last)
    assert "号项目" not in _text(doc, last)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("n_rows", [100, 79, 95])
def test_libreoffice_groups_and_merged_cities_over_pages(tmp_path: Path, n_rows: int) -> None:
    """The same with a two-level header (the two group cells' bottom borders meet end to end)
    and city cells merged over 4 county rows, centred, some cut by a page break (LibreOffice
    prints a cut cell's name at the top of its first part; the last city may have 3 counties,
    its name on the middle one; the bottom rule may leave out the cut city cell's column):
    every row carries its city."""
    pdf = tmp_path / "office_groups.pdf"
    truth = docs.office_doc(pdf, n_rows=n_rows, grouped=True)
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert len(t.pages) >= 3
    assert t.columns == truth["columns"]
    assert t.columns[2] == ["资金到位情况", "合计"] and t.columns[4] == ["资金使用情况", "合计"]
    assert t.row_texts() == truth["rows"]


def test_column_empty_in_the_body_keeps_its_header(tmp_path: Path) -> None:
    """A 偏差原因 column nobody filled in: its header label stands right of the 得分 column's
    own label, so it heads a column of its own (empty cells), not the 得分 column's."""
    pdf = tmp_path / "empty.pdf"
    c = docs._canvas(pdf)
    xs = [docs.LEFT, docs.LEFT + 150, docs.LEFT + 230, docs.LEFT + 310, docs.RIGHT]
    header = ["三级指标", "分值", "得分", "偏差原因分析及改进措施"]
    rows = [[f"第{k + 1}项产出指标", str(2 + k % 4), f"{2 + k % 4:.2f}", ""] for k in range(8)]
    y = docs.H - 100
    docs._text(c, docs.W / 2, y + 20, "附件3 绩效目标完成情况表", 14, "c")
    docs._rule(c, docs.LEFT, docs.RIGHT, y, 1.0)
    for k, h in enumerate(header):
        docs._text(c, (xs[k] + xs[k + 1]) / 2, y - 15, h, 10, "c")
    y -= 22
    docs._rule(c, docs.LEFT, docs.RIGHT, y, 0.5)
    for r in rows:
        docs._text(c, xs[0] + 4, y - 14, r[0])
        docs._text(c, xs[2] - 20, y - 14, r[1], 10, "r")
        docs._text(c, xs[3] - 20, y - 14, r[2], 10, "r")
        y -= 20
    docs._rule(c, docs.LEFT, docs.RIGHT, y - 2, 1.0)
    docs._prose(c, y - 40, docs.PROSE)
    c.showPage()
    c.save()
    doc = read_document(pdf)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.columns == [[h] for h in header]
    assert t.row_texts() == rows
