"""`tally check --format html|xlsx|csv|pdf` on the dirty jiangxi sample (planted errors), plus
an unreadable file so that every format shows a failed document too."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES, read

from tally.cli import main
from tally.extract.numbers import parse_quantity
from tally.reconcile import check_document
from tally.reconcile.registry import rule_name

SOURCE = SAMPLES / "dirty" / "jiangxi-agri-2023-dirty.pdf"
DIRTY = SOURCE  # replaced by a private copy, see _dirty
CHROMIUM = Path("/usr/bin/chromium")
RED_FILL = "FF8080"
LIGHT_FILL = "DDEBF7"
SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


@pytest.fixture(scope="module", autouse=True)
def _dirty(tmp_path_factory) -> None:
    """A private copy, so that a sample regenerated meanwhile cannot change it under us."""
    global DIRTY
    DIRTY = tmp_path_factory.mktemp("sample") / SOURCE.name
    shutil.copyfile(SOURCE, DIRTY)


@pytest.fixture(scope="module")
def findings():
    """What `tally check` reports on the sample (info is not listed without --show-info)."""
    fs = [f for f in check_document(read(str(DIRTY))) if f.severity != "info"]
    assert len(fs) >= 5, "the dirty sample's planted errors are found"
    return fs


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("reports")
    bad = d / "损坏的报告.pdf"
    bad.write_bytes(b"this is not a PDF at all")
    for fmt, name in (("html", "r.html"), ("xlsx", "r.xlsx"), ("csv", "r.csv"), ("pdf", "pdfs")):
        rc = main(["check", str(DIRTY), str(bad), "--format", fmt, "--output", str(d / name)])
        assert rc == 2, fmt  # one input could not be read; the other is still reported
    return d


def _near(a, b) -> bool:
    return all(abs(x - y) < 0.6 for x, y in zip(a, b, strict=True))


def _reported(f):
    return next(c for c in f.cells if c.role in ("reported", "claim"))


# ---------------------------------------------------------------- CSV


def test_csv_has_bom_and_one_row_per_finding(out: Path, findings) -> None:
    data = (out / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    mine = [r for r in rows if r["文件"] == str(DIRTY)]
    assert len(mine) == len(findings)
    for r, f in zip(mine, findings, strict=True):
        assert r["规则"] == rule_name(f.rule, "zh") and r["级别"] == SEV_ZH[f.severity]
        assert r["印刷值"] == _reported(f).text
        # computed figures in the printed one's unit: 44,210.00万元 beside 44,219.00万元
        for key, x in (("应为", f.expected), ("差额", f.difference)):
            if x is not None:
                q = parse_quantity(r[key])
                assert q.value * q.scale == pytest.approx(x, abs=0.01 * q.scale), r[key]
                assert ("万" in r[key]) == ("万" in r["印刷值"])
        assert r["说明"] == f.message_zh and int(r["页"]) == _reported(f).page
    failed = [r for r in rows if r["文件"] != str(DIRTY)]
    assert len(failed) == 1 and failed[0]["级别"] == "失败" and failed[0]["说明"]


def test_csv_to_stdout_in_english(capsys) -> None:
    assert main(["check", str(DIRTY), "--format", "csv", "--lang", "en"]) == 1
    text = capsys.readouterr().out
    assert text.splitlines()[0].startswith("document,page,table,row,column,printed,expected")


# ---------------------------------------------------------------- XLSX


def test_xlsx_findings_sheet_highlights_and_comments(out: Path, findings) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(out / "r.xlsx")
    assert wb.sheetnames[:2] == ["问题清单", "文件"]
    ws = wb["问题清单"]
    head = [c.value for c in ws[1]]
    assert head == [
        "文件",
        "页",
        "表",
        "行",
        "列",
        "印刷值",
        "应为",
        "差额",
        "级别",
        "规则",
        "说明",
        "疑点",
        "编号",
        "复核",
    ]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(findings)
    doc = read(str(DIRTY))
    tables = {t.id: t for t in doc.tables}
    linked = 0
    for i, f in enumerate(findings, 2):
        rec = dict(zip(head, (c.value for c in ws[i]), strict=True))
        assert rec["规则"] == rule_name(f.rule, "zh") and rec["说明"] == f.message_zh
        assert rec["级别"] == SEV_ZH[f.severity]
        assert rec["印刷值"] == _reported(f).text
        scale = parse_quantity(_reported(f).text).scale or 1.0  # in the printed unit
        assert rec["应为"] == (None if f.expected is None else pytest.approx(f.expected / scale))
        assert rec["差额"] == (
            None if f.difference is None else pytest.approx(f.difference / scale)
        )
        # the link leads to the reported cell in its table's sheet: same text, red, commented
        rep, t = _reported(f), tables.get(f.table)
        depth = max(len(p) for p in t.columns) if t else 0
        grid = [*t.header[:depth], *t.rows] if t else []
        if not any(c.page == rep.page and _near(c.bbox, rep.bbox) for r in grid for c in r):
            continue  # not a cell of a table sheet (a claim in the body text)
        link = ws.cell(row=i, column=head.index("列") + 1).hyperlink
        m = re.fullmatch(r"#'?(.+?)'?!([A-Z]+)(\d+)", link.location or link.target)
        sheet, col, row = m.group(1), m.group(2), int(m.group(3))
        cell = wb[sheet][f"{col}{row}"]
        assert cell.value == rep.text
        assert cell.fill.fgColor.rgb.endswith(RED_FILL)
        assert f.message_zh in cell.comment.text
        # and it is the very cell of the extracted table the finding points at
        tcell = grid[row - 1][cell.column - 1]
        assert tcell.page == rep.page and _near(tcell.bbox, rep.bbox)
        linked += 1
    # every finding on a table cell is linked (prose claims and header names are not in a sheet)
    assert linked >= sum(
        1 for f in findings if f.rule != "name_unmatched" and not f.rule.startswith("prose")
    )
    light = [
        c
        for name in wb.sheetnames[2:]
        for r in wb[name].iter_rows()
        for c in r
        if c.fill.fgColor.rgb and str(c.fill.fgColor.rgb).endswith(LIGHT_FILL)
    ]
    assert light and all(c.comment is not None for c in light)
    docs = list(wb["文件"].iter_rows(min_row=2, values_only=True))
    assert [d[1] for d in docs] == ["ok", "失败"] and docs[1][-1]


# ---------------------------------------------------------------- annotated PDF


def test_pdf_has_square_annotations_on_every_cell(out: Path, findings) -> None:
    from pypdf import PdfReader

    files = sorted((out / "pdfs").iterdir())
    assert [p.name for p in files] == ["jiangxi-agri-2023-dirty.tally.pdf"]  # none for the bad one
    reader = PdfReader(files[0])
    assert len(reader.pages) == len(read(str(DIRTY)).pages)
    annots: dict[int, list] = {}
    labels: dict[int, list] = {}
    legends: dict[int, list] = {}
    for n, page in enumerate(reader.pages, 1):
        every = [a.get_object() for a in page.get("/Annots", [])]
        annots[n] = [a for a in every if a["/Subtype"] == "/Square"]
        labels[n] = [a for a in every if a["/Subtype"] == "/FreeText"]
        legends[n] = [a for a in every if a["/Subtype"] == "/Text"]
        assert len(every) == len(annots[n]) + len(labels[n]) + len(legends[n])
        assert len(labels[n]) == len(annots[n]) and len(legends[n]) == (1 if annots[n] else 0)
    # findings numbered in the report's order: each box's numbers beside it, a legend per page
    for k, f in enumerate(findings, 1):
        for c in f.cells:
            (legend,) = legends[c.page]
            assert f"【{k}】" in legend["/Contents"] and f.message_zh in legend["/Contents"]
            near = [
                a for a in labels[c.page]
                if str(k) in a["/Contents"].split(",")
                and abs(float(a["/Rect"][3]) - (float(reader.pages[c.page - 1].mediabox.top)
                                                - c.bbox[1])) < 2.5
            ]  # fmt: skip
            assert near, (k, f.rule, c)
    for f in findings:
        for c in f.cells:
            page = reader.pages[c.page - 1]
            assert int(page.get("/Rotate", 0)) == 0
            mb = page.mediabox
            # PDF user space: origin bottom-left; tally: origin top-left
            want = (
                float(mb.left) + c.bbox[0],
                float(mb.top) - c.bbox[3],
                float(mb.left) + c.bbox[2],
                float(mb.top) - c.bbox[1],
            )
            hits = [
                a
                for a in annots[c.page]
                if all(abs(float(x) - y) <= 1.0 for x, y in zip(a["/Rect"], want, strict=True))
            ]
            assert len(hits) == 1, (f.rule, c)
            a = hits[0]
            assert f.message_zh in a["/Contents"] and "【" in a["/Contents"]
            red = [float(v) for v in a["/C"]][0] > 0.5
            if c.role in ("reported", "claim"):
                assert red
            elif not any(
                o.role == "reported" and o.page == c.page and o.bbox == c.bbox
                for g in findings
                for o in g.cells
            ):
                assert not red  # an operand only: blue
    n_cells = len({(c.page, tuple(round(v, 1) for v in c.bbox)) for f in findings for c in f.cells})
    assert sum(len(v) for v in annots.values()) == n_cells


def test_pdf_single_input_writes_the_named_file(tmp_path: Path) -> None:
    target = tmp_path / "marked.pdf"
    assert main(["check", str(DIRTY), "--format", "pdf", "-o", str(target)]) == 1
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("fmt", ["html", "xlsx", "pdf"])
def test_file_formats_need_output(fmt: str, capsys) -> None:
    assert main(["check", str(DIRTY), "--format", fmt]) == 2
    assert "--output" in capsys.readouterr().err


def test_coordinates_on_rotated_and_cropped_pages(tmp_path: Path) -> None:
    """A filled square at a known user-space place, on pages with /Rotate and a CropBox:
    pdfplumber's box maps back to that place, and to the right pixels of pdfium's rendering."""
    import pdfplumber
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject
    from reportlab.pdfgen import canvas

    from tally.report.pagegeom import PageGeom

    src = tmp_path / "sq.pdf"
    cv = canvas.Canvas(str(src), pagesize=(400, 300))
    cv.setFillColorRGB(1, 0, 0)
    cv.rect(100, 50, 40, 20, stroke=0, fill=1)  # user space: (100, 50)–(140, 70)
    cv.save()
    w = PdfWriter()
    for rot in (0, 90, 180, 270):
        page = w.add_page(PdfReader(src).pages[0])
        page.cropbox = RectangleObject((20, 10, 380, 290))
        if rot:
            page.rotate(rot)
    rotated = tmp_path / "rot.pdf"
    w.write(rotated)

    pdf = pdfium.PdfDocument(str(rotated))
    with pdfplumber.open(rotated) as plumb:
        for i, ppage in enumerate(plumb.pages):
            r = ppage.rects[0]
            geom = PageGeom.of_pypdf(PdfReader(rotated).pages[i])
            rect = geom.rect_user((r["x0"], r["top"], r["x1"], r["bottom"]))
            assert rect == pytest.approx((100, 50, 140, 70), abs=0.01), geom.rotate
            img = pdf[i].render(scale=2).to_pil().convert("RGB")
            assert (img.width / 2, img.height / 2) == pytest.approx(geom.render_size, abs=1)
            x0, y0, x1, y1 = geom.bbox_in_render((r["x0"], r["top"], r["x1"], r["bottom"]))
            assert img.getpixel((int((x0 + x1)), int(y0 + y1))) == (255, 0, 0)
            assert img.getpixel((int(x0 * 2) - 4, int(y0 * 2) - 4)) == (255, 255, 255)


# ---------------------------------------------------------------- HTML in a real browser


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_html_in_headless_chromium(out: Path, findings) -> None:
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("TALLY_SCREENSHOTS") or out / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    html = out / "r.html"
    external: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "request",
                lambda r: None if r.url.startswith(("file:", "data:")) else external.append(r.url),
            )
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            blocks = page.locator("article.finding")
            assert blocks.count() == len(findings)
            for i, f in enumerate(findings):
                b = blocks.nth(i)
                assert b.is_visible()
                assert b.get_attribute("data-rule") == f.rule
                assert f.message_zh in b.inner_text()
                if f.expected is not None:
                    assert b.locator("td.printed").inner_text() == _reported(f).text
                    assert b.locator("td.expected").inner_text()
                imgs = b.locator("img")
                assert imgs.count() >= 1
                for k in range(imgs.count()):
                    ok = imgs.nth(k).evaluate("i => i.complete && i.naturalWidth > 0")
                    assert ok, f"image {k} of finding {i} did not render"
                    # at its own resolution, never shrunk to fit: small print stays legible
                    assert imgs.nth(k).evaluate("i => Math.abs(i.width - i.naturalWidth) <= 2")
                # the printed value in view in its crop: a wide one opens scrolled to it, with
                # the row's labels kept at the left
                crop = b.locator(".crop").first
                focus, left, width = crop.evaluate(
                    "c => [+c.dataset.focus, c.scrollLeft, c.clientWidth]"
                )
                sticky = crop.locator("img.labels").count()
                labels = crop.locator("img.labels").first.evaluate("i => i.width") if sticky else 0
                assert left + labels - 2 <= focus <= left + width + 2, (i, focus, left, width)
                # and a link to the page in full (the PDF opened at that page)
                href = b.locator("figcaption a").first.get_attribute("href")
                assert href.startswith("file://") and "#page=" in href
            page.screenshot(path=str(shots / "report-top.png"))
            page.screenshot(path=str(shots / "report-full.png"), full_page=True)
            blocks.nth(0).screenshot(path=str(shots / "finding-1.png"))
            # the failed document says so plainly
            failed = page.locator("section.doc.failed")
            assert failed.count() == 1 and "无法处理" in failed.inner_text()
            failed.screenshot(path=str(shots / "failed-document.png"))
            # severity filter: hiding errors hides every (error) finding, and back
            errors = sum(1 for f in findings if f.severity == "error")
            page.uncheck("input[name=sev][value=error]")
            hidden = sum(1 for i in range(blocks.count()) if blocks.nth(i).is_hidden())
            assert hidden == errors > 0
            assert page.inner_text("#shown") == str(len(findings) - errors)
            page.screenshot(path=str(shots / "errors-hidden.png"))
            page.check("input[name=sev][value=error]")
            assert all(blocks.nth(i).is_visible() for i in range(blocks.count()))
            # rule filter
            rule = findings[0].rule
            page.select_option("#rule", rule)
            visible = [blocks.nth(i).get_attribute("data-rule") for i in range(blocks.count())
                       if blocks.nth(i).is_visible()]  # fmt: skip
            assert visible == [f.rule for f in findings if f.rule == rule]
            page.screenshot(path=str(shots / f"rule-{rule}.png"))
        finally:
            browser.close()
    assert external == []  # works offline: nothing fetched


def test_rule_names_in_the_reports_language(capsys) -> None:
    """A Chinese report names each rule in Chinese (行合计, 正文合计), an English one in English;
    every rule a finding can carry has both names."""
    from tally.reconcile.registry import RULES

    assert all(r.zh and r.en and r.zh != r.id for r in RULES.values())
    assert main(["check", str(DIRTY), "--format", "csv"]) == 1
    zh = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert zh and all(r["规则"] in {x.zh for x in RULES.values()} for r in zh)
    assert main(["check", str(DIRTY), "--format", "csv", "--lang", "en"]) == 1
    en = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert en and all(r["rule"] in {x.en for x in RULES.values()} for r in en)
