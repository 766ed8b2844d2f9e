"""Findings for the terminal: a readable table per document, in Chinese by default."""

from __future__ import annotations

import unicodedata

from .contract import DocResult

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def _num(x: float | None, like: str = "") -> str:
    """A number in the precision the reported cell was printed with."""
    if x is None:
        return ""
    digits = like.replace("%", "").strip()
    d = len(digits.split(".")[1]) if "." in digits and digits.split(".")[1].isdigit() else 0
    return f"{x:,.{d}f}" if d or abs(x - round(x)) < 1e-9 else f"{x:,.4f}".rstrip("0").rstrip(".")


def check_summary(results: list[DocResult], lang: str = "zh", show_info: bool = False) -> str:
    zh = lang != "en"
    out: list[str] = []
    for res in results:
        if res.document is None:
            err = res.error
            out.append(
                f"✗ {res.path}: [{err.code}] {err.message(lang)}" if err else f"✗ {res.path}"
            )
            continue
        doc = res.document
        counts = {
            s: sum(1 for f in res.findings if f.severity == s) for s in ("error", "warning", "info")
        }
        if zh:
            head = (
                f"{len(doc.pages)} 页，{len(doc.tables)} 张表，核对 {res.checked or 0} 处；"
                f"错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}"
            )
        else:
            head = (
                f"{len(doc.pages)} pages, {len(doc.tables)} tables, {res.checked or 0} relations checked; "
                f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
            )
        mark = "✗" if counts["error"] else ("!" if counts["warning"] else "✓")
        out.append(f"{mark} {res.path}: {head}")
        shown = [f for f in res.findings if show_info or f.severity != "info"]
        if not shown:
            continue
        cols = (
            ("级别", "页", "规则", "印刷值", "应为", "差额", "说明")
            if zh
            else ("severity", "page", "rule", "printed", "expected", "diff", "message")
        )
        rows = []
        for f in shown:
            rep = next(
                (c for c in f.cells if c.role in ("reported", "claim")),
                f.cells[0] if f.cells else None,
            )
            rows.append(
                (
                    _SEV_ZH[f.severity] if zh else f.severity,
                    str(rep.page) if rep else "",
                    f.rule,
                    rep.text if rep else "",
                    _num(f.expected),
                    _num(f.difference),
                    f.message(lang),
                )
            )
        widths = [max(_width(r[i]) for r in [cols, *rows]) for i in range(6)]
        out.append(
            "  " + "  ".join(_pad(c, widths[i]) for i, c in enumerate(cols[:6])) + "  " + cols[6]
        )
        for r in rows:
            out.append(
                "  " + "  ".join(_pad(c, widths[i]) for i, c in enumerate(r[:6])) + "  " + r[6]
            )
    return "\n".join(out)
