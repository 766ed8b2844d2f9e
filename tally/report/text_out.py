"""A terminal summary of what was read."""

from __future__ import annotations

from .contract import DocResult


def extract_summary(results: list[DocResult], lang: str = "zh") -> str:
    zh = lang != "en"
    lines: list[str] = []
    for res in results:
        if res.document is None:
            err = res.error
            lines.append(
                f"✗ {res.path}: [{err.code}] {err.message(lang)}" if err else f"✗ {res.path}"
            )
            continue
        doc = res.document
        head = (
            f"{len(doc.pages)} 页，{len(doc.tables)} 张表"
            if zh
            else f"{len(doc.pages)} pages, {len(doc.tables)} tables"
        )
        lines.append(f"✓ {res.path}: {head}")
        for t in doc.tables:
            pages = ",".join(map(str, t.pages))
            size = f"{len(t.rows)}×{t.n_cols}"
            where = f"第{pages}页" if zh else f"p.{pages}"
            unit = f"（单位：{t.unit}）" if t.unit and zh else (f" ({t.unit})" if t.unit else "")
            lines.append(
                f"  {t.id:>4} {where:<10} {size:>7}  {t.title or '（无标题）' if zh else t.title or '(untitled)'}{unit}"
            )
        for w in doc.warnings:
            lines.append(f"  ! {w.message}")
    return "\n".join(lines)
