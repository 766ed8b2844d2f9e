"""`tally batch`: a folder of good, bad, hanging documents; resume after SIGKILL; a rerun that
skips everything; the Dask path.

Hanging / crashing / memory-hungry documents are made with the worker's test hooks
(``tally/batch/worker.py``): ``TALLY_TEST_HANG`` (and ``_CRASH``, ``_MEMORY``) hold a file-name
glob that the worker honours only when the variable is set.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("rich")

from tally.batch.ledger import guess_department_year  # noqa: E402
from tally.batch.runner import run_batch  # noqa: E402
from tally.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _copy(src: Path, dst: Path, tag: str | None = None) -> Path:
    """A copy; with ``tag``, a trailing PDF comment makes its content (and hash) its own."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    data = src.read_bytes()
    if tag:
        data += f"\n%tally-test {tag}\n".encode()
    dst.write_bytes(data)
    return dst


def _db_rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _status_by_path(db: Path) -> dict[str, tuple]:
    rows = _db_rows(
        db,
        """SELECT f.path, d.status, d.error_code, d.department, d.year, d.n_tables
           FROM files f JOIN documents d USING (sha256, version)""",
    )
    return {Path(r[0]).name: r[1:] for r in rows}


def test_department_and_year_from_the_title_block() -> None:
    assert guess_department_year(
        ["湖南省市场监督管理局", "湘市监财函〔2024〕122号", "2023年度湖南省市场监督管理局专项资金"],
        "x/部门/a.pdf",
    ) == ("湖南省市场监督管理局", "text", 2023, "text")
    # a label wins over a printer's line; full-width colon; spaces inside the year
    d, src, y, ysrc = guess_department_year(
        ["江苏省2018年度", "省级部门预算公开报表", "部 门：中共江苏省委办公厅", "江苏省财政厅印制"],
        "x/y/b.pdf",
    )
    assert (d, src, y) == ("中共江苏省委办公厅", "text", 2018)
    # a title broken over two lines, the year first
    assert guess_department_year(["2018 年度江苏省高级", "人民法院预算公开"], "f/c.pdf")[:3] == (
        "江苏省高级人民法院",
        "text",
        2018,
    )
    # 委员会 … 办公厅 stays whole
    assert guess_department_year(["中国共产党江苏省委员会办公厅"], "f/d.pdf")[0] == (
        "中国共产党江苏省委员会办公厅"
    )
    # nothing in the text: the folder and the file name
    assert guess_department_year(
        ["- 1 -", "目 录", "一、主要职能"], "江苏省政协办公厅/x2019.pdf"
    ) == (
        "江苏省政协办公厅",
        "folder",
        2019,
        "filename",
    )


