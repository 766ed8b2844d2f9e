"""A department budget disclosure (部门预算公开): the genre's standard tables, their values
consistent within and across tables, and the relations that say so. Rendered by the same
producers and rules as the evaluation reports; planted errors break an identity of the genre.

Tables: 收支预算总表 (收入 | 支出 side by side), 收入预算总表, 支出预算总表 (one row under its
header), 财政拨款收支预算总表 (side by side), 财政拨款支出预算表 (functional codes split over
类/款/项 or joined), 基本支出预算表 (人员经费 / 公用经费 with their economic classes) and the
“三公”经费 table (a three-level header, one row)."""

from __future__ import annotations

import random
from decimal import Decimal

from . import vocab
from .content import choose_variant
from .model import HCell, Num, Report, Table
from .numfmt import Fmt, fmt
from .plant import _apply, _breaks_something, _bump, _revert, set_prose, unique
from .tables_money import amount, amount_range, rel

SIDE = ["项目", "金额"]


def _side_table(title: str, unit: str, unit_line: str, fa: Fmt, label: str | None) -> Table:
    header = [HCell("收入", 0, 0, colspan=2), HCell("支出", 0, 2, colspan=2)]
    header += [HCell(x, 1, i) for i, x in enumerate(SIDE + SIDE)]
    t = Table("side", label, title, unit, unit_line, header, 2, 4)
    t.align = ["l", "r", "l", "r"]
    t.wide_cols = (0, 2)
    return t


def _put(t: Table, r: int, c: int, v: Decimal, fa: Fmt) -> None:
    t.vals[(r, c)], t.fmts[(r, c)] = v, fa
    t.rows[r][c] = fmt(v, fa)


