"""Characters a reader takes as the same: NFKC plus the few it leaves alone (≧ ⩾, − –,
enclosed numerals), keeping where each normalised character came from."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------------------------------------
# Normalisation

# Characters NFKC leaves alone (or maps badly) that mean the same to a reader of a report.
_EXTRA = {
    "≧": "≥",
    "≦": "≤",
    "⩾": "≥",
    "⩽": "≤",
    "−": "-",
    "–": "-",
    "‐": "-",
    "‑": "-",
    "﹣": "-",
    "―": "—",
    "〜": "~",
    "・": "·",
    "･": "·",
    "•": "·",
}


def _is_enclosed(cp: int) -> bool:
    """Circled / parenthesised digits: NFKC would turn ① into a bare 1 and lose the list marker."""
    return (
        0x2460 <= cp <= 0x24FF
        or 0x2776 <= cp <= 0x2793
        or 0x3251 <= cp <= 0x325F
        or 0x32B1 <= cp <= 0x32BF
    )


@lru_cache(maxsize=8192)
def _norm_char(ch: str, cell: bool) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    if _is_enclosed(ord(ch)):
        return ch
    # In prose the full-width comma separates clauses: mapped to ',' it would glue '1，200'.
    if ch == "，" and not cell:
        return ch
    n = unicodedata.normalize("NFKC", ch)
    return _EXTRA.get(n, n)


def _normalize(text: str, cell: bool) -> tuple[str, list[int] | None]:
    """NFKC per character, with a map from each normalised char to its original index.

    Per character (not whole-string) NFKC keeps the map exact. The map is None (identity) when
    every character maps to one character, which is nearly always: then str.translate does it.
    """
    if text.isascii():
        return text, None
    table = {ord(ch): n for ch in set(text) if (n := _norm_char(ch, cell)) != ch}
    if all(len(n) == 1 for n in table.values()):
        return text.translate(table), None
    parts: list[str] = []
    where: list[int] = []
    for k, ch in enumerate(text):
        n = table.get(ord(ch), ch)
        parts.append(n)
        where.extend([k] * len(n))
    return "".join(parts), where
