"""Planted errors: the dirty twin of a report changes 1–3 printed values so that no rounding can
explain them, each printed string unique in the document."""

from __future__ import annotations

import copy
import random
import re
from decimal import Decimal

from .model import Num, Report
from .numfmt import fmt


def printed_texts(rep: Report) -> list[str]:
    out = list(rep.head) + list(rep.annex_list)
    out += [rep.para_text(p) for p in range(len(rep.paras))]
    for t in rep.tables:
        out += [t.title, t.label or "", t.unit_line or "", t.subtitle or ""] + [
            h.text for h in t.header
        ]
        for r, row in enumerate(t.rows):
            for c, x in enumerate(row):
                sp = t.span_at(r, c)
                if not sp or sp[0] == r:
                    out.append(x)
    return out


def unique(rep: Report, s: str, replacing: str) -> bool:
    """s occurs nowhere in the document except where it replaces `replacing` (once)."""
    if not s or s == replacing:
        return False
    return not any(s in x for x in printed_texts(rep)) and not any(
        x and x in s for x in ("2021", "2022", "2023", "2024")
    )


def candidates(rep: Report) -> list[tuple[str, int, int, int]]:
    """(kind, table, row, col) of every plantable cell."""
    out = []
    for ti, t in enumerate(rep.tables):
        for rel in t.relations:
            r, c = rel["reported"]
            kind = {
                "column_sum": "total_row",
                "row_sum": "total_col",
                "subtotal": "subtotal",
                "hierarchy": "subtotal",
                "rate": "rate",
            }.get(rel["kind"])
            if rel["kind"] == "score_le_weight":
                kind = "score_gt"
            elif rel["kind"] == "score_sum" and t.kinds[r] != "total":
                kind = (
                    "score_l2"
                    if c == 1
                    and (r, c)
                    == next(((s[0], s[1]) for s in t.spans if s[0] == r and s[1] == c), None)
                    else None
                )
            elif rel["kind"] == "le_allocation":
                kind = "sampled_gt_alloc"
            if (
                kind
                and (kind != "total_col" or t.kinds[r] == "item")
                and t.rows[r][c] not in ("", "/", "-")
            ):
                out.append((kind, ti, r, c))
    for p, segs in enumerate(rep.paras):
        nums = [s for s in segs if isinstance(s, Num)]
        for k, n in enumerate(nums):
            if n.text.endswith("%"):
                out.append(("prose_share", -1, p, k))
            elif n.value is not None and n.value > 1000:
                out.append(("prose_total", -1, p, k))
    return sorted(set(out))


def _bump(
    rng: random.Random, text: str, value: Decimal | None, f, up: bool | None = None
) -> tuple[str, Decimal]:
    dec = f.dec
    unit = Decimal(1).scaleb(-dec)
    for _ in range(50):
        k = rng.choice([10, 20, 30, 50, 90, 100, 200, 500, 1000]) * rng.randint(1, 9)
        sign = (1 if up else -1) if up is not None else rng.choice([1, -1])
        nv = value + sign * k * unit
        if nv > 0:
            yield fmt(nv, f), nv


def plant(rng: random.Random, rep: Report) -> tuple[Report, list[dict]]:
    """The dirty twin and its plants (table/row/col/original/printed, no page or box yet)."""
    dirty = copy.deepcopy(rep)
    cands = candidates(rep)
    rng.shuffle(cands)
    want = rng.randint(1, 3)
    plants: list[dict] = []
    used_kinds: set[str] = set()
    used_tables: set[tuple[int, int]] = set()
    for kind, ti, r, c in cands:
        if len(plants) >= want:
            break
        if kind in used_kinds or (ti, r) in used_tables:
            continue
        got = _apply(rng, dirty, kind, ti, r, c)
        if got and not _breaks_something(dirty, got):
            _revert(dirty, got)
            got = None
        if got:
            plants.append(got)
            used_kinds.add(kind)
            used_tables.add((ti, r))
    return dirty, plants


