"""Annex 3 (评分表), annex 4 (绩效目标完成情况表) and the budget table with a code column."""

from __future__ import annotations

import random
from decimal import Decimal

from . import vocab
from .model import HCell, Table
from .numfmt import Fmt, fmt
from .tables_money import amount, amount_range, rel, split_units

L1_WEIGHTS = [
    (20, 20, 40, 20),
    (15, 25, 35, 25),
    (22, 18, 35, 25),
    (20, 20, 30, 30),
    (10, 20, 40, 30),
    (25, 25, 25, 25),
]
DEDUCTIONS = [Decimal(x) for x in ("0.2", "0.4", "0.5", "1", "1.5", "2", "0.6", "0.8")]


def short(d: Decimal) -> str:
    s = f"{d:f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def build_score(
    rng: random.Random, v: dict, t: int, label: str | None, fund: str, year: int
) -> Table:
    """评分表: 一级/二级/三级 indicators with 分值, 得分 and 扣分因素."""
    lp, rp = ("（", "）") if v["fullwidth_parens"] else ("(", ")")
    fs = Fmt(dec=rng.choice([1, 2]))
    fw = Fmt(dec=0)
    cols = ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分因素"]
    header = [HCell(x, 0, i) for i, x in enumerate(cols)]
    tab = Table("score", label, f"{fund}绩效评价指标评分表", None, None, header, 1, len(cols))
    tab.align = ["c", "c", "l", "r", "r", "l"]
    tab.wide_cols = (0, 1, 2, 5)
    rels: list[dict] = []
    w1 = rng.choice(L1_WEIGHTS)
    l1_scores = []
    for name, w in zip(vocab.SCORE_L1, w1, strict=False):
        l2s = rng.sample(vocab.SCORE_L2[name], min(len(vocab.SCORE_L2[name]), rng.randint(2, 3)))
        l2w = [x + 1 for x in split_units(rng, w - len(l2s), len(l2s))]
        r1 = len(tab.rows)
        s1 = Decimal(0)
        for l2, ww in zip(l2s, l2w, strict=False):
            k = min(len(vocab.SCORE_L3[l2]), rng.randint(1, 3), ww)
            l3s = rng.sample(vocab.SCORE_L3[l2], k)
            l3w = [x + 1 for x in split_units(rng, ww - k, k)]
            r2 = len(tab.rows)
            for l3, w3 in zip(l3s, l3w, strict=False):
                r = len(tab.rows)
                d = Decimal(0)
                if rng.random() < 0.4:
                    d = rng.choice([x for x in DEDUCTIONS if x <= w3] or [Decimal(0)])
                s = Decimal(w3) - d
                s1 += s
                why = f"{rng.choice(vocab.DEDUCT_REASONS)}，扣{short(d)}分" if d else ""
                tab.rows.append(
                    [
                        f"{name}{lp}{w}分{rp}",
                        f"{l2}{lp}{ww}分{rp}",
                        l3,
                        fmt(w3, fw),
                        fmt(s, fs),
                        why,
                    ]
                )
                tab.kinds.append("item")
                tab.vals[(r, 3)], tab.fmts[(r, 3)] = Decimal(w3), fw
                tab.vals[(r, 4)], tab.fmts[(r, 4)] = s, fs
                rels.append(rel("score_le_weight", t, [r, 4], [[r, 3]]))
                if d:
                    rels.append(rel("deduction", t, [r, 5], [[r, 3], [r, 4]]))
            tab.spans.append((r2, 1, len(tab.rows) - r2))
            rels.append(rel("score_sum", t, [r2, 1], [[r, 3] for r in range(r2, len(tab.rows))]))
        tab.spans.append((r1, 0, len(tab.rows) - r1))
        rels.append(rel("score_sum", t, [r1, 0], [[r, 3] for r in range(r1, len(tab.rows))]))
        l1_scores.append((name, w, s1))
    items = list(range(len(tab.rows)))
    r = len(tab.rows)
    tab.rows.append(["合计", "", "", fmt(100, fw), fmt(sum(x[2] for x in l1_scores), fs), ""])
    tab.kinds.append("total")
    tab.vals[(r, 3)], tab.fmts[(r, 3)] = Decimal(100), fw
    tab.vals[(r, 4)], tab.fmts[(r, 4)] = sum(x[2] for x in l1_scores), fs
    rels.append(rel("score_sum", t, [r, 3], [[i, 3] for i in items]))
    rels.append(rel("score_sum", t, [r, 4], [[i, 4] for i in items]))
    tab.relations = rels  # type: ignore[attr-defined]
    tab.l1_scores = l1_scores  # type: ignore[attr-defined]
    return tab


