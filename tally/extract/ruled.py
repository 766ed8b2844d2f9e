"""Ruled tables: grids whose cells are bordered.

Rules that touch form one table. The distinct rule positions give the finest grid; two
neighbouring grid cells belong to one (merged) cell when no rule separates them. That recovers
spans from the drawing itself, where pdfplumber's table finder leaves ``None`` holes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .edges import JOIN, Segment, covered
from .grid import Piece, Region

MIN_SEPARATION = 0.5  # a rule must cover this much of a cell side to separate two cells
_TOL = JOIN


def _components(hs: list[Segment], vs: list[Segment]) -> list[tuple[list[int], list[int]]]:
    """Groups of horizontal and vertical rules that touch each other (union-find over the
    crossings, found with a sorted sweep: no numpy, whose import costs more than a page)."""
    if not hs or not vs:
        return []
    order = sorted(range(len(vs)), key=lambda j: vs[j].pos)
    xs = [vs[j].pos for j in order]
    n_h = len(hs)
    parent = list(range(n_h + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    touched: set[int] = set()
    for i, h in enumerate(hs):
        for k in range(bisect_left(xs, h.a - _TOL), bisect_right(xs, h.b + _TOL)):
            j = order[k]
            v = vs[j]
            if v.a - _TOL <= h.pos <= v.b + _TOL:
                touched.add(i)
                touched.add(n_h + j)
                a, b = find(i), find(n_h + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for node in sorted(touched):
        hi, vi = groups.setdefault(find(node), ([], []))
        (hi if node < n_h else vi).append(node if node < n_h else node - n_h)
    return list(groups.values())


def _positions(values: list[float], extent: tuple[float, float]) -> list[float]:
    """Sorted distinct boundaries, including the table's outer extent where a border is open."""
    pts = sorted(set(values))
    lo, hi = extent
    if not pts or lo < pts[0] - 3 * _TOL:
        pts.insert(0, lo)
    if hi > pts[-1] + 3 * _TOL:
        pts.append(hi)
    return pts


def find_ruled(page_no: int, hs: list[Segment], vs: list[Segment]) -> tuple[list[Piece], set[int]]:
    """Ruled table pieces on a page, and the indices of the horizontal rules they use."""
    pieces: list[Piece] = []
    used_h: set[int] = set()
    for hi, vi in _components(hs, vs):
        if len(hi) < 2 or len(vi) < 2:
            continue
        hsel = [hs[i] for i in hi]
        vsel = [vs[j] for j in vi]
        xs = _positions([v.pos for v in vsel], (min(h.a for h in hsel), max(h.b for h in hsel)))
        ys = _positions([h.pos for h in hsel], (min(v.a for v in vsel), max(v.b for v in vsel)))
        if len(xs) < 2 or len(ys) < 3 and len(xs) < 3:
            continue  # a lone box (a frame round a paragraph) is not a table
        piece = _build(page_no, xs, ys, hsel, vsel)
        if piece is not None:
            pieces.append(piece)
            used_h.update(hi)
    pieces.sort(key=lambda p: (p.ys[0], p.xs[0]))
    return pieces, used_h


def _build(
    page_no: int, xs: list[float], ys: list[float], hs: list[Segment], vs: list[Segment]
) -> Piece | None:
    n_r, n_c = len(ys) - 1, len(xs) - 1
    if n_r < 1 or n_c < 1 or n_r * n_c < 2:
        return None
    by_x: dict[float, list[Segment]] = {}
    for v in vs:
        by_x.setdefault(v.pos, []).append(v)
    by_y: dict[float, list[Segment]] = {}
    for h in hs:
        by_y.setdefault(h.pos, []).append(h)

    def v_rule(x: float) -> list[Segment]:
        return [s for p, segs in by_x.items() if abs(p - x) <= _TOL for s in segs]

    def h_rule(y: float) -> list[Segment]:
        return [s for p, segs in by_y.items() if abs(p - y) <= _TOL for s in segs]

    v_at = [v_rule(x) for x in xs]
    h_at = [h_rule(y) for y in ys]
    # sep_right[r][c]: a rule between (r, c) and (r, c+1); sep_below[r][c]: between (r, c), (r+1, c)
    sep_right = [
        [covered(v_at[c + 1], ys[r], ys[r + 1]) >= MIN_SEPARATION for c in range(n_c - 1)]
        for r in range(n_r)
    ]
    sep_below = [
        [covered(h_at[r + 1], xs[c], xs[c + 1]) >= MIN_SEPARATION for c in range(n_c)]
        for r in range(n_r - 1)
    ]
    owner = [[-1] * n_c for _ in range(n_r)]
    regions: list[Region] = []
    for r in range(n_r):
        for c in range(n_c):
            if owner[r][c] >= 0:
                continue
            # grow right while unseparated, then down while the whole strip is unseparated
            c1 = c + 1
            while c1 < n_c and not sep_right[r][c1 - 1] and owner[r][c1] < 0:
                c1 += 1
            r1 = r + 1
            while (
                r1 < n_r
                and all(not sep_below[r1 - 1][k] and owner[r1][k] < 0 for k in range(c, c1))
                and all(not sep_right[r1][k] for k in range(c, c1 - 1))
            ):
                r1 += 1
            idx = len(regions)
            for rr in range(r, r1):
                for cc in range(c, c1):
                    owner[rr][cc] = idx
            regions.append(Region(r, c, r1, c1, (xs[c], ys[r], xs[c1], ys[r1])))
    return Piece(page=page_no, kind="ruled", xs=list(xs), ys=list(ys), regions=regions)
