"""Findings as an Excel workbook.

Sheet 问题清单 (findings): one row per finding, autofilter, frozen header, and a link to the
reported cell in its table's sheet. Sheet 文件 (documents): each input, its status and counts.
Then one sheet per extracted table (header paths as header rows, then the body), the cells a
finding involves filled — red for the reported value or claim, light blue for its operands —
and a comment carrying the message. A finding's cell is found in its table by page and box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..result import DocumentResult
from .finding_rows import COLUMNS, SEV_LABEL, counts, decimals_of, header, records

RED = "FF8080"
LIGHT = "DDEBF7"
HEAD = "D9D9D9"
SEV_FILL = {"error": "FFC7CE", "warning": "FFEB9C", "info": "E2EFDA"}
_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _same_box(a, b, tol: float = 0.6) -> bool:  # noqa: ANN001
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def _sheet_name(used: set[str], base: str) -> str:
    name = base.translate(_BAD)[:31]
    n = 2
    while name.lower() in used:
        suffix = f"~{n}"
        name = base.translate(_BAD)[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


def _num_format(printed: str) -> str:
    d = decimals_of(printed)
    fmt = "#,##0" + ("." + "0" * d if d else "")
    return fmt + '"%"' if printed.strip().endswith("%") else fmt


def write_findings_xlsx(
    results: list[DocumentResult], out: Path, lang: str = "zh", show_info: bool = False
) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname

    en = lang == "en"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor=HEAD)
    wrap = Alignment(wrap_text=True, vertical="top")

    wb = Workbook()
    ws = wb.active
    ws.title = "findings" if en else "问题清单"
    cols = header(lang)
    ws.append(cols)
    docs = wb.create_sheet("documents" if en else "文件")
    docs.append(
        [
            "document",
            "status",
            "pages",
            "tables",
            "relations checked",
            "errors",
            "warnings",
            "info",
            "message",
        ]
        if en
        else ["文件", "状态", "页数", "表格数", "核对关系数", "错误", "警告", "提示", "说明"]
    )
    used = {ws.title.lower(), docs.title.lower()}

    for doc_no, res in enumerate(results, 1):
        doc = res.document
        if doc is None:
            err = res.error
            docs.append(
                [res.path, SEV_LABEL["en" if en else "zh"]["failed"], 0, 0, None, None, None, None]
                + [f"[{err.code}] {err.message(lang)}" if err else ""]
            )
            docs.cell(row=docs.max_row, column=2).fill = PatternFill("solid", fgColor=RED)
            continue
        n = counts(res)
        docs.append(
            [res.path, "ok", len(doc.pages), len(doc.tables), res.checked]
            + [n["error"], n["warning"], n["info"], ""]
        )

        # table sheets; index every body cell by page for matching finding cells
        where: dict[int, list[tuple[Any, str, int, int]]] = {}
        sheets = {}
        multi = len(results) > 1
        for t in doc.tables:
            base = f"{doc_no}_{t.id}" if multi else f"{t.id} {t.title or ''}".strip()
            tws = wb.create_sheet(_sheet_name(used, base))
            sheets[t.id] = tws
            depth = max((len(p) for p in t.columns), default=1)
            for level in range(depth):
                tws.append([p[level] if level < len(p) else "" for p in t.columns])
                for c in tws[tws.max_row]:
                    c.font, c.fill, c.alignment = bold, head_fill, wrap
            for r, row in enumerate(t.header[:depth]):  # the first page's header grid
                if len(row) == t.n_cols:
                    for ci, cell in enumerate(row):
                        where.setdefault(cell.page, []).append((cell.bbox, t.id, r + 1, ci + 1))
            for r, row in enumerate(t.rows):
                tws.append([c.text for c in row])
                for ci, cell in enumerate(row):
                    where.setdefault(cell.page, []).append((cell.bbox, t.id, depth + r + 1, ci + 1))
            tws.freeze_panes = tws.cell(row=depth + 1, column=1)
            for ci in range(1, t.n_cols + 1):
                tws.column_dimensions[get_column_letter(ci)].width = 12

        def locate(fc, table_id, where=where):  # noqa: ANN001, ANN202
            hits = [h for h in where.get(fc.page, []) if _same_box(h[0], fc.bbox)]
            own = [h for h in hits if h[1] == table_id]
            return own or hits

        # marks per sheet cell: strongest role wins; messages collected for the comment
        marks: dict[tuple[str, int, int], dict] = {}
        for rec in records(res, lang, show_info):
            f = rec.finding
            row_no = ws.max_row + 1
            ws.append(rec.values(lang))
            link = None
            for fc in f.cells:
                for _, tid, r, c in locate(fc, f.table):
                    m = marks.setdefault((tid, r, c), {"reported": False, "notes": []})
                    if fc.role in ("reported", "claim"):
                        m["reported"] = True
                        m["notes"].insert(0, f"[{rec.rule}] {rec.message}")
                        link = link or (tid, r, c)
                    else:
                        note = (
                            f"operand of finding {row_no - 1} ({rec.rule})"
                            if en
                            else f"参与核对：问题清单第 {row_no - 1} 条（{rec.rule}）"
                        )
                        m["notes"].append(note)
            # numbers as numbers, in the printed precision
            for key, value in (
                ("expected", rec.expected_value),
                ("difference", rec.difference_value),
            ):
                if value is not None:
                    c = ws.cell(row=row_no, column=_idx(key) + 1)
                    c.value = value
                    c.number_format = _num_format(rec.printed)
            sev = ws.cell(row=row_no, column=_idx("severity") + 1)
            sev.fill = PatternFill("solid", fgColor=SEV_FILL[rec.severity])
            if link:
                tid, r, c = link
                target = ws.cell(row=row_no, column=_idx("column") + 1)
                target.hyperlink = (
                    f"#{quote_sheetname(sheets[tid].title)}!{get_column_letter(c)}{r}"
                )
                target.font = Font(color="0563C1", underline="single")
        for (tid, r, c), m in marks.items():
            cell = sheets[tid].cell(row=r, column=c)
            cell.fill = PatternFill("solid", fgColor=RED if m["reported"] else LIGHT)
            if m["reported"]:
                cell.font = Font(bold=True, color="9C0006")
            notes = list(dict.fromkeys(m["notes"]))
            text = "\n\n".join(notes)[:30000]
            cm = Comment(text, "tally")
            cm.width, cm.height = 420, min(400, 60 + 18 * (len(text) // 30 + len(notes)))
            cell.comment = cm

    for key, width in (
        ("document", 28), ("page", 6), ("table", 30), ("row", 18), ("column", 26),
        ("printed", 12), ("expected", 12), ("difference", 10), ("severity", 8),
        ("rule", 14), ("message", 80), ("suspect", 18),
    ):  # fmt: skip
        ws.column_dimensions[get_column_letter(_idx(key) + 1)].width = width
    for row in ws.iter_rows(min_row=2, min_col=_idx("message") + 1, max_col=_idx("message") + 1):
        for c in row:
            c.alignment = wrap
    for sheet in (ws, docs):
        for c in sheet[1]:
            c.font, c.fill = bold, head_fill
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{max(sheet.max_row, 1)}"
    docs.column_dimensions["A"].width = 40
    docs.column_dimensions["I"].width = 60
    wb.save(out)


def _idx(key: str) -> int:
    return list(COLUMNS).index(key)
