"""Findings for the terminal: a readable table per document, in Chinese by default."""

from __future__ import annotations

import unicodedata

from ..reconcile.finding_ids import groups
from ..reconcile.printed import as_printed
from ..reconcile.registry import rule_name
from ..result import DocumentResult
from .text_out import failure_line

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def _head(res: DocumentResult, zh: bool) -> str:
    doc = res.document
    n = {s: sum(1 for f in res.findings if f.severity == s) for s in ("error", "warning", "info")}
    mark = "✗" if n["error"] else ("!" if n["warning"] else "✓")
    if zh:
        text = (
            f"{len(doc.pages)} 页，{len(doc.tables)} 张表，核对 {res.checked or 0} 处；"
            f"错误 {n['error']}，警告 {n['warning']}，提示 {n['info']}"
        )
    else:
        text = (
            f"{len(doc.pages)} pages, {len(doc.tables)} tables, {res.checked or 0} relations checked; "
            f"{n['error']} errors, {n['warning']} warnings, {n['info']} info"
        )
    idle = [
        tid for tid, rep in res.table_reports.items() if rep.status in ("none", "not_understood")
    ]
    if idle:
        text += (
            f"；{len(idle)} 张表未能核对（{'、'.join(idle[:6])}{'等' if len(idle) > 6 else ''}）"
            if zh
            else f"; {len(idle)} tables not checked ({', '.join(idle[:6])})"
        )
    if res.untrusted:
        text += (
            f"；另有 {res.untrusted} 处关系在多数行上不成立，视为未读懂该表，未核对"
            if zh
            else f"; {res.untrusted} more relations did not hold on most rows: not understood, "
            "not checked"
        )
    return f"{mark} {res.path}: {text}"


def check_summary(results: list[DocumentResult], lang: str = "zh", show_info: bool = False) -> str:
    zh = lang != "en"
    out: list[str] = []
    for res in results:
        if res.document is None:
            out.append(failure_line(res, lang))
            continue
        out.append(_head(res, zh))
        out.extend(f"  ! {w.message}" for w in res.document.warnings)
        shown = [f for f in res.findings if show_info or f.severity != "info"]
        if not shown:
            continue
        # one problem per number: the findings sharing a likely culprit listed together
        problem = {i: k for k, g in enumerate(groups(shown), 1) for i in g["findings"]}
        shown.sort(key=lambda f: problem[f.id])
        cols = (
            ("问题", "编号", "级别", "页", "规则", "印刷值", "应为", "差额", "疑点", "说明")
            if zh
            else (
                "problem", "id", "severity", "page", "rule", "printed", "expected", "diff",
                "suspect", "message",
            )
        )  # fmt: skip
        rows = [cols]
        for f in shown:
            rep = next((c for c in f.cells if c.role in ("reported", "claim")), None)
            like = rep.text if rep else ""
            suspect = ""
            if f.suspect is not None:
                p = f.suspect.page
                suspect = f"{f.suspect.text}（第{p}页）" if zh else f"{f.suspect.text} (p.{p})"
            sev = _SEV_ZH[f.severity] if zh else f.severity
            r = res.reviews.get(f.id)
            if r is not None and r.state != "pending":
                sev += f"·{r.label(lang)}"  # 错误·已忽略
            rows.append(
                (
                    str(problem[f.id]),
                    f.id,
                    sev,
                    str(rep.page if rep else (f.cells[0].page if f.cells else "")),
                    rule_name(f.rule, lang),
                    like,
                    as_printed(f.expected, like),
                    as_printed(f.difference, like),
                    suspect,
                    f.message(lang),
                )
            )
        n = len(cols) - 1
        widths = [max(_width(r[i]) for r in rows) for i in range(n)]
        for r in rows:
            out.append(
                "  " + "  ".join(_pad(c, widths[i]) for i, c in enumerate(r[:n])) + "  " + r[n]
            )
    return "\n".join(out)
