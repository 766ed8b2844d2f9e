"""Rules between the amounts two tables give one item: sampled above allocated, the same
item quoted twice, a KPI cost target below the spending."""

from __future__ import annotations

from dataclasses import dataclass

from ...extract.model import Cell, Document, Table
from .. import interval as iv
from ..findings import Finding, FindingCell
from ..printed import unit_scale
from ..structure import Column, View, Vocab, build_view, norm
from .base import MIN_AGREEMENT, MIN_INSTANCES, Match
from .lists import Name, NameList, _is_total, _role, _row_lists
from .match import _assign, _Pair, _tname, pair_lists
from .score import name_key

# ---- cost targets -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Target:
    view: View
    row: int
    name_cell: Cell
    target: Cell


def _cost_targets(view: View) -> list[_Target]:
    vocab = view.vocab
    tcols = [c for c in view.columns if any(vocab.has("target", norm(p)) for p in c.path)]
    if not tcols:
        return []
    tc = tcols[0]
    out = []
    for r, row in enumerate(view.rows):
        labels = view.labels_left(r, tc.index)
        if not labels or not any(vocab.has("cost", norm(c.text)) for c in labels[:-1]):
            continue
        q = row[tc.index].quantity
        if q.kind != "number" or q.value is None or q.per or q.scale < 1e3:
            continue
        if q.unit not in (None, "元"):
            continue
        if q.comparator not in ("<=", "<") and q.upper is None:
            continue
        out.append(_Target(view, r, labels[-1], row[tc.index]))
    return out


def _item_list(view: View) -> NameList | None:
    """The row list that names the table's items: the one whose names most often stand for a
    single row (a unit name such as 科技财务处 recurs over its projects), leftmost on ties."""
    best, best_share = None, 0.0
    for nl in _row_lists(view):
        share = sum(1 for n in nl.names if len(n.index) == 1) / max(1, len(view.rows))
        if share > best_share:
            best, best_share = nl, share
    return best


def _cost_matches(doc: Document, vocab: Vocab) -> list[Match]:
    """Each cost target's indicator name against the project names of the allocation tables
    (best match above the threshold, one to one)."""
    targets: list[_Target] = []
    allocs: list[NameList] = []
    for table in doc.tables:
        if not table.rows or not table.columns:
            continue
        view = build_view(table, vocab)
        targets.extend(_cost_targets(view))
        if _role(table, vocab) == "allocated" and unit_scale(table.unit):
            if _amount_cols(view)[1] is not None:
                nl = _item_list(view)
                if nl is not None:
                    allocs.append(nl)
    out: list[Match] = []
    if not targets or not allocs:
        return out
    by_table: dict[str, list[_Target]] = {}
    for t in targets:
        by_table.setdefault(t.view.table.id, []).append(t)
    for ts in by_table.values():
        tl = NameList(ts[0].view.table, ts[0].view, "rows", None)
        for t in ts:
            tl.names.append(
                Name(name_key(t.name_cell.text), t.name_cell.text, [t.name_cell], [t.row])
            )
        for nl in allocs:
            for i, j, sc, low in _assign(tl, nl, vocab):
                out.append(
                    Match(
                        tl.names[i].text,
                        nl.names[j].text,
                        round(sc, 1),
                        (tl.table.id, nl.table.id),
                        low,
                    )
                )
    return out


# ---- amounts ------------------------------------------------------------------------------------


def _summable(view: View, col: Column) -> bool:
    return col.value and not col.is_rate(view.vocab) and not col.is_share(view.vocab)


def _amount_cols(view: View) -> tuple[Column | None, Column | None]:
    """(the allocated total column, the spending column standing for the project's cost)."""
    vocab = view.vocab
    cols = [c for c in view.columns if c.path and _summable(view, c)]
    alloc = [c for c in cols if any(vocab.has("allocated", norm(p)) for p in c.path)]
    alloc_total = [c for c in alloc if _is_total(vocab, c.path[-1])]
    a = alloc_total[0] if alloc_total else (alloc[0] if len(alloc) == 1 else None)
    spend = [
        c
        for c in cols
        if c not in alloc and any(vocab.has("rate_numerator", norm(p)) for p in c.path)
    ]
    spend_total = [c for c in spend if any(_is_total(vocab, p) for p in c.path)]
    s = spend_total[0] if spend_total else None
    if s is not None and a is not None and len(s.path) > 1 and len(a.path) > 1:
        # a fund split repeated under 到位 and 支出: the first fund is the project's own money
        funds_a = [name_key(c.path[-1]) for c in alloc if c.path[:-1] == a.path[:-1] and c is not a]
        sibs = [c for c in spend if c.path[:-1] == s.path[:-1] and c is not s]
        if funds_a and sibs and name_key(sibs[0].path[-1]) == funds_a[0]:
            s = sibs[0]
    return a, s


def _total_row(view: View, c: int) -> int | None:
    found = None
    for r in range(len(view.rows)):
        if view.kind(r, c) == "total":
            found = r
    return found


