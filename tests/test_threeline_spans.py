"""Three-line tables with columns of spanning labels (一级/二级 indicators centred over their
rows, a city centred over its counties), wrapped cells and tightly set rows, made by the random
report generator at test time: every table read exactly as its truth file says."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from samples.randreport.generate import doc_name, make  # noqa: E402
from samples.randreport.score import norm  # noqa: E402
from tally.extract import read_document  # noqa: E402


def _check(seed: int, tmp_path: Path, producer: str | None = None) -> None:
    make(seed, tmp_path, producer=producer, rules="three-line")
    pdf = tmp_path / f"{doc_name(seed)}.pdf"
    truth = json.loads(pdf.with_suffix(".truth.json").read_text())
    assert truth["variant"]["rules"] == "three-line"
    doc = read_document(pdf)
    got = [
        ([[norm(x) for x in p] for p in t.columns], [[norm(x) for x in r] for r in t.row_texts()])
        for t in doc.tables
    ]
    want = [
        ([[norm(x) for x in p] for p in t["columns"]], [[norm(x) for x in r] for r in t["rows"]])
        for t in truth["tables"]
    ]
    assert len(got) == len(want)
    for (gc, gr), (wc, wr) in zip(got, want, strict=True):
        assert gc == wc
        assert gr == wr


# reportlab: score tables whose 一级 labels sit between rows or on a row, 二级 over 1–3 rows,
# wrapped 扣分因素 cells whose lines share a baseline with a label; a goal table the same way
@pytest.mark.parametrize("seed", [4, 21, 39, 43, 46, 111])
def test_reportlab_three_line_tables_exact(tmp_path: Path, seed: int) -> None:
    _check(seed, tmp_path)


# Chromium: rows set tightly (two rows' numbers on separate baselines, never glued)
@pytest.mark.skipif(
    not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")),
    reason="Chromium not installed",
)
@pytest.mark.parametrize("seed", [17, 5, 30])
def test_html_three_line_tables_exact(tmp_path: Path, seed: int) -> None:
    _check(seed, tmp_path)


def _chars(text: str, x: float, top: float, size: float = 8.0) -> list[dict]:
    return [
        {"text": ch, "x0": x + i * size, "x1": x + (i + 1) * size, "top": top, "bottom": top + size}
        for i, ch in enumerate(text)
    ]


def test_labels_tile_their_column_nested_in_the_column_to_the_left() -> None:
    """Rows at pitch 15 (the numbers); 一级 甲 centred between rows 0 and 1, 乙 on row 3 (rows
    2–4), 合计 on row 5; 二级 子 beside 甲 on one line (rows 0–1), 丑 on row 2 alone, 寅 between
    rows 3 and 4; the 合计 row leaves 二级 empty."""
    import importlib

    read_body = importlib.import_module("tally.extract.spantile").read_body
    cols = [0.0, 60.0, 120.0, 200.0, 260.0]

    def col_of(x: float) -> int:
        return max(i for i, c in enumerate(cols) if x >= c)

    ys = [100.0 + 15 * i for i in range(6)]
    chars: list[dict] = []
    for i, y in enumerate(ys):
        chars += _chars("12", 205, y) + _chars("3.5", 265, y)
        if i < 5:
            chars += _chars(f"名{i}", 125, y)
    chars += _chars("甲", 5, (ys[0] + ys[1]) / 2)  # A over rows 0–1
    chars += _chars("乙", 5, ys[3])  # B over rows 2–4
    chars += _chars("合计", 5, ys[5])
    chars += _chars("子", 65, (ys[0] + ys[1]) / 2)  # rows 0–1, on 甲's line
    chars += _chars("丑", 65, ys[2])  # row 2
    chars += _chars("寅", 65, (ys[3] + ys[4]) / 2)  # rows 3–4
    from tally.extract.text import group_lines

    rows, spans, runs = read_body(group_lines(chars), col_of)
    assert len(rows) == 6
    got = sorted((a, b, lab.col, "".join(c["text"] for c in lab.chars)) for a, b, lab in spans)
    assert got == [(0, 2, 0, "甲"), (0, 2, 1, "子"), (3, 5, 1, "寅")]
    assert (2, 5, 0, 3) in runs  # 乙 printed on row 3 covers rows 2–4
