"""Extracted tables as CSV (one row per cell, with provenance) and as an XLSX workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..result import DocumentResult

CSV_FIELDS = [
    "document",
    "table",
    "title",
    "unit",
    "page",
    "row",
    "column",
    "header",
    "text",
    "value",
    "x0",
    "top",
    "x1",
    "bottom",
]


def tables_csv(results: list[DocumentResult]) -> str:
    """UTF-8 text; written with a BOM so that Excel opens the Chinese correctly."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_FIELDS)
    for res in results:
        if res.document is None:
            continue
        for t in res.document.tables:
            for r, row in enumerate(t.rows):
                for c, cell in enumerate(row):
                    q = cell.quantity
                    w.writerow(
                        [
                            res.path,
                            t.id,
                            t.title or "",
                            t.unit or "",
                            cell.page,
                            r + 1,
                            c + 1,
                            " / ".join(t.columns[c]),
                            cell.text,
                            "" if q.scaled is None else repr(q.scaled),
                            *(round(v, 2) for v in cell.bbox),
                        ]
                    )
    return buf.getvalue()


def write_tables_xlsx(results: list[DocumentResult], out: Path) -> None:
    """An index sheet, then one sheet per table: the header paths as rows, then the body."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    index = wb.active
    index.title = "目录"
    index.append(["文件", "状态", "表", "标题", "页码", "单位", "行数", "列数", "工作表"])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in index[1]:
        cell.font = bold
    n = 0
    for res in results:
        if res.document is None:
            index.append([res.path, f"失败：{res.error.message()}" if res.error else "失败"])
            continue
        for t in res.document.tables:
            n += 1
            name = f"{n}_{t.id}"[:31]
            index.append(
                [
                    res.path,
                    "ok",
                    t.id,
                    t.title or "",
                    ",".join(map(str, t.pages)),
                    t.unit or "",
                    len(t.rows),
                    t.n_cols,
                    name,
                ]
            )
            ws = wb.create_sheet(name)
            depth = max((len(p) for p in t.columns), default=1)
            for level in range(depth):
                ws.append([p[level] if level < len(p) else "" for p in t.columns])
                for cell in ws[ws.max_row]:
                    cell.font, cell.fill = bold, fill
                    cell.alignment = Alignment(wrap_text=True, vertical="center")
            for row in t.row_texts():
                ws.append(row)
            ws.freeze_panes = ws.cell(row=depth + 1, column=1)
    index.freeze_panes = "A2"
    index.auto_filter.ref = index.dimensions
    wb.save(out)
