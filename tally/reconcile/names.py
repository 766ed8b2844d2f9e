"""Names across tables: the same project printed differently in two annexes, and the rules that
hold between the amounts the two tables give it.

A *list of names* is a label column's distinct texts (one name per row) or a table's value
columns' leaf headers (one name per column). Two lists from different tables are *paired* when
enough of their names match well; inside a pair, names are assigned one to one
(``linear_sum_assignment`` on the score matrix), and an assignment below ``THRESHOLD`` is no
match. Nothing here names a project of one report: which lists pair, and which table is the
sampled one and which the allocation, comes from the tables and the words in
``rules/default.yaml`` (keys ``sampled``, ``allocated``, ``name_stopwords``, ``cost``,
``scope``, ``aliases``).

The score (0–100) suits abbreviated Chinese names, where token scorers see one token:
subsequence containment ``C = LCSseq(a, b) / min(len)`` (an abbreviation drops characters
and keeps the order: 反垄及打击传销 in 反垄断及打击传销专项 gives C = 1), squared so that a
changed character costs much more than a dropped one (认证 / 认可), times a length term from
``ratio`` so that a short name is not found inside any long one. The best of two readings is
kept: as printed (normalised) and without the stop words (项目, 专项, 与 …).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from ..extract.model import Cell, Document, Table
from . import interval as iv
from .findings import Finding, FindingCell
from .structure import Column, View, Vocab, build_view, norm, strip_marker

THRESHOLD = 80.0  # a pair below this score is no match
MARGIN = 8.0  # a match whose runner-up (for either name) is closer than this is low-margin
PAIR_SHARE = 0.6  # share of the smaller list that must match for two lists to be paired
PAIR_MIN = 3  # ... and at least this many names
MAX_NAME = 40  # longer texts are sentences, not names
MIN_AGREEMENT = 0.6  # same-item comparisons between two tables must mostly hold to be trusted
MIN_INSTANCES = 4

_BRACKETS = re.compile(r"[(\[{【〔（][^()\[\]{}【】〔〕（）]*[)\]}】〕）]")
_PUNCT = re.compile(
    r"[\s\"'“”‘’`、，,。.;；:：·•・!！?？\-—–_/\\|<>《》〈〉「」『』【】\[\](){}（）+＋*×#&]"
)
_STRUCTURAL = ("weight", "score", "deduction", "target", "actual")
_UNIT_SCALE = {"元": 1.0, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "亿元": 1e8}


@dataclass(slots=True)
class Match:
    a: str
    b: str
    score: float
    tables: tuple[str, str]
    low_margin: bool = False

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 1),
            "tables": list(self.tables),
            "low_margin": self.low_margin,
        }


# ---- normalising and scoring ------------------------------------------------------------------


def name_key(text: str) -> str:
    """NFKC, no list marker (一、 1.), no bracketed notes, no whitespace or punctuation."""
    t = unicodedata.normalize("NFKC", text or "")
    t = strip_marker(t) or t
    stripped = _BRACKETS.sub("", t)
    if _PUNCT.sub("", stripped):
        t = stripped
    return _PUNCT.sub("", t)


def _strip_stop(key: str, stop: list[str]) -> str:
    t = key
    for w in sorted(stop, key=len, reverse=True):
        t = t.replace(w, "")
    return t if len(t) >= 2 else key


def score_matrix(a: list[str], b: list[str], stop: list[str] | None = None) -> list[list[float]]:
    """Scores (0–100) of every name of ``a`` against every name of ``b`` (keys, see name_key).
    Plain lists: numpy's import would cost more than the few thousand pairs a report has."""
    if not a or not b:
        return [[0.0] * len(b) for _ in a]
    best = _raw_scores(a, b)
    if stop:
        sa = [_strip_stop(x, stop) for x in a]
        sb = [_strip_stop(x, stop) for x in b]
        if sa != a or sb != b:
            alt = _raw_scores(sa, sb)
            best = [
                [max(x, y) for x, y in zip(r1, r2, strict=True)]
                for r1, r2 in zip(best, alt, strict=True)
            ]
    return best


def _raw_scores(a: list[str], b: list[str]) -> list[list[float]]:
    """100 · C² · (0.6 + 0.4 · ratio), C = longest common subsequence / the shorter name."""
    from rapidfuzz.distance import Indel, LCSseq

    lcs, ind = LCSseq.similarity, Indel.normalized_similarity
    out = []
    for x in a:
        row = []
        for y in b:
            c = lcs(x, y) / max(min(len(x), len(y)), 1)
            row.append(100.0 * c * c * (0.6 + 0.4 * ind(x, y)))
        out.append(row)
    return out


def score(a: str, b: str, stop: list[str] | None = None) -> float:
    return float(score_matrix([name_key(a)], [name_key(b)], stop)[0][0])


# ---- lists of names -----------------------------------------------------------------------------


@dataclass(slots=True)
class Name:
    key: str
    text: str  # as printed
    cells: list[Cell]  # the label cell(s) or header cell naming it
    index: list[int]  # row indices (a row list) or the column index (a column list)