def build_disclosure(seed: int, producer: str | None = None, rules: str | None = None) -> Report:
    rng = random.Random(seed * 31 + 7)
    v = choose_variant(rng, producer, rules)
    v["kind"] = "部门预算公开"
    v["genre"] = "budget"
    dept, _ = rng.choice(vocab.DEPARTMENTS)
    year = rng.choice([2021, 2022, 2023, 2024])
    unit, unit_line = v["unit"], v["unit_line"]
    dec = 2
    fa = Fmt(dec=dec, sep=v["sep"], zero=v["zero"])
    lo, hi = amount_range(unit)
    labels = [f"公开{k + 1:02d}表" if v["annex_label"] else None for k in range(7)]

    # the money: 一般公共预算 + 政府性基金 (财政拨款), 其他资金, 上年结转
    basic_items = {
        "301": ("工资福利支出", amount(rng, lo, hi, dec)),
        "303": ("对个人和家庭的补助", amount(rng, lo / 4, hi / 4, dec)),
        "302": ("商品和服务支出", amount(rng, lo / 2, hi / 2, dec)),
    }
    personnel = basic_items["301"][1] + basic_items["303"][1]
    public = basic_items["302"][1]
    basic = personnel + public
    project_fiscal = amount(rng, lo, hi * 2, dec)
    reserve = amount(rng, lo / 5, hi / 5, dec) if rng.random() < 0.5 else Decimal(0)
    fiscal = basic + project_fiscal + reserve
    fund = amount(rng, lo / 5, hi / 3, dec) if rng.random() < 0.4 else Decimal(0)
    general = fiscal - fund
    other = amount(rng, lo / 5, hi / 3, dec) if rng.random() < 0.5 else Decimal(0)
    carry = amount(rng, lo / 5, hi / 3, dec) if rng.random() < 0.4 else Decimal(0)
    project = project_fiscal + other + carry
    income_year = fiscal + other
    total = income_year + carry

    tables: list[Table] = []
    rels: list[dict] = []

    # 0 收支预算总表
    t0 = _side_table(f"{dept}{year}年收支预算总表", unit, unit_line, fa, labels[0])
    left = [
        ("一、财政拨款", fiscal),
        ("1.一般公共预算", general),
        ("2.政府性基金预算", fund),
        ("二、财政专户管理资金", Decimal(0)),
        ("三、其他资金", other),
    ]
    right = [
        ("一、基本支出", basic),
        ("二、项目支出", project),
        ("三、单位预留机动经费", reserve),
    ]
    n = max(len(left), len(right))
    for i in range(n):
        t0.rows.append(["", "", "", ""])
        t0.kinds.append("item")
        if i < len(left):
            t0.rows[i][0] = left[i][0]
            _put(t0, i, 1, left[i][1], fa)
        if i < len(right):
            t0.rows[i][2] = right[i][0]
            _put(t0, i, 3, right[i][1], fa)
    r_year = len(t0.rows)
    for lab_l, val_l, lab_r, val_r in (
        ("当年收入小计", income_year, "当年支出小计", total),
        ("上年结转资金", carry, "结转下年资金", Decimal(0)),
        ("收入合计", total, "支出合计", total),
    ):
        r = len(t0.rows)
        t0.rows.append([lab_l, "", lab_r, ""])
        t0.kinds.append("total")
        _put(t0, r, 1, val_l, fa)
        _put(t0, r, 3, val_r, fa)
    r_total = r_year + 2
    t0_rels = [
        rel("column_sum", 0, [r_year, 1], [[0, 1], [3, 1], [4, 1]]),
        rel("column_sum", 0, [0, 1], [[1, 1], [2, 1]]),
        rel("column_sum", 0, [r_year, 3], [[0, 3], [1, 3], [2, 3]]),
        rel("column_sum", 0, [r_total, 1], [[r_year, 1], [r_year + 1, 1]]),
        rel("column_sum", 0, [r_total, 3], [[r_year, 3], [r_year + 1, 3]]),
        rel("identity", 0, [r_total, 1], [[r_total, 3]]),
    ]
    t0.relations = t0_rels  # type: ignore[attr-defined]
    tables.append(t0)

    # 1 收入预算总表
    t1 = Table(
        "income",
        labels[1],
        f"{dept}{year}年收入预算总表",
        unit,
        unit_line,
        [HCell("项目", 0, 0), HCell("金额", 0, 1)],
        1,
        2,
    )
    t1.align = ["l", "r"]
    for lab, val in (
        ("收入总计", total),
        ("一般公共预算资金", general),
        ("政府性基金", fund),
        ("财政专户管理资金", Decimal(0)),
        ("其他资金", other),
        ("上年结转资金", carry),
    ):
        r = len(t1.rows)
        t1.rows.append([lab, ""])
        t1.kinds.append("total" if r == 0 else "item")
        _put(t1, r, 1, val, fa)
    t1.relations = [  # type: ignore[attr-defined]
        rel("column_sum", 1, [0, 1], [[k, 1] for k in range(1, 6)]),
        rel("identity", 1, [0, 1], [[r_total, 1]], operand_table=0),
    ]
    tables.append(t1)

    # 2 支出预算总表: one row
    cols2 = ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]
    t2 = Table(
        "expense",
        labels[2],
        f"{dept}{year}年支出预算总表",
        unit,
        unit_line,
        [HCell(x, 0, i) for i, x in enumerate(cols2)],
        1,
        5,
    )
    t2.align = ["r"] * 5
    t2.rows.append([""] * 5)
    t2.kinds.append("item")
    for c, val in enumerate([total, basic, project, reserve, Decimal(0)]):
        _put(t2, 0, c, val, fa)
    t2.relations = [  # type: ignore[attr-defined]
        rel("row_sum", 2, [0, 0], [[0, k] for k in range(1, 5)]),
        rel("identity", 2, [0, 0], [[r_total, 3]], operand_table=0),
    ]
    tables.append(t2)

    # 3 财政拨款收支预算总表
    t3 = _side_table(f"{dept}{year}年财政拨款收支预算总表", unit, unit_line, fa, labels[3])
    rows3 = [
        ("一、一般公共预算", general, "一、基本支出", basic),
        ("二、政府性基金预算", fund, "二、项目支出", project_fiscal),
        ("", None, "三、单位预留机动经费", reserve),
        ("收入合计", fiscal, "支出合计", fiscal),
    ]
    for i, (a, va, b, vb) in enumerate(rows3):
        t3.rows.append([a, "", b, ""])
        t3.kinds.append("total" if i == 3 else "item")
        if va is not None:
            _put(t3, i, 1, va, fa)
        _put(t3, i, 3, vb, fa)
    t3.relations = [  # type: ignore[attr-defined]
        rel("column_sum", 3, [3, 1], [[0, 1], [1, 1]]),
        rel("column_sum", 3, [3, 3], [[0, 3], [1, 3], [2, 3]]),
        rel("identity", 3, [3, 1], [[0, 1]], operand_table=0),
    ]
    tables.append(t3)

    # 4 财政拨款支出预算表（功能科目）: fiscal spending by class / 款 / 项
    tables.append(_functional(rng, v, 4, labels[4], dept, year, fiscal, fa))
    tables[4].relations.append(  # type: ignore[attr-defined]
        rel("identity", 4, [0, len(tables[4].rows[0]) - 1], [[3, 3]], operand_table=3)
    )

    # 5 基本支出预算表: 人员经费 / 公用经费 and their economic classes
    t5 = Table(
        "basic",
        labels[5],
        f"{dept}{year}年财政拨款基本支出预算表",
        unit,
        unit_line,
        [HCell("科目编码", 0, 0), HCell("科目名称", 0, 1), HCell("金额", 0, 2)],
        1,
        3,
    )
    t5.align = ["c", "l", "r"]
    for code, name, val, kind in (
        ("", "合计", basic, "total"),
        ("", "人员经费", personnel, "subtotal"),
        ("301", *basic_items["301"], "item"),
        ("303", *basic_items["303"], "item"),
        ("", "公用经费", public, "subtotal"),
        ("302", *basic_items["302"], "item"),
    ):
        r = len(t5.rows)
        t5.rows.append([code, name, ""])
        t5.kinds.append(kind)
        _put(t5, r, 2, val, fa)
    t5.relations = [  # type: ignore[attr-defined]
        rel("identity", 5, [0, 2], [[1, 2], [4, 2]]),
        rel("subtotal", 5, [1, 2], [[2, 2], [3, 2]]),
    ]
    tables.append(t5)

    # 6 “三公”经费: a three-level header over one row
    abroad, buy, run, recep = (amount(rng, lo / 50, hi / 20, dec) for _ in range(4))
    if rng.random() < 0.5:
        buy = Decimal(0)
    car = buy + run
    three = abroad + car + recep
    meet, train = amount(rng, lo / 20, hi / 10, dec), amount(rng, lo / 20, hi / 10, dec)
    header6 = [
        HCell("合计", 0, 0, rowspan=3),
        HCell("“三公”经费", 0, 1, colspan=6),
        HCell("小计", 1, 1, rowspan=2),
        HCell("因公出国（境）费", 1, 2, rowspan=2),
        HCell("公务用车购置及运行费", 1, 3, colspan=3),
        HCell("小计", 2, 3),
        HCell("公务用车购置费", 2, 4),
        HCell("公务用车运行费", 2, 5),
        HCell("公务接待费", 1, 6, rowspan=2),
        HCell("会议费", 0, 7, rowspan=3),
        HCell("培训费", 0, 8, rowspan=3),
    ]
    t6 = Table(
        "sangong",
        labels[6],
        f"{dept}{year}年“三公”经费、会议费、培训费支出预算表",
        unit,
        unit_line,
        header6,
        3,
        9,
    )
    t6.align = ["r"] * 9
    t6.rows.append([""] * 9)
    t6.kinds.append("item")
    for c, val in enumerate(
        [three + meet + train, three, abroad, car, buy, run, recep, meet, train]
    ):
        _put(t6, 0, c, val, fa)
    t6.relations = [  # type: ignore[attr-defined]
        rel("row_sum", 6, [0, 0], [[0, 1], [0, 7], [0, 8]]),
        rel("row_sum", 6, [0, 1], [[0, 2], [0, 3], [0, 6]]),
        rel("row_sum", 6, [0, 3], [[0, 4], [0, 5]]),
    ]
    tables.append(t6)

    for t in tables:
        rels += t.relations  # type: ignore[attr-defined]
    f2 = Fmt(dec=2, sep=v["sep"])
    # the year before: a change of 3–30 %, up or down; the rate printed to two decimals
    change = rng.randint(3, 30) * rng.choice([1, -1])
    prior = (total * 100 / (100 + change)).quantize(Decimal("0.01"))
    up = total >= prior
    rate = ((total - prior) / prior * 100) if up else ((prior - total) / prior * 100)
    pf = Fmt(dec=2, pct=True)
    paras = [
        [
            f"根据预算公开的有关规定，现将{dept}{year}年部门预算公开如下。{dept}主要职责是"
            f"贯彻执行国家有关方针政策和法律法规，做好本部门本系统的各项工作。"
        ],
        [
            f"{dept}{year}年收支预算总计",
            Num(fmt(total, f2), total),
            f"{unit}，与{year - 1}年度的",
            Num(fmt(prior, f2), prior),
            f"{unit}相比{'增长' if up else '下降'}",
            Num(fmt(rate, pf), rate),
            "。其中财政拨款",
            Num(fmt(fiscal, f2), fiscal),
            f"{unit}，详见公开表。",
        ],
    ]
    rels.append(
        {
            "kind": "prose",
            "table": None,
            "reported": {"para": 1, "num": 2},
            "operands": [{"para": 1, "num": 0}, {"para": 1, "num": 1}],
            "op": "growth" if up else "decline",
        }
    )
    # the text quotes the summary table's total
    rels.append(_quote(1, 0, 0, [r_total, 1]))
    head = [dept, f"{dept}{year}年部门预算公开", "一、部门预算说明"]
    annex = [
        f"{k + 1}.{t.title.replace(dept, '').replace(f'{year}年', '')}"
        for k, t in enumerate(tables)
    ]
    return Report(seed, v, dept, year, head, paras, tables, rels, [], annex)


