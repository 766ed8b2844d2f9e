"""Findings as one self-contained HTML page that works offline.

Per document: a summary (pages, tables, names matched, relations checked, findings by
severity), then each finding with a crop of its page — rendered by pypdfium2 and embedded as a
base64 PNG — the reported value or claim boxed in red and its operands in blue, the printed and
expected values and their difference, the rule and the message. Severity and rule filters are
plain JavaScript in the page (no server). The page images carry the report's own text; the page
itself uses system fonts with a CJK fallback list.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from ..reconcile.registry import rule_name
from ..result import DocumentResult
from .finding_rows import SEV_LABEL, SEVERITIES, counts, records
from .pagegeom import PageGeom

SCALE = 2.0  # pixels per point
MARGIN = 14.0  # points around the involved cells
RED = (220, 0, 0)
BLUE = (0, 90, 230)

TEXT = {
    "zh": {
        "title": "tally 核对报告",
        "generated": "生成时间",
        "docs": "文件",
        "severity": "级别",
        "rule": "规则",
        "all_rules": "全部规则",
        "shown": "显示问题",
        "of": "/",
        "pages": "页数",
        "tables": "识别表格",
        "matches": "名称匹配",
        "checked": "核对关系",
        "findings": "发现问题",
        "failed": "无法处理",
        "error_code": "错误代码",
        "printed": "印刷值",
        "expected": "应为",
        "difference": "差额",
        "suspect": "疑点",
        "page": "第{}页",
        "table": "表",
        "row": "行",
        "column": "列",
        "legend": "红框：印刷值（被核对的数）；蓝框：参与核对的数",
        "no_findings": "未发现问题。",
        "info_hidden": "提示级（舍入误差）未列出，使用 --show-info 显示。",
        "no_image": "无法生成页面图像",
        "warnings": "读取提示",
        "status": "状态",
        "ok": "已核对",
        "img_alt": "第{}页局部：红框为印刷值，蓝框为参与核对的单元格",
    },
    "en": {
        "title": "tally check report",
        "generated": "Generated",
        "docs": "Documents",
        "severity": "Severity",
        "rule": "Rule",
        "all_rules": "all rules",
        "shown": "Findings shown",
        "of": "of",
        "pages": "Pages",
        "tables": "Tables found",
        "matches": "Names matched",
        "checked": "Relations checked",
        "findings": "Findings",
        "failed": "Could not be processed",
        "error_code": "error code",
        "printed": "Printed",
        "expected": "Expected",
        "difference": "Difference",
        "suspect": "Suspect",
        "page": "page {}",
        "table": "Table",
        "row": "Row",
        "column": "Column",
        "legend": "Red box: the printed value checked; blue boxes: its operands",
        "no_findings": "No findings.",
        "info_hidden": "Info-level findings (rounding residues) are not listed; use --show-info.",
        "no_image": "page image not available",
        "warnings": "Reading notes",
        "status": "Status",
        "ok": "checked",
        "img_alt": "Part of page {}: red box = printed value, blue boxes = operands",
    },
}

CSS = """
:root{--red:#dc0000;--blue:#005ae6;--warn:#b36b00;--info:#2e7d32;--line:#d0d7de;--mut:#57606a}
*{box-sizing:border-box}
body{margin:0;color:#1f2328;background:#f6f8fa;line-height:1.5;
 font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB",
 "Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",
 "Noto Sans",Arial,sans-serif}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);
 padding:.6rem 1.2rem;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;align-items:center}
header h1{font-size:1.15rem;margin:0 1rem 0 0}
header label{white-space:nowrap}
main{max-width:1200px;margin:0 auto;padding:1rem 1.2rem 3rem}
.muted{color:var(--mut);font-size:.9rem}
section.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:1.2rem 0;
 padding:1rem 1.2rem}
section.doc h2{font-size:1.05rem;margin:0 0 .6rem;word-break:break-all}
dl.summary{display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;margin:.2rem 0 .8rem}
dl.summary div{display:flex;gap:.4rem}
dl.summary dt{color:var(--mut)}
dl.summary dd{margin:0;font-weight:600}
.failed .errbox{border:2px solid var(--red);background:#fff0f0;border-radius:6px;
 padding:.7rem 1rem;font-size:1.05rem}
.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.85rem;
 font-weight:600;color:#fff}
