"""Document → findings. Knows arithmetic and the genre, nothing of PDFs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.model import Document
from .findings import Finding, FindingCell
from .structure import View, Vocab

__all__ = ["CheckStats", "Finding", "FindingCell", "TableReport", "Vocab", "check_document"]


@dataclass(slots=True)
class CheckStats:
    relations: int = 0  # relations checked
    untrusted: int = 0  # relations inferred but left unchecked: they did not hold on most rows
    matches: list = field(default_factory=list)  # names paired across tables (JSON form)
    claims: int = 0  # numeric claims in the prose checked (counted in relations too)
    tables: dict = field(default_factory=dict)  # table id -> TableReport
    identities: dict = field(default_factory=dict)  # identity id -> {checked, failed}


@dataclass(slots=True)
class TableReport:
    """How far a table was understood, as camelot's parsing_report says how a table was read:
    the relations its words implied, per family, checked (they held on most rows, so failures
    are reported) or untrusted (they did not: the table was not understood there)."""

    families: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: int = 0
    warnings: int = 0

    @property
    def checked(self) -> int:
        return sum(f["checked"] for f in self.families.values())

    @property
    def untrusted(self) -> int:
        return sum(f["untrusted"] for f in self.families.values())

    @property
    def status(self) -> str:
        """checked / partly (some relations not understood) / not_understood / none (the
        table's words imply no relation: nothing was checked in it)."""
        if self.checked and self.untrusted:
            return "partly"
        if self.checked:
            return "checked"
        return "not_understood" if self.untrusted else "none"

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "checked": self.checked,
            "untrusted": self.untrusted,
            "errors": self.errors,
            "warnings": self.warnings,
            "relations": {k: dict(v) for k, v in self.families.items() if any(v.values())},
        }


def check_document(
    doc: Document,
    rules: list[Path] | None = None,
    vocab: Vocab | None = None,
    stats: CheckStats | None = None,
) -> list[Finding]:
    """Every rule family of the registry on the document read once (``Analysis``): the table
    families on each table's view, then the document families; all failures, never only the
    first."""
    from .analysis import Analysis
    from .finding_ids import assign_ids
    from .registry import document_families, table_families

    an = Analysis(doc, vocab or Vocab.load(rules))
    findings: list[Finding] = []
    families = table_families()
    for table in doc.tables:
        if not table.rows or not table.columns:
            continue
        view = an.view(table)
        found: list[Finding] = []
        report = TableReport()
        for family in families:
            before = (view.checked, view.skipped)
            found.extend(family.check(view))
            report.families[family.id] = {
                "checked": view.checked - before[0],
                "untrusted": view.skipped - before[1],
            }
        _unproven_to_review(found, view.checked)
        found = _structural_to_review(found)
        _misread_to_review(found, view)
        _open_end_to_review(found, view)
        findings.extend(found)
        report.errors = sum(f.severity == "error" for f in found)
        report.warnings = sum(f.severity == "warning" for f in found)
        if stats is not None:
            stats.relations += view.checked
            stats.untrusted += view.skipped
            stats.tables[table.id] = report
    for doc_family in document_families():
        found, checked = doc_family.check(an)
        findings.extend(found)
        if stats is not None:
            stats.relations += checked
    if stats is not None:
        stats.identities = an.identities
        stats.claims = an.claims
        stats.matches = [m.to_json() for m in an.matches]
    findings = _dedupe(findings)
    _mark_suspects(findings)
    assign_ids(findings, doc)
    return findings


def _to_review(errors: list[Finding], why_zh: str, why_en: str) -> None:
    """Errors the table's reading cannot vouch for become warnings saying why."""
    for f in errors:
        f.severity = "warning"
        f.message_zh += f"（{why_zh}，请人工复核）"
        f.message_en += f" ({why_en}: please review)"


MIN_HELD = 1  # relations of a table that must hold before its failures are called errors


def _unproven_to_review(found: list[Finding], checked: int) -> None:
    """A table where nothing (or one thing) holds was perhaps not understood: a relation read
    from its words that fails there is a warning for a person to look at, never an error."""
    errors = [f for f in found if f.severity == "error"]
    if not errors or checked - len(errors) >= MIN_HELD:
        return
    _to_review(
        errors,
        "该表其他关系无法印证表格结构",
        "nothing else in this table confirms its structure",
    )


