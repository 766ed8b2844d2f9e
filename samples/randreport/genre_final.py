"""A department final-accounts disclosure (部门决算公开): the genre's 决算 tables, with the
multi-level, text-heavy headers and side-by-side blocks the budget disclosure lacks.

Tables: 收入支出决算总表 (收入 | 支出 side by side, 年初/年末结转和结余), 一般公共预算财政拨款支出
决算表 (functional codes split or joined, 本年支出 over 合计 / 基本支出 / 项目支出), 一般公共预算
财政拨款基本支出决算表 (人员经费 | 公用经费 side by side, economic codes, each side's 合计 on the
last row) and the “三公”经费 决算表 (预算数 and 决算数, each over the three-level 三公 header).
Prose: both years' totals with the rate of change, 决算数大于/小于/等于年初预算数 against the two
amounts, and the 三公 total with its 其中 parts; the year's totals quote the tables'."""

from __future__ import annotations

import random
from decimal import Decimal

from . import vocab
from .content import choose_variant
from .genre_budget import _put, _quote, _split
from .model import HCell, Num, Report, Table
from .numfmt import Fmt, fmt
from .tables_money import amount, amount_range, rel

# economic classes of basic spending: 人员经费 (301, 303) and 公用经费 (302, 310)
PERSONNEL = {
    "301": (
        "工资福利支出",
        [
            ("01", "基本工资"),
            ("02", "津贴补贴"),
            ("03", "奖金"),
            ("08", "机关事业单位基本养老保险缴费"),
            ("10", "职工基本医疗保险缴费"),
            ("13", "住房公积金"),
        ],
    ),
    "303": ("对个人和家庭的补助", [("02", "退休费"), ("05", "生活补助"), ("09", "奖励金")]),
}
PUBLIC = {
    "302": (
        "商品和服务支出",
        [
            ("01", "办公费"),
            ("02", "印刷费"),
            ("05", "水费"),
            ("06", "电费"),
            ("07", "邮电费"),
            ("11", "差旅费"),
            ("16", "培训费"),
            ("28", "工会经费"),
            ("31", "公务用车运行维护费"),
        ],
    ),
    "310": ("资本性支出", [("02", "办公设备购置"), ("07", "信息网络及软件购置更新")]),
}
CN = "一二三四五六七八九十"


