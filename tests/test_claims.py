"""Claims in the prose: what the seed report asks to be checked is checked and holds; a
planted error in a claim is found at the printed number's place; no sample and no real
report gets an error."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import pytest
from conftest import SAMPLES, read, real_pdfs

from tally.extract.model import Document, Page, Table, TextLine
from tally.reconcile.claims import Claim, check_claims, collect_claims, paragraphs
from tally.reconcile.structure import Vocab

HUNAN = str(SAMPLES / "hunan-amr-2023.pdf")
OTHERS = ["jiangxi-agri-2023.pdf", "shaanxi-health-2022.pdf", "guangdong-culture-2023.pdf"]


@cache
def vocab() -> Vocab:
    return Vocab.load()


@cache
def hunan_claims() -> tuple[Claim, ...]:
    return tuple(collect_claims(read(HUNAN), vocab()))


def _find(rule: str, claim: str, operands: set[str] | None = None) -> Claim:
    hits = [
        c
        for c in hunan_claims()
        if c.rule == rule
        and c.claim.text == claim
        and (operands is None or set(c.operand_texts) == operands)
    ]
    assert hits, f"{rule} {claim} {operands} not checked"
    return hits[0]


SEED = [
    ("prose_sum", "33,085.00万元", {"16,019.00万元", "17,066.00万元"}),
    ("prose_share", "48.42%", {"16,019.00万元", "33,085.00万元"}),
    ("prose_share", "51.58%", {"17,066.00万元", "33,085.00万元"}),
    (
        "prose_sum",
        "33,085.00万元",
        {
            "12,295.00万元",
            "6,886.00万元",
            "5,224.00万元",
            "1,559.00万元",
            "971.00万元",
            "6,150.00万元",
        },
    ),
    ("prose_share", "37.16%", {"12,295.00万元", "33,085.00万元"}),
    ("prose_share", "20.81%", {"6,886.00万元", "33,085.00万元"}),
    ("prose_share", "15.79%", {"5,224.00万元", "33,085.00万元"}),
    ("prose_share", "4.71%", {"1,559.00万元", "33,085.00万元"}),
    ("prose_share", "2.93%", {"971.00万元", "33,085.00万元"}),
    ("prose_share", "18.59%", {"6,150.00万元", "33,085.00万元"}),
    ("prose_sum", "35,014.75万元", {"33,085.00万元", "1,929.75万元"}),
    ("prose_rate", "95.54%", {"33,454.63万元", "35,014.75万元"}),
    ("prose_count_share", "96.97%", {"32个", "33个"}),
    ("prose_share", "40.24%", {"13,311.94万元", "33,085.00万元"}),
    ("prose_score", "95.09分", {"20.1分", "16.5分", "33.49分", "25分"}),
    ("prose_score", "20.1分", {"22分"}),
    ("prose_score", "16.5分", {"18分"}),
    ("prose_score", "33.49分", {"35分"}),
    ("prose_score", "25分", {"25分"}),
    ("prose_rate", "40.95%", {"163.79万元", "400万元"}),
    ("prose_vs_table", "400万元", {"400.00"}),
    ("prose_vs_table", "163.79万元", {"163.79"}),
    ("prose_vs_table", "40.95%", {"40.95%"}),
    ("prose_vs_table", "356万元", {"356.00"}),
]


@pytest.mark.parametrize("rule,claim,operands", SEED, ids=[f"{r}:{c}" for r, c, _ in SEED])
def test_seed_claim_checked_and_holds(rule: str, claim: str, operands: set[str]) -> None:
    c = _find(rule, claim, operands)
    assert c.severity in ("ok", "info"), c
    assert c.claim.page in range(1, 13)  # the body is on pages 1-12


def test_seed_shares_add_up_to_100() -> None:
    six = {"37.16%", "20.81%", "15.79%", "4.71%", "2.93%", "18.59%"}
    assert any(
        c.rule == "prose_share" and set(c.operand_texts) == six and c.severity in ("ok", "info")
        for c in hunan_claims()
    )


def test_seed_project_rows_found_by_name() -> None:
    c = _find("prose_vs_table", "356万元")
    assert "非公党建、团建项目" in c.what_zh
    c = _find("prose_vs_table", "40.95%")
    assert c.what_zh.startswith("科技项目")
    assert c.operands[0].cell.page in (13, 14, 15)  # the annex-1 cell, with its place


def test_seed_no_error() -> None:
    findings, n = check_claims(read(HUNAN), vocab())
    assert n >= len(SEED)
    assert not [f for f in findings if f.severity in ("error", "warning")], findings


def _plant(doc: Document, old: str, new: str) -> BBoxAndDoc:
    """Replace a printed number in the body's text, keeping every character's box."""
    doc = copy.deepcopy(doc)
    for page in doc.pages:
        for ln in page.lines:
            k = ln.text.find(old)
            if k >= 0:
                assert len(old) == len(new)
                ln.text = ln.text[:k] + new + ln.text[k + len(old) :]
                return page.number, ln, k, doc
    raise AssertionError(f"{old} not in the body")


BBoxAndDoc = tuple[int, TextLine, int, Document]

PLANTED = [
    ("48.42%", "48.24%", "prose_share"),
    ("95.54%", "96.54%", "prose_rate"),
    ("95.09分", "95.90分", "prose_score"),
]


@pytest.mark.parametrize("old,new,rule", PLANTED, ids=[p[1] for p in PLANTED])
def test_planted_error_found_at_its_place(old: str, new: str, rule: str) -> None:
    page, line, k, doc = _plant(read(HUNAN), old, new)
    findings, _ = check_claims(doc, vocab())
    errors = [f for f in findings if f.severity == "error" and f.rule == rule]
    assert errors, findings
    boxes = line.char_boxes[k : k + len(new)]
    want = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    claim_cells = [c for f in errors for c in f.cells if c.role == "claim" and c.text == new]
    assert claim_cells, errors
    cell = claim_cells[0]
    assert cell.page == page
    assert cell.bbox == pytest.approx(want)
    f = next(f for f in errors if cell in f.cells)
    assert new in f.message_zh and f.reported is not None and f.expected is not None
    assert any(c.role == "operand" for c in f.cells)


@pytest.mark.parametrize("name", OTHERS)
def test_other_samples_no_error(name: str) -> None:
    doc = read(str(SAMPLES / name))
    findings, n = check_claims(doc, vocab())
    assert n >= 12  # the sum, shares, rates, counts and scores their body text states
    assert not [f for f in findings if f.severity in ("error", "warning")], findings
    rules = {c.rule for c in collect_claims(doc, vocab())}
    assert {"prose_sum", "prose_share", "prose_rate", "prose_score"} <= rules


@pytest.mark.realpdf
@pytest.mark.parametrize("pdf", real_pdfs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_real_pdfs_no_error(pdf: Path) -> None:
    findings, _ = check_claims(read(str(pdf)), vocab())
    assert not [f for f in findings if f.severity == "error"], findings


def _doc(*texts: str) -> Document:
    lines = []
    for i, t in enumerate(texts):
        top = 100.0 + 22 * i
        boxes = [(72.0 + 12 * k, top, 84.0 + 12 * k, top + 12) for k in range(len(t))]
        lines.append(TextLine(1, (72.0, top, 72.0 + 12 * len(t), top + 12), t, boxes))
    return Document("x.pdf", [Page(1, 595.0, 842.0, lines)], [])


def test_incomplete_or_ambiguous_claims_are_skipped() -> None:
    doc = _doc(
        # parts that are not the whole list (咨询 is missing): nothing to say
        "共受理投诉、举报和咨询469941件，其中，投诉336201件，举报126851件。",
        # a rate about other subjects, with no amounts of its own
        "分项目看，20个子项目资金执行率达到100%。",
        # directions disagree (增加 … 下降): which is meant is unknown
        "支出6049.97万元，与上年相比增加392.92万元，下降5.95%。",
        # shares of a whole that is not printed
        "因公出国（境）费支出80万元，占“三公”经费的19.1%。",
    )
    assert collect_claims(doc, vocab()) == []


def test_paragraph_keeps_boxes_over_a_line_break() -> None:
    doc = _doc(
        "省财政共安排专项资金共计33,085.00万元，其中：省直机关安排16,019.00", "万元，占比48.42%。"
    )
    (para,) = paragraphs(doc)
    tok = next(t for t in para.toks if t.text == "16,019.00万元")
    assert tok.page == 1
    assert tok.bbox[1] == 100.0 and tok.bbox[3] == 122.0 + 12  # spans both lines


def _dirty_cases() -> list[tuple[str, dict]]:
    import json

    out = []
    for f in sorted((SAMPLES / "dirty").glob("*.planted.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        for p in d["planted"]:
            if p.get("where") == "prose":
                out.append((str(f.parent / d["pdf"]) if "/" not in d["pdf"] else d["pdf"], p))
    return out


@pytest.mark.parametrize(
    "pdf,planted",
    _dirty_cases(),
    ids=lambda x: getattr(x, "get", lambda k: "")("id") or Path(str(x)).stem,
)
def test_dirty_samples_prose_errors_found(pdf: str, planted: dict) -> None:
    path = Path(pdf) if Path(pdf).exists() else SAMPLES / "dirty" / Path(pdf).name
    findings, _ = check_claims(read(str(path)), vocab())
    x0, top, x1, bottom = planted["bbox"]
    hits = [
        c
        for f in findings
        if f.severity == "error"
        for c in f.cells
        if c.page == planted["page"]  # the claim, or an operand of a sum (a wrong part)
        and planted["printed"] in c.text
        and c.bbox[0] < x1
        and c.bbox[2] > x0
        and c.bbox[1] < bottom
        and c.bbox[3] > top
    ]
    assert hits, (planted, findings)


def _with_table(
    doc: Document, title: str, cols: list[list[str]], texts: list[list[str]]
) -> Document:
    """``doc`` with one table in 万元 on page 2, cells laid out on a regular grid."""
    from tally.extract.model import Cell
    from tally.extract.numbers import parse_quantity

    grid = [
        [
            Cell(2, (80.0 * c, 20.0 * r, 80.0 * c + 70, 20.0 * r + 12), t, parse_quantity(t))
            for c, t in enumerate(row)
        ]
        for r, row in enumerate(texts)
    ]
    doc.tables.append(Table(f"T{len(doc.tables) + 1}", title, "万元", [2], cols, [], grid))
    return doc


def _with_split_table(doc: Document) -> Document:
    """A table whose header splits 到位 into 专项 / 自筹 / 合计."""
    cols = [["项目"], ["资金到位情况", "专项"], ["资金到位情况", "自筹"], ["资金到位情况", "合计"]]
    texts = [
        ["甲项目", "1,000.00", "2,000.00", "3,000.00"],
        ["合计", "1,000.00", "2,000.00", "3,000.00"],
    ]
    return _with_table(doc, "附件1 资金表", cols, texts)


def test_parts_named_as_a_tables_split_are_checked() -> None:
    """A 其中 list that fails is reported when its parts are the split a table shows; without
    that sign it may be a partial list and nothing is said."""
    text = "项目资金共计3,000.00万元，其中专项资金1,000.00万元、自筹资金1,500.00万元。"
    assert [c for c in collect_claims(_doc(text), vocab()) if c.rule == "prose_sum"] == []
    got = [
        c for c in collect_claims(_with_split_table(_doc(text)), vocab()) if c.rule == "prose_sum"
    ]
    assert [(c.claim.text, c.severity) for c in got] == [("3,000.00万元", "error")]


def test_a_change_character_inside_a_name_is_no_change() -> None:
    """防洪减灾 and 增收 are names, not 减少/增加: the list goes on past them."""
    text = (
        "项目资金分为3类，共计600.00万元，其中防洪减灾资金200.00万元、增收项目资金300.00万元、"
        "其他资金100.00万元。"
    )
    got = [c for c in collect_claims(_doc(text), vocab()) if c.rule == "prose_sum"]
    assert [(c.claim.text, c.severity, len(c.operands)) for c in got] == [("600.00万元", "ok", 3)]
    bad = text.replace("300.00万元", "350.00万元")
    got = [c for c in collect_claims(_doc(bad), vocab()) if c.rule == "prose_sum"]
    assert [(c.claim.text, c.severity) for c in got] == [("600.00万元", "error")]


def _with_allocation_table(doc: Document) -> Document:
    """Annex 1's shape: projects by 到位 and 支出, with a 合计 row."""
    cols = [["项目名称"], ["资金到位情况", "合计"], ["资金使用情况", "合计"]]
    texts = [
        ["甲项目", "1,000.00", "900.00"],
        ["乙项目", "2,000.00", "1,500.00"],
        ["合计", "3,000.00", "2,400.00"],
    ]
    return _with_table(doc, "附件1 资金使用结构明细表", cols, texts)


