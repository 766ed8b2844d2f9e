"""Producer 2: python-docx builds a Word file following the page plan (each page its own
section, so LibreOffice breaks pages where the plan says), then `soffice` converts it."""

from __future__ import annotations

import fcntl
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

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
    page_size,
)

ALIGN = {
    "l": WD_ALIGN_PARAGRAPH.LEFT,
    "c": WD_ALIGN_PARAGRAPH.CENTER,
    "r": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _font(run, name: str, size: float) -> None:
    run.font.size = Pt(size)
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(k), name)


def _para(
    p,
    text: str,
    v: dict,
    size: float,
    align: str = "l",
    height: float | None = None,
    indent: float = 0,
) -> None:
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(height or size * LEAD)
    if indent:
        pf.first_line_indent = Pt(indent)
    p.alignment = ALIGN[align]
    if text:
        _font(p.add_run(text), v["font"], size)


def _grid_tc(tbl, r: int, c: int):  # noqa: ANN001, ANN202
    """The w:tc of row ``r`` standing at grid column ``c``: for a vertically merged cell, the
    continuation in that row (tbl.cell gives the merge's first cell, whose borders the office
    software does not draw at the merge's bottom)."""
    at = 0
    for tc in tbl.rows[r]._tr.tc_lst:
        span = tc.grid_span
        if at <= c < at + span:
            return tc
        at += span
    return tbl.cell(r, c)._tc


def _borders(parent, tag: str, sides: dict) -> None:
    b = OxmlElement(tag)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side not in sides:
            continue
        e = OxmlElement(f"w:{side}")
        sz = sides[side]
        e.set(qn("w:val"), "single" if sz else "nil")
        if sz:
            e.set(qn("w:sz"), str(sz))
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        b.append(e)
    after = {
        "w:tblBorders": ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
        "w:tcBorders": (
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ),
    }[tag]
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    for child in parent:
        if child.tag in {qn(x) for x in after}:
            child.addprevious(b)
            return
    parent.append(b)


def _cell_margins(tbl) -> None:
    mar = OxmlElement("w:tblCellMar")
    for side, val in (("top", PAD_Y), ("bottom", PAD_Y), ("left", PAD_X), ("right", PAD_X)):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), str(int(val * 20)))
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    tbl._tbl.tblPr.append(mar)


def _section(doc, first: bool, orient: str):
    sec = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
    w, h = page_size(orient)
    sec.orientation = WD_ORIENT.LANDSCAPE if orient == "landscape" else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Pt(w), Pt(h)
    sec.left_margin = sec.right_margin = Pt(MARGIN_X)
    sec.top_margin, sec.bottom_margin = Pt(MARGIN_TOP), Pt(MARGIN_BOTTOM)
    sec.header_distance = sec.footer_distance = Pt(20)
    return sec


def _chunk_table(
    doc, t: Table, tl: TableLayout, s: int, e: int, with_header: bool, v: dict
) -> None:
    nh = t.nhead if with_header else 0
    tbl = doc.add_table(rows=nh + e - s, cols=t.ncols)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    _cell_margins(tbl)
    rules = v["rules"]
    _borders(
        tbl._tbl.tblPr,
        "w:tblBorders",
        {
            k: (4 if rules == "grid" else 0)
            for k in ("top", "left", "bottom", "right", "insideH", "insideV")
        },
    )
    for c, w in enumerate(tl.widths):
        tbl.columns[c].width = Pt(w)
        for cell in tbl.columns[c].cells:
            cell.width = Pt(w)
    for row in tbl.rows:
        trpr = row._tr.get_or_add_trPr()
        cs = OxmlElement("w:cantSplit")
        trpr.append(cs)
    edges: dict = {}  # (row, col) -> {side: size} for three-line rules
    if with_header:
        for h in t.header:
            cell = tbl.cell(h.row, h.col)
            if h.rowspan > 1 or h.colspan > 1:
                cell = cell.merge(tbl.cell(h.row + h.rowspan - 1, h.col + h.colspan - 1))
            _para(cell.paragraphs[0], h.text, v, tl.size, "c")
            if rules == "three-line":
                for c in range(h.col, h.col + h.colspan):
                    if h.row == 0:
                        edges.setdefault((0, c), {})["top"] = 12
                    if h.row + h.rowspan == t.nhead:
                        edges.setdefault((h.row + h.rowspan - 1, c), {})["bottom"] = 6
                    elif h.colspan > 1:
                        edges.setdefault((h.row, c), {})["bottom"] = 4
    for r in range(s, e):
        for c in range(t.ncols):
            sp = t.span_at(r, c)
            if sp and sp[2] > 1:
                first, last = max(sp[0], s), min(sp[0] + sp[2], e) - 1
                if r != first:
                    continue
                cell = tbl.cell(nh + r - s, c)
                if last > first:
                    cell = cell.merge(tbl.cell(nh + last - s, c))
                show = sp[0] >= s or v["span_break"] == "repeat"
                _para(cell.paragraphs[0], t.rows[r][c] if show else "", v, tl.size, t.align[c])
            else:
                _para(tbl.cell(nh + r - s, c).paragraphs[0], t.rows[r][c], v, tl.size, t.align[c])
    if rules == "three-line":
        for c in range(t.ncols):
            edges.setdefault((nh + e - s - 1, c), {})["bottom"] = 12
            if not with_header:
                edges.setdefault((0, c), {})["top"] = 12
        for (r, c), sides in edges.items():
            tcpr = _grid_tc(tbl, r, c).get_or_add_tcPr()
            _borders(tcpr, "w:tcBorders", sides)
    for row in tbl.rows:
        for cell in row.cells:
            cell.vertical_alignment = 1  # center


