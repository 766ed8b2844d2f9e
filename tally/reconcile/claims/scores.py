"""A total score and its components in the prose (prose_score)."""

from __future__ import annotations

import math
import re

from ..interval import Iv, total
from .core import _Ctx, _label, _tok_operand
from .text import Para, Tok

# ---------------------------------------------------------------------------------------------
# Scores

_SCORE_TOTAL_RE = re.compile(r"(?:得分|总分|评分)\s*(?:为|是|达到|达)?\s*$")

_WEIGHT_RE = re.compile(r"分值\s*(?:为|是)?\s*$")

_SCORE_RE = re.compile(r"得分\s*(?:为|是)?\s*$")


def _score_iv(t: Tok, weight: Tok | None) -> Iv:
    """A score printed as a whole number equal to its weight is full marks: exact."""
    iv = t.iv
    assert iv is not None
    if weight is not None and t.q.decimals == 0 and t.q.value == weight.q.value:
        return Iv(t.q.value, t.q.value)  # type: ignore[arg-type]
    return iv


def _scores(ctx: _Ctx, pi: int, p: Para) -> None:
    toks = p.toks
    pairs: list[tuple[Tok, Tok]] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.points and _WEIGHT_RE.search(_label(p.text, t.start)):
            for j in range(k + 1, min(k + 3, len(toks))):
                u = toks[j]
                if u.points and _SCORE_RE.search(_label(p.text, u.start)):
                    gap = p.text[t.end : u.start]
                    if not any(c in gap for c in "；;。") and not (
                        any(o.points for o in toks[k + 1 : j])
                    ):
                        pairs.append((t, u))
                        k = j
                    break
        k += 1
    if not pairs:
        return
    for w, s in pairs:
        ctx.add(
            "prose_score",
            p,
            s,
            Iv(-math.inf, w.q.value),  # type: ignore[arg-type]
            [_tok_operand(w)],
            f"得分 {s.text} 不应超过分值 {w.text}",
            f"score {s.text} cannot exceed its weight {w.text}",
            printed=_score_iv(s, w),
        )
    first = pairs[0][0]
    qz = p.text.rfind("其中", 0, first.start)
    if qz < 0:
        return
    heads = [
        o
        for o in toks
        if o.points and o.end <= qz and _SCORE_TOTAL_RE.search(_label(p.text, o.start))
    ]
    if not heads:
        return
    head = heads[-1]
    if any(o.points for o in toks if head.end <= o.start < qz):
        return
    parts = [_score_iv(s, w) for w, s in pairs]
    ctx.add(
        "prose_score",
        p,
        head,
        total(parts),
        [_tok_operand(s) for _, s in pairs],
        "总得分 " + head.text + " 与各部分得分之和（" + "、".join(s.text for _, s in pairs) + "）",
        f"total score {head.text} against the sum of its parts",
        parts=parts,
    )
