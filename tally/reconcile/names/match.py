"""Pairing lists of names across tables and assigning names one to one (Hungarian method)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...extract.model import Document, Table
from ..findings import Finding, FindingCell
from ..structure import Vocab
from .base import MARGIN, PAIR_MIN, PAIR_SHARE, THRESHOLD, Match
from .lists import NameList, _lists, _role
from .score import name_key, score_matrix

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
