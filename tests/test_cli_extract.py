"""`tally extract` output formats, and the JSON report's table contract."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from tally.cli import main

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "guangdong-culture-2023.pdf"


def test_json_contract(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["extract", str(SAMPLE), "--format", "json", "-o", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "tally.report/1"
    (doc,) = report["documents"]
    assert doc["status"] == "ok" and doc["error"] is None and doc["pages"] == 9
    assert doc["matches"] == [] and doc["findings"] == []
    truth = json.loads(SAMPLE.with_suffix(".truth.json").read_text(encoding="utf-8"))
    for got, want in zip(doc["tables"], truth["tables"], strict=True):
        assert {"id", "title", "pages", "unit", "columns", "rows"} <= set(got)
        assert got["columns"] == want["columns"] and got["rows"] == want["rows"]


def test_folder_argument_reads_every_pdf(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    main(["extract", str(ROOT / "samples"), "--format", "json", "-o", str(out)])
    paths = [d["path"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]]
    assert paths == [str(p) for p in sorted((ROOT / "samples").rglob("*.pdf"))]
    assert any("/dirty/" in p for p in paths)


def test_csv_has_bom_and_provenance(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    main(["extract", str(SAMPLE), "--format", "csv", "-o", str(out)])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    total = [r for r in rows if r["text"] == "28,038.00"]
    assert total and float(total[0]["value"]) == 28038.0 and int(total[0]["page"]) >= 4
    assert float(total[0]["x1"]) > float(total[0]["x0"])


def test_xlsx_has_a_sheet_per_table(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    main(["extract", str(SAMPLE), "--format", "xlsx", "-o", str(out)])
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "目录" and len(wb.sheetnames) == 4
    index = list(wb["目录"].iter_rows(values_only=True))
    assert index[1][3].startswith("附件1")


def test_text_summary(capsys) -> None:  # noqa: ANN001
    assert main(["extract", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "9 页，3 张表" in out and "附件2" in out
