"""What runs in a document's own process: read, check, render the report; return plain data.

The parent never trusts a worker with the database: a worker returns a dict (the JSON
contract of the document plus what the ledger needs) and the parent writes it.

Test hooks (honoured only when the batch process's environment sets them; the parent reads
them once and hands them to each worker, so a long-lived fork server or a Dask worker with
another environment still obeys the batch that started the task). Each holds a file-name glob
(``fnmatch`` on the file's name, e.g. ``*hang*``):

- ``TALLY_TEST_HANG``: a matching document sleeps forever before it is read: the watchdog's
  ``--timeout`` must kill it.
- ``TALLY_TEST_CRASH``: a matching document's process dies of SIGSEGV (a crash in C code).
- ``TALLY_TEST_MEMORY``: a matching document allocates until the address-space limit
  (``--max-memory``) stops it.

The hooks sit in the real code path (``process_document``), just before the document is
read, so what they exercise is the isolation every real document gets.
"""

from __future__ import annotations

import os
import sys
import time

HOOK_VARS = {"hang": "TALLY_TEST_HANG", "crash": "TALLY_TEST_CRASH", "memory": "TALLY_TEST_MEMORY"}


def test_hooks_from_env(env: dict[str, str] | None = None) -> dict[str, str]:
    env = os.environ if env is None else env
    return {k: env[v] for k, v in HOOK_VARS.items() if env.get(v)}


# failure codes the batch adds to those of tally.extract (empty, not_pdf, truncated, ...)
FAILURES = {
    "timeout": ("处理超时（超过 {s} 秒），已终止", "timed out (over {s} s), killed"),
    "crashed": ("处理进程异常退出（{s}）", "the worker process died ({s})"),
    "too_large": ("文件过大，超出内存上限（{s} MB），无法处理", "out of memory (limit {s} MB)"),
    "unreadable": ("无法读取文件（{s}）", "cannot read the file ({s})"),
}


def failure_message(code: str, detail: object, lang: str) -> tuple[str, str]:
    zh, en = FAILURES[code]
    return zh.format(s=detail), en.format(s=detail)


def failure_result(path: str, sha256: str, code: str, detail: object, lang: str = "zh") -> dict:
    """The result of a document that never produced one (killed, crashed, unreadable)."""
    from .ledger import guess_department_year

    zh, en = failure_message(code, detail, lang)
    dept, dept_src, year, year_src = guess_department_year([], path)
    return {
        "path": path,
        "sha256": sha256,
        "doc": {
            "path": path,
            "status": "failed",
            "error": {"code": code, "message": en if lang == "en" else zh},
            "pages": 0,
            "tables": [],
            "matches": [],
            "findings": [],
            "checked_relations": None,
            "unchecked_relations": None,
            "warnings": [],
        },
        "department": dept,
        "department_source": dept_src,
        "year": year,
        "year_source": year_src,
        "seconds": None,
        "peak_rss_mb": None,
        "report": None,
    }


