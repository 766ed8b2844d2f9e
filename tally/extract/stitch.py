"""One table from the pieces it was printed in, over several pages.

A piece continues the table before it when it is the first thing on its page, the table ended
its page, no new title stands between them, their widths agree within 10%, and their headers
agree (small differences allowed: 半角/全角 brackets, abbreviated names) or the piece repeats no
header at all. This follows MinerU's rules for page-split tables, with the header compared
after NFKC normalisation.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from .grid import Piece, header_paths, to_cells
from .model import Cell, Table
from .numbers import parse_quantity

WIDTH_TOL = 0.10
HEADER_SIMILARITY = 60.0
_PUNCT = re.compile(r"[\s()（）\[\]【】{}、，,。.:：;；\-—_/]+")


def _norm(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text))


def header_signature(paths: list[list[str]]) -> str:
    return "|".join(_norm("/".join(p)) for p in paths)


def continues(prev: Table, prev_piece: Piece, piece: Piece) -> bool:
    if piece.title and not piece.continued and _norm(piece.title) != _norm(prev.title or ""):
        return False
    w0 = prev_piece.xs[-1] - prev_piece.xs[0]
    w1 = piece.xs[-1] - piece.xs[0]
    if abs(w1 - w0) > WIDTH_TOL * w0:
        return False
    if piece.header_rows == 0:
        return piece.n_cols == prev.n_cols or _column_map(prev_piece, piece) is not None
    sim = fuzz.ratio(header_signature(prev.columns), header_signature(header_paths(piece)))
    return sim >= HEADER_SIMILARITY or piece.n_cols == prev.n_cols


def _column_map(prev_piece: Piece, piece: Piece) -> list[int] | None:
    """Map a piece's columns onto the table's by where their centres fall; None on a clash."""
    out: list[int] = []
    for c in range(piece.n_cols):
        mid = (piece.xs[c] + piece.xs[c + 1]) / 2
        hit = [k for k in range(prev_piece.n_cols) if prev_piece.xs[k] <= mid < prev_piece.xs[k + 1]]
        if not hit or (out and hit[0] <= out[-1]):
            return None
        out.append(hit[0])
    return out


def start_table(table_id: str, piece: Piece) -> Table:
    body = to_cells(piece, range(piece.header_rows, piece.n_rows))
    header = to_cells(piece, range(0, piece.header_rows))
    return Table(
        id=table_id,
        title=piece.title,
        unit=piece.unit,
        pages=[piece.page],
        columns=header_paths(piece),
        header=header,
        rows=body,
        kind=piece.kind,
        bboxes={piece.page: piece.bbox},
    )


def append_piece(table: Table, prev_piece: Piece, piece: Piece) -> None:
    body = to_cells(piece, range(piece.header_rows, piece.n_rows))
    if piece.n_cols != table.n_cols:
        cmap = _column_map(prev_piece, piece) or list(range(piece.n_cols))
        body = [_remap(row, cmap, table.n_cols, piece) for row in body]
        table.notes.append(f"第{piece.page}页的列与前页不同，按列位置对齐")
    if piece.header_rows and header_signature(header_paths(piece)) != header_signature(table.columns):
        table.notes.append(f"第{piece.page}页重复的表头与首页略有不同")
    _carry_spans(table, body)
    table.rows.extend(body)
    table.pages.append(piece.page)
    table.bboxes[piece.page] = piece.bbox
    if table.unit is None:
        table.unit = piece.unit


def _remap(row: list[Cell], cmap: list[int], n: int, piece: Piece) -> list[Cell]:
    out: list[Cell | None] = [None] * n
    for c, cell in enumerate(row):
        out[cmap[c]] = cell
    y0, y1 = row[0].bbox[1], row[0].bbox[3]
    return [
        cell or Cell(piece.page, (piece.xs[0], y0, piece.xs[0], y1), "", parse_quantity(""))
        for cell in out
    ]


def _carry_spans(table: Table, body: list[list[Cell]]) -> None:
    """A spanning cell cut by the page break goes on: Word and Excel leave the part on the next
    page empty. Fill the empty top cell from the cell above it when either side is a vertical
    span (so a genuinely empty single cell stays empty)."""
    if not table.rows or not body:
        return
    last, first = table.rows[-1], body[0]
    for c, cell in enumerate(first):
        above = last[c]
        if cell.text or not above.text or cell.col_span != above.col_span:
            continue
        if above.row_span > 1 or cell.row_span > 1:
            cell.text = above.text
            cell.quantity = above.quantity
