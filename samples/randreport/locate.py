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
        s = "".join(_norm(c["text"]) for c in row)
        start = s.find(want)
        while start >= 0:
            # map string offsets back to chars (NFKC may change lengths: walk char by char)
            pos, picked = 0, []
            for c in row:
                n = len(_norm(c["text"]))
                if pos + n > start and pos < start + len(want):
                    picked.append(c)
                pos += n
            hits.append(picked)
            start = s.find(want, start + 1)
    if len(hits) != 1:
        raise LookupError(f"{pdf.name} p.{page}: {text!r} found {len(hits)} times")
    p = hits[0]
    return [
        round(min(c["x0"] for c in p), 2),
        round(min(c["top"] for c in p), 2),
        round(max(c["x1"] for c in p), 2),
        round(max(c["bottom"] for c in p), 2),
    ]
