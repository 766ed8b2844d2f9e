"""Every sample PDF against its truth file (written by its generator, never by the extractor):
every header path and every body cell must come out exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read, sample_pdfs
from truth import compare, load_truth

SAMPLES = sample_pdfs()


def test_samples_present() -> None:
    names = {p.name for p in SAMPLES}
    assert "hunan-amr-2023.pdf" in names
    assert len(names) >= 4


@pytest.mark.parametrize("pdf", SAMPLES, ids=lambda p: p.stem)
def test_tables_match_truth(pdf: Path) -> None:
    truth = load_truth(pdf)
    doc = read(str(pdf))
    assert len(doc.pages) == truth["pages"]
    result = compare(doc, truth)
    assert result.problems == []
    assert result.header_equal == result.header_total > 0
    assert result.cell_equal == result.cell_total > 0


@pytest.mark.parametrize("pdf", SAMPLES, ids=lambda p: p.stem)
def test_cells_keep_provenance(pdf: Path) -> None:
    """Each body cell sits on a page of its table, inside that page's table area, and a
    non-blank cell's box holds its printed text."""
    doc = read(str(pdf))
    for t in doc.tables:
        for row in t.rows:
            for cell in row:
                assert cell.page in t.pages
                x0, top, x1, bottom = cell.bbox
                tx0, ttop, tx1, tbottom = t.bboxes[cell.page]
                assert tx0 - 1 <= x0 <= x1 <= tx1 + 1
                assert ttop - 1 <= top <= bottom <= tbottom + 1


def test_numbers_parsed_once_with_precision() -> None:
    doc = read(str(Path(__file__).parent.parent / "samples" / "shaanxi-health-2022.pdf"))
    kinds: dict[str, set[str]] = {}
    for t in doc.tables:
        for row in t.rows:
            for cell in row:
                kinds.setdefault(cell.quantity.kind, set()).add(cell.text)
                if cell.quantity.is_number:
                    lo, hi = cell.quantity.interval()
                    assert lo <= cell.quantity.scaled <= hi
    assert {"number", "dash", "na", "blank", "text"} <= set(kinds)
    assert "-" in kinds["dash"] and "/" in kinds["na"]


def test_table_as_dataframe() -> None:
    doc = read(str(Path(__file__).parent.parent / "samples" / "hunan-amr-2023.pdf"))
    annex1 = doc.tables[0]
    frame = annex1.to_frame()
    assert frame.shape == (len(annex1.rows), annex1.n_cols)
    assert frame[("资金到位情况", "合计")].iloc[-1] == "35014.75"
    assert frame[("项目名称", "")].iloc[0] == "法治建设"