def _quote(para: int, num: int, table: int, cell: list[int]) -> dict:
    """A prose amount quoting a table's cell (收支预算总计 … the summary's 收入合计)."""
    return {
        "kind": "prose",
        "table": None,
        "reported": {"para": para, "num": num},
        "operands": [{"table": table, "cell": cell}],
        "op": "equal",
    }


def _functional(
    rng: random.Random,
    v: dict,
    ti: int,
    label: str | None,
    dept: str,
    year: int,
    total: Decimal,
    fa: Fmt,
) -> Table:
    """财政拨款支出预算表（功能科目）: 合计 first, then 类 → 款 → 项 rows whose amounts nest;
    codes split over 类/款/项 columns or joined into one."""
    split = rng.random() < 0.5
    if split:
        header = [HCell("功能科目编码", 0, 0, colspan=3)]
        header += [HCell(x, 1, i) for i, x in enumerate(["类", "款", "项"])]
        header += [HCell("功能科目名称", 0, 3, rowspan=2), HCell("金额", 0, 4, rowspan=2)]
        nl, nhead = 4, 2
    else:
        header = [HCell("功能科目编码", 0, 0), HCell("功能科目名称", 0, 1), HCell("金额", 0, 2)]
        nl, nhead = 2, 1
    t = Table(
        "functional",
        label,
        f"{dept}{year}年财政拨款支出预算表（功能科目）",
        v["unit"],
        v["unit_line"],
        header,
        nhead,
        nl + 1,
    )
    t.align = ["c"] * (nl - 1) + ["l", "r"]
    t.wide_cols = (nl - 1,)
    t.rows.append((["合计", "", "", "合计"] if split else ["合计", "合计"]) + [""])
    t.kinds.append("total")
    _put(t, 0, nl, total, fa)
    rels: list[dict] = []
    classes = sorted(rng.sample(sorted(vocab.CODES), rng.randint(2, 3)))
    class_vals = _split(rng, total, len(classes))
    top = []
    for cl, cv in zip(classes, class_vals, strict=True):
        cname, kuans = vocab.CODES[cl]
        picked = sorted(rng.sample(kuans, min(len(kuans), rng.randint(1, 2))))
        cr = _code_row(t, split, (cl, "", ""), cname, "class", nl, cv, fa)
        top.append(cr)
        krows = []
        for (kc, kname), kv in zip(picked, _split(rng, cv, len(picked)), strict=True):
            kr = _code_row(t, split, (cl, kc, ""), kname, "subtotal", nl, kv, fa)
            krows.append(kr)
            names = rng.sample(vocab.ITEM_NAMES, rng.randint(1, 3))
            irows = [
                _code_row(t, split, (cl, kc, f"{j + 1:02d}"), nm, "item", nl, iv_, fa)
                for j, (nm, iv_) in enumerate(zip(names, _split(rng, kv, len(names)), strict=True))
            ]
            rels.append(rel("hierarchy", ti, [kr, nl], [[r, nl] for r in irows]))
        rels.append(rel("hierarchy", ti, [cr, nl], [[r, nl] for r in krows]))
    rels.append(rel("column_sum", ti, [0, nl], [[r, nl] for r in top]))
    t.relations = rels  # type: ignore[attr-defined]
    return t


