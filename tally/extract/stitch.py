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
    """Whether ``piece`` goes on with ``prev``. A piece whose 'header' does not resemble the
    table's is taken as header-less (its top row is body: a row cut by the page break)."""
    if piece.title and not piece.continued and _norm(piece.title) != _norm(prev.title or ""):
        return False
    w0 = prev_piece.xs[-1] - prev_piece.xs[0]
    w1 = piece.xs[-1] - piece.xs[0]
    if abs(w1 - w0) > WIDTH_TOL * w0:
        return False
    if not prev.rows:
        return True  # the page before held only the header's top: this piece completes it
    if piece.header_rows:
        sim = fuzz.ratio(header_signature(prev.columns), header_signature(header_paths(piece)))
        if sim >= HEADER_SIMILARITY:
            return True
    fits = piece.n_cols == prev.n_cols or column_map(prev_piece, piece) is not None
    if fits:
        # untitled, and its top rows do not repeat the header: they are body rows whose
        # label cells are empty (a span going on) or hold the rest of a cut row
        piece.header_rows = 0
    return fits


def column_map(prev_piece: Piece, piece: Piece) -> list[int] | None:
    """For each of the table's columns, the piece's column under its centre (a wider piece
    column spans several of the table's). None when a piece column with text is left out."""
    out: list[int] = []
    for k in range(prev_piece.n_cols):
        mid = (prev_piece.xs[k] + prev_piece.xs[k + 1]) / 2
        hit = [i for i in range(piece.n_cols) if piece.xs[i] <= mid < piece.xs[i + 1]]
        out.append(hit[0] if hit else -1)
    used = set(out)
    for reg in piece.regions:
        if reg.text and not any(c in used for c in range(reg.c0, reg.c1)):
            return None
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
    if not table.rows:
        _complete_header(table, prev_piece, piece)
        return
    body = to_cells(piece, range(piece.header_rows, piece.n_rows))
    if piece.n_cols != table.n_cols:
        cmap = column_map(prev_piece, piece)
        if cmap is None:  # same column count was not required by continues(); keep order
            cmap = list(range(table.n_cols))
        body = [_remap(row, cmap, piece) for row in body]
        table.notes.append(f"第{piece.page}页的列与前页不同，按列位置对齐")
    if piece.header_rows and header_signature(header_paths(piece)) != header_signature(
        table.columns
    ):
        table.notes.append(f"第{piece.page}页重复的表头与首页略有不同")
    if body and _is_cut_row(table.rows, body[0]):
        _join_cut_row(table.rows[-1], body.pop(0))
        table.notes.append(f"第{piece.page - 1}页末行被分页截断，已与第{piece.page}页首行合并")
    _carry_spans(table, body)
    table.rows.extend(body)
    table.pages.append(piece.page)
    table.bboxes[piece.page] = piece.bbox
    if table.unit is None:
        table.unit = piece.unit


def _complete_header(table: Table, prev_piece: Piece, piece: Piece) -> None:
    """The top of a header alone at a page's foot, the rest and the body on the next page:
    each of the piece's columns gets the path of the header cell above its centre."""
    lower = header_paths(piece) if piece.header_rows else [[] for _ in range(piece.n_cols)]
    columns = []
    for c in range(piece.n_cols):
        mid = (piece.xs[c] + piece.xs[c + 1]) / 2
        k = next(
            (k for k in range(prev_piece.n_cols) if prev_piece.xs[k] <= mid < prev_piece.xs[k + 1]),
            None,
        )
        upper = table.columns[k] if k is not None else []
        columns.append([p for p in upper + lower[c] if p] or [""])
    table.columns = columns
    table.header = table.header + to_cells(piece, range(0, piece.header_rows))
    table.rows = to_cells(piece, range(piece.header_rows, piece.n_rows))
    table.pages.append(piece.page)
    table.bboxes[piece.page] = piece.bbox
    table.notes.append(f"表头跨第{prev_piece.page}、{piece.page}页，已合并")


def _remap(row: list[Cell], cmap: list[int], piece: Piece) -> list[Cell]:
    y0, y1 = row[0].bbox[1], row[0].bbox[3]
    blank = Cell(piece.page, (piece.xs[0], y0, piece.xs[0], y1), "", parse_quantity(""))
    return [row[i] if 0 <= i < len(row) else blank for i in cmap]


_ORDINAL = re.compile(
    r"^([一二三四五六七八九十]+、|[0-9]+[.、．]|[（(][一二三四五六七八九十0-9]+[)）]|[①-⑳])"
)


def _is_cut_row(rows: list[list[Cell]], first: list[Cell]) -> bool:
    """Word and WPS let a row break across pages: the next page then starts with the rest of
    the cut cells' text and nothing else. Such a row holds only text, only under cells that
    have text above. A cut is told from a new row by the table's own habits: where every row
    so far carries an amount, a row with none is a remnant; where a column's labels start
    with list markers (一、 1. （一）), a remnant does not. Where neither holds, nothing tells
    the two apart and the row is left as it stands."""
    if not rows:
        return False
    last = rows[-1]
    texts = [(c, cell) for c, cell in enumerate(first) if cell.text]
    if not texts:
        return False
    for c, cell in texts:
        if cell.quantity.kind != "text" or not last[c].text:
            return False
        if _ORDINAL.match(unicodedata.normalize("NFKC", cell.text)):
            return False
    if all(any(x.quantity.is_number for x in row) for row in rows):
        return True
    for c, _ in texts:
        labels = [row[c].text for row in rows if row[c].text]
        marked = sum(1 for t in labels if _ORDINAL.match(unicodedata.normalize("NFKC", t)))
        if marked < 0.6 * len(labels):
            return False
    return True


def _join_cut_row(last: list[Cell], first: list[Cell]) -> None:
    done: set[int] = set()
    for c, cell in enumerate(first):
        if cell.text and id(last[c]) not in done:
            done.add(id(last[c]))
            last[c].text += cell.text
            last[c].quantity = parse_quantity(last[c].text)


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
