"""`tally batch DIR...`: every PDF under the folders, checked in parallel, each document
isolated, results in DuckDB, a department ledger at the end.

A rerun skips every document whose content (sha256) was already checked by this version of
tally; a run killed at any moment resumes where it stopped. See ``store`` and ``pool``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..report.progress import Progress

EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


@dataclass
class BatchSummary:
    files: int = 0  # input paths
    checked: int = 0  # documents checked in this run
    skipped: int = 0  # input paths whose content was already checked (same hash and version)
    failed: int = 0  # input paths whose document failed (this run or before)
    with_errors: int = 0  # input paths whose document has error findings
    seconds: float = 0.0
    out: Path | None = None
    db: Path | None = None
    ledger: dict[str, Path] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    exit_code: int = EXIT_OK


def sha256_file(path: str) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _say(msg_zh: str, msg_en: str, lang: str) -> None:
    print(msg_en if lang == "en" else msg_zh, file=sys.stderr, flush=True)


def _report_name(sha: str, ext: str) -> str:
    return f"reports/{sha[:12]}.{ext}"


def _write_atomic(target: Path, data: bytes) -> None:
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _contract_json(doc: dict) -> bytes:
    from ..report.contract import SCHEMA

    return json.dumps({"schema": SCHEMA, "documents": [doc]}, ensure_ascii=False, indent=1).encode()


def _failed_html(doc: dict, lang: str) -> bytes | None:
    """An HTML report for a document that has only its error (killed, crashed), when the
    HTML renderer exists."""
    try:
        from ..report.html_out import write_html
    except ImportError:
        return None
    import tempfile

    from ..errors import ExtractError
    from ..result import DocumentResult

    err = doc.get("error") or {}
    res = DocumentResult(
        doc["path"], error=ExtractError(err.get("code", "internal"), err.get("message", ""))
    )
    try:
        with tempfile.TemporaryDirectory(prefix="tally-report-") as tmp:
            out = Path(tmp) / "report.html"
            write_html([res], out, lang=lang)
            return out.read_bytes()
    except Exception:
        return None


def write_report(out: Path, result: dict, lang: str) -> str:
    """The document's report in OUT/reports/: the worker's HTML, else the JSON contract.
    Returns its path relative to OUT (the ledger's link)."""
    sha = result["sha256"]
    rep = result.get("report")
    if rep is None and result["doc"].get("status") == "failed":
        data = _failed_html(result["doc"], lang)
        rep = ("html", data) if data else None
    if rep is not None:
        ext, data = rep
    else:
        ext, data = "json", _contract_json(result["doc"])
    name = _report_name(sha, ext)
    _write_atomic(out / name, data)
    return name


def run_batch(
    inputs: list[str],
    out: Path,
    db: Path | None = None,
    workers: int | None = None,
    timeout: float | None = 300.0,
    max_memory_mb: int | None = 2048,
    lang: str = "zh",
    dask: str | None = None,
    rules: list[str] | None = None,
    retry_failed: bool = False,
    progress: bool = True,
) -> BatchSummary:
    from .. import __version__
    from ..api import expand_paths, rules_fingerprint
    from .ledger import write_ledger
    from .store import Store
    from .worker import failure_result, test_hooks_from_env

    t0 = time.perf_counter()
    out = Path(out)
    db = Path(db) if db else out / "tally.duckdb"
    (out / "reports").mkdir(parents=True, exist_ok=True)
    summary = BatchSummary(out=out, db=db)
    paths = list(dict.fromkeys(expand_paths(inputs)))
    summary.files = len(paths)
    # results are reused only when made by this version, with the same rules and language
    key = f"{__version__}/{lang}/{rules_fingerprint(rules)}"
    if not paths:
        _say("没有找到 PDF 文件", "no PDF files found", lang)
        summary.exit_code = EXIT_FAILED
        return summary

    # content of every input: a file is known by what it holds, not by its name
    sha_of: dict[str, str] = {}
    size_of: dict[str, int] = {}
    unreadable: dict[str, str] = {}
    for p in paths:
        try:
            sha_of[p], size_of[p] = sha256_file(p)
        except OSError as exc:
            sha_of[p] = hashlib.sha256(f"unreadable:{os.path.abspath(p)}".encode()).hexdigest()
            size_of[p] = 0
            unreadable[p] = exc.strerror or type(exc).__name__
    groups: dict[str, list[str]] = {}
    for p in paths:
        groups.setdefault(sha_of[p], []).append(p)

    opts = {
        "lang": lang,
        "max_memory_mb": max_memory_mb,
        "rules": [str(Path(r).resolve()) for r in rules or []],
        "hooks": test_hooks_from_env(),
    }
    with Store(db, key) as store:
        done = store.done()
        if retry_failed:
            again = [s for s in groups if done.get(s) == "failed"]
            store.forget(again)
            for s in again:
                done.pop(s, None)
        todo = [(ps[0], s) for s, ps in groups.items() if s not in done]
        todo.sort(key=lambda t: -size_of[t[0]])  # largest first: no long document left to last
        skipped_paths = [p for s, ps in groups.items() if s in done for p in ps]
        summary.skipped = len(skipped_paths)
        store.record_files([(p, sha_of[p], size_of[p]) for p in skipped_paths])
        if not todo:
            _say(
                f"全部 {len(paths)} 个文件均已核对过（内容、tally {__version__} 版本、规则与语言相同），"
                "全部跳过",
                f"all {len(paths)} files already checked (same content, tally {__version__}, "
                "rules and language): skipped",
                lang,
            )
        else:
            where = f"Dask {dask}" if dask else (
                f"{workers or os.cpu_count() or 1} 个进程" if lang != "en"
                else f"{workers or os.cpu_count() or 1} processes"
            )  # fmt: skip
            _say(
                f"共 {len(paths)} 个文件：跳过已核对的 {summary.skipped} 个，"
                f"核对 {len(todo)} 个（{where}）",
                f"{len(paths)} files: {summary.skipped} already checked, skipped; "
                f"checking {len(todo)} ({where})",
                lang,
            )
        log = open(out / "batch.log", "a", encoding="utf-8")  # noqa: SIM115
        bar = Progress(len(todo), lang, enabled=progress)

        def on_done(result: dict) -> None:
            sha = result["sha256"]
            report = write_report(out, result, lang)
            files = [(p, sha, size_of[p]) for p in groups[sha]]
            store.write(result, report, lang, files)  # one transaction: whole or nothing
            doc = result["doc"]
            code = (doc.get("error") or {}).get("code") or ""
            log.write(f"{datetime.now().isoformat(timespec='seconds')}\t{doc['status']}\t"
                      f"{code}\t{sha}\t{result['path']}\n")  # fmt: skip
            log.flush()
            summary.checked += 1
            bar.advance(failed=doc["status"] != "ok")

        try:
            with bar:
                for p, s in todo:
                    if p in unreadable:
                        on_done(failure_result(p, s, "unreadable", unreadable[p], lang))
                todo = [(p, s) for p, s in todo if p not in unreadable]
                if dask:
                    from .pool import run_dask

                    run_dask(todo, opts, dask, timeout, on_done)
                else:
                    from .pool import run_local

                    run_local(todo, opts, workers or os.cpu_count() or 1, timeout, on_done)
        finally:
            log.close()

        stored = store.documents(list(groups))
    rows = []
    for p in paths:
        d = stored.get(sha_of[p])
        if d is None:  # cannot happen unless the run was interrupted
            continue
        report = d["report"]
        if not report or not (out / report).exists():  # e.g. another --out with the same --db
            report = _report_name(d["sha256"], "json")
            _write_atomic(out / report, _contract_json(json.loads(d["doc_json"])))
        rows.append(
            {
                "department": d["department"],
                "year": d["year"],
                "folder": Path(p).parent.name,
                "path": p,
                "pages": d["pages"],
                "tables": d["n_tables"],
                "errors": d["n_errors"],
                "warnings": d["n_warnings"],
                "status": d["status"],
                "reason": d["error_message"] or "",
                "report": report,
                "sha256": d["sha256"],
            }
        )
    summary.rows = rows
    summary.ledger = write_ledger(rows, out, lang)
    summary.failed = sum(r["status"] != "ok" for r in rows)
    summary.with_errors = sum(1 for r in rows if r["status"] == "ok" and r["errors"])
    summary.seconds = time.perf_counter() - t0
    if summary.failed:
        summary.exit_code = EXIT_FAILED
    elif summary.with_errors:
        summary.exit_code = EXIT_FINDINGS
    _say(
        f"完成：{len(rows)} 个文件，本次核对 {summary.checked} 个，跳过 {summary.skipped} 个；"
        f"有错误 {summary.with_errors} 个，无法处理 {summary.failed} 个；"
        f"用时 {summary.seconds:.1f} 秒。台账：{summary.ledger['xlsx']}，"
        f"索引：{summary.ledger['html']}，数据库：{db}",
        f"done: {len(rows)} files, {summary.checked} checked now, {summary.skipped} skipped; "
        f"{summary.with_errors} with errors, {summary.failed} failed; "
        f"{summary.seconds:.1f} s. Ledger: {summary.ledger['xlsx']}, "
        f"index: {summary.ledger['html']}, database: {db}",
        lang,
    )
    return summary


def cmd_batch(ns) -> int:  # noqa: ANN001
    from ..api import RulesError, load_rules

    out = Path(ns.out)
    try:
        load_rules(ns.rules)  # a bad rule file stops the batch before any document is read
    except RulesError as exc:
        _say(f"规则文件无法读取：{exc}", f"cannot read rules: {exc}", ns.lang)
        return EXIT_FAILED
    try:
        summary = run_batch(
            ns.paths,
            out,
            db=Path(ns.db) if ns.db else None,
            workers=ns.workers,
            timeout=ns.timeout or None,
            max_memory_mb=ns.max_memory or None,
            lang=ns.lang,
            dask=ns.dask,
            rules=ns.rules,
            retry_failed=ns.retry_failed,
            progress=not ns.no_progress,
        )
    except ImportError as exc:  # duckdb / rich / distributed missing
        _say(
            f"缺少依赖：{exc.name}（pip install {exc.name}）",
            f"missing dependency: {exc.name} (pip install {exc.name})",
            ns.lang,
        )
        return EXIT_FAILED
    except Exception as exc:
        if "duckdb" in type(exc).__module__:  # e.g. the database is locked by another batch
            _say(f"数据库无法使用：{exc}", f"cannot use the database: {exc}", ns.lang)
            return EXIT_FAILED
        raise
    return summary.exit_code
