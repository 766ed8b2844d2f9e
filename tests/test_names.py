"""Names across annexes: the same project printed differently in two tables is matched one to
one, and the rules between the tables (sampled ≤ allocated, cost targets) run on the pairs.

The seed's names live here, as the hand-made truth of which annex-2 column is which annex-1
project; the matcher itself knows no project name."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import SAMPLES, read, real_pdfs

from tally.extract.model import Document, Table
from tally.extract.numbers import parse_quantity
from tally.reconcile.names import (
    THRESHOLD,
    Match,
    cross_table_checks,
    match_names,
    name_key,
    score,
)
from tally.reconcile.structure import Vocab

HUNAN = SAMPLES / "hunan-amr-2023.pdf"

# Every annex-2 project column (as printed on its first header page) and the annex-1 row
# (项目名称) it stands for, worked out by hand from the seed's two annex-2 header pages.
HUNAN_PAIRS = {
    "法治建设": "法治建设",
    "深化商事制度改革": "深化商事制度改革",
    "企业信用及双随机一公开监管": "企业信用及双随机一公开监管",
    "商品与网络交易监管": "商品与网络交易监管",  # 商品网络交易监管 on the 2nd header page
    "广告监测监管": "广告监测监管",
    "质量强省": "质量强省",
    "食品安全综合协调与考核": "食品安全综合协调与工作考核",
    "食品生产安全": "食品生产安全监管",  # under the spanning 食品安全监管
    "食品经营安全": "食品经营安全监管",
    "特殊食品安全": "特殊食品安全监管",
    "特种设备安全": "特种设备安全监管",
    "计量项目": "计量项目",
    "认证项目": "认证监督项目",
    "认可项目": "认可监督项目",
    "消费者权益保护": "消费者权益保护",
    "质量执法办案(含烟草)": "质量执法办案（含烟草）",
    "反垄及打击传销": "反垄断及打击传销专项",
    "价格监督与不正当竞争": "价格监督与反不正当竞争",
    "产商质量抽查与风险监测": "产商品质量抽查与风险监测",
    "食品抽项目": "食品抽检项目",
    "新闻宣传与应急管理": "新闻宣传与应急管理",
    "信息网络系统维护及建设经费": "信息网络系统维护及建设经费",
    "科技项目": "科技项目",
    "标准化": "标准化",
    "培训费": "培训费",
    "检验检测能力提升": "检验检测能力提升",
    "基础能力提升": "基层基础能力提升",
    "重点项目补助": "重点项目补助",
    "真抓实干激励": "真抓实干激励",
    "绩效管理激励": "绩效管理激励",
    "知识产权战略推进": "知识产权战略推进项目",
    "非公党建、团建专项": "非公党建、团建项目",
}


def _table(doc: Document, prefix: str, last: bool = False) -> Table:
    found = [t for t in doc.tables if (t.title or "").startswith(prefix)]
    assert found, prefix
    return found[-1] if last else found[0]


def _between(matches: list[Match], t1: Table, t2: Table) -> dict[str, str]:
    """{name in t2: name in t1} for the matches between the two tables."""
    out: dict[str, str] = {}
    for m in matches:
        if m.tables == (t1.id, t2.id):
            out[m.b] = m.a
        elif m.tables == (t2.id, t1.id):
            out[m.a] = m.b
    return out


def _project_columns(t: Table) -> list[str]:
    """An annex-2 table's project columns: every leaf right of its 合计 column."""
    leaves = [p[-1] for p in t.columns]
    return leaves[leaves.index("合计") + 1 :]


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return Vocab.load()


@pytest.fixture(scope="module")
def hunan(vocab: Vocab):
    doc = read(str(HUNAN))
    matches, findings = match_names(doc, vocab)
    return doc, matches, findings + cross_table_checks(doc, vocab, matches)


# ---- the score ----------------------------------------------------------------------------------


def test_score_separates_abbreviations_from_other_names(vocab: Vocab) -> None:
    stop = vocab.words["name_stopwords"]
    for a, b in [
        ("反垄断及打击传销专项", "反垄及打击传销"),
        ("产商品质量抽查与风险监测", "产商质量抽查与风险监测"),
        ("基层基础能力提升", "基础能力提升"),
        ("食品抽检项目", "食品抽项目"),
        ("商品与网络交易监管", "商品网络交易监管"),
        ("认证监督项目", "认证项目"),
    ]:
        assert score(a, b, stop) >= THRESHOLD, (a, b)
    for a, b in [("认证监督项目", "认可监督项目"), ("认证项目", "认可监督项目")]:
        assert score(a, b, stop) < THRESHOLD - 10, (a, b)


