"""A table as found on one page: a grid of row and column boundaries and the (merged) cells on it.

Both parsers (ruled, three-line) produce a ``Piece``; the header split and the header paths are
worked out here, once, from the grid's own structure.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from .model import BBox, Cell
from .numbers import parse_quantity
from .text import Char, cell_text


@dataclass(slots=True)
class Region:
    """A cell on the grid: rows r0..r1-1, columns c0..c1-1."""

    r0: int
    c0: int
    r1: int
    c1: int
    bbox: BBox
    chars: list[Char] = field(default_factory=list)
    text: str = ""

    @property
    def row_span(self) -> int:
        return self.r1 - self.r0

    @property
    def col_span(self) -> int:
        return self.c1 - self.c0


@dataclass(slots=True)
class Piece:
    page: int
    kind: Literal["ruled", "three-line"]
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    regions: list[Region]
    header_rows: int = 0
    title: str | None = None
    unit: str | None = None
    continued: bool = False  # a 续表 marker stands above it
    stacked: bool = False  # right under another table, nothing between: same annex
    caption_lines: list[str] = field(default_factory=list)
    slots: list[list[Region]] = field(default_factory=list)
    band: object | None = None  # a three-line piece's rules, to re-read it with other columns
    chars: list[Char] = field(default_factory=list)  # a three-line piece's characters
    span_cols: list[int] = field(default_factory=list)  # three-line columns of spanning labels

    @property
    def bbox(self) -> BBox:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def fill_slots(self) -> None:
        self.slots = [[None] * self.n_cols for _ in range(self.n_rows)]  # type: ignore[list-item]
        for reg in self.regions:
            for r in range(reg.r0, reg.r1):
                for c in range(reg.c0, reg.c1):
                    self.slots[r][c] = reg


# Closing punctuation that CJK typesetting hangs at a line's end, past the text box (Word's
# 允许标点溢出边界, on by default): it belongs to the cell it starts in.
_HANGING = frozenset("，。、；：？！）」』”’》〉,.;:)")


def assign_chars(piece: Piece, chars: list[Char]) -> list[Char]:
    """Put each character whose centre falls in the piece into its region; return the rest."""
    piece.fill_slots()
    x0, top, x1, bottom = piece.bbox
    rest: list[Char] = []
    for ch in chars:
        cx = (ch["x0"] + ch["x1"]) / 2
        if ch["text"] in _HANGING:  # punctuation Word lets hang past the cell's right border
            cx = ch["x0"] + 0.2 * (ch["x1"] - ch["x0"])
        cy = (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            rest.append(ch)
            continue
        r = min(max(bisect_right(piece.ys, cy) - 1, 0), piece.n_rows - 1)
        c = min(max(bisect_right(piece.xs, cx) - 1, 0), piece.n_cols - 1)
        piece.slots[r][c].chars.append(ch)
    for reg in piece.regions:
        reg.text = cell_text(reg.chars) if reg.chars else ""
    return rest


def _is_numeric(text: str) -> bool:
    return parse_quantity(text).kind in ("number", "dash")


def header_depth(piece: Piece) -> int:
    """How many top rows of a ruled piece are header, from the grid's structure.

    Start with the first row; take in every row a header cell reaches down into (row spans),
    and the row below any group cell (a cell spanning several, but not all, columns whose
    bottom edge is the header's current bottom): that row holds the group's parts. Stop at a
    row holding numbers: a header has none.
    """
    if piece.n_rows < 2:
        # one row of words alone, no numbers: the top of a header cut by the page's foot
        numeric = any(_is_numeric(reg.text) for reg in piece.regions)
        return 0 if numeric or piece.n_rows < 1 else 1
    slots = piece.slots
    if any(_is_numeric(reg.text) for reg in _row_regions(slots, 0)):
        return 0  # no header on this piece (a continuation page that does not repeat it)
    h = 1
    while h < piece.n_rows:
        grow = max(reg.r1 for r in range(h) for reg in _row_regions(slots, r))
        if grow > h:
            h = grow
            continue
        group_ends = any(
            1 < reg.col_span < piece.n_cols and reg.r1 == h
            for r in range(h)
            for reg in _row_regions(slots, r)
        )
        if (
            group_ends
            and h < piece.n_rows
            and not any(_is_numeric(reg.text) for reg in _row_regions(slots, h))
        ):
            h += 1
            continue
        break
    return min(h, piece.n_rows)


def _row_regions(slots: list[list[Region]], r: int) -> list[Region]:
    seen: list[Region] = []
    for reg in slots[r]:
        if reg is not None and all(reg is not s for s in seen):
            seen.append(reg)
    return seen


def header_paths(piece: Piece) -> list[list[str]]:
    """One path per column: the header cells above it, top first, a tall cell once."""
    paths: list[list[str]] = []
    for c in range(piece.n_cols):
        path: list[str] = []
        prev: Region | None = None
        for r in range(piece.header_rows):
            reg = piece.slots[r][c]
            if reg is prev or reg is None:
                continue
            prev = reg
            if reg.text:
                path.append(reg.text)
        paths.append(path or [""])
    return paths


def to_cells(piece: Piece, rows: range) -> list[list[Cell]]:
    """Rows of ``Cell``s; a spanning region is one Cell placed in every slot it covers."""
    made: dict[int, Cell] = {}
    out: list[list[Cell]] = []
    for r in rows:
        row: list[Cell] = []
        for c in range(piece.n_cols):
            reg = piece.slots[r][c]
            cell = made.get(id(reg))
            if cell is None:
                r0 = max(reg.r0, rows.start)
                r1 = min(reg.r1, rows.stop)
                cell = Cell(
                    page=piece.page,
                    bbox=reg.bbox,
                    text=reg.text,
                    quantity=parse_quantity(reg.text),
                    row_span=r1 - r0,
                    col_span=reg.col_span,
                )
                made[id(reg)] = cell
            row.append(cell)
        out.append(row)
    return out
