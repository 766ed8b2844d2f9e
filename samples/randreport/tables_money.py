"""Annex 1 (资金使用结构明细表) and annex 2 (现场评价明细表): amounts, rates and their relations."""

from __future__ import annotations

import random
from decimal import Decimal

from . import vocab
from .model import HCell, Table
from .numfmt import Fmt, fmt, ratio_pct

CN_NUM = "一二三四五六七八九十"


def rel(kind: str, t: int | None, reported, operands, **extra) -> dict:
    return {"kind": kind, "table": t, "reported": reported, "operands": operands, **extra}


def split_units(rng: random.Random, total: int, k: int) -> list[int]:
    """Split a whole number of units into k non-negative parts."""
    if k <= 1:
        return [total]
    w = [rng.random() ** 2 for _ in range(k)]
    s = sum(w) or 1.0
    parts = [int(total * x / s) for x in w]
    parts[rng.randrange(k)] += total - sum(parts)
    return parts


def amount(rng: random.Random, lo: float, hi: float, dec: int) -> Decimal:
    scale = 10**dec
    return Decimal(rng.randint(int(lo * scale), int(hi * scale))) / scale


def to_units(v: Decimal, dec: int) -> int:
    return int(v * 10**dec)


def from_units(n: int, dec: int) -> Decimal:
    return Decimal(n) / 10**dec


def amount_range(unit: str) -> tuple[float, float]:
    return (20, 4000) if unit == "万元" else (50_000, 30_000_000)


