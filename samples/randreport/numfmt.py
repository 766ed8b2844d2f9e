"""Printing numbers the way reports do, and reading back the generator's own formats as
round-to-nearest intervals (used to verify the truth's relations, not to read PDFs)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Fmt:
    dec: int = 2  # decimals printed
    sep: bool = False  # thousands separators
    zero: str = "0.00"  # how zero prints: "blank" | "0.00" (i.e. formatted zero) | "-"
    pct: bool = False  # trailing %

    def __call__(self, v: Decimal | int | None) -> str:
        return fmt(v, self)


def q(v: Decimal | int, dec: int) -> Decimal:
    return Decimal(v).quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def fmt(v: Decimal | int | None, f: Fmt) -> str:
    if v is None:
        return ""
    v = q(v, f.dec)
    if v == 0 and not f.pct:
        if f.zero == "blank":
            return ""
        if f.zero == "-":
            return "-"
    s = f"{v:,.{f.dec}f}" if f.sep else f"{v:.{f.dec}f}"
    return s + ("%" if f.pct else "")


def ratio_pct(a: Decimal, b: Decimal, dec: int = 2) -> Decimal:
    return q(Decimal(a) * 100 / Decimal(b), dec)


_NUM = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def interval(text: str) -> tuple[Decimal, Decimal] | None:
    """The interval a printed number stands for; blank and '-' are an exact zero;
    '/' and text without a number give None. Percent signs are dropped (value in %)."""
    t = unicodedata.normalize("NFKC", text).strip()
    if t in ("", "-", "—"):
        return (Decimal(0), Decimal(0))
    m = _NUM.search(t)
    if not m:
        return None
    s = m.group(0).replace(",", "")
    v = Decimal(s)
    dec = len(s.split(".")[1]) if "." in s else 0
    h = Decimal(5).scaleb(-dec - 1)
    return (v - h, v + h)


def weight_in_label(text: str) -> tuple[Decimal, Decimal] | None:
    """'项目立项（9分）' → the interval of 9."""
    t = unicodedata.normalize("NFKC", text)
    m = re.search(r"\((\d+(?:\.\d+)?)分\)", t)
    return interval(m.group(1)) if m else None


def deduction_in_text(text: str) -> tuple[Decimal, Decimal] | None:
    t = unicodedata.normalize("NFKC", text)
    m = re.search(r"扣(\d+(?:\.\d+)?)分", t)
    return interval(m.group(1)) if m else None
