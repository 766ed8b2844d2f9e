"""Tables printed with no rules at all: columns of numbers aligned under a header, whitespace
only.

Such a table shows only by alignment, so it is read only where the alignment is strong: a run
of lines, each holding at least two numbers set apart by gutters, whose numbers stand on at
least three (two, for a long run under a header) shared right edges, centres or left edges; a
header block right above whose text sits over those columns, stopped by the caption (unit line,
附件N, 续表, a larger title). Prose never qualifies: a paragraph's numbers sit inside its text
with no gutter, one or two a line, at no shared x. A run with no header is taken only where it
heads its page (a continuation whose header is not repeated); the stitcher drops it when it
continues nothing.

Columns come from the text gutters of the body and the header's lowest labels; a header label
centred over several columns, with labels under it, is a group (a synthetic cmidrule under it),
and the piece is then read exactly as a three-line table is (rows from baselines, labels
spanning rows), by ``threeline.build_threeline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .caption import ANNEX, CONTINUED, find_unit
from .grid import Piece
from .numbers import parse_quantity
from .openband import MARGIN, is_footer
from .text import Char, group_lines, line_text, merge_spans
from .threeline import Band, build_threeline, segments
from .unruled_cols import (
    MIN_NUM_LINES,
    ROW_GAP,
    aligned_columns,
    column_bounds,
    fits_columns,
)
from .unruled_head import add_header, header_blocks
from .unruled_single import single_runs

MAX_BETWEEN = 6  # lines without numbers (section rows, wrapped labels) between two numeric lines
WRAP_GAP = 0.35  # ems: lines this close belong to one row (a wrapped label beside its numbers)
HEAD_GAP = 2.5  # ems: a larger gap ends the header upwards
MAX_HEAD_LINES = 16  # a header of labels wrapped over lines at staggered heights
MAX_HEAD_EMS = 12.0  # and no taller than this
TITLE_SIZE = 1.15  # a line set this much larger than the body is a title, not a header
_NUMERIC = ("number", "dash", "na")
_COLON = re.compile(r"[:：]")


@dataclass(slots=True)
class UnruledBand(Band):
    """A band found by alignment alone; ``confidence`` (0..1) says how strong it was."""

    confidence: float = 0.0
    weak: bool = False  # too few rows to prove alignment: taken only as a continuation


@dataclass(slots=True)
class _Line:
    chars: list[Char]
    segs: list[list[Char]]
    texts: list[str]
    kinds: list[str]

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars)

    def nums(self) -> list[list[Char]]:
        return [s for s, k in zip(self.segs, self.kinds, strict=True) if k in _NUMERIC]

    @property
    def numeric(self) -> bool:
        """At least two numbers in cells of their own, one of them a real number."""
        return len(self.nums()) >= 2 and "number" in self.kinds


def _line(chars: list[Char]) -> _Line:
    segs = segments(chars)
    texts = [line_text(s).strip() for s in segs]
    return _Line(chars, segs, texts, [parse_quantity(t).kind for t in texts])


def _em(lines: list[_Line]) -> float:
    sizes = sorted(c["bottom"] - c["top"] for ln in lines for c in ln.chars)
    return sizes[len(sizes) // 2] if sizes else 10.0


def find_unruled(
    page_no: int, chars: list[Char], taken: list[tuple[float, float, float, float]], page_h: float
) -> tuple[list[Piece], list[Char]]:
    """Unruled tables among ``chars`` (those no other piece took), away from the ``taken``
    boxes of the pieces already found. Returns the pieces and the characters left."""
    ink = [c for c in chars if c["text"].strip()]
    free = [
        c
        for c in ink
        if not any(t[1] - 1 <= (c["top"] + c["bottom"]) / 2 <= t[3] + 1 for t in taken)
    ]
    lines = [_line(ln) for ln in group_lines(free)]
    if not any(ln.nums() for ln in lines):
        return [], chars
    em = _em(lines)
    pieces: list[Piece] = []
    rest = chars
    for body in _runs(lines, em):
        found = _read_block(page_no, lines, body, em, rest, page_h)
        if found is not None:
            piece, rest = found
            pieces.append(piece)
    for body in single_runs(lines, em, [p.bbox for p in pieces]):
        found = _read_block(page_no, lines, body, em, rest, page_h, single=True)
        if found is not None:
            piece, rest = found
            pieces.append(piece)
    return pieces, rest


def _runs(lines: list[_Line], em: float) -> list[tuple[int, int]]:
    """Index ranges [i, j) of lines running from a numeric line to a numeric line (or a line
    of three or more dashes), at most MAX_BETWEEN other lines between two, no gap above
    ROW_GAP ems."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for i, ln in enumerate(lines):
        if start is not None and (
            ln.top - lines[i - 1].bottom > ROW_GAP * em or i - last > MAX_BETWEEN + 1
        ):
            runs.append((start, last + 1))
            start = last = None
        if ln.numeric:
            if start is None:
                start = i
            last = i
        elif start is not None and len(ln.nums()) >= 3:
            last = i  # a row of dashes (nothing spent) goes on with a table, it starts none
    if start is not None:
        runs.append((start, last + 1))
    return runs


