"""PDF → Document: every page's text lines and tables, tables joined over pages."""

from __future__ import annotations

import os

from ..errors import ExtractError
from .caption import caption_above
from .edges import page_segments
from .grid import Piece, assign_chars, header_depth
from .model import Document, Issue, Page, TextLine
from .openband import MARGIN, continuation, is_footer, open_band, past_joint
from .pdf import open_pdf
from .ruled import find_ruled
from .stitch import append_piece, continues, start_table
from .text import Char, bbox_of, group_lines, line_text, unify_radicals
from .threeline import build_threeline, find_bands
from .unruled import find_unruled, note_confidence

STACKED_GAP = 24.0  # points: a table this close under another, with nothing between, is its sibling
OUTSIDE_WARN = 20  # characters set outside the page box before it is worth a warning


def _page_chars(page, page_no: int, warnings: list[Issue]) -> list[Char]:  # noqa: ANN001
    x0, top, x1, bottom = page.bbox
    inside: list[Char] = []
    outside = 0
    for c in page.chars:
        cx = (c["x0"] + c["x1"]) / 2
        cy = (c["top"] + c["bottom"]) / 2
        if x0 <= cx <= x1 and top <= cy <= bottom:
            if c["text"] != (t := unify_radicals(c["text"])):
                c = {**c, "text": t}
            inside.append(c)
        else:
            outside += 1
    ink = [c for c in inside if c["text"].strip()]
    if ink and sum(1 for c in ink if not c.get("upright", True)) > 0.5 * len(ink):
        # text set sideways (a page turned with /Rotate, or vertical layout): read as it is, its
        # lines and columns would be scrambled and give false alarms. Say so; read nothing.
        warnings.append(
            Issue(
                "rotated_text",
                f"第{page_no}页的文字是旋转排版的（页面旋转或竖排），暂不能读取，此页未核对",
                page_no,
            )
        )
        return []
    if outside >= OUTSIDE_WARN:
        warnings.append(
            Issue(
                "chars_outside_page",
                f"第{page_no}页有 {outside} 个字符落在页面之外（表格单元格溢出），已忽略",
                page_no,
            )
        )
    return inside


def _text_lines(chars: list[Char], page_no: int) -> list[TextLine]:
    out: list[TextLine] = []
    for ln in group_lines([c for c in chars if c["text"].strip() or c["text"] == " "]):
        text = line_text(ln).strip()
        if not text:
            continue
        out.append(
            TextLine(
                page=page_no,
                bbox=bbox_of(ln),
                text=text,
                char_boxes=[(c["x0"], c["top"], c["x1"], c["bottom"]) for c in ln],
            )
        )
    return out


def _read_page(  # noqa: ANN001
    page, page_no: int, warnings: list[Issue], carry: Piece | None = None
) -> tuple[Page, list[Piece]]:
    """One page's lines and table pieces. ``carry`` is a three-line table left open at the
    foot of the page before: this page may go on with it."""
    chars = _page_chars(page, page_no, warnings)
    hs, vs = page_segments(page)
    pieces, used = find_ruled(page_no, hs, vs)
    rest = chars
    for p in pieces:
        rest = assign_chars(p, rest)
        p.header_rows = header_depth(p)
    bands = []
    if carry is not None and not pieces:
        band, taken = continuation(carry, hs, used, rest, float(page.height))
        used = used | set(taken)
        if band is not None:
            bands.append((band, carry))
    for band in find_bands(hs, used, rest, float(page.height)):
        if any(
            p.ys[0] - 1 <= band.top <= p.ys[-1] + 1 or p.ys[0] - 1 <= band.bottom <= p.ys[-1] + 1
            for p in pieces
        ):
            continue
        h = float(page.height)
        bands.append((open_band(band, rest, h) or past_joint(band, rest, h) or band, None))
    for band, before in bands:
        xs, cols = (before.xs, before.span_cols) if before is not None else (None, [])
        piece, rest = build_threeline(page_no, band, rest, xs=xs, span_cols=cols)
        if piece is not None:
            piece.band = band
            piece.chars = [c for r in piece.regions for c in r.chars]
            pieces.append(piece)
    found, rest = find_unruled(page_no, rest, [p.bbox for p in pieces], float(page.height))
    pieces.extend(found)
    pieces = [p for p in pieces if sum(1 for r in p.regions if r.text) >= 2]
    pieces.sort(key=lambda p: p.ys[0])
    lines = _text_lines(rest, page_no)
    floor = 0.0
    prev: Piece | None = None
    for p in pieces:
        cap = caption_above(lines, p.ys[0], floor, float(page.width), p.xs[0], p.xs[-1])
        p.title, p.unit, p.continued = cap.title, cap.unit, cap.continued
        p.caption_lines = cap.lines
        if prev is not None and not cap.lines and p.ys[0] - prev.ys[-1] < STACKED_GAP:
            p.stacked = True
        floor = p.ys[-1]
        prev = p
    return Page(page_no, float(page.width), float(page.height), lines), pieces


def _ends_page(page: Page, piece: Piece) -> bool:
    """Nothing but a page number or a running foot (in the page's bottom margin) stands below
    the piece."""
    foot = (1 - MARGIN) * page.height
    return all(
        ln.bbox[1] < piece.ys[-1] or is_footer(ln.text) or ln.bbox[1] > foot for ln in page.lines
    )


def _starts_page(page: Page, piece: Piece) -> bool:
    """Above the piece stand only its own caption lines and running heads."""
    above = [ln for ln in page.lines if ln.bbox[3] <= piece.ys[0] + 2]
    return len(above) <= len(piece.caption_lines) + 1