def test_programme_amounts_against_the_annex_total_row() -> None:
    """实际到位资金…万元 with no project named quotes the whole programme: the 合计 row."""
    ok = "截至2023年12月31日，实际到位资金3,000.00万元，已使用资金2,400.00万元。"
    got = collect_claims(_with_allocation_table(_doc(ok)), vocab())
    assert sorted((c.rule, c.claim.text, c.severity) for c in got) == [
        ("prose_vs_table", "2,400.00万元", "ok"),
        ("prose_vs_table", "3,000.00万元", "ok"),
    ]
    bad = ok.replace("2,400.00万元", "2,500.00万元")
    findings, _ = check_claims(_with_allocation_table(_doc(bad)), vocab())
    (f,) = [f for f in findings if f.severity == "error"]
    assert f.rule == "prose_vs_table" and "2,400.00万元" in f.message_zh  # in the printed unit
    assert {c.text for c in f.cells} == {"2,500.00万元", "2,400.00"}
    # a sentence about something named (a project the table does not list) is not about the
    # whole programme, even where its second amount has no name of its own
    named = "从项目看，基本公共卫生服务项目安排资金1,427.30万元，实际支出1,285.41万元。"
    got = collect_claims(_with_allocation_table(_doc(named)), vocab())
    assert [c for c in got if c.rule == "prose_vs_table"] == []


