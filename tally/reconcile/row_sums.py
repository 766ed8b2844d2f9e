"""Row sums: a total column against its siblings in the header tree, a header group against
the total it adds up to."""

from __future__ import annotations

from collections.abc import Iterator

from . import interval as iv
from .findings import Finding
from .relation import MIN_INSTANCES, Relation, evaluate
from .structure import Column, View

# ---- row sums: a total column and its siblings in the header tree -----------------------------


def _is_total_word(view: View, text: str) -> bool:
    return view.vocab.total_kind(text) is not None


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
