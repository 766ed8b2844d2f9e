"""The department ledger: which department's report has what problems.

One row per input file: department and year (read from the title or letterhead on the first
pages, else the folder and the file name), pages, tables, errors, warnings, status, the reason
a document failed, and a link to its report. Written as XLSX (frozen header, autofilter), CSV
(UTF-8 with BOM, for Excel) and index.html.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from pathlib import Path

# a department's name ends in one of these; longer first, so 中共X省委员会办公厅 stays whole
_SUFFIX = "委员会办公厅|办公厅|委员会|厅|局|院"
_TITLE = re.compile(rf"[\u4e00-\u9fff()]{{2,30}}?(?:{_SUFFIX})")
_LABEL = re.compile(r"(?:部\s*门|单位名称|部门名称)\s*:\s*(\S{2,40}?)(?=\s|单位|$)")
_LEAD = re.compile(r"^(?:\d{4}\s*年度?|年度|年|关于|附件\d*:?)+")
_YEAR = re.compile(r"(20\d\d)\s*年")
_TITLE_LINES = 12  # lines of each first page that make up the title block


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _title_department(line: str) -> str | None:
    s = _LEAD.sub("", re.sub(r"\s+", "", line))
    m = _TITLE.match(s)
    if m and len(m.group(0)) >= 4:
        return m.group(0)
    return None


def guess_department_year(
    lines: list[str], path: str
) -> tuple[str | None, str | None, int | None, str | None]:
    """(department, 'text' | 'folder', year, 'text' | 'filename') from the first pages' lines
    (in reading order), falling back to the file's folder and name."""
    head = [_norm(t) for t in lines[: 2 * _TITLE_LINES] if t and t.strip()]
    dept = None
    for i, line in enumerate(head):
        m = _LABEL.search(line)
        if m and _TITLE.fullmatch(re.sub(r"\s+", "", m.group(1))):
            dept = m.group(1)
            break
        dept = _title_department(line)
        if dept is None and i + 1 < len(head):  # a title broken over two lines
            dept = _title_department(line + head[i + 1])
        if dept:
            break
    year = None
    m = _YEAR.search("".join(re.sub(r"\s+", "", t) for t in head))
    if m:
        year = int(m.group(1))
    p = Path(path)
    dept_src = "text" if dept else None
    if dept is None and p.parent.name:
        dept, dept_src = p.parent.name, "folder"
    year_src = "text" if year else None
    if year is None:
        m = re.search(r"(?<!\d)(20\d\d)(?!\d)", p.stem)
        if m:
            year, year_src = int(m.group(1)), "filename"
    return dept, dept_src, year, year_src


COLUMNS = [
    ("department", "部门", "department"),
    ("year", "年度", "year"),
    ("folder", "文件夹", "folder"),
    ("path", "文件", "file"),
    ("pages", "页数", "pages"),
    ("tables", "表格数", "tables"),
    ("errors", "错误", "errors"),
    ("warnings", "警告", "warnings"),
    ("status", "状态", "status"),
    ("reason", "失败原因", "reason"),
    ("report", "报告", "report"),
    ("sha256", "SHA-256", "SHA-256"),
]


def _status_text(row: dict, lang: str) -> str:
    zh = lang != "en"
    if row["status"] != "ok":
        return "失败" if zh else "failed"
    if row["errors"]:
        return "有错误" if zh else "errors"
    if row["warnings"]:
        return "有警告" if zh else "warnings"
    return "通过" if zh else "consistent"


def _cells(row: dict, lang: str) -> list:
    out = []
    for key, _, _ in COLUMNS:
        v = row.get(key)
        if key == "status":
            v = _status_text(row, lang)
        out.append("" if v is None else v)
    return out


def _headers(lang: str) -> list[str]:
    return [en if lang == "en" else zh for _, zh, en in COLUMNS]


def sort_rows(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r.get("department") or "", r.get("year") or 0, r["path"]))


def ledger_csv(rows: list[dict], lang: str = "zh") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(_headers(lang))
    for row in rows:
        w.writerow(_cells(row, lang))
    return buf.getvalue()