_GLUED = re.compile(r"\d[.,]\d+[.,]\d+[.,]\d|\d\.\d+\.\d|%\s*\d")  # 12.0010.00, 5%3%


def _misread_to_review(found: list[Finding], view: View) -> None:
    """A numeric column holding a cell that is two numbers run together (12.0010.00: two rows
    read as one) shows the table was misread: its failures go to a person, as warnings."""
    bad = next(
        (
            cell.text
            for col in view.columns
            if col.value
            for row in view.rows
            if (cell := row[col.index]).quantity.kind == "text" and _GLUED.search(cell.text)
        ),
        None,
    )
    if bad is None:
        return
    _to_review(
        [f for f in found if f.severity == "error"],
        f"该表有单元格读取异常，如“{bad}”",
        f"a cell of this table was misread, e.g. '{bad}'",
    )


def _open_end_to_review(found: list[Finding], view: View) -> None:
    """A group that runs to the table's last row, in a table with no 合计 row at all, may go
    on over a page that was not joined: its sum is short for want of rows, not wrong. (With a
    合计 row, its own sum says whether rows are missing.)"""
    rows = view.rows
    if not rows or any(view.kind_of_text(c.text) == "total" for row in rows for c in row if c.text):
        return
    last = {(c.page, c.bbox) for c in rows[-1]}
    _to_review(
        [
            f
            for f in found
            if f.severity == "error"
            and f.rule in ("level_weight", "hierarchy", "subtotal")
            and any((c.page, c.bbox) in last for c in f.cells if c.role == "operand")
        ],
        "该组延续到表格末尾，可能有未接上的续页",
        "the group runs to the table's end: rows on a next page may be missing",
    )


ROW_WIDE = 3  # failures in one row, column after column, that mean a misread row


def _structural_to_review(found: list[Finding]) -> list[Finding]:
    """One wrong number breaks one column's sum. A 小计 / 合计 / parent row that fails in three
    or more columns at once points at the rows it was taken to cover (a region misread, a
    block cut wrong), not at its numbers: one warning for a person to review, not N errors."""
    from collections import defaultdict

    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in found:
        if f.severity == "error" and f.rule in ("column_sum", "subtotal", "hierarchy"):
            groups[(f.rule, f.row)].append(f)
    wide = {id(f) for fs in groups.values() if len(fs) >= ROW_WIDE for f in fs}
    if not wide:
        return found
    out = [f for f in found if id(f) not in wide]
    for (rule, row), fs in groups.items():
        if len(fs) < ROW_WIDE:
            continue
        cols = "、".join(f.column or "" for f in fs[:4]) + ("等" if len(fs) > 4 else "")
        out.append(
            Finding(
                rule=rule,
                severity="warning",
                message_zh=f"「{row}」行在 {len(fs)} 列（{cols}）都与所属各行之和不符："
                "更可能是表格的行归属没有读对，而不是这些数字都错了，请人工复核",
                message_en=f"row '{row}' disagrees with its rows in {len(fs)} columns: more "
                "likely the rows it covers were misread than every number wrong; please review",
                reported=None,
                expected=None,
                cells=[c for f in fs for c in f.cells if c.role == "reported"],
                table=fs[0].table,
                row=row,
                column=None,
            )
        )
    return out


def _mark_suspects(findings: list[Finding]) -> None:
    """One wrong number breaks every relation it is in (its row sum, its column sum, its
    subtotal). A cell that two or more errors have in common is the likely culprit."""
    from collections import Counter

    key = lambda c: (c.page, tuple(round(v, 1) for v in c.bbox))  # noqa: E731
    errors = [f for f in findings if f.severity == "error"]
    counts = Counter(k for f in errors for k in {key(c) for c in f.cells})
    for f in errors:
        best = max(f.cells, key=lambda c: counts[key(c)], default=None)
        if best is not None and counts[key(best)] >= 2:
            f.suspect = best


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One relation can be reached by two routes (a 合计 row that is also a level parent):
    keep the first report of the same printed cell with the same expectation."""
    out: list[Finding] = []
    seen: set[tuple] = set()
    for f in findings:
        rep = next((c for c in f.cells if c.role in ("reported", "claim")), None)
        key = (f.severity, rep.page if rep else None, rep.bbox if rep else None, f.expected)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    order = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: order[f.severity])
    return out