def _limit_memory(max_mb: int | None) -> None:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crashing worker leaves no core file
    except (ValueError, OSError):
        pass
    if not max_mb:
        return
    limit = int(max_mb) * 1024 * 1024
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def die_with_parent() -> None:
    """Linux: this process gets SIGKILL when its parent dies, so a hung worker never outlives
    a batch that was killed."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _run_hooks(path: str, hooks: dict[str, str]) -> None:
    if not hooks:
        return
    from fnmatch import fnmatch

    name = os.path.basename(path)
    if hooks.get("hang") and fnmatch(name, hooks["hang"]):
        while True:
            time.sleep(3600)
    if hooks.get("crash") and fnmatch(name, hooks["crash"]):
        import signal

        os.kill(os.getpid(), signal.SIGSEGV)
    if hooks.get("memory") and fnmatch(name, hooks["memory"]):
        hog = []
        while True:
            hog.append(bytearray(64 << 20))  # MemoryError once the address space is used up


def _peak_rss_mb() -> float:
    import resource

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return round(kb / 1024, 1)


def _render_report(res, lang: str) -> tuple[str, bytes] | None:  # noqa: ANN001
    """The per-document HTML report, when ``tally.report.html_out.write_html`` exists
    (imported here, at call time); None otherwise: the parent writes the JSON contract."""
    try:
        from ..report.html_out import write_html
    except ImportError:
        return None
    import tempfile
    from pathlib import Path

    try:
        with tempfile.TemporaryDirectory(prefix="tally-report-") as tmp:
            out = Path(tmp) / "report.html"
            write_html([res], out, lang=lang)
            return ("html", out.read_bytes())
    except MemoryError:
        return None
    except Exception:  # a bug in the renderer costs this document its HTML, not its results
        return None


def process_document(path: str, sha256: str, opts: dict) -> dict:
    """Read and check one document; every failure becomes that document's error."""
    t0 = time.perf_counter()
    lang = opts.get("lang", "zh")
    _limit_memory(opts.get("max_memory_mb"))
    _run_hooks(path, opts.get("hooks") or {})
    from ..api import check, load_rules
    from .ledger import guess_department_year

    try:
        res = check(path, vocab=load_rules(opts.get("rules")))
    except MemoryError:
        res = None
    if res is None or (res.error is not None and res.error.code == "too_large"):
        return failure_result(path, sha256, "too_large", opts.get("max_memory_mb"), lang)
    lines = []
    if res.document is not None:
        lines = [ln.text for pg in res.document.pages[:2] for ln in pg.lines]
    dept, dept_src, year, year_src = guess_department_year(lines, path)
    doc = res.to_json(lang)
    report = _render_report(res, lang)
    return {
        "path": path,
        "sha256": sha256,
        "doc": doc,
        "department": dept,
        "department_source": dept_src,
        "year": year,
        "year_source": year_src,
        "seconds": round(time.perf_counter() - t0, 3),
        "peak_rss_mb": _peak_rss_mb(),
        "report": report,
    }


def child_main(conn, path: str, sha256: str, opts: dict) -> None:  # noqa: ANN001
    """Entry of a local pool process: one document, its result sent to the parent."""
    die_with_parent()
    try:
        result = process_document(path, sha256, opts)
    except MemoryError:
        result = failure_result(
            path, sha256, "too_large", opts.get("max_memory_mb"), opts.get("lang", "zh")
        )
    except BaseException as exc:  # noqa: BLE001 - whatever happens is this document's error
        result = failure_result(
            path, sha256, "crashed", f"{type(exc).__name__}: {exc}", opts.get("lang", "zh")
        )
    try:
        conn.send(result)
    finally:
        conn.close()


def dask_task(path: str, sha256: str, opts: dict, timeout: float | None) -> dict:
    """Runs on a Dask worker: the document in a subprocess of its own (a Dask worker is a
    daemon process and may not fork multiprocessing children), killed past ``timeout``."""
    import pickle
    import subprocess
    import tempfile

    lang = opts.get("lang", "zh")
    with tempfile.TemporaryDirectory(prefix="tally-dask-") as tmp:
        out = os.path.join(tmp, "result.pkl")
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "tally.batch.worker", out],
                input=pickle.dumps((path, sha256, opts)),
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return failure_result(path, sha256, "timeout", f"{timeout:g}", lang)
        if os.path.exists(out):
            with open(out, "rb") as fh:
                return pickle.load(fh)
        return failure_result(path, sha256, "crashed", exit_reason(proc.returncode), lang)


def exit_reason(code: int | None) -> str:
    if code is None:
        return "unknown"
    if code < 0:
        import signal

        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def _subprocess_main(out: str) -> int:
    import pickle

    die_with_parent()
    path, sha256, opts = pickle.loads(sys.stdin.buffer.read())
    try:
        result = process_document(path, sha256, opts)
    except MemoryError:
        result = failure_result(
            path, sha256, "too_large", opts.get("max_memory_mb"), opts.get("lang", "zh")
        )
    tmp = out + ".part"
    with open(tmp, "wb") as fh:
        pickle.dump(result, fh)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(_subprocess_main(sys.argv[1]))
