"""The body text as paragraphs: lines joined (page footers dropped, headings kept apart),
each character keeping its page and box, and the numbers of each paragraph read once."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...extract.model import BBox, Document, Quantity, TextLine
from ...extract.numbers import find_quantities
from ..findings import FindingCell
from ..interval import Iv, of

_SENT_END = "。！？!?"
_FOOTER_RE = re.compile(r"^[\s\-—–－·]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－·]*$")
_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[．.、](?!\d)"
    r"|第[一二三四五六七八九十]+部分)"
)


# ---------------------------------------------------------------------------------------------
# Paragraphs


@dataclass(slots=True)
class Tok:
    """One number of a paragraph."""

    start: int
    end: int
    q: Quantity
    page: int
    bbox: BBox

    @property
    def text(self) -> str:
        return self.q.text

    @property
    def iv(self) -> Iv | None:
        return of(self.q)

    @property
    def money(self) -> bool:
        q = self.q
        return (
            q.is_number
            and q.unit == "元"
            and not q.percent
            and q.per is None
            and self.iv is not None
        )

    @property
    def pct(self) -> bool:
        return self.q.is_number and self.q.percent and self.iv is not None

    @property
    def points(self) -> bool:  # 分
        return self.q.is_number and self.q.unit == "分" and self.iv is not None

    def cell(self, role: str) -> FindingCell:
        return FindingCell(self.page, self.bbox, self.text, role)  # type: ignore[arg-type]


@dataclass(slots=True)
class Para:
    text: str
    where: list[tuple[int, BBox]]  # per character: page and box
    toks: list[Tok] = field(default_factory=list)

    def span_box(self, s: int, e: int) -> tuple[int, BBox]:
        """Page and union box of text[s:e]; a span over a page break keeps its first page."""
        idx = [k for k in range(s, e) if not self.text[k].isspace()] or list(range(s, e))
        page = self.where[idx[0]][0]
        boxes = [self.where[k][1] for k in idx if self.where[k][0] == page]
        return page, (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def sentence(self, pos: int) -> tuple[int, int]:
        s = max(self.text.rfind(c, 0, pos) for c in _SENT_END) + 1
        ends = [k for c in _SENT_END if (k := self.text.find(c, pos)) >= 0]
        return s, (min(ends) + 1 if ends else len(self.text))

    def fragment(self, s: int, e: int, pad: int = 24) -> str:
        a, b = self.sentence(s)
        a = max(a, s - pad)
        b = min(b, e + pad)
        return self.text[a:b].strip()


def _char_boxes(line: TextLine) -> list[BBox]:
    if len(line.char_boxes) == len(line.text):
        return list(line.char_boxes)
    return [line.bbox] * len(line.text)


def _is_footer(line: TextLine, height: float) -> bool:
    t = unicodedata.normalize("NFKC", line.text).strip()
    if not _FOOTER_RE.match(t):
        return False
    return line.bbox[1] > 0.85 * height or line.bbox[3] < 0.1 * height


def paragraphs(doc: Document) -> list[Para]:
    """The document's text lines joined into paragraphs (page footers dropped).

    A line continues the paragraph above unless the line above is short (ends before the
    right margin) or this line is indented; a line above ending with ：，、； is continued
    (lists of 其中 parts run over several short lines) unless this line opens a heading.
    """
    out: list[Para] = []
    cur: Para | None = None
    prev: TextLine | None = None
    prev_margins: tuple[float, float, float] | None = None
    for page in doc.pages:
        lines = [ln for ln in page.lines if ln.text.strip() and not _is_footer(ln, page.height)]
        if not lines:
            continue
        margins = _margins(lines)
        for ln in lines:
            if cur is None or prev is None or prev_margins is None:
                brk = True
            else:
                brk = _breaks(prev, prev_margins, ln, margins)
            if brk:
                if cur is not None:
                    out.append(cur)
                cur = Para("", [])
            assert cur is not None
            cur.text += ln.text
            cur.where.extend((page.number, b) for b in _char_boxes(ln))
            prev, prev_margins = ln, margins
    if cur is not None:
        out.append(cur)
    for p in out:
        for s, e, q in find_quantities(p.text):
            if q.kind != "number" or q.value is None:
                continue
            if s > 0 and p.text[s - 1] in ",.":  # '一般公共预算,940.96': digits were lost
                continue
            page, box = p.span_box(s, e)
            p.toks.append(Tok(s, e, q, page, box))
    return out


def _margins(lines: list[TextLine]) -> tuple[float, float, float]:
    """(left, right, char size) of a page's body text."""
    sizes = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
    ch = sizes[len(sizes) // 2] or 10.0
    x0s = sorted(round(ln.bbox[0]) for ln in lines)
    counts: dict[int, int] = {}
    for x in x0s:
        counts[x] = counts.get(x, 0) + 1
    left = min(x for x, n in counts.items() if n >= max(1, max(counts.values()) // 3))
    x1s = sorted(ln.bbox[2] for ln in lines)
    right = x1s[int(0.8 * (len(x1s) - 1))]
    return left, right, ch


def _breaks(a: TextLine, am: tuple[float, float, float], b: TextLine, bm) -> bool:  # noqa: ANN001
    at = a.text.rstrip()
    last = at[-1] if at else ""
    heading = bool(_HEADING_RE.match(unicodedata.normalize("NFKC", b.text)))
    if last in "：:，,、":
        return False
    if last in "；;":
        return heading
    left_b, _, ch_b = bm
    left_a, right_a, ch_a = am
    if b.bbox[0] > left_b + 0.8 * ch_b or heading:  # indented: a new paragraph
        return True
    # a line may stop short of the margin when the next word (a long number) did not fit
    short = a.bbox[2] < right_a - 1.5 * ch_a
    very_short = a.bbox[2] < right_a - 0.25 * (right_a - left_a)
    return (short and last in _SENT_END) or very_short