def build_use(
    rng: random.Random, v: dict, t: int, label: str | None, fund: str, year: int
) -> Table:
    """资金使用结构明细表: projects × (到位 / 支出 by category / 使用率)."""
    dec = 0 if v["int_amounts"] else 2
    fa = Fmt(dec=dec, sep=v["sep"], zero=v["zero"])
    fr = Fmt(dec=2, pct=v["rate_pct"])
    n = rng.randint(8, 30)
    projects = rng.sample(vocab.PROJECTS, n)
    src1, src2 = rng.choice(vocab.FUNDING_SOURCES)
    cats = rng.sample(vocab.EXPENSES, rng.randint(3, 8))
    has_office = rng.random() < 0.5
    has_code = v["code_col"]
    structure = "code" if has_code else rng.choice(["flat", "groups", "groups"])
    lab = (
        ["项目名称"]
        + (["责任处室"] if has_office else [])
        + (["功能分类科目编码"] if has_code else [])
    )
    L = len(lab)
    c_at, c_cat, c_rate = L, L + 3, L + 3 + len(cats) + 1
    c_exp = c_rate - 1
    ncols = c_rate + 1
    paren = "（支出）" if rng.random() < 0.6 else "(支出)"
    header = [HCell(x, 0, i, rowspan=2) for i, x in enumerate(lab)]
    header += [
        HCell("资金到位情况", 0, c_at, colspan=3),
        HCell(f"资金使用{paren}情况", 0, c_cat, colspan=len(cats) + 1),
    ]
    header += [HCell(x, 1, c_at + i) for i, x in enumerate([src1, src2, "合计"])]
    header += [HCell(x, 1, c_cat + i) for i, x in enumerate(cats + ["合计"])]
    header.append(HCell("资金使用率" if v["rate_pct"] else "资金使用率（%）", 0, c_rate, rowspan=2))
    tab = Table(
        "use", label, f"{year}年度{fund}使用结构明细表", v["unit"], v["unit_line"], header, 2, ncols
    )
    if rng.random() < 0.4:
        tab.subtitle = f"（费用支出时间截至{year}年12月31日）"
    tab.align = ["l"] * L + ["r"] * (ncols - L)
    tab.wide_cols = tuple(range(L))
    lo, hi = amount_range(v["unit"])
    rels: list[dict] = []

    def numeric_row(label_cells: list[str], kind: str, vals: list[Decimal] | None) -> int:
        r = len(tab.rows)
        row = label_cells + [""] * (ncols - L)
        tab.rows.append(row)
        tab.kinds.append(kind)
        if vals is None:
            return r
        for i, x in enumerate(vals):
            tab.vals[(r, c_at + i)] = x
            tab.fmts[(r, c_at + i)] = fa
            row[c_at + i] = fmt(x, fa)
        at, e = vals[2], vals[-1]
        rels.append(rel("row_sum", t, [r, c_at + 2], [[r, c_at], [r, c_at + 1]]))
        rels.append(rel("row_sum", t, [r, c_exp], [[r, c] for c in range(c_cat, c_exp)]))
        if at:
            rate = ratio_pct(e, at)
            tab.vals[(r, c_rate)] = rate
            tab.fmts[(r, c_rate)] = fr
            row[c_rate] = fmt(rate, fr)
            rels.append(rel("rate", t, [r, c_rate], [[r, c_exp], [r, c_at + 2]]))
        else:
            row[c_rate] = "/"
        return r

    def project_vals() -> list[Decimal]:
        if n > 10 and rng.random() < 0.05:
            return [Decimal(0)] * (3 + len(cats) + 1)
        a1 = amount(rng, lo, hi, dec)
        a2 = Decimal(0) if rng.random() < 0.6 else amount(rng, lo / 4, hi / 8, dec)
        at = a1 + a2
        u = 1.0 if rng.random() < 0.35 else rng.uniform(0.4, 1.0)
        e_units = int(to_units(at, dec) * u)
        k = rng.randint(1, len(cats))
        chosen = set(rng.sample(range(len(cats)), k))
        parts = split_units(rng, e_units, k)
        cv, it = [], iter(parts)
        for i in range(len(cats)):
            cv.append(from_units(next(it), dec) if i in chosen else Decimal(0))
        return [a1, a2, at] + cv + [from_units(e_units, dec)]

    def sum_rows(rows: list[int]) -> list[Decimal]:
        return [
            sum((tab.vals.get((r, c), Decimal(0)) for r in rows), Decimal(0))
            for c in range(c_at, c_rate)
        ]

    def fill_sum(r: int, members: list[int], kind: str) -> None:
        vals = sum_rows(members)
        for i, x in enumerate(vals):
            tab.vals[(r, c_at + i)] = x
            tab.fmts[(r, c_at + i)] = fa
            tab.rows[r][c_at + i] = fmt(x, fa)
        at, e = vals[2], vals[-1]
        rels.append(rel("row_sum", t, [r, c_at + 2], [[r, c_at], [r, c_at + 1]]))
        rels.append(rel("row_sum", t, [r, c_exp], [[r, c] for c in range(c_cat, c_exp)]))
        if at:
            rate = ratio_pct(e, at)
            tab.vals[(r, c_rate)], tab.fmts[(r, c_rate)] = rate, fr
            tab.rows[r][c_rate] = fmt(rate, fr)
            rels.append(rel("rate", t, [r, c_rate], [[r, c_exp], [r, c_at + 2]]))
        else:
            tab.rows[r][c_rate] = "/"
        for c in range(c_at, c_rate):
            rels.append(rel(kind, t, [r, c], [[m, c] for m in members]))

    def labels(name: str, office: str = "", code: str = "") -> list[str]:
        out = [name] + ([office] if has_office else []) + ([code] if has_code else [])
        return out

    offices = vocab.OFFICES
    total_first = rng.random() < 0.25
    total_label = rng.choice(["合计", "合计", "总计"])
    total_r = numeric_row(labels(total_label), "total", None) if total_first else None
    top: list[int] = []
    pit = iter(projects)
    if structure == "flat":
        for name in projects:
            top.append(numeric_row(labels(name, rng.choice(offices)), "item", project_vals()))
    elif structure == "groups":
        gnames = rng.sample(
            ["省直部门项目", "转移支付市县项目", "专项业务项目", "能力建设项目", "激励奖补项目"],
            rng.randint(2, 3),
        )
        sizes = split_units(rng, n - len(gnames), len(gnames))
        for g, (gname, size) in enumerate(zip(gnames, sizes, strict=False)):
            head = f"{CN_NUM[g]}、{gname}"
            members_names = [next(pit) for _ in range(size + 1)]
            if v["subtotal_pos"] == "before":
                gr = numeric_row(labels(head), "subtotal", None)
                members = [
                    numeric_row(labels(nm, rng.choice(offices)), "item", project_vals())
                    for nm in members_names
                ]
                fill_sum(gr, members, "subtotal")
                top.append(gr)
            else:
                numeric_row(labels(head), "group", None)
                members = [
                    numeric_row(labels(nm, rng.choice(offices)), "item", project_vals())
                    for nm in members_names
                ]
                sr = numeric_row(labels("小计"), "subtotal", None)
                fill_sum(sr, members, "subtotal")
                top.append(sr)
    else:  # code hierarchy 类 / 款 / 项
        classes = rng.sample(sorted(vocab.CODES), rng.randint(1, 3))
        plan = []
        for cl in classes:
            kuans = rng.sample(vocab.CODES[cl][1], min(len(vocab.CODES[cl][1]), rng.randint(1, 2)))
            plan.append((cl, sorted(kuans)))
        nk = sum(len(k) for _, k in plan)
        sizes = [s + 1 for s in split_units(rng, n - nk, nk)]
        si = iter(sizes)
        for cl, kuans in plan:
            cr = numeric_row(labels(vocab.CODES[cl][0], "", cl), "class", None)
            krows = []
            for kc, kname in kuans:
                kr = numeric_row(labels(kname, "", cl + kc), "subtotal", None)
                members = []
                for j in range(next(si)):
                    members.append(
                        numeric_row(
                            labels(next(pit), rng.choice(offices), f"{cl}{kc}{j + 1:02d}"),
                            "item",
                            project_vals(),
                        )
                    )
                fill_sum(kr, members, "hierarchy")
                krows.append(kr)
            fill_sum(cr, krows, "hierarchy")
            top.append(cr)
    if total_r is None:
        total_r = numeric_row(labels(total_label), "total", None)
    fill_sum(total_r, top, "column_sum")
    tab.relations = rels  # type: ignore[attr-defined]
    tab.c_at, tab.c_exp, tab.c_rate = c_at, c_exp, c_rate  # type: ignore[attr-defined]
    return tab


