"""What tally checks on the real budget disclosures (../shared/realpdfs), per rule.

    python benchmarks/bench_budgets.py [--root ../shared/realpdfs]

For each PDF: tables read, relations checked, genre identities checked (rule file
``identities``), findings by severity. Then per rule family (row_sum, column_sum, hierarchy,
…) and per identity: relations checked and failed, over the whole set. Writes the printed text
to benchmarks/budgets_last_run.txt. The set is real and unplanted: every error is a false
alarm unless a person confirms it."""

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(ROOT.parent / "shared" / "realpdfs"))
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
    text = "\n".join(out)
    print(text)
    (ROOT / "benchmarks" / "budgets_last_run.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
