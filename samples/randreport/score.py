"""Score tally's JSON document (design.md contract) against a truth file.

Per document: tables found, rows / cells / column headers exact, planted errors found (recall),
error findings touching a plant (precision), false errors on clean documents, name pairs."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher


def norm(s: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", s or "").split())


def _path(p: list[str]) -> tuple[str, ...]:
    return tuple(norm(x) for x in p)


def _table_score(tt: dict, et: dict) -> float:
    title = 0.0
    if tt.get("title") and et.get("title"):
        title = SequenceMatcher(None, norm(tt["title"]), norm(et["title"])).ratio()
    tcols = [_path(c) for c in tt["columns"]]
    ecols = [_path(c) for c in et.get("columns") or []]
    head = sum(1 for i, c in enumerate(tcols) if i < len(ecols) and ecols[i] == c) / max(
        len(tcols), 1
    )
    return max(title, head)


def align_tables(truth: dict, doc: dict) -> dict[int, int]:
    """truth table index → extracted table index (best title or header match, one to one)."""
    ext = doc.get("tables") or []
    pairs = sorted(
        (
            (_table_score(tt, et), i, j)
            for i, tt in enumerate(truth["tables"])
            for j, et in enumerate(ext)
        ),
        reverse=True,
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for s, i, j in pairs:
        if s >= 0.5 and i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def align_rows(trows: list[list[str]], erows: list[list[str]]) -> list[tuple[int, int]]:
    """Rows aligned in order (an LCS weighted by the share of equal cells, a pair needs ≥ half)."""
    T = [[norm(x) for x in r] for r in trows]
    E = [[norm(x) for x in r] for r in erows]

    def sim(a: list[str], b: list[str]) -> float:
        n = max(len(a), 1)
        return sum(1 for x, y in zip(a, b, strict=False) if x == y) / n

    n, m = len(T), len(E)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = sim(T[i], E[j])
            take = best[i + 1][j + 1] + s if s >= 0.5 else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        s = sim(T[i], E[j])
        if s >= 0.5 and abs(best[i][j] - (best[i + 1][j + 1] + s)) < 1e-9:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _overlap(a: list[float], b: list[float], tol: float = 0.5) -> bool:
    return a[0] < b[2] + tol and b[0] < a[2] + tol and a[1] < b[3] + tol and b[1] < a[3] + tol


def _touches(f: dict, p: dict) -> bool:
    return any(
        c.get("page") == p["page"] and c.get("bbox") and _overlap(c["bbox"], p["bbox"])
        for c in f.get("cells") or []
    )


def score_document(truth: dict, doc: dict) -> dict:
    r: dict = {"dirty": bool(truth.get("planted")), "status": doc.get("status"), "notes": []}
    if doc.get("status") != "ok":
        r["notes"].append(
            f"status {doc.get('status')}: {(doc.get('error') or {}).get('message', '')}"
        )
    tables = truth["tables"]
    ext = doc.get("tables") or []
    amap = align_tables(truth, doc)
    r.update(
        tables_truth=len(tables),
        tables_found=len(amap),
        rows_truth=0,
        rows_exact=0,
        cells_truth=0,
        cells_exact=0,
        cols_truth=0,
        cols_exact=0,
    )
    for i, tt in enumerate(tables):
        ncells = sum(len(x) for x in tt["rows"])
        r["rows_truth"] += len(tt["rows"])
        r["cells_truth"] += ncells
        r["cols_truth"] += len(tt["columns"])
        if i not in amap:
            r["notes"].append(f"table {i} ({tt['title']}) not found")
            continue
        et = ext[amap[i]]
        ecols = [_path(c) for c in et.get("columns") or []]
        ce = sum(1 for k, c in enumerate(tt["columns"]) if k < len(ecols) and ecols[k] == _path(c))
        r["cols_exact"] += ce
        pairs = align_rows(tt["rows"], et.get("rows") or [])
        re_, cl = 0, 0
        for a, b in pairs:
            tr = [norm(x) for x in tt["rows"][a]]
            er = [norm(x) for x in et["rows"][b]]
            eq = sum(1 for x, y in zip(tr, er, strict=False) if x == y)
            cl += eq
            re_ += int(eq == len(tr) == len(er))
        r["rows_exact"] += re_
        r["cells_exact"] += cl
        if ce < len(tt["columns"]) or re_ < len(tt["rows"]):
            r["notes"].append(
                f"table {i}: headers {ce}/{len(tt['columns'])}, rows {re_}/{len(tt['rows'])}, "
                f"cells {cl}/{ncells} (extracted {len(et.get('rows') or [])} rows × {len(ecols)} cols)"
            )
    errors = [f for f in doc.get("findings") or [] if f.get("severity") == "error"]
    r["errors"] = len(errors)
    planted = truth.get("planted") or []
    r["plants"] = len(planted)
    r["plants_found"] = sum(1 for p in planted if any(_touches(f, p) for f in errors))
    r["errors_on_plants"] = sum(1 for f in errors if any(_touches(f, p) for p in planted))
    for p in planted:
        if not any(_touches(f, p) for f in errors):
            r["notes"].append(
                f"missed plant {p['kind']} p.{p['page']} {p['original']}→{p['printed']}"
            )
    r["false_errors"] = 0 if planted else len(errors)
    for f in (
        errors if not planted else [f for f in errors if not any(_touches(f, p) for p in planted)]
    ):
        r["notes"].append(
            f"{'false' if not planted else 'unplanted'} error {f.get('rule')}: {str(f.get('message'))[:90]}"
        )
    truth_pairs = {(norm(a), norm(b)) for a, b in truth.get("names") or []}
    partner = {}
    for a, b in truth_pairs:
        partner[a], partner[b] = b, a
    got = {(norm(m.get("a")), norm(m.get("b"))) for m in doc.get("matches") or []}
    found = {p for p in truth_pairs if p in got or (p[1], p[0]) in got}
    r["names_truth"] = len(truth_pairs)
    r["names_found"] = len(found)
    wrong = [
        (a, b)
        for a, b in got
        if (a in partner and partner[a] != b) or (b in partner and partner[b] != a)
    ]
    r["names_wrong"] = len(wrong)
    for a, b in sorted(truth_pairs - found):
        r["notes"].append(f"name pair missed {a} ~ {b}")
    for a, b in wrong[:5]:
        r["notes"].append(f"wrong name pair {a} ~ {b}")
    return r


METRICS = [
    # name, numerator, denominator, higher is better
    ("tables found", "tables_found", "tables_truth"),
    ("headers exact", "cols_exact", "cols_truth"),
    ("rows exact", "rows_exact", "rows_truth"),
    ("cells exact", "cells_exact", "cells_truth"),
    ("plant recall", "plants_found", "plants"),
    ("precision (dirty)", "errors_on_plants", "dirty_errors"),
    ("names found", "names_found", "names_truth"),
]


def aggregate(results: list[dict]) -> dict:
    tot: dict = {}
    for r in results:
        for k in (
            "tables_found",
            "tables_truth",
            "cols_exact",
            "cols_truth",
            "rows_exact",
            "rows_truth",
            "cells_exact",
            "cells_truth",
            "plants_found",
            "plants",
            "errors_on_plants",
            "names_found",
            "names_truth",
            "names_wrong",
        ):
            tot[k] = tot.get(k, 0) + r.get(k, 0)
        tot["dirty_errors"] = tot.get("dirty_errors", 0) + (
            r.get("errors", 0) if r.get("dirty") else 0
        )
        tot["false_errors"] = tot.get("false_errors", 0) + r.get("false_errors", 0)
        tot["clean_docs"] = tot.get("clean_docs", 0) + (0 if r.get("dirty") else 1)
        tot["clean_docs_with_false"] = tot.get("clean_docs_with_false", 0) + (
            1 if not r.get("dirty") and r.get("false_errors") else 0
        )
        tot["failed"] = tot.get("failed", 0) + (1 if r.get("status") != "ok" else 0)
        tot["docs"] = tot.get("docs", 0) + 1
    out = {name: (tot.get(n, 0) / tot[d] if tot.get(d) else None) for name, n, d in METRICS}
    out["false errors (clean)"] = tot.get("false_errors", 0)
    out["clean docs with ≥1 false"] = (
        f"{tot.get('clean_docs_with_false', 0)}/{tot.get('clean_docs', 0)}"
    )
    out["wrong name pairs"] = tot.get("names_wrong", 0)
    out["docs (failed)"] = f"{tot.get('docs', 0)} ({tot.get('failed', 0)})"
    out["_totals"] = tot
    return out


def per_doc_value(r: dict, metric: str) -> float | None:
    for name, n, d in METRICS:
        if name == metric:
            den = (
                r.get(n if d != "dirty_errors" else "errors", 0)
                if False
                else (r.get("errors", 0) if d == "dirty_errors" else r.get(d, 0))
            )
            if d == "dirty_errors" and not r.get("dirty"):
                return None
            return r.get(n, 0) / den if den else None
    if metric == "false errors (clean)":
        return -float(r["false_errors"]) if not r.get("dirty") and r.get("false_errors") else None
    if metric == "wrong name pairs":
        return -float(r["names_wrong"]) if r.get("names_wrong") else None
    return None
