"""Small three-line-table PDFs for the tests, each with its truth computed from its own data.

``pages_doc``: a table over three pages as office software prints it (top and header rule on
the first page, no rule on the middle page, the bottom rule alone on the last, header not
repeated), prose after it. ``groups_doc``: two header groups whose cmidrules sit end to end,
and numbers right-aligned with quarter-em gutters. ``spans_doc``: city names vertically centred
over an even number of county rows. ``office_doc``: python-docx → LibreOffice, a Word table with
top, header and bottom borders only, over three pages.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "WQYMicroHei"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
W, H = A4
LEFT, RIGHT = 60.0, W - 60.0
PROSE = (
    "本年度项目资金总体执行情况良好，各项目单位按照预算批复的用途使用资金，资金拨付及时，"
    "支出结构合理，未发现截留、挤占、挪用资金的情况，项目的实施取得了预期的经济效益和社会效益。"
)


def _canvas(path: Path) -> canvas.Canvas:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(FONT, 10)
    return c


def _sw(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def _text(c: canvas.Canvas, x: float, y: float, s: str, size: float = 10, align: str = "l") -> None:
    c.setFont(FONT, size)
    {"l": c.drawString, "c": c.drawCentredString, "r": c.drawRightString}[align](x, y, s)


def _rule(c: canvas.Canvas, x0: float, x1: float, y: float, width: float = 0.75) -> None:
    c.setLineWidth(width)
    c.line(x0, y, x1, y)


def _prose(c: canvas.Canvas, y: float, text: str, size: float = 12) -> float:
    """Full-width prose lines from ``y`` down; returns the y below them."""
    line, lines = "", []
    for ch in text:
        if _sw(line + ch, size) > RIGHT - LEFT:
            lines.append(line)
            line = ""
        line += ch
    lines.append(line)
    for ln in lines:
        _text(c, LEFT, y, ln, size)
        y -= 1.8 * size
    return y


RUNNING = {"head": None, "foot": None}  # running head / foot text printed on every page


def _footer(c: canvas.Canvas, page: int) -> None:
    _text(c, W / 2, 30, f"— {page} —", 9, "c")
    if RUNNING["foot"]:
        _text(c, LEFT, 30, RUNNING["foot"], 9)
    if RUNNING["head"]:
        _text(c, RIGHT, H - 36, RUNNING["head"], 9, "r")


def _money(cents: int) -> str:
    return f"{cents // 100:,}.{cents % 100:02d}"


def pages_doc(
    path: Path,
    n_rows: int = 70,
    close: bool = True,
    prose_apart: bool = False,
    running: tuple[str | None, str | None] = (None, None),
    top_rule_after_break: bool = False,
    joint_after: int | None = None,
    joint_gap: float = 1.0,
    double_bottom: bool = False,
) -> dict:
    """One table over three pages: rules on the first page (top, header), none on the middle
    page, the bottom rule alone on the last; prose follows the table and fills a fourth page.
    ``close=False`` leaves out the bottom rule; ``prose_apart`` starts the prose on a new page;
    ``running``: a running head and foot on every page; ``top_rule_after_break``: a rule
    heads the table's part on each page after the first (a border repeated at the break);
    ``joint_after``: the table split by hand in two after that row, the split drifted off the
    page break (the first part's bottom rule and the second's top rule ``joint_gap`` apart);
    ``double_bottom``: the bottom rule drawn double."""
    RUNNING["head"], RUNNING["foot"] = running
    rng = random.Random(7)
    c = _canvas(path)
    xs = [LEFT, LEFT + 175, LEFT + 275, LEFT + 375, RIGHT]
    header = ["项目名称", "预算数", "执行数", "执行率"]
    rows = []
    for i in range(n_rows):
        bud = rng.randint(10_000, 9_000_000)
        spent = rng.randint(bud // 2, bud)
        rows.append([f"第{i + 1}号专项资金项目", _money(bud), _money(spent), f"{spent / bud:.2%}"])
    page = 1
    y = H - 72
    y = _prose(c, y, PROSE)
    _text(c, W / 2, y - 10, "附件1 2023年度专项资金执行情况表", 14, "c")
    _text(c, RIGHT, y - 32, "单位：万元", 10, "r")
    y -= 40
    _rule(c, LEFT, RIGHT, y, 1.0)
    for k, h in enumerate(header):
        _text(c, (xs[k] + xs[k + 1]) / 2, y - 15, h, 10, "c")
    y -= 22
    _rule(c, LEFT, RIGHT, y, 0.5)
    pages = {1: 0}
    for row in rows:
        if y - 20 < 60:
            _footer(c, page)
            c.showPage()
            page += 1
            y = H - 60
            if top_rule_after_break:
                _rule(c, LEFT, RIGHT, y, 0.5)
        base = y - 14
        _text(c, xs[0] + 4, base, row[0])
        for k in (1, 2, 3):
            _text(c, xs[k + 1] - 4, base, row[k], 10, "r")
        y -= 20
        pages[page] = pages.get(page, 0) + 1
        if joint_after is not None and len(rows) and row is rows[joint_after]:
            _rule(c, LEFT, RIGHT, y - 2, 1.0)
            _rule(c, LEFT, RIGHT, y - 2 - joint_gap, 1.0)
            y -= joint_gap
    if close:
        _rule(c, LEFT, RIGHT, y - 2, 1.0)
        if double_bottom:
            _rule(c, LEFT, RIGHT, y - 3.5, 1.0)
    if prose_apart:
        _footer(c, page)
        c.showPage()
        page += 1
        y = H - 42
    y = _prose(c, y - 30, PROSE * 2)
    _footer(c, page)
    c.showPage()
    _prose(c, H - 72, PROSE * 3)
    _footer(c, page + 1)
    c.save()
    RUNNING["head"] = RUNNING["foot"] = None
    return {
        "title": "附件1 2023年度专项资金执行情况表",
        "columns": [[h] for h in header],
        "rows": rows,
        "pages": sorted(pages),
        "prose_page": page,
    }


GROUPS = [
    ("资金到位情况", ["合计", "中央", "省级"]),
    ("资金使用情况", ["合计", "基本", "项目", "其他", "结余"]),
]


def groups_doc(path: Path, gutter: float = 2.5, n_rows: int = 12) -> dict:
    """Two header groups side by side, their cmidrules end to end; right-aligned numbers whose
    widest entries stand ``gutter`` points apart."""
    rng = random.Random(11)
    c = _canvas(path)
    leaves = [leaf for _, ls in GROUPS for leaf in ls]
    rows = []
    for i in range(n_rows):
        vals = [rng.randint(100_000, 9_999_999) for _ in leaves]
        rows.append([f"单位{i + 1}"] + [_money(v) for v in vals])
    size = 10
    num_w = [max(_sw(r[k + 1], size) for r in rows) for k in range(len(leaves))]
    xs = [LEFT, LEFT + 50]
    for w in num_w:
        xs.append(xs[-1] + w + gutter)
    y = H - 80
    _text(c, W / 2, y, "附件2 资金到位及使用情况表", 14, "c")
    y -= 20
    _rule(c, xs[0], xs[-1], y, 1.0)
    k = 1
    for label, ls in GROUPS:
        a, b = xs[k], xs[k + len(ls)]
        _text(c, (a + b) / 2, y - 14, label, 10, "c")
        _rule(c, a, b, y - 19, 0.5)  # end to end with the next group's
        for j, leaf in enumerate(ls):
            _text(c, (xs[k + j] + xs[k + j + 1]) / 2, y - 33, leaf, 10, "c")
        k += len(ls)
    _text(c, (xs[0] + xs[1]) / 2, y - 24, "单位", 10, "c")
    y -= 38
    _rule(c, xs[0], xs[-1], y, 0.5)
    for row in rows:
        base = y - 14
        _text(c, xs[0] + 2, base, row[0])
        for j in range(len(leaves)):
            _text(c, xs[j + 2], base, row[j + 1], size, "r")
        y -= 18
    _rule(c, xs[0], xs[-1], y - 2, 1.0)
    _footer(c, 1)
    c.showPage()
    c.save()
    cols = [["单位"]] + [[g, leaf] for g, ls in GROUPS for leaf in ls]
    return {"columns": cols, "rows": rows, "pages": [1]}


CITIES = [
    ("长沙市", ["芙蓉区", "天心区", "岳麓区", "开福区"]),
    ("湘潭市", ["雨湖区", "岳塘区"]),
    ("株洲市", ["荷塘区", "芦淞区", "石峰区"]),
    ("衡阳市", ["珠晖区", "雁峰区", "石鼓区", "蒸湘区"]),
]


def spans_doc(path: Path) -> dict:
    """City names vertically centred over their county rows: over an even number the name
    stands between two baselines, over an odd number on the middle row's; each city is
    repeated into every row it covers in the truth."""
    rng = random.Random(5)
    c = _canvas(path)
    xs = [LEFT, LEFT + 90, LEFT + 190, LEFT + 320, RIGHT]
    header = ["市州", "县区", "预算数", "执行数"]
    y = H - 80
    _text(c, W / 2, y, "附件3 分地区资金情况表", 14, "c")
    y -= 20
    _rule(c, LEFT, RIGHT, y, 1.0)
    for k, h in enumerate(header):
        _text(c, (xs[k] + xs[k + 1]) / 2, y - 15, h, 10, "c")
    y -= 22
    _rule(c, LEFT, RIGHT, y, 0.5)
    pitch = 18
    rows = []
    for city, counties in CITIES:
        top = y
        for county in counties:
            a, b = rng.randint(10_000, 999_999), rng.randint(10_000, 999_999)
            row = [city, county, _money(a), _money(b)]
            rows.append(row)
            base = y - 13
            _text(c, (xs[1] + xs[2]) / 2, base, county, 10, "c")
            _text(c, xs[3] - 4, base, row[2], 10, "r")
            _text(c, xs[4] - 4, base, row[3], 10, "r")
            y -= pitch
        mid_base = (top + y) / 2 - 3.5  # the name's centre at the block's centre
        _text(c, (xs[0] + xs[1]) / 2, mid_base, city, 10, "c")
    _rule(c, LEFT, RIGHT, y - 2, 1.0)
    _prose(c, y - 30, PROSE)
    _footer(c, 1)
    c.showPage()
    c.save()
    return {"columns": [[h] for h in header], "rows": rows, "pages": [1]}


def office_doc(path: Path, n_rows: int = 90, grouped: bool = False) -> dict | None:
    """python-docx → LibreOffice: a table bordered only at its top, under its header row and
    at its bottom, long enough for three pages; the header row is not marked to repeat.
    ``grouped``: a two-level header whose two group cells' bottom borders meet end to end, and
    a first column of city cells merged vertically over 4 county rows, centred."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def el(tag: str, **attrs: str):  # noqa: ANN202
        e = OxmlElement(tag)
        for k, v in attrs.items():
            e.set(qn(k), v)
        return e

    def border(side: str, sz: str):  # noqa: ANN202
        return el(
            f"w:{side}", **{"w:val": "single", "w:sz": sz, "w:space": "0", "w:color": "000000"}
        )

    rng = random.Random(3)
    rows = []
    if grouped:
        header = [
            ["市州", "县区", "资金到位情况", None, "资金使用情况", None],
            [None, None, "合计", "中央", "合计", "支出"],
        ]
        columns = [
            ["市州"],
            ["县区"],
            ["资金到位情况", "合计"],
            ["资金到位情况", "中央"],
            ["资金使用情况", "合计"],
            ["资金使用情况", "支出"],
        ]
        for i in range(n_rows):
            vals = [_money(rng.randint(10_000, 9_000_000)) for _ in range(4)]
            rows.append([f"第{i // 4 + 1}市", f"第{i + 1}县"] + vals)
    else:
        header = [["项目名称", "预算数", "执行数", "执行率"]]
        columns = [[h] for h in header[0]]
        for i in range(n_rows):
            bud = rng.randint(10_000, 9_000_000)
            spent = rng.randint(bud // 2, bud)
            rows.append([f"第{i + 1}号项目", _money(bud), _money(spent), f"{spent / bud:.2%}"])
    nh, nc = len(header), len(header[0])
    doc = Document()
    st = doc.styles["Normal"]
    st.font.size = Pt(10.5)
    rpr = st.element.get_or_add_rPr()
    names = ("ascii", "hAnsi", "eastAsia")
    rpr.insert(0, el("w:rFonts", **{f"w:{k}": "WenQuanYi Micro Hei" for k in names}))
    doc.add_paragraph(PROSE)
    doc.add_paragraph("附件1 2023年度项目执行情况表")
    table = doc.add_table(rows=n_rows + nh, cols=nc)
    borders = el("w:tblBorders")
    for side in ("top", "bottom"):
        borders.append(border(side, "12"))
    for side in ("left", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", **{"w:val": "nil"}))
    table._tbl.tblPr.append(borders)

    def bottom_rule(cell) -> None:  # noqa: ANN001
        tc = getattr(cell, "_tc", cell)
        tcb = el("w:tcBorders")
        tcb.append(border("bottom", "6"))
        tc.get_or_add_tcPr().append(tcb)

    if grouped:
        for c in (0, 1):
            table.cell(0, c).merge(table.cell(1, c))
        for c in (2, 4):
            table.cell(0, c).merge(table.cell(0, c + 1))
        for r0 in range(nh, nh + n_rows, 4):
            table.cell(r0, 0).merge(table.cell(min(r0 + 3, nh + n_rows - 1), 0))
    for r, texts in enumerate(header + rows):
        for k, text in enumerate(texts):
            if text is None or (grouped and r >= nh and k == 0 and (r - nh) % 4):
                continue
            cell = table.cell(r, k)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            p.add_run(text)
            p.alignment = 1 if r < nh or k == 0 else (0 if k == 1 else 2)
            if r < nh - 1 and k in (2, 4):
                bottom_rule(cell)  # the groups' rules, meeting end to end
    for tc in table.rows[nh - 1]._tr.tc_lst:
        bottom_rule(tc)  # the header rule, under every column (a merged cell's last part too)
    doc.add_paragraph(PROSE)
    docx = path.with_suffix(".docx")
    doc.save(str(docx))
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{prof}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(path.parent),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    out = path.parent / (docx.stem + ".pdf")
    if out != path:
        out.rename(path)
    return {"title": "附件1 2023年度项目执行情况表", "columns": columns, "rows": rows}