def test_change_against_a_printed_prior_amount() -> None:
    """与上年的A万元相比增长X%: all three amounts are printed, so X is checked as an error."""
    ok = "2024年共安排资金共计51,556.58万元，与上年的40,731.47万元相比增长26.58%。"
    (c,) = [c for c in collect_claims(_doc(ok), vocab()) if c.rule == "prose_yoy"]
    assert (c.claim.text, c.severity) == ("26.58%", "ok")
    assert set(c.operand_texts) == {"51,556.58万元", "40,731.47万元"}
    down = "2024年共安排资金共计30,000.00万元，比上年的40,000.00万元减少25.00%。"
    (c,) = [c for c in collect_claims(_doc(down), vocab()) if c.rule == "prose_yoy"]
    assert c.severity == "ok"
    bad = ok.replace("40,731.47", "40,711.47")
    findings, _ = check_claims(_doc(bad), vocab())
    (f,) = [f for f in findings if f.severity == "error"]
    assert f.rule == "prose_yoy" and "26.64%" in f.message_zh
    # no whole named before it: which amount changed is unknown, nothing is said
    vague = "支出51,556.58万元，与上年的40,711.47万元相比增长26.58%。"
    assert [c for c in collect_claims(_doc(vague), vocab()) if c.rule == "prose_yoy"] == []


