"""The front door (tally.check / tally.extract) and the bugs issue 11 named, each pinned."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tally
from tally.extract.model import Cell, Document, Table
from tally.extract.numbers import parse_quantity
from tally.reconcile import CheckStats, check_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def test_check_a_sample_through_the_front_door() -> None:
    res = tally.check(SAMPLES / "jiangxi-agri-2023.pdf")
    assert isinstance(res, tally.DocumentResult)
    assert res.ok and res.document is not None
    assert res.errors == []
    assert res.checked and res.checked > 50
    doc = res.to_json()
    assert doc["status"] == "ok" and doc["checked_relations"] == res.checked
    assert doc["unchecked_relations"] == res.untrusted


def test_check_finds_planted_errors_through_the_front_door() -> None:
    res = tally.check(str(SAMPLES / "dirty" / "jiangxi-agri-2023-dirty.pdf"))
    assert res.ok and res.errors
    assert all(f.cells for f in res.errors)


def test_bad_input_comes_back_as_an_error_not_an_exception(tmp_path) -> None:
    letter = tmp_path / "letter.pdf"
    letter.write_text("这不是 PDF", encoding="utf-8")
    for fn in (tally.extract, tally.check):
        res = fn(letter)
        assert not res.ok and res.document is None
        assert res.error.code == "not_pdf"
        assert res.to_json()["status"] == "failed"
    assert tally.check(tmp_path / "missing.pdf").error.code == "not_found"


def test_extract_reads_without_checking() -> None:
    res = tally.extract(SAMPLES / "shaanxi-health-2022.pdf")
    assert res.ok and res.document.tables
    assert res.checked is None and res.findings == []


def test_no_module_imports_the_command_line() -> None:
    """The CLI and the batch both go through tally.api; nothing under tally/ imports cli.py."""
    offenders = []
    for py in (ROOT / "tally").rglob("*.py"):
        if py.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith("cli"):
                offenders.append(str(py))
            if isinstance(node, ast.Import) and any(a.name.endswith(".cli") for a in node.names):
                offenders.append(str(py))
    assert offenders == []


def _one_column_sum() -> Document:
    """Three items and their 合计: exactly one relation (the column sum)."""
    rows = [["甲", "1.00"], ["乙", "2.00"], ["丙", "3.00"], ["合计", "6.00"]]
    grid = [
        [
            Cell(1, (50.0 * c, 20.0 * r, 50.0 * c + 40, 20.0 * r + 15), t, parse_quantity(t))
            for c, t in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    table = Table("T1", "支出表", "万元", [1], [["项目"], ["金额"]], [], grid)
    return Document("x.pdf", [], [table])


def test_relations_are_counted_once() -> None:
    """Regression: each table's relations were added to the count twice."""
    stats = CheckStats()
    assert [
        f for f in check_document(_one_column_sum(), stats=stats) if f.severity == "error"
    ] == []
    assert stats.relations == 1


def test_rule_file_errors_name_the_file_and_the_key(tmp_path) -> None:
    typo = tmp_path / "typo.yaml"
    typo.write_text("totl: [总数]\n", encoding="utf-8")
    with pytest.raises(tally.RulesError, match="totl"):
        tally.load_rules([typo])
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("total: 总数\n", encoding="utf-8")
    with pytest.raises(tally.RulesError, match="total"):
        tally.load_rules([wrong])
    broken = tmp_path / "broken.yaml"
    broken.write_text("total: [总数\n", encoding="utf-8")
    with pytest.raises(tally.RulesError, match="broken.yaml"):
        tally.check(SAMPLES / "jiangxi-agri-2023.pdf", rules=[broken])
    good = tmp_path / "good.yaml"
    good.write_text("total: [总数]\naliases: [[甲项目, 甲]]\n", encoding="utf-8")
    vocab = tally.load_rules([good])
    assert "总数" in vocab.words["total"] and "合计" in vocab.words["total"]


def test_rules_fingerprint_follows_the_words(tmp_path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text("total: [总数]\n", encoding="utf-8")
    b = tmp_path / "b.yaml"
    b.write_text("total: [总和]\n", encoding="utf-8")
    base = tally.rules_fingerprint()
    assert base == tally.rules_fingerprint([])
    assert len({base, tally.rules_fingerprint([a]), tally.rules_fingerprint([b])}) == 3


def test_batch_rerun_with_other_rules_or_language_checks_again(tmp_path) -> None:
    """Regression: the batch cache key ignored --rules and --lang, so a rerun with new rules
    skipped every document."""
    from tally.batch.runner import run_batch

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes((SAMPLES / "jiangxi-agri-2023.pdf").read_bytes())
    out = tmp_path / "out"
    rules = tmp_path / "more.yaml"
    rules.write_text("total: [总数]\n", encoding="utf-8")
    first = run_batch([str(src)], out, workers=1, progress=False)
    assert (first.checked, first.skipped) == (1, 0)
    same = run_batch([str(src)], out, workers=1, progress=False)
    assert (same.checked, same.skipped) == (0, 1)
    other_rules = run_batch([str(src)], out, workers=1, progress=False, rules=[str(rules)])
    assert (other_rules.checked, other_rules.skipped) == (1, 0)
    other_lang = run_batch([str(src)], out, workers=1, progress=False, lang="en")
    assert (other_lang.checked, other_lang.skipped) == (1, 0)


def test_each_table_says_how_far_it_was_understood() -> None:
    """Like camelot's parsing_report: per table, the relations checked and left untrusted by
    family, and a status; a table whose words imply nothing is 'none', never passed silently."""
    res = tally.check(SAMPLES / "hunan-amr-2023.pdf")
    tables = res.to_json()["tables"]
    assert all(t["check"] is not None for t in tables)
    assert sum(t["check"]["checked"] for t in tables) + res.to_json()["checked_relations"] > 0
    annex1 = next(t for t in tables if (t["title"] or "").startswith("附件1"))
    assert annex1["check"]["status"] == "checked"
    assert annex1["check"]["relations"]["row_sum"]["checked"] > 0
    assert annex1["check"]["relations"]["rate"]["checked"] > 0
    table_total = sum(rep.checked for rep in res.table_reports.values())
    assert table_total <= res.checked  # the rest are prose claims

    stats = CheckStats()
    check_document(_one_column_sum(), stats=stats)
    (rep,) = stats.tables.values()
    assert rep.status == "checked" and rep.families["column_sum"] == {"checked": 1, "untrusted": 0}
    bare = Document("x.pdf", [], [Table("T1", None, None, [1], [["项目"], ["说明"]], [], [])])
    stats = CheckStats()
    check_document(bare, stats=stats)
    assert stats.tables == {}  # no rows: nothing to report on
