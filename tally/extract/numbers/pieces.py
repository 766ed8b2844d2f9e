"""Reading the pieces of a printed number: digits, a tail (scale, %, unit, per, comparator),
a range, a date, an ordinal, a Chinese-numeral amount."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Quantity
from .patterns import (
    _APPROX_RE,
    _CMP_SUFFIX,
    _CMP_SUFFIX_RE,
    _CN_NUM_RE,
    _DATE_CMP,
    _DATE_RE,
    _NUM_RE,
    _ORDINAL_RE,
    _PCT_RE,
    _PER_RE,
    _PP_RE,
    _RANGE_SEP_RE,
    _SCALE_RE,
    _SCALES,
    _UNIT_ALIAS,
    _UNIT_RE,
)

# ---------------------------------------------------------------------------------------------
# Pieces


@dataclass(slots=True)
class _Tail:
    """What follows a number: 余, scale, %, unit, /per."""

    end: int
    approx: bool = False
    scale: float | None = None
    pct: bool = False
    pp: bool = False
    unit: str | None = None
    per: str | None = None

    def empty(self) -> bool:
        return not (self.scale or self.pct or self.pp or self.unit)


@dataclass(slots=True)
class _Amount:
    end: int
    value: float
    decimals: int
    tail: _Tail
    upper: float | None
    comparator: str | None


def _digits(num: str) -> tuple[float, int] | None:
    """Value and printed decimals of a digit string; None for a code such as 047001."""
    plain = num.replace(",", "")
    whole, _, frac = plain.partition(".")
    if len(whole) > 1 and whole[0] == "0":
        return None
    return float(plain), len(frac)


def _read_tail(s: str, j: int) -> _Tail:
    t = _Tail(end=j)
    k = j
    approx = _APPROX_RE.match(s, k)
    if approx:
        k = approx.end()
    if m := _SCALE_RE.match(s, k):
        t.scale = _SCALES[m.group(1)]
        k = t.end = m.end()
        if approx is None and (approx := _APPROX_RE.match(s, k)):  # 1.5万余
            k = t.end = approx.end()
    if m := _PCT_RE.match(s, k):
        t.pct = True
        t.end = m.end()
    elif m := _PP_RE.match(s, k):
        t.pp = True
        t.end = m.end()
    elif m := _UNIT_RE.match(s, k):
        t.unit = _UNIT_ALIAS.get(m.group(1), m.group(1))
        t.end = m.end()
    if t.end == j:  # a lone 余/多 with nothing after it is not ours
        return _Tail(end=j)
    t.approx = approx is not None
    if (t.unit or t.scale) and (m := _PER_RE.match(s, t.end)):
        t.per = re.sub(r"\s+", "", m.group(1))
        t.end = m.end()
    return t


def _merge_range(t1: _Tail, t2: _Tail, v1: float, v2: float) -> tuple[_Tail, float] | None:
    """Join '10-50万元' / '2万元-20万元' / '5%-10%'; None when the two ends do not agree."""
    if not t1.empty():
        if t2.empty() or t1.per or t1.pct != t2.pct or t1.pp != t2.pp:
            return None
        if t1.unit not in (None, t2.unit) or (t1.scale and not t2.scale):
            return None
    s1 = t1.scale or t2.scale or 1.0
    upper = v2 * (t2.scale or 1.0) / s1
    if upper < v1:
        return None
    merged = _Tail(
        end=t2.end,
        approx=t1.approx or t2.approx,
        scale=t1.scale or t2.scale,
        pct=t2.pct,
        pp=t2.pp,
        unit=t2.unit,
        per=t2.per,
    )
    return merged, upper


def _read_amount(s: str, i: int) -> _Amount | None:
    """Number, tail, optional range and trailing comparator starting at s[i] (a digit)."""
    m = _NUM_RE.match(s, i)
    if not m or (d := _digits(m.group())) is None:
        return None
    value, decimals = d
    tail = _read_tail(s, m.end())
    end, upper = tail.end, None
    if (r := _RANGE_SEP_RE.match(s, end)) and (m2 := _NUM_RE.match(s, r.end())):
        d2 = _digits(m2.group())
        if d2 is not None:
            t2 = _read_tail(s, m2.end())
            merged = _merge_range(tail, t2, value, d2[0])
            if merged is not None:
                tail, upper = merged
                end = tail.end
    comparator = ">=" if tail.approx else None
    if c := _CMP_SUFFIX_RE.match(s, end):
        comparator = _CMP_SUFFIX[c.group(1)] or comparator
        end = c.end()
    return _Amount(end, value, decimals, tail, upper, comparator)


def _read_date(s: str, i: int) -> tuple[int, str, str | None] | None:
    """(end, ISO date, comparator) for a date starting at s[i], or None."""
    m = _DATE_RE.match(s, i)
    if not m:
        return None
    g = m.groupdict()
    if g["ya"]:
        ya, yb = int(g["ya"]), int(g["yb"])
        if not (_year_ok(ya) and _year_ok(yb) and ya <= yb):
            return None
        iso = f"{ya}/{yb}"
    else:
        y = g["y"] or g["y2"] or g["y3"]
        mo = g["m"] or g["m2"] or g["m3"] or g["m4"]
        day = g["d"] or g["d2"] or g["d4"]
        if y is not None and not _year_ok(int(y)):
            return None
        if (mo is not None and not 1 <= int(mo) <= 12) or (
            day is not None and not 1 <= int(day) <= 31
        ):
            return None
        iso = y if y is not None else "-"
        if mo is not None:
            iso += f"-{int(mo):02d}"
        if day is not None:
            iso += f"-{int(day):02d}"
    return m.end(), iso, _DATE_CMP.get(g["cmp"] or "")


def _year_ok(y: int) -> bool:
    return 1900 <= y <= 2100


def _small_cn(s: str) -> int:
    """一..九十九, enough for list markers."""
    digits = {c: k + 1 for k, c in enumerate("一二三四五六七八九")}
    if "十" not in s:
        return digits.get(s, 0)
    tens, _, ones = s.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _ordinal(s: str) -> int | None:
    m = _ORDINAL_RE.match(s)
    if not m:
        return None
    if m["c"]:
        return int(unicodedata.numeric(m["c"], 0))
    tok = m["p"] or m["d"] or m["h"]
    return int(tok) if tok.isdigit() else _small_cn(tok)


def _chinese_amount(text: str, s: str) -> Quantity | None:
    """一点五万 / 三个: the whole rest of a cell in Chinese numerals (cn2an does the numeral)."""
    m = _CN_NUM_RE.fullmatch(s)
    if not m:
        return None
    whole, frac, scale = m["i"], m["f"] or "", m["s"]
    if not frac and not scale and len(whole) > 1 and whole[-1] in "万亿":  # 三万 → 三 × 1e4
        whole, scale = whole[:-1], whole[-1]
    import cn2an  # slow to import and rarely needed

    try:
        value = float(cn2an.cn2an(whole + frac, "normal"))
    except (ValueError, KeyError, IndexError):
        return None
    unit = m["u"]
    return Quantity(
        text=text,
        kind="number",
        value=value,
        decimals=max(len(frac) - 1, 0),
        scale=_SCALES[scale] if scale else 1.0,
        unit=_UNIT_ALIAS.get(unit, unit) if unit else None,
    )


def _number(
    text: str, a: _Amount, sign: float, comparator: str | None, per: str | None
) -> Quantity:
    t = a.tail
    return Quantity(
        text=text,
        kind="number",
        value=sign * a.value,
        decimals=a.decimals,
        scale=t.scale or 1.0,
        percent=t.pct,
        pct_points=t.pp,
        comparator=comparator,
        upper=a.upper,
        unit=t.unit,
        per=per,
    )
