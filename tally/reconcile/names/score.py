"""Normalising names and scoring a pair: subsequence containment for abbreviated Chinese
names (see the package's docstring)."""

from __future__ import annotations

import unicodedata

from ..structure import strip_marker
from .base import _BRACKETS, _PUNCT

# ---- normalising and scoring ------------------------------------------------------------------


def name_key(text: str) -> str:
    """NFKC, no list marker (一、 1.), no bracketed notes, no whitespace or punctuation."""
    t = unicodedata.normalize("NFKC", text or "")
    t = strip_marker(t) or t
    stripped = _BRACKETS.sub("", t)
    if _PUNCT.sub("", stripped):
        t = stripped
    return _PUNCT.sub("", t)


def _strip_stop(key: str, stop: list[str]) -> str:
    t = key
    for w in sorted(stop, key=len, reverse=True):
        t = t.replace(w, "")
    return t if len(t) >= 2 else key


def score_matrix(a: list[str], b: list[str], stop: list[str] | None = None) -> list[list[float]]:
    """Scores (0–100) of every name of ``a`` against every name of ``b`` (keys, see name_key).
    Plain lists: numpy's import would cost more than the few thousand pairs a report has."""
    if not a or not b:
        return [[0.0] * len(b) for _ in a]
    best = _raw_scores(a, b)
    if stop:
        sa = [_strip_stop(x, stop) for x in a]
        sb = [_strip_stop(x, stop) for x in b]
        if sa != a or sb != b:
            alt = _raw_scores(sa, sb)
            best = [
                [max(x, y) for x, y in zip(r1, r2, strict=True)]
                for r1, r2 in zip(best, alt, strict=True)
            ]
    return best


def _raw_scores(a: list[str], b: list[str]) -> list[list[float]]:
    """100 · C² · (0.6 + 0.4 · ratio), C = longest common subsequence / the shorter name."""
    from rapidfuzz.distance import Indel, LCSseq

    lcs, ind = LCSseq.similarity, Indel.normalized_similarity
    out = []
    for x in a:
        row = []
        for y in b:
            c = lcs(x, y) / max(min(len(x), len(y)), 1)
            row.append(100.0 * c * c * (0.6 + 0.4 * ind(x, y)))
        out.append(row)
    return out


def score(a: str, b: str, stop: list[str] | None = None) -> float:
    return float(score_matrix([name_key(a)], [name_key(b)], stop)[0][0])
