"""Accuracy of tally on seeded random reports it was never tuned to.

    python benchmarks/bench_accuracy.py [--n 200] [--jobs 2] [--out out/accuracy]

Generates N documents (seeds 0..N-1, a clean and a dirty twin each; cached in --out), runs
tally.check on every PDF (a process pool, one document per task, a per-document timeout),
scores each against its truth file (samples/randreport/score.py), prints metrics overall and by
producer and by rules style, the worst documents per metric, and writes the printed text to
benchmarks/accuracy_last_run.txt."""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import signal
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from samples.randreport import GENERATOR_VERSION  # noqa: E402
from samples.randreport.generate import doc_name, make  # noqa: E402
from samples.randreport.score import METRICS, aggregate, per_doc_value, score_document  # noqa: E402


def _cached(seed: int, out: Path) -> bool:
    name = doc_name(seed)
    for suffix in ("", "-dirty"):
        tp = out / f"{name}{suffix}.truth.json"
        if not tp.exists() or not (out / f"{name}{suffix}.pdf").exists():
            return False
        try:
            if GENERATOR_VERSION not in json.loads(tp.read_text())["generator"]:
                return False
        except (ValueError, KeyError):
            return False
    return True


def gen_task(args: tuple[int, str]) -> dict:
    seed, out = args
    out_p = Path(out)
    if _cached(seed, out_p):
        return {"seed": seed, "cached": True}
    try:
        info = make(seed, out_p)
        return {
            "seed": seed,
            "cached": False,
            "producer": info["producer"],
            "seconds": info["seconds"],
        }
    except Exception as e:  # a generator bug must not stop the run; it is reported
        return {"seed": seed, "error": f"{type(e).__name__}: {e}"}


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def check_task(args: tuple[str, int]) -> dict:
    path, timeout = args
    import tally

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    t0 = time.perf_counter()
    try:
        doc = tally.check(path).to_json()
    except Timeout:
        doc = {
            "path": path,
            "status": "failed",
            "error": {"code": "timeout", "message": f"over {timeout}s"},
        }
    except Exception as e:  # noqa: BLE001
        doc = {
            "path": path,
            "status": "failed",
            "error": {"code": "exception", "message": repr(e)[:200]},
        }
    finally:
        signal.alarm(0)
    return {"path": path, "doc": doc, "seconds": time.perf_counter() - t0}


def fmt_val(x) -> str:
    if x is None:
        return "—"
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def table(groups: dict[str, list[dict]]) -> list[str]:
    aggs = {g: aggregate(rs) for g, rs in groups.items()}
    names = [k for k in next(iter(aggs.values())) if not k.startswith("_")]
    w = max(len(n) for n in names) + 2
    lines = ["metric".ljust(w) + "".join(g.rjust(12) for g in groups)]
    for n in names:
        lines.append(n.ljust(w) + "".join(fmt_val(aggs[g][n]).rjust(12) for g in groups))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "accuracy")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per document for tally.check")
    ap.add_argument("--worst", type=int, default=10)
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    gen_times: dict[str, list[float]] = defaultdict(list)
    gen_errors = []
    with mp.Pool(a.jobs, maxtasksperchild=20) as pool:
        for info in pool.imap_unordered(gen_task, [(s, str(a.out)) for s in range(a.n)]):
            if "error" in info:
                gen_errors.append(info)
            elif not info["cached"]:
                gen_times[info["producer"]].append(info["seconds"])
    t_gen = time.perf_counter() - t0
    docs = []
    for s in range(a.n):
        for suffix in ("", "-dirty"):
            pdf = a.out / f"{doc_name(s)}{suffix}.pdf"
            if pdf.exists() and pdf.with_suffix(".truth.json").exists():
                docs.append(pdf)
    t1 = time.perf_counter()
    results = []
    with mp.Pool(a.jobs, maxtasksperchild=25) as pool:
        for got in pool.imap_unordered(check_task, [(str(p), a.timeout) for p in docs]):
            pdf = Path(got["path"])
            truth = json.loads(pdf.with_suffix(".truth.json").read_text())
            r = score_document(truth, got["doc"])
            r.update(
                path=str(pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf),
                producer=truth["variant"]["producer"],
                rules=truth["variant"]["rules"],
                seconds=got["seconds"],
            )
            results.append(r)
    t_check = time.perf_counter() - t1
    results.sort(key=lambda r: r["path"])
    out: list[str] = [
        f"tally accuracy on {a.n} seeded random reports ({len(results)} PDFs: clean + dirty twins), "
        f"generator {GENERATOR_VERSION}, jobs {a.jobs}",
        "",
    ]
    groups = {"all": results}
    for key in ("producer", "rules"):
        for val in sorted({r[key] for r in results}):
            groups[val] = [r for r in results if r[key] == val]
    out += table(groups)
    out.append("")
    out.append(
        f"generation {t_gen:.0f}s"
        + "".join(
            f"; {p} {sum(ts) / len(ts):.2f}s/seed (clean+dirty, {len(ts)} seeds)"
            for p, ts in sorted(gen_times.items())
        )
    )
    if not gen_times:
        out[-1] += " (all cached)"
    ct = [r["seconds"] for r in results]
    out.append(
        f"tally.check {t_check:.0f}s wall, {sum(ct) / max(len(ct), 1):.2f}s/document mean, max {max(ct, default=0):.1f}s"
    )
    for e in gen_errors:
        out.append(f"generator error seed {e['seed']}: {e['error']}")
    for name in [m[0] for m in METRICS] + ["false errors (clean)", "wrong name pairs"]:
        vals = [(per_doc_value(r, name), r) for r in results]
        vals = [(v, r) for v, r in vals if v is not None and v < 1.0]
        if not vals:
            continue
        vals.sort(key=lambda x: x[0])
        out.append("")
        out.append(f"worst {min(a.worst, len(vals))} of {len(vals)} documents below 1 on '{name}':")
        for v, r in vals[: a.worst]:
            notes = "; ".join(r["notes"][:4])
            out.append(f"  {v:7.3f}  {r['path']}  [{r['producer']}/{r['rules']}]  {notes[:300]}")
    text = "\n".join(out)
    print(text)
    (ROOT / "benchmarks" / "accuracy_last_run.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