def build_final(seed: int, producer: str | None = None, rules: str | None = None) -> Report:
    rng = random.Random(seed * 37 + 11)
    v = choose_variant(rng, producer, rules)
    v["kind"] = "部门决算公开"
    v["genre"] = "final"
    dept, _ = rng.choice(vocab.DEPARTMENTS)
    year = rng.choice([2021, 2022, 2023])
    unit, unit_line = v["unit"], v["unit_line"]
    fa = Fmt(dec=2, sep=v["sep"], zero=v["zero"])
    lo, hi = amount_range(unit)
    labels = [f"公开{k + 1:02d}表" if v["annex_label"] else None for k in range(4)]

    t2, personnel, public = _basic(rng, labels[2], dept, year, v, fa, lo, hi)
    t1, fiscal, f_rows = _functional(rng, v, labels[1], dept, year, fa, lo, hi, personnel + public)
    biz = amount(rng, lo / 4, hi / 2, 2) if rng.random() < 0.5 else Decimal(0)
    other = amount(rng, lo / 10, hi / 5, 2) if rng.random() < 0.6 else Decimal(0)
    carry_in = amount(rng, lo / 10, hi / 4, 2)
    income_year = fiscal + biz + other
    total = income_year + carry_in
    carry_out = amount(rng, lo / 20, float(carry_in) * 1.5 + 1, 2)
    spend_year = total - carry_out
    t0 = _summary(
        rng,
        labels[0],
        dept,
        year,
        unit,
        unit_line,
        fa,
        fiscal,
        biz,
        other,
        carry_in,
        spend_year,
        carry_out,
        total,
    )
    t3, three_budget, three_final, parts = _sangong(rng, v, labels[3], dept, year, fa, lo, hi)
    tables = [t0, t1, t2, t3]
    # 基本支出 of the functional table = 人员经费合计 + 公用经费合计 of the basic table
    last = len(t2.rows) - 1
    t1.relations.append(  # type: ignore[attr-defined]
        rel("identity", 1, [0, f_rows["basic"]], [[last, 2], [last, 5]], operand_table=2)
    )
    rels = [r for t in tables for r in t.relations]  # type: ignore[attr-defined]

    f2 = Fmt(dec=2, sep=v["sep"])
    pf = Fmt(dec=2, pct=True)
    change = rng.randint(3, 30) * rng.choice([1, -1])
    prior = (total * 100 / (100 + change)).quantize(Decimal("0.01"))
    up = total >= prior
    rate = abs(total - prior) / prior * 100
    # the year's plan for the appropriations: above, below or level with what was spent
    side = rng.choice(["above", "below", "level"])
    plan = {
        "above": fiscal + amount(rng, float(fiscal) / 50, float(fiscal) / 8, 2),
        "below": fiscal - amount(rng, float(fiscal) / 50, float(fiscal) / 8, 2),
        "level": fiscal,
    }[side]
    word = {"above": "小于", "below": "大于", "level": "等于"}[side]
    abroad, car, recep = parts
    paras = [
        [
            f"根据部门决算公开的有关规定，现将{dept}{year}年度部门决算公开如下。{dept}主要职责是"
            "贯彻执行国家有关方针政策和法律法规，做好本部门本系统的各项工作。"
        ],
        [
            f"{year - 1}年度收入总计",
            Num(fmt(prior, f2), prior),
            f"{unit}，{year}年度收入总计",
            Num(fmt(total, f2), total),
            f"{unit}，{'增长' if up else '下降'}",
            Num(fmt(rate, pf), rate),
            "，主要原因是业务工作量变化。",
        ],
        [
            f"{year}年度一般公共预算财政拨款支出决算",
            Num(fmt(fiscal, f2), fiscal),
            f"{unit}，年初预算",
            Num(fmt(plan, f2), plan),
            f"{unit}，决算数{word}年初预算数。",
        ],
        [
            f"{year}年度“三公”经费支出决算",
            Num(fmt(three_final, f2), three_final),
            f"{unit}，其中：因公出国（境）费",
            Num(fmt(abroad, f2), abroad),
            f"{unit}，公务用车购置及运行费",
            Num(fmt(car, f2), car),
            f"{unit}，公务接待费",
            Num(fmt(recep, f2), recep),
            f"{unit}。“三公”经费年初预算",
            Num(fmt(three_budget, f2), three_budget),
            f"{unit}。",
        ],
    ]
    rels += [
        {
            "kind": "prose",
            "table": None,
            "reported": {"para": 1, "num": 2},
            "operands": [{"para": 1, "num": 1}, {"para": 1, "num": 0}],
            "op": "growth" if up else "decline",
        },
        {
            "kind": "prose",
            "table": None,
            "reported": {"para": 2, "num": 0},
            "operands": [{"para": 2, "num": 1}],
            "op": {"大于": "greater", "小于": "less", "等于": "equal"}[word],
        },
        {
            "kind": "prose",
            "table": None,
            "reported": {"para": 3, "num": 0},
            "operands": [{"para": 3, "num": k} for k in (1, 2, 3)],
            "op": "sum",
        },
        # the text quotes the tables' totals
        _quote(1, 1, 0, [len(t0.rows) - 1, 1]),
        _quote(2, 0, 1, [0, f_rows["total"]]),
        _quote(3, 0, 3, [0, 6]),
        _quote(3, 4, 3, [0, 0]),
    ]
    head = [dept, f"{dept}{year}年度部门决算公开", "一、部门决算说明"]
    annex = [
        f"{k + 1}.{t.title.replace(dept, '').replace(f'{year}年度', '')}"
        for k, t in enumerate(tables)
    ]
    return Report(seed, v, dept, year, head, paras, tables, rels, [], annex)


