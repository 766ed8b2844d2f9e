"""Identities of the budget genre (rule file ``identities``) on real budget disclosures: every
identity whose terms the document prints is checked and holds; an amount changed in one table
breaks the identities it is in, reported at its cell; a bad rule file names the key at fault."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import REALPDFS, read

from tally.extract.numbers import parse_quantity
from tally.reconcile import CheckStats, check_document
from tally.reconcile.identities import find, parse
from tally.reconcile.structure import Vocab

pytestmark = pytest.mark.realpdf

PDF = (
    REALPDFS
    / "jiangsu-budgets"
    / "江苏省人大办公厅"
    / "江苏省人大常委会办公厅2019年部门预算公开表.pdf"
)


def _identities() -> dict:
    return {i.id: i for i in parse(Vocab.load().words["identities"])}


def _check(doc) -> tuple[list, CheckStats]:  # noqa: ANN001
    stats = CheckStats()
    return check_document(doc, stats=stats), stats


def test_identities_hold_on_a_real_budget() -> None:
    found, stats = _check(read(str(PDF)))
    checked = {k for k, v in stats.identities.items() if v["checked"]}
    assert {
        "收支总表收支平衡",
        "收入总计构成",
        "支出总计构成",
        "收入总表合计",
        "支出总表合计",
        "财政拨款收支平衡",
        "财政拨款支出表合计",
        "财政拨款本年收入",
        "三公经费构成",
        "公务用车构成",
    } <= checked
    assert [f for f in found if f.rule == "identity"] == []


def _set(doc, term, text: str):  # noqa: ANN001
    """A copy of the document with the amount the term names printed as ``text``."""
    doc = copy.deepcopy(doc)
    amount = find(doc, term)
    assert amount is not None
    for table in doc.tables:
        for row in table.rows:
            for k, cell in enumerate(row):
                if cell.page == amount.cell.page and cell.bbox == amount.cell.bbox:
                    row[k] = replace(cell, text=text, quantity=parse_quantity(text))
    return doc, amount


def test_an_amount_changed_in_the_income_table_breaks_its_identity() -> None:
    ident = _identities()["收入总表合计"]
    doc, amount = _set(read(str(PDF)), ident.parts[0], "18,330.73")
    found, stats = _check(doc)
    errors = [f for f in found if f.rule == "identity" and f.severity == "error"]
    assert stats.identities["收入总表合计"] == {"checked": 1, "failed": 1}
    assert len(errors) == 1
    f = errors[0]
    assert [(c.page, c.bbox) for c in f.cells if c.role == "operand"] == [
        (amount.cell.page, amount.cell.bbox)
    ]
    assert "18,330.73" in f.message_zh and "收入总表" in f.message_zh


def test_three_public_expenses_changed_part() -> None:
    ident = _identities()["三公经费构成"]
    doc, amount = _set(read(str(PDF)), ident.parts[2], "394.75")  # 公务接待费 384.75
    found, _ = _check(doc)
    errors = [f for f in found if f.severity == "error" and f.rule in ("identity", "row_sum")]
    assert errors, "a changed 公务接待费 must break the 三公 sum"
    assert any(
        (c.page, c.bbox) == (amount.cell.page, amount.cell.bbox) for f in errors for c in f.cells
    )


def test_rule_file_identity_errors_name_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("identities:\n  - {id: x, zh: x, en: x, total: {label: 合计}}\n", "utf-8")
    with pytest.raises(ValueError, match="parts"):
        Vocab.load([bad])
    bad.write_text(
        "identities:\n  - {id: x, zh: x, en: x, table: 表, total: {label: 合计, colour: 1},"
        " parts: [{label: 小计}]}\n",
        "utf-8",
    )
    with pytest.raises(ValueError, match="colour"):
        Vocab.load([bad])


def test_rule_file_adds_an_identity(tmp_path: Path) -> None:
    """A user's identity (here: 支出总表 合计 = 基本支出 + 项目支出 + 单位预留机动经费) is checked
    alongside the defaults."""
    extra = tmp_path / "rules.yaml"
    extra.write_text(
        "identities:\n"
        "  - id: 支出用途\n    zh: 合计 = 基本 + 项目 + 预留\n    en: total = parts\n"
        "    table: 支出.*总表\n    total: {column: 合计}\n"
        "    parts: [{column: 基本支出}, {column: 项目支出}, {column: 单位预留.*}]\n",
        "utf-8",
    )
    stats = CheckStats()
    found = check_document(read(str(PDF)), rules=[extra], stats=stats)
    assert stats.identities["支出用途"] == {"checked": 1, "failed": 0}
    assert not [f for f in found if f.rule == "identity"]


def test_json_report_lists_the_identities_checked() -> None:
    import tally

    doc = tally.check(PDF).to_json()
    assert doc["identities"]["收入总表合计"] == {"checked": 1, "failed": 0}
    assert all(v["checked"] >= 1 for v in doc["identities"].values())


COURT = (
    REALPDFS
    / "jiangsu-budgets"
    / "江苏省高级人民法院"
    / "江苏省高级人民法院2019年度部门预算公开.pdf"
)


def test_the_text_quoting_a_table_total() -> None:
    """收入预算总计37188.34万元 in the explanation against the summary table's 收入总计; the
    same figure misprinted in the text is an error at the text's number, on its page."""
    doc = read(str(COURT))
    found, stats = _check(doc)
    assert stats.identities["正文收入总计"] == {"checked": 1, "failed": 0}
    assert stats.identities["正文一般公共预算支出"]["checked"] == 1
    assert not [f for f in found if f.rule == "identity"]
    bad = copy.deepcopy(doc)
    line = next(
        ln for ln in bad.pages[16].lines if "收入预算总计" in ln.text and "37188.34" in ln.text
    )
    line.text = line.text.replace("37188.34", "37188.43")  # same length: boxes stay aligned
    found, stats = _check(bad)
    (f,) = [f for f in found if f.rule == "identity"]
    assert stats.identities["正文收入总计"] == {"checked": 1, "failed": 1}
    assert f.severity == "error" and "正文" in f.message_zh and "37,188.34" in f.message_zh
    assert (f.cells[0].page, f.cells[0].text) == (17, "37188.43万元")


def test_a_prose_term_only_as_a_total(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        "identities:\n  - {id: x, zh: x, en: x, table: 表, total: {label: 合计},"
        " parts: [{prose: 合计}]}\n",
        "utf-8",
    )
    with pytest.raises(ValueError, match="prose"):
        Vocab.load([bad])
