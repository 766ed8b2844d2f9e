"""Direction words in the prose: 决算数大于/小于/等于 年初预算数 against the two amounts the text
gives (支出决算2,456.78万元，年初预算2,345.67万元，决算数大于年初预算数).

The phrase names its two sides by role words (决算/执行/实际 against 预算/计划; the comparison
words too, all in the rule file). Each side's amount is the last amount before the phrase, in
its sentence or the one before, whose label carries that role. A word the printed amounts
contradict on every rounding is an error; 基本持平 (roughly level) is never judged.
"""

from __future__ import annotations

import re

from .core import Claim, _Ctx, _label, _tok_operand
from .text import Para, Tok

_HEDGE = "(?:明显|略|稍|均|都|远)?"
_PLAN_PREFIX = "(?:年初|调整后?的?)?"


def _alt(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


def _phrases(ctx: _Ctx) -> list[tuple[re.Pattern[str], bool]]:
    """(pattern, the plan is the subject) with groups ``w`` (the word) and ``basic``."""
    act = f"(?:{_alt(ctx.w['claim_actual'])})数?"
    plan = f"{_PLAN_PREFIX}(?:{_alt(ctx.w['claim_plan'])})数?"
    order = f"(?P<w>{_alt(ctx.w['claim_more'] + ctx.w['claim_less'] + ctx.w['claim_same'])})于?"
    return [
        (re.compile(f"{act}{_HEDGE}{order}{plan}"), False),  # 决算数大于年初预算数
        (re.compile(f"{plan}{_HEDGE}{order}{act}"), True),  # 预算数大于决算数
        # 决算数与年初预算数持平 (基本持平: not judged)
        (re.compile(f"{act}(?:与|和|同|较){plan}(?P<basic>基本|大致|大体)?{order}"), False),
    ]


def _side(p: Para, toks: list[Tok], words: list[str], not_words: list[str]) -> Tok | None:
    """The last amount of ``toks`` whose label carries one of ``words`` and none of the others."""
    for t in reversed(toks):
        lab = _label(p.text, t.start)
        if any(w in lab for w in words) and not any(w in lab for w in not_words):
            return t
    return None


def direction(ctx: _Ctx, pi: int, p: Para) -> None:
    more, less = ctx.w["claim_more"], ctx.w["claim_less"]
    act_w, plan_w = ctx.w["claim_actual"], ctx.w["claim_plan"]
    for pattern, plan_first in _phrases(ctx):
        for m in pattern.finditer(p.text):
            if m.groupdict().get("basic"):
                continue
            s0, _ = p.sentence(m.start())
            s_prev = p.sentence(s0 - 1)[0] if s0 > 0 else s0
            before = [t for t in p.toks if t.money and s_prev <= t.start and t.end <= m.start()]
            act = _side(p, before, act_w, [])
            plan = _side(p, before, plan_w, act_w)
            if act is None or plan is None or act is plan or act.iv is None or plan.iv is None:
                continue
            first = min(act.start, plan.start)
            first = max(p.sentence(first)[0], first - 8)  # with the first amount's label
            subj, obj = (plan, act) if plan_first else (act, plan)
            a, b = subj.iv, obj.iv
            word = m.group("w")
            if word in more:
                holds, rel_zh, rel_en = a.hi > b.lo, "大于", "greater than"
            elif word in less:
                holds, rel_zh, rel_en = a.lo < b.hi, "小于", "less than"
            else:
                holds, rel_zh, rel_en = a.overlaps(b), "等于", "equal to"
            ctx.claims.append(
                Claim(
                    "prose_direction",
                    subj,
                    a,
                    b,
                    [_tok_operand(obj)],
                    "ok" if holds else "error",
                    p.fragment(first, m.end(), pad=0),
                    f"称“{m.group(0)}”，而 {subj.text} 并不{rel_zh} {obj.text}",
                    f"it says “{m.group(0)}”, but {subj.text} is not {rel_en} {obj.text}",
                )
            )