def _summary(rng, label, dept, year, unit, unit_line, fa, fiscal, biz, other, carry_in,  # noqa: ANN001, PLR0913
             spend_year, carry_out, total) -> Table:  # fmt: skip
    """收入支出决算总表: income on the left, spending by functional class on the right."""
    header = [HCell("收入", 0, 0, colspan=2), HCell("支出", 0, 2, colspan=2)]
    header += [HCell(x, 1, i) for i, x in enumerate(["项目", "决算数"] * 2)]
    t = Table("side", label, f"{dept}{year}年度收入支出决算总表", unit, unit_line, header, 2, 4)
    t.align = ["l", "r", "l", "r"]
    t.wide_cols = (0, 2)
    left = [
        ("一、一般公共预算财政拨款收入", fiscal),
        ("二、事业收入", biz),
        ("三、其他收入", other),
    ]
    classes = sorted(rng.sample(sorted(vocab.CODES), rng.randint(2, 4)))
    right = [
        (f"{CN[k]}、{vocab.CODES[c][0]}", x)
        for k, (c, x) in enumerate(zip(classes, _split(rng, spend_year, len(classes)), strict=True))
    ]
    n = max(len(left), len(right))
    for i in range(n):
        t.rows.append(["", "", "", ""])
        t.kinds.append("item")
        for side, items in ((0, left), (2, right)):
            if i < len(items):
                t.rows[i][side] = items[i][0]
                _put(t, i, side + 1, items[i][1], fa)
    r_year = len(t.rows)
    for a, va, b, vb in (
        ("本年收入合计", fiscal + biz + other, "本年支出合计", spend_year),
        ("年初结转和结余", carry_in, "年末结转和结余", carry_out),
        ("收入总计", total, "支出总计", total),
    ):
        r = len(t.rows)
        t.rows.append([a, "", b, ""])
        t.kinds.append("total")
        _put(t, r, 1, va, fa)
        _put(t, r, 3, vb, fa)
    r_total = r_year + 2
    t.relations = [  # type: ignore[attr-defined]
        rel("column_sum", 0, [r_year, 1], [[k, 1] for k in range(len(left))]),
        rel("column_sum", 0, [r_year, 3], [[k, 3] for k in range(len(right))]),
        rel("column_sum", 0, [r_total, 1], [[r_year, 1], [r_year + 1, 1]]),
        rel("column_sum", 0, [r_total, 3], [[r_year, 3], [r_year + 1, 3]]),
        rel("identity", 0, [r_total, 1], [[r_total, 3]]),
    ]
    return t


def _functional(rng, v, label, dept, year, fa, lo, hi, basic_total):  # noqa: ANN001, ANN202
    """一般公共预算财政拨款支出决算表: codes split over 类/款/项 or joined; 本年支出 over 合计 /
    基本支出 / 项目支出; every row's 合计 = 基本 + 项目, every level the sum of the one below."""
    split = rng.random() < 0.5
    if split:
        header = [HCell("科目编码", 0, 0, colspan=3)]
        header += [HCell(x, 1, i) for i, x in enumerate(["类", "款", "项"])]
        header += [HCell("科目名称", 0, 3, rowspan=2)]
        nl = 4
    else:
        header = [HCell("科目编码", 0, 0, rowspan=2), HCell("科目名称", 0, 1, rowspan=2)]
        nl = 2
    header += [HCell("本年支出", 0, nl, colspan=3)]
    header += [HCell(x, 1, nl + i) for i, x in enumerate(["合计", "基本支出", "项目支出"])]
    t = Table(
        "functional_final",
        label,
        f"{dept}{year}年度一般公共预算财政拨款支出决算表",
        v["unit"],
        v["unit_line"],
        header,
        2,
        nl + 3,
    )
    t.align = ["c"] * (nl - 1) + ["l", "r", "r", "r"]
    t.wide_cols = (nl - 1,)
    ct, cb, cp = nl, nl + 1, nl + 2
    # the 项 rows: basic spending split over them (it must equal the basic table's total),
    # project spending drawn per row
    classes = sorted(rng.sample(sorted(vocab.CODES), rng.randint(2, 3)))
    tree = []
    for cl in classes:
        cname, kuans = vocab.CODES[cl]
        picked = sorted(rng.sample(kuans, min(len(kuans), rng.randint(1, 2))))
        tree.append((cl, cname, [(kc, kn, rng.sample(vocab.ITEM_NAMES, rng.randint(1, 3)))
                                 for kc, kn in picked]))  # fmt: skip
    n_items = sum(len(items) for _, _, ks in tree for _, _, items in ks)
    basics = iter(_split(rng, basic_total, n_items))
    rows: list[tuple[tuple[str, str, str], str, str, Decimal, Decimal]] = []
    rels: list[dict] = []
    t.rows.append((["合计", "", "", "合计"] if split else ["合计", "合计"]) + ["", "", ""])
    t.kinds.append("total")
    top: list[int] = []
    for cl, cname, ks in tree:
        cr = _row(t, split, (cl, "", ""), cname, "class")
        top.append(cr)
        krows = []
        for kc, kname, items in ks:
            kr = _row(t, split, (cl, kc, ""), kname, "subtotal")
            krows.append(kr)
            irows = []
            for j, nm in enumerate(items):
                b = next(basics)
                p = amount(rng, lo / 10, hi / 3, 2) if rng.random() < 0.7 else Decimal(0)
                ir = _row(t, split, (cl, kc, f"{j + 1:02d}"), nm, "item")
                for c, x in ((ct, b + p), (cb, b), (cp, p)):
                    _put(t, ir, c, x, fa)
                irows.append(ir)
            for c in (ct, cb, cp):
                _put(t, kr, c, sum((t.vals[(r, c)] for r in irows), Decimal(0)), fa)
                rels.append(rel("hierarchy", 1, [kr, c], [[r, c] for r in irows]))
        for c in (ct, cb, cp):
            _put(t, cr, c, sum((t.vals[(r, c)] for r in krows), Decimal(0)), fa)
            rels.append(rel("hierarchy", 1, [cr, c], [[r, c] for r in krows]))
    for c in (ct, cb, cp):
        _put(t, 0, c, sum((t.vals[(r, c)] for r in top), Decimal(0)), fa)
        rels.append(rel("column_sum", 1, [0, c], [[r, c] for r in top]))
    for r in range(len(t.rows)):
        if t.rows[r][cp] not in ("", "-"):  # a row with project spending: 合计 = 基本 + 项目
            rels.append(rel("row_sum", 1, [r, ct], [[r, cb], [r, cp]]))
    del rows
    t.relations = rels  # type: ignore[attr-defined]
    return t, t.vals[(0, ct)], {"total": ct, "basic": cb, "project": cp}


