"""The prose body: 2–4 paragraphs whose numeric claims are written from the tables' data."""

from __future__ import annotations

import random
from decimal import Decimal

from .model import Num, Table
from .numfmt import Fmt, fmt, q, ratio_pct
from .tables_money import amount, amount_range

DISTRACTORS = ["防洪减灾", "农民增收", "减负增效", "增收项目", "减灾救灾", "增量提质"]


class Para:
    def __init__(self, idx: int):
        self.idx = idx
        self.segs: list[str | Num] = []
        self.k = 0

    def s(self, text: str) -> None:
        self.segs.append(text)

    def n(self, text: str, value: Decimal | None = None) -> dict:
        self.segs.append(Num(text, value))
        self.k += 1
        return {"para": self.idx, "num": self.k - 1}


def prel(rep: dict, ops: list[dict], op: str) -> dict:
    return {"kind": "prose", "table": None, "reported": rep, "operands": ops, "op": op}


def cell(t: int, r: int, c: int) -> dict:
    return {"table": t, "cell": [r, c]}


def build_prose(
    rng: random.Random, v: dict, tables: list[Table], fund: str, dept: str, year: int
) -> tuple[list, list]:
    unit = v["unit"]
    fa = Fmt(dec=2, sep=v["sep"])
    use = next((i for i, t in enumerate(tables) if t.key == "use"), None)
    site = next((i for i, t in enumerate(tables) if t.key == "site"), None)
    score = next((i for i, t in enumerate(tables) if t.key == "score"), None)
    rels: list[dict] = []
    paras: list[Para] = []

    def para() -> Para:
        p = Para(len(paras))
        paras.append(p)
        return p

    p = para()
    kind = v["kind"]
    p.s(
        f"为加强财政资金绩效管理，提高财政资金使用效益，根据省财政厅关于开展{year}年度省级预算部门绩效自评和部门评价的通知要求，"
        f"{dept}组织开展了{fund}{kind.replace('报告', '')}，重点关注{'、'.join(rng.sample(DISTRACTORS, 2))}等方面，现将有关情况报告如下："
    )
    if use is not None:
        u = tables[use]
        tr = u.kinds.index("total")
        fa = u.fmts[(tr, u.c_at)]
        fa = Fmt(dec=fa.dec, sep=fa.sep)
        X, A, B = (u.vals[(tr, u.c_at + i)] for i in range(3))
        A, B, X = u.vals[(tr, u.c_at)], u.vals[(tr, u.c_at + 1)], u.vals[(tr, u.c_at + 2)]
        E = u.vals[(tr, u.c_exp)]
        src1, src2 = u.columns()[u.c_at][1], u.columns()[u.c_at + 1][1]
        tcells = (
            cell(use, tr, u.c_at + 2),
            cell(use, tr, u.c_at),
            cell(use, tr, u.c_at + 1),
            cell(use, tr, u.c_exp),
        )
    else:
        lo, hi = amount_range(unit)
        A, B = amount(rng, lo * 5, hi * 5, 2), amount(rng, lo, hi, 2)
        X, E = A + B, q((A + B) * Decimal(rng.uniform(0.6, 1.0)), 2)
        src1, src2 = "专项资金", "自筹资金"
        tcells = None
    options = ["funds", "exec", "sample", "score", "project"]
    if site is None:
        options.remove("sample")
    if use is None:
        options.remove("project")
    chosen = [o for o in options if rng.random() < 0.75][:3] or ["funds"]
    for what in options:
        if what not in chosen:
            continue
        p = para()
        if what == "funds":
            p.s(f"{year}年度，省财政共安排{fund}共计")
            x = p.n(fmt(X, fa), X)
            p.s(f"{unit}，其中：{src1}")
            a = p.n(fmt(A, fa), A)
            p.s(f"{unit}，占比")
            pa = p.n(fmt(ratio_pct(A, X), Fmt(pct=True)))
            rels.append(prel(pa, [a, x], "ratio"))
            if B:
                p.s(f"；{src2}")
                b = p.n(fmt(B, fa), B)
                p.s(f"{unit}，占比")
                pb = p.n(fmt(ratio_pct(B, X), Fmt(pct=True)))
                rels.append(prel(pb, [b, x], "ratio"))
                rels.append(prel(x, [a, b], "sum"))
            if tcells:
                rels.append(prel(x, [tcells[0]], "equal"))
                rels.append(prel(a, [tcells[1]], "equal"))
                if B:
                    rels.append(prel(b, [tcells[2]], "equal"))
            g = Decimal(rng.uniform(-0.2, 0.35))
            Y = q(X / (1 + g), fa.dec)
            p.s("。与上年的")
            y = p.n(fmt(Y, fa), Y)
            up = X >= Y
            p.s(f"{unit}相比{'增长' if up else '下降'}")
            gr = p.n(fmt(ratio_pct(abs(X - Y), Y), Fmt(pct=True)))
            rels.append(prel(gr, [x, y], "growth" if up else "decline"))
            p.s(f"，主要用于{'和'.join(rng.sample(DISTRACTORS, 2))}等方向。")
        elif what == "exec":
            p.s(f"截至{year}年12月31日，实际到位资金")
            x = p.n(fmt(X, fa), X)
            p.s(f"{unit}，已使用资金")
            e = p.n(fmt(E, fa), E)
            p.s(f"{unit}，资金执行率")
            r = p.n(fmt(ratio_pct(E, X), Fmt(pct=True)))
            p.s("（详见附件1）。" if use is not None else "。")
            rels.append(prel(r, [e, x], "ratio"))
            if tcells:
                rels.append(prel(x, [tcells[0]], "equal"))
                rels.append(prel(e, [tcells[3]], "equal"))
        elif what == "sample":
            s = tables[site]
            u = tables[use]
            N = sum(1 for k in u.kinds if k == "item")
            M = s.ncols - 3
            st = s.kinds.index("total")
            S = s.vals[(st, 2)]
            fs = s.fmts[(st, 2)]
            fs = Fmt(dec=fs.dec, sep=fs.sep)
            p.s(f"{year}年{fund}共")
            n_ = p.n(str(N), Decimal(N))
            p.s("个子项目，现场评价小组本次共抽取了")
            m_ = p.n(str(M), Decimal(M))
            p.s("个子项目、涉及资金")
            s_ = p.n(fmt(S, fs), S)
            p.s(f"{unit}，项目数占项目总数的")
            r1 = p.n(fmt(ratio_pct(M, N), Fmt(pct=True)))
            p.s("，抽查资金占资金总额的")
            r2 = p.n(fmt(ratio_pct(S, X), Fmt(pct=True)))
            p.s("。")
            rels.append(prel(r1, [m_, n_], "ratio"))
            rels.append(prel(s_, [cell(site, st, 2)], "equal"))
            rels.append(prel(r2, [s_, tcells[0]], "ratio"))
        elif what == "score":
            if score is not None:
                l1 = tables[score].l1_scores
                st = tables[score].kinds.index("total")
                fs = tables[score].fmts[(st, 4)]
            else:
                fs = Fmt(dec=rng.choice([1, 2]))
                l1 = []
                for name, w in zip(
                    ["决策", "过程", "产出", "效益"], (20, 20, 30, 30), strict=False
                ):
                    l1.append((name, w, Decimal(w) - Decimal(rng.randint(0, 30)) / 10))
            T = sum(x[2] for x in l1)
            p.s("评价小组根据评价指标体系及评价标准进行评价分析，本项目绩效评价最终得分为")
            t_ = p.n(fmt(T, fs), T)
            p.s("分，绩效评价结果为“优”。其中：")
            parts = []
            for i, (name, w, s1) in enumerate(l1):
                p.s(f"项目{name}分值{w}分，评价得分")
                parts.append(p.n(fmt(s1, fs), s1))
                p.s("分" + ("；" if i < len(l1) - 1 else "。"))
            rels.append(prel(t_, parts, "sum"))
            if score is not None:
                rels.append(prel(t_, [cell(score, st, 4)], "equal"))
        elif what == "project":
            u = tables[use]
            cands = [
                r for r, k in enumerate(u.kinds) if k == "item" and u.vals[(r, u.c_at + 2)] > 0
            ]
            r = rng.choice(cands)
            at, e = u.vals[(r, u.c_at + 2)], u.vals[(r, u.c_exp)]
            p.s(f"从项目看，{u.rows[r][0]}安排资金")
            a_ = p.n(fmt(at, fa), at)
            p.s(f"{unit}，实际支出")
            e_ = p.n(fmt(e, fa), e)
            p.s(f"{unit}，执行率")
            r_ = p.n(fmt(ratio_pct(e, at), Fmt(pct=True)))
            p.s("。")
            rels.append(prel(r_, [e_, a_], "ratio"))
            rels.append(prel(a_, [cell(use, r, u.c_at + 2)], "equal"))
            rels.append(prel(e_, [cell(use, r, u.c_exp)], "equal"))
    return [p.segs for p in paras], rels
