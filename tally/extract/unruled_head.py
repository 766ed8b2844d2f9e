"""The header of an unruled table, from where its labels stand.

With no rules, a header cell shows only as a block of text: the lines of one wrapped label
stacked and centred over one column. A label with the labels of several columns under it, centred
over a run of them, is a group (资金到位情况 over 财政拨款 / 其他资金 / 合计); a label under no
group reaches down to the header's bottom. Header rows follow from how many groups stand above
each label, so header paths come out as they do for ruled and three-line tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .grid import Piece, Region
from .text import Char, cell_text
from .threeline import segments

SAME_LINE = 0.2  # of the font size: characters whose tops differ less stand on one line
WRAP = 0.6  # ems: a label's wrapped lines follow each other closer than this
TIGHT = 0.45  # ems: closer still, a shorter line under a label is its wrapped end (…及运 / 行费)


@dataclass(slots=True)
class Block:
    chars: list[Char]
    x0: float
    x1: float
    top: float
    bottom: float
    key: tuple[int, ...] = ()  # the body columns it stands over (or the nearest)
    wide: bool = False  # over several body columns: a group, or a label spanning them
    cols: list[int] = field(default_factory=list)
    group: bool = False
    level: int = 0

    def add(self, chars: list[Char]) -> None:
        self.chars += chars
        self.x0 = min(self.x0, min(c["x0"] for c in chars))
        self.x1 = max(self.x1, max(c["x1"] for c in chars))
        self.top = min(self.top, min(c["top"] for c in chars))
        self.bottom = max(self.bottom, max(c["bottom"] for c in chars))


def _strict_lines(chars: list[Char]) -> list[list[Char]]:
    lines: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        size = c["bottom"] - c["top"]
        if lines and abs(c["top"] - lines[-1][0]["top"]) <= SAME_LINE * size:
            lines[-1].append(c)
        else:
            lines.append([c])
    return [sorted(ln, key=lambda c: c["x0"]) for ln in lines]


def header_blocks(chars: list[Char], spans: list[list[float]], em: float) -> list[Block]:
    """The header's labels: words on exact baselines, a word joined to the block right above
    it when both stand over the same body columns, centred on each other."""
    blocks: list[Block] = []
    for ln in _strict_lines(chars):
        for seg in segments(ln):
            a, b = seg[0]["x0"], seg[-1]["x1"]
            hits = tuple(k for k, s in enumerate(spans) if a < s[1] - 1 and b > s[0] + 1)
            if not hits and spans:
                hits = (
                    min(range(len(spans)), key=lambda k: max(spans[k][0] - b, a - spans[k][1])),
                )
            top, bottom = min(c["top"] for c in seg), max(c["bottom"] for c in seg)
            mid = (a + b) / 2
            above = [
                bl
                for bl in blocks
                if (
                    (bl.key == hits and 0 <= top - bl.bottom < WRAP * em)
                    # a label's last, shorter line under columns the first line covers
                    or (set(hits) < set(bl.key) and 0 <= top - bl.bottom < TIGHT * em)
                )
                and abs((bl.x0 + bl.x1) / 2 - mid) <= 0.5 * max(bl.x1 - bl.x0, b - a)
            ]
            if above:
                above[-1].add(list(seg))
            else:
                blocks.append(Block(list(seg), a, b, top, bottom, hits, len(hits) > 1))
    return blocks


def _col_of(xs: list[float], x: float) -> int:
    n = len(xs) - 1
    return next((c for c in range(n) if x < xs[c + 1]), n - 1)


def _overlaps(b: Block, lo: float, hi: float) -> bool:
    """The block covers a good part of [lo, hi] (not just an edge across a gutter)."""
    return min(b.x1, hi) - max(b.x0, lo) > 0.25 * min(b.x1 - b.x0, hi - lo)


def _cols_under(b: Block, xs: list[float]) -> list[int]:
    """The columns a label stands over: of those it overlaps, the run centred nearest on it
    that holds its centre (a narrow label reaching a little into the next column is not over
    both: it is centred in its own)."""
    n = len(xs) - 1
    mid = (b.x0 + b.x1) / 2
    home = _col_of(xs, mid)
    cols = [c for c in range(n) if _overlaps(b, xs[c], xs[c + 1])]
    if home not in cols:
        return cols or [home]
    runs = [
        (abs((xs[c0] + xs[c1 + 1]) / 2 - mid), c0, c1)
        for c0 in cols
        for c1 in cols
        if c0 <= home <= c1 and all(c in cols for c in range(c0, c1 + 1))
    ]
    _, c0, c1 = min(runs)
    return list(range(c0, c1 + 1))


def _find_groups(blocks: list[Block], xs: list[float], em: float) -> None:
    """A block is a group when the labels of a run of columns stand under it and it is centred
    over that run (the widest such run). Under a group means in the band below it: a label
    vertically centred on the band below the group's parent (or the whole header) is a tall
    cell beside the group, not under it."""
    n = len(xs) - 1
    for b in blocks:
        b.cols = _cols_under(b, xs)
    ht = min(b.top for b in blocks)
    hb = max(b.bottom for b in blocks)
    for g in sorted(blocks, key=lambda b: b.top):
        # the band a label under g is centred in, against the band under g's own parent (the
        # lowest label above g over it): a tall cell beside g is centred on the latter
        up = [o.bottom for o in blocks if o.bottom <= g.top + 1 and o.x0 < g.x1 and o.x1 > g.x0]
        sub_mid, all_mid = (g.bottom + hb) / 2, (max(up, default=ht) + hb) / 2
        under = {
            c
            for o in blocks
            if o is not g
            and o.top >= g.bottom - 1
            and abs((o.top + o.bottom) / 2 - sub_mid) <= abs((o.top + o.bottom) / 2 - all_mid)
            for c in o.cols
        }
        beside = {
            c
            for o in blocks
            if o is not g and o.top < g.bottom - 1 and o.bottom > g.top + 1
            for c in o.cols
        }
        mid = (g.x0 + g.x1) / 2
        cands = []
        for c0 in range(0, g.cols[0] + 1):
            for c1 in range(g.cols[-1], n):
                run = set(range(c0, c1 + 1))
                if c1 == c0 or run & beside or not run <= under:
                    continue
                off = abs((xs[c0] + xs[c1 + 1]) / 2 - mid)
                if off <= max(em, 0.1 * (xs[c1 + 1] - xs[c0])):
                    cands.append((off, c0, c1))
        if cands:
            # the widest run centred about as well as the best one (a middle sub-run of a group
            # is centred too); a wider run only roughly centred reaches into a neighbour group
            least = min(off for off, _, _ in cands)
            _, _, c0, c1 = max(
                (c1 - c0, -off, c0, c1) for off, c0, c1 in cands if off <= least + em
            )
            g.group = True
            g.cols = list(range(c0, c1 + 1))


def add_header(
    piece: Piece, blocks: list[Block], xs: list[float], top: float, split: float
) -> None:
    """Put the header's cells above the piece's body rows (which move down)."""
    em = sorted(c["bottom"] - c["top"] for b in blocks for c in b.chars)[0]
    _find_groups(blocks, xs, em)
    groups = [g for g in blocks if g.group]
    for b in blocks:
        b.level = sum(
            1 for g in groups if g is not b and g.bottom <= b.top + 1 and set(b.cols) <= set(g.cols)
        )
    depth = max(b.level + 1 for b in blocks)
    ys = [top]
    for k in range(1, depth):
        at = [g.bottom for g in groups if g.level == k - 1]
        ys.append(max(at) + 0.5 if at else (ys[-1] + split) / 2)
    ys.append(split)
    n = len(xs) - 1
    slots: list[list[Region | None]] = [[None] * n for _ in range(depth)]
    regions: list[Region] = []
    for b in sorted(blocks, key=lambda b: (b.level, b.top)):
        r0, r1 = b.level, (b.level + 1 if b.group else depth)
        c0, c1 = b.cols[0], b.cols[-1] + 1
        held = [slots[r][c] for r in range(r0, r1) for c in range(c0, c1) if slots[r][c]]
        if held:
            held[0].chars.extend(b.chars)
            continue
        reg = Region(r0, c0, r1, c1, (xs[c0], ys[r0], xs[c1], ys[r1]), list(b.chars))
        regions.append(reg)
        for r in range(r0, r1):
            for c in range(c0, c1):
                slots[r][c] = reg
    for c in range(n):
        r = 0
        while r < depth:
            if slots[r][c] is not None:
                r += 1
                continue
            r1 = r
            while r1 < depth and slots[r1][c] is None:
                r1 += 1
            regions.append(Region(r, c, r1, c + 1, (xs[c], ys[r], xs[c + 1], ys[r1])))
            r = r1
    for reg in regions:
        reg.text = cell_text(reg.chars) if reg.chars else ""
    for reg in piece.regions:
        reg.r0 += depth
        reg.r1 += depth
    piece.regions = regions + piece.regions
    piece.ys = ys[:-1] + piece.ys
    piece.header_rows = depth
    piece.fill_slots()
