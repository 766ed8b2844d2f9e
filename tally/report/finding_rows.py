"""One flat record per finding, shared by the CSV, XLSX and HTML reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..reconcile.printed import as_printed, printed_scale
from ..reconcile.registry import rule_name
from ..result import DocumentResult

SEVERITIES = ("error", "warning", "info")
SEV_LABEL = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "failed": "失败"},
    "en": {"error": "error", "warning": "warning", "info": "info", "failed": "failed"},
}
# column key -> (zh, en)
COLUMNS = {
    "document": ("文件", "document"),
    "page": ("页", "page"),
    "table": ("表", "table"),
    "row": ("行", "row"),
    "column": ("列", "column"),
    "printed": ("印刷值", "printed"),
    "expected": ("应为", "expected"),
    "difference": ("差额", "difference"),
    "severity": ("级别", "severity"),
    "rule": ("规则", "rule"),
    "message": ("说明", "message"),
    "suspect": ("疑点", "suspect"),
    "id": ("编号", "id"),
    "review": ("复核", "review"),
}


def header(lang: str) -> list[str]:
    i = 1 if lang == "en" else 0
    return [v[i] for v in COLUMNS.values()]


def decimals_of(printed: str) -> int:
    frac = printed.replace("%", "").replace(",", "").strip().partition(".")[2]
    digits = ""
    for ch in frac:
        if not ch.isdigit():
            break
        digits += ch
    return len(digits)


def reported_cell(f):  # noqa: ANN001, ANN201 - a reconcile Finding -> FindingCell | None
    return next((c for c in f.cells if c.role in ("reported", "claim")), None)


@dataclass(slots=True)
class Record:
    document: str
    page: int | None
    table: str  # "T1 附件1 …" or ""
    row: str
    column: str
    printed: str  # as printed
    expected: str  # formatted like the printed value
    difference: str
    severity: str  # error | warning | info
    rule: str
    message: str
    suspect: str
    finding: Any  # the Finding itself
    id: str
    review: str  # the reviewer's state and note, as shown
    expected_value: float | None
    difference_value: float | None

    def values(self, lang: str) -> list[Any]:
        return [
            self.document,
            self.page,
            self.table,
            self.row,
            self.column,
            self.printed,
            self.expected,
            self.difference,
            SEV_LABEL["en" if lang == "en" else "zh"][self.severity],
            rule_name(self.rule, lang),
            self.message,
            self.suspect,
            self.id,
            self.review,
        ]


def shown(res: DocumentResult, show_info: bool) -> list[Any]:
    return [f for f in res.findings if show_info or f.severity != "info"]


def table_label(res: DocumentResult, table_id: str | None) -> str:
    if not table_id:
        return ""
    doc = res.document
    t = next((t for t in doc.tables if t.id == table_id), None) if doc else None
    return f"{table_id} {t.title}" if t is not None and t.title else table_id


def records(res: DocumentResult, lang: str = "zh", show_info: bool = False) -> list[Record]:
    out = []
    for f in shown(res, show_info):
        rep = reported_cell(f)
        like = rep.text if rep else ""
        page = rep.page if rep else (f.cells[0].page if f.cells else None)
        suspect = ""
        if f.suspect is not None:
            p = f.suspect.page
            suspect = (
                f"{f.suspect.text}（第{p}页）" if lang != "en" else f"{f.suspect.text} (p.{p})"
            )
        diff = f.difference
        out.append(
            Record(
                document=res.path,
                page=page,
                table=table_label(res, f.table),
                row=f.row or "",
                column=f.column or "",
                printed=like if rep else ("" if f.reported is None else as_printed(f.reported)),
                expected=as_printed(f.expected, like),
                difference=as_printed(diff, like),
                severity=f.severity,
                rule=f.rule,
                message=f.message(lang),
                suspect=suspect,
                finding=f,
                id=f.id,
                review=_review_text(res, f, lang),
                # in the printed unit (a prose figure in 元 beside 213.16万元: in 万元)
                expected_value=None if f.expected is None else f.expected / printed_scale(like),
                difference_value=None if diff is None else round(diff / printed_scale(like), 10),
            )
        )
    return out


def counts(res: DocumentResult) -> dict[str, int]:
    return {s: sum(1 for f in res.findings if f.severity == s) for s in SEVERITIES}


def _review_text(res: DocumentResult, f: Any, lang: str) -> str:
    r = res.reviews.get(f.id)
    if r is None:
        return ""
    who = f"（{r.by}）" if r.by and lang != "en" else (f" ({r.by})" if r.by else "")
    return f"{r.label(lang)}{who}" + (f"：{r.note}" if r.note else "")
