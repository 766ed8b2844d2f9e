"""Characters into lines, and lines into the text of a cell or a paragraph line."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

Char = dict[str, Any]

# Lines whose tops differ by less than this fraction of the font size are one line. pdfplumber's
# fixed 3 pt splits some office output (numbers set on a shifted baseline); half an em does not.
Y_TOL_RATIO = 0.5
_SPACES = re.compile(r"\s+")


# Some producers (Chromium/Skia, some Word fonts) map common ideographs to radical code points
# in their ToUnicode tables: 小 comes out as U+2F29 KANGXI RADICAL SMALL, 民 as U+2EA0. The glyph
# printed is the ideograph, so it is read as one. Kangxi radicals decompose under NFKC; the
# supplement's whole-character radicals (Unicode's EquivalentUnifiedIdeograph data) do not.
_RADICALS_SUPPLEMENT = {
    "⺁": "厂", "⺟": "母", "⺠": "民", "⺧": "牛", "⺬": "示", "⻁": "虎", "⻄": "西",
    "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长", "⻔": "门",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马",
    "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻨": "麦", "⻩": "黄", "⻬": "齐",
    "⻮": "齿", "⻰": "龙", "⻳": "龟",
}  # fmt: skip
_UNIFY = str.maketrans(
    {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    | _RADICALS_SUPPLEMENT
)


def unify_radicals(text: str) -> str:
    """Radical code points standing for whole ideographs, read as those ideographs (one
    character for one, so character boxes stay aligned)."""
    return text.translate(_UNIFY)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def group_lines(chars: list[Char], y_tol_ratio: float = Y_TOL_RATIO) -> list[list[Char]]:
    """Group characters into lines (top to bottom), each sorted left to right."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    lines: list[list[Char]] = []
    line_top = line_bottom = 0.0
    for c in ordered:
        size = c["bottom"] - c["top"]
        mid = (c["top"] + c["bottom"]) / 2
        if lines and (
            abs(c["top"] - line_top) <= max(1.0, y_tol_ratio * size)
            or line_top <= mid <= line_bottom
        ):
            lines[-1].append(c)
            line_bottom = max(line_bottom, c["bottom"])
        else:
            lines.append([c])
            line_top, line_bottom = c["top"], c["bottom"]
    for ln in lines:
        ln.sort(key=lambda c: c["x0"])
    return lines


def line_text(chars: list[Char], space_ratio: float = 0.6) -> str:
    """Text of one line. A wide gap becomes a space only between Latin letters or digits:
    Chinese cells are often justified with wide gaps that are not spaces (合  计)."""
    out: list[str] = []
    prev: Char | None = None
    for c in chars:
        t = c["text"]
        if prev is not None and out and not out[-1].endswith(" ") and t != " ":
            gap = c["x0"] - prev["x1"]
            size = max(1.0, prev["bottom"] - prev["top"])
            if (
                gap > space_ratio * size
                and _is_ascii_alnum(prev["text"][-1:])
                and _is_ascii_alnum(t[:1])
            ):
                out.append(" ")
        out.append(t)
        prev = c
    return "".join(out)


def cell_text(chars: list[Char]) -> str:
    """Text of a cell: its lines joined with nothing between them (wrapped Chinese text).
    Spaces printed inside a line are kept (collapsed to one); at a line's ends they go."""
    lines = [line_text(ln).strip() for ln in group_lines(chars)]
    return _SPACES.sub(" ", "".join(lines)).strip()


def bbox_of(chars: list[Char]) -> tuple[float, float, float, float]:
    return (
        min(c["x0"] for c in chars),
        min(c["top"] for c in chars),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in chars),
    )


_NUM_END = set("0123456789%％）)")
_NUM_START = set("0123456789-－+（(")


def segments(line: list[Char]) -> list[list[Char]]:
    """Split a line of characters where a gap wider than half an em separates two cells
    (printed spaces do not bridge a gap: they are not ink)."""
    line = [c for c in line if c["text"].strip()] or line
    segs: list[list[Char]] = [[line[0]]]
    for prev, c in zip(line, line[1:], strict=False):
        size = max(1.0, prev["bottom"] - prev["top"])
        gap = c["x0"] - prev["x1"]
        # between two numbers (right-aligned amounts) a quarter em is already a gutter
        numeric = prev["text"][-1:] in _NUM_END and c["text"][:1] in _NUM_START
        if gap > max(2.0, 0.5 * size) or (numeric and gap > max(1.2, 0.18 * size)):
            segs.append([c])
        else:
            segs[-1].append(c)
    return segs


def merge_spans(intervals: list[tuple[float, float]], tol: float = 1.0) -> list[list[float]]:
    """x-extents of cell texts joined where they overlap or come within ``tol`` points: the
    columns their gutters leave (a negative ``tol`` joins only what truly overlaps)."""
    spans: list[list[float]] = []
    for a, b in sorted(intervals):
        if spans and a <= spans[-1][1] + tol:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    return spans
