"""Year-on-year claims in the prose: 增长 X% against the amounts the sentence gives.

Two shapes: the change and the rate (比上年增加392.92万元，增长6.95%: the base year's amount is
not printed, so a mismatch is a warning), and the prior amount itself (与上年的40,731.47万元相比
增长26.58%: everything is printed, so a mismatch is an error). Change words are matched only
where they state a change, never inside a name (防洪减灾, 增收项目).
"""

from __future__ import annotations

import re

from .. import interval as iv
from ..interval import ratio
from .core import _Ctx, _label, _tok_operand
from .text import Para, Tok


def _change_and_rate(ctx: _Ctx, pi: int, p: Para) -> None:
    up, down, prior_w = ctx.w["claim_up"], ctx.w["claim_down"], ctx.w["claim_prior"]
    toks = p.toks
    for k, t in enumerate(toks):
        if not t.pct or (pi, t.start) in ctx.used or t.q.comparator or k == 0:
            continue
        lab = re.sub(r"(?:了|为|达到|达)$", "", _label(p.text, t.start))
        pdir = "up" if any(lab.endswith(w) for w in up) else None
        pdir = pdir or ("down" if any(lab.endswith(w) for w in down) else None)
        if pdir is None or lab not in up + down:  # nothing else in the clause
            continue
        d = toks[k - 1]
        if not d.money:
            continue
        gap = re.sub(r"\s+", "", p.text[d.end : t.start])
        if not re.fullmatch(r"[，,]" + re.escape(lab) + r"(?:了|为|达到|达)?", gap):
            continue
        dlab = re.sub(r"(?:了)$", "", _label(p.text, d.start))
        ddir = "up" if any(dlab.endswith(w) for w in up) else None
        ddir = ddir or ("down" if any(dlab.endswith(w) for w in down) else None)
        if ddir is None or ddir != pdir:
            continue
        s0, _ = p.sentence(d.start)
        ctx_text = p.text[max(0, d.start - 40) : d.start]
        if not any(w in ctx_text for w in prior_w):
            continue
        money_before = [o for o in toks[: k - 1] if o.money]
        if not money_before:
            continue
        cur = money_before[-1]
        if cur.start < s0 and len(money_before) != 1:
            continue
        if "其中" in p.text[cur.end : d.start] or any(
            o.pct for o in toks[: k - 1] if cur.end <= o.start
        ):
            continue
        prior = (cur.iv - d.iv) if ddir == "up" else (cur.iv + d.iv)  # type: ignore[operator]
        comp = ratio(d.iv, prior)  # type: ignore[arg-type]
        if comp is None:
            continue
        ctx.used.add((pi, t.start))
        word = "增长" if ddir == "up" else "下降"
        ctx.add(
            "prose_yoy",
            p,
            t,
            comp,
            [_tok_operand(cur), _tok_operand(d)],
            f"{word}率 = {d.text} ÷ 上年（{cur.text} {'−' if ddir == 'up' else '+'} {d.text}）",
            f"{'growth' if ddir == 'up' else 'decline'} = {d.text} / "
            f"({cur.text} {'-' if ddir == 'up' else '+'} {d.text})",
            lenient=True,
            cap="warning",  # the base year's figure is not printed: a reviewer decides
        )


_PRIOR_BEFORE = re.compile(
    r"(?:与|比|较|同)\s*(?:上年|去年|上一年|上年度|上年同期|\d{4}\s*年度?)(?:同期)?\s*(?:的|为|共|)\s*$"
)
_CHANGE_AFTER = re.compile(r"^\s*(?:相比|相较|比较|对比)?\s*[，,]?\s*(\S{1,3}?)(?:了|为|达)?\s*$")


def yoy(ctx: _Ctx, pi: int, p: Para) -> None:
    _change_and_rate(ctx, pi, p)
    _against_prior(ctx, pi, p)
    _both_years(ctx, pi, p)


_YEAR = re.compile(r"(\d{4})\s*年")
_THIS_YEAR = ("本年", "今年", "当年", "本年度")


def _year_of(label: str, prior_words: list[str]) -> tuple[str, int | None] | None:
    """Which year an amount's label names: ('prior', y) / ('current', y), or None."""
    years = [int(m.group(1)) for m in _YEAR.finditer(label)]
    y = years[-1] if years else None
    if any(w in label for w in prior_words):
        return "prior", y
    if any(w in label for w in _THIS_YEAR):
        return "current", y
    return ("year", y) if y is not None else None


