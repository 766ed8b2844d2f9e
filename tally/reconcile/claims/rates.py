"""Rates stated with their two amounts (prose_rate), shares of a named whole and of a count
(prose_share, prose_count_share)."""

from __future__ import annotations

import re

from ..interval import Iv, ratio
from .core import (
    _PAREN_RE,
    _between,
    _Ctx,
    _label,
    _last_word,
    _tok_operand,
)
from .text import Para, Tok

# ---------------------------------------------------------------------------------------------
# Rates with their two amounts

_CUT_RE = re.compile(r"[，；]|[,;](?!\d)")

_NAMED_SHARE_RE = re.compile(
    r"([^，,；;。：:占]{0,20}?)占\s*([^，,；;。：:占]{1,24}?)\s*的?\s*"
    r"(?:比例|比重)?\s*(?:为|达到|达|是)?\s*$"
)

_FILL_RE = re.compile(r"(?:为|是|达到|达|仅为|仅|只有|约为|约)\s*$")


def _roles(ctx: _Ctx, p: Para) -> dict[int, str]:
    """Role of each amount of the paragraph: 'num' (支出/执行/使用), 'recv' (到位), 'plan'
    (安排/预算), from the last such word before it; an amount followed by its 到位率 is 'recv'."""
    groups = {
        "num": ctx.w["claim_rate_numerator"],
        "recv": ctx.w["claim_rate_received"],
        "plan": ctx.w["claim_rate_planned"],
    }
    out: dict[int, str] = {}
    toks = p.toks
    for k, t in enumerate(toks):
        if not t.money:
            continue
        role = _last_word(_label(p.text, t.start), groups)
        if k + 1 < len(toks) and toks[k + 1].pct:
            nxt = re.sub(r"\s+", "", _between(p.text, t.end, toks[k + 1].start))
            if re.fullmatch(r"[，,]?[\u4e00-\u9fff]{0,6}到位率(?:为|达)?", nxt):
                role = "recv"
        if role:
            out[t.start] = role
    return out


def _adjacent(p: Para, num: Tok, t: Tok, skip: set[int]) -> bool:
    """The rate ``t`` follows its numerator: same sentence, and every clause between them is
    a 其中 part (its start in ``skip``) — not some other subject's rate."""
    if p.sentence(num.start) != p.sentence(t.start):
        return False
    if p.text[t.end : t.end + 1] == "的":  # 执行率达到100%的1个: an attribute, not a claim
        return False
    gap = p.text[num.end : t.start]
    cuts = [m.start() for m in _CUT_RE.finditer(gap)]
    if not cuts:
        return True
    inner = [num.end + k for k in cuts[:-1]]  # clause starts between the two, but the last
    for k0 in inner:
        if not any(o.start > k0 and o.start in skip for o in p.toks if o.start < t.start):
            return False
    return True


def _rates(ctx: _Ctx, pi: int, p: Para) -> None:
    exec_w = ctx.w["claim_exec_rate"]
    recv_w = ctx.w["claim_received_rate"]
    roles: dict[int, str] | None = None
    in_list = {s for (i, s) in ctx.used if i == pi}
    for k, t in enumerate(p.toks):
        if not t.pct or (pi, t.start) in ctx.used or t.q.comparator:
            continue
        lab = _FILL_RE.sub("", _label(p.text, t.start))
        if any(lab.endswith(w) for w in exec_w):
            num_roles, den_roles = {"num"}, {"recv", "plan"}
        elif any(lab.endswith(w) for w in recv_w):
            num_roles, den_roles = {"recv"}, {"plan"}
        else:
            continue
        if roles is None:
            roles = _roles(ctx, p)
        before = [o for o in p.toks[:k] if o.money and o.start not in in_list]
        # no other rate claim between the numerator and this one
        num = None
        for o in reversed(before):
            r = roles.get(o.start)
            if r in num_roles:
                num = o
                break
            if r is not None and r not in den_roles:
                break
        if num is None or not _adjacent(p, num, t, in_list):
            continue
        den = None
        for o in reversed([o for o in before if o.end <= num.start]):
            r = roles.get(o.start)
            if r in den_roles:
                den = o
                break
            if r in num_roles:
                break
        if den is None:
            continue
        ctx.used.add((pi, t.start))
        ctx.add(
            "prose_rate",
            p,
            t,
            ratio(num.iv, den.iv),  # type: ignore[arg-type]
            [_tok_operand(num), _tok_operand(den)],
            f"{lab} = {num.text} ÷ {den.text}",
            f"rate = {num.text} / {den.text}",
            lenient=True,
        )


