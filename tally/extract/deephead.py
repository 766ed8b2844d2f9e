"""Three-line headers of three or more levels: cmidrules at two or more heights (the “三公”经费
group over 因公出国 | 公务用车 | 公务接待, and the 公务用车 group over 购置 | 运行).

Each cmidrule heads a group: its label is the text above it, below the cmidrule over it (or the
top rule); it spans the columns the cmidrule covers. A leaf is text with no cmidrule under it;
its cell runs from under the deepest cmidrule over its column down to the header rule, so a
column with no group over it (合计, 会议费) is as tall as the header."""

from __future__ import annotations

from .edges import Segment
from .grid import Region
from .text import Char, cell_text

SAME = 2.0  # points: cmidrules this close in height are one level


def cmid_levels(cmid: list[Segment]) -> list[float]:
    """The distinct heights of the cmidrules, top down."""
    ys: list[float] = []
    for y in sorted(s.pos for s in cmid):
        if not ys or y - ys[-1] > SAME:
            ys.append(y)
    return ys


def _cx(ch: Char) -> float:
    return (ch["x0"] + ch["x1"]) / 2


def _under(ch: Char, s: Segment) -> bool:
    """The cmidrule runs under the character."""
    return s.pos >= ch["bottom"] - 1 and s.a - 2 <= _cx(ch) <= s.b + 2


def leaves(head_chars: list[Char], cmid: list[Segment]) -> list[Char]:
    return [ch for ch in head_chars if not any(_under(ch, s) for s in cmid)]


def header_regions(
    head_chars: list[Char],
    cmid: list[Segment],
    xs: list[float],
    top: float,
    head: float,
    col_of,  # noqa: ANN001
) -> tuple[list[Region], list[float]]:
    """The header's cells and its row boundaries (top, one per cmidrule level, header rule)."""
    ys = cmid_levels(cmid)
    bounds = [top, *ys, head]
    n_rows = len(ys) + 1
    n_c = len(xs) - 1

    def level(s: Segment) -> int:
        return next(i for i, y in enumerate(ys) if abs(s.pos - y) <= SAME)

    def cols(s: Segment) -> list[int]:
        return [c for c in range(n_c) if s.a - 2 <= (xs[c] + xs[c + 1]) / 2 <= s.b + 2]

    deepest = [-1] * n_c  # the level of the deepest cmidrule over each column
    for s in cmid:
        for c in cols(s):
            deepest[c] = max(deepest[c], level(s))
    regions: list[Region] = []
    for s in sorted(cmid, key=lambda s: (s.pos, s.a)):
        cs = cols(s)
        if not cs:
            continue
        lv = level(s)
        mid = (s.a + s.b) / 2
        # the group's cell starts under the cmidrule over it (the top rule when none is)
        over = [level(o) for o in cmid if o.pos < s.pos - SAME and o.a - 2 <= mid <= o.b + 2]
        r0 = max(over) + 1 if over else 0
        lo = bounds[r0]
        txt = [
            ch
            for ch in head_chars
            if s.a - 2 <= _cx(ch) <= s.b + 2 and lo - 1 <= ch["top"] and ch["bottom"] <= s.pos + 1
        ]
        c0, c1 = cs[0], cs[-1] + 1
        regions.append(
            Region(r0, c0, lv + 1, c1, (xs[c0], lo, xs[c1], bounds[lv + 1]), txt, cell_text(txt))
        )
    leaf = leaves(head_chars, cmid)
    per_col: dict[int, list[Char]] = {}
    for ch in leaf:
        per_col.setdefault(col_of(_cx(ch)), []).append(ch)
    for c in range(n_c):
        r0 = deepest[c] + 1
        txt = per_col.get(c, [])
        regions.append(
            Region(r0, c, n_rows, c + 1, (xs[c], bounds[r0], xs[c + 1], head), txt, cell_text(txt))
        )
    return regions, bounds
