"""The JSON report (schema ``tally.report/1``): a stable contract other tools read.

Fields named in docs/design are never renamed or removed; new ones may be added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import ExtractError
from ..extract.model import Document, Table

SCHEMA = "tally.report/1"


@dataclass(slots=True)
class DocResult:
    """One input path: its Document, or the error that stopped it."""

    path: str
    document: Document | None = None
    error: ExtractError | None = None
    findings: list[Any] = field(default_factory=list)  # reconcile.Finding
    matches: list[dict[str, Any]] = field(default_factory=list)
    checked: int | None = None  # relations checked, when the document was checked

    @property
    def ok(self) -> bool:
        return self.error is None


def table_json(t: Table) -> dict[str, Any]:
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
    }


def document_json(res: DocResult, lang: str = "zh") -> dict[str, Any]:
    doc = res.document
    return {
        "path": res.path,
        "status": "ok" if res.ok else "failed",
        "error": None if res.ok else {"code": res.error.code, "message": res.error.message(lang)},
        "pages": len(doc.pages) if doc else 0,
        "tables": [table_json(t) for t in doc.tables] if doc else [],
        "matches": res.matches,
        "findings": [f.to_json(lang) for f in res.findings],
        "checked_relations": res.checked,
        "warnings": [{"code": w.code, "message": w.message, "page": w.page} for w in doc.warnings]
        if doc
        else [],
    }


def report_json(results: list[DocResult], lang: str = "zh") -> dict[str, Any]:
    return {"schema": SCHEMA, "documents": [document_json(r, lang) for r in results]}