# ---------------------------------------------------------------------------------------------
# 占…的 X%: shares of a named whole, and of a count


def _named_shares(ctx: _Ctx, pi: int, p: Para) -> None:
    for k, t in enumerate(p.toks):
        if not t.pct or (pi, t.start) in ctx.used or t.q.comparator:
            continue
        s0, _ = p.sentence(t.start)
        seg = p.text[s0 : t.start]
        seg_c = _PAREN_RE.sub("", seg)
        m = _NAMED_SHARE_RE.search(seg_c)
        if not m:
            continue
        subject = re.sub(r"\s+", "", m.group(1))
        ref = re.sub(r"\s+", "", m.group(2))
        before = [o for o in p.toks[:k] if o.start >= s0]
        if ref.endswith("总数") or subject.endswith("数"):
            _count_share(ctx, p, t, before, subject, ref)
            continue
        core = re.sub(r"(?:的|总额|合计|总计|总数|总|金额)+$", "", ref)
        if len(core) < 2:
            continue
        # the part
        part = None
        money = [o for o in before if o.money]
        if subject:
            named = [o for o in money if subject in _label(p.text, o.start)]
            if len(named) == 1:
                part = named[0]
            elif not named and len(money) == 1:
                part = money[0]
        elif money and money[-1] is before[-1]:
            gap = re.sub(r"\s+", "", p.text[money[-1].end : t.start])
            if gap.startswith(("，", ",")) and gap.count("，") + gap.count(",") == 1:
                part = money[-1]
        if part is None:
            continue
        whole = _find_whole(ctx, pi, p, core, part)
        if whole is None:
            continue
        ctx.used.add((pi, t.start))
        ctx.add(
            "prose_share",
            p,
            t,
            ratio(part.iv, whole.iv),  # type: ignore[arg-type]
            [_tok_operand(part), _tok_operand(whole)],
            f"{part.text} 占{ref} {whole.text} 的比例",
            f"share of {part.text} in {whole.text}",
            lenient=True,
        )


def _find_whole(ctx: _Ctx, pi: int, p: Para, core: str, part: Tok) -> Tok | None:
    """The amount named ``core``: in the paragraph before the part, else a total so named
    anywhere in the document; only when every candidate has the same value."""
    cands = [
        o for o in p.toks if o.money and o.end <= part.start and core in _label(p.text, o.start)
    ]
    if not cands:
        tw = ctx.w["claim_total_words"]
        for q in ctx.paras:
            for o in q.toks:
                if o.money and o is not part:
                    lab = _label(q.text, o.start)
                    if core in lab and any(w in lab for w in tw):
                        cands.append(o)
    vals = {round(o.iv.mid, 6) for o in cands}  # type: ignore[union-attr]
    if len(vals) != 1:
        return None
    return cands[0]


def _count_share(ctx: _Ctx, p: Para, t: Tok, before: list[Tok], subject: str, ref: str) -> None:
    word = re.sub(r"(?:总数|数|总)$", "", ref) or re.sub(r"数$", "", subject)
    word = re.sub(r"^(?:抽查|抽取)", "", word)
    if len(word) < 2:
        return
    counts = []
    for o in before:
        q = o.q
        if not q.is_number or q.percent or q.unit is None or q.unit == "元" or q.scale != 1:
            continue
        after = re.sub(r"\s+", "", p.text[o.end : o.end + 8])
        if after.startswith(word) or after.startswith("子" + word):
            counts.append(o)
    units = {o.q.unit for o in counts}
    if len(counts) != 2 or len(units) != 1:
        return
    a, b = sorted(counts, key=lambda o: o.q.value)  # the part cannot exceed the whole
    if a.q.decimals or b.q.decimals:
        return
    ctx.add(
        "prose_count_share",
        p,
        t,
        ratio(Iv(a.q.value, a.q.value), Iv(b.q.value, b.q.value)),  # type: ignore[arg-type]
        [_tok_operand(a), _tok_operand(b)],
        f"{subject}占{ref}：{a.text} ÷ {b.text}",
        f"count share {a.text} / {b.text}",
        lenient=True,
    )