def test_name_key_normalises() -> None:
    assert name_key("质量执法办案（含烟草）") == name_key("质量执法办案(含烟草)")
    assert name_key("一、基本支出") == "基本支出"
    assert name_key("非公党建、团建项目") == "非公党建团建项目"
    assert name_key(" 315 活动") == "315活动"


# ---- the seed sample ----------------------------------------------------------------------------


def test_hunan_every_annex2_project_is_paired_right(hunan) -> None:
    doc, matches, _ = hunan
    a1, a2 = _table(doc, "附件1"), _table(doc, "附件2")
    assert sorted(_project_columns(a2)) == sorted(HUNAN_PAIRS)  # 32 project columns
    got = _between(matches, a1, a2)
    wrong = {k: v for k, v in got.items() if HUNAN_PAIRS.get(k) != v}
    assert not wrong
    assert set(got) == set(HUNAN_PAIRS)
    # the spanning parent header and the total/label columns are no candidates
    names = {m.a for m in matches} | {m.b for m in matches}
    assert not names & {"食品安全监管", "合计", "单位"}
    assert all(m.score >= THRESHOLD for m in matches)


def test_hunan_certification_and_accreditation_not_crossed(hunan) -> None:
    doc, matches, _ = hunan
    got = _between(matches, _table(doc, "附件1"), _table(doc, "附件2"))
    assert got["认证项目"] == "认证监督项目"
    assert got["认可项目"] == "认可监督项目"
    pair = next(m for m in matches if {m.a, m.b} == {"认证项目", "认证监督项目"})
    assert not pair.low_margin


def test_hunan_cost_targets_warn_and_nothing_errs(hunan) -> None:
    doc, _, findings = hunan
    assert not [f for f in findings if f.severity == "error"]
    cost = [f for f in findings if f.rule == "cost_target_exceeded"]
    assert {f.row for f in cost} == {"价格监督检查和反不正当竞争执法", "新闻宣传活动"}
    kpi, a1 = _table(doc, "附件4", last=True), _table(doc, "附件1")
    for f in cost:
        assert f.severity == "warning"
        assert f.table == kpi.id and a1.id in f.message_zh
        assert f.reported is not None and f.expected is not None
        assert f.reported > f.expected  # 万元 on both sides: 557.65 > 518, 326 > 321
        pages = {c.page for c in f.cells}
        assert set(kpi.pages) & pages and set(a1.pages) & pages
        assert all(c.bbox[2] > c.bbox[0] for c in f.cells)
    by_row = {f.row: f for f in cost}
    assert by_row["价格监督检查和反不正当竞争执法"].reported == pytest.approx(557.65)
    assert by_row["价格监督检查和反不正当竞争执法"].expected == pytest.approx(518)
    assert by_row["新闻宣传活动"].reported == pytest.approx(326)
    # a project the sample allocated but did not sample (315活动) is no finding
    assert not [f for f in findings if f.rule == "name_unmatched"]


def test_cost_links_are_not_name_matches() -> None:
    """Regression: a KPI cost indicator linked to its project (价格监督检查和反不正当竞争执法 →
    价格监督与反不正当竞争) went into the report's matches, which hold name pairs only."""
    import tally

    res = tally.check(SAMPLES / "hunan-amr-2023.pdf")
    kpi = next(t.id for t in reversed(res.document.tables) if (t.title or "").startswith("附件4"))
    assert [m for m in res.matches if kpi in m["tables"]] == []
    assert {f.row for f in res.findings if f.rule == "cost_target_exceeded"} == {
        "价格监督检查和反不正当竞争执法",
        "新闻宣传活动",
    }


def _with_sampled(doc: Document, project: str, text: str) -> Document:
    """The document with the annex-2 合计 row's cell of ``project`` printed as ``text``."""
    doc = copy.deepcopy(doc)
    a2 = _table(doc, "附件2")
    c = [p[-1] for p in a2.columns].index(project)
    cell = a2.rows[-1][c]
    cell.text, cell.quantity = text, parse_quantity(text)
    return doc


def test_sampled_above_allocation_is_an_error(hunan, vocab: Vocab) -> None:
    doc = _with_sampled(hunan[0], "法治建设", "250")  # annex 1 allocated 196.00
    matches, findings = match_names(doc, vocab)
    findings += cross_table_checks(doc, vocab, matches)
    bad = [f for f in findings if f.rule == "sampled_exceeds_allocation"]
    assert len(bad) == 1 and bad[0].severity == "error"
    assert bad[0].reported == pytest.approx(250) and bad[0].expected == pytest.approx(196)
    assert {c.text for c in bad[0].cells} >= {"250", "196.00"}
    # equal to the allocation is fine (食品抽检项目 sampled 3040 of 3040)
    doc = _with_sampled(hunan[0], "法治建设", "196")
    matches, _ = match_names(doc, vocab)
    assert not [f for f in cross_table_checks(doc, vocab, matches) if f.severity == "error"]


