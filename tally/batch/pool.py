"""Where documents are checked: a local pool of one process per document, watched by the
parent, or a Dask cluster. Either way the results come back to the parent, which alone
writes them.

Local pool: at most ``workers`` processes at a time, each forked for ONE document from a
fork server that has the extraction code imported already (a fresh process per document
costs a fork, not an interpreter start). The parent waits on the results' pipes and the
processes' sentinels: a result ends the document; a process that dies without one is
``crashed`` (with its signal); one still running past ``timeout`` seconds is killed and
``timeout``. Every process has an address-space limit (``max_memory_mb``), so a memory
blow-up ends in a MemoryError inside it (``too_large``) or in its death, never in the batch's.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from .worker import child_main, exit_reason, failure_result

PRELOAD = ["tally.batch._preload"]  # imports the rest, each in a try

Task = tuple[str, str]  # (path, sha256)
OnDone = Callable[[dict], None]


def _context():  # noqa: ANN202
    import multiprocessing as mp

    try:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
    except ValueError:  # no fork server on this platform
        ctx = mp.get_context("spawn")
    return ctx


class _Running:
    __slots__ = ("proc", "conn", "task", "started", "result")

    def __init__(self, proc, conn, task: Task) -> None:  # noqa: ANN001
        self.proc, self.conn, self.task = proc, conn, task
        self.started = time.monotonic()
        self.result: dict | None = None


def run_local(
    tasks: Iterable[Task], opts: dict, workers: int, timeout: float | None, on_done: OnDone
) -> None:
    from multiprocessing.connection import wait

    ctx = _context()
    pending = list(tasks)
    pending.reverse()  # pop() from the end keeps the given order
    running: list[_Running] = []
    lang = opts.get("lang", "zh")
    workers = max(1, workers)
    try:
        while pending or running:
            while pending and len(running) < workers:
                path, sha = task = pending.pop()
                r, w = ctx.Pipe(duplex=False)
                proc = ctx.Process(
                    target=child_main, args=(w, path, sha, opts), daemon=True,
                    name=f"tally-{sha[:12]}",
                )  # fmt: skip
                proc.start()
                w.close()
                running.append(_Running(proc, r, task))
            now = time.monotonic()
            wait_s = 0.5
            if timeout:
                wait_s = min([wait_s] + [max(0.0, x.started + timeout - now) for x in running])
            wait([x.conn for x in running] + [x.proc.sentinel for x in running], timeout=wait_s)
            still: list[_Running] = []
            for x in running:
                done = _poll(x, timeout, lang)
                if done is None:
                    still.append(x)
                else:
                    on_done(done)
            running = still
    finally:
        for x in running:  # interrupted: leave no process behind
            x.proc.kill()
            x.proc.join(5)
            x.conn.close()


def _poll(x: _Running, timeout: float | None, lang: str) -> dict | None:
    """This document's result if it is over (finished, dead or past its time), else None."""
    path, sha = x.task
    if x.result is None and x.conn.poll(0):
        try:
            x.result = x.conn.recv()
        except (EOFError, OSError):
            x.result = None
            x.proc.join(5)
            code = x.proc.exitcode
            x.conn.close()
            if code is None:
                x.proc.kill()
                x.proc.join(5)
            return failure_result(path, sha, "crashed", exit_reason(code), lang)
    if x.result is not None:
        x.proc.join(10)
        if x.proc.is_alive():
            x.proc.kill()
            x.proc.join(5)
        x.conn.close()
        return x.result
    if not x.proc.is_alive():
        x.proc.join()
        x.conn.close()
        return failure_result(path, sha, "crashed", exit_reason(x.proc.exitcode), lang)
    if timeout and time.monotonic() - x.started > timeout:
        x.proc.kill()
        x.proc.join(5)
        x.conn.close()
        return failure_result(path, sha, "timeout", _fmt_s(timeout), lang)
    return None


def _fmt_s(s: float) -> str:
    return f"{s:g}"


def run_dask(
    tasks: Iterable[Task], opts: dict, address: str, timeout: float | None, on_done: OnDone
) -> None:
    """The same documents on a Dask cluster; each Dask task runs its document in a
    subprocess (killed past ``timeout``) and returns the result, which the parent writes."""
    from distributed import Client, as_completed

    from .worker import dask_task

    lang = opts.get("lang", "zh")
    tasks = list(tasks)
    if not tasks:
        return
    with Client(address, set_as_default=False) as client:
        futures = {  # a worker opens the file by its absolute path (a shared file system)
            client.submit(
                dask_task, os.path.abspath(path), sha, opts, timeout, pure=False, retries=0
            ): (path, sha)
            for path, sha in tasks
        }
        try:
            for fut in as_completed(futures, loop=client.loop):
                path, sha = futures[fut]
                try:
                    result = fut.result()
                except Exception as exc:  # the Dask worker itself died, or the task raised
                    result = failure_result(path, sha, "crashed", f"{type(exc).__name__}", lang)
                result["path"] = result["doc"]["path"] = path  # the input path as given
                on_done(result)
                fut.release()
        finally:
            for fut in futures:
                if not fut.done():
                    fut.cancel()