@dataclass(slots=True)
class NameList:
    table: Table
    view: View
    axis: Literal["rows", "cols"]
    column: Column | None  # the label column of a row list
    names: list[Name] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [n.key for n in self.names]


def _is_total(vocab: Vocab, text: str) -> bool:
    t = norm(text)
    words = vocab.words.get("total", []) + vocab.words.get("subtotal", [])
    return any(t == w or (len(t) <= 8 and (t.endswith(w) or t.startswith(w))) for w in words)


def _good_key(key: str) -> bool:
    if not (2 <= len(key) <= MAX_NAME):
        return False
    return sum(1 for ch in key if "\u4e00" <= ch <= "\u9fff") >= 2


def _row_lists(view: View) -> list[NameList]:
    out: list[NameList] = []
    vocab = view.vocab
    for col in view.columns:
        if not col.label or col.code:
            continue
        nl = NameList(view.table, view, "rows", col)
        by_key: dict[str, Name] = {}
        seen: set[int] = set()
        for r, row in enumerate(view.rows):
            cell = row[col.index]
            if not cell.text or cell.quantity.kind not in ("text", "ordinal"):
                continue
            if view.kind_of_text(cell.text) != "item" or _is_total(vocab, cell.text):
                continue
            key = name_key(cell.text)
            if not _good_key(key):
                continue
            name = by_key.get(key)
            if name is None:
                name = by_key[key] = Name(key, cell.text, [], [])
                nl.names.append(name)
            if id(cell) not in seen:
                seen.add(id(cell))
                name.cells.append(cell)
            if r not in name.index:
                name.index.append(r)
        if len(nl.names) >= 2:
            out.append(nl)
    return out


def _header_cell(table: Table, c: int) -> Cell | None:
    for hrow in reversed(table.header):
        if c < len(hrow) and hrow[c].text:
            return hrow[c]
    return None


def _col_list(view: View) -> NameList | None:
    """Value columns' leaf headers: not a total, not a rate or share, not a leaf that recurs
    under several parents (专项资金 under 到位 and under 支出 names a fund, not a project)."""
    vocab = view.vocab
    leaves = [name_key(c.path[-1]) if c.path else "" for c in view.columns]
    nl = NameList(view.table, view, "cols", None)
    for col in view.columns:
        if not col.value or not col.path or col.is_rate(vocab) or col.is_share(vocab):
            continue
        if any(_is_total(vocab, p) for p in col.path):
            continue
        key = leaves[col.index]
        if not _good_key(key) or leaves.count(key) > 1:
            continue
        if any(vocab.has(k, key) for k in _STRUCTURAL):
            continue  # 分值, 得分, 年度指标值: what a column holds, not a name
        cell = _header_cell(view.table, col.index)
        text = col.path[-1]
        nl.names.append(Name(key, text, [cell] if cell else [], [col.index]))
    return nl if len(nl.names) >= 2 else None


def _lists(doc: Document, vocab: Vocab) -> list[NameList]:
    out: list[NameList] = []
    for table in doc.tables:
        if not table.rows or not table.columns:
            continue
        view = build_view(table, vocab)
        out.extend(_row_lists(view))
        cl = _col_list(view)
        if cl is not None:
            out.append(cl)
    return out


# ---- roles --------------------------------------------------------------------------------------


def _role(table: Table, vocab: Vocab) -> str | None:
    """'sampled', 'allocated' or None, from the title, else from the header words above the
    leaves (a leaf is a name: 产商品质量抽查 names a project, it does not make a sample)."""
    texts = [norm(table.title or "")]
    heads = []
    for path in table.columns:
        heads.extend(norm(p) for p in path[:-1])
    for text in (texts, heads):
        s = any(vocab.has("sampled", t) for t in text)
        a = any(vocab.has("allocated", t) for t in text)
        if s != a:
            return "sampled" if s else "allocated"
    return None


# ---- matching -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pair:
    la: NameList
    lb: NameList
    pairs: list[tuple[int, int, float, bool]]  # (i in la, j in lb, score, low_margin)


