"""Three-line tables whose rules do not all span the table.

Office software draws a table's rules as the borders of its cells. A cell merged down through
the header (项目名称, 使用率) has no border inside it, so LibreOffice leaves the top rule, the
cmidrules and the header rule out over it: they span only the columns between such cells, while
the bottom rule spans the table. A body cell merged down to the last row (a region spanning its
counties) shortens the bottom rule the same way. Rules of one table then differ in extent but
nest: each lies within the table's frame.

So, down the page: from a rule, the rules below whose extents nest with it form a candidate
table. Its header rule is the last rule above the first line of numbers (the text above it, set
tightly under the top rule, holds no number); its bottom rule is the first rule under the last
line of the run of table rows that follows (lines standing in the header's columns at row
pitch). Where top, header and bottom rule share one extent, the table is left to the ordinary
reading (``find_bands``); only the others are read here.
"""

from __future__ import annotations

from .edges import Segment
from .numbers import parse_quantity
from .openband import _em, _lines, _run
from .text import Char, group_lines, line_text
from .threeline import MIN_RULE, SAME_EXTENT, Band, segments

HEAD_GAP = 1.5  # ems: the header's lines stand this close under the top rule and to each other
MAX_HEAD_LINES = 12  # cells of one to six lines, centred at different heights, interleave


def _same(a: Segment, b: Segment) -> bool:
    tol = SAME_EXTENT * max(a.length, b.length)
    return abs(a.a - b.a) <= tol and abs(a.b - b.b) <= tol


def _nests(a: Segment, frame: tuple[float, float]) -> bool:
    """``a`` lies within the frame or the frame within ``a`` (a little slack at the ends)."""
    tol = SAME_EXTENT * max(a.length, frame[1] - frame[0])
    inside = a.a >= frame[0] - tol and a.b <= frame[1] + tol
    outside = a.a <= frame[0] + tol and a.b >= frame[1] - tol
    return inside or outside


def _mid(ln: list[Char]) -> float:
    return (min(c["top"] for c in ln) + max(c["bottom"] for c in ln)) / 2


def _numeric(ln: list[Char]) -> bool:
    return any(parse_quantity(line_text(s)).kind in ("number", "dash") for s in segments(ln))


def _anchors(leaves: list[Char]) -> list[float]:
    """The centres of the header's lowest cells; the lines of a wrapped cell are one cell."""
    spans: list[list[float]] = []
    for a, b in sorted(
        (s[0]["x0"], s[-1]["x1"]) for ln in group_lines(leaves) for s in segments(ln)
    ):
        if spans and a < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    return [(a + b) / 2 for a, b in spans]


def nested_bands(
    hs: list[Segment], used: set[int], chars: list[Char], page_h: float
) -> tuple[list[Band], set[int]]:
    """Bands of tables whose top, header and bottom rules differ in extent, and the indices of
    the rules they take."""
    order = sorted(
        (i for i, h in enumerate(hs) if i not in used and hs[i].length >= MIN_RULE),
        key=lambda i: hs[i].pos,
    )
    bands: list[Band] = []
    taken: set[int] = set()
    k = 0
    while k < len(order):
        found = _table_from(k, order, hs, used, chars, page_h)
        if found is None:
            k += 1
            continue
        band, members, end = found
        if band is not None:
            bands.append(band)
            taken.update(members)
        k = end + 1  # the table's bottom rule: the next table starts below it
    return bands, taken


def _table_from(  # noqa: C901 - one walk down the rules, step by step
    k: int,
    order: list[int],
    hs: list[Segment],
    used: set[int],
    chars: list[Char],
    page_h: float,
) -> tuple[Band | None, list[int], int] | None:
    """The table whose top rule is ``order[k]``: (its band, or None when its rules share one
    extent; the rule indices it takes; the position in ``order`` of its bottom rule)."""
    top = hs[order[k]]
    frame = (top.a, top.b)
    chain = [k]
    for j in range(k + 1, len(order)):
        h = hs[order[j]]
        if not _nests(h, frame):
            break
        chain.append(j)
        frame = (min(frame[0], h.a), max(frame[1], h.b))
    if len(chain) < 3:
        return None
    x0, x1 = frame
    lines = _lines(chars, top.pos, hs[order[chain[-1]]].pos, x0, x1, page_h)
    first_num = next((ln for ln in lines if _numeric(ln)), None)
    if first_num is None:
        return None
    num_y = _mid(first_num)
    inner = [j for j in chain[1:] if hs[order[j]].pos < num_y]
    if not inner:
        return None
    head = hs[order[inner[-1]]]
    head_lines = [ln for ln in lines if _mid(ln) < head.pos]
    if not head_lines or len(head_lines) > MAX_HEAD_LINES:
        return None
    em = _em(head_lines)
    prev = top.pos
    for ln in head_lines:  # the header stands tightly under the top rule: no caption between
        if min(c["top"] for c in ln) - prev > HEAD_GAP * em:
            return None
        prev = max(prev, max(c["bottom"] for c in ln))
    cmid_y = max((hs[order[j]].pos for j in inner[:-1]), default=top.pos)
    leaves = [c for ln in head_lines for c in ln if (c["top"] + c["bottom"]) / 2 > cmid_y]
    anchors = _anchors(leaves)
    if len(anchors) < 2:
        return None

    def fits(ln: list[Char]) -> bool:
        return all(
            sum(1 for a in anchors if s[0]["x0"] < a < s[-1]["x1"]) <= 1 for s in segments(ln)
        )

    body = [ln for ln in lines if _mid(ln) > head.pos]
    run = _run(body, head.pos, fits)
    if not run:
        return None
    last = max(c["bottom"] for c in run[-1])
    below = [j for j in chain if hs[order[j]].pos > last - 1]
    if not below:
        return None
    end = below[0]
    bottom = hs[order[end]]
    if any(_mid(ln) < bottom.pos for ln in body[len(run) :]):
        return None  # lines that are no table rows stand above the bottom rule
    members = [order[j] for j in chain if j <= end]
    if _same(top, head) and _same(head, bottom):
        return None, members, end  # one extent: the ordinary reading
    cmid = [hs[order[j]] for j in inner[:-1]] + [
        h
        for i, h in enumerate(hs)
        if i not in used
        and h.length < MIN_RULE
        and top.pos < h.pos < head.pos
        and x0 - 2 <= h.a
        and h.b <= x1 + 2
    ]
    return Band(top.pos, head.pos, bottom.pos, x0, x1, cmid, 3), members, end
