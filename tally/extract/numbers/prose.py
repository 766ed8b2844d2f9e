"""Every number of a text of prose, with where it stands (``find_quantities``)."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Quantity
from .cell import _agree
from .normalize import _normalize
from .patterns import _CMP_BEFORE_RE, _CMP_PREFIX, _CODE_TAIL_RE, _NUM_RE, _SCAN_RE
from .pieces import _number, _read_amount, _read_date

# ---------------------------------------------------------------------------------------------
# Prose


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every numeric claim in a prose paragraph as (start, end, Quantity).

    start/end index the ORIGINAL text. Amounts, percents, scores, counts, ranges and their
    comparators come out as kind 'number'; dates and years as 'date' (callers skip them); a
    number with nothing saying what it counts as 'text' with value None. Document numbers,
    3·15, 附件1, 第3 and list markers are not returned.
    """
    s, where = _normalize(text, cell=False)
    out: list[tuple[int, int, Quantity]] = []
    pos = 0
    while m := _SCAN_RE.search(s, pos):
        if m.lastgroup == "skip":
            pos = m.end()
            continue
        start, end, make = _scan_at(s, m.start(), pos)
        pos = max(end, m.start() + 1)
        o0 = start if where is None else where[start]
        o1 = end if where is None else where[end - 1] + 1
        out.append((o0, o1, make(text[o0:o1])))
    return out


def _scan_at(s: str, i: int, floor: int) -> tuple[int, int, Callable[[str], Quantity]]:
    """(start, end, factory taking the original span text) for the token at digit s[i].

    ``floor`` is where the previous token ended: a comparator is not looked for before it.
    """
    num = _NUM_RE.match(s, i)
    prev = _prev_char(s, i)
    after = s[num.end() : num.end() + 1]
    glued = (prev != "" and prev.isascii() and (prev.isalpha() or prev in "+#_\\/.")) or (
        after.isascii() and after.isalpha()
    )
    if glued:  # GB/T 19001-2016, ISO9001, 5G, X+2: codes and names
        end = _CODE_TAIL_RE.match(s, i).end()
        return i, end, _text_quantity

    if d := _read_date(s, i):
        end, iso, cmp = d
        c = _CMP_BEFORE_RE.search(s, max(floor, i - 10), i)
        start = c.start() if c and _CMP_PREFIX[c.group(1)] in ("<=", ">=") else i
        cmp = cmp or (_CMP_PREFIX[c.group(1)] if start < i else None)
        return start, end, lambda t: Quantity(text=t, kind="date", date=iso, comparator=cmp)

    a = _read_amount(s, i)
    if a is None:  # a code like 047001
        return i, num.end(), _text_quantity
    # '增长-3.5%': a minus glued to the number, not a hyphen between two words or numbers
    neg = i - 1 >= floor and s[i - 1] == "-" and not _word_char(s[i - 2] if i >= 2 else "")
    start, comparator = i - neg, a.comparator
    if c := _CMP_BEFORE_RE.search(s, max(floor, start - 10), start):
        start, comparator = c.start(), _agree(_CMP_PREFIX[c.group(1)], a.comparator) or None
    if a.tail.empty() and comparator is None:
        return i, num.end() if a.upper is None else a.end, _text_quantity
    sign = -1.0 if neg else 1.0
    return start, a.end, lambda t: _number(t, a, sign, comparator, a.tail.per)


def _word_char(ch: str) -> bool:
    """ASCII letters/digits and closing brackets end a term: a '-' after them is a hyphen."""
    return ch != "" and ((ch.isascii() and ch.isalnum()) or ch in ")]}）】〕")


def _prev_char(s: str, i: int) -> str:
    """The last non-space character before s[i] ('' at the start)."""
    k = i - 1
    while k >= 0 and s[k].isspace():
        k -= 1
    return s[k] if k >= 0 else ""


def _text_quantity(t: str) -> Quantity:
    return Quantity(text=t, kind="text")