def hungarian(score: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-score one-to-one assignment of a rectangular matrix (rows ≤ or > columns),
    the Hungarian method with potentials, O(n²m). Pure Python: the matrices here are a few
    dozen names across, and scipy.optimize costs a second to import."""
    n, m = len(score), len(score[0]) if score else 0
    if not n or not m:
        return []
    flip = n > m
    if flip:
        score = [list(col) for col in zip(*score, strict=True)]
        n, m = m, n
    big = max(max(r) for r in score)
    cost = [[big - x for x in row] for row in score]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]
    return sorted((b, a) if flip else (a, b) for a, b in pairs)


def _one_to_one(work: list[list[float]]) -> tuple[list[int], list[int]]:
    """Rows and columns of a one-to-one assignment maximising the total score (the role of
    scipy's linear_sum_assignment, which this matches on the tests)."""
    best = [max(range(len(r)), key=r.__getitem__) if r else -1 for r in work]
    live = [i for i, j in enumerate(best) if j >= 0 and work[i][j] >= THRESHOLD]
    if len({best[i] for i in live}) == len(live):
        return live, [best[i] for i in live]  # every name its own best partner: optimal
    pairs = hungarian(work)
    return [a for a, _ in pairs], [b for _, b in pairs]


def _assign(la: NameList, lb: NameList, vocab: Vocab) -> list[tuple[int, int, float, bool]]:
    stop = vocab.words.get("name_stopwords", [])
    s = score_matrix(la.keys, lb.keys, stop)
    pinned: list[tuple[int, int]] = []
    for pair in vocab.words.get("aliases", []) or []:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            continue
        x, y = name_key(str(pair[0])), name_key(str(pair[1]))
        for p, q in ((x, y), (y, x)):
            if p in la.keys and q in lb.keys:
                pinned.append((la.keys.index(p), lb.keys.index(q)))
    work = [list(r) for r in s]
    for i, j in pinned:
        work[i] = [-1.0] * len(work[i])
        for r in work:
            r[j] = -1.0
        work[i][j] = 100.0
    rows, cols = _one_to_one(work)
    out = []
    for i, j in zip(rows, cols, strict=True):
        sc = float(work[i][j])
        if sc < THRESHOLD:
            continue
        if (i, j) in pinned:
            out.append((i, j, 100.0, False))
            continue
        others = [v for k, v in enumerate(s[i]) if k != j] + [
            s[k][j] for k in range(len(s)) if k != i
        ]
        runner = max(others, default=0.0)
        out.append((i, j, sc, sc - runner < MARGIN))
    return out


def pair_lists(doc: Document, vocab: Vocab) -> list[_Pair]:
    """The lists of names of different tables that name the same things, each with its
    one-to-one pairs. match_names and cross_table_checks both start from these."""
    lists = _lists(doc, vocab)
    out: list[_Pair] = []
    for x in range(len(lists)):
        for y in range(x + 1, len(lists)):
            la, lb = lists[x], lists[y]
            if la.table is lb.table:
                continue
            small = min(len(la.names), len(lb.names))
            if small < 2:
                continue
            pairs = _assign(la, lb, vocab)
            need = max(min(PAIR_MIN, small), math.ceil(PAIR_SHARE * small))
            if len(pairs) >= need:
                out.append(_Pair(la, lb, pairs))
    return out


def match_names(
    doc: Document, vocab: Vocab, pairs: list[_Pair] | None = None
) -> tuple[list[Match], list[Finding]]:
    """Every name pair across paired lists, and a warning
    for each name of a sampled table that has no counterpart in the allocation table."""
    matches: list[Match] = []
    findings: list[Finding] = []
    seen: set[tuple[str, str, str, str]] = set()
    for p in pairs if pairs is not None else pair_lists(doc, vocab):
        ta, tb = p.la.table, p.lb.table
        for i, j, sc, low in p.pairs:
            a, b = p.la.names[i], p.lb.names[j]
            k = (a.text, b.text, ta.id, tb.id)
            if k in seen:
                continue
            seen.add(k)
            matches.append(Match(a.text, b.text, round(sc, 1), (ta.id, tb.id), low))
        ra, rb = _role(ta, vocab), _role(tb, vocab)
        if {ra, rb} != {"sampled", "allocated"}:
            continue
        sampled, other = (p.la, p.lb) if ra == "sampled" else (p.lb, p.la)
        done = {i if sampled is p.la else j for i, j, *_ in p.pairs}
        for k, name in enumerate(sampled.names):
            if k in done:
                continue
            findings.append(
                Finding(
                    rule="name_unmatched",
                    severity="warning",
                    message_zh=f"「{name.text}」（{_tname(sampled.table)}）在"
                    f"{_tname(other.table)}中找不到对应的项目",
                    message_en=f"'{name.text}' ({_tname(sampled.table, 'en')}) has no "
                    f"counterpart in {_tname(other.table, 'en')}",
                    reported=None,
                    expected=None,
                    cells=[FindingCell.of(c, "claim") for c in name.cells],
                    table=sampled.table.id,
                    row=name.text if sampled.axis == "rows" else None,
                    column=name.text if sampled.axis == "cols" else None,
                )
            )
    return matches, findings


def _tname(table: Table, lang: str = "zh") -> str:
    title = (table.title or "").split(" ")[0] if table.title else ""
    if lang == "en":
        return f"table {table.id}" + (f" ({title})" if title else "")
    return f"表{table.id}" + (f"（{title}）" if title else "")


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
        if _role(table, vocab) == "allocated" and _unit_scale(table.unit):
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


def _unit_scale(unit: str | None) -> float | None:
    if not unit:
        return None
    return _UNIT_SCALE.get(name_key(unit))


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


def _fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


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
    s_scale, a_scale = _unit_scale(sl.table.unit), _unit_scale(al.table.unit)
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
    sa, sb = _unit_scale(ta.unit), _unit_scale(tb.unit)
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
                scale = _unit_scale(alloc.table.unit)
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
