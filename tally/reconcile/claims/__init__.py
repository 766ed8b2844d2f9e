"""Numeric claims in the prose of a report, checked on intervals.

The body's text lines are joined into paragraphs (keeping, for every character, its page and
box), the numbers of each paragraph are read once with ``find_quantities``, and a few claim
patterns are recognised:

- ``prose_sum`` / ``prose_share``: a total and its 其中 parts, each with its 占比; a 其中 list
  with no amount of its own (``将资金分为6大类，其中：…``) stands for the paragraph's earlier
  total only when its 占比 add up to 100% or its count (6大类) equals its number of parts.
- ``prose_rate``: 执行率 / 使用率 / 到位率 stated with its two amounts, each amount's role read
  from the words before it (安排 / 预算 / 到位 against 支出 / 执行 / 使用).
- ``prose_share`` (named): ``抽查资金占专项资金总额的40.24%`` — the whole is found by name.
- ``prose_count_share``: ``共33个子项目 … 抽取了32个子项目 … 项目数占项目总数的96.97%``.
- ``prose_score``: ``最终得分为95.09分。其中：项目决策分值22分，评价得分20.1分；…``.
- ``prose_yoy``: ``20702.25万元，与上年相比增加2043.58万元，增长10.95%``.
- ``prose_vs_table``: ``科技项目共计安排400万元，支出163.79万元，执行率40.95%`` against the
  annex row found by name.

An operand is taken only when the words identify it; anything ambiguous is skipped (no
finding), never guessed. Words are in ``rules/default.yaml`` (keys ``claim_*``).
"""

from __future__ import annotations

import math

from ...extract.model import Document
from ..analysis import Analysis
from ..findings import Finding
from ..printed import as_printed
from ..registry import rule_name
from ..structure import Vocab
from .core import Claim, _Ctx
from .lists import _lists
from .rates import _named_shares, _rates
from .scores import _scores
from .tables import _vs_table
from .text import paragraphs

__all__ = ["Claim", "check_claims", "check_prose", "collect_claims", "paragraphs"]

# ---------------------------------------------------------------------------------------------
# Entry points


def collect_claims(doc: Document, vocab: Vocab, paras: list | None = None) -> list[Claim]:
    """Every claim checked, passing or not (the tests and a reviewer's audit trail)."""
    from .compare import direction
    from .yoy import yoy

    ctx = _Ctx(doc, vocab, paras)
    for pi, p in enumerate(ctx.paras):
        if not p.toks:
            continue
        _scores(ctx, pi, p)
        _lists(ctx, pi, p)
        _rates(ctx, pi, p)
        _named_shares(ctx, pi, p)
        yoy(ctx, pi, p)
        direction(ctx, pi, p)
        _vs_table(ctx, pi, p)
    return ctx.claims


def _finding(c: Claim) -> Finding:
    exp = c.computed.mid if math.isfinite(c.computed.lo) else c.computed.hi
    rep = c.printed.mid
    if c.rule == "prose_direction" or (
        c.rule == "prose_score" and not math.isfinite(c.computed.lo)
    ):
        zh = f"{rule_name(c.rule)}：“{c.fragment}”中{c.what_zh}。"
        en = f"{c.rule}: in “{c.fragment}”, {c.what_en}."
    else:
        shown = as_printed(exp, c.claim.text)
        zh = (
            f"{rule_name(c.rule)}：“{c.fragment}”中 {c.claim.text} 与计算值 {shown} 不符"
            f"（{c.what_zh}）。"
        )
        en = (
            f"{c.rule}: in “{c.fragment}”, {c.claim.text} does not agree with the computed "
            f"{shown} ({c.what_en})."
        )
    if c.severity == "info":
        zh += "差异在末位舍入范围内。"
        en += " The difference is a rounding residue."
    if c.severity == "warning":
        zh += "需人工复核。"
        en += " Needs a reviewer's look."
    return Finding(
        rule=c.rule,
        severity=c.severity,  # type: ignore[arg-type]
        message_zh=zh,
        message_en=en,
        reported=rep,
        expected=exp,
        cells=[c.claim.cell("claim")] + [o.cell for o in c.operands],
    )


def check_prose(an: Analysis) -> tuple[list[Finding], int]:
    """The prose family (registry): the claims of the document's paragraphs, read once."""
    found, n = check_claims(an.doc, an.vocab, an.paragraphs)
    an.claims = n
    return found, n


def check_claims(
    doc: Document, vocab: Vocab, paras: list | None = None
) -> tuple[list[Finding], int]:
    """Findings on the numeric claims of the body text, and how many claims were checked."""
    claims = collect_claims(doc, vocab, paras)
    findings = [_finding(c) for c in claims if c.severity != "ok"]
    order = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: order[f.severity])
    return findings, len(claims)
