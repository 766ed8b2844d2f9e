"""One input path's outcome: its Document and findings, or the error that stopped it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import ExtractError
from .extract.model import Document


@dataclass(slots=True)
class DocumentResult:
    """What ``tally.extract`` and ``tally.check`` return for one path. Never raised: a file
    that cannot be read has ``error`` set and no ``document``."""

    path: str
    document: Document | None = None
    error: ExtractError | None = None
    findings: list[Any] = field(default_factory=list)  # reconcile.Finding
    matches: list[dict[str, Any]] = field(default_factory=list)  # names paired across tables
    checked: int | None = None  # relations checked; None when the document was not checked
    untrusted: int = 0  # relations inferred from words that did not hold on most rows: unused
    table_reports: dict[str, Any] = field(default_factory=dict)  # table id -> TableReport
    identities: dict[str, dict[str, int]] = field(default_factory=dict)  # id -> checked, failed
    reviews: dict[str, Any] = field(default_factory=dict)  # finding id -> review.Review

    def review_state(self, finding: Any) -> str:
        """pending / confirmed / ignored: what a reviewer decided about this finding."""
        r = self.reviews.get(finding.id)
        return r.state if r is not None else "pending"

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def errors(self) -> list[Any]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def open_errors(self) -> list[Any]:
        """Errors a reviewer has not ignored."""
        return [f for f in self.errors if self.review_state(f) != "ignored"]

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        """This document in the JSON report contract (``tally.report/1``)."""
        from .report.contract import document_json

        return document_json(self, lang)
