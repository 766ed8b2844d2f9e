"""Three-line tables whose rules do not all span the table: LibreOffice leaves the top, cmid
and header rules out over cells merged down through the header, and the bottom rule under a
body cell merged down to the last row. Made at test time (python-docx → LibreOffice): the
random report generator's documents, and a small table of our own."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from samples.randreport.generate import doc_name, make  # noqa: E402
from samples.randreport.score import norm  # noqa: E402
from tally.extract import read_document  # noqa: E402

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


def _tables(pdf: Path) -> list[tuple[list[list[str]], list[list[str]]]]:
    doc = read_document(pdf)
    return [
        ([[norm(x) for x in p] for p in t.columns], [[norm(x) for x in r] for r in t.row_texts()])
        for t in doc.tables
    ]


def _want(truth: dict) -> list[tuple[list[list[str]], list[list[str]]]]:
    return [
        ([[norm(x) for x in p] for p in t["columns"]], [[norm(x) for x in r] for r in t["rows"]])
        for t in truth["tables"]
    ]


# 0: 项目名称 and 使用率 merged through a two-level header, the table over two pages with its
# header repeated; 16: a region merged down to the last row (a shortened bottom rule);
# 76: a score table whose 一级 labels stand on rows' baselines (merged over odd row counts)
@pytest.mark.parametrize("seed", [0, 16, 76])
def test_docx_three_line_tables_exact(tmp_path: Path, seed: int) -> None:
    make(seed, tmp_path, producer="docx", rules="three-line")
    pdf = tmp_path / f"{doc_name(seed)}.pdf"
    truth = json.loads(pdf.with_suffix(".truth.json").read_text())
    assert truth["variant"]["rules"] == "three-line"
    want = _want(truth)
    got = _tables(pdf)
    assert len(got) == len(want)
    for (gc, gr), (wc, wr) in zip(got, want, strict=True):
        assert gc == wc
        assert gr == wr


def _merged_doc(path: Path) -> dict:
    """A table bordered per cell (top rule on the first header row, a cmidrule under the group,
    the header rule under the header's last row, the bottom rule under the last row), its 地区,
    项目名称 and 执行率 header cells merged through both header rows, 地区 merged over two
    rows at a time down to the last row, centred (between the two rows' baselines)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def el(tag: str, **attrs: str):  # noqa: ANN202
        e = OxmlElement(tag)
        for k, v in attrs.items():
            e.set(qn(k), v)
        return e

    def rules(cell, **sides: str) -> None:  # noqa: ANN001
        tcb = el("w:tcBorders")
        for side, sz in sides.items():
            tcb.append(
                el(f"w:{side}", **{"w:val": "single", "w:sz": sz, "w:space": "0", "w:color": "0"})
            )
        cell._tc.get_or_add_tcPr().append(tcb)

    rng = random.Random(11)
    regions = ["东部地区", "中部地区", "西部地区"]
    rows = []
    for k, region in enumerate(regions):
        for j in range(2):
            bud = rng.randint(10_000, 900_000)
            spent = rng.randint(bud // 2, bud)
            rows.append(
                [
                    region,
                    f"第{2 * k + j + 1}号项目",
                    f"{bud / 100:,.2f}",
                    f"{spent / 100:,.2f}",
                    f"{spent / bud:.2%}",
                ]
            )
    doc = Document()
    st = doc.styles["Normal"]
    st.font.size = Pt(10.5)
    rpr = st.element.get_or_add_rPr()
    rpr.insert(
        0,
        el("w:rFonts", **{f"w:{k}": "WenQuanYi Micro Hei" for k in ("ascii", "hAnsi", "eastAsia")}),
    )
    doc.add_paragraph("附件1 2023年度项目资金执行情况表")
    table = doc.add_table(rows=2 + len(rows), cols=5)
    for c in (0, 1, 4):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 2).merge(table.cell(0, 3))
    for r0 in range(2, 2 + len(rows), 2):
        table.cell(r0, 0).merge(table.cell(r0 + 1, 0))
    head = {(0, 0): "地区", (0, 1): "项目名称", (0, 2): "资金情况", (0, 4): "执行率"}
    head |= {(1, 2): "预算数", (1, 3): "执行数"}
    for (r, c), text in head.items():
        cell = table.cell(r, c)
        cell.paragraphs[0].add_run(text)
        cell.paragraphs[0].alignment = 1
    for i, row in enumerate(rows):
        for c, text in enumerate(row):
            if c == 0 and i % 2:
                continue
            cell = table.cell(2 + i, c)
            cell.paragraphs[0].add_run(text)
            cell.paragraphs[0].alignment = 1 if c < 2 else 2
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = 1
    for c in range(5):  # the generator's way: each side on the cell it belongs to
        rules(table.cell(0, c), top="12", **({"bottom": "4"} if c in (2, 3) else {}))
        rules(table.cell(1, c), bottom="6")
        rules(table.cell(1 + len(rows), c), bottom="12")
    doc.add_paragraph("以上资金均已按规定拨付到位。")
    docx = path.with_suffix(".docx")
    doc.save(str(docx))
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf"]
            + ["--outdir", str(path.parent), str(docx)],
            check=True,
            capture_output=True,
            timeout=300,
        )
    columns = [["地区"], ["项目名称"], ["资金情况", "预算数"], ["资金情况", "执行数"], ["执行率"]]
    return {"columns": columns, "rows": rows}


def test_cells_merged_through_the_header_and_to_the_last_row(tmp_path: Path) -> None:
    pdf = tmp_path / "merged.pdf"
    truth = _merged_doc(pdf)
    got = _tables(pdf)
    assert len(got) == 1
    columns, rows = got[0]
    assert columns == truth["columns"]
    assert rows == truth["rows"]


# Benchmark reports each of which once lost rows or columns: 31 (ReportLab) a wrapped header
# filling its narrow code column came within a point of the next column and bridged the two;
# 63 (LibreOffice) header cells of one to six lines centred at different heights, ten lines
# in all; 130 (Chromium) a lone region column beside the leaf labels, each region label
# centred over its odd run of rows; 133 (LibreOffice) a region column whose labels stand on
# their block's first row and must not be tiled into runs by chance.
@pytest.mark.parametrize(
    "seed,producer", [(31, "reportlab"), (63, "docx"), (130, "html"), (133, "docx")]
)
def test_three_line_reports_exact(tmp_path: Path, seed: int, producer: str) -> None:
    if producer == "html" and not shutil.which("chromium"):
        pytest.skip("chromium is not installed")
    assert make(seed, tmp_path)["producer"] == producer
    pdf = tmp_path / f"{doc_name(seed)}.pdf"
    truth = json.loads(pdf.with_suffix(".truth.json").read_text())
    assert truth["variant"]["rules"] == "three-line"
    want = _want(truth)
    assert _tables(pdf) == want