def write_ledger_xlsx(rows: list[dict], out: Path, lang: str = "zh") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "部门台账" if lang != "en" else "ledger"
    ws.append(_headers(lang))
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE4EE")
    fills = {
        "failed": PatternFill("solid", fgColor="F4CCCC"),
        "errors": PatternFill("solid", fgColor="FCE5CD"),
    }
    link_col = [k for k, _, _ in COLUMNS].index("report") + 1
    status_col = [k for k, _, _ in COLUMNS].index("status") + 1
    for row in rows:
        ws.append(_cells(row, lang))
        r = ws.max_row
        if row.get("report"):
            cell = ws.cell(r, link_col)
            cell.hyperlink = row["report"]
            cell.style = "Hyperlink"
        kind = "failed" if row["status"] != "ok" else ("errors" if row["errors"] else None)
        if kind:
            ws.cell(r, status_col).fill = fills[kind]
    widths = {"department": 28, "folder": 20, "path": 50, "reason": 40, "report": 28, "sha256": 20}
    for i, (key, _, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(key, 9)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    wb.save(out)


_CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;white-space:nowrap}
td.w{white-space:normal;word-break:break-all}
th{background:#dde4ee;position:sticky;top:0}
td.n{text-align:right}
tr.failed td.st{background:#f4cccc} tr.errors td.st{background:#fce5cd}
tr.warnings td.st{background:#fff2cc}
.sum{margin:8px 0 16px}
"""


def index_html(rows: list[dict], lang: str = "zh", title: str | None = None) -> str:
    zh = lang != "en"
    n_failed = sum(r["status"] != "ok" for r in rows)
    n_err = sum(1 for r in rows if r["status"] == "ok" and r["errors"])
    depts = len({r.get("department") for r in rows})
    title = title or ("部门报告核对台账" if zh else "Department ledger")
    summary = (
        f"共 {len(rows)} 个文件，{depts} 个部门；有错误 {n_err} 个，无法处理 {n_failed} 个。"
        if zh
        else f"{len(rows)} files, {depts} departments; {n_err} with errors, {n_failed} failed."
    )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in _headers(lang)[:-1])
    body = []
    for row in rows:
        cells = []
        for (key, _, _), v in zip(COLUMNS[:-1], _cells(row, lang)[:-1], strict=True):
            text = html.escape(str(v))
            if key == "report" and v:
                text = (
                    f'<a href="{html.escape(str(v), quote=True)}">{"报告" if zh else "report"}</a>'
                )
            cls = "n" if key in ("year", "pages", "tables", "errors", "warnings") else ""
            cls = "st" if key == "status" else cls
            cls = "w" if key in ("path", "reason") else cls
            cells.append(f'<td class="{cls}">{text}</td>')
        kind = (
            "failed"
            if row["status"] != "ok"
            else ("errors" if row["errors"] else ("warnings" if row["warnings"] else "ok"))
        )
        body.append(f'<tr class="{kind}">{"".join(cells)}</tr>')
    links = '<p><a href="ledger.xlsx">ledger.xlsx</a> · <a href="ledger.csv">ledger.csv</a></p>'
    return (
        f'<!DOCTYPE html><html lang="{"zh-CN" if zh else "en"}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f'<h1>{html.escape(title)}</h1><p class="sum">{html.escape(summary)}</p>{links}'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        "</body></html>\n"
    )


def write_ledger(rows: list[dict], out_dir: Path, lang: str = "zh") -> dict[str, Path]:
    """ledger.xlsx, ledger.csv and index.html in ``out_dir``; each written whole then renamed."""
    import os

    rows = sort_rows(rows)
    paths = {
        "xlsx": out_dir / "ledger.xlsx",
        "csv": out_dir / "ledger.csv",
        "html": out_dir / "index.html",
    }
    tmp = {k: p.with_name(p.stem + ".part" + p.suffix) for k, p in paths.items()}
    write_ledger_xlsx(rows, tmp["xlsx"], lang)
    tmp["csv"].write_bytes(ledger_csv(rows, lang).encode("utf-8-sig"))
    tmp["html"].write_text(index_html(rows, lang), encoding="utf-8")
    for k, p in paths.items():
        os.replace(tmp[k], p)
    return paths
