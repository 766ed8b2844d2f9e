"""Department budget disclosures made at test time (samples/randreport, genre ``budget``;
seeds outside benchmarks/bench_budgets.py's 0–39): the genre's tables read exactly in each
producer, the identities of the rule file checked, no error on the clean one, and every planted
error (a cross-table total, a 收支总表 total, a 类 ≠ Σ 款, a 三公 part, 基本支出 ≠ 人员 + 公用,
a year-on-year rate against 与2023年度的X万元相比) found at its cell on the dirty twin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import tally
from samples.randreport.generate import doc_name, make
from samples.randreport.score import score_document

CASES = [
    ("reportlab", "grid", 1000),
    ("reportlab", "three-line", 1001),  # the 三公 header: cmidrules at two heights
    ("html", "three-line", 1002),  # 收入 | 支出 group rules end to end over the whole width
    ("docx", "three-line", 1003),  # 0.5 / 0.75 / 1.5 pt rules: the 0.75 one is no frame rule
    ("docx", "grid", 1004),
]


@pytest.mark.parametrize("producer,rules,seed", CASES)
def test_budget_disclosure(tmp_path: Path, producer: str, rules: str, seed: int) -> None:
    if producer == "docx" and not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    if producer == "html" and not shutil.which("chromium"):
        pytest.skip("chromium is not installed")
    make(seed, tmp_path, producer=producer, rules=rules, genre="budget")
    for suffix in ("", "-dirty"):
        pdf = tmp_path / f"{doc_name(seed, 'budget')}{suffix}.pdf"
        truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
        res = tally.check(pdf)
        assert res.ok, res.error
        doc = res.to_json()
        r = score_document(truth, doc)
        # 户 may come out as 戶 from a CJK font that maps both to one glyph: not a reading error
        problems = [n for n in r["notes"] if "戶" not in n]
        assert r["tables_found"] == r["tables_truth"], problems
        assert r["cols_exact"] == r["cols_truth"], problems
        hu = sum(1 for t in truth["tables"] for row in t["rows"] if any("户" in x for x in row))
        assert r["rows_exact"] >= r["rows_truth"] - hu, problems
        assert r["false_errors"] == 0, problems
        assert r["plants_found"] == r["plants"], problems
        assert len(doc["identities"]) >= 10, doc["identities"]
        if not suffix:
            assert all(v["failed"] == 0 for v in doc["identities"].values())
