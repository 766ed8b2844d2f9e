"""Three-line tables (三线表): horizontal rules only, no cell borders.

The rules give the table's top, the bottom of its header and its bottom; short rules inside the
header (cmidrules) sit under a group header and span its parts. Columns come from where text
stands: the body's cells and the header's lowest cells leave vertical gutters between columns.
A continuation page without a header is read with the columns of the page before.
"""

from __future__ import annotations

from . import deephead
from .bands import JOINT_GAP, MIN_RULE, SAME_EXTENT, THICK, Band, find_bands
from .edges import Segment
from .grid import Piece, Region
from .rowspan import place_labels, spread_printed, take_labels
from .spantile import read_body
from .text import Char, cell_text, group_lines, merge_spans, segments

__all__ = [
    "JOINT_GAP",
    "MIN_RULE",
    "SAME_EXTENT",
    "THICK",
    "Band",
    "build_threeline",
    "find_bands",
    "segments",
]


def _columns_from_text(
    intervals: list[tuple[float, float]],
    x0: float,
    x1: float,
    head: list[tuple[float, float]] = (),  # type: ignore[assignment]
    near: float = 0.0,
) -> list[float]:
    """Column boundaries from the x-extents of cell texts: a gutter no text crosses splits two.
    A header text that touches no body text (a short label centred over short right-aligned
    amounts) joins the body column clearly nearer to it than any other (within ``near`` at the
    table's edge) instead of making a column alone."""
    spans = merge_spans(sorted(intervals))

    def touches(iv: tuple[float, float], s: list[float]) -> bool:
        return iv[0] <= s[1] + 1.0 and iv[1] >= s[0] - 1.0

    extra: list[tuple[float, float]] = []
    for a, b in head:
        if spans and not any(touches((a, b), s) for s in spans):
            dists = sorted((max(s[0] - b, a - s[1]), k) for k, s in enumerate(spans))
            dist, k = dists[0]
            other = dists[1][0] if len(dists) > 1 else float("inf")
            # a column whose own label stands over it, beside this one: this label heads a
            # column of its own, left empty in the body (偏差原因 with nothing to explain)
            owned = any(touches(h, spans[k]) and (h[1] < a or h[0] > b) for h in head)
            if dist <= 0.5 * other and (dist <= near or other < float("inf")) and not owned:
                spans[k] = [min(spans[k][0], a), max(spans[k][1], b)]
                continue
        extra.append((a, b))
    # a header joins the body columns it truly overlaps: one that only comes within the merge
    # tolerance of a neighbour (a wrapped header filling its narrow column) does not bridge them
    spans = merge_spans(sorted([tuple(s) for s in spans] + extra), tol=-0.5)
    xs = [x0]
    for left, right in zip(spans, spans[1:], strict=False):
        xs.append((left[1] + right[0]) / 2)
    xs.append(x1)
    return xs


def _row_groups(lines: list[list[Char]]) -> list[list[list[Char]]]:
    """Lines into rows: a wrapped cell's lines sit closer together than rows do."""
    if not lines:
        return []
    tops = [min(c["top"] for c in ln) for ln in lines]
    bottoms = [max(c["bottom"] for c in ln) for ln in lines]
    gaps = [tops[i + 1] - bottoms[i] for i in range(len(lines) - 1)]
    typical = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    rows: list[list[list[Char]]] = [[lines[0]]]
    for i, gap in enumerate(gaps):
        if gap < max(1.5, 0.4 * typical):
            rows[-1].append(lines[i + 1])
        else:
            rows.append([lines[i + 1]])
    return rows


