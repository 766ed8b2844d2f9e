"""Labels vertically centred over several body rows of a three-line table.

Without rules, a cell spanning rows shows only by where its text stands: Word and WPS centre it
vertically over the rows it covers. Over an odd number of rows it sits on the middle row's
baseline and cannot be told from a label of that row alone; over an even number it sits between
two rows' baselines, in a column left empty on both of them. Such a line is taken out before
lines are grouped into rows (it would glue the two rows together, or make a row of its own) and
placed back as a cell spanning the rows it is centred over, as far as those rows' cells in its
column are empty and nearer to it than to any other text of the column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .text import Char

MIDWAY = 0.25  # how far from halfway between the two rows' centres a spanning label may sit


@dataclass(slots=True)
class SpanLabel:
    col: int
    y: float  # the label's vertical centre
    chars: list[Char]


def _mid(chars: list[Char]) -> float:
    return (min(c["top"] for c in chars) + max(c["bottom"] for c in chars)) / 2


def _cols(line: list[Char], col_of: Callable[[float], int]) -> set[int]:
    return {col_of((c["x0"] + c["x1"]) / 2) for c in line if c["text"].strip()}


def take_labels(
    lines: list[list[Char]], col_of: Callable[[float], int]
) -> tuple[list[list[Char]], list[SpanLabel]]:
    """Split off the lines that are spanning labels: one column's text, between two lines that
    fill other columns and leave that one empty, halfway between their centres."""
    labels: list[SpanLabel] = []
    kept: list[list[Char]] = []
    for i, ln in enumerate(lines):
        cols = _cols(ln, col_of)
        if 0 < i < len(lines) - 1 and len(cols) == 1:
            (c,) = cols
            above, below = lines[i - 1], lines[i + 1]
            ca, cb = _cols(above, col_of), _cols(below, col_of)
            ya, y, yb = _mid(above), _mid(ln), _mid(below)
            if (
                c not in ca
                and c not in cb
                and len(ca) >= 2
                and len(cb) >= 2
                and ya < y < yb
                and abs((y - ya) - (yb - y)) <= MIDWAY * (yb - ya)
            ):
                labels.append(SpanLabel(c, y, ln))
                continue
        kept.append(ln)
    return kept, labels


def place_labels(
    labels: list[SpanLabel],
    rows: list[list[list[Char]]],
    col_of: Callable[[float], int],
) -> list[tuple[int, int, SpanLabel]]:
    """For each label, the rows [r0, r1) it covers: symmetric about its centre, each covered row
    empty in its column, not taken by a label above, and no nearer to any other text of that
    column that could cover it (another spanning label; a label printed on a row, within as
    many rows as it has empty rows on both sides) than to this label."""
    mids = [_mid([c for ln in row for c in ln]) for row in rows]
    filled = [set().union(*(_cols(ln, col_of) for ln in row)) for row in rows]
    steps = sorted(b - a for a, b in zip(mids, mids[1:], strict=False))
    slack = MIDWAY * steps[len(steps) // 2] if steps else 0.0  # a tie is a tie within this
    out: list[tuple[int, int, SpanLabel]] = []
    claimed: set[tuple[int, int]] = set()
    for lab in sorted(labels, key=lambda lb: lb.y):
        k = next((i for i in range(len(rows) - 1) if mids[i] < lab.y < mids[i + 1]), None)
        if k is None:
            continue
        # a label at the top of the last rows, the rest of its column empty to the page's
        # foot, is a merged cell cut by the page break (printed at its top): it owns downwards
        tail = _tail(filled, lab.col)
        rivals = [o.y for o in labels if o is not lab and o.col == lab.col]
        # a label printed on a row may be centred over an odd number of rows: as many empty
        # rows above it as below, at most
        reach = _reach(filled, lab.col)

        def owns(
            r: int,
            lab: SpanLabel = lab,
            rivals: list[float] = rivals,
            tail: int | None = tail,
            reach: dict[int, int] = reach,
        ) -> bool:
            if not 0 <= r < len(rows) or lab.col in filled[r] or (r, lab.col) in claimed:
                return False
            d = abs(mids[r] - lab.y)
            near = rivals + [mids[f] for f, h in reach.items() if f != tail and abs(f - r) <= h]
            return all(d <= abs(mids[r] - o) + slack for o in near)  # a tie: the upper label

        j = 0
        while owns(k - j) and owns(k + 1 + j):
            j += 1
        if j:
            out.append((k + 1 - j, k + 1 + j, lab))
            claimed.update((r, lab.col) for r in range(k + 1 - j, k + 1 + j))
    return out


def _tail(filled: list[set[int]], col: int) -> int | None:
    rows = [r for r in range(len(filled)) if col in filled[r]]
    return rows[-1] if rows and rows[-1] < len(filled) - 1 else None


def spread_printed(
    spans: list[tuple[int, int, SpanLabel]],
    rows: list[list[list[Char]]],
    col_of: Callable[[float], int],
    more_cols: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[int, int, int, int | None]]:
    """In a column of spanning labels (or one the page before showed to be), the labels printed
    on a row's baseline span too: one centred over an odd number of rows covers as many free
    rows above it as below; one on the piece's last rows with its column free below is a cell
    cut by the page break (printed at its top) and covers down to the foot; the free rows at the
    piece's top are the rest of a cell begun on the page before. Returns (first row, end row,
    column, the row whose text it is or None) per run."""
    filled = [set().union(*(_cols(ln, col_of) for ln in row)) for row in rows]
    n = len(rows)
    out: list[tuple[int, int, int, int | None]] = []
    for col in sorted({lab.col for _, _, lab in spans} | set(more_cols)):
        taken = [
            col in filled[r] or any(a <= r < b and lb.col == col for a, b, lb in spans)
            for r in range(n)
        ]
        runs: list[tuple[int, int, int, int | None]] = []
        printed = [r for r in range(n) if col in filled[r]]
        for r in printed:
            up = next((k for k in range(1, r + 1) if taken[r - k]), r + 1) - 1
            down = next((k for k in range(1, n - r) if taken[r + k]), n - r) - 1
            h = min(up, down)
            if r == printed[-1] and down == n - 1 - r and down > h:
                r0, r1 = r, n  # cut by the page's foot
            elif h:
                r0, r1 = r - h, r + h + 1
            else:
                continue
            runs.append((r0, r1, col, r))
            for k in range(r0, r1):
                taken[k] = True
        first = next((r for r in range(n) if taken[r]), n)
        if 2 <= first < n:
            runs.append((0, first, col, None))
        out.extend(runs)
    return out


def _reach(filled: list[set[int]], col: int) -> dict[int, int]:
    """For each row with text in ``col``: how many rows it could cover centred, the fewer of
    the empty rows just above and just below it."""
    out: dict[int, int] = {}
    n = len(filled)
    for r in range(n):
        if col not in filled[r]:
            continue
        up = next((k for k in range(1, r + 1) if col in filled[r - k]), r + 1) - 1
        down = next((k for k in range(1, n - r) if col in filled[r + k]), n - r) - 1
        out[r] = min(up, down)
    return out