def _row(t: Table, split: bool, codes: tuple[str, str, str], name: str, kind: str) -> int:
    r = len(t.rows)
    t.rows.append([*codes, name, "", "", ""] if split else ["".join(codes), name, "", "", ""])
    t.kinds.append(kind)
    return r


def _basic(rng, label, dept, year, v, fa, lo, hi):  # noqa: ANN001, ANN202
    """一般公共预算财政拨款基本支出决算表: 人员经费 | 公用经费 side by side, each an economic
    class with its items, each side's 合计 on the last row."""
    header = [HCell("人员经费", 0, 0, colspan=3), HCell("公用经费", 0, 3, colspan=3)]
    header += [HCell(x, 1, i) for i, x in enumerate(["科目编码", "科目名称", "决算数"] * 2)]
    t = Table(
        "basic_side",
        label,
        f"{dept}{year}年度一般公共预算财政拨款基本支出决算表",
        v["unit"],
        v["unit_line"],
        header,
        2,
        6,
    )
    t.align = ["c", "l", "r"] * 2
    t.wide_cols = (1, 4)
    sides = []
    for classes, scale in ((PERSONNEL, 1.0), (PUBLIC, 0.3)):
        rows = []
        for code, (name, items) in classes.items():
            picked = sorted(rng.sample(items, rng.randint(1 if code in ("303", "310") else 2,
                                                          min(4, len(items)))))  # fmt: skip
            vals = [amount(rng, lo / 20 * scale, hi / 8 * scale, 2) for _ in picked]
            rows.append((code, name, sum(vals, Decimal(0)), "class"))
            rows += [(code + ic, nm, x, "item") for (ic, nm), x in zip(picked, vals, strict=True)]
        sides.append(rows)
    n = max(len(s) for s in sides)
    for _ in range(n + 1):
        t.rows.append([""] * 6)
        t.kinds.append("item")
    t.kinds[-1] = "total"
    rels: list[dict] = []
    sums = []
    for k, rows in enumerate(sides):
        c0 = 3 * k
        cls_rows: list[int] = []
        for r, (code, name, x, kind) in enumerate(rows):
            t.rows[r][c0], t.rows[r][c0 + 1] = code, name
            _put(t, r, c0 + 2, x, fa)
            if kind == "class":
                cls_rows.append(r)
        for a, b in zip(cls_rows, [*cls_rows[1:], len(rows)], strict=True):
            rels.append(rel("hierarchy", 2, [a, c0 + 2], [[r, c0 + 2] for r in range(a + 1, b)]))
        total = sum((rows[r][2] for r in cls_rows), Decimal(0))
        t.rows[n][c0 + 1] = "人员经费合计" if k == 0 else "公用经费合计"
        _put(t, n, c0 + 2, total, fa)
        rels.append(rel("column_sum", 2, [n, c0 + 2], [[r, c0 + 2] for r in cls_rows]))
        sums.append(total)
    t.relations = rels  # type: ignore[attr-defined]
    return t, sums[0], sums[1]


