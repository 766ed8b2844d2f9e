"""Body rows and spanning labels of a three-line table, read from where the text stands.

Rows are set by the lines that carry the numbers: a line with numbers in at least two columns
(in one, when no line has more) is a row's baseline, and lines whose glyphs overlap it (a
number centred between a wrapped cell's two lines) belong to the same row; two rows are never
glued when their numbers stand on separate, non-overlapping baselines. In each column, texts a
line apart (less than half an em between them) are one wrapped cell. A cell containing a row's
baseline, or overlapping only that row, belongs to it. A cell between two rows that both leave
its column empty is a label spanning rows; any other text is a row of its own.

A column holding spanning labels (or one the page before showed to hold them) is then tiled:
its labels and printed cells, top to bottom, each cover a contiguous run of rows whose centre
is the label's centre; the runs follow each other without gaps, each one inside a run of the
tiled column to its left. The only runs not centred on their text: the free rows heading a
continuation page (the rest of a cell begun on the page before) and the last run of a column
printed at its top and reaching the piece's foot (a cell cut by the page break). When no such
tiling exists, or the text does not fall into rows this way, :func:`read_body` returns None
and the caller reads the band as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .numbers import parse_quantity
from .rowspan import SpanLabel
from .text import Char, line_text

JOIN = 0.45  # ems: lines of one cell stand closer than this
TOL = 0.3  # share of the smallest row height a label's centre may miss its run's centre by
_NUMERIC = ("number", "na", "dash")
_TOTAL = re.compile("小计|合计|总计")  # rows that close or head a group, not rows inside it


@dataclass(slots=True)
class _Block:
    col: int
    chars: list[Char]
    top: float
    bottom: float
    anchor: int | None  # the row (index into the anchor rows) whose baseline it stands on
    lines: list[int] = field(default_factory=list)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


def _ext(chars: list[Char]) -> tuple[float, float]:
    return min(c["top"] for c in chars), max(c["bottom"] for c in chars)


def _numeric(chars: list[Char]) -> bool:
    return parse_quantity(line_text(chars).strip()).kind in _NUMERIC


Rows = list[list[list[Char]]]
Spans = list[tuple[int, int, SpanLabel]]
Runs = list[tuple[int, int, int, int | None]]


def read_body(
    lines: list[list[Char]],
    col_of: Callable[[float], int],
    span_cols: set[int] = frozenset(),  # type: ignore[assignment]
) -> tuple[Rows, Spans, Runs] | None:
    chars = [c for ln in lines for c in ln if c["text"].strip()]
    if len(lines) < 2 or not chars:
        return None
    em = sorted(c["bottom"] - c["top"] for c in chars)[len(chars) // 2]
    per_line: list[dict[int, list[Char]]] = []
    for ln in lines:
        d: dict[int, list[Char]] = {}
        for ch in ln:
            if ch["text"].strip():
                d.setdefault(col_of((ch["x0"] + ch["x1"]) / 2), []).append(ch)
        per_line.append(d)
    nums = [sum(1 for chs in d.values() if _numeric(chs)) for d in per_line]
    if max(nums) == 0:
        return None
    need = 2 if max(nums) >= 2 else 1
    groups: list[list] = []  # [line indices, top, bottom]
    for i, k in enumerate(nums):
        if k < need:
            continue
        t, b = _ext([c for chs in per_line[i].values() for c in chs])
        if groups and t < groups[-1][2] - 0.5:
            groups[-1][0].append(i)
            groups[-1][2] = max(groups[-1][2], b)
        else:
            groups.append([[i], t, b])
    line_anchor = {i: k for k, g in enumerate(groups) for i in g[0]}
    blocks: list[_Block] = []
    for col in sorted({c for d in per_line for c in d}):
        cur: _Block | None = None
        for i, d in enumerate(per_line):
            if col not in d:
                continue
            t, b = _ext(d[col])
            a = line_anchor.get(i)
            clash = a is not None and cur is not None and cur.anchor not in (None, a)
            if cur is not None and t - cur.bottom < JOIN * em and not clash:
                cur.chars += d[col]
                cur.top, cur.bottom = min(cur.top, t), max(cur.bottom, b)
                cur.anchor = a if a is not None else cur.anchor
            else:
                cur = _Block(col, list(d[col]), t, b, a)
                blocks.append(cur)
    ymid = [(g[1] + g[2]) / 2 for g in groups]
    for blk in blocks:  # a cell around one row's baseline, or overlapping that row alone
        if blk.anchor is None:
            inside = [k for k, y in enumerate(ymid) if blk.top < y < blk.bottom]
            if len(inside) == 1:
                blk.anchor = inside[0]
    filled = [set() for _ in groups]
    for blk in blocks:
        if blk.anchor is not None:
            filled[blk.anchor].add(blk.col)
    labels: list[_Block] = []
    loose: list[_Block] = []
    for blk in blocks:
        if blk.anchor is not None:
            continue
        above = max((k for k, y in enumerate(ymid) if y < blk.mid), default=None)
        below = min((k for k, y in enumerate(ymid) if y > blk.mid), default=None)
        if (
            above is not None
            and below is not None
            and blk.col not in filled[above]
            and blk.col not in filled[below]
        ):
            labels.append(blk)
            continue
        if any(blk.top < y < blk.bottom for y in ymid):
            return None  # spans rows whose cells in its column are taken: not understood
        over = [k for k, g in enumerate(groups) if blk.top < g[2] and g[1] < blk.bottom]
        if len(over) == 1 and blk.col not in filled[over[0]]:
            blk.anchor = over[0]  # a cell beside its row's baseline (aligned to its top)
            filled[over[0]].add(blk.col)
        else:
            loose.append(blk)
    rows: list[list] = [[g[1], g[2], []] for g in groups]  # top, bottom, chars
    for blk in blocks:
        if blk.anchor is not None:
            r = rows[blk.anchor]
            r[0], r[1] = min(r[0], blk.top), max(r[1], blk.bottom)
            r[2] += blk.chars
    for blk in sorted(loose, key=lambda b: b.top):  # rows without numbers
        own = [r for r in rows[len(groups) :] if blk.top < r[1] and r[0] < blk.bottom]
        if own:
            own[0][0], own[0][1] = min(own[0][0], blk.top), max(own[0][1], blk.bottom)
            own[0][2] += blk.chars
        else:
            rows.append([blk.top, blk.bottom, list(blk.chars)])
    rows.sort(key=lambda r: r[0])
    if any(b[0] < a[1] - 0.5 for a, b in zip(rows, rows[1:], strict=False)):
        return None
    result = _tile(rows, blocks, labels, span_cols)
    if result is None:
        return None
    spans, runs = result
    return [[r[2]] for r in rows], spans, runs


def _tile(rows, blocks, labels, span_cols):  # noqa: ANN001, ANN202
    n = len(rows)
    gaps = [(rows[i + 1][0] - rows[i][1]) / 2 for i in range(n - 1)]
    pad = sorted(gaps)[len(gaps) // 2] if gaps else 2.0
    seps = [rows[0][0] - pad]
    seps += [(rows[i][1] + rows[i + 1][0]) / 2 for i in range(n - 1)]
    seps.append(rows[-1][1] + pad)
    tol = TOL * min(b - a for a, b in zip(seps, seps[1:], strict=False))
    row_of = {}
    for i, r in enumerate(rows):
        for ch in r[2]:
            row_of[id(ch)] = i
    spans: Spans = []
    runs: Runs = []
    cuts_left: set[int] | None = None
    tiled = {b.col for b in labels} | set(span_cols)
    sparse, lone = _sparse_prefix(rows, blocks, labels, tiled, row_of)
    for col in sorted(tiled | sparse):
        items = []  # (y, row or None, block)
        for blk in blocks:
            if blk.col != col:
                continue
            if blk in labels:
                items.append((blk.mid, None, blk))
            else:
                items.append((blk.mid, row_of[id(blk.chars[0])], blk))
        items.sort(key=lambda it: it[0])
        if not items:
            continue
        if lone and col in sparse:
            got = _tile_lone(items, rows, seps, tol)
            if got is not None:
                lone_runs, cuts_left = got
                runs += [(a, b, col, r) for a, b, r in lone_runs]
            continue
        plan = _solve(items, seps, tol, col in span_cols, cuts_left)
        if plan is None and col not in tiled:
            continue  # a sparse column whose texts are no centred spans: left as printed
        if plan is None:
            return None
        start, bounds = plan
        if col not in tiled and bounds[-1] != n and not _totals_after(rows, bounds[-1], cuts_left):
            continue  # a sparse column's runs cover every row (the closing 合计 apart)
        if start and col in span_cols:
            runs.append((0, start, col, None))
        last_r, last_b = items[-1][1], bounds[-1]
        if (
            last_r is not None
            and last_b == last_r + 1
            and not any(last_r < x < n for x in cuts_left or ())
        ):
            bounds[-1] = n  # printed at the top of a cell the page's foot cuts
        a = start
        for (_, r, blk), b in zip(items, bounds, strict=True):
            if r is None:
                spans.append((a, b, SpanLabel(col, blk.mid, blk.chars)))
            elif b - a > 1:
                runs.append((a, b, col, r))
            a = b
        cuts_left = {start, *bounds}
    return spans, runs


def _totals_after(rows, a: int, cuts_left: set[int] | None) -> bool:  # noqa: ANN001
    """Rows ``a`` to the end are 合计 rows the column to the left already parts off: a region
    column has nothing to say on them."""
    return (
        cuts_left is not None
        and a in cuts_left
        and len(rows) - a <= 2
        and all(_TOTAL.search(line_text(r[2])) for r in rows[a:])
    )


def _sparse_prefix(rows, blocks, labels, tiled, row_of) -> tuple[set[int], bool]:  # noqa: ANN001
    """The label columns at the table's left that leave rows empty, the last of them (the
    leaf labels) apart: a cell merged over rows prints its text once,
    centred, and over an odd number of rows that text stands on a row's baseline, so such a
    column may hold spans though no text of it stands between rows. Only where two or more
    columns of labels stand over the leaves (一级 / 二级 / 三级): beside the leaves alone, a
    label printed once on a block's first row (a region on its 小计 row) may tile by chance."""
    n = len(rows)
    used: dict[int, set[int]] = {}
    numeric: set[int] = set()
    for blk in blocks:
        if blk not in labels:
            used.setdefault(blk.col, set()).add(row_of[id(blk.chars[0])])
            if _numeric(blk.chars):
                numeric.add(blk.col)
    prefix = []  # the label columns: from the left up to the first column of numbers
    for col in range(max(used, default=-1) + 1):
        if col in numeric:
            break
        prefix.append(col)
    cols = {c for c in prefix[:-1] if len(used.get(c, ())) < n and c not in tiled}
    # one label column beside the leaves: its lone texts may be printed once (tiled strictly)
    return cols, len(prefix) < 3