def target_pair(rng: random.Random, unit: str, met: bool, year: int) -> tuple[str, str]:
    if unit == "date":
        tgt = f"{year}年{rng.choice([6, 9, 12])}月{rng.choice([30, 30, 31])}日前".replace(
            "6月31", "6月30"
        ).replace("9月31", "9月30")
        act = tgt if rng.random() < 0.5 else f"{year}年{rng.randint(3, 5)}月完成"
        return tgt, act if met else f"{year + 1}年{rng.randint(1, 3)}月完成"
    if unit == "%":
        n = rng.choice([80, 85, 90, 95, 98, 100])
        if n == 100:
            tgt = rng.choice(["=100%", "100%"])
            return tgt, "100%" if met else f"{rng.randint(90, 99)}%"
        a = (
            Decimal(rng.randint(n * 100, 10000)) / 100
            if met
            else Decimal(rng.randint((n - 10) * 100, n * 100 - 1)) / 100
        )
        return f"≥{n}%", f"{a}%"
    if unit == "万元":
        n = rng.randint(50, 900)
        a = (
            Decimal(rng.randint(n * 60, n * 100)) / 100
            if met
            else Decimal(rng.randint(n * 101, n * 120)) / 100
        )
        return f"≤{n}万元", f"{a}万元"
    if unit == "元/人/天":
        n = rng.choice([380, 440, 550])
        return f"≤{n}元/人/天", f"≤{n}元/人/天" if met else f"{n + rng.randint(20, 90)}元/人/天"
    if unit == "次0":
        return "0次", "0次" if met else f"{rng.randint(1, 3)}次"
    n = rng.choice([2, 5, 10, 15, 50, 80, 150, 300, 1800, 2450, 8500])
    a = rng.randint(n, int(n * 1.3) + 1) if met else rng.randint(max(0, n // 2), n - 1)
    return f"≥{n}{unit}", f"{a}{unit}"


def build_target(
    rng: random.Random, v: dict, t: int, label: str | None, fund: str, year: int
) -> Table:
    """绩效目标完成情况表: indicators with targets, actuals, 分值 and 得分 (met → full score)."""
    lp, rp = ("（", "）") if v["fullwidth_parens"] else ("(", ")")
    cols = [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析",
    ]
    header = [HCell(x, 0, i) for i, x in enumerate(cols)]
    tab = Table(
        "target", label, f"{year}年度{fund}绩效目标完成情况表", None, None, header, 1, len(cols)
    )
    tab.align = ["c", "c", "l", "c", "c", "r", "r", "l"]
    tab.wide_cols = (0, 1, 2, 3, 4, 7)
    fw, fs = Fmt(dec=rng.choice([0, 1, 2])), Fmt(dec=2)
    rels: list[dict] = []
    picks = sorted(rng.sample(range(len(vocab.TARGETS)), rng.randint(6, 16)))
    l1_of = {
        "数量指标": "产出指标",
        "质量指标": "产出指标",
        "时效指标": "产出指标",
        "成本指标": "产出指标",
        "效益指标": "效益指标",
        "满意度指标": "满意度指标",
    }
    groups: dict[str, dict[str, list]] = {}
    for i in picks:
        l2, name, unit = vocab.TARGETS[i]
        groups.setdefault(l1_of[l2], {}).setdefault(l2, []).append((name, unit))
    label_w = rng.random() < 0.5
    for l1, l2s in groups.items():
        r1 = len(tab.rows)
        for l2, inds in l2s.items():
            r2 = len(tab.rows)
            ws = [rng.randint(2, 10) for _ in inds]
            l2text = f"{l2}{lp}{sum(ws)}分{rp}" if label_w else l2
            for (name, unit), w in zip(inds, ws, strict=False):
                r = len(tab.rows)
                met = rng.random() < 0.8
                tgt, act = target_pair(rng, unit, met, year)
                s = (
                    Decimal(w)
                    if met
                    else (Decimal(w) * Decimal(rng.choice([0, 0.5, 0.8]))).quantize(Decimal("0.01"))
                )
                why = (
                    ""
                    if met
                    else rng.choice(
                        ["项目审批滞后，下一步加快项目进度。", "受外部因素影响，未完成年度目标。"]
                    )
                )
                tab.rows.append([l1, l2text, name, tgt, act, fmt(w, fw), fmt(s, fs), why])
                tab.kinds.append("item")
                tab.vals[(r, 5)], tab.fmts[(r, 5)] = Decimal(w), fw
                tab.vals[(r, 6)], tab.fmts[(r, 6)] = s, fs
                rels.append(rel("score_le_weight", t, [r, 6], [[r, 5]]))
                rels.append(rel("target", t, [r, 6], [[r, 5], [r, 3], [r, 4]], met=met))
            tab.spans.append((r2, 1, len(tab.rows) - r2))
            if label_w:
                rels.append(
                    rel("score_sum", t, [r2, 1], [[r, 5] for r in range(r2, len(tab.rows))])
                )
        tab.spans.append((r1, 0, len(tab.rows) - r1))
    items = list(range(len(tab.rows)))
    r = len(tab.rows)
    tw = sum(tab.vals[(i, 5)] for i in items)
    ts = sum(tab.vals[(i, 6)] for i in items)
    tab.rows.append(["合计", "", "", "", "", fmt(tw, fw), fmt(ts, fs), ""])
    tab.kinds.append("total")
    tab.vals[(r, 5)], tab.fmts[(r, 5)] = tw, fw
    tab.vals[(r, 6)], tab.fmts[(r, 6)] = ts, fs
    rels.append(rel("score_sum", t, [r, 5], [[i, 5] for i in items]))
    rels.append(rel("score_sum", t, [r, 6], [[i, 6] for i in items]))
    tab.relations = rels  # type: ignore[attr-defined]
    return tab


def build_budget(
    rng: random.Random, v: dict, t: int, label: str | None, dept: str, year: int
) -> Table:
    """A budget table: 科目编码 (类/款/项 split or joined) + 科目名称 + 合计 = 基本支出 + 项目支出."""
    split = rng.random() < 0.5
    repeat_parent = rng.random() < 0.5
    dec = 0 if v["int_amounts"] else 2
    fa = Fmt(dec=dec, sep=v["sep"], zero=v["zero"])
    if split:
        header = [
            HCell("科目编码", 0, 0, colspan=3),
            HCell("类", 1, 0),
            HCell("款", 1, 1),
            HCell("项", 1, 2),
        ]
        header += [
            HCell(x, 0, 3 + i, rowspan=2)
            for i, x in enumerate(["科目名称", "合计", "基本支出", "项目支出"])
        ]
        nl, nhead = 4, 2
    else:
        header = [
            HCell(x, 0, i)
            for i, x in enumerate(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
        ]
        nl, nhead = 2, 1
    title = rng.choice(
        ["一般公共预算支出决算表", "财政拨款支出预算表", "一般公共预算财政拨款支出表"]
    )
    tab = Table(
        "budget",
        label,
        f"{dept}{year}年度{title}",
        v["unit"],
        v["unit_line"],
        header,
        nhead,
        nl + 3,
    )
    tab.align = ["c"] * (nl - 1) + ["l", "r", "r", "r"]
    tab.wide_cols = (nl - 1,)
    rels: list[dict] = []
    lo, hi = amount_range(v["unit"])

    def add(codes: tuple[str, str, str], name: str, kind: str) -> int:
        r = len(tab.rows)
        if split:
            cl, kk, xx = codes
            if not repeat_parent:
                cl = cl if not kk else ""
                kk = kk if not xx else ""
            tab.rows.append([cl, kk, xx, name, "", "", ""])
        else:
            tab.rows.append(["".join(codes), name, "", "", ""])
        tab.kinds.append(kind)
        return r

    def put(r: int, vals: list[Decimal]) -> None:
        for i, x in enumerate(vals):
            tab.vals[(r, nl + i)], tab.fmts[(r, nl + i)] = x, fa
            tab.rows[r][nl + i] = fmt(x, fa)
        rels.append(rel("row_sum", t, [r, nl], [[r, nl + 1], [r, nl + 2]]))

    def sums(r: int, members: list[int], kind: str) -> None:
        put(r, [sum((tab.vals[(m, c)] for m in members), Decimal(0)) for c in range(nl, nl + 3)])
        for c in range(nl, nl + 3):
            rels.append(rel(kind, t, [r, c], [[m, c] for m in members]))

    total_first = rng.random() < 0.6
    tr = None
    if total_first:
        tr = len(tab.rows)
        tab.rows.append(["合计"] + [""] * (tab.ncols - 1) if split else ["合计", "", "", "", ""])
        tab.kinds.append("total")
    top = []
    for cl in sorted(rng.sample(sorted(vocab.CODES), rng.randint(2, 4))):
        cname, kuans = vocab.CODES[cl]
        cr = add((cl, "", ""), cname, "class")
        krows = []
        for kc, kname in sorted(rng.sample(kuans, min(len(kuans), rng.randint(1, 3)))):
            kr = add((cl, kc, ""), kname, "subtotal")
            members = []
            for j, iname in enumerate(rng.sample(vocab.ITEM_NAMES, rng.randint(1, 4))):
                ir = add((cl, kc, f"{j + 1:02d}" if iname != "其他支出" else "99"), iname, "item")
                basic = (
                    amount(rng, lo / 2, hi / 2, dec)
                    if iname in ("行政运行", "事业运行", "机关服务")
                    else Decimal(0)
                )
                proj = Decimal(0) if iname == "行政运行" else amount(rng, lo / 3, hi, dec)
                put(ir, [basic + proj, basic, proj])
                members.append(ir)
            sums(kr, members, "hierarchy")
            krows.append(kr)
        sums(cr, krows, "hierarchy")
        top.append(cr)
    if tr is None:
        tr = len(tab.rows)
        tab.rows.append(["合计"] + [""] * (tab.ncols - 1))
        tab.kinds.append("total")
    sums(tr, top, "column_sum")
    tab.relations = rels  # type: ignore[attr-defined]
    return tab
