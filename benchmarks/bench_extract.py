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
    py = sys.executable
    out = [py, "-m", "tally.cli"]
    rows = []
    print(
        f"{'file':<40} {'pages':>5} {'bare':>7} {'extract':>8} {'×':>5} {'check':>7} {'×':>5} {'camelot':>8}  ms/page"
    )
    for f in pdfs(ns.paths):
        n = page_count(f)
        bare = timed([py, "-c", BARE, str(f)], ns.repeat)
        ext = timed([*out, "extract", str(f), "--format", "json", "-o", os.devnull], ns.repeat)
        chk = timed(
            [*out, "check", str(f), "--format", "json", "-o", os.devnull], ns.repeat, ok=(0, 1)
        )
        cam = None if ns.no_camelot else timed([py, "-c", CAMELOT, str(f)], 1)
        rows.append((n, bare, ext, chk, cam))
        cam_s = "-" if cam is None else f"{1000 * cam / n:.1f}"
        print(
            f"{f.name[:40]:<40} {n:>5} {1000 * bare / n:7.1f} {1000 * ext / n:8.1f} {ext / bare:5.2f}"
            f" {1000 * chk / n:7.1f} {chk / bare:5.2f} {cam_s:>8}"
        )
    pages = sum(r[0] for r in rows)
    bare_t, ext_t, chk_t = (sum(r[i] for r in rows) for i in (1, 2, 3))
    print(f"\n{len(rows)} PDFs, {pages} pages, one process per PDF, best of {ns.repeat}")
    print(f"  pdfplumber bare parse : {1000 * bare_t / pages:7.1f} ms/page")
    for name, t, i in (("tally extract", ext_t, 2), ("tally check", chk_t, 3)):
        med = statistics.median(r[i] / r[1] for r in rows)
        print(
            f"  {name:<21} : {1000 * t / pages:7.1f} ms/page  {t / bare_t:.2f}x bare (median file {med:.2f}x; goal <= 1.30x)"
        )
    if not ns.no_camelot:
        cam_t = sum(r[4] for r in rows)
        print(f"  camelot lattice       : {1000 * cam_t / pages:7.1f} ms/page")


if __name__ == "__main__":
    main()
