"""Speed: `tally extract` and `tally check` against pdfplumber's bare object parse and camelot lattice.

Each measurement is a whole process (interpreter start and imports included), as a reviewer
runs it, on the same PDFs, in one run. Prints ms per page and the ratio to the bare parse.

    python benchmarks/bench_extract.py [--repeat N] [--no-camelot] [PDF_OR_DIR ...]

Default input: the samples and the real PDFs in ../shared/realpdfs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.chars, page.lines, page.rects
"""
CAMELOT = """
import sys, logging, warnings
warnings.filterwarnings("ignore"); logging.disable(logging.WARNING)
import camelot
for path in sys.argv[1:]:
    camelot.read_pdf(path, pages="all", flavor="lattice")
"""


def pdfs(args: list[str]) -> list[Path]:
    if not args:
        args = [str(ROOT / "samples"), str(ROOT.parent / "shared" / "realpdfs")]
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def page_count(path: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


def timed(cmd: list[str], repeat: int, ok: tuple[int, ...] = (0,)) -> float:
    """Best of ``repeat`` wall-clock seconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        if rc not in ok:
            raise SystemExit(f"{cmd} exited {rc}")
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-camelot", action="store_true")
    ns = ap.parse_args()
    files = pdfs(ns.paths)
    py = sys.executable
    rows = []
    print(
        f"{'file':<44} {'pages':>5} {'bare ms/p':>10} {'tally ms/p':>11} {'ratio':>6} {'camelot ms/p':>13}"
    )
    for f in files:
        n = page_count(f)
        bare = timed([py, "-c", BARE, str(f)], ns.repeat)
        tally = timed(
            [py, "-m", "tally.cli", "extract", str(f), "--format", "json", "-o", os.devnull],
            ns.repeat,
        )
        cam = None if ns.no_camelot else timed([py, "-c", CAMELOT, str(f)], 1)
        rows.append((n, bare, tally, cam))
        cam_s = "-" if cam is None else f"{1000 * cam / n:13.1f}"
        print(
            f"{f.name[:44]:<44} {n:>5} {1000 * bare / n:10.1f} {1000 * tally / n:11.1f} {tally / bare:6.2f} {cam_s:>13}"
        )
    pages = sum(r[0] for r in rows)
    bare_t = sum(r[1] for r in rows)
    tally_t = sum(r[2] for r in rows)
    print(f"\n{len(rows)} PDFs, {pages} pages, one process per PDF, best of {ns.repeat}")
    print(f"  pdfplumber bare parse : {1000 * bare_t / pages:7.1f} ms/page")
    print(
        f"  tally extract         : {1000 * tally_t / pages:7.1f} ms/page  ({tally_t / bare_t:.2f}x bare; goal <= 1.30x)"
    )
    print(
        f"  median per-file ratio : extract {statistics.median(r[2] / r[1] for r in rows):.2f}x, check {statistics.median(r[4] / r[1] for r in rows):.2f}x"
    )
    if not ns.no_camelot:
        cam_t = sum(r[3] for r in rows)
        print(f"  camelot lattice       : {1000 * cam_t / pages:7.1f} ms/page")


if __name__ == "__main__":
    main()