def _sangong(rng, v, label, dept, year, fa, lo, hi):  # noqa: ANN001, ANN202
    """“三公”经费 决算表: 预算数 and 决算数, each over 合计 / 因公出国（境）费 / 公务用车购置及
    运行费 (小计, 购置费, 运行费) / 公务接待费; one row."""
    header = []
    vals: list[Decimal] = []
    rels = []
    final_parts = None
    sums = []
    for g, name in enumerate(["预算数", "决算数"]):
        c = 6 * g
        header += [
            HCell(name, 0, c, colspan=6),
            HCell("合计", 1, c, rowspan=2),
            HCell("因公出国（境）费", 1, c + 1, rowspan=2),
            HCell("公务用车购置及运行费", 1, c + 2, colspan=3),
            HCell("小计", 2, c + 2),
            HCell("公务用车购置费", 2, c + 3),
            HCell("公务用车运行费", 2, c + 4),
            HCell("公务接待费", 1, c + 5, rowspan=2),
        ]
        abroad, run, recep = (amount(rng, lo / 50, hi / 20, 2) for _ in range(3))
        buy = amount(rng, lo / 50, hi / 20, 2) if rng.random() < 0.4 else Decimal(0)
        car = buy + run
        three = abroad + car + recep
        vals += [three, abroad, car, buy, run, recep]
        rels += [
            rel("row_sum", 3, [0, c], [[0, c + 1], [0, c + 2], [0, c + 5]]),
            rel("row_sum", 3, [0, c + 2], [[0, c + 3], [0, c + 4]]),
        ]
        final_parts = (abroad, car, recep)
        sums.append(three)
    t = Table(
        "sangong_final",
        label,
        f"{dept}{year}年度“三公”经费支出决算表",
        v["unit"],
        v["unit_line"],
        header,
        3,
        12,
    )
    t.align = ["r"] * 12
    t.rows.append([""] * 12)
    t.kinds.append("item")
    for c, x in enumerate(vals):
        _put(t, 0, c, x, fa)
    t.relations = rels  # type: ignore[attr-defined]
    return t, sums[0], sums[1], final_parts


PLANT_KINDS = {
    ("side", "column_sum"): "summary_total",
    ("side", "identity"): "summary_total",
    ("functional_final", "hierarchy"): "class_sum",
    ("functional_final", "row_sum"): "basic_project",
    ("functional_final", "identity"): "basic_split",
    ("basic_side", "hierarchy"): "side_block",
    ("basic_side", "column_sum"): "side_block",
    ("sangong_final", "row_sum"): "sangong",
}
PROSE_KINDS = {"growth": "prose_yoy", "decline": "prose_yoy", "sum": "prose_sum"}
PROSE_KINDS |= {"greater": "prose_direction", "less": "prose_direction", "equal": "prose_direction"}


def plant_final(rng: random.Random, rep: Report) -> tuple[Report, list[dict]]:
    """The dirty twin: 1–3 printed values changed so that a relation of the genre fails; a
    direction plant moves the plan across the amount spent."""
    from .genre_budget import plant_cells, table_cands

    cands = table_cands(rep, PLANT_KINDS)
    for r_ in rep.relations:
        if r_["kind"] == "prose":
            quote = any("table" in o for o in r_["operands"])
            kind = "prose_total" if quote else PROSE_KINDS[r_["op"]]
            loc = r_["operands"][0] if kind == "prose_direction" else r_["reported"]
            cands.append((kind, -1, loc["para"], loc["num"]))
    return plant_cells(rng, rep, sorted(set(cands)), _flip)


def _flip(rep: Report, kind: str, para: int, num: int) -> list[str]:
    """The plan amount moved across the amount spent (or off it), so the word is wrong; other
    prose plants: the generic bump."""
    if kind != "prose_direction":
        return []
    plan = rep.num(para, num)
    spent = rep.num(para, 0)
    assert plan.value is not None and spent.value is not None
    f = Fmt(dec=2, sep="," in plan.text)
    step = max(spent.value / 20, Decimal("1.37"))
    if plan.value > spent.value:  # 小于 printed: make the plan smaller than the spending
        return [fmt(spent.value - step * k, f) for k in (1, 2, 3)]
    if plan.value < spent.value:
        return [fmt(spent.value + step * k, f) for k in (1, 2, 3)]
    return [fmt(spent.value + s * step * k, f) for k in (1, 2) for s in (1, -1)]