def _code_row(t, split, codes, name, kind, nl, val, fa) -> int:  # noqa: ANN001
    r = len(t.rows)
    t.rows.append([*codes, name, ""] if split else ["".join(codes), name, ""])
    t.kinds.append(kind)
    _put(t, r, nl, val, fa)
    return r


def _split(rng: random.Random, total: Decimal, k: int) -> list[Decimal]:
    """k positive parts (2 decimals) adding up to total exactly."""
    cents = int(total * 100)
    cuts = sorted(rng.sample(range(1, cents), k - 1)) if k > 1 else []
    bounds = [0, *cuts, cents]
    return [Decimal(b - a) / 100 for a, b in zip(bounds, bounds[1:], strict=False)]


PLANT_KINDS = {
    # (table key, relation kind) → plant kind: what a reviewer of budgets checks
    ("side", "identity"): "summary_total",
    ("income", "identity"): "cross_total",
    ("expense", "identity"): "cross_total",
    ("side", "column_sum"): "summary_total",
    ("functional", "hierarchy"): "class_sum",
    ("functional", "identity"): "cross_total",
    ("basic", "identity"): "basic_split",
    ("sangong", "row_sum"): "sangong",
}


def plant_budget(rng: random.Random, rep: Report) -> tuple[Report, list[dict]]:
    """The dirty twin: 1–3 printed totals changed so that an identity of the genre fails."""
    cands = table_cands(rep, PLANT_KINDS)
    for pi, segs in enumerate(rep.paras):
        nums = [x for x in segs if isinstance(x, Num)]
        cands += [("prose_yoy", -1, pi, k) for k, x in enumerate(nums) if x.text.endswith("%")]
    cands += [
        ("prose_total", -1, r_["reported"]["para"], r_["reported"]["num"])
        for r_ in rep.relations
        if r_["kind"] == "prose" and r_["op"] == "equal"
    ]
    return plant_cells(rng, rep, sorted(set(cands)))


