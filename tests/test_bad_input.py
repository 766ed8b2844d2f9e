"""Bad input gets a clear code and a Chinese message for that document; the others go on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tally.cli import main
from tally.errors import ExtractError
from tally.extract import read_document

SAMPLE = Path(__file__).parent.parent / "samples" / "jiangxi-agri-2023.pdf"


def _make(tmp: Path, kind: str) -> Path:
    p = tmp / f"{kind}.pdf"
    data = SAMPLE.read_bytes()
    if kind == "empty":
        p.write_bytes(b"")
    elif kind == "not_pdf":
        p.write_text("这不是 PDF，是一封邮件。", encoding="utf-8")
    elif kind == "truncated":
        p.write_bytes(data[: len(data) // 3])
    elif kind == "corrupt":  # header and trailer intact, the body overwritten
        p.write_bytes(data[:2000] + b"\x00garbage" * 4000 + data[-1500:])
    elif kind == "encrypted":
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(p), encrypt="secret")
        c.drawString(100, 700, "locked")
        c.save()
    elif kind == "image_only":
        from PIL import Image
        from reportlab.pdfgen import canvas

        img = tmp / "scan.png"
        Image.new("RGB", (200, 100), "white").save(img)
        c = canvas.Canvas(str(p))
        c.drawImage(str(img), 100, 500, 200, 100)
        c.save()
    elif kind == "no_tables":
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(p))
        c.drawString(100, 700, "A report with prose only.")
        c.save()
    return p


@pytest.mark.parametrize(
    "kind,code",
    [
        ("empty", "empty"),
        ("not_pdf", "not_pdf"),
        ("truncated", "truncated"),
        ("encrypted", "encrypted"),
    ],
)
def test_bad_file_has_specific_error(tmp_path: Path, kind: str, code: str) -> None:
    with pytest.raises(ExtractError) as err:
        read_document(_make(tmp_path, kind))
    assert err.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message_zh)


def test_corrupt_body_is_an_error_or_ok_never_a_crash(tmp_path: Path) -> None:
    try:
        doc = read_document(_make(tmp_path, "corrupt"))
    except ExtractError as exc:
        assert exc.code in {"corrupt", "no_text"}
    else:
        assert doc.pages


def test_image_only_pdf_is_read_with_a_warning(tmp_path: Path, capsys) -> None:
    """A scan is a readable PDF with nothing to check yet (no OCR): status ok, no tables, a
    document warning that says so, exit 0."""
    pdf = _make(tmp_path, "image_only")
    doc = read_document(pdf)
    assert doc.tables == []
    assert [w.code for w in doc.warnings] == ["image_only"]
    assert "OCR" in doc.warnings[0].message
    out = tmp_path / "scan.json"
    assert main(["check", str(pdf), "--format", "json", "-o", str(out)]) == 0
    d = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert d["status"] == "ok" and d["tables"] == [] and d["findings"] == []
    assert d["warnings"][0]["code"] == "image_only"


def test_pdf_without_tables_is_ok(tmp_path: Path) -> None:
    doc = read_document(_make(tmp_path, "no_tables"))
    assert doc.tables == [] and doc.pages[0].lines


def test_batch_goes_on_past_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = [_make(tmp_path, k) for k in ("empty", "not_pdf", "truncated", "encrypted")]
    missing = tmp_path / "missing.pdf"
    out = tmp_path / "out.json"
    code = main(
        ["extract", *map(str, bad), str(SAMPLE), str(missing), "--format", "json", "-o", str(out)]
    )
    assert code == 2
    report = json.loads(out.read_text(encoding="utf-8"))
    docs = {Path(d["path"]).name: d for d in report["documents"]}
    assert docs[SAMPLE.name]["status"] == "ok" and docs[SAMPLE.name]["tables"]
    for p in bad + [missing]:
        d = docs[p.name]
        assert d["status"] == "failed" and d["error"]["code"] and d["error"]["message"]
    assert "Traceback" not in capsys.readouterr().err


def test_pages_turned_sideways_are_refused_not_misread(tmp_path: Path) -> None:
    """A page whose text runs sideways (/Rotate 90) would be read with scrambled rows and
    columns: it is left unread with a warning, and a document of only such pages fails with its
    own code, never with false findings."""
    from pypdf import PdfReader, PdfWriter

    from tally.reconcile import check_document

    reader = PdfReader(SAMPLE)
    some, every = PdfWriter(), PdfWriter()
    for i, page in enumerate(reader.pages):
        some.add_page(page)
        every.add_page(page)
        every.pages[-1].rotate(90)
        if i >= 6:
            some.pages[-1].rotate(90)
    some.write(tmp_path / "some.pdf")
    every.write(tmp_path / "every.pdf")
    with pytest.raises(ExtractError) as err:
        read_document(tmp_path / "every.pdf")
    assert err.value.code == "rotated_text"
    doc = read_document(tmp_path / "some.pdf")
    assert {w.page for w in doc.warnings if w.code == "rotated_text"} == {7, 8, 9}
    assert all(not {7, 8, 9} & set(t.pages) for t in doc.tables)
    assert [f for f in check_document(doc) if f.severity == "error"] == []
