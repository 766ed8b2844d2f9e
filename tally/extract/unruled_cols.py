"""Columns of an unruled table from where its text stands: the right edges, centres or left
edges its numbers share (``aligned_columns``), the gutters of the body's cells, and the header
labels above (``columns``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import merge_spans

if TYPE_CHECKING:
    from .text import Char
    from .unruled import _Line

ALIGN_TOL = 1.5  # points: numbers of one column share an edge or a centre within this
ROW_GAP = 2.0  # ems: a larger vertical gap between two lines ends a table
MIN_NUM_LINES = 3  # lines holding >= 2 numbers a table needs at least


def aligned_columns(body: list[_Line]) -> tuple[list[tuple[float, float]], float]:
    """The columns the numbers of the numeric lines share (right edge, centre or left edge
    within ALIGN_TOL on enough lines), as x-extents; and the share of those numbers on one."""
    numeric = [ln for ln in body if ln.numeric]
    need = max(MIN_NUM_LINES, 0.5 * len(numeric))
    on: set[int] = set()
    extents: list[tuple[float, float]] = []
    members = [(k, s) for k, ln in enumerate(numeric) for s in ln.nums()]
    for key in (
        lambda s: s[-1]["x1"],
        lambda s: (s[0]["x0"] + s[-1]["x1"]) / 2,
        lambda s: s[0]["x0"],
    ):
        ordered = sorted(members, key=lambda m: key(m[1]))
        group: list[tuple[int, list[Char]]] = []
        for m in ordered + [None]:
            if m is not None and (not group or key(m[1]) - key(group[-1][1]) <= ALIGN_TOL):
                group.append(m)
                continue
            if len({k for k, _ in group}) >= need:
                on.update(id(s) for _, s in group)
                extents.append(
                    (min(s[0]["x0"] for _, s in group), max(s[-1]["x1"] for _, s in group))
                )
            group = [m] if m is not None else []
    merged: list[list[float]] = []
    for a, b in sorted(extents):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    share = len(on) / len(members) if members else 0.0
    return [(a, b) for a, b in merged], share


def fits_columns(ln: _Line, spans: list[list[float]]) -> bool:
    """Every cell of the line stands within one body column (prose runs across them)."""
    for s in ln.segs:
        a, b = s[0]["x0"], s[-1]["x1"]
        if sum(1 for lo, hi in spans if a < hi - 1 and b > lo + 1) > 1:
            return False
    return True


def column_bounds(
    body: list[tuple[float, float]],
    head: list[tuple[float, float]],
    x0: float,
    x1: float,
    words: list[tuple[float, float]] = (),  # type: ignore[assignment]
) -> tuple[list[float], list[list[float]]]:
    """Column boundaries from the gutters of the body's cells; a header label touching no body
    column joins the one clearly nearest, else stands as a column of its own. A label wholly
    right of a column of numbers (``words`` are the body's non-numeric cells) is not theirs:
    numbers stand flush right under a label centred over them."""
    spans = merge_spans(body)
    numeric = [not any(s[0] - 1 <= a and b <= s[1] + 1 for a, b in words) for s in spans]
    extra: list[tuple[float, float]] = []
    for a, b in head:
        hits = [k for k, s in enumerate(spans) if a <= s[1] + 1.0 and b >= s[0] - 1.0]
        if len(hits) > 1:
            continue  # wider than a column: a group label, placed later
        if hits:
            continue
        dists = sorted((max(s[0] - b, a - s[1]), k) for k, s in enumerate(spans))
        beyond = dists and numeric[dists[0][1]] and a > spans[dists[0][1]][1]
        if len(dists) > 1 and dists[0][0] <= 0.5 * dists[1][0] and not beyond:
            k = dists[0][1]
            spans[k] = [min(spans[k][0], a), max(spans[k][1], b)]
        else:
            extra.append((a, b))
    spans = merge_spans([tuple(s) for s in spans] + extra)
    xs = [x0] + [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:], strict=False)] + [x1]
    return xs, spans
