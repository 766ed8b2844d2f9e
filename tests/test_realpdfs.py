"""Real department budget disclosures: every one opens, its tables come out, and the
收支预算总表 agrees with the values another tool recorded beside it."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import REALPDFS, read, real_pdfs

pytestmark = pytest.mark.realpdf

_ORDINAL = re.compile(
    r"^([一二三四五六七八九十]+、|[0-9]+[.、．]|[（(][一二三四五六七八九十0-9]+[)）])"
)


def _label(text: str) -> str:
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return _ORDINAL.sub("", t)


@pytest.mark.parametrize("pdf", real_pdfs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_opens_and_reads(pdf: Path) -> None:
    doc = read(str(pdf))
    assert len(doc.pages) > 0
    text = "".join(ln.text for pg in doc.pages for ln in pg.lines)
    assert len(text) > 100  # real Chinese text came out, not nothing
    for t in doc.tables:
        assert t.pages and all(1 <= p <= len(doc.pages) for p in t.pages)
        assert all(len(row) == t.n_cols for row in t.rows)
        for row in t.rows:
            for cell in row:
                x0, top, x1, bottom = cell.bbox
                assert x0 <= x1 and top <= bottom


def _summary_cases() -> list[tuple[Path, str, dict[str, float]]]:
    cases = []
    for csv_path in sorted(REALPDFS.rglob("收支预算总表.csv")):
        with csv_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                year = row.pop("")[:4]
                values = {k: float(v) for k, v in row.items() if v}
                cases.append((csv_path.parent, year, values))
    return cases


def _summary_table(folder: Path, year: str):
    for pdf in sorted(folder.glob(f"*{year}*.pdf")):
        for t in read(str(pdf)).tables:
            if t.title and "收支预算总表" in t.title and "财政拨款" not in t.title:
                return pdf, t
    return None, None


@pytest.mark.parametrize(
    "folder,year,values",
    _summary_cases(),
    ids=lambda v: v.name if isinstance(v, Path) else (v if isinstance(v, str) else ""),
)
def test_summary_table_agrees_with_csv(folder: Path, year: str, values: dict[str, float]) -> None:
    pdf, table = _summary_table(folder, year)
    assert table is not None, f"no 收支预算总表 found for {folder.name} {year}"
    found: dict[str, float] = {}
    for row in table.rows:
        for c, cell in enumerate(row):
            key = _label(cell.text)
            if key not in values or key in found:
                continue
            # the amount is the first number to the right of its label
            for right in row[c + 1 :]:
                if right.quantity.is_number:
                    found[key] = right.quantity.value
                    break
    missing = sorted(set(values) - set(found))
    assert not missing, f"{pdf.name}: labels not found in the table: {missing}"
    wrong = {k: (found[k], v) for k, v in values.items() if abs(found[k] - v) > 0.005}
    assert not wrong, f"{pdf.name}: extracted != recorded: {wrong}"


def _table_titled(pdf: Path, words: str):
    return next(t for t in read(str(pdf)).tables if t.title and words in t.title)


def test_header_cut_by_the_page_foot_is_joined() -> None:
    """省法院2018: the table's top header row alone at the foot of page 10, the rest of the
    header and the body on page 11."""
    pdf = REALPDFS / "jiangsu-budgets" / "江苏省高级人民法院" / "省法院2018年度部门预算公开.pdf"
    t = _table_titled(pdf, "财政拨款收支预算总表")
    assert t.pages == [10, 11]
    assert t.columns[0] == ["收入", "项目名称"] and t.columns[-1][0] == "支出"
    assert t.rows[-1][0].text == "收入合计"


def test_title_left_at_the_foot_of_the_page_before() -> None:
    pdf = REALPDFS / "jiangsu-budgets" / "江苏省人大办公厅" / "江苏省人大办公厅2017年度预算公开.pdf"
    t = _table_titled(pdf, "财政拨款基本支出预算表")
    assert t.pages[0] == 13 and t.unit == "万元"


def test_row_cut_by_a_page_break_is_joined() -> None:
    """WPS let the row 八、社会保障和就业支出 break across pages 7 and 8."""
    pdf = REALPDFS / "jiangsu-budgets" / "江苏省人大办公厅" / "江苏省人大办公厅2017年度预算公开.pdf"
    t = _table_titled(pdf, "收支预算总表")
    labels = [row[2].text for row in t.rows]
    assert "八、社会保障和就业支出" in labels and "业支出" not in labels