def build_threeline(
    page_no: int,
    band: Band,
    chars: list[Char],
    xs: list[float] | None = None,
    span_cols: list[int] = (),  # type: ignore[assignment]
) -> tuple[Piece | None, list[Char]]:
    """Read one band; ``xs`` forces the column boundaries (a continuation of an earlier page),
    ``span_cols`` the columns the page before showed to hold labels spanning rows."""
    inside: list[Char] = []
    rest: list[Char] = []
    for ch in chars:
        cy = (ch["top"] + ch["bottom"]) / 2
        cx = (ch["x0"] + ch["x1"]) / 2
        if band.top < cy < band.bottom and band.x0 - 2 <= cx <= band.x1 + 2:
            inside.append(ch)
        else:
            rest.append(ch)
    if not any(c["text"].strip() for c in inside):
        return None, chars
    split = band.head if band.head is not None else band.top
    head_chars = [c for c in inside if (c["top"] + c["bottom"]) / 2 < split]
    body_chars = [c for c in inside if (c["top"] + c["bottom"]) / 2 >= split]
    body_lines = group_lines(body_chars)
    if not body_lines:
        return None, chars

    cmid_y = min((s.pos for s in band.cmid), default=None)
    deep = len(deephead.cmid_levels(band.cmid)) >= 2  # groups within groups
    if deep:
        leaf_chars = deephead.leaves(head_chars, band.cmid)
        group_chars = [c for c in head_chars if c not in leaf_chars]
    else:
        group_chars = [c for c in head_chars if cmid_y is not None and c["bottom"] <= cmid_y + 1]
        leaf_chars = [c for c in head_chars if c not in group_chars]
    if xs is None:
        body_iv = [(s[0]["x0"], s[-1]["x1"]) for ln in body_lines for s in segments(ln)]
        head_iv = [
            (s[0]["x0"], s[-1]["x1"]) for ln in group_lines(leaf_chars) for s in segments(ln)
        ]
        em = sorted(c["bottom"] - c["top"] for c in inside)[len(inside) // 2]
        xs = _columns_from_text(body_iv, band.x0, band.x1, head_iv, 2 * em)
    n_c = len(xs) - 1

    def col_of(x: float) -> int:
        for i in range(n_c):
            if x < xs[i + 1]:
                return i
        return n_c - 1

    tiled = read_body(body_lines, col_of, set(span_cols))
    if tiled is not None:
        rows, spans, runs = tiled
    else:
        kept, labels = take_labels(body_lines, col_of)
        rows = _row_groups(kept)
        spans = place_labels(labels, rows, col_of)
        for lab in labels:  # a label that covers no row is a row of its own after all
            if not any(sp[2] is lab for sp in spans):
                rows = _row_groups(body_lines)
                spans = []
                break
        runs = spread_printed(spans, rows, col_of, set(span_cols))
    regions: list[Region] = []
    ys: list[float] = [band.top]
    header_rows = 0
    if band.head is not None and deep:
        found, ys = deephead.header_regions(head_chars, band.cmid, xs, band.top, band.head, col_of)
        regions += found
        header_rows = len(ys) - 1
    elif band.head is not None:
        levels = [group_chars, leaf_chars] if group_chars else [leaf_chars]
        level_ys = [band.top, cmid_y, band.head] if group_chars else [band.top, band.head]
        ys = list(level_ys)
        header_rows = len(levels)
        _header_regions(regions, levels, level_ys, xs, band, col_of)
    row_tops = [min(c["top"] for ln in row for c in ln) for row in rows]
    row_bottoms = [max(c["bottom"] for ln in row for c in ln) for row in rows]
    for i in range(1, len(rows)):
        ys.append((row_bottoms[i - 1] + row_tops[i]) / 2)
    ys.append(band.bottom)
    covered: set[tuple[int, int]] = set()
    for r0, r1, lab in spans:
        a, b = header_rows + r0, header_rows + r1
        bbox = (xs[lab.col], ys[a], xs[lab.col + 1], ys[b])
        regions.append(Region(a, lab.col, b, lab.col + 1, bbox, lab.chars, cell_text(lab.chars)))
        covered.update((r, lab.col) for r in range(a, b))
    cells = [[[] for _ in range(n_c)] for _ in rows]
    for i, row in enumerate(rows):
        for ln in row:
            for ch in ln:
                cells[i][col_of((ch["x0"] + ch["x1"]) / 2)].append(ch)
    for r0, r1, c, src in runs:
        a, b = header_rows + r0, header_rows + r1
        txt = cells[src][c] if src is not None else []
        regions.append(
            Region(a, c, b, c + 1, (xs[c], ys[a], xs[c + 1], ys[b]), txt, cell_text(txt))
        )
        covered.update((r, c) for r in range(a, b))
    for i in range(len(rows)):
        r = header_rows + i
        for c in range(n_c):
            if (r, c) not in covered:
                bbox = (xs[c], ys[r], xs[c + 1], ys[r + 1])
                regions.append(
                    Region(r, c, r + 1, c + 1, bbox, cells[i][c], cell_text(cells[i][c]))
                )
    piece = Piece(page=page_no, kind="three-line", xs=list(xs), ys=ys, regions=regions)
    piece.header_rows = header_rows
    piece.span_cols = sorted(
        {lab.col for _, _, lab in spans} | {run[2] for run in runs} | set(span_cols)
    )
    piece.fill_slots()
    return piece, rest


def _header_regions(regions, levels, level_ys, xs, band, col_of) -> None:  # noqa: ANN001
    """Header cells: a group over the columns its cmidrule spans; a leaf cell per column (or
    over several when its text spans them); a leaf with no group above it is two levels tall."""
    n_c = len(xs) - 1
    two = len(levels) == 2
    grouped = [False] * n_c
    if two:
        for s in _split_cmids(band.cmid, levels[0], xs):
            cols = [c for c in range(n_c) if s.a - 2 <= (xs[c] + xs[c + 1]) / 2 <= s.b + 2]
            if not cols:
                continue
            c0, c1 = cols[0], cols[-1] + 1
            txt = [ch for ch in levels[0] if s.a - 2 <= (ch["x0"] + ch["x1"]) / 2 <= s.b + 2]
            regions.append(
                Region(
                    0, c0, 1, c1, (xs[c0], level_ys[0], xs[c1], level_ys[1]), txt, cell_text(txt)
                )
            )
            for c in range(c0, c1):
                grouped[c] = True
    leaf = levels[-1] + (
        [ch for ch in levels[0] if not grouped[col_of((ch["x0"] + ch["x1"]) / 2)]] if two else []
    )
    # a leaf text that spans several columns (centred over them) makes one wide cell
    owner = list(range(n_c))
    for ln in group_lines(leaf):
        for seg in segments(ln):
            c0, c1 = col_of(seg[0]["x0"] + 0.5), col_of(seg[-1]["x1"] - 0.5)
            for c in range(c0, c1 + 1):
                owner[c] = owner[c0]
    per_owner: dict[int, list] = {}
    for ch in leaf:
        per_owner.setdefault(owner[col_of((ch["x0"] + ch["x1"]) / 2)], []).append(ch)
    c = 0
    while c < n_c:
        c1 = c + 1
        while c1 < n_c and owner[c1] == owner[c]:
            c1 += 1
        r0 = 1 if two and grouped[c] else 0
        txt = per_owner.get(owner[c], [])
        regions.append(
            Region(
                r0,
                c,
                len(levels),
                c1,
                (xs[c], level_ys[r0], xs[c1], level_ys[-1]),
                txt,
                cell_text(txt),
            )
        )
        c = c1


def _split_cmids(cmid: list[Segment], group_chars: list[Char], xs: list[float]) -> list[Segment]:
    """Cmidrules drawn end to end merge into one segment; the group labels above it tell them
    apart. Each label is centred over its own part: cut at the column boundary between two
    labels nearest where the left label's centring puts its part's end."""
    out: list[Segment] = []
    for s in cmid:
        labels = sorted(
            (seg[0]["x0"], seg[-1]["x1"])
            for ln in group_lines(group_chars)
            for seg in segments(ln)
            if s.a - 2 <= (seg[0]["x0"] + seg[-1]["x1"]) / 2 <= s.b + 2
        )
        start = s.a
        for (a1, b1), (a2, _) in zip(labels, labels[1:], strict=False):
            cuts = [x for x in xs if b1 - 1 <= x <= a2 + 1 and start < x < s.b]
            if not cuts:
                continue
            end = a1 + b1 - start  # the left label centred over [start, end]
            cut = min(cuts, key=lambda x: abs(x - end))
            out.append(Segment(s.pos, start, cut, s.width))
            start = cut
        out.append(Segment(s.pos, start, s.b, s.width))
    return out
