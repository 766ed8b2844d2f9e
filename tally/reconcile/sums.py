"""Sums: a total column against its siblings in the header tree (row sums), a total row
against its members (column sums), a 小计 against its block, a parent row against its children.

Every relation is checked on intervals; a spanning cell repeated over rows counts once.
A relation inferred from structure must hold on most rows before its failures are reported:
when it does not, the structure was misread and nothing is said.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..extract.model import Cell
from . import interval as iv
from .findings import Finding, FindingCell
from .structure import Column, View, norm, strip_marker

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
        out.append(
            Finding(
                rule=rel.rule,
                severity=v,  # type: ignore[arg-type]
                message_zh=zh.format(
                    row=rel.row,
                    col=rel.column,
                    printed=rel.total.text,
                    expected=_fmt(computed, rel.total),
                    ops=operands,
                ),
                message_en=en.format(
                    row=rel.row,
                    col=rel.column,
                    printed=rel.total.text,
                    expected=_fmt(computed, rel.total),
                    ops=operands,
                ),
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
    return iv.show(x, like.quantity.decimals)


def _unique(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    seen: set[int] = set()
    for c in cells:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


# ---- row sums: a total column and its siblings in the header tree -----------------------------


def _is_total_word(view: View, text: str) -> bool:
    t = norm(text)
    return any(
        t == w or (len(t) <= 6 and t.endswith(w))
        for w in view.vocab.words["total"] + view.vocab.words["subtotal"]
    )


def _summable(view: View, col: Column) -> bool:
    """Amounts that may be added: not rates or shares, and one kind of number throughout (a
    实际完成值 column of 13户次, 241本, 97.81% is a list of facts, not a column to add)."""
    if not col.value or col.is_rate(view.vocab) or col.is_share(view.vocab):
        return False
    key = ("summable", col.index)
    if key not in view._memo:
        kinds = set()
        compared = False
        for row in view.rows:
            q = row[col.index].quantity
            if q.is_number:
                kinds.add((q.unit or "", q.percent))
                compared = compared or q.comparator is not None
        view._memo[key] = len(kinds) <= 1 and not compared
    return view._memo[key]


def total_columns(view: View) -> Iterator[tuple[Column, list[Column]]]:
    """(total column, the columns it adds up), from the header tree: a 合计 at level k adds up
    the columns that share its path above and below level k (a leaf 合计: the other leaves
    under its parent, a group standing for its own total if it has one)."""
    cols = [c for c in view.columns if c.path]
    for col in cols:
        if not _summable(view, col):
            continue
        for k, word in enumerate(col.path):
            if not _is_total_word(view, word):
                continue
            prefix, suffix = col.path[:k], col.path[k + 1 :]
            if suffix:
                sibs = [
                    o
                    for o in cols
                    if o is not col
                    and len(o.path) == len(col.path)
                    and o.path[:k] == prefix
                    and o.path[k + 1 :] == suffix
                ]
            else:
                sibs = _subtree_reps(view, cols, prefix, exclude=col)
            sibs = [o for o in sibs if _summable(view, o)]
            if len(sibs) >= 2 or (len(sibs) == 1 and suffix):
                yield col, sibs
            break


def _subtree_reps(
    view: View, cols: list[Column], prefix: list[str], exclude: Column
) -> list[Column]:
    """The columns that stand for each child of ``prefix``: a child's own total if it has one,
    else its leaves (recursively)."""
    k = len(prefix)
    children: dict[str, list[Column]] = {}
    for o in cols:
        if o is exclude or len(o.path) <= k or o.path[:k] != prefix:
            continue
        children.setdefault(o.path[k], []).append(o)
    reps: list[Column] = []
    for name, members in children.items():
        if len(members) == 1 and len(members[0].path) == k + 1:
            if not _is_total_word(view, name):
                reps.append(members[0])
            continue
        own_total = [
            m for m in members if len(m.path) == k + 2 and _is_total_word(view, m.path[-1])
        ]
        reps.extend(own_total or _subtree_reps(view, members, prefix + [name], exclude))
    return reps


def row_sums(view: View) -> list[Finding]:
    out: list[Finding] = []
    for col, sibs in total_columns(view):
        rels = []
        for r, row in enumerate(view.rows):
            rels.append(
                Relation(
                    "row_sum",
                    row[col.index],
                    [row[s.index] for s in sibs],
                    view.row_label(r),
                    col.name,
                    view.table.id,
                )
            )
        out += evaluate(
            view,
            rels,
            "「{row}」行：{col} 印为 {printed}，各分项之和为 {expected}（{ops}）",
            "row '{row}': {col} printed {printed}, its parts add up to {expected} ({ops})",
        )
    out += _group_to_total(view)
    return out


def _group_to_total(view: View) -> list[Finding]:
    """A header group with no total of its own (the expense categories under 资金使用情况)
    adding up to a total column elsewhere (支出情况 / 合计). The words cannot say which total
    it is; the rows can: the pairing must hold on most rows."""
    out: list[Finding] = []
    has_own = {tuple(c.path[:-1]) for c, _ in total_columns(view) if len(c.path) >= 2}
    groups: dict[tuple[str, ...], list[Column]] = {}
    for c in view.columns:
        if len(c.path) >= 2 and _summable(view, c):
            groups.setdefault(tuple(c.path[:-1]), []).append(c)
    totals = [c for c, _ in total_columns(view)]
    for key, members in groups.items():
        if key in has_own or len(members) < 3:
            continue
        best = None
        for t in totals:
            if t in members:
                continue
            rels = [
                Relation(
                    "row_sum",
                    row[t.index],
                    [row[m.index] for m in members],
                    view.row_label(r),
                    t.name,
                    view.table.id,
                )
                for r, row in enumerate(view.rows)
                if row[t.index].quantity.is_number and row[t.index].quantity.value
            ]
            held = sum(1 for rel in rels if _holds(rel))
            if (
                len(rels) >= MIN_INSTANCES
                and held >= 0.8 * len(rels)
                and (best is None or held > best[0])
            ):
                best = (held, rels, t)
        if best:
            group = " / ".join(key)
            out += evaluate(
                view,
                best[1],
                "「{row}」行：{col} 印为 {printed}，「"
                + group
                + "」各项之和为 {expected}（{ops}）",
                "row '{row}': {col} printed {printed}, the items of '"
                + group
                + "' add up to {expected} ({ops})",
            )
    return out


def _holds(rel: Relation) -> bool:
    t = iv.of(rel.total.quantity)
    ps = [iv.of(p.quantity) for p in rel.parts]
    if t is None or any(p is None for p in ps):
        return False
    return t.overlaps(iv.total(ps))  # type: ignore[arg-type]


# ---- column sums: total rows, subtotals, parents ----------------------------------------------


def _blocks(view: View, c: int) -> tuple[dict[int, list[int]], set[int]]:
    """For value column ``c``: each 小计 row's member rows, and every row covered by one.

    A 小计 heads its block when the label to its left (the region) goes on in the rows below
    it, as a spanning cell or printed once with blanks under it; otherwise it closes the block
    of rows above it."""
    rows = view.rows
    label_cols = [col.index for col in view.side(c) if col.label]
    blocks: dict[int, list[int]] = {}
    covered: set[int] = set()
    n = len(rows)
    for r in range(n):
        if view.kind(r, c) != "subtotal":
            continue
        group_col = next(
            (
                g
                for g in label_cols
                if rows[r][g].text and view.kind_of_text(rows[r][g].text) == "item"
            ),
            None,
        )
        members: list[int] = []
        if group_col is not None:
            name = rows[r][group_col].text
            k = r + 1
            while k < n and rows[k][group_col].text in (name, "") and view.kind(k, c) == "item":
                members.append(k)
                k += 1
        if not members:
            # the block above: it ends where the region column names another region, or,
            # once the region's name was met, at a blank (a name printed on its first row only)
            name = rows[r][group_col].text if group_col is not None else ""
            met = False
            k = r - 1
            while k >= 0 and view.kind(k, c) in ("item", "part") and k not in covered:
                if group_col is not None:
                    here = rows[k][group_col].text
                    if (here and here != name) or (not here and met):
                        break
                    met = met or here == name
                members.insert(0, k)
                k -= 1
        members = [m for m in members if view.kind(m, c) == "item"]
        blocks[r] = members
        covered.update(members)
    return blocks, covered


def _top_level(view: View, rows: list[int], c: int) -> list[int]:
    levels = {r: view.level(r, c) for r in rows}
    known = [lv for lv in levels.values() if lv is not None]
    if not known:
        return rows
    top = min(known)
    return [r for r in rows if levels[r] == top or levels[r] is None and not view.rows[r][c].text]


def _grand(view: View, t: int, prev: int, c: int) -> bool:
    """Row ``t`` is a grand total (总计) under a total of another word (合计) it goes on from."""
    words = view.vocab.words.get("grand_total", [])

    def ends(r: int) -> bool:
        return any(
            norm(strip_marker(x.text)).endswith(tuple(words)) for x in view.labels_left(r, c)
        )

    return bool(words) and ends(t) and not ends(prev)


def column_sums(view: View) -> list[Finding]:
    out: list[Finding] = []
    sub_rels: list[Relation] = []
    tot_rels: list[Relation] = []
    for col in view.columns:
        if not _summable(view, col):
            continue
        c = col.index
        blocks, covered = _blocks(view, c)
        for s, members in blocks.items():
            parts = _unique([view.rows[m][c] for m in _top_level(view, members, c)])
            if parts:
                sub_rels.append(Relation.at("subtotal", view, s, col, parts))
        kinds = [view.kind(r, c) for r in range(len(view.rows))]
        totals = [r for r, k in enumerate(kinds) if k == "total"]
        for i, t in enumerate(totals):
            if t == 0 or (
                i == 0
                and t < len(view.rows) // 2
                and t == min(r for r, k in enumerate(kinds) if k != "part")
            ):
                scope = range(t + 1, totals[i + 1] if i + 1 < len(totals) else len(view.rows))
            else:
                scope = range(totals[i - 1] + 1 if i else 0, t)
            if t + 1 < len(kinds) and kinds[t + 1] == "part":
                # 总额 / 其中：甲 / 乙 / 丙: the rows under 其中 break the total itself down
                stop = next(
                    (k for k in range(t + 1, len(kinds)) if kinds[k] in ("total", "subtotal")),
                    len(kinds),
                )
                scope = range(t + 1, stop)
                kinds = kinds[: t + 1] + ["item"] * (stop - t - 1) + kinds[stop:]
            members = [r for r in scope if kinds[r] in ("item", "subtotal") and r not in covered]
            items = [r for r in members if kinds[r] == "item"]
            chosen = [r for r in members if kinds[r] == "subtotal"] + _top_level(view, items, c)
            if i and scope.start == totals[i - 1] + 1 and _grand(view, t, totals[i - 1], c):
                chosen.append(totals[i - 1])  # 收入总计 = 本年收入合计 + 年初结转和结余
            parts = _unique([view.rows[r][c] for r in sorted(chosen)])
            total_cell = view.rows[t][c]
            parts = [p for p in parts if p is not total_cell]
            if parts:
                is_weight = any(view.vocab.has("weight", norm(p)) for p in col.path)
                tot_rels.append(Relation.at("column_sum", view, t, col, parts, is_weight))
    out += evaluate(
        view,
        sub_rels,
        "「{row}」行（{col}）印为 {printed}，所属各行之和为 {expected}（{ops}）",
        "subtotal row '{row}' ({col}) printed {printed}, its rows add up to {expected} ({ops})",
    )
    out += evaluate(
        view,
        tot_rels,
        "「{row}」行（{col}）印为 {printed}，各行之和为 {expected}（{ops}）",
        "total row '{row}' ({col}) printed {printed}, the rows add up to {expected} ({ops})",
    )
    return out


def hierarchy(view: View) -> list[Finding]:
    """A parent row (一、 / 302 / a 一级 indicator row) against its direct children
    (1. 2. / 30201 30202 / its 二级 rows)."""
    rels: list[Relation] = []
    n = len(view.rows)
    for col in view.columns:
        if not _summable(view, col):
            continue
        c = col.index
        levels = [view.level(r, c) if view.kind(r, c) == "item" else None for r in range(n)]
        for r in range(n):
            lv = levels[r]
            if lv is None or not view.rows[r][c].quantity.is_number:
                continue
            kids: list[int] = []
            k = r + 1
            while k < n and view.kind(k, c) in ("item", "part"):
                if levels[k] is not None and levels[k] <= lv:
                    break
                if levels[k] is not None:
                    kids.append(k)
                k += 1
            if not kids:
                continue
            top = min(levels[k] for k in kids)  # type: ignore[type-var]
            parts = _unique([view.rows[k][c] for k in kids if levels[k] == top])
            if parts and view.rows[r][c] not in parts and any(p.quantity.is_number for p in parts):
                rels.append(Relation.at("hierarchy", view, r, col, parts))
    return evaluate(
        view,
        rels,
        "「{row}」行（{col}）印为 {printed}，其下级各行之和为 {expected}（{ops}）",
        "row '{row}' ({col}) printed {printed}, its sub-items add up to {expected} ({ops})",
    )
