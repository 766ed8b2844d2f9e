"""Every rule tally checks, in one place: its id (as findings carry it), its names in Chinese
and English (for reports), the family that infers it and the rule-file keys that family reads.

A family is one way relations are inferred: from one table's structure (``TableFamily``: a
function of the table's ``View``), or from the whole document (``DocumentFamily``: a function
of the ``Analysis``, the document read once). ``check_document`` runs the families listed here
in order; a new rule is a module with its check and an entry below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .analysis import Analysis
from .findings import Finding
from .structure import View


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class TableFamily:
    id: str
    rules: tuple[str, ...]  # the rule ids of its findings
    keys: tuple[str, ...]  # the rule-file keys it reads (beyond structure.py's)
    check: Callable[[View], list[Finding]]


@dataclass(frozen=True, slots=True)
class DocumentFamily:
    id: str
    rules: tuple[str, ...]
    keys: tuple[str, ...]
    check: Callable[[Analysis], tuple[list[Finding], int]]  # findings, relations checked


RULES = {
    r.id: r
    for r in (
        Rule("row_sum", "行合计", "row sum"),
        Rule("column_sum", "列合计", "column sum"),
        Rule("subtotal", "小计", "subtotal"),
        Rule("hierarchy", "上下级", "hierarchy"),
        Rule("rate", "比率", "rate"),
        Rule("share", "占比", "share"),
        Rule("shares_sum", "占比之和", "shares sum"),
        Rule("score_above_weight", "得分超分值", "score above weight"),
        Rule("level_weight", "指标分值", "level weight"),
        Rule("deduction", "扣分", "deduction"),
        Rule("target_score", "目标与得分", "target and score"),
        Rule("identity", "勾稽关系", "identity"),
        Rule("sampled_exceeds_allocation", "抽查超安排", "sampled above allocation"),
        Rule("cross_table_mismatch", "跨表不一致", "cross-table mismatch"),
        Rule("cost_target_exceeded", "成本目标", "cost target exceeded"),
        Rule("name_unmatched", "名称未对应", "name unmatched"),
        Rule("prose_sum", "正文合计", "prose sum"),
        Rule("prose_share", "正文占比", "prose share"),
        Rule("prose_rate", "正文比率", "prose rate"),
        Rule("prose_count_share", "正文数量占比", "prose count share"),
        Rule("prose_score", "正文得分", "prose score"),
        Rule("prose_yoy", "正文同比", "prose year-on-year"),
        Rule("prose_vs_table", "正文与附表", "prose against table"),
        Rule("prose_direction", "正文大小比较", "prose direction word"),
    )
}


def rule_name(rule_id: str, lang: str = "zh") -> str:
    """The rule's name in the report's language (its id when it has none)."""
    r = RULES.get(rule_id)
    if r is None:
        return rule_id
    return r.en if lang == "en" else r.zh


def table_families() -> list[TableFamily]:
    from .column_sums import column_sums, hierarchy
    from .rates import rates, shares
    from .row_sums import row_sums
    from .scores import scores

    return [
        TableFamily("row_sum", ("row_sum",), ("total", "subtotal"), row_sums),
        TableFamily(
            "column_sum", ("column_sum", "subtotal"), ("grand_total", "weight"), column_sums
        ),
        TableFamily("hierarchy", ("hierarchy",), ("level",), hierarchy),
        TableFamily("rate", ("rate",), ("rate", "rate_numerator", "rate_denominator"), rates),
        TableFamily("share", ("share", "shares_sum"), ("share",), shares),
        TableFamily(
            "score",
            ("score_above_weight", "level_weight", "deduction", "target_score"),
            ("weight", "score", "deduction", "target", "actual"),
            scores,
        ),
    ]


def document_families() -> list[DocumentFamily]:
    from .claims import check_prose
    from .identities import check_rule_identities
    from .names import check_names

    return [
        DocumentFamily("identity", ("identity",), ("identities",), check_rule_identities),
        DocumentFamily(
            "prose",
            tuple(r for r in RULES if r.startswith("prose_")),
            ("claim_*",),
            check_prose,
        ),
        DocumentFamily(
            "names",
            ("sampled_exceeds_allocation", "cross_table_mismatch", "cost_target_exceeded")
            + ("name_unmatched",),
            ("sampled", "allocated", "name_stopwords", "cost", "scope", "aliases"),
            check_names,
        ),
    ]
