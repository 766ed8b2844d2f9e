"""What tally checks on the real budget disclosures (../shared/realpdfs), per rule; and how
it does on generated ones with planted errors.

    python benchmarks/bench_budgets.py [--root ../shared/realpdfs] [--generated N] [--final N]
                                       [--jobs 2]

For each PDF: tables read, relations checked, genre identities checked (rule file
``identities``), findings by severity. Then per rule family (row_sum, column_sum, hierarchy,
…) and per identity: relations checked and failed, over the whole set. Writes the printed text
to benchmarks/budgets_last_run.txt. The set is real and unplanted: every error is a false
alarm unless a person confirms it.

With ``--generated N``: N seeded budget disclosures (samples/randreport, genre ``budget``: the
genre's tables in every producer and rule style, a clean and a dirty twin each, cached in
out/budgets), scored against their truth: rows exact, planted errors found at their cells per
kind, false errors on the clean ones. With ``--final N``: as many final-accounts disclosures
(genre ``final``: the 决算 tables, 人员经费 | 公用经费 side by side, the 三公 table's 预算数 |
决算数 groups, direction words in the prose), cached in out/finals."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tally.api import extract  # noqa: E402
from tally.reconcile import CheckStats, check_document  # noqa: E402


def _generated_task(args: tuple[int, str, str]) -> dict:
    import json

    from samples.randreport.generate import doc_name, make
    from samples.randreport.score import score_document
    from tally.api import check

    seed, out, genre = args
    out_p = Path(out)
    name = doc_name(seed, genre)
    try:
        if not (out_p / f"{name}-dirty.truth.json").exists():
            make(seed, out_p, genre=genre)
    except Exception as e:  # a generator failure is reported, not fatal
        return {"seed": seed, "error": f"{type(e).__name__}: {e}"}
    res = []
    for suffix in ("", "-dirty"):
        pdf = out_p / f"{name}{suffix}.pdf"
        truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
        r = score_document(truth, check(pdf).to_json())
        r["producer"] = f"{truth['variant']['producer']}/{truth['variant']['rules']}"
        r["kinds"] = [
            (p["kind"], any(n.startswith(f"missed plant {p['kind']}") for n in r["notes"]))
            for p in truth["planted"]
        ]
        r["name"] = pdf.name
        res.append(r)
    return {"seed": seed, "results": res}


def generated(n: int, jobs: int, say, genre: str = "budget") -> None:  # noqa: ANN001
    import multiprocessing as mp

    out = ROOT / "out" / ("budgets" if genre == "budget" else "finals")
    with mp.get_context("spawn").Pool(jobs) as pool:
        done = pool.map(_generated_task, [(s, str(out), genre) for s in range(n)], chunksize=1)
    rows = rows_ok = fe = docs = 0
    kinds: dict[str, list[int]] = {}
    for d in done:
        if "error" in d:
            say(f"seed {d['seed']}: generator failed: {d['error']}")
            continue
        for r in d["results"]:
            docs += 1
            rows += r["rows_truth"]
            rows_ok += r["rows_exact"]
            fe += r["false_errors"]
            for kind, missed in r["kinds"]:
                kinds.setdefault(kind, [0, 0])
                kinds[kind][0] += 1
                kinds[kind][1] += 0 if missed else 1
            bad = [x for x in r["notes"] if "missed" in x or "false" in x or "rows" in x]
            if bad:
                say(f"  {r['name']} [{r['producer']}]: {'; '.join(bad)[:200]}")
    what = "budget" if genre == "budget" else "final-accounts"
    say(f"generated {what} disclosures: {docs} PDFs ({n} seeds, clean + dirty)")
    say(f"rows exact {rows_ok}/{rows} = {rows_ok / max(rows, 1):.3f}; false errors (clean) {fe}")
    for kind, (planted, found) in sorted(kinds.items()):
        say(f"planted {kind:16} {found}/{planted} found at their cells")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "realpdfs"))
    ap.add_argument("--generated", type=int, default=0)
    ap.add_argument("--final", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    pdfs = sorted(Path(args.root).rglob("*.pdf"))
    if not pdfs:
        print(f"no PDF under {args.root}")
        return 1
    out: list[str] = []
    say = out.append
    fam_checked: Counter = Counter()
    fam_untrusted: Counter = Counter()
    ident_checked: Counter = Counter()
    ident_failed: Counter = Counter()
    sev: Counter = Counter()
    t0 = time.perf_counter()
    say(f"{'document':46} {'tables':>6} {'checked':>7} {'ident.':>6} {'err':>4} {'warn':>4}")
    for pdf in pdfs:
        res = extract(pdf)
        if not res.ok:
            say(f"{pdf.name[:46]:46} failed: {res.error}")
            continue
        stats = CheckStats()
        found = check_document(res.document, stats=stats)
        for rep in stats.tables.values():
            for fam, c in rep.families.items():
                fam_checked[fam] += c["checked"]
                fam_untrusted[fam] += c["untrusted"]
        for k, c in stats.identities.items():
            ident_checked[k] += c["checked"]
            ident_failed[k] += c["failed"]
        fam_checked["prose claims"] += stats.claims
        n_ident = sum(c["checked"] for c in stats.identities.values())
        errs = sum(f.severity == "error" for f in found)
        warns = sum(f.severity == "warning" for f in found)
        sev.update(f.severity for f in found)
        name = f"{pdf.parent.name[:8]}/{pdf.name}"[:46]
        say(
            f"{name:46} {len(res.document.tables):6} {stats.relations:7} {n_ident:6} "
            f"{errs:4} {warns:4}"
        )
    say("")
    say(f"{'rule family':24} {'checked':>8} {'untrusted':>9}")
    for fam in sorted(fam_checked, key=lambda f: -fam_checked[f]):
        say(f"{fam:24} {fam_checked[fam]:8} {fam_untrusted[fam]:9}")
    say("")
    say(f"{'identity (rule file)':24} {'checked':>8} {'failed':>9}")
    for k in sorted(ident_checked, key=lambda k: -ident_checked[k]):
        say(f"{k:24} {ident_checked[k]:8} {ident_failed[k]:9}")
    say("")
    say(
        f"{len(pdfs)} PDFs in {time.perf_counter() - t0:.0f}s; findings: "
        f"{sev['error']} errors, {sev['warning']} warnings, {sev['info']} info"
    )
    if args.generated:
        say("")
        generated(args.generated, args.jobs, say)
    if args.final:
        say("")
        generated(args.final, args.jobs, say, "final")
    text = "\n".join(out)
    print(text)
    (ROOT / "benchmarks" / "budgets_last_run.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