def _tile_lone(items, rows, seps, tol):  # noqa: ANN001, ANN202
    """The runs of a lone label column beside the leaves whose every text stands on a row: a
    region label centred over its odd run of rows (Word, WPS and browsers centre merged cells).
    A label printed once on its block's first or 小计 row would tile only by chance, so the
    plan must be strict: every run at least three rows with its text on an inner row, runs
    following each other without gaps over the body, save one row at either end (the table's
    合计, which belongs to no region). Returns (runs, cuts) or None."""
    n = len(seps) - 1
    for lead, trail in ((0, 0), (0, 1), (1, 0), (1, 1)):
        inner = [it for it in items if lead <= it[1] < n - trail]
        if len(inner) < len(items) - lead - trail or not inner:
            continue  # texts on rows other than the edge rows left out
        sub = [(y, r - lead, blk) for y, r, blk in inner]
        if any(_TOTAL.search(line_text(rows[r][2])) for _, r, _ in inner):
            continue  # a group's 小计 row is its first or last: no label is centred on it
        plan = _solve(sub, seps[lead : n - trail + 1], tol, False, None)
        if plan is None or plan[1][-1] != n - trail - lead:
            continue
        _, bounds = plan
        runs, a = [], 0
        ok = True
        for (_, r, _), b in zip(sub, bounds, strict=True):
            if b - a < 3 or not a < r < b - 1:  # on an edge row: printed once, not centred
                ok = False
                break
            runs.append((a + lead, b + lead, r + lead))
            a = b
        if ok:
            return runs, {lead, *(b + lead for b in bounds)}
    return None