def _header(lines: list[_Line], first: int, em: float, x0: float, x1: float) -> list[_Line]:
    """The header lines right above line ``first``: no numbers, no caption, set in the body's
    size, no text as wide as half the table (a title, prose), none far from the next."""
    out: list[_Line] = []
    below = lines[first]
    for ln in reversed(lines[:first]):
        text = "".join(ln.texts)
        size = _em([ln])
        if (
            below.top - ln.bottom > HEAD_GAP * em
            or len(out) >= MAX_HEAD_LINES
            or lines[first].top - ln.top > MAX_HEAD_EMS * em
            or "number" in ln.kinds
            or find_unit(text)
            or CONTINUED.match(text)
            or ANNEX.match(text)
            or _COLON.search(text)
            or is_footer(text)
            or size > TITLE_SIZE * em
            or any(s[-1]["x1"] - s[0]["x0"] > 0.5 * (x1 - x0) for s in ln.segs)
        ):
            break
        out.append(ln)
        below = ln
    return out[::-1]


def _under_labels(numeric: list[_Line], head_lines: list[_Line]) -> bool:
    """A table of one or two rows under its header (支出预算总表, the 三公 table): every number
    stands under a header label of its own, three or more of them; a label over several
    numbers only above their own labels (a group of a nested header)."""
    if not head_lines or not numeric:
        return False
    labels = [(s[0]["x0"], s[-1]["x1"], ln.top) for ln in head_lines for s in ln.segs]
    spots = [(s[0]["x0"], s[-1]["x1"]) for ln in numeric for s in ln.nums()]

    def over(a: float, b: float, lo: float, hi: float) -> bool:
        return lo - 2 <= (a + b) / 2 <= hi + 2 or (a <= hi and b >= lo)

    under = [[k for k, (a, b) in enumerate(spots) if over(a, b, lo, hi)] for lo, hi, _ in labels]
    own = {}  # a number's own label: the lowest over it and over no other number
    for (_, _, top), ks in zip(labels, under, strict=True):
        if len(ks) == 1:
            own[ks[0]] = max(own.get(ks[0], top), top)
    for (_, _, top), ks in zip(labels, under, strict=True):
        # a group label over several numbers (“三公”经费 over its parts) is a nested header
        # only when each number under it has a label of its own lower down
        if len(ks) > 1 and not all(k in own and own[k] > top for k in ks):
            return False
    for ln in numeric:
        nums = ln.nums()
        if len(nums) < 3 or len(nums) != len(ln.segs):
            return False
        for s in nums:
            if not any(over(s[0]["x0"], s[-1]["x1"], lo, hi) for lo, hi, _ in labels):
                return False
    return True


def _is_foot(ln: _Line, page_h: float) -> bool:
    """A page number or a running foot."""
    return is_footer("".join(ln.texts)) or ln.top > (1 - MARGIN) * page_h


