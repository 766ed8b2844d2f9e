"""Stable finding ids, and findings grouped by their likely culprit.

An id is a digest of what the finding is about, never of its place in the list: the rule, the
table (by title, so a table found in another order keeps its ids), the row and column labels
and the printed text of the reported cell (for a claim in the text, with its operands' texts).
A rerun, or a resubmitted report where that number is still printed so, gives the same id; a
review state stored against it carries over. Two findings with the same description (one row
label printed twice) are told apart by the reported cell's page and position.

A group is one problem: the errors that share a likely culprit cell (``Finding.suspect``), or
a finding on its own."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter

from ..extract.model import Document
from .findings import Finding

_SEV = {"error": 0, "warning": 1, "info": 2}


def _digest(parts: list[str]) -> str:
    text = "\x1f".join(unicodedata.normalize("NFKC", p).strip() for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()


def _reported(f: Finding):  # noqa: ANN202
    return next((c for c in f.cells if c.role in ("reported", "claim")), None)


def _key(f: Finding, titles: dict[str, str]) -> list[str]:
    rep = _reported(f)
    key = [f.rule, titles.get(f.table or "", f.table or "正文"), f.row or "", f.column or ""]
    key.append(rep.text if rep else "")
    if f.table is None:  # a claim of the text: its operands say which one
        key += sorted(c.text for c in f.cells if c.role == "operand")
    return key


def assign_ids(findings: list[Finding], doc: Document) -> None:
    titles = {t.id: (t.title or t.id) for t in doc.tables}
    keys = [_key(f, titles) for f in findings]
    seen = Counter(_digest(k) for k in keys)
    for f, k in zip(findings, keys, strict=True):
        d = _digest(k)
        if seen[d] > 1:
            rep = _reported(f)
            if rep is not None:
                k = [*k, str(rep.page), *(f"{v:.0f}" for v in rep.bbox)]
            d = _digest(k)
        f.id = f"F{d}"


def groups(findings: list[Finding]) -> list[dict]:
    """One entry per likely problem: the findings that share a culprit cell, or one finding;
    the worst first. Each lists its findings' ids, the culprit and the leading message."""
    by_culprit: dict[tuple, list[Finding]] = {}
    for f in findings:
        s = f.suspect
        key = ("cell", s.page, tuple(round(v, 1) for v in s.bbox)) if s else ("own", f.id)
        by_culprit.setdefault(key, []).append(f)
    out = []
    for members in by_culprit.values():
        members.sort(key=lambda f: _SEV[f.severity])
        lead = members[0]
        s = lead.suspect
        out.append(
            {
                "id": "G" + _digest(sorted(f.id for f in members)),
                "severity": lead.severity,
                "culprit": None
                if s is None
                else {"page": s.page, "bbox": [round(v, 2) for v in s.bbox], "text": s.text},
                "findings": [f.id for f in members],
                "rules": sorted({f.rule for f in members}),
            }
        )
    out.sort(key=lambda g: (_SEV[g["severity"]], -len(g["findings"])))
    return out
