"""The JSON report (schema ``tally.report/1``): a stable contract other tools read.

Fields named in docs/design are never renamed or removed; new ones may be added.
"""

from __future__ import annotations

from typing import Any

from ..extract.model import Table
from ..reconcile.finding_ids import groups
from ..result import DocumentResult

SCHEMA = "tally.report/1"


def table_json(t: Table, report: Any = None) -> dict[str, Any]:
    """One table; ``report`` (a reconcile.TableReport) says how far it was understood."""
    return {
        "id": t.id,
        "title": t.title,
        "pages": list(t.pages),
        "unit": t.unit,
        "columns": [list(p) for p in t.columns],
        "rows": t.row_texts(),
        "kind": t.kind,
        "bboxes": {str(p): [round(v, 2) for v in b] for p, b in t.bboxes.items()},
        "notes": list(t.notes),
        "check": report.to_json() if report is not None else None,
    }


def document_json(res: DocumentResult, lang: str = "zh") -> dict[str, Any]:
    doc = res.document
    return {
        "path": res.path,
        "status": "ok" if res.ok else "failed",
        "error": None if res.ok else {"code": res.error.code, "message": res.error.message(lang)},
        "pages": len(doc.pages) if doc else 0,
        "tables": [table_json(t, res.table_reports.get(t.id)) for t in doc.tables] if doc else [],
        "matches": res.matches,
        "findings": [_finding_json(res, f, lang) for f in res.findings],
        # one entry per likely problem: findings sharing a culprit cell, worst first
        "groups": groups(res.findings),
        "checked_relations": res.checked,
        # relations the table's words implied but that failed on most rows: the table was not
        # understood there, so nothing was said about them
        "unchecked_relations": res.untrusted if res.checked is not None else None,
        # the genre's identities (rule file) whose terms the document prints: checked, failed
        "identities": res.identities,
        "warnings": [{"code": w.code, "message": w.message, "page": w.page} for w in doc.warnings]
        if doc
        else [],
    }


def _finding_json(res: DocumentResult, f: Any, lang: str) -> dict[str, Any]:
    out = f.to_json(lang)
    r = res.reviews.get(f.id)
    out["review"] = {"state": "pending"} if r is None else {
        "state": r.state, "note": r.note, "by": r.by, "at": r.at
    }  # fmt: skip
    return out


def report_json(results: list[DocumentResult], lang: str = "zh") -> dict[str, Any]:
    return {"schema": SCHEMA, "documents": [document_json(r, lang) for r in results]}