def table_cands(rep: Report, kinds: dict) -> list[tuple[str, int, int, int]]:
    """(plant kind, table, row, column) of each printed total a relation of ``kinds`` reports
    ((table key, relation kind) → plant kind)."""
    cands = []
    for ti, t in enumerate(rep.tables):
        for r_ in t.relations:  # type: ignore[attr-defined]
            kind = kinds.get((t.key, r_["kind"]))
            r, c = r_["reported"]
            if kind and t.rows[r][c] not in ("", "-"):
                cands.append((kind, ti, r, c))
    return cands


def plant_cells(
    rng: random.Random,
    rep: Report,
    cands: list[tuple[str, int, int, int]],
    options=None,  # noqa: ANN001 - (report, kind, para, num) -> printed texts to try, or []
) -> tuple[Report, list[dict]]:
    """Plant 1–3 of ``cands`` (kind, table or -1 for the prose, row or paragraph, column or
    number), one per kind, each breaking a relation of the truth. A prose number is bumped (a
    rate by tenths, an amount by units) unless ``options`` gives the texts to try."""
    import copy

    dirty = copy.deepcopy(rep)
    rng.shuffle(cands)
    want = rng.randint(1, 3)
    plants: list[dict] = []
    used: set[str] = set()
    for kind, ti, r, c in cands:
        if len(plants) >= want or kind in used:
            continue
        if ti == -1:  # a number in the prose
            texts = options(dirty, kind, r, c) if options else []
            if texts:
                got = set_prose(dirty, kind, r, c, texts)
            else:
                got = _apply(
                    rng, dirty, "prose_share" if kind == "prose_yoy" else "prose_total", ti, r, c
                )
            if got and _breaks_something(dirty, got):
                got["kind"] = kind
                plants.append(got)
                used.add(kind)
            elif got:
                _revert(dirty, got)
            continue
        t = dirty.tables[ti]
        orig = t.rows[r][c]
        for s, _ in _bump(rng, orig, t.vals[(r, c)], t.fmts[(r, c)]):
            if unique(dirty, s, orig):
                t.rows[r][c] = s
                p = {"kind": kind, "table": ti, "row": r, "col": c, "original": orig, "printed": s}
                if not _breaks_something(dirty, p):
                    _revert(dirty, p)
                    break
                plants.append(p)
                used.add(kind)
                break
    return dirty, plants