def _apply(rng: random.Random, d: Report, kind: str, ti: int, r: int, c: int) -> dict | None:
    if ti == -1:
        n = d.num(r, c)
        orig = n.text
        if kind == "prose_share":
            v = Decimal(orig.rstrip("%"))
            opts = [
                f"{v + s * Decimal(k) / 10:.2f}%"
                for k in (13, 27, 41, 55, 72, 96)
                for s in (1, -1)
                if v + s * Decimal(k) / 10 > 0
            ]
        else:
            f = _fmt_like(orig)
            opts = [t for t, _ in _bump(rng, orig, n.value, f)]
        return set_prose(d, kind, r, c, opts)
    t = d.tables[ti]
    orig = t.rows[r][c]
    if kind == "score_l2":
        m = re.search(r"\d+", orig)
        opts = [
            orig[: m.start()] + str(int(m.group()) + k) + orig[m.end() :]
            for k in (3, 4, 5, 7, -1, -2)
        ]
        opts = [o for o in opts if not re.search(r"[（(]-|[（(]0分", o)]
    elif kind == "score_gt":
        w = t.vals[(r, c - 1)]
        f = t.fmts[(r, c)]
        opts = [fmt(w + Decimal(x), f) for x in ("0.5", "1", "1.5", "2", "3")]
    elif kind == "sampled_gt_alloc":
        rel = next(
            x for x in t.relations if x["kind"] == "le_allocation" and x["reported"] == [r, c]
        )
        ur, uc = rel["operands"][0]
        alloc = d.tables[rel["operand_table"]].vals[(ur, uc)]
        f = t.fmts[(r, c)]
        opts = [t_ for t_, _ in _bump(rng, orig, alloc, f, up=True)]
    elif kind == "rate":
        v = t.vals[(r, c)]
        f = t.fmts[(r, c)]
        opts = [
            fmt(v + s * Decimal(k) / 10, f)
            for k in (13, 27, 41, 55, 72, 96, 120)
            for s in (-1, 1)
            if v + s * Decimal(k) / 10 > 0
        ]
    else:
        f = t.fmts[(r, c)]
        opts = [t_ for t_, _ in _bump(rng, orig, t.vals[(r, c)], f)]
    for s in opts:
        if unique(d, s, orig):
            sp = t.span_at(r, c)
            for rr in range(sp[0], sp[0] + sp[2]) if sp else [r]:
                t.rows[rr][c] = s
            return {"kind": kind, "table": ti, "row": r, "col": c, "original": orig, "printed": s}
    return None


def set_prose(d: Report, kind: str, para: int, num: int, texts: list[str]) -> dict | None:
    """Print the first of ``texts`` found nowhere else in the document in place of number
    ``num`` of paragraph ``para``; the plant, or None."""
    n = d.num(para, num)
    orig = n.text
    for s in texts:
        if unique(d, s, orig):
            n.text = s
            return {
                "kind": kind,
                "table": None,
                "para": para,
                "num": num,
                "row": None,
                "col": None,
                "original": orig,
                "printed": s,
            }
    return None


def _fmt_like(text: str):
    from .numfmt import Fmt

    dec = len(text.split(".")[1]) if "." in text else 0
    return Fmt(dec=dec, sep="," in text)


def _breaks_something(d: Report, p: dict) -> bool:
    from .truth import check_relation, text_view, touches

    view = text_view(d)
    return any(touches(rel, p) and check_relation(view, rel) is False for rel in d.relations)


def _revert(d: Report, p: dict) -> None:
    if p["table"] is None:
        d.num(p["para"], p["num"]).text = p["original"]
        return
    t = d.tables[p["table"]]
    sp = t.span_at(p["row"], p["col"])
    for rr in range(sp[0], sp[0] + sp[2]) if sp else [p["row"]]:
        t.rows[rr][p["col"]] = p["original"]
