"""Find the box of a planted string on a given page of an office-made PDF (the one place the
generator reads a PDF back: locating its own unique printed string, not reading a table)."""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path

import pdfplumber

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def locate(pdf: Path, page: int, text: str) -> list[float]:
    want = _norm(text)
    with pdfplumber.open(str(pdf)) as doc:
        chars = [c for c in doc.pages[page - 1].chars if c["text"].strip()]
    lines: dict[int, list[dict]] = {}
    for c in chars:
        key = round((c["top"] + c["bottom"]) / 2 / 3)
        lines.setdefault(key, []).append(c)
    hits = []
    for key in sorted(lines):
        row = sorted(lines[key], key=lambda c: c["x0"])
        # split the line where a gap separates two printed strings (two cells of a table)
        segs, cur = [], [row[0]]
        for a, b in zip(row, row[1:], strict=False):
            if b["x0"] - a["x1"] > 0.3 * (a["size"] or 1):
                segs.append(cur)
                cur = []
            cur.append(b)
        segs.append(cur)
        for seg in segs:
            s = "".join(_norm(c["text"]) for c in seg)
            start = s.find(want)
            while start >= 0:
                pos, picked = 0, []
                for c in seg:
                    n = len(_norm(c["text"]))
                    if pos + n > start and pos < start + len(want):
                        picked.append(c)
                    pos += n
                hits.append((s == want, picked))
                start = s.find(want, start + 1)
    whole = [h for h in hits if h[0]]
    hits = [h[1] for h in (whole if len(whole) == 1 else hits)]
    if len(hits) != 1:
        raise LookupError(f"{pdf.name} p.{page}: {text!r} found {len(hits)} times")
    p = hits[0]
    return [
        round(min(c["x0"] for c in p), 2),
        round(min(c["top"] for c in p), 2),
        round(max(c["x1"] for c in p), 2),
        round(max(c["bottom"] for c in p), 2),
    ]