def test_unmatched_sampled_column_is_a_warning(hunan, vocab: Vocab) -> None:
    doc = copy.deepcopy(hunan[0])
    a2 = _table(doc, "附件2")
    c = [p[-1] for p in a2.columns].index("培训费")
    a2.columns[c] = ["海洋渔业执法"]  # a project annex 1 does not have
    for hrow in a2.header:
        hrow[c] = copy.copy(hrow[c])
        hrow[c].text = "海洋渔业执法"
    matches, findings = match_names(doc, vocab)
    un = [f for f in findings if f.rule == "name_unmatched"]
    assert [f.column for f in un] == ["海洋渔业执法"]
    assert un[0].severity == "warning" and un[0].cells


def test_alias_file_pins_a_pair(hunan, tmp_path: Path) -> None:
    rules = tmp_path / "aliases.yaml"
    rules.write_text("aliases:\n  - [科技项目, 标准化]\n", encoding="utf-8")
    vocab = Vocab.load([rules])
    doc = hunan[0]
    matches, _ = match_names(doc, vocab)
    got = _between(matches, _table(doc, "附件1"), _table(doc, "附件2"))
    assert got["标准化"] == "科技项目"
    pinned = next(m for m in matches if m.b == "标准化" and m.a == "科技项目")
    assert pinned.score == 100


# ---- the other samples and the real PDFs -----------------------------------------------------


@pytest.mark.parametrize(
    "name", ["jiangxi-agri-2023.pdf", "guangdong-culture-2023.pdf", "shaanxi-health-2022.pdf"]
)
def test_other_samples(name: str, vocab: Vocab) -> None:
    doc = read(str(SAMPLES / name))
    matches, findings = match_names(doc, vocab)
    findings += cross_table_checks(doc, vocab, matches)
    assert not [f for f in findings if f.severity == "error"]
    a2 = [t for t in doc.tables if (t.title or "").startswith("附件2")]
    if "合计" in [p[-1] for p in a2[0].columns]:  # an annex 2 with project columns
        a1 = _table(doc, "附件1")
        got = _between(matches, a1, a2[0])
        projects = _project_columns(a2[0])
        assert sorted(got) == sorted(projects)
        # abbreviated, never identical, and each to its own annex-1 row
        assert len(set(got.values())) == len(projects)
        for short, full in got.items():
            assert short != full and score(short, full, vocab.words["name_stopwords"]) >= 80


@pytest.mark.realpdf
@pytest.mark.parametrize("pdf", real_pdfs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_real_pdfs_say_nothing(pdf: Path, vocab: Vocab) -> None:
    doc = read(str(pdf))
    matches, findings = match_names(doc, vocab)
    findings += cross_table_checks(doc, vocab, matches)
    assert not [f for f in findings if f.severity == "error"]
    assert not findings  # budget tables: matched names, nothing to report on them
    for m in matches:
        assert m.tables[0] != m.tables[1] and m.score >= THRESHOLD


def test_same_item_quoted_twice_must_agree(hunan, vocab: Vocab) -> None:
    """Annex 1 quoted again as a second table (same title, unit and headers) with one number
    changed: that number, and only it, disagrees."""
    doc = copy.deepcopy(hunan[0])
    a1 = _table(doc, "附件1")
    twin = copy.deepcopy(a1)
    twin.id = "T99"
    c = [" / ".join(p) for p in twin.columns].index("资金到位情况 / 合计")
    cell = twin.rows[0][c]
    cell.text, cell.quantity = "169.00", parse_quantity("169.00")
    doc.tables.append(twin)
    matches, _ = match_names(doc, vocab)
    bad = [f for f in cross_table_checks(doc, vocab, matches) if f.rule == "cross_table_mismatch"]
    assert len(bad) == 1 and bad[0].severity == "error"
    assert {bad[0].reported, bad[0].expected} == {196.0, 169.0}


def test_hungarian_matches_scipy() -> None:
    """The pure-Python assignment gives the same total as scipy's linear_sum_assignment."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from tally.reconcile.names import hungarian

    rng = np.random.default_rng(7)
    for shape in [(1, 1), (3, 5), (5, 3), (8, 8), (12, 30), (30, 12)]:
        for _ in range(20):
            m = rng.integers(0, 100, size=shape).astype(float)
            r, c = linear_sum_assignment(m, maximize=True)
            pairs = hungarian(m.tolist())
            assert len(pairs) == min(shape)
            assert len({a for a, _ in pairs}) == len({b for _, b in pairs}) == len(pairs)
            assert sum(m[a, b] for a, b in pairs) == m[r, c].sum()
