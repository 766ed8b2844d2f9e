"""One table cell read as one quantity (``parse_quantity``)."""

from __future__ import annotations

from functools import lru_cache

from ..model import Quantity
from .normalize import _normalize
from .patterns import (
    _CJK_ONLY_RE,
    _CMP_PREFIX,
    _CMP_PREFIX_RE,
    _DASH_RE,
    _FILLER_RE,
    _NA_RE,
    _PER_PREFIX_RE,
    _PLAIN_RE,
    _SIGN_RE,
    _TRAIL_PUNCT_RE,
)
from .pieces import _chinese_amount, _digits, _number, _ordinal, _read_amount, _read_date

# ---------------------------------------------------------------------------------------------
# Cells


@lru_cache(maxsize=1 << 16)
def parse_quantity(text: str) -> Quantity:
    """Parse the whole text of one table cell (or indicator value) into one Quantity.

    Kinds: 'blank' (nothing), 'na' ('/', '—'), 'dash' (a lone '-'), 'ordinal' (a label opening
    with （1） ① 一、 1.; value is the ordinal), 'date', 'number', and 'text' for anything else,
    including a cell holding more than one number. See the module docstring for conventions.
    """
    if m := _PLAIN_RE.fullmatch(text):  # fast path: most cells are a bare number
        d = _digits(m.group(2))
        if d is not None:
            sign = -1.0 if m.group(1) == "-" else 1.0
            return Quantity(
                text=text, kind="number", value=sign * d[0], decimals=d[1], percent=bool(m.group(3))
            )
    s, _ = _normalize(text, cell=True)
    s = s.strip()
    if not s:
        return Quantity(text=text, kind="blank")
    if _NA_RE.fullmatch(s):
        return Quantity(text=text, kind="na")
    if _DASH_RE.fullmatch(s):
        return Quantity(text=text, kind="dash")
    if (o := _ordinal(s)) is not None:
        return Quantity(text=text, kind="ordinal", value=float(o))
    return _parse_cell(text, s) or Quantity(text=text, kind="text")


def _parse_cell(text: str, s: str) -> Quantity | None:
    p = 0
    if m := _FILLER_RE.match(s, p):
        p = m.end()
    per = None
    if m := _PER_PREFIX_RE.match(s, p):
        per, p = m.group(1), m.end()
    comparator = None
    if m := _CMP_PREFIX_RE.match(s, p):
        comparator, p = _CMP_PREFIX[m.group(1)], m.end()
    sign = 1.0
    if m := _SIGN_RE.match(s, p):
        sign, p = (-1.0 if m.group(1) == "-" else 1.0), m.end()

    if sign > 0 and (d := _read_date(s, p)) and _at_end(s, d[0]):
        end, iso, date_cmp = d
        cmp = _agree(comparator, date_cmp)
        if cmp is False or per:
            return None
        return Quantity(text=text, kind="date", date=iso, comparator=cmp)

    if (a := _read_amount(s, p)) is not None:
        rest = s[a.end :]
        rest = rest[: _TRAIL_PUNCT_RE.search(rest).start()].strip()
        tail_per = a.tail.per
        if rest and tail_per and _CJK_ONLY_RE.fullmatch(rest):  # 万元/县市区: per runs to the end
            tail_per, rest = tail_per + rest, ""
        cmp = _agree(comparator, a.comparator)
        if rest or cmp is False or (per and tail_per):
            return None
        return _number(text, a, sign, cmp, per or tail_per)

    if comparator is None and per is None and sign > 0:
        return _chinese_amount(text, s[p:])
    return None


def _at_end(s: str, k: int) -> bool:
    return _TRAIL_PUNCT_RE.match(s, k) is not None


def _agree(a: str | None, b: str | None) -> str | None | bool:
    """One comparator from a prefix and a suffix; False when they contradict (≥5以下)."""
    if a is None or b is None or a == b:
        return a or b
    return False
