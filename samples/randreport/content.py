"""Random report content for one seed: the knobs (variant), the tables, the prose, relations."""

from __future__ import annotations

import random
import subprocess
from functools import lru_cache

from . import vocab
from .model import Report
from .prose import build_prose
from .tables_money import build_site, build_use
from .tables_score import build_budget, build_score, build_target

PRODUCERS = ["reportlab", "docx", "html"]
RULES = ["grid", "three-line", "none"]
WQY = "WenQuanYi Micro Hei"


@lru_cache(maxsize=1)
def office_fonts() -> list[str]:
    """CJK families usable by LibreOffice and Chromium (reportlab can only embed WQY's TrueType)."""
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    fams = {f.strip() for line in out.splitlines() for f in line.split(",")}
    return [f for f in (WQY, "Noto Sans CJK SC", "Noto Serif CJK SC") if f in fams] or [WQY]


def choose_variant(
    rng: random.Random, producer: str | None = None, rules: str | None = None
) -> dict:
    v = {
        "producer": rng.choice(PRODUCERS),
        "rules": rng.choice(RULES),
        "header_repeat": rng.random() < 0.6,
        "xubiao": rng.random() < 0.4,
        "font_size": rng.choice([8, 8.5, 9, 9.5, 10, 10.5, 11]),
        "sep": rng.random() < 0.5,
        "zero": rng.choice(["blank", "0.00", "-"]),
        "subtotal_pos": rng.choice(["before", "after"]),
        "benji": rng.random() < 0.5,
        "code_col": rng.random() < 0.25,
        "int_amounts": rng.random() < 0.2,
        "rate_pct": rng.random() < 0.7,
        "city_mode": rng.choice(["span", "subtotal_only"]),
        "span_break": rng.choice(["repeat", "blank"]),
        "unit": rng.choice(["万元", "万元", "万元", "元"]),
        "fullwidth_parens": rng.random() < 0.7,
        "kind": rng.choice(["部门评价报告", "绩效自评报告"]),
        "annex_label": rng.choice(["附件1", "附件 1", "附件1", None]),
        "orientation": rng.choice(["auto", "auto", "landscape", "portrait"]),
        "font_pick": rng.random(),
    }
    v["unit_line"] = rng.choice(["单位：", "金额单位：", "单位:"]) + v["unit"]
    if producer:
        v["producer"] = producer
    if rules:
        v["rules"] = rules
    fonts = [WQY] if v["producer"] == "reportlab" else office_fonts()
    v["font"] = fonts[int(v.pop("font_pick") * len(fonts))]
    return v


def build_report(seed: int, producer: str | None = None, rules: str | None = None) -> Report:
    rng = random.Random(seed)
    v = choose_variant(rng, producer, rules)
    dept, domain = rng.choice(vocab.DEPARTMENTS)
    year = rng.choice([2021, 2022, 2023, 2024])
    fund = f"省级{domain}{rng.choice(['专项资金', '发展资金', '补助资金'])}"
    k = rng.randint(2, 4)
    keys = ["use"] if rng.random() < 0.85 else []
    others = ["site", "score", "target", "budget"]
    rng.shuffle(others)
    keys += others[: k - len(keys)]
    if "site" in keys and "use" not in keys:
        keys = ["use"] + [x for x in keys if x != "site"][: k - 2] + ["site"]
    keys.sort(key=["use", "site", "score", "target", "budget"].index)
    tables = []
    for i, key in enumerate(keys):
        lab = v["annex_label"].replace("1", str(i + 1)) if v["annex_label"] else None
        if key == "use":
            tables.append(build_use(rng, v, i, lab, fund, year))
        elif key == "site":
            tables.append(build_site(rng, v, i, lab, fund, year, tables[0], 0))
        elif key == "score":
            tables.append(build_score(rng, v, i, lab, fund, year))
        elif key == "target":
            tables.append(build_target(rng, v, i, lab, fund, year))
        else:
            tables.append(build_budget(rng, v, i, lab, dept, year))
    paras, prels = build_prose(rng, v, tables, fund, dept, year)
    abbr = rng.choice(vocab.DOC_ABBR)
    head = [
        dept,
        f"{abbr}财函〔{year + 1}〕{rng.randint(3, 180)}号",
        f"{dept}{year}年度{fund}{v['kind']}",
        "省财政厅：",
    ]
    rels = [r for t in tables for r in t.relations] + prels
    names = next((t.names for t in tables if t.key == "site"), [])
    short = {
        "use": "资金使用结构明细表",
        "site": "现场评价明细表",
        "score": "绩效评价指标评分表",
        "target": "绩效目标完成情况表",
        "budget": "预算支出表",
    }
    annex_list = [f"{i + 1}.{short[t.key]}" for i, t in enumerate(tables)]
    return Report(seed, v, dept, year, head, paras, tables, rels, names, annex_list)