def _total_col(view: View) -> Column | None:
    for col in view.columns:
        if col.path and _summable(view, col) and _is_total(view.vocab, col.path[-1]):
            return col
    return None


def _amount(nl: NameList, name: Name, col: Column | None) -> Cell | None:
    """The amount a list gives a name: a column name's total row, a row name's cell in ``col``."""
    view = nl.view
    if nl.axis == "cols":
        c = name.index[0]
        r = _total_row(view, c)
        return None if r is None else view.rows[r][c]
    if col is None or len(name.index) != 1:
        return None
    return view.rows[name.index[0]][col.index]


def _iv(cell: Cell | None, scale: float) -> iv.Iv | None:
    if cell is None:
        return None
    x = iv.of(cell.quantity)
    return None if x is None else x.scale(scale)


# ---- cross-table checks -------------------------------------------------------------------------


def cross_table_checks(
    doc: Document, vocab: Vocab, matches: list[Match], pairs: list[_Pair] | None = None
) -> list[Finding]:
    """Rules between two tables on matched names: sampled ≤ allocated (per project), the same
    item quoted in two tables agrees, a KPI cost target against the project's spending."""
    keyed = {(m.a, m.b, m.tables[0], m.tables[1]): m for m in matches}
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()  # two label columns of one row reach the same cells
    for p in pairs if pairs is not None else pair_lists(doc, vocab):
        ta, tb = p.la.table, p.lb.table
        kept = []
        for i, j, *_ in p.pairs:
            m = keyed.get((p.la.names[i].text, p.lb.names[j].text, ta.id, tb.id))
            if m is not None:
                kept.append((i, j, m.low_margin))
        ra, rb = _role(ta, vocab), _role(tb, vocab)
        if {ra, rb} == {"sampled", "allocated"}:
            out.extend(_sampled_vs_allocated(p, kept, ra == "sampled"))
        elif p.la.axis == "rows" and p.lb.axis == "rows":
            out.extend(_same_item(p, kept, vocab, seen))
    out.extend(_cost_checks(doc, vocab))
    return out


def _sampled_vs_allocated(p: _Pair, kept: list, a_is_sampled: bool) -> list[Finding]:
    sl, al = (p.la, p.lb) if a_is_sampled else (p.lb, p.la)
    s_scale, a_scale = unit_scale(sl.table.unit), unit_scale(al.table.unit)
    if (s_scale is None) != (a_scale is None):
        return []
    s_scale, a_scale = s_scale or 1.0, a_scale or 1.0
    a_col, _ = _amount_cols(al.view)
    s_col = _total_col(sl.view) if sl.axis == "rows" else None
    out = []
    for i, j, low in kept:
        sn, an = (p.la.names[i], p.lb.names[j]) if a_is_sampled else (p.lb.names[j], p.la.names[i])
        s_cell, a_cell = _amount(sl, sn, s_col), _amount(al, an, a_col)
        s, a = _iv(s_cell, s_scale), _iv(a_cell, a_scale)
        if s is None or a is None or s.lo <= a.hi + iv.EPS * max(1.0, abs(a.hi)):
            continue
        unit = al.table.unit or ""
        reported, expected = s.mid / a_scale, a.mid / a_scale
        out.append(
            Finding(
                rule="sampled_exceeds_allocation",
                severity="warning" if low else "error",
                message_zh=f"「{an.text}」：{_tname(sl.table)}现场评价/抽查的金额 "
                f"{s_cell.text}{sl.table.unit or ''}（「{sn.text}」）超过{_tname(al.table)}"
                f"安排的 {a_cell.text}{unit}",
                message_en=f"'{an.text}': the amount sampled in {_tname(sl.table, 'en')} "
                f"('{sn.text}', {s_cell.text} {sl.table.unit or ''}) exceeds the "
                f"{a_cell.text} {unit} allocated in {_tname(al.table, 'en')}",
                reported=reported,
                expected=expected,
                cells=[FindingCell.of(s_cell, "reported"), FindingCell.of(a_cell, "operand")]
                + [FindingCell.of(c, "operand") for c in sn.cells + an.cells],
                table=sl.table.id,
                row=an.text,
                column=sn.text,
            )
        )
    return out


def _scope(table: Table, vocab: Vocab) -> frozenset[str]:
    t = norm(table.title or "")
    return frozenset(w for w in vocab.words.get("scope", []) if w in t)