def build_docx(rep: Report, pl: Plan, path: Path) -> None:
    v = rep.variant
    doc = Document()
    first = True
    for page in pl.body_pages:
        _section(doc, first, "portrait")
        for kind, i in page:
            if kind == "head":
                size = 16.0 if i in (0, 2) else BODY_SIZE
                p = doc.add_paragraph()
                _para(p, rep.head[i], v, size, "l" if i == 3 else "c", size * 1.5)
                p.paragraph_format.space_after = Pt(6) if i == len(rep.head) - 1 else Pt(0)
            elif kind == "para":
                text = "".join(s if isinstance(s, str) else s.text for s in rep.paras[i])
                p = doc.add_paragraph()
                _para(p, text, v, BODY_SIZE, "l", BODY_SIZE * BODY_LEAD, indent=2 * BODY_SIZE)
                p.paragraph_format.space_after = Pt(6)
            else:
                for j, item in enumerate(rep.annex_list):
                    _para(
                        doc.add_paragraph(),
                        ("附件：" if j == 0 else "　　　") + item,
                        v,
                        BODY_SIZE,
                        "l",
                        BODY_SIZE * BODY_LEAD,
                    )
            first = False
    for t, tl in zip(rep.tables, pl.tables, strict=False):
        for k, (s, e) in enumerate(tl.chunks):
            _section(doc, False, tl.orient)
            size = tl.size
            if k == 0:
                if t.label:
                    _para(doc.add_paragraph(), t.label, v, size + 1, "l", size + 10)
                _para(doc.add_paragraph(), t.title, v, size + 4, "c", size + 16)
                if t.subtitle:
                    _para(doc.add_paragraph(), t.subtitle, v, size, "c", size + 8)
                if t.unit_line:
                    _para(doc.add_paragraph(), t.unit_line, v, size, "r", size + 8)
            elif v["xubiao"]:
                _para(doc.add_paragraph(), "续表", v, size, "l", size + 10)
            _chunk_table(doc, t, tl, s, e, k == 0 or v["header_repeat"], v)
    # a section break paragraph after each table is needed by Word; keep it tiny
    for p in doc.paragraphs:
        if not p.runs and p.paragraph_format.line_spacing is None:
            _para(p, "", v, 1, "l", 1)
    doc.save(str(path))


def convert(paths: list[Path], outdir: Path) -> None:
    """soffice with one of a few reusable profiles (a fresh profile costs seconds to set up),
    each held under a lock so parallel workers never share one."""
    base = Path(tempfile.gettempdir())
    for k in range(64):
        lock = open(base / f"randreport_lo_{k}.lock", "w")  # noqa: SIM115
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        try:
            profile = base / f"randreport_lo_{k}"
            cmd = [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, paths),
            ]
            subprocess.run(cmd, check=True, capture_output=True, timeout=300)
            return
        finally:
            lock.close()
    raise RuntimeError("no free LibreOffice profile")


def render_all(docs: list[tuple[Report, Plan, Path]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        srcs = []
        for rep, pl, path in docs:
            src = Path(tmp) / path.with_suffix(".docx").name
            build_docx(rep, pl, src)
            srcs.append(src)
        convert(srcs, Path(tmp))
        for src, (_, _, path) in zip(srcs, docs, strict=False):
            src.with_suffix(".pdf").replace(path)