def is_subseq(a: str, b: str) -> bool:
    it = iter(b)
    return all(ch in it for ch in a)


def abbreviate(rng: random.Random, name: str, others: list[str], taken: set[str]) -> str:
    for _ in range(40):
        s = name
        if rng.random() < 0.7:
            for suf in ("专项资金", "扶持资金", "补助经费", "专项", "项目", "资金", "经费", "工程"):
                if s.endswith(suf) and len(s) - len(suf) >= 4:
                    s = s[: -len(suf)]
                    break
        if s == name or rng.random() < 0.6:
            for _ in range(rng.randint(1, 2)):
                if len(s) > 4:
                    i = rng.randrange(1, len(s) - 1)
                    s = s[:i] + s[i + 1 :]
        if (
            s != name
            and len(s) >= 3
            and s not in taken
            and not any(is_subseq(s, o) for o in others if o != name)
        ):
            return s
    return name[0] + name[2:] if len(name) > 3 else name


def build_site(
    rng: random.Random,
    v: dict,
    t: int,
    label: str | None,
    fund: str,
    year: int,
    use: Table,
    ut: int,
) -> Table:
    """现场评价明细表: province units and cities with counties × sampled projects."""
    items = [r for r, k in enumerate(use.kinds) if k == "item" and use.vals[(r, use.c_at + 2)] > 0]
    m = min(len(items), rng.randint(4, 12))
    chosen = sorted(rng.sample(items, m))
    full = [use.rows[r][0] for r in chosen]
    all_names = [use.rows[r][0] for r, k in enumerate(use.kinds) if k == "item"]
    taken: set[str] = set()
    abbr = []
    for nm in full:
        a = abbreviate(rng, nm, all_names, taken)
        taken.add(a)
        abbr.append(a)
    dec = 0 if rng.random() < 0.6 else 2
    fa = Fmt(dec=dec, sep=v["sep"], zero=v["zero"])
    ncols = 3 + m
    two_level = rng.random() < 0.4
    if two_level:
        header = [
            HCell("地区", 0, 0, rowspan=2),
            HCell("单位", 0, 1, rowspan=2),
            HCell("合计", 0, 2, rowspan=2),
        ]
        header.append(HCell("抽查项目", 0, 3, colspan=m))
        header += [HCell(a, 1, 3 + j) for j, a in enumerate(abbr)]
    else:
        header = [HCell("地区", 0, 0), HCell("单位", 0, 1), HCell("合计", 0, 2)]
        header += [HCell(a, 0, 3 + j) for j, a in enumerate(abbr)]
    tab = Table(
        "site",
        label,
        f"{year}年{fund}现场评价明细表",
        v["unit"],
        v["unit_line"],
        header,
        2 if two_level else 1,
        ncols,
    )
    tab.align = ["c", "l"] + ["r"] * (ncols - 2)
    tab.wide_cols = (0, 1)
    rels: list[dict] = []
    span_mode = v["city_mode"] == "span"
    # layout of rows: (col0, col1, kind, members)
    units = rng.sample(vocab.PROVINCE_UNITS, rng.randint(2, 5))
    cities = sorted(rng.sample(range(len(vocab.CITIES)), rng.randint(2, 5)))
    layout: list[list] = []
    for u in units:
        layout.append(["省本级" if span_mode else "", u, "leaf", None])
    groups = []
    for ci in cities:
        city, counties = vocab.CITIES[ci]
        cs = [x for x in counties if rng.random() < 0.7] or counties[:2]
        leaves = ([f"{city}本级"] if v["benji"] else []) + cs
        sub = [city, "小计", "sub", None]
        body = [[city if span_mode else "", x, "leaf", None] for x in leaves]
        grp = [sub] + body if v["subtotal_pos"] == "before" else body + [sub]
        groups.append((grp, sub))
        layout.extend(grp)
    total_first = rng.random() < 0.2
    tot = ["合计", "", "total", None] if rng.random() < 0.5 else ["", "合计", "total", None]
    layout = [tot] + layout if total_first else layout + [tot]
    for i, row in enumerate(layout):
        row[3] = i
        tab.rows.append([row[0], row[1]] + [""] * (ncols - 2))
        tab.kinds.append(row[2])
    if span_mode:
        prov = [row[3] for row in layout if row[0] == "省本级"]
        tab.spans.append((prov[0], 0, len(prov)))
        for grp, _ in groups:
            tab.spans.append((grp[0][3], 0, len(grp)))
    leaves = [row[3] for row in layout if row[2] == "leaf"]
    # sampled amounts per project column, never above the allocation
    for j, r1 in enumerate(chosen):
        alloc = use.vals[(r1, use.c_at + 2)]
        budget = int(alloc * Decimal(rng.uniform(0.15, 0.85)) * 10**dec)
        who = [r for r in leaves if rng.random() < rng.uniform(0.3, 0.7)] or [rng.choice(leaves)]
        for r, x in zip(who, split_units(rng, budget, len(who)), strict=False):
            tab.vals[(r, 3 + j)] = Decimal(x) / 10**dec
    for r in leaves:
        for j in range(m):
            tab.vals.setdefault((r, 3 + j), Decimal(0))
    for grp, sub in groups:
        mem = [row[3] for row in grp if row[2] == "leaf"]
        for c in range(3, ncols):
            tab.vals[(sub[3], c)] = sum((tab.vals[(r, c)] for r in mem), Decimal(0))
    prov_rows = [row[3] for row in layout if row[2] == "leaf" and row[1] in units]
    top = prov_rows + [sub[3] for _, sub in groups]
    tr = tot[3]
    for c in range(3, ncols):
        tab.vals[(tr, c)] = sum((tab.vals[(r, c)] for r in top), Decimal(0))
    for r in range(len(tab.rows)):
        tab.vals[(r, 2)] = sum((tab.vals[(r, c)] for c in range(3, ncols)), Decimal(0))
        for c in range(2, ncols):
            tab.fmts[(r, c)] = fa
            tab.rows[r][c] = fmt(tab.vals[(r, c)], fa)
        rels.append(rel("row_sum", t, [r, 2], [[r, c] for c in range(3, ncols)]))
    for grp, sub in groups:
        mem = [row[3] for row in grp if row[2] == "leaf"]
        for c in range(2, ncols):
            rels.append(rel("subtotal", t, [sub[3], c], [[r, c] for r in mem]))
    for c in range(2, ncols):
        rels.append(rel("column_sum", t, [tr, c], [[r, c] for r in top]))
    for j, r1 in enumerate(chosen):
        rels.append(rel("le_allocation", t, [tr, 3 + j], [[r1, use.c_at + 2]], operand_table=ut))
    tab.relations = rels  # type: ignore[attr-defined]
    tab.names = [[f, a] for f, a in zip(full, abbr, strict=False)]  # type: ignore[attr-defined]
    return tab