def _same_item(p: _Pair, kept: list, vocab: Vocab, seen: set) -> list[Finding]:
    """Two row lists naming the same items: a value column with the same header in both
    tables, under the same unit and the same scope words in the titles, must agree — when it
    agrees on most items (else the columns mean different things and nothing is said)."""
    ta, tb = p.la.table, p.lb.table
    sa, sb = unit_scale(ta.unit), unit_scale(tb.unit)
    if sa is None or sb is None or not ta.title or not tb.title:
        return []
    if _scope(ta, vocab) != _scope(tb, vocab):
        return []
    va, vb = p.la.view, p.lb.view
    ca = {"/".join(name_key(x) for x in c.path): c for c in va.columns if _summable(va, c)}
    cb = {"/".join(name_key(x) for x in c.path): c for c in vb.columns if _summable(vb, c)}
    out: list[Finding] = []
    for key in ca.keys() & cb.keys():
        col_a, col_b = ca[key], cb[key]
        results = []
        for i, j, low in kept:
            na, nb = p.la.names[i], p.lb.names[j]
            x_cell, y_cell = _amount(p.la, na, col_a), _amount(p.lb, nb, col_b)
            x, y = _iv(x_cell, sa), _iv(y_cell, sb)
            if x is None or y is None:
                continue
            if x_cell.quantity.kind != "number" and y_cell.quantity.kind != "number":
                continue
            results.append((na, nb, x_cell, y_cell, x, y, low, x.overlaps(y)))
        if not results:
            continue
        held = sum(1 for r in results if r[-1])
        if len(results) < MIN_INSTANCES or held < MIN_AGREEMENT * len(results):
            continue
        col = " / ".join(col_a.path)
        for na, nb, x_cell, y_cell, x, y, low, ok in results:
            if ok or (id(x_cell), id(y_cell)) in seen:
                continue
            seen.add((id(x_cell), id(y_cell)))
            out.append(
                Finding(
                    rule="cross_table_mismatch",
                    severity="warning" if low else "error",
                    message_zh=f"「{na.text}」的「{col}」在{_tname(ta)}印为 {x_cell.text}，"
                    f"在{_tname(tb)}（「{nb.text}」）印为 {y_cell.text}",
                    message_en=f"'{na.text}' / '{col}': {x_cell.text} in "
                    f"{_tname(ta, 'en')}, {y_cell.text} in {_tname(tb, 'en')} ('{nb.text}')",
                    reported=x.mid / sa,
                    expected=y.mid / sa,
                    cells=[FindingCell.of(x_cell, "reported"), FindingCell.of(y_cell, "operand")]
                    + [FindingCell.of(c, "operand") for c in na.cells + nb.cells],
                    table=ta.id,
                    row=na.text,
                    column=col,
                )
            )
    return out


def _cost_checks(doc: Document, vocab: Vocab) -> list[Finding]:
    """A cost target (≤518万元) against the linked project's spending: a warning when the
    spending lies wholly above the target, since the target's scope may differ. The links
    (an indicator to a project) are not name matches and stay out of the report's matches."""
    tables = {t.id: t for t in doc.tables}
    by_pair = _cost_matches(doc, vocab)
    out: list[Finding] = []
    views: dict[str, View] = {}

    def view_of(t: Table) -> View:
        if t.id not in views:
            views[t.id] = build_view(t, vocab)
        return views[t.id]

    for t in doc.tables:
        if not t.rows or not t.columns:
            continue
        for tg in _cost_targets(view_of(t)):
            for m in by_pair:
                if m.a != tg.name_cell.text or m.tables[0] != t.id or m.tables[1] not in tables:
                    continue
                alloc = view_of(tables[m.tables[1]])
                scale = unit_scale(alloc.table.unit)
                _, s_col = _amount_cols(alloc)
                if scale is None or s_col is None:
                    continue
                items = _item_list(alloc)
                found = [n for n in (items.names if items else []) if n.text == m.b]
                if len(found) != 1 or len(found[0].index) != 1:
                    continue
                name = found[0]
                cell = alloc.rows[name.index[0]][s_col.index]
                spent = _iv(cell, scale)
                q = tg.target.quantity
                limit = (q.upper if q.upper is not None else q.value) * q.scale
                hi = limit + q.half_ulp
                if spent is None or spent.lo <= hi * (1 + iv.EPS):
                    continue
                unit = alloc.table.unit or ""
                out.append(
                    Finding(
                        rule="cost_target_exceeded",
                        severity="warning",
                        message_zh=f"「{tg.name_cell.text}」的成本目标 {tg.target.text}"
                        f"（{_tname(t)}）低于{_tname(alloc.table)}「{m.b}」的支出 "
                        f"{cell.text}{unit}（{' / '.join(s_col.path)}），口径可能不同",
                        message_en=f"cost target '{tg.name_cell.text}' {tg.target.text} "
                        f"({_tname(t, 'en')}) is below the spending {cell.text} {unit} of "
                        f"'{m.b}' in {_tname(alloc.table, 'en')} ({' / '.join(s_col.path)}); "
                        "the scope may differ",
                        reported=spent.mid / scale,
                        expected=limit / scale,
                        cells=[
                            FindingCell.of(cell, "reported"),
                            FindingCell.of(tg.target, "claim"),
                            FindingCell.of(tg.name_cell, "operand"),
                        ]
                        + [FindingCell.of(c, "operand") for c in name.cells],
                        table=t.id,
                        row=tg.name_cell.text,
                        column=" / ".join(s_col.path),
                    )
                )
    return out
