"""Scoring tables (评分表, 绩效目标完成情况表): a score never above its weight; a level's
weight printed in its label (决策（22分）) equal to the weights under it; 扣X分 equal to weight
minus score; a met target earning its full weight and a missed one less."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..extract.model import Cell
from ..extract.numbers import parse_quantity
from . import interval as iv
from .findings import Finding, FindingCell
from .relation import Relation, evaluate
from .structure import Column, View, norm

_WEIGHT_IN_LABEL = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_DEDUCT = re.compile(r"扣\s*(\d+(?:\.\d+)?)\s*分")


def _find(view: View, key: str) -> Column | None:
    for col in view.columns:
        if col.value and any(view.vocab.has(key, norm(p)) for p in col.path[-1:]):
            return col
    return None


def _score_columns(view: View) -> tuple[Column | None, Column | None]:
    weight = _find(view, "weight")
    score = next(
        (
            c
            for c in view.columns
            if c.value and c is not weight and view.vocab.has("score", c.leaf)
        ),
        None,
    )
    return weight, score


def scores(view: View) -> list[Finding]:
    weight, score = _score_columns(view)
    if weight is None or score is None:
        return []
    out: list[Finding] = []
    seen: set[int] = set()
    for r, row in enumerate(view.rows):
        w, s = row[weight.index], row[score.index]
        if id(s) in seen or view.kind(r, score.index) != "item":
            continue
        seen.add(id(s))
        wi, si = iv.weight(w.quantity), iv.of(s.quantity)
        if not (w.quantity.is_number and s.quantity.is_number) or wi is None or si is None:
            continue
        label = view.row_label(r, weight.index)
        view.checked += 1
        if si.lo > wi.hi + iv.EPS:
            out.append(
                Finding(
                    "score_above_weight",
                    "error",
                    f"「{label}」：{score.name} {s.text} 高于 {weight.name} {w.text}",
                    f"'{label}': {score.name} {s.text} is above {weight.name} {w.text}",
                    si.mid,
                    wi.mid,
                    [FindingCell.of(s, "reported"), FindingCell.of(w, "operand")],
                    view.table.id,
                    label,
                    score.name,
                )
            )
        out += _deduction(view, r, w, s, wi, si, label)
        out += _target(view, r, w, s, wi, si, label)
    out += _label_weights(view, weight)
    return out


def _deduction(view, r, w, s, wi, si, label) -> list[Finding]:  # noqa: ANN001
    """'扣0.4分' in the deduction column is the weight minus the score."""
    col = next((c for c in view.columns if c.label and view.vocab.has("deduction", c.leaf)), None)
    if col is None:
        return []
    cell = view.rows[r][col.index]
    found = _DEDUCT.findall(unicodedata.normalize("NFKC", cell.text))
    if not found:
        return []
    claimed = sum(float(x) for x in found)
    decimals = max(len(x.split(".")[1]) if "." in x else 0 for x in found)
    c_iv = iv.Iv(claimed - 0.5 * 10**-decimals, claimed + 0.5 * 10**-decimals)
    lost = wi - si
    if iv.verdict(c_iv, lost) != "error":
        return []
    return [
        Finding(
            "deduction",
            "error",
            f"「{label}」：扣分说明写「扣{'+'.join(found)}分」，但 {w.text} − {s.text} = {lost.mid:g} 分",
            f"'{label}': the note says 'deduct {'+'.join(found)}', but {w.text} − {s.text} = {lost.mid:g}",
            claimed,
            round(lost.mid, 10),
            [
                FindingCell.of(cell, "claim"),
                FindingCell.of(w, "operand"),
                FindingCell.of(s, "operand"),
            ],
            view.table.id,
            label,
            col.name,
        )
    ]


def _met(target: str, actual: str) -> bool | None:
    """Whether an actual value meets a target, when both are numbers of the same unit."""
    t, a = parse_quantity(target), parse_quantity(actual)
    if not (t.is_number and a.is_number) or a.comparator or t.upper is not None:
        return None
    if (t.unit or "") != (a.unit or "") or t.percent != a.percent or t.scale != a.scale:
        return None
    if t.comparator is None:
        return None  # a bare target (258家次, 60万元) may be a floor or a ceiling: not said
    tv, av = t.value * t.scale, a.value * a.scale  # type: ignore[operator]
    return {">=": av >= tv, ">": av > tv, "<=": av <= tv, "<": av < tv, "=": abs(av - tv) < 1e-9}[
        t.comparator
    ]


def _target(view, r, w, s, wi, si, label) -> list[Finding]:  # noqa: ANN001
    tcol = next((c for c in view.columns if view.vocab.has("target", c.leaf)), None)
    acol = next(
        (c for c in view.columns if view.vocab.has("actual", c.leaf) and c is not tcol), None
    )
    if tcol is None or acol is None:
        return []
    tc, ac = view.rows[r][tcol.index], view.rows[r][acol.index]
    met = _met(tc.text, ac.text)
    full = s.quantity.scaled >= w.quantity.scaled - w.quantity.half_ulp - iv.EPS
    if met is None or met == full:
        return []
    zh = (
        f"「{label}」：实际完成值 {ac.text} 已达到年度指标值 {tc.text}，但得分 {s.text} 低于分值 {w.text}"
        if met
        else f"「{label}」：实际完成值 {ac.text} 未达到年度指标值 {tc.text}，但得满分 {s.text}"
    )
    en = (
        f"'{label}': actual {ac.text} meets the target {tc.text}, yet scores {s.text} of {w.text}"
        if met
        else f"'{label}': actual {ac.text} misses the target {tc.text}, yet scores the full {s.text}"
    )
    return [
        Finding(
            "target_score",
            "warning",
            zh,
            en,
            si.mid,
            wi.mid,
            [
                FindingCell.of(s, "reported"),
                FindingCell.of(w, "operand"),
                FindingCell.of(tc, "operand"),
                FindingCell.of(ac, "operand"),
            ],
            view.table.id,
            label,
            tcol.name,
        )
    ]


def _label_weights(view: View, weight: Column) -> list[Finding]:
    """决策（22分）: the weight a level's label prints equals the weights of the rows under it
    (a weight printed once per spanning cell counts once). Deepest levels first: a group
    whose weights are an equal split (75 × 0.27 under 20分) stands for its exact N/n each
    when its parent level is added up."""
    out: list[Finding] = []
    exact: dict[int, Cell] = {}  # id(weight cell) -> the same cell with its unrounded value
    rows = view.rows
    for col in sorted(
        (c for c in view.columns if c.label and c.index < weight.index), key=lambda c: -c.index
    ):
        rels: list[Relation] = []  # each level is its own inference, trusted on its own rows
        r = 0
        while r < len(rows):
            text = rows[r][col.index].text
            k = r + 1
            while k < len(rows) and rows[k][col.index].text == text:
                k += 1
            m = _WEIGHT_IN_LABEL.search(unicodedata.normalize("NFKC", text)) if text else None
            if m:
                cells: list[Cell] = []
                for j in range(r, k):
                    c = rows[j][weight.index]
                    if all(c is not o for o in cells) and view.kind(j, weight.index) == "item":
                        cells.append(c)
                claim = rows[r][col.index]
                printed = parse_quantity(m.group(1) + "分")
                stand_in = Cell(
                    claim.page,
                    claim.bbox,
                    m.group(1) + "分",
                    printed,
                    claim.row_span,
                    claim.col_span,
                )
                if cells and _equal_split(printed, cells):
                    each = printed.value * printed.scale / len(cells)  # type: ignore[operator]
                    for c in cells:
                        exact[id(c)] = Cell(
                            c.page, c.bbox, c.text, replace(c.quantity, value=each, decimals=12)
                        )
                elif cells:
                    parts = [exact.get(id(c), c) for c in cells]
                    rels.append(
                        Relation("level_weight", stand_in, parts, text, weight.name, view.table.id)
                    )
            r = k
        out += evaluate(
            view,
            rels,
            "「{row}」所标分值为 {printed}，其下各项{col}之和为 {expected}（{ops}）",
            "'{row}' carries {printed}, but the {col} under it add up to {expected} ({ops})",
        )
    return out


def _equal_split(total, cells) -> bool:  # noqa: ANN001
    """75 weights printed 0.27 under 20分 are 20/75 each, rounded for print: the group's
    weight split equally. Recomputed unrounded, they add up exactly."""
    texts = {c.text for c in cells}
    if len(texts) != 1 or len(cells) < 2 or total.value is None:
        return False
    q = cells[0].quantity
    if not q.is_number:
        return False
    share = total.value * total.scale / len(cells)
    return abs(round(share, q.decimals) - q.value * q.scale) < 1e-9