def test_folder_with_good_bad_and_hanging_documents(tmp_path, monkeypatch, capsys) -> None:
    src = tmp_path / "in"
    good = src / "部门甲"
    bad = src / "部门乙"
    _copy(SAMPLES / "jiangxi-agri-2023.pdf", good / "jiangxi.pdf")
    _copy(SAMPLES / "shaanxi-health-2022.pdf", good / "shaanxi.pdf")
    bad.mkdir(parents=True)
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "letter.pdf").write_text("这不是 PDF，是一封邮件。", encoding="utf-8")
    data = (SAMPLES / "guangdong-culture-2023.pdf").read_bytes()
    (bad / "truncated.pdf").write_bytes(data[: len(data) // 3])
    _copy(SAMPLES / "guangdong-culture-2023.pdf", bad / "hang-report.pdf", "hang")
    _copy(SAMPLES / "dirty" / "shaanxi-health-2022-dirty.pdf", bad / "crash-report.pdf", "crash")
    _copy(SAMPLES / "dirty" / "jiangxi-agri-2023-dirty.pdf", bad / "mem-report.pdf", "mem")
    monkeypatch.setenv("TALLY_TEST_HANG", "hang-*")
    monkeypatch.setenv("TALLY_TEST_CRASH", "crash-*")
    monkeypatch.setenv("TALLY_TEST_MEMORY", "mem-*")
    out = tmp_path / "out"

    t = time.monotonic()
    summary = run_batch([str(src)], out, workers=2, timeout=5, max_memory_mb=600, progress=False)
    took = time.monotonic() - t
    assert took < 90  # the hanging document was killed, not waited for
    assert summary.files == summary.checked == 8
    assert summary.exit_code == 2
    db = out / "tally.duckdb"
    st = _status_by_path(db)
    assert st["jiangxi.pdf"][:4] == ("ok", None, "江西省农业农村厅", 2023)
    assert st["shaanxi.pdf"][:4] == ("ok", None, "陕西省卫生健康委员会", 2022)
    assert st["jiangxi.pdf"][4] > 0  # its tables are stored
    assert {k: v[1] for k, v in st.items() if v[0] == "failed"} == {
        "empty.pdf": "empty",
        "letter.pdf": "not_pdf",
        "truncated.pdf": "truncated",
        "hang-report.pdf": "timeout",
        "crash-report.pdf": "crashed",
        "mem-report.pdf": "too_large",
    }
    assert st["empty.pdf"][2] == "部门乙"  # no text: the folder names the department
    n_tables = _db_rows(db, 'SELECT count(*) FROM "tables"')[0][0]
    assert n_tables == sum(v[4] for v in st.values())
    msg = _db_rows(db, "SELECT error_message FROM documents WHERE error_code = 'timeout'")[0][0]
    assert "超时" in msg

    # the ledger: xlsx (frozen header, autofilter), csv (BOM), index.html with every report
    from openpyxl import load_workbook

    ws = load_workbook(out / "ledger.xlsx").active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert ws.max_row == 9
    csv_bytes = (out / "ledger.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    assert "江西省农业农村厅" in csv_bytes.decode("utf-8-sig")
    index = (out / "index.html").read_text(encoding="utf-8")
    for row in summary.rows:
        assert row["report"] and (out / row["report"]).is_file()
        assert f'href="{row["report"]}"' in index
        if row["report"].endswith(".json"):  # no HTML renderer: the JSON contract
            rep = json.loads((out / row["report"]).read_text(encoding="utf-8"))
            assert rep["schema"] == "tally.report/1"
            assert rep["documents"][0]["status"] == row["status"]

    # a rerun checks nothing and says so
    log_before = (out / "batch.log").read_text(encoding="utf-8")
    capsys.readouterr()
    rc = main(["batch", str(src), "--out", str(out), "--no-progress", "--timeout", "5"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "全部 8 个文件均已核对过" in err and "跳过" in err
    assert (out / "batch.log").read_text(encoding="utf-8") == log_before
    assert _db_rows(db, "SELECT count(*) FROM documents")[0][0] == 8


def _eight_documents(folder: Path) -> list[Path]:
    pdfs = sorted(SAMPLES.glob("*.pdf")) + sorted((SAMPLES / "dirty").glob("*.pdf"))
    assert len(pdfs) >= 8
    return [_copy(p, folder / f"dept{i % 3}" / f"报告{i:02d}.pdf") for i, p in enumerate(pdfs)]


def test_resume_after_sigkill_loses_and_doubles_nothing(tmp_path) -> None:
    src = tmp_path / "in"
    docs = _eight_documents(src)
    out = tmp_path / "out"
    log = out / "batch.log"
    cmd = [sys.executable, "-m", "tally.cli", "batch", str(src), "--out", str(out)]
    cmd += ["--workers", "2", "--no-progress"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            if log.exists() and log.read_text(encoding="utf-8").strip():
                break  # the first document is committed
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        try:  # workers die with their parent; this only reaps what might be left
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.stderr.close()
    db = out / "tally.duckdb"
    stored = _db_rows(db, "SELECT count(*) FROM documents")[0][0]
    assert 1 <= stored < len(docs)

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode in (0, 1), rerun.stderr
    assert f"跳过已核对的 {stored} 个" in rerun.stderr
    assert f"核对 {len(docs) - stored} 个" in rerun.stderr
    st = _status_by_path(db)
    assert sorted(st) == sorted(p.name for p in docs)
    assert all(v[0] == "ok" for v in st.values())
    assert _db_rows(db, "SELECT count(*), count(DISTINCT sha256) FROM documents")[0] == (8, 8)
    # no document's rows written twice
    for table in ("tables", "findings", "matches"):
        dup = _db_rows(
            db, f'SELECT sha256, seq, count(*) c FROM "{table}" GROUP BY 1, 2 HAVING c > 1'
        )
        assert dup == [], table
    per_doc = _db_rows(
        db,
        """SELECT d.n_tables, (SELECT count(*) FROM "tables" t WHERE t.sha256 = d.sha256),
                  d.n_errors + d.n_warnings + d.n_info,
                  (SELECT count(*) FROM findings f WHERE f.sha256 = d.sha256)
           FROM documents d""",
    )
    assert all(a == b and c == d for a, b, c, d in per_doc)
    assert _db_rows(db, "SELECT count(*) FROM documents WHERE n_errors > 0")[0][0] >= 1  # dirty
    ledger = (out / "ledger.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(ledger) == 1 + len(docs)


def test_dask_local_cluster(tmp_path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    src = tmp_path / "in"
    _copy(SAMPLES / "jiangxi-agri-2023.pdf", src / "a" / "jiangxi.pdf")
    _copy(SAMPLES / "dirty" / "shaanxi-health-2022-dirty.pdf", src / "b" / "shaanxi-dirty.pdf")
    (src / "b" / "letter.pdf").write_text("not a PDF", encoding="utf-8")
    _copy(SAMPLES / "guangdong-culture-2023.pdf", src / "b" / "hang-me.pdf", "hang")
    monkeypatch.setenv("TALLY_TEST_HANG", "hang-*")
    out = tmp_path / "out"
    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        # a Dask worker imports tally inside the timed task: 5 s is too tight on a loaded machine
        summary = run_batch(
            [str(src)], out, dask=cluster.scheduler_address, timeout=20, progress=False
        )
    assert summary.checked == 4
    st = _status_by_path(out / "tally.duckdb")
    assert {k: v[:2] for k, v in st.items()} == {
        "jiangxi.pdf": ("ok", None),
        "shaanxi-dirty.pdf": ("ok", None),
        "letter.pdf": ("failed", "not_pdf"),
        "hang-me.pdf": ("failed", "timeout"),
    }
    paths = {r["path"] for r in summary.rows}
    assert str(src / "a" / "jiangxi.pdf") in paths  # the input path as given, not the worker's
    assert all((out / r["report"]).is_file() for r in summary.rows)


def test_reports_use_the_html_renderer_when_it_exists(tmp_path, monkeypatch) -> None:
    """write_html is an optional import made at call time: with it, the report is HTML."""
    import tally.report.html_out as html_out
    from tally import extract
    from tally.batch.runner import write_report
    from tally.batch.worker import _render_report, failure_result

    def fake_write_html(results, out, lang="zh"):  # noqa: ANN001
        Path(out).write_text(f"<html>{len(results)} {results[0].path} {lang}</html>")

    (tmp_path / "reports").mkdir()
    failed = failure_result("x/hang.pdf", "ab" * 32, "timeout", 5)
    monkeypatch.delattr(html_out, "write_html", raising=False)
    assert write_report(tmp_path, failed, "zh") == "reports/abababababab.json"
    monkeypatch.setattr(html_out, "write_html", fake_write_html, raising=False)
    assert write_report(tmp_path, failed, "en") == "reports/abababababab.html"
    assert "x/hang.pdf en" in (tmp_path / "reports" / "abababababab.html").read_text()
    res = extract(str(tmp_path / "missing.pdf"))
    ext, data = _render_report(res, "zh")
    assert ext == "html" and b"missing.pdf" in data
