"""Producer 3: HTML + CSS following the page plan (one <section> per page, named @page rules for
orientation), printed to PDF by headless Chromium."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .model import Report, Table
from .paginate import (
    BODY_LEAD,
    BODY_SIZE,
    LEAD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAD_X,
    PAD_Y,
    Plan,
    TableLayout,
)

ALIGN = {"l": "left", "c": "center", "r": "right"}


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _e(s: str) -> str:
    return html.escape(s)


def _chunk(t: Table, tl: TableLayout, s: int, e: int, with_header: bool, v: dict) -> str:
    rules = v["rules"]
    out = [f'<table style="width:{sum(tl.widths):.2f}pt;font-size:{tl.size}pt">', "<colgroup>"]
    out += [f'<col style="width:{w:.2f}pt">' for w in tl.widths]
    out.append("</colgroup>")
    nrows_total = (t.nhead if with_header else 0) + (e - s)
    row_i = 0

    def edge(r: int, extra: str = "") -> str:
        st = []
        if rules == "three-line":
            if r == 0:
                st.append("border-top:1.5pt solid #000")
            if r == nrows_total - 1:
                st.append("border-bottom:1.5pt solid #000")
        return ";".join(st + ([extra] if extra else []))

    if with_header:
        out.append("<thead>")
        for hr in range(t.nhead):
            out.append("<tr>")
            for h in sorted((h for h in t.header if h.row == hr), key=lambda h: h.col):
                st = edge(hr)
                if rules == "three-line" and h.row + h.rowspan == t.nhead:
                    st += ";border-bottom:0.8pt solid #000"
                elif rules == "three-line" and h.colspan > 1:
                    st += ";border-bottom:0.5pt solid #000"
                out.append(
                    f'<th rowspan="{h.rowspan}" colspan="{h.colspan}" style="{st}">{_e(h.text)}</th>'
                )
            out.append("</tr>")
            row_i += 1
        out.append("</thead>")
    out.append("<tbody>")
    for r in range(s, e):
        out.append("<tr>")
        for c in range(t.ncols):
            sp = t.span_at(r, c)
            style = f"text-align:{ALIGN[t.align[c]]};" + edge(row_i)
            if sp and sp[2] > 1:
                first, last = max(sp[0], s), min(sp[0] + sp[2], e) - 1
                if r != first:
                    continue
                show = sp[0] >= s or v["span_break"] == "repeat"
                if rules == "three-line" and last == e - 1:
                    style += ";border-bottom:1.5pt solid #000"
                text = t.rows[r][c] if show else ""
                out.append(f'<td rowspan="{last - first + 1}" style="{style}">{_e(text)}</td>')
            else:
                out.append(f'<td style="{style}">{_e(t.rows[r][c])}</td>')
        out.append("</tr>")
        row_i += 1
    out.append("</tbody></table>")
    return "\n".join(out)


def build_html(rep: Report, pl: Plan) -> str:
    v = rep.variant
    border = "0.5pt solid #000" if v["rules"] == "grid" else "none"
    css = f"""
@page port {{ size: 595.28pt 841.89pt; margin: {MARGIN_TOP}pt {MARGIN_X}pt {MARGIN_BOTTOM}pt {MARGIN_X}pt; }}
@page land {{ size: 841.89pt 595.28pt; margin: {MARGIN_TOP}pt {MARGIN_X}pt {MARGIN_BOTTOM}pt {MARGIN_X}pt; }}
body {{ margin: 0; font-family: '{v["font"]}'; }}
section {{ break-after: page; }}
section:last-child {{ break-after: auto; }}
section.portrait {{ page: port; }}
section.landscape {{ page: land; }}
p {{ margin: 0; }}
table {{ border-collapse: collapse; table-layout: fixed; margin: 0 auto; }}
th, td {{ border: {border}; padding: {PAD_Y}pt {PAD_X}pt; line-height: {LEAD}; vertical-align: middle;
          font-weight: normal; word-break: break-all; }}
th {{ text-align: center; }}
.body {{ font-size: {BODY_SIZE}pt; line-height: {BODY_LEAD}; text-indent: 2em; margin-bottom: 6pt; }}
"""
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    for page in pl.body_pages:
        parts.append('<section class="portrait">')
        for kind, i in page:
            if kind == "head":
                size = 16 if i in (0, 2) else BODY_SIZE
                align = "left" if i == 3 else "center"
                parts.append(
                    f'<p style="font-size:{size}pt;line-height:1.5;text-align:{align};margin-bottom:{6 if i == 3 else 0}pt">{_e(rep.head[i])}</p>'
                )
            elif kind == "para":
                parts.append(f'<p class="body">{_e(rep.para_text(i))}</p>')
            else:
                for j, item in enumerate(rep.annex_list):
                    pre = "附件：" if j == 0 else "　　　"
                    parts.append(
                        f'<p style="font-size:{BODY_SIZE}pt;line-height:{BODY_LEAD}">{pre}{_e(item)}</p>'
                    )
        parts.append("</section>")
    for t, tl in zip(rep.tables, pl.tables, strict=False):
        w = sum(tl.widths)
        for k, (s, e) in enumerate(tl.chunks):
            parts.append(
                f'<section class="{tl.orient}"><div style="width:{w:.2f}pt;margin:0 auto">'
            )
            size = tl.size
            if k == 0:
                if t.label:
                    parts.append(
                        f'<p style="font-size:{size + 1}pt;line-height:{size + 10}pt">{_e(t.label)}</p>'
                    )
                parts.append(
                    f'<p style="font-size:{size + 4}pt;line-height:{size + 16}pt;text-align:center">{_e(t.title)}</p>'
                )
                if t.subtitle:
                    parts.append(
                        f'<p style="font-size:{size}pt;line-height:{size + 8}pt;text-align:center">{_e(t.subtitle)}</p>'
                    )
                if t.unit_line:
                    parts.append(
                        f'<p style="font-size:{size}pt;line-height:{size + 8}pt;text-align:right">{_e(t.unit_line)}</p>'
                    )
            elif v["xubiao"]:
                parts.append(f'<p style="font-size:{size}pt;line-height:{size + 10}pt">续表</p>')
            parts.append(_chunk(t, tl, s, e, k == 0 or v["header_repeat"], v))
            parts.append("</div></section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def render_all(docs: list[tuple[Report, Plan, Path]]) -> None:
    exe = chromium()
    if not exe:
        raise RuntimeError("chromium not found")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tempfile.gettempdir()) / f"randreport_chrome_{os.getpid()}"
        for rep, pl, path in docs:
            src = Path(tmp) / path.with_suffix(".html").name
            src.write_text(build_html(rep, pl), encoding="utf-8")
            cmd = [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={path}",
                src.as_uri(),
            ]
            subprocess.run(cmd, check=True, capture_output=True, timeout=120)