def read_document(path: str | os.PathLike[str]) -> Document:
    pdf = open_pdf(path)
    warnings: list[Issue] = []
    pages: list[Page] = []
    pieces_by_page: list[list[Piece]] = []
    images = 0
    carry: Piece | None = None
    try:
        for i, page in enumerate(pdf.pages, start=1):
            images += len(page.images)
            pg, pieces = _read_page(page, i, warnings, carry)
            pages.append(pg)
            pieces_by_page.append(pieces)
            last = pieces[-1] if pieces else None
            carry = last if last is not None and getattr(last.band, "open", False) else None
        metadata = {
            k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str | bytes)
        }
    except ExtractError:
        raise
    except Exception as exc:  # a parser failure deep in one page: report, never a traceback
        raise ExtractError(
            "corrupt",
            f"PDF 第{len(pages) + 1}页无法解析（{type(exc).__name__}）",
            f"page {len(pages) + 1} could not be parsed ({type(exc).__name__}: {exc})",
        ) from exc
    finally:
        pdf.close()
    if not any(pg.lines for pg in pages) and not any(pieces_by_page):
        if any(w.code == "rotated_text" for w in warnings):
            raise ExtractError(
                "rotated_text",
                "PDF 的页面是旋转排版的（页面旋转 /Rotate 或竖排文字），暂不支持读取；请提交正常方向的 PDF",
                "the pages' text is set sideways (/Rotate or vertical text): not supported yet",
            )
        if images:  # a scan: readable as a PDF, nothing to check until OCR exists
            warnings.append(
                Issue(
                    "image_only",
                    f"全部 {len(pages)} 页都是图片（扫描件），没有文字层，未能核对；需要先做文字识别（OCR）",
                    None,
                )
            )
            return Document(str(path), pages, [], warnings, metadata)
        raise ExtractError(
            "no_text",
            "PDF 中没有可读取的文字（文件可能已损坏，或文字被转成了图形）",
            "no readable text in the PDF (damaged, or text drawn as outlines)",
        )
    for pg, pieces in zip(pages, pieces_by_page, strict=True):
        rotated = any(w.code == "rotated_text" and w.page == pg.number for w in warnings)
        if not pg.lines and not pieces and not rotated:
            warnings.append(
                Issue("no_text", f"第{pg.number}页没有可读取的文字（可能是图片）", pg.number)
            )
    tables = _stitch(pages, pieces_by_page)
    note_confidence(tables, pieces_by_page)
    return Document(str(path), pages, tables, warnings, metadata)


def _stitch(pages: list[Page], pieces_by_page: list[list[Piece]]):  # noqa: ANN202
    tables = []
    last_piece: Piece | None = None
    for pg, pieces in zip(pages, pieces_by_page, strict=True):
        for k, piece in enumerate(pieces):
            prev = tables[-1] if tables else None
            if (
                k == 0
                and prev is not None
                and last_piece is not None
                and last_piece.page == pg.number - 1
                and _ends_page(pages[last_piece.page - 1], last_piece)
                and _starts_page(pg, piece)
            ):
                piece = _reread_continuation(last_piece, piece)
                if continues(prev, last_piece, piece):
                    append_piece(prev, last_piece, piece)
                    last_piece = piece
                    continue
            if piece.kind == "three-line" and (
                piece.n_cols < 2 or not piece.header_rows and piece.n_rows < 2
            ):
                continue  # rules round a line of text or a paragraph (a legend, a box), not a table
            if piece.kind == "unruled" and (not piece.header_rows or piece.band.weak):
                continue  # aligned numbers heading a page that continue no table
            if piece.stacked and piece.title is None and tables:
                piece.title = tables[-1].title  # a sibling under the same annex heading
            if k == 0 and piece.title is None and pg.number > 1:
                _orphan_caption(pages[pg.number - 2], pieces_by_page[pg.number - 2], piece)
            tables.append(start_table(f"T{len(tables) + 1}", piece))
            last_piece = piece
    return tables


def _orphan_caption(prev_page: Page, prev_pieces: list[Piece], piece: Piece) -> None:
    """A title (and unit) left at the foot of the page before, its table pushed over."""
    floor = prev_pieces[-1].ys[-1] if prev_pieces else 0.0
    tail = [ln for ln in prev_page.lines if ln.bbox[1] >= floor and not is_footer(ln.text)]
    if not tail:
        return
    bottom = max(ln.bbox[3] for ln in tail)
    cap = caption_above(tail, bottom + 2, floor, prev_page.width, piece.xs[0], piece.xs[-1])
    if cap.title and cap.lines and len(cap.lines) == len(tail):  # nothing but the caption
        piece.title = cap.title
        piece.unit = piece.unit or cap.unit


def _reread_continuation(prev: Piece, piece: Piece) -> Piece:
    """A header-less three-line piece is read again with the columns of the page before."""
    open_kinds = ("three-line", "unruled")
    if prev.kind not in open_kinds or piece.kind not in open_kinds or piece.header_rows:
        return piece
    redo, _ = build_threeline(
        piece.page, piece.band, piece.chars, xs=prev.xs, span_cols=prev.span_cols
    )
    if redo is None:
        return piece
    redo.kind = piece.kind
    redo.title, redo.unit, redo.continued = piece.title, piece.unit, piece.continued
    redo.caption_lines = piece.caption_lines
    redo.band, redo.chars = piece.band, piece.chars
    return redo
