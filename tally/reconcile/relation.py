"""Sums: a total column against its siblings in the header tree (row sums), a total row
against its members (column sums), a 小计 against its block, a parent row against its children.

Every relation is checked on intervals; a spanning cell repeated over rows counts once.
A relation inferred from structure must hold on most rows before its failures are reported:
when it does not, the structure was misread and nothing is said.

This module holds the relation and its trusted evaluation; ``row_sums`` and ``column_sums``
infer them."""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.model import Cell
from . import interval as iv
from .findings import Finding, FindingCell
from .structure import Column, View

MIN_AGREEMENT = 0.6  # share of a relation's instances that must hold for it to be trusted
MIN_INSTANCES = 4  # below this many instances a relation is trusted on structure alone


@dataclass(slots=True)
class Relation:
    """One printed total and the printed parts it should equal."""

    rule: str
    total: Cell
    parts: list[Cell]
    row: str
    column: str
    table: str
    weights: bool = False  # 分值: a whole number is exact (5分 is 5), see interval.weight

    @classmethod
    def at(
        cls, rule: str, view: View, r: int, col: Column, parts: list[Cell], weights: bool = False
    ) -> Relation:
        """The relation of the cell at row ``r`` of ``col`` with ``parts``."""
        return cls(
            rule,
            view.rows[r][col.index],
            parts,
            view.row_label(r, col.index),
            col.name,
            view.table.id,
            weights,
        )


def evaluate(view: View, relations: list[Relation], zh: str, en: str) -> list[Finding]:
    """Check relations of one kind inferred one way; report only if most of them hold."""
    results = []
    for rel in relations:
        conv = iv.weight if rel.weights or rel.rule == "level_weight" else iv.of
        t = conv(rel.total.quantity)
        ps = [conv(p.quantity) for p in rel.parts]
        if t is None or any(p is None for p in ps) or not rel.parts:
            continue
        if rel.total.quantity.kind == "blank":
            continue  # nothing printed: no total is claimed
        if not any(p.quantity.kind in ("number", "dash") for p in rel.parts):
            continue  # nothing printed to add up: a form's layout, not a sum
        computed = iv.total(ps)  # type: ignore[arg-type]
        results.append((rel, t, computed, iv.verdict(t, computed, ps)))  # type: ignore[arg-type]
    if len(results) >= MIN_INSTANCES:
        held = sum(1 for *_, v in results if v != "error")
        if held < MIN_AGREEMENT * len(results):
            view.skipped += len(results)
            return []
    view.checked += len(results)
    out = []
    for rel, t, computed, v in results:
        if v == "ok":
            continue
        operands = " + ".join(p.text or "0" for p in rel.parts[:12]) + (
            " + …" if len(rel.parts) > 12 else ""
        )
        expected = round(computed.mid, 10)
        fields = {
            "row": rel.row,
            "col": rel.column,
            "printed": rel.total.text,
            "expected": _fmt(computed, rel.total),
            "ops": operands,
        }
        out.append(
            Finding(
                rule=rel.rule,
                severity=v,  # type: ignore[arg-type]
                message_zh=zh.format(**fields),
                message_en=en.format(**fields),
                reported=t.mid,
                expected=expected,
                cells=[FindingCell.of(rel.total, "reported")]
                + [FindingCell.of(p, "operand") for p in rel.parts],
                table=rel.table,
                row=rel.row,
                column=rel.column,
            )
        )
    return out


def _fmt(x: iv.Iv, like: Cell) -> str:
    return iv.show(x, like.quantity.decimals, like.quantity.scaled)


def _unique(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    seen: set[int] = set()
    for c in cells:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out