def _both_years(ctx: _Ctx, pi: int, p: Para) -> None:
    """上年执行数A万元，本年预算数B万元，比上年增长X% (or 2023年A万元，2024年B万元，下降X%):
    both amounts printed in the rate's sentence, so a mismatch is an error."""
    up, down, prior_w = ctx.w["claim_up"], ctx.w["claim_down"], ctx.w["claim_prior"]
    toks = p.toks
    for k, rate in enumerate(toks):
        if not rate.pct or (pi, rate.start) in ctx.used or rate.q.comparator or k < 2:
            continue
        lab = re.sub(r"(?:了|为|达到|达)$", "", _label(p.text, rate.start))
        word = next((w for w in up + down if lab.endswith(w)), None)
        if word is None or len(lab) > len(word) + 6:  # 比上年增长 / 较2023年度下降
            continue
        s0, _ = p.sentence(rate.start)
        money = [t for t in toks[:k] if t.money and t.start >= s0]
        if len(money) != 2 or any(t.pct for t in toks[:k] if t.start >= money[0].start):
            continue
        a, b = money
        ya = _year_of(_label(p.text, a.start), prior_w)
        yb = _year_of(_label(p.text, b.start), prior_w)
        if ya is None or yb is None:
            continue
        ordered = ya[0] == "prior" and yb[0] in ("current", "year")
        ordered = ordered or (ya[0] == "year" == yb[0] and ya[1] is not None and yb[1] == ya[1] + 1)
        if not ordered or a.iv is None or b.iv is None:
            continue
        direction = "up" if word in up else "down"
        change = (b.iv - a.iv) if direction == "up" else (a.iv - b.iv)
        comp = ratio(change, a.iv)
        if comp is None and change.hi < 0:  # the word says up, the amounts went down (or back)
            back = ratio(iv.ZERO - change, a.iv)
            comp = None if back is None else iv.Iv(-back.hi, -back.lo)
        if comp is None:
            continue
        _add_rate(ctx, pi, p, rate, comp, b, a, word, direction)


def _current(ctx: _Ctx, p: Para, before: int) -> Tok | None:
    """The amount a change is about: the nearest earlier amount of the paragraph named as a
    whole (共计, 合计, 总额, 共安排 …), when there is exactly one such nearest."""
    words = ctx.w["claim_total_words"]
    for t in reversed([t for t in p.toks if t.money and t.end <= before]):
        lab = _label(p.text, t.start)
        if any(w in lab for w in words):
            return t
    return None


def _against_prior(ctx: _Ctx, pi: int, p: Para) -> None:
    """与上年的A万元相比增长X%: X = (current − A) ÷ A, the current amount being the whole the
    paragraph named before (共计B万元)."""
    up, down = ctx.w["claim_up"], ctx.w["claim_down"]
    toks = p.toks
    for k, prior in enumerate(toks[:-1]):
        if not prior.money or not _PRIOR_BEFORE.search(
            p.text[max(0, prior.start - 12) : prior.start]
        ):
            continue
        rate = toks[k + 1]
        if not rate.pct or (pi, rate.start) in ctx.used or rate.q.comparator:
            continue
        m = _CHANGE_AFTER.match(p.text[prior.end : rate.start])
        if not m:
            continue
        word = m.group(1)
        direction = "up" if word in up else "down" if word in down else None
        if direction is None:
            continue
        cur = _current(ctx, p, prior.start)
        if cur is None or cur.iv is None or prior.iv is None:
            continue
        change = (cur.iv - prior.iv) if direction == "up" else (prior.iv - cur.iv)  # type: ignore[operator]
        comp = ratio(change, prior.iv)  # type: ignore[arg-type]
        if comp is None:
            continue
        _add_rate(ctx, pi, p, rate, comp, cur, prior, word, direction)


def _add_rate(
    ctx: _Ctx,
    pi: int,
    p: Para,
    rate: Tok,
    comp: iv.Iv,
    cur: Tok,
    prior: Tok,
    word: str,
    direction: str,
) -> None:
    """A rate of change from ``prior`` to ``cur``, both printed: a mismatch is an error."""
    ctx.used.add((pi, rate.start))
    a, b = (cur, prior) if direction == "up" else (prior, cur)
    ctx.add(
        "prose_yoy",
        p,
        rate,
        comp,
        [_tok_operand(cur), _tok_operand(prior)],
        f"{word}{rate.text} = （{a.text} − {b.text}）÷ {prior.text}",
        f"{'growth' if direction == 'up' else 'decline'} {rate.text} from {prior.text} "
        f"to {cur.text}",
        lenient=True,
    )