.sev-error{background:var(--red)}.sev-warning{background:var(--warn)}.sev-info{background:var(--info)}
article.finding{border:1px solid var(--line);border-left:5px solid var(--red);border-radius:6px;
 margin:1rem 0;padding:.7rem 1rem;background:#fff}
article.finding[data-severity=warning]{border-left-color:var(--warn)}
article.finding[data-severity=info]{border-left-color:var(--info)}
[hidden]{display:none!important}
.fhead{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:baseline}
.fhead code{font-size:.9rem;background:#eff1f3;padding:0 .3rem;border-radius:3px}
.msg{margin:.4rem 0 .5rem}
table.nums{border-collapse:collapse;margin:.3rem 0 .6rem}
table.nums th,table.nums td{border:1px solid var(--line);padding:.15rem .7rem;text-align:right;
 font-variant-numeric:tabular-nums}
table.nums th{background:#f6f8fa;font-weight:600}
td.printed{color:var(--red);font-weight:700}
figure{margin:.4rem 0}
.crop{overflow-x:auto;display:flex;align-items:flex-start}
.crop img.labels{position:sticky;left:0;z-index:1;box-shadow:3px 0 4px rgba(0,0,0,.25)}
.crop img{max-width:none;height:auto;flex:none;border:1px solid var(--line);display:block}
figcaption{font-size:.85rem;color:var(--mut)}
.legend .r{color:var(--red);font-weight:700}.legend .b{color:var(--blue);font-weight:700}
table.overview{border-collapse:collapse;width:100%;font-size:.95rem}
table.overview th,table.overview td{border-bottom:1px solid var(--line);padding:.25rem .5rem;
 text-align:left}
@media print{header{position:static}header .filters{display:none}
 article.finding{break-inside:avoid}}
"""

JS = """
(function(){
  function apply(){
    var sev={};document.querySelectorAll('input[name=sev]').forEach(function(e){sev[e.value]=e.checked});
    var rule=document.getElementById('rule').value, n=0;
    document.querySelectorAll('article.finding').forEach(function(el){
      var show=sev[el.dataset.severity]&&(!rule||el.dataset.rule===rule);
      el.hidden=!show; if(show) n++;
    });
    document.getElementById('shown').textContent=n;
  }
  // a crop wider than its column opens scrolled to the printed value
  document.querySelectorAll('.crop[data-focus]').forEach(function(f){
    f.scrollLeft=Math.max(0,+f.dataset.focus-f.clientWidth/2)});
  document.querySelectorAll('input[name=sev],#rule').forEach(function(e){
    e.addEventListener('change',apply)});
  apply();
})();
"""


class _Pages:
    """Renders a document's pages once each, on demand."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._pdf: Any = None
        self._cache: dict[int, tuple[Any, PageGeom]] = {}
        self.failed = False

    def get(self, number: int):  # noqa: ANN201 - (PIL image, PageGeom) or None
        if number in self._cache:
            return self._cache[number]
        if self.failed:
            return None
        try:
            import pypdfium2 as pdfium

            if self._pdf is None:
                self._pdf = pdfium.PdfDocument(self.path)
            page = self._pdf[number - 1]
            geom = PageGeom(
                _norm(page.get_mediabox()), _norm(page.get_cropbox()), page.get_rotation() % 360
            )
            img = page.render(scale=SCALE).to_pil().convert("RGB")
            page.close()
        except Exception:  # a page that cannot be drawn: the finding is still listed
            if self._pdf is None:
                self.failed = True
            return None
        self._cache[number] = (img, geom)
        return img, geom

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _norm(b) -> tuple[float, float, float, float]:  # noqa: ANN001
    return (min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3]))


@dataclass(frozen=True, slots=True)
class Crop:
    parts: tuple[bytes, ...]  # PNGs: the crop, or the row's labels and the rest
    focus: float  # the printed value's centre, in pixels from the crop's left edge


def crop_png(  # noqa: ANN001
    pages: _Pages, page_no: int, cells: list, table_box=None, header_box=None, label_right=None
) -> Crop | None:
    """A PNG of the part of ``page_no`` around ``cells``: reported/claim boxed red, operands
    blue. ``table_box`` (the table's area on that page) widens the crop to the whole row, so the
    row's label is in view; ``header_box`` (the table's header on that page), when it lies
    above the crop, is stacked on top of it, so the columns' headers are in view too. With
    ``label_right`` (where the row's label columns end, in points) the crop comes in two: the
    labels and the rest, so a page can keep the labels in view while the rest scrolls."""
    from PIL import Image, ImageDraw

    got = pages.get(page_no)
    if got is None:
        return None
    img, geom = got
    sx = img.width / geom.render_size[0]
    sy = img.height / geom.render_size[1]
    boxes = [(geom.bbox_in_render(c.bbox), c.role) for c in cells]
    xs0 = [b[0] for b, _ in boxes]
    ys0 = [b[1] for b, _ in boxes]
    xs1 = [b[2] for b, _ in boxes]
    ys1 = [b[3] for b, _ in boxes]
    left, right = min(xs0), max(xs1)
    if table_box is not None:
        tb = geom.bbox_in_render(table_box)
        left, right = min(left, tb[0]), max(right, tb[2])
    left, top = max(0.0, left - MARGIN), max(0.0, min(ys0) - MARGIN)
    right = min(geom.render_size[0], right + MARGIN)
    bottom = min(geom.render_size[1], max(ys1) + MARGIN)
    if right - left < 1 or bottom - top < 1:
        return None
    box = (int(left * sx), int(top * sy), int(round(right * sx)), int(round(bottom * sy)))
    crop = img.crop(box)
    draw = ImageDraw.Draw(crop)
    ordered = sorted(boxes, key=lambda b: b[1] in ("reported", "claim"))  # red on top
    for (x0, y0, x1, y1), role in ordered:
        red = role in ("reported", "claim")
        w = 4 if red else 2
        draw.rectangle(
            (
                x0 * sx - box[0] - w + 1,
                y0 * sy - box[1] - w + 1,
                x1 * sx - box[0] + w - 1,
                y1 * sy - box[1] + w - 1,
            ),
            outline=RED if red else BLUE,
            width=w,
        )
    reds = [b for b, role in boxes if role in ("reported", "claim")] or [b for b, _ in boxes]
    focus = ((reds[0][0] + reds[0][2]) / 2) * sx - box[0]  # where to scroll a wide crop
    if header_box is not None:
        hb = geom.bbox_in_render(header_box)
        if hb[3] < top - 1:  # the header stands above the cells: show it over them
            strip = img.crop((box[0], int(max(0.0, hb[1] - 2) * sy), box[2], int(hb[3] * sy) + 2))
            both = Image.new("RGB", (crop.width, strip.height + 6 + crop.height), (200, 200, 200))
            both.paste(strip, (0, 0))
            both.paste(crop, (0, strip.height + 6))
            crop = both
    cut = None
    if label_right is not None:
        y = cells[0].bbox[1]
        cut = int(geom.bbox_in_render((label_right, y, label_right, y))[0] * sx) - box[0] + 2
        if not 0 < cut < crop.width - 10 or cut > focus - 20:
            cut = None  # the labels are not left of the value: one piece
    if cut is None:
        return Crop((_png(crop),), focus)
    left, rest = crop.crop((0, 0, cut, crop.height)), crop.crop((cut, 0, crop.width, crop.height))
    return Crop((_png(left), _png(rest)), focus)


def _png(img) -> bytes:  # noqa: ANN001
    from PIL import Image

    buf = io.BytesIO()
    # a page is black text on white plus two box colours: a small palette keeps the file small
    img.quantize(colors=48, method=Image.Quantize.FASTOCTREE).save(buf, format="PNG")
    return buf.getvalue()


def _header_box(table, page_no: int):  # noqa: ANN001, ANN202
    """The union of the table's header cells printed on ``page_no`` (None if none are)."""
    cells = [c for row in table.header for c in row if c.page == page_no]
    if not cells:
        return None
    return (
        min(c.bbox[0] for c in cells),
        min(c.bbox[1] for c in cells),
        max(c.bbox[2] for c in cells),
        max(c.bbox[3] for c in cells),
    )


def _label_right(table, cells: list):  # noqa: ANN001, ANN202
    """Where the reported row's label cells end (points): its text cells left of the first
    cell involved."""
    rep = next((c for c in cells if c.role in ("reported", "claim")), None)
    if rep is None:
        return None
    first = min(c.bbox[0] for c in cells)
    for row in table.rows:
        if any(c.page == rep.page and abs(c.bbox[1] - rep.bbox[1]) < 1 for c in row):
            labels = [
                c.bbox[2]
                for c in row
                if c.page == rep.page and c.bbox[2] <= first + 1 and c.quantity.kind == "text"
            ]
            return max(labels) if labels else None
    return None


def _page_uri(path: str, page_no: int) -> str:
    return f"{Path(path).resolve().as_uri()}#page={page_no}"


def _png_width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big")  # the IHDR chunk's width


def _finding_pages(f) -> list[tuple[int, list]]:  # noqa: ANN001
    """The finding's cells grouped by page, the reported cell's page first."""
    by: dict[int, list] = {}
    for c in f.cells:
        by.setdefault(c.page, []).append(c)
    first = next((c.page for c in f.cells if c.role in ("reported", "claim")), None)
    return sorted(by.items(), key=lambda kv: (kv[0] != first, kv[0]))


def _finding_html(rec, res: DocumentResult, pages: _Pages, t: dict, lang: str, idx: str) -> str:  # noqa: ANN001
    f = rec.finding
    sev = SEV_LABEL["en" if lang == "en" else "zh"][rec.severity]
    where = []
    if rec.page:
        where.append(t["page"].format(rec.page))
    if rec.table:
        where.append(f"{t['table']} {escape(rec.table)}")
    if rec.row:
        where.append(
            f"{t['row']}「{escape(rec.row)}」" if lang != "en" else f"row “{escape(rec.row)}”"
        )
    if rec.column:
        where.append(
            f"{t['column']}「{escape(rec.column)}」"
            if lang != "en"
            else f"column “{escape(rec.column)}”"
        )
    nums = ""
    if f.reported is not None or f.expected is not None:
        nums = (
            '<table class="nums"><tr>'
            f"<th>{t['printed']}</th><th>{t['expected']}</th><th>{t['difference']}</th>"
            + (f"<th>{t['suspect']}</th>" if rec.suspect else "")
            + "</tr><tr>"
            f'<td class="printed">{escape(rec.printed)}</td><td class="expected">'
            f"{escape(rec.expected)}</td>"
            f'<td class="difference">{escape(rec.difference)}</td>'
            + (f"<td>{escape(rec.suspect)}</td>" if rec.suspect else "")
            + "</tr></table>"
        )
    tables = {tb.id: tb for tb in res.document.tables} if res.document else {}
    figs = []
    for page_no, cells in _finding_pages(f):
        tb = tables.get(f.table)
        png = crop_png(
            pages,
            page_no,
            cells,
            tb.bboxes.get(page_no) if tb else None,
            _header_box(tb, page_no) if tb else None,
            _label_right(tb, cells) if tb else None,
        )
        # the page in full: the PDF opened at that page
        link = f'<a href="{escape(_page_uri(res.path, page_no))}">{t["page"].format(page_no)}</a>'
        if png is None:
            figs.append(f'<p class="muted">{link}：{t["no_image"]}</p>')
            continue
        # shown at its own resolution (2 CSS px per point: small print stays legible), a wide
        # one scrolls sideways with the row's labels kept in view
        alt = escape(t["img_alt"].format(page_no))
        parts = png.parts
        imgs = "".join(
            f'<img src="data:image/png;base64,{base64.b64encode(x).decode("ascii")}" '
            f'width="{_png_width(x)}" alt="{alt}"'
            + (' class="labels"' if len(parts) == 2 and k == 0 else "")
            + ">"
            for k, x in enumerate(parts)
        )
        figs.append(
            f'<figure><div class="crop" data-focus="{png.focus:.0f}">{imgs}</div>'
            f"<figcaption>{link}</figcaption></figure>"
        )
    return (
        f'<article class="finding" id="{idx}" data-severity="{rec.severity}" '
        f'data-rule="{escape(rec.rule)}">'
        f'<div class="fhead"><span class="badge sev-{rec.severity}">{sev}</span>'
        f'<code title="{escape(rec.rule)}">{escape(rule_name(rec.rule, lang))}</code>'
        f"<span>{' · '.join(where)}</span></div>"
        f'<p class="msg">{escape(rec.message)}</p>{nums}{"".join(figs)}</article>'
    )


def _doc_html(res: DocumentResult, n: int, lang: str, show_info: bool, t: dict) -> str:
    path = escape(res.path)
    if res.document is None:
        err = res.error
        code = (
            f" <span class='muted'>（{t['error_code']} {escape(err.code)}）</span>" if err else ""
        )
        msg = escape(err.message(lang)) if err else ""
        return (
            f'<section class="doc failed" id="doc{n}"><h2>✗ {path}</h2>'
            f'<div class="errbox"><strong>{t["failed"]}：</strong>{msg}{code}</div></section>'
        )
    doc = res.document
    c = counts(res)
    sev_l = SEV_LABEL["en" if lang == "en" else "zh"]
    by_sev = ("，" if lang != "en" else ", ").join(f"{sev_l[s]} {c[s]}" for s in SEVERITIES)
    items = [
        (t["pages"], len(doc.pages)),
        (t["tables"], len(doc.tables)),
        (t["matches"], len(res.matches)),
        (t["checked"], res.checked if res.checked is not None else "—"),
        (t["findings"], by_sev),
    ]
    summary = "".join(f"<div><dt>{k}</dt><dd>{escape(str(v))}</dd></div>" for k, v in items)
    mark = "✗" if c["error"] else ("!" if c["warning"] else "✓")
    out = [
        f'<section class="doc" id="doc{n}"><h2>{mark} {path}</h2><dl class="summary">{summary}</dl>'
    ]
    if doc.warnings:
        out.append(
            f'<details><summary class="muted">{t["warnings"]}（{len(doc.warnings)}）</summary><ul>'
            + "".join(f"<li>{escape(w.message)}</li>" for w in doc.warnings)
            + "</ul></details>"
        )
    recs = records(res, lang, show_info)
    if recs:
        out.append(
            f'<p class="legend muted"><span class="r">■</span> <span class="b">■</span> {t["legend"]}</p>'
        )
    elif not c["error"] and not c["warning"]:
        out.append(f"<p>{t['no_findings']}</p>")
    if c["info"] and not show_info:
        out.append(f'<p class="muted">{t["info_hidden"]}</p>')
    pages = _Pages(res.path)
    try:
        for i, rec in enumerate(recs, 1):
            out.append(_finding_html(rec, res, pages, t, lang, f"d{n}f{i}"))
    finally:
        pages.close()
    out.append("</section>")
    return "".join(out)


def findings_html(results: list[DocumentResult], lang: str = "zh", show_info: bool = False) -> str:
    lang = "en" if lang == "en" else "zh"
    t = TEXT[lang]
    sev_l = SEV_LABEL[lang]
    rules = sorted(
        {f.rule for r in results for f in r.findings if show_info or f.severity != "info"}
    )
    total = sum(1 for r in results for f in r.findings if show_info or f.severity != "info")
    present = {f.severity for r in results for f in r.findings}
    sev_boxes = "".join(
        f'<label><input type="checkbox" name="sev" value="{s}" checked> '
        f'<span class="badge sev-{s}">{sev_l[s]}</span></label>'
        for s in SEVERITIES
        if s != "info" or show_info or "info" not in present
    )
    options = "".join(
        f'<option value="{escape(r)}">{escape(rule_name(r, lang))}</option>' for r in rules
    )
    filters = (
        f'<div class="filters" style="display:flex;gap:.4rem 1rem;flex-wrap:wrap;align-items:center">'
        f"<span>{t['severity']}：</span>{sev_boxes}"
        f'<label>{t["rule"]}： <select id="rule"><option value="">{t["all_rules"]}</option>'
        f"{options}</select></label>"
        f'<span>{t["shown"]} <strong id="shown">{total}</strong> {t["of"]} {total}</span></div>'
    )
    overview = ""
    if len(results) > 1:
        rows = []
        for n, r in enumerate(results, 1):
            if r.document is None:
                status = f'<span class="badge sev-error">{sev_l["failed"]}</span>'
            else:
                c = counts(r)
                status = ("，" if lang != "en" else ", ").join(
                    f"{sev_l[s]} {c[s]}" for s in SEVERITIES
                )
            rows.append(
                f'<tr><td><a href="#doc{n}">{escape(r.path)}</a></td><td>{status}</td></tr>'
            )
        overview = (
            f'<section class="doc"><h2>{t["docs"]}（{len(results)}）</h2><table class="overview">'
            f"<tr><th>{t['docs']}</th><th>{t['status']}</th></tr>{''.join(rows)}</table></section>"
        )
    body = "".join(_doc_html(r, n, lang, show_info, t) for n, r in enumerate(results, 1))
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        f'<!DOCTYPE html><html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{t['title']}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{t['title']}</h1>{filters}"
        f'<span class="muted">{t["generated"]} {when}</span></header>'
        f"<main>{overview}{body}</main><script>{JS}</script></body></html>\n"
    )


def write_html(
    results: list[DocumentResult], out: Path, lang: str = "zh", show_info: bool = False
) -> None:
    """Write the report of ``results`` to ``out`` (one self-contained file)."""
    Path(out).write_text(findings_html(results, lang, show_info), encoding="utf-8")
