"""A terminal summary of what was read."""

from __future__ import annotations

from ..result import DocumentResult


def failure_line(res: DocumentResult, lang: str) -> str:
    """A document that could not be read: its path, error code and message."""
    err = res.error
    return f"✗ {res.path}: [{err.code}] {err.message(lang)}" if err else f"✗ {res.path}"


def extract_summary(results: list[DocumentResult], lang: str = "zh") -> str:
    zh = lang != "en"
    lines: list[str] = []
    for res in results:
        if res.document is None:
            lines.append(failure_line(res, lang))
            continue
        doc = res.document
        if zh:
            head = f"{len(doc.pages)} 页，{len(doc.tables)} 张表"
        else:
            head = f"{len(doc.pages)} pages, {len(doc.tables)} tables"
        lines.append(f"✓ {res.path}: {head}")
        for t in doc.tables:
            pages = ",".join(map(str, t.pages))
            size = f"{len(t.rows)}×{t.n_cols}"
            where = f"第{pages}页" if zh else f"p.{pages}"
            if zh:
                title = (t.title or "（无标题）") + (f"（单位：{t.unit}）" if t.unit else "")
            else:
                title = (t.title or "(untitled)") + (f" ({t.unit})" if t.unit else "")
            lines.append(f"  {t.id:>4} {where:<10} {size:>7}  {title}")
        for w in doc.warnings:
            lines.append(f"  ! {w.message}")
    return "\n".join(lines)
