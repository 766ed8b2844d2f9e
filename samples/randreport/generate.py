"""Make one seed's clean and dirty reports with their truth files.

    python -m samples.randreport.generate --seed N --out DIR [--producer P] [--rules R]

writes DIR/rand-NNNN.pdf, DIR/rand-NNNN-dirty.pdf and a NAME.truth.json beside each."""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from .content import build_report
from .model import Report
from .paginate import Plan, plan
from .plant import plant
from .truth import build_truth, check_relation, touches


def doc_name(seed: int, genre: str = "evaluation") -> str:
    return f"{genre if genre in ('budget', 'final') else 'rand'}-{seed:04d}"


def _render(docs: list[tuple[Report, Plan, Path]], producer: str) -> list[tuple[dict, dict] | None]:
    if producer == "reportlab":
        from .layout_reportlab import render

        return [render(rep, pl, path) for rep, pl, path in docs]
    if producer == "docx":
        from .layout_docx import render_all
    else:
        from .layout_html import render_all
    render_all(docs)
    return [None] * len(docs)


def _place(p: dict, rep: Report, pl: Plan, boxes, path: Path) -> None:
    if p["table"] is None:
        p["page"] = next(
            n + 1 for n, page in enumerate(pl.body_pages) if ("para", p["para"]) in page
        )
        key = (p["para"], p["num"])
        got = boxes[1].get(key) if boxes else None
    else:
        tl = pl.tables[p["table"]]
        p["page"] = next(
            tl.first_page + i for i, (s, e) in enumerate(tl.chunks) if s <= p["row"] < e
        )
        got = boxes[0].get((p["table"], p["row"], p["col"])) if boxes else None
    if got is None:
        from .locate import locate

        p["bbox"] = locate(path, p["page"], p["printed"])
    else:
        assert got[0] == p["page"], (got, p)
        p["bbox"] = [round(x, 2) for x in got[1]]


def make(
    seed: int,
    out: Path,
    producer: str | None = None,
    rules: str | None = None,
    genre: str = "evaluation",
) -> dict:
    """Generate both documents of a seed; returns timing and paths. ``genre``: an evaluation
    report (评价报告, the default), a department budget disclosure (``budget``) or a final
    accounts disclosure (``final``)."""
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    if genre == "budget":
        from .genre_budget import build_disclosure, plant_budget

        rep = build_disclosure(seed, producer, rules)
        dirty, plants = plant_budget(random.Random(seed * 7919 + 17), rep)
    elif genre == "final":
        from .genre_final import build_final, plant_final

        rep = build_final(seed, producer, rules)
        dirty, plants = plant_final(random.Random(seed * 7919 + 17), rep)
    else:
        rep = build_report(seed, producer, rules)
        dirty, plants = plant(random.Random(seed * 7919 + 17), rep)
    name = doc_name(seed, genre)
    docs = [(rep, plan(rep), out / f"{name}.pdf"), (dirty, plan(dirty), out / f"{name}-dirty.pdf")]
    boxes = _render(docs, rep.variant["producer"])
    _check_pages(docs)
    clean_truth = build_truth(rep, docs[0][1], docs[0][2].name)
    for p in plants:
        _place(p, dirty, docs[1][1], boxes[1], docs[1][2])
    dirty_truth = build_truth(dirty, docs[1][1], docs[1][2].name, plants)
    for p in plants:
        p["breaks"] = [
            i
            for i, rel in enumerate(dirty_truth["relations"])
            if touches(rel, p) and check_relation(dirty_truth, rel) is False
        ]
    for truth, (_, _, path) in zip((clean_truth, dirty_truth), docs, strict=False):
        path.with_suffix(".truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return {
        "seed": seed,
        "producer": rep.variant["producer"],
        "rules": rep.variant["rules"],
        "seconds": time.perf_counter() - t0,
        "paths": [str(d[2]) for d in docs],
    }


def _check_pages(docs: list[tuple[Report, Plan, Path]]) -> None:
    """The page plan is what the truth states; a renderer that paginated differently is a bug."""
    import pypdfium2  # noqa: F401  (cheap page count)

    for _, pl, path in docs:
        n = len(pypdfium2.PdfDocument(str(path)))
        if n != pl.pages:
            raise RuntimeError(f"{path.name}: {n} pages printed, {pl.pages} planned")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--producer", choices=["reportlab", "docx", "html"])
    ap.add_argument("--rules", choices=["grid", "three-line", "none"])
    ap.add_argument("--genre", choices=["evaluation", "budget", "final"], default="evaluation")
    a = ap.parse_args(argv)
    info = make(a.seed, a.out, a.producer, a.rules, a.genre)
    print(
        f"seed {a.seed}: {info['producer']} {info['rules']} {info['seconds']:.2f}s → {', '.join(info['paths'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
