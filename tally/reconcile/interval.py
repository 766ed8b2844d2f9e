"""Printed numbers as intervals (XBRL Calculations 1.1, round-to-nearest).

``557.65`` stands for [557.645, 557.655]. A relation between printed numbers is inconsistent
only when the printed result cannot come out of any rounding of the printed operands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..extract.model import Quantity

EPS = 1e-9  # float noise on values with at most ~10 significant digits


@dataclass(frozen=True, slots=True)
class Iv:
    lo: float
    hi: float

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2

    @property
    def half(self) -> float:
        return (self.hi - self.lo) / 2

    def __add__(self, other: Iv) -> Iv:
        return Iv(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Iv) -> Iv:
        return Iv(self.lo - other.hi, self.hi - other.lo)

    def scale(self, k: float) -> Iv:
        a, b = self.lo * k, self.hi * k
        return Iv(min(a, b), max(a, b))

    def overlaps(self, other: Iv) -> bool:
        tol = EPS * max(1.0, abs(self.mid), abs(other.mid))
        return self.lo <= other.hi + tol and other.lo <= self.hi + tol


ZERO = Iv(0.0, 0.0)


def of(q: Quantity) -> Iv | None:
    """The interval of a printed quantity; blank, '-' and '/' count as an exact zero."""
    if q.kind == "number" and q.value is not None and q.comparator is None and q.upper is None:
        lo, hi = q.interval()
        return Iv(lo, hi)
    if q.kind in ("blank", "dash", "na"):
        return ZERO
    return None


def show(x: Iv, decimals: int, printed: float | None = None) -> str:
    """A computed value as a reviewer reads it: one figure at the printed precision (the sum of
    the printed operands; the verdict already allowed for their rounding), or its range one
    digit finer where that one figure would read as the ``printed`` number itself."""
    d = decimals
    if printed is None or round(x.mid, d) != round(printed, d):
        return f"{x.mid:,.{d}f}"
    return f"{x.lo:,.{d + 1}f}～{x.hi:,.{d + 1}f}"


def total(parts: list[Iv]) -> Iv:
    lo = math.fsum(p.lo for p in parts)
    hi = math.fsum(p.hi for p in parts)
    return Iv(lo, hi)


def ratio(num: Iv, den: Iv, factor: float = 100.0) -> Iv | None:
    """num / den × factor for non-negative operands; None when the denominator may be 0."""
    if den.lo <= 0 or num.lo < 0:
        return None
    return Iv(num.lo / den.hi * factor, num.hi / den.lo * factor)


def verdict(printed: Iv, computed: Iv, parts: list[Iv] | None = None) -> str:
    """'ok', 'info' (a rounding residue), 'warning' (consistent only if every rounding leans the
    same way) or 'error' (no rounding of the operands gives the printed value)."""
    if not printed.overlaps(computed):
        return "error"
    diff = abs(printed.mid - computed.mid)
    if diff <= EPS * max(1.0, abs(printed.mid)):
        return "ok"
    if parts and len(parts) > 3:
        # independent roundings spread like a sum of uniforms: sd = sqrt(sum(h^2)/3)
        sd = math.sqrt(math.fsum(p.half**2 for p in parts) / 3)
        if diff > printed.half + 4 * sd and diff > 2 * max(p.half for p in parts):
            return "warning"
    return "info"


def weight(q: Quantity) -> Iv | None:
    """A weight (分值) printed as a whole number is exact by definition (5分 is 5, not
    [4.5, 5.5]); one printed with decimals (0.27 = 20/75) is rounded like any number."""
    x = of(q)
    if x is not None and q.kind == "number" and q.decimals == 0 and q.value is not None:
        v = q.value * q.scale
        return Iv(v, v)
    return x
