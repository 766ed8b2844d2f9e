"""Three-line tables that run over page breaks with the rules office software prints.

Word, WPS and LibreOffice draw a three-line table's rules where its rows are: the first page
carries the top rule and the header rule (no rule at its foot), a middle page no rule at all,
the last page the bottom rule alone; the header is not repeated. So a band may be *open*: a top
and a header rule whose body runs, line by line, to the last text line above the page number.
A page after an open band continues it when its text lines, from the top, stand in the band's
columns, down to a lone rule of the band's width (the bottom rule: the table ends there) or to
the page foot (the table goes on). Lines that do not stand in the columns (prose) end the table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .edges import Segment
from .grid import Piece
from .numbers import parse_quantity
from .text import Char, group_lines, line_text
from .threeline import SAME_EXTENT, Band, segments

_FOOTER = re.compile(r"^[-—–－\s]*(第\s*)?\d+\s*(页)?[-—–－\s]*((/|共)\s*\d+\s*(页)?)?[-—–－\s]*$")
_CONTINUED = re.compile(r"^[（(]?续表")
COL_FIT = 0.85
MARGIN = 0.06  # running heads and feet stand in this share of the page's height at its edges  # a segment stands in a column when this share of its width lies inside it


def is_footer(text: str) -> bool:
    return bool(_FOOTER.match(text.strip()))


def _lines(
    chars: list[Char], lo: float, hi: float, x0: float, x1: float, page_h: float
) -> list[list[Char]]:
    """Text lines whose characters' centres lie between ``lo`` and ``hi``; page numbers and
    running heads and feet (a line in the page's top or bottom margin, apart from the rest)
    left out. A line reaching outside [x0, x1] is kept whole (prose is wider than the table)."""
    picked = [c for c in chars if c["text"].strip() and lo < (c["top"] + c["bottom"]) / 2 < hi]
    lines = group_lines(picked)
    em = _em(lines)
    out = []
    for i, ln in enumerate(lines):
        top, bottom = min(c["top"] for c in ln), max(c["bottom"] for c in ln)
        if is_footer(line_text(ln)) and (ln[0]["x0"] > x0 + 0.2 * (x1 - x0) or len(ln) <= 3):
            continue
        above = max(c["bottom"] for c in lines[i - 1]) if i else -1e9
        below = min(c["top"] for c in lines[i + 1]) if i + 1 < len(lines) else 1e9
        if top > (1 - MARGIN) * page_h and top - above >= 1.5 * em:
            continue  # a running foot
        if bottom < MARGIN * page_h and below - bottom >= 1.5 * em:
            continue  # a running head
        out.append(ln)
    return out


def _em(lines: list[list[Char]]) -> float:
    sizes = sorted(c["bottom"] - c["top"] for ln in lines for c in ln)
    return sizes[len(sizes) // 2] if sizes else 10.0


def _run(lines: list[list[Char]], start: float, fits) -> list[list[Char]]:  # noqa: ANN001
    """The lines from ``start`` down that fit, while they follow each other at row pitch."""
    em = _em(lines)
    run: list[list[Char]] = []
    prev = start
    for ln in lines:
        top = min(c["top"] for c in ln)
        pitches = sorted(
            min(c["top"] for c in b) - min(c["top"] for c in a)
            for a, b in zip(run, run[1:], strict=False)
        )
        pitch = pitches[len(pitches) // 2] if pitches else 2 * em
        if top - prev > max(3 * em, 2.5 * pitch) or not fits(ln):
            break
        run.append(ln)
        prev = max(c["bottom"] for c in ln)
    return run


def open_band(band: Band, chars: list[Char], page_h: float) -> Band | None:
    """A band of two rules whose second is a header rule, its body running to the page foot."""
    if band.rules != 2 or band.head is not None:
        return None
    head = [
        c
        for c in chars
        if c["text"].strip()
        and band.top < (c["top"] + c["bottom"]) / 2 < band.bottom
        and band.x0 - 2 <= (c["x0"] + c["x1"]) / 2 <= band.x1 + 2
    ]
    if not head:
        return None
    head_lines = group_lines(head)
    if len(head_lines) > 4 or any(
        parse_quantity(line_text(s)).kind in ("number", "dash")
        for ln in head_lines
        for s in segments(ln)
    ):
        return None  # numbers between the rules: body rows, not a header
    cmid_y = min((s.pos for s in band.cmid), default=band.top)
    leaves = [c for c in head if (c["top"] + c["bottom"]) / 2 > cmid_y]
    anchors = [(s[0]["x0"] + s[-1]["x1"]) / 2 for ln in group_lines(leaves) for s in segments(ln)]
    if len(anchors) < 2:
        return None

    def fits(ln: list[Char]) -> bool:
        return all(
            sum(1 for a in anchors if s[0]["x0"] < a < s[-1]["x1"]) <= 1 for s in segments(ln)
        )

    below = _lines(chars, band.bottom, float("inf"), band.x0, band.x1, page_h)
    run = _run(below, band.bottom, fits)
    if not run or len(run) < len(below) or not any(len(segments(ln)) >= 2 for ln in run):
        return None  # something other than table rows follows: not an open table
    bottom = max(c["bottom"] for c in run[-1]) + 1.0
    return replace(band, head=band.bottom, bottom=bottom, open=True)


def past_joint(band: Band, chars: list[Char], page_h: float) -> Band | None:
    """A band whose bottom rule a second rule meets at once (``Band.joint``: a table split by
    hand, the split drifted off the page break) goes on below the pair when the rows there
    stand in its columns down to the page foot: read as one band left open there."""
    if band.joint is None or band.head is None:
        return None
    trial = replace(band, head=None, bottom=band.head, rules=2, joint=None)
    opened = open_band(trial, chars, page_h)
    if opened is None or opened.bottom <= band.joint:
        return None
    return opened


def continuation(
    prev: Piece, hs: list[Segment], used: set[int], chars: list[Char], page_h: float
) -> tuple[Band | None, list[int]]:
    """The part of an open table on this page: a band from the page's first text line down to
    the first lone rule of the table's width, or to the page foot (then open again). A rule of
    that width with no text above it heads the page (the bottom rule of the page before, or a
    border repeated at the break): the part starts under it. Returns the band (None when the
    page does not go on with the table) and the indices of the rules it takes."""
    x0, x1 = prev.xs[0], prev.xs[-1]
    width = x1 - x0
    tol = SAME_EXTENT * width
    # a rule of the table's width; or most of it, from one of its ends (the border of a merged
    # cell cut by the break may be left out under that cell's columns)
    rules = [
        i
        for i, h in sorted(enumerate(hs), key=lambda ih: ih[1].pos)
        if i not in used
        and h.a >= x0 - tol
        and h.b <= x1 + tol
        and (abs(h.a - x0) <= tol or abs(h.b - x1) <= tol)
        and h.length >= 0.5 * width
    ]

    def text(lo: float, hi: float) -> list[list[Char]]:
        lines = _lines(chars, lo, hi, x0, x1, page_h)
        while lines and _CONTINUED.match(line_text(lines[0]).strip()):
            lines.pop(0)
        return lines

    lead: list[int] = []
    lo = float("-inf")
    if rules and not text(lo, hs[rules[0]].pos):
        lead, lo = [rules[0]], hs[rules[0]].pos
        rules = rules[1:]
    closer = rules[0] if rules else None
    limit = hs[closer].pos if closer is not None else float("inf")
    lines = text(lo, limit)
    if not lines:
        return None, lead  # a rule alone at the page's top: the table ended on the page before
    xs = prev.xs

    def fits(ln: list[Char]) -> bool:
        for s in segments(ln):
            a, b = s[0]["x0"], s[-1]["x1"]
            inside = max(min(b, xs[k + 1]) - max(a, xs[k]) for k in range(len(xs) - 1))
            if inside < COL_FIT * max(b - a, 0.1):
                return False
        return True

    top = lo if lead else min(c["top"] for c in lines[0]) - 1.0
    run = _run(lines, top, fits)
    if len(run) < len(lines) or sum(1 for ln in run if len(segments(ln)) >= 2) * 3 < len(run):
        return None, lead
    bottom = limit if closer is not None else max(c["bottom"] for c in run[-1]) + 1.0
    band = Band(top, None, bottom, x0, x1, [], rules=len(lead) + (closer is not None))
    band.open = closer is None
    return band, lead + ([closer] if closer is not None else [])