def _solve(items, seps, tol, continued, cuts_left):  # noqa: ANN001, ANN202
    """The start row and the ends [b_1 .. b_k] of the runs of one column's k items: from the
    first start that admits a plan, the plan of least total centring error; or None."""
    n = len(seps) - 1
    k = len(items)
    first_row = next((r for _, r, _ in items if r is not None), None)
    starts = [0] + (
        [s for s in range(1, n) if first_row is None or s <= first_row] if continued else []
    )
    for s in starts:
        memo: dict[tuple[int, int], tuple[float, list[int]] | None] = {}

        def go(j: int, a: int, memo: dict = memo) -> tuple[float, list[int]] | None:
            if j == k:
                return (0.0, [])
            if (j, a) in memo:
                return memo[(j, a)]
            y, r, _ = items[j]
            out = None
            for b in range(a + 1, n + 1):
                if seps[a] > y:
                    break
                if r is not None and not a <= r < b:
                    continue
                if cuts_left is not None and any(a < x < b for x in cuts_left):
                    break
                err = abs((seps[a] + seps[b]) / 2 - y)
                ok = err <= tol and seps[a] < y < seps[b]
                if not ok and j == k - 1 and b == n and r == a and b - a >= 2:
                    ok, err = True, tol  # cut by the page's foot, printed at its top
                if not ok:
                    continue
                rest = go(j + 1, b)
                if rest is not None and (out is None or err + rest[0] < out[0]):
                    out = (err + rest[0], [b] + rest[1])
            memo[(j, a)] = out
            return out

        got = go(0, s)
        if got is not None:  # the fewest rows continued from the page before
            return s, got[1]
    return None
