"""Speed of `tally batch`: documents per minute with 1 and 2 workers, and each worker's peak
memory.

Input: the samples (clean and dirty) and the real PDFs in ../shared/realpdfs, copied under
new names (each copy with a trailing PDF comment, so that every copy is its own content and
none is skipped as already checked) until there are at least ``--docs`` documents. Each run
is a whole `tally batch` process (start-up, hashing, database and ledger included) into a
fresh output folder. Peak memory is each worker process's ru_maxrss (recorded per document
by the worker, read back from the database).

    python benchmarks/bench_batch.py [--docs 60] [--workers 1 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources() -> list[Path]:
    out = sorted((ROOT / "samples").glob("*.pdf")) + sorted(
        (ROOT / "samples" / "dirty").glob("*.pdf")
    )
    real = ROOT.parent / "shared" / "realpdfs"
    if real.exists():
        out += sorted(real.rglob("*.pdf"))
    return out


def make_corpus(folder: Path, n: int) -> list[Path]:
    src = sources()
    made: list[Path] = []
    i = 0
    while len(made) < n:
        s = src[i % len(src)]
        dept = s.parent.name if s.parent.name not in ("samples", "dirty") else "样例"
        dst = folder / f"部门{i % 7:02d}-{dept}" / f"报告{i:03d}.pdf"
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(s.read_bytes() + f"\n%bench copy {i}\n".encode())
        made.append(dst)
        i += 1
    return made


def run(corpus: Path, out: Path, workers: int) -> tuple[float, list[tuple]]:
    import duckdb

    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "tally.cli", "batch", str(corpus), "--out", str(out)]
    cmd += ["--workers", str(workers), "--no-progress"]
    t = time.perf_counter()
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    took = time.perf_counter() - t
    if rc not in (0, 1, 2):
        raise SystemExit(f"tally batch failed with exit code {rc}")
    con = duckdb.connect(str(out / "tally.duckdb"), read_only=True)
    rows = con.execute("SELECT status, pages, seconds, peak_rss_mb FROM documents").fetchall()
    con.close()
    return took, rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--keep", help="keep the corpus and outputs in this folder")
    ns = ap.parse_args()
    base = Path(ns.keep) if ns.keep else Path(tempfile.mkdtemp(prefix="tally-bench-batch-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        corpus = base / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        docs = make_corpus(corpus, ns.docs)
        print(f"{len(docs)} documents from {len(sources())} PDFs")
        rate: dict[int, float] = {}
        for w in ns.workers:
            took, rows = run(corpus, base / f"out-{w}", w)
            n = len(rows)
            pages = sum(r[1] or 0 for r in rows)
            failed = sum(r[0] != "ok" for r in rows)
            peak = max((r[3] or 0 for r in rows), default=0)
            mean = sum(r[3] or 0 for r in rows) / max(n, 1)
            busy = sum(r[2] or 0 for r in rows)
            rate[w] = n / took * 60
            print(
                f"workers={w}: {n} documents ({pages} pages, {failed} failed) in {took:.1f} s "
                f"= {rate[w]:.1f} documents/min; worker busy {busy:.1f} s; "
                f"peak memory per worker {peak:.0f} MB (mean {mean:.0f} MB)"
            )
        if 1 in rate:
            for w in rate:
                if w != 1:
                    print(f"speed-up {w} workers / 1 worker: {rate[w] / rate[1]:.2f}x")
    finally:
        if not ns.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