def _heads_page(lines: list[_Line], first: int, page_h: float) -> bool:
    """Nothing above line ``first`` but running heads and a 续表 marker."""
    for ln in lines[:first]:
        text = "".join(ln.texts)
        if ln.bottom < MARGIN * page_h or CONTINUED.match(text) or is_footer(text):
            continue
        return False
    return True


def _read_block(  # noqa: ANN001
    page_no: int,
    lines: list[_Line],
    run: tuple[int, int],
    em: float,
    chars,
    page_h: float,
    single: bool = False,
) -> tuple[Piece, list[Char]] | None:
    """``single``: a run of labels each with one amount flush right (unruled_single): taken
    only under a header of two or more labels, the last over the amounts."""
    i, j = run
    body = lines[i:j]
    if single:
        numeric = [ln for ln in body if ln.nums()]
        cols, share, weak = [], 1.0, False
    else:
        cols, share = aligned_columns(body)
        numeric = [ln for ln in body if ln.numeric]
        # fewer rows than alignment can prove: only where the run heads its page with three
        # or more numbers a line (the last rows of a table continued from the page before)
        weak = len(numeric) < MIN_NUM_LINES
    if weak and any(len(ln.nums()) < 3 for ln in numeric):
        return None
    if not weak and not single and (len(cols) < 2 or share < 0.7):
        return None
    spans = merge_spans([(s[0]["x0"], s[-1]["x1"]) for ln in numeric for s in ln.segs])
    if not all(fits_columns(ln, spans) for ln in body):
        return None  # a line across the columns: prose among the numbers
    # the other lines of the first and last rows: a wrapped label's lines, closer to the
    # numbers' line than rows are to each other
    while (
        i > 0
        and lines[i].top - lines[i - 1].bottom < WRAP_GAP * em
        and fits_columns(lines[i - 1], spans)
    ):
        i -= 1
    while (
        j < len(lines)
        and lines[j].top - lines[j - 1].bottom < WRAP_GAP * em
        and fits_columns(lines[j], spans)
    ):
        j += 1
    # a row of one label above the first numbers, flush with the body's labels (a section
    # row such as 一、…), is body: header labels are centred in their cells
    left = sorted(ln.x0 for ln in lines[i:j])[len(lines[i:j]) // 2]
    while (
        i > 0
        and len(lines[i - 1].segs) == 1
        and abs(lines[i - 1].x0 - left) <= 1.0
        and sum(1 for ln in lines[i:j] if abs(ln.x0 - left) <= 1.0) >= 0.5 * (j - i)
        and lines[i].top - lines[i - 1].bottom < ROW_GAP * em
        and fits_columns(lines[i - 1], spans)
    ):
        i -= 1
    # a section row flush with the labels at the page foot (一、… wrapped over lines): the
    # table goes on over the page, the row heads the part on the next page
    k = j
    while (
        k < len(lines)
        and len(lines[k].segs) == 1
        and lines[k].top - lines[k - 1].bottom < ROW_GAP * em
        and fits_columns(lines[k], spans)
        and not is_footer(lines[k].texts[0])
    ):
        k += 1
    if k > j and abs(lines[j].x0 - left) <= 1.0 and all(_is_foot(ln, page_h) for ln in lines[k:]):
        j = k
    body = lines[i:j]
    x0 = min(ln.x0 for ln in body)
    x1 = max(ln.x1 for ln in body)
    head_lines = _header(lines, i, em, x0, x1)
    if single and (
        not head_lines
        or sum(len(ln.segs) for ln in head_lines) < 2
        or not any(
            s[-1]["x1"] > numeric[0].nums()[-1][0]["x0"] for ln in head_lines for s in ln.segs
        )
    ):
        return None  # no header over the labels and the amounts
    if not head_lines and not _heads_page(lines, i, page_h):
        return None
    labelled = weak and _under_labels(numeric, head_lines)
    if labelled:
        weak = False  # each number under its own label: the header proves the columns
        share = 1.0
    if weak and not _heads_page(lines, i - len(head_lines), page_h):
        return None
    # two aligned columns prove little, unless under a header or heading the page: there the
    # piece is kept only if it goes on with a table of the page before (the stitcher's call)
    heads = not head_lines and _heads_page(lines, i, page_h)
    if (
        not single
        and not weak
        and not labelled
        and len(cols) < 3
        and not heads
        and (not head_lines or len(numeric) < 4)
    ):
        return None
    body_iv = [(s[0]["x0"], s[-1]["x1"]) for ln in body for s in ln.segs]
    head_chars = [c for ln in head_lines for c in ln.chars]
    blocks = header_blocks(head_chars, merge_spans(body_iv), em)
    leaf_iv = [(b.x0, b.x1) for b in blocks if not b.wide]
    tx0 = min([x0] + [b.x0 for b in blocks]) - 1.0
    tx1 = max([x1] + [b.x1 for b in blocks]) + 1.0
    words = [
        (s[0]["x0"], s[-1]["x1"])
        for ln in body
        for s, k in zip(ln.segs, ln.kinds, strict=True)
        if k not in _NUMERIC
    ]
    xs, spans = column_bounds(body_iv, leaf_iv, tx0, tx1, words)
    if len(xs) - 1 < (2 if single else 3):
        return None
    cover = 1.0
    if blocks:
        over = sum(1 for lo, hi in spans if any(b.x0 < hi + em and b.x1 > lo - em for b in blocks))
        cover = over / len(spans)
        if cover < 0.6:
            return None
    split = (head_lines[-1].bottom + body[0].top) / 2 if head_lines else body[0].top - 1.0
    band = UnruledBand(split, None, body[-1].bottom + 1.0, tx0, tx1, [])
    band.confidence = round(min(1.0, share) * cover * min(1.0, len(numeric) / 5), 2)
    band.weak = weak
    piece, rest = build_threeline(page_no, band, chars, xs=xs)
    if piece is None:
        return None
    parents = _parent_cols(piece)
    if parents:
        piece, rest = build_threeline(
            page_no, band, chars, xs=xs, span_cols=sorted(set(piece.span_cols) | set(parents))
        )
    piece.kind = "unruled"  # type: ignore[assignment]
    piece.band = band
    piece.chars = [c for r in piece.regions for c in r.chars]
    if head_lines:
        top = head_lines[0].top - 1.0
        ids = {id(c) for c in head_chars}
        rest = [c for c in rest if id(c) not in ids]
        add_header(piece, blocks, xs, top, split)
    return piece, rest


def _parent_cols(piece: Piece) -> list[int]:
    """Label columns left of a column of spanning labels whose labels are sparse (most rows
    empty, each printed one on a row of figures): parents centred over their children's rows,
    which span those rows too."""
    if not piece.span_cols:
        return []
    rows = range(piece.header_rows, piece.n_rows)
    out = []
    for c in range(min(piece.span_cols)):
        cells = [piece.slots[r][c].text for r in rows]
        filled = [r for r, t in zip(rows, cells, strict=True) if t]
        if not filled or len(filled) > 0.5 * len(cells):
            continue
        if any(parse_quantity(piece.slots[r][c].text).kind in _NUMERIC for r in filled):
            continue
        if all(any(piece.slots[r][k].text for k in range(piece.n_cols) if k != c) for r in filled):
            out.append(c)
    return out


def note_confidence(tables: list, pieces_by_page: list[list[Piece]]) -> None:  # noqa: ANN001
    """Tell the reviewer which tables were read from alignment alone, and how surely."""
    for t in tables:
        if t.kind != "unruled":
            continue
        conf = [
            p.band.confidence
            for ps in pieces_by_page
            for p in ps
            if p.kind == "unruled" and t.bboxes.get(p.page) == p.bbox
        ]
        if conf:
            t.notes.append(f"无框线表格，按文字对齐读出（置信度 {min(conf):.2f}），请核对行列")
