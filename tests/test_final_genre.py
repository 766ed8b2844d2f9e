"""Final-accounts disclosures made at test time (samples/randreport, genre ``final``; seeds
outside benchmarks/bench_budgets.py's 0–39): the 决算 tables read exactly in each producer — the
“三公” table's 预算数 | 决算数 groups over a three-level header (in docx, two group rules drawn
end to end over the whole width), 人员经费 | 公用经费 side by side in one grid, 收入 | 支出 — no
error on the clean twin, and every planted error found at its cell on the dirty one: a 类 ≠ Σ 款,
a 合计 ≠ 基本 + 项目, a side's total or economic class, 本年收入合计 / 收入总计, 基本支出 against
the basic table's 人员经费合计 + 公用经费合计, a 三公 part, a prose total against its 其中 parts
or against the table it quotes, and 决算数大于/小于/等于年初预算数 against the two amounts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import tally
from samples.randreport.generate import doc_name, make
from samples.randreport.score import score_document

CASES = [
    ("docx", "three-line", 2010, {"basic_project", "prose_direction"}),
    ("html", "none", 2008, {"class_sum", "side_block", "summary_total"}),
    ("reportlab", "none", 2038, {"basic_split", "prose_yoy", "sangong"}),
    ("docx", "none", 2019, {"basic_project", "class_sum", "side_block"}),
    ("html", "three-line", 2048, {"class_sum", "prose_total", "sangong"}),
    ("reportlab", "grid", 2004, {"basic_project", "class_sum", "prose_sum"}),
]


@pytest.mark.parametrize("producer,rules,seed,kinds", CASES)
def test_final_accounts(tmp_path: Path, producer: str, rules: str, seed: int, kinds: set) -> None:
    if producer == "docx" and not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    if producer == "html" and not shutil.which("chromium"):
        pytest.skip("chromium is not installed")
    make(seed, tmp_path, producer=producer, rules=rules, genre="final")
    for suffix in ("", "-dirty"):
        pdf = tmp_path / f"{doc_name(seed, 'final')}{suffix}.pdf"
        truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
        res = tally.check(pdf)
        assert res.ok, res.error
        doc = res.to_json()
        r = score_document(truth, doc)
        problems = [n for n in r["notes"] if "戶" not in n]
        assert r["tables_found"] == r["tables_truth"] == 4, problems
        assert r["cols_exact"] == r["cols_truth"], problems
        assert r["rows_exact"] == r["rows_truth"], problems
        assert r["false_errors"] == 0, problems
        assert r["plants_found"] == r["plants"], problems
        if suffix:
            assert {p["kind"] for p in truth["planted"]} == kinds
        else:
            # the summary's balance and the basic spending across tables are checked, and hold
            checked = {k for k, v in doc["identities"].items() if v["checked"]}
            assert {"收支总表收支平衡", "收入总计构成", "基本支出决算构成（跨表）"} <= checked
            assert {"正文收入总计", "正文一般公共预算支出", "正文三公经费决算"} <= checked
            assert all(v["failed"] == 0 for v in doc["identities"].values())
