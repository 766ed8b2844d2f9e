"""The truth file (samples/README.md conventions, extended with relations, plants and names) and
a checker that evaluates a relation on the printed texts under round-to-nearest intervals."""

from __future__ import annotations

from decimal import Decimal

from . import GENERATOR_VERSION
from .model import Num, Report
from .numfmt import deduction_in_text, interval, weight_in_label
from .paginate import Plan

Iv = tuple[Decimal, Decimal]


def build_truth(rep: Report, pl: Plan, pdf_name: str, planted: list[dict] | None = None) -> dict:
    body_page = {
        ("para", i): n + 1
        for n, page in enumerate(pl.body_pages)
        for kind, i in page
        if kind == "para"
    }
    tables = []
    for t, tl in zip(rep.tables, pl.tables, strict=False):
        tables.append(
            {
                "title": t.truth_title(),
                "unit": t.unit,
                "pages": tl.pages,
                "columns": t.columns(),
                "rows": [list(r) for r in t.rows],
                "orientation": tl.orient,
                "font_size": tl.size,
            }
        )
    prose = []
    for p, segs in enumerate(rep.paras):
        prose.append(
            {
                "page": body_page[("para", p)],
                "text": rep.para_text(p),
                "numbers": [s.text for s in segs if isinstance(s, Num)],
            }
        )
    return {
        "pdf": pdf_name,
        "generator": f"samples/randreport ({GENERATOR_VERSION})",
        "seed": rep.seed,
        "variant": dict(rep.variant),
        "pages": pl.pages,
        "tables": tables,
        "prose": prose,
        "relations": rep.relations,
        "planted": planted or [],
        "names": rep.names,
    }


def _cell_text(truth: dict, t: int, rc: list[int]) -> str:
    return truth["tables"][t]["rows"][rc[0]][rc[1]]


def _loc_text(truth: dict, loc, table: int | None) -> str:
    if isinstance(loc, dict):
        if "para" in loc:
            return truth["prose"][loc["para"]]["numbers"][loc["num"]]
        return _cell_text(truth, loc["table"], loc["cell"])
    return _cell_text(truth, table, loc)


def _sum(ivs: list[Iv]) -> Iv:
    return (sum((a for a, _ in ivs), Decimal(0)), sum((b for _, b in ivs), Decimal(0)))


def _meets(a: Iv, b: Iv) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _ratio(a: Iv, b: Iv) -> Iv:
    return (a[0] * 100 / b[1], a[1] * 100 / b[0])


def check_relation(truth: dict, rel: dict) -> bool | None:
    """True if the printed numbers can satisfy the relation, False if no rounding explains them,
    None if a text is not a number (a relation the generator should not have listed)."""
    t = rel["table"]
    kind = rel["kind"]
    rep_text = _loc_text(truth, rel["reported"], t)
    op_table = rel.get("operand_table", t)
    ops_text = [_loc_text(truth, o, op_table) for o in rel["operands"]]
    if kind == "score_sum" and weight_in_label(rep_text) is not None:
        rep = weight_in_label(rep_text)
    elif kind == "deduction":
        rep = deduction_in_text(rep_text)
    else:
        rep = interval(rep_text)
    ops = [interval(x) for x in ops_text]
    if rep is None or (kind != "target" and any(o is None for o in ops)):
        return None
    if kind in ("row_sum", "column_sum", "subtotal", "hierarchy", "score_sum", "identity"):
        return _meets(rep, _sum(ops))
    if kind in ("rate", "share"):
        return ops[1][1] > 0 and _meets(rep, _ratio(ops[0], ops[1]))
    if kind in ("score_le_weight", "le_allocation"):
        return rep[0] <= ops[0][1]
    if kind == "deduction":
        return _meets(rep, (ops[0][0] - ops[1][1], ops[0][1] - ops[1][0]))
    if kind == "target":
        return _meets(rep, ops[0]) if rel["met"] else rep[0] < ops[0][1]
    if kind == "prose":
        op = rel["op"]
        if op == "sum":
            return _meets(rep, _sum(ops))
        if op == "equal":
            return _meets(rep, ops[0])
        if op == "ratio":
            return _meets(rep, _ratio(ops[0], ops[1]))
        if op == "greater":  # 决算数大于年初预算数: some rounding leaves it above
            return rep[1] > ops[0][0]
        if op == "less":
            return rep[0] < ops[0][1]
        if op in ("growth", "decline"):
            x, y = ops
            d = (x[0] - y[1], x[1] - y[0]) if op == "growth" else (y[0] - x[1], y[1] - x[0])
            return _meets(
                rep,
                (
                    d[0] * 100 / (y[1] if d[0] >= 0 else y[0]),
                    d[1] * 100 / (y[0] if d[1] >= 0 else y[1]),
                ),
            )
    raise ValueError(kind)


def text_view(rep: Report) -> dict:
    """The parts of a truth file the relation checker reads, straight from the report."""
    return {
        "tables": [{"rows": t.rows} for t in rep.tables],
        "prose": [{"numbers": [s.text for s in segs if isinstance(s, Num)]} for segs in rep.paras],
    }


def touches(rel: dict, plant: dict) -> bool:
    if plant["table"] is None:
        loc = {"para": plant["para"], "num": plant["num"]}
        return rel["reported"] == loc or loc in rel["operands"]
    cell = [plant["row"], plant["col"]]
    ti = plant["table"]
    if rel["kind"] == "prose":
        want = {"table": ti, "cell": cell}
        return rel["reported"] == want or want in rel["operands"]
    if rel["table"] == ti and (
        rel["reported"] == cell or (rel.get("operand_table", ti) == ti and cell in rel["operands"])
    ):
        return True
    return rel.get("operand_table") == ti and cell in rel["operands"]
