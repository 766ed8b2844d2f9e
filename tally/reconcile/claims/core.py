"""What every claim reader shares: the words (defaults extended by the rule file's claim_*
keys), a checked claim and its operands, the verdict, and the context of one document."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...extract.model import Cell, Document, Quantity
from ..findings import FindingCell
from ..interval import EPS, Iv, of, verdict
from ..structure import Vocab
from .text import Para, Tok, paragraphs

if TYPE_CHECKING:
    from .tables import _Project

# ---------------------------------------------------------------------------------------------
# Defaults (extended by the claim_* keys of the rule file)

_DEFAULT_WORDS = {
    "claim_rate_numerator": ["已使用", "使用", "已支出", "支出", "执行"],
    "claim_rate_received": ["到位"],
    "claim_rate_planned": ["安排", "预算", "下达", "计划"],
    "claim_exec_rate": ["执行率", "使用率", "支出率"],
    "claim_received_rate": ["到位率"],
    "claim_total_words": ["共计", "共安排", "合计", "总计", "总额", "总预算"],
    "claim_up": ["增加", "增长", "增幅", "提高", "上升", "增"],
    "claim_down": ["减少", "下降", "降幅", "降低", "减幅", "减"],
    "claim_prior": ["上年", "去年", "同期", "上一年"],
    "claim_actual": ["决算", "执行", "实际支出", "实际"],
    "claim_plan": ["预算", "计划"],
    "claim_more": ["大于", "高于", "超过", "多于"],
    "claim_less": ["小于", "低于", "少于"],
    "claim_same": ["等于", "持平", "相等", "一致"],
}

_LABEL_STOP = "，,；;：:。！？!?、"
_PAREN_RE = re.compile(r"（[^（）()]*）|\([^()（）]*\)")


def _words(vocab: Vocab, key: str) -> list[str]:
    out = list(_DEFAULT_WORDS.get(key, []))
    for w in vocab.words.get(key, []):
        if w not in out:
            out.append(w)
    return sorted(out, key=len, reverse=True)


# ---------------------------------------------------------------------------------------------
# Claims


@dataclass(slots=True)
class Operand:
    text: str
    value: float | None
    cell: FindingCell


@dataclass(slots=True)
class Claim:
    """One checked claim: the printed number, what it should be, and from what."""

    rule: str
    claim: Tok
    printed: Iv
    computed: Iv
    operands: list[Operand]
    severity: str  # ok | info | warning | error
    fragment: str
    what_zh: str
    what_en: str

    @property
    def value(self) -> float:
        return self.printed.mid

    @property
    def expected(self) -> float:
        return self.computed.mid

    @property
    def operand_texts(self) -> list[str]:
        return [o.text for o in self.operands]


def _tok_operand(t: Tok) -> Operand:
    return Operand(t.text, t.iv.mid if t.iv else None, t.cell("operand"))


def _cell_operand(c: Cell) -> Operand:
    iv = of(c.quantity)
    return Operand(c.text, iv.mid if iv else None, FindingCell.of(c, "operand"))


def _judge(printed: Iv, computed: Iv, parts: list[Iv] | None, q: Quantity, lenient: bool) -> str:
    """verdict(), with one more allowance for ratios: a printed ratio within one unit of its
    last digit of the computed one is a rounding adjustment (shares forced to add to 100%,
    a truncated percentage), reported as info."""
    v = verdict(printed, computed, parts)
    if lenient and v == "info" and printed.lo <= computed.mid <= printed.hi:
        return "ok"  # the computed ratio rounds to the printed one
    if v == "error" and lenient:
        ulp = 10.0 ** (-q.decimals) * q.scale
        gap = max(computed.lo - printed.hi, printed.lo - computed.hi)
        if gap <= ulp * (1 + 1e-6):
            return "info"
    return v


class _Ctx:
    def __init__(self, doc: Document, vocab: Vocab, paras: list[Para] | None = None) -> None:
        self.doc = doc
        self.vocab = vocab
        self.paras = paragraphs(doc) if paras is None else paras
        self.claims: list[Claim] = []
        self.used: set[tuple[int, int]] = set()  # (para index, tok start) of claims already read
        self.w = {k: _words(vocab, k) for k in _DEFAULT_WORDS}
        self._projects: list | None = None
        self._splits: list[list[str]] | None = None
        self._total: _Project | bool | None = None  # False: no single programme total

    def add(
        self,
        rule: str,
        para: Para,
        claim: Tok,
        computed: Iv | None,
        operands: list[Operand],
        what_zh: str,
        what_en: str,
        parts: list[Iv] | None = None,
        lenient: bool = False,
        cap: str | None = None,
        printed: Iv | None = None,
    ) -> None:
        printed = printed or claim.iv
        if printed is None or computed is None:
            return
        if math.isinf(computed.lo):  # an upper bound: score <= weight
            sev = "ok" if printed.lo <= computed.hi + EPS * max(1.0, abs(computed.hi)) else "error"
        else:
            sev = _judge(printed, computed, parts, claim.q, lenient)
        if cap == "warning" and sev == "error":
            sev = "warning"
        self.claims.append(
            Claim(
                rule,
                claim,
                printed,
                computed,
                operands,
                sev,
                para.fragment(claim.start, claim.end),
                what_zh,
                what_en,
            )
        )


def _label(text: str, pos: int, back: int = 60) -> str:
    """The words before position ``pos`` in its clause, parenthetical notes removed."""
    seg = text[max(0, pos - back) : pos]
    prev = None
    while prev != seg:
        prev, seg = seg, _PAREN_RE.sub("", seg)
    k = max(seg.rfind(c) for c in _LABEL_STOP)
    return re.sub(r"\s+", "", seg[k + 1 :])


def _last_word(label: str, groups: dict[str, list[str]]) -> str | None:
    """The group whose word occurs last in ``label``."""
    best, where = None, -1
    for g, words in groups.items():
        for w in words:
            k = label.rfind(w)
            if k >= 0 and k + len(w) > where:
                best, where = g, k + len(w)
    return best


def _between(text: str, a: int, b: int) -> str:
    return text[a:b]
