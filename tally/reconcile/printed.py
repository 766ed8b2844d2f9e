"""One way to print a computed number in a message or a report: as the number it stands
beside was printed — its decimals, its thousands separators, its scale (a figure in 元 beside
213.16万元 is shown in 万元) and its unit (%, 万元, 元, 分, 个百分点). Ranges of a computed
interval are ``interval.show``."""

from __future__ import annotations

import re
import unicodedata

from ..extract.numbers import parse_quantity

# a unit printed after the digits that is kept on the computed figure
_PLAIN_UNIT = re.compile(r"[%万亿元个分项次人家批]{1,3}|万元|亿元|个百分点")
_SUFFIX = re.compile(r"\d([^\d]*)$")


def as_printed(x: float | None, like: str = "") -> str:
    """``x`` the way ``like`` was printed; a whole number printed (5分) with a fraction computed
    shows the fraction (up to 2 decimals); with nothing printed to follow, grouped thousands."""
    if x is None:
        return ""
    text = unicodedata.normalize("NFKC", like).strip()
    q = parse_quantity(text) if text else None
    if q is None or not q.is_number:
        return _digits(x, 0, ",")
    m = _SUFFIX.search(text)
    unit = m.group(1).strip() if m else ""
    if unit and not _PLAIN_UNIT.fullmatch(unit):
        unit = ""  # something other than a plain unit follows the digits: the number only
    return _digits(x / (q.scale or 1.0), q.decimals, "," if "," in text else "") + unit


def _digits(x: float, d: int, sep: str) -> str:
    if d or abs(x - round(x)) < 1e-9:
        return f"{x:{sep}.{d}f}"
    return f"{x:{sep}.2f}".rstrip("0").rstrip(".")


def printed_scale(like: str) -> float:
    """The scale the printed number carries (1e4 for 213.16万元, 1 for 557.65 or 96.94%): a
    figure in 元 divided by it is in the printed unit."""
    text = unicodedata.normalize("NFKC", like).strip()
    q = parse_quantity(text) if text else None
    return (q.scale or 1.0) if q is not None and q.is_number else 1.0


UNIT_SCALE = {"元": 1.0, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "亿元": 1e8}


def unit_scale(unit: str | None) -> float | None:
    """元 per unit of a table's amounts (1e4 for 万元); None for no or another unit."""
    if not unit:
        return None
    return UNIT_SCALE.get(re.sub(r"[\s()（）]", "", unicodedata.normalize("NFKC", unit)))