def test_rate_against_both_years_printed() -> None:
    """上年执行数A，本年预算数B，比上年增长X%: both amounts printed in the sentence, so the rate
    is recomputed and a mismatch is an error; so is a word saying up where the amounts went
    down; two amounts that are not two years (基本 / 项目) say nothing about a change."""

    def got(text: str) -> list[tuple[str, str]]:
        return [
            (c.claim.text, c.severity)
            for c in collect_claims(_doc(text), vocab())
            if c.rule == "prose_yoy"
        ]

    ok = "上年执行数4,335.30万元，本年预算数4,768.83万元，比上年增长10.00%。"
    assert got(ok) == [("10.00%", "ok")]
    assert got(ok.replace("10.00%", "11.00%")) == [("11.00%", "error")]
    assert got("2023年支出1,200.00万元，2024年预算1,080.00万元，下降10.00%。") == [("10.00%", "ok")]
    assert got(ok.replace("4,768.83", "4,000.00").replace("10.00%", "7.73%")) == [
        ("7.73%", "error")
    ]
    assert got("其中基本支出1,000.00万元，项目支出500.00万元，增长5%。") == []


def test_direction_words_against_the_two_amounts() -> None:
    """决算数大于/小于/等于年初预算数 is judged on the two amounts the text gives before it; a
    word the amounts contradict on every rounding is an error; 基本持平 and a phrase with only
    one side's amount are not judged."""

    def got(text: str) -> list[tuple[str, str]]:
        return [
            (c.claim.text, c.severity)
            for c in collect_claims(_doc(text), vocab())
            if c.rule == "prose_direction"
        ]

    less = "支出决算2,345.67万元，年初预算2,456.78万元，决算数小于年初预算数，主要原因是厉行节约。"
    assert got(less) == [("2,345.67万元", "ok")]
    assert got(less.replace("小于", "大于")) == [("2,345.67万元", "error")]
    # the amounts in the sentence before the phrase, the plan printed first
    more = (
        "年初预算为1,000.00万元，支出决算为1,200.50万元。决算数大于预算数的主要原因是追加了项目。"
    )
    assert got(more) == [("1,200.50万元", "ok")]
    # the plan as the subject: 预算数大于决算数
    assert got("支出决算900.00万元，年初预算1,000.00万元，预算数大于决算数。") == [
        ("1,000.00万元", "ok")
    ]
    # level: equal within rounding holds, a gap is an error; 基本持平 is not judged
    same = "支出决算1,000.00万元，年初预算1,000.00万元，决算数与年初预算数持平。"
    assert got(same) == [("1,000.00万元", "ok")]
    assert got(same.replace("1,000.00万元，年初", "1,050.00万元，年初")) == [
        ("1,050.00万元", "error")
    ]
    assert got(same.replace("持平", "基本持平")) == []
    assert got("支出决算1,000.00万元，决算数大于年初预算数。") == []
    findings, _ = check_claims(_doc(less.replace("小于", "大于")), vocab())
    (f,) = [f for f in findings if f.rule == "prose_direction"]
    assert (
        f.severity == "error" and "正文大小比较" in f.message_zh and "2,456.78万元" in f.message_zh
    )
    assert {c.text for c in f.cells} == {"2,345.67万元", "2,456.78万元"}
