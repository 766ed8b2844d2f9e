"""Column sums: a total row against its members, a 小计 against its block (before or after it),
a 总计 against the 合计 above it and the rows after, a parent row against its children
(一、 and its 1. 2.; 302 and its 30201 30202)."""

from __future__ import annotations

from .findings import Finding
from .relation import Relation, _unique, evaluate
from .row_sums import _summable
from .structure import View, norm, strip_marker

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
