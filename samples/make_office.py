"""Make ``guangdong-culture-2023.pdf``: an office-made (Word → LibreOffice) sample report.

An invented department, 广东省文化和旅游厅, reports on its 2023 省级文化和旅游发展专项资金. The
report is written as a .docx with python-docx (portrait A4 prose body, then a landscape section
with three ruled annex tables) and converted to PDF by ``soffice --headless --convert-to pdf``.

What the PDF exercises (compared with the reportlab-made samples):

- office output: text placed by LibreOffice's layout engine, the CJK font embedded as a
  subset TrueType font, a page-number footer on every page;
- 附件1 资金使用结构明细表: a two-level merged header (项目名称 / 单位名称 span both header rows),
  Word's "repeat as header row" (w:tblHeader on both header rows) on every continuation page,
  rows that never split (w:cantSplit), a 合计 row whose label spans two columns;
- 附件2 现场评价明细表: region blocks whose name is a vertically merged cell (w:vMerge) over the
  小计 row and the county rows, a 省直 block without 小计, abbreviated project names, a 合计 row;
  a region block continues over a page break (the merged cell's text is printed once, on the
  first page; the truth repeats it in every row, as the samples README asks);
- 附件3 评分表: 一级 / 二级 as vertically merged cells, 扣分原因 that must equal 分值 − 得分,
  a 预算执行率 score computed from the annex-1 rate, a 合计 row spanning three columns;
- body claims that agree with the tables: totals, 其中 parts with 占比, 到位 / 支出 / 执行率, one
  project's row, the sampled sub-projects and their share, the total score and its four
  first-level components.

Data → render: ``make_data()`` computes every printed string from base values (integer 分 for
money, Decimal ROUND_HALF_UP for rates) and ``verify(data)`` re-checks the printed strings;
``build(data, out_pdf)`` renders whatever ``data`` holds, without recomputing anything, and
returns the truth. A dirty twin is ``build(modified deepcopy of make_data(), other_pdf)``.

Run: ``python samples/make_office.py`` (writes next to itself). Needs python-docx, LibreOffice
(soffice), the font "WenQuanYi Micro Hei", pdfplumber and Pillow.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
NAME = "guangdong-culture-2023"
FONT = "WenQuanYi Micro Hei"
FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
CELL_MARGIN_CM = 0.10  # left and right cell margin of every table

# --------------------------------------------------------------------------------------------
# number formatting (all money in integer 分 = 0.01 万元 here: "cents of 万元")
# --------------------------------------------------------------------------------------------


def money(c: int) -> str:
    """Cents of 万元 → '1,234.56'."""
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100:,}.{c % 100:02d}"


def pct(num: int | Decimal, den: int | Decimal) -> str:
    """num / den × 100, rounded half-up to 2 decimals, with '%'."""
    v = (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{v}%"


def score(v: Decimal) -> str:
    return str(v.quantize(Decimal("0.01"), ROUND_HALF_UP))


def parse_num(s: str) -> Decimal:
    return Decimal(s.replace(",", "").rstrip("%"))


# --------------------------------------------------------------------------------------------
# base data
# --------------------------------------------------------------------------------------------

YEAR = 2023
DEPT = "广东省文化和旅游厅"
FUND = "省级文化和旅游发展专项资金"

DIRECTIONS = [
    "公共文化服务体系建设",
    "文化遗产保护传承",
    "艺术创作与文艺精品",
    "旅游发展与宣传推广",
    "文旅产业发展与行业管理",
]

# name, unit, direction index, kind (P = 省本级, T = 下达市县), 专项资金 (万元), 其他资金 (万元)
PROJECTS = [
    ("公共文化云平台运维", "公共服务处", 0, "P", "286.00", "0"),
    ("粤书吧建设补助", "公共服务处", 0, "T", "1860.00", "0"),
    ("乡镇综合文化站提质增效", "公共服务处", 0, "T", "2240.00", "0"),
    ("流动文化服务进基层", "广东省文化馆", 0, "P", "420.00", "65.00"),
    ("公共图书馆数字资源建设", "广东省立中山图书馆", 0, "P", "515.00", "120.00"),
    ("“百县千镇万村”文化惠民演出", "公共服务处", 0, "T", "1500.00", "0"),
    ("革命文物保护利用", "文物保护与考古处", 1, "T", "2380.00", "0"),
    ("南粤古驿道文物保护", "文物保护与考古处", 1, "T", "960.00", "0"),
    ("考古调查勘探与发掘", "广东省文物考古研究院", 1, "P", "680.00", "88.50"),
    ("博物馆纪念馆免费开放补助", "博物馆与社会文物处", 1, "T", "1725.00", "0"),
    ("可移动文物预防性保护", "广东省博物馆", 1, "P", "345.00", "40.00"),
    ("非遗代表性项目传承保护", "非物质文化遗产处", 1, "T", "890.00", "0"),
    ("非遗工坊建设", "非物质文化遗产处", 1, "T", "1260.00", "0"),
    ("粤剧粤曲传承发展", "艺术处", 2, "P", "610.00", "0"),
    ("重点舞台艺术作品创作", "艺术处", 2, "P", "1180.00", "150.00"),
    ("岭南美术精品创作扶持", "广东美术馆", 2, "P", "260.00", "0"),
    ("第十四届广东艺术节", "艺术处", 2, "P", "730.00", "210.00"),
    ("艺术人才培养", "科技教育处", 2, "P", "198.00", "0"),
    ("全域旅游示范区创建", "资源开发处", 3, "T", "2060.00", "0"),
    ("乡村旅游重点村镇扶持", "资源开发处", 3, "T", "1440.00", "0"),
    ("旅游公共服务设施建设", "资源开发处", 3, "T", "980.00", "0"),
    ("文旅形象海外推广", "交流合作处", 3, "P", "475.00", "0"),
    ("粤港澳大湾区文旅合作", "交流合作处", 3, "P", "320.00", "45.00"),
    ("“活力广东”旅游宣传推广", "宣传推广处", 3, "P", "860.00", "0"),
    ("智慧文旅监测平台建设", "广东省文化和旅游信息中心", 3, "P", "395.00", "0"),
    ("文旅消费季活动补助", "产业发展处", 4, "T", "1150.00", "0"),
    ("文化产业园区提质升级", "产业发展处", 4, "T", "700.00", "0"),
    ("文化市场综合执法", "文化市场综合执法监督局", 4, "P", "268.00", "30.00"),
    ("旅游市场秩序整治", "市场管理处", 4, "P", "154.00", "0"),
    ("文旅安全生产与应急管理", "市场管理处", 4, "P", "112.00", "0"),
    ("文旅统计监测与规划研究", "规划发展处", 4, "P", "236.00", "0"),
    ("政策法规宣传与普法", "政策法规处", 4, "P", "86.00", "0"),
    ("文旅科技创新项目", "科技教育处", 4, "P", "420.00", "0"),
    ("行业人才培训", "人事处", 4, "P", "205.00", "60.00"),
    ("绩效评价与财务监管", "财务处", 4, "P", "138.00", "0"),
]
LOW_PROJECT = "文旅科技创新项目"  # the row the body talks about (a low 执行率)
LOW_RATE = Decimal("0.4080")

CATEGORIES = [
    "印刷宣传费",
    "差旅会议费",
    "劳务费",
    "委托业务费",
    "专用材料费",
    "设备购置费",
    "其他支出",
]
# which categories a project of each direction tends to use (indexes into CATEGORIES)
CAT_PROFILES = {
    0: [0, 2, 3, 4, 5, 6],
    1: [1, 2, 3, 4, 5, 6],
    2: [0, 1, 2, 3, 4, 6],
    3: [0, 1, 3, 5, 6],
    4: [0, 1, 2, 3, 6],
}

# 现场评价: the sampled projects (full name in annex 1 → abbreviation in annex 2)
SAMPLED = [
    ("流动文化服务进基层", "流动文化服务"),
    ("公共图书馆数字资源建设", "图书馆数字资源"),
    ("考古调查勘探与发掘", "考古调查发掘"),
    ("粤书吧建设补助", "粤书吧建设"),
    ("乡镇综合文化站提质增效", "文化站提质增效"),
    ("“百县千镇万村”文化惠民演出", "文化惠民演出"),
    ("革命文物保护利用", "革命文物保护"),
    ("博物馆纪念馆免费开放补助", "博物馆免费开放"),
    ("非遗工坊建设", "非遗工坊"),
    ("全域旅游示范区创建", "全域旅游创建"),
    ("乡村旅游重点村镇扶持", "乡村旅游扶持"),
    ("文旅消费季活动补助", "文旅消费季"),
]
PROVINCE_UNITS = [  # unit, the project it carries
    ("广东省文化馆", "流动文化服务进基层"),
    ("广东省立中山图书馆", "公共图书馆数字资源建设"),
    ("广东省文物考古研究院", "考古调查勘探与发掘"),
]
REGIONS = [
    ("韶关市", ["韶关市本级", "乐昌市", "南雄市", "仁化县", "始兴县", "乳源瑶族自治县"]),
    ("梅州市", ["梅州市本级", "梅县区", "兴宁市", "大埔县", "五华县", "平远县"]),
    ("湛江市", ["湛江市本级", "雷州市", "廉江市", "徐闻县", "遂溪县"]),
    (
        "清远市",
        ["清远市本级", "英德市", "连州市", "阳山县", "连山壮族瑶族自治县", "连南瑶族自治县"],
    ),
    ("河源市", ["河源市本级", "龙川县", "紫金县", "和平县", "连平县", "东源县"]),
]

# 评分表: 一级, 二级, [(三级, 分值, 得分 or None = computed, 扣分原因 text before "扣X分。")]
SCORING = [
    (
        "决策",
        [
            (
                "项目立项",
                [
                    ("立项依据充分性", 3, "3.00", ""),
                    ("立项程序规范性", 3, "2.50", "项目库储备不足，个别项目入库前论证不充分"),
                ],
            ),
            (
                "绩效目标",
                [
                    ("绩效目标合理性", 4, "4.00", ""),
                    ("绩效指标明确性", 4, "3.20", "部分市县绩效指标未细化量化，与年度任务对应不够"),
                ],
            ),
            (
                "资金投入",
                [
                    ("预算编制科学性", 3, "3.00", ""),
                    ("资金分配合理性", 3, "2.40", "个别项目资金分配较为分散，存在“撒胡椒面”现象"),
                ],
            ),
        ],
    ),
    (
        "过程",
        [
            (
                "资金管理",
                [
                    ("资金到位率", 4, "4.00", ""),
                    ("预算执行率", 4, None, ""),  # 4 × 执行率 (annex 1)
                    (
                        "资金使用合规性",
                        4,
                        "3.50",
                        "个别单位存在跨年度列支费用、原始凭证不完整等问题",
                    ),
                ],
            ),
            (
                "组织实施",
                [
                    ("管理制度健全性", 4, "4.00", ""),
                    ("制度执行有效性", 4, "3.40", "部分项目实施进度滞后，政府采购执行不够及时"),
                ],
            ),
        ],
    ),
    (
        "产出",
        [
            (
                "产出数量",
                [
                    ("公共文化设施建设完成率", 5, "5.00", ""),
                    ("文物保护工程完成数", 5, "4.50", "2个文物保护工程未按期完工"),
                    ("文旅惠民活动举办场次", 5, "5.00", ""),
                ],
            ),
            (
                "产出质量",
                [
                    ("项目验收合格率", 5, "5.00", ""),
                    ("文艺精品创作质量", 5, "4.60", "入选国家级扶持项目数量少于年度目标"),
                ],
            ),
            (
                "产出时效",
                [
                    ("项目按期完成率", 8, "7.20", "部分项目未按计划进度完成"),
                ],
            ),
            (
                "产出成本",
                [
                    ("成本控制情况", 7, "7.00", ""),
                ],
            ),
        ],
    ),
    (
        "效益",
        [
            (
                "社会效益",
                [
                    ("公共文化服务覆盖面", 5, "5.00", ""),
                    ("文化遗产保护传承成效", 5, "5.00", ""),
                ],
            ),
            (
                "经济效益",
                [
                    ("带动文旅消费增长", 5, "4.70", "部分地市旅游消费恢复不及预期"),
                ],
            ),
            (
                "满意度",
                [
                    ("服务对象满意度", 5, "4.80", "满意度调查结果为96%"),
                ],
            ),
        ],
    ),
]
LEVEL1_FULL = {"决策": "项目决策", "过程": "项目过程", "产出": "项目产出", "效益": "项目效益"}


# --------------------------------------------------------------------------------------------
# make_data: base values → every printed string
# --------------------------------------------------------------------------------------------


def _cents(s: str) -> int:
    d = Decimal(s) * 100
    assert d == d.to_integral_value(), s
    return int(d)


def _split(total: int, n: int, rng: random.Random) -> list[int]:
    """Split total cents into n positive parts (uneven, deterministic)."""
    if n == 1:
        return [total]
    weights = [rng.uniform(0.3, 3.0) for _ in range(n)]
    w = sum(weights)
    parts = [int(total * x / w) for x in weights[:-1]]
    parts.append(total - sum(parts))
    assert all(p > 0 for p in parts)
    return parts


def make_annex1(rng: random.Random) -> tuple[dict, dict]:
    ncat = len(CATEGORIES)
    rows, base = [], []
    for name, unit, direction, kind, special, other in PROJECTS:
        sp, ot = _cents(special), _cents(other)
        avail = sp + ot
        if name == LOW_PROJECT:
            rate = LOW_RATE
        elif rng.random() < 0.4:
            rate = Decimal(1)
        else:
            rate = Decimal(rng.randint(8200, 9960)) / 10000
        spent = int((Decimal(avail) * rate).to_integral_value(ROUND_HALF_UP))
        profile = CAT_PROFILES[direction]
        used = sorted(rng.sample(profile, rng.randint(2, min(5, len(profile)))))
        cats = [0] * ncat
        for i, part in zip(used, _split(spent, len(used), rng), strict=True):
            cats[i] = part
        base.append(
            dict(
                name=name,
                unit=unit,
                direction=direction,
                kind=kind,
                special=sp,
                other=ot,
                avail=avail,
                cats=cats,
                spent=spent,
            )
        )
        rows.append(
            [
                name,
                unit,
                money(sp),
                money(ot),
                money(avail),
                *[money(c) if c else "" for c in cats],
                money(spent),
                pct(spent, avail),
            ]
        )
    tot = {k: sum(b[k] for b in base) for k in ("special", "other", "avail", "spent")}
    tot_cats = [sum(b["cats"][i] for b in base) for i in range(ncat)]
    assert sum(tot_cats) == tot["spent"]
    rows.append(
        [
            "合计",
            None,
            money(tot["special"]),
            money(tot["other"]),
            money(tot["avail"]),
            *[money(c) for c in tot_cats],
            money(tot["spent"]),
            pct(tot["spent"], tot["avail"]),
        ]
    )
    header = [
        ["项目名称", "单位名称", "资金到位情况", None, None, "资金支出情况"]
        + [None] * ncat
        + ["执行率"],
        [None, None, "专项资金", "其他资金", "合计", *CATEGORIES, "合计", None],
    ]
    ncols = len(header[0])
    nb = len(rows)
    merges = [
        (0, 0, 1, 0),
        (0, 1, 1, 1),
        (0, 2, 0, 4),
        (0, 5, 0, 5 + ncat),
        (0, ncols - 1, 1, ncols - 1),
        (2 + nb - 1, 0, 2 + nb - 1, 1),  # 合计 over 项目名称 + 单位名称
    ]
    widths = [3.9, 3.0, 1.75, 1.55, 1.75] + [1.55] * ncat + [1.75, 1.45]
    table = dict(
        label="附件1",
        title=f"{YEAR}年度{FUND}使用结构明细表",
        unit="万元",
        font_pt=8,
        row_height_cm=0.55,
        widths_cm=widths,
        header=header,
        body=rows,
        merges=merges,
        align=["left", "left"] + ["right"] * (ncols - 2),
        numeric_cols=list(range(2, ncols)),
    )
    return table, dict(projects=base, total=tot, cats=tot_cats)


def make_annex2(rng: random.Random, a1: dict) -> tuple[dict, dict]:
    alloc = {p["name"]: p for p in a1["projects"]}
    full_names = [s[0] for s in SAMPLED]
    transfer = [n for n in full_names if alloc[n]["kind"] == "T"]
    nproj = len(full_names)
    # sampled amount per unit and project, in cents
    unit_vals: dict[str, list[int]] = {}
    for unit, proj in PROVINCE_UNITS:
        v = [0] * nproj
        v[full_names.index(proj)] = alloc[proj]["special"] * rng.choice([60, 70, 80, 100]) // 100
        unit_vals[unit] = v
    for _, counties in REGIONS:
        for county in counties:
            v = [0] * nproj
            picks = rng.sample(transfer, rng.randint(2, 5))
            for proj in picks:
                amount = rng.choice([10, 12, 15, 18, 20, 25, 30, 35, 40, 45, 50, 60, 80, 100, 120])
                cents = amount * 100
                if rng.random() < 0.25:
                    cents += rng.randint(1, 99) * 5
                v[full_names.index(proj)] = cents
            unit_vals[county] = v

    def fmt_row(v: list[int], blank_zero: bool) -> list[str]:
        return [money(sum(v))] + ["" if (blank_zero and x == 0) else money(x) for x in v]

    rows, merges, blocks = [], [], []
    first = len(rows)
    for unit, _ in PROVINCE_UNITS:
        rows.append(
            ["省直单位" if len(rows) == first else None, unit, *fmt_row(unit_vals[unit], True)]
        )
    merges.append((1 + first, 0, 1 + len(rows) - 1, 0))
    subtotals = []
    for region, counties in REGIONS:
        sub = [sum(unit_vals[c][j] for c in counties) for j in range(nproj)]
        subtotals.append(sub)
        start = len(rows)
        rows.append([region, "小计", *fmt_row(sub, False)])
        for c in counties:
            rows.append([None, c, *fmt_row(unit_vals[c], True)])
        merges.append((1 + start, 0, 1 + len(rows) - 1, 0))
        blocks.append((start, len(rows) - 1))
    grand = [
        sum(unit_vals[u][j] for u, _ in PROVINCE_UNITS) + sum(s[j] for s in subtotals)
        for j in range(nproj)
    ]
    rows.append(["合计", None, *fmt_row(grand, False)])
    merges.append((1 + len(rows) - 1, 0, 1 + len(rows) - 1, 1))
    for j, name in enumerate(full_names):
        assert 0 < grand[j] <= alloc[name]["special"], (name, grand[j], alloc[name]["special"])
    header = [["地区", "单位名称", "合计", *[s[1] for s in SAMPLED]]]
    ncols = len(header[0])
    table = dict(
        label="附件2",
        title=f"{YEAR}年度{FUND}现场评价明细表",
        unit="万元",
        font_pt=8,
        row_height_cm=0.58,
        widths_cm=[1.6, 3.3, 1.9] + [1.65] * nproj,
        header=header,
        body=rows,
        merges=merges,
        align=["center", "left"] + ["right"] * (ncols - 2),
        numeric_cols=list(range(2, ncols)),
    )
    n_local = sum(len(c) for _, c in REGIONS)
    return table, dict(sampled=sum(grand), n_sampled=nproj, n_local=n_local, blocks=blocks)


def make_annex3(exec_num: int, exec_den: int) -> tuple[dict, dict]:
    rows, merges = [], []
    level1 = []
    for l1, l2s in SCORING:
        l1_start = len(rows)
        l1_max, l1_got = 0, Decimal(0)
        for l2, l3s in l2s:
            l2_start = len(rows)
            l2_max = sum(m for _, m, _, _ in l3s)
            for l3, m, got, reason in l3s:
                if got is None:  # 预算执行率: 分值 × 执行率
                    g = (Decimal(m) * exec_num / exec_den).quantize(Decimal("0.01"), ROUND_HALF_UP)
                    reason = f"资金执行率为{pct(exec_num, exec_den)}，按执行率计分"
                else:
                    g = Decimal(got)
                ded = Decimal(m) - g
                assert ded >= 0
                assert (ded == 0) == (reason == ""), l3
                text = f"{reason}，扣{score(ded)}分。" if ded else ""
                rows.append([None, None, l3, str(m), score(g), text])
                l1_max += m
                l1_got += g
            rows[l2_start][1] = f"{l2}（{l2_max}分）"
            if len(rows) - l2_start > 1:
                merges.append((1 + l2_start, 1, len(rows), 1))
        rows[l1_start][0] = f"{l1}（{l1_max}分）"
        merges.append((1 + l1_start, 0, len(rows), 0))
        level1.append(dict(name=l1, max=l1_max, got=l1_got))
    total_max = sum(x["max"] for x in level1)
    total_got = sum(x["got"] for x in level1)
    assert total_max == 100
    rows.append(["合计", None, None, str(total_max), score(total_got), ""])
    merges.append((len(rows), 0, len(rows), 2))
    table = dict(
        label="附件3",
        title=f"{YEAR}年度{FUND}绩效评价指标评分表",
        unit=None,
        font_pt=9,
        row_height_cm=0.7,
        widths_cm=[3.0, 3.4, 5.2, 1.6, 1.8, 11.2],
        header=[["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"]],
        body=rows,
        merges=merges,
        align=["center", "center", "left", "center", "center", "left"],
        numeric_cols=[3, 4],
    )
    return table, dict(level1=level1, total=total_got)


def make_body(a1: dict, a2: dict, a3: dict) -> dict:
    projects = a1["projects"]
    tot = a1["total"]
    T = tot["special"]
    v: dict[str, str] = {}
    v["n_projects"] = str(len(projects))
    v["total"] = money(T)
    prov = [p for p in projects if p["kind"] == "P"]
    tran = [p for p in projects if p["kind"] == "T"]
    for key, group in (("prov", prov), ("tr", tran)):
        amt = sum(p["special"] for p in group)
        v[f"{key}_n"] = str(len(group))
        v[f"{key}_amt"] = money(amt)
        v[f"{key}_share"] = pct(amt, T)
    for i, _ in enumerate(DIRECTIONS):
        amt = sum(p["special"] for p in projects if p["direction"] == i)
        v[f"d{i}_amt"] = money(amt)
        v[f"d{i}_share"] = pct(amt, T)
    v["avail"] = money(tot["avail"])
    v["other"] = money(tot["other"])
    v["spent"] = money(tot["spent"])
    v["exec_rate"] = pct(tot["spent"], tot["avail"])
    v["n_full"] = str(sum(1 for p in projects if p["spent"] == p["avail"]))
    low = next(p for p in projects if p["name"] == LOW_PROJECT)
    assert low["other"] == 0
    v["low_name"] = low["name"]
    v["low_avail"] = money(low["avail"])
    v["low_spent"] = money(low["spent"])
    v["low_rate"] = pct(low["spent"], low["avail"])
    v["n_sampled"] = str(a2["n_sampled"])
    v["sampled"] = money(a2["sampled"])
    v["sampled_n_share"] = pct(a2["n_sampled"], len(projects))
    v["sampled_share"] = pct(a2["sampled"], T)
    v["n_prov_units"] = str(len(PROVINCE_UNITS))
    v["n_cities"] = str(len(REGIONS))
    v["n_local"] = str(a2["n_local"])
    v["score"] = score(a3["total"])
    for i, l1 in enumerate(a3["level1"]):
        v[f"s{i}_max"] = str(l1["max"])
        v[f"s{i}"] = score(l1["got"])
    blocks = body_blocks()
    for _, text in blocks:  # every placeholder has a value
        text.format(**v)
    return dict(values=v, blocks=blocks)


def body_blocks() -> list[tuple[str, str]]:
    """(style, template) pairs of the prose body; {name} placeholders take body values."""
    d = DIRECTIONS
    return [
        ("org", DEPT),
        ("docno", "粤文旅财函〔2024〕57号"),
        ("title", f"{DEPT}{YEAR}年度{FUND}绩效自评报告"),
        ("addressee", "省财政厅："),
        (
            "p",
            "为加强财政资金绩效管理，提高财政资金使用效益，根据《广东省财政厅关于开展2023年度省级"
            "财政资金绩效自评工作的通知》要求，我厅组织开展了2023年度省级文化和旅游发展专项资金绩效"
            "自评工作，现将有关情况报告如下：",
        ),
        ("h1", "一、专项资金基本情况"),
        ("h2", "（一）专项资金安排情况"),
        (
            "p",
            "2023年度，省财政共安排省级文化和旅游发展专项资金{total}万元，共设{n_projects}个子项目。"
            "其中：省本级实施项目{prov_n}个，安排资金{prov_amt}万元，占比{prov_share}；下达市县实施项目"
            "{tr_n}个，安排资金{tr_amt}万元，占比{tr_share}。按照支出方向，专项资金分为5类，其中："
            f"{d[0]}{{d0_amt}}万元，占比{{d0_share}}；{d[1]}{{d1_amt}}万元，占比{{d1_share}}；"
            f"{d[2]}{{d2_amt}}万元，占比{{d2_share}}；{d[3]}{{d3_amt}}万元，占比{{d3_share}}；"
            f"{d[4]}{{d4_amt}}万元，占比{{d4_share}}。",
        ),
        ("h2", "（二）专项资金到位和执行情况"),
        (
            "p",
            "截至2023年12月31日，项目实际到位资金{avail}万元，资金到位率100%，其中：专项资金{total}万元，"
            "项目单位统筹安排的其他资金{other}万元。已支出资金{spent}万元，资金执行率{exec_rate}（详见附件1）。"
            "分项目看，{n_full}个子项目资金执行率达到100%；执行率最低的是{low_name}，到位资金{low_avail}万元，"
            "支出{low_spent}万元，执行率{low_rate}，主要原因是部分科研课题按合同约定分期付款，尾款需待2024年"
            "课题验收后支付。",
        ),
        ("h1", "二、绩效评价工作情况"),
        (
            "p",
            "我厅成立了由分管厅领导任组长、财务处和各业务处室负责同志为成员的绩效自评工作小组，制定了"
            "专项资金绩效自评工作方案，明确评价范围、评价指标、评分标准和时间安排。自评工作采取单位自评、"
            "资料审核与现场评价相结合的方式：一是组织各项目实施单位和市县文化广电旅游体育部门对照年初绩效"
            "目标逐项开展自评；二是对资金分配、拨付、使用和管理的有关资料进行集中审核；三是委托第三方机构"
            "赴省直单位和市县开展现场核查，实地了解项目实施进度和资金使用情况。",
        ),
        (
            "p",
            "2023年度专项资金共{n_projects}个子项目，评价小组本次抽取了{n_sampled}个子项目开展现场评价，"
            "涉及省直单位{n_prov_units}家和{n_cities}个地级市的{n_local}个市县单位，抽查资金{sampled}万元，"
            "抽查项目数占项目总数的{sampled_n_share}，抽查资金占专项资金总额的{sampled_share}，详见现场评价"
            "明细表（附件2）。",
        ),
        ("h1", "三、综合评价结论及指标分析"),
        (
            "p",
            "评价小组根据评价指标体系及评分标准，对2023年度省级文化和旅游发展专项资金进行综合评价。"
            "专项资金绩效自评最终得分为{score}分，评价等级为“优”。其中：项目决策分值{s0_max}分，评价得分"
            "{s0}分，主要扣分原因是项目库储备不足、部分市县绩效指标未细化量化、个别项目资金分配较为分散；"
            "项目过程分值{s1_max}分，评价得分{s1}分，主要扣分原因是资金执行率{exec_rate}未达到100%、个别"
            "单位资金使用欠规范、部分项目实施进度滞后；项目产出分值{s2_max}分，评价得分{s2}分，主要扣分"
            "原因是2个文物保护工程未按期完工、部分项目未按计划进度完成；项目效益分值{s3_max}分，评价得分"
            "{s3}分，主要扣分原因是部分地市旅游消费恢复不及预期，详见绩效评价指标评分表（附件3）。",
        ),
        ("h1", "四、专项资金绩效情况"),
        ("h2", "（一）公共文化服务效能持续提升"),
        (
            "p",
            "全年新建粤书吧312个，累计建成1,086个；完成乡镇综合文化站提质增效项目215个，基层公共文化设施"
            "服务功能明显改善。组织开展“百县千镇万村”文化惠民演出1.86万场，流动文化服务进基层活动3,420场，"
            "服务群众超过2,300万人次。公共文化云平台全年访问量达1.2亿人次，数字资源总量新增48TB。",
        ),
        ("h2", "（二）文化遗产保护传承成效明显"),
        (
            "p",
            "完成革命文物保护利用项目64个，南粤古驿道重点段落文物保护工程9处；全省博物馆、纪念馆免费开放"
            "接待观众4,650万人次，同比增长37.6%。新认定省级非遗工坊60家，带动就业1.2万人；组织非遗代表性"
            "传承人研修培训1,150人次。",
        ),
        ("h2", "（三）文艺精品创作繁荣发展"),
        (
            "p",
            "扶持重点舞台艺术作品18部，其中3部入选国家艺术基金资助项目；成功举办第十四届广东艺术节，"
            "展演剧目42台，线上线下观众超过860万人次。粤剧粤曲传承发展项目完成新编剧目6部、整理复排传统"
            "剧目12部。",
        ),
        ("h2", "（四）文旅市场加快复苏"),
        (
            "p",
            "新增国家级全域旅游示范区2个、省级全域旅游示范区8个，认定省级乡村旅游重点村镇45个。开展文旅"
            "消费季活动1,200余场，发放文旅消费券带动消费约38亿元。“活力广东”旅游宣传推广在境内外主流媒体"
            "投放宣传产品5,600余条次，全省接待游客人次、旅游总收入分别恢复至2019年同期的108%和103%。",
        ),
        ("h1", "五、存在的问题"),
        (
            "p",
            "一是项目前期谋划不够充分，项目库储备不足，个别项目论证不充分，导致立项后实施进度偏慢。二是"
            "部分市县绩效目标设定不够科学，绩效指标未细化量化，年末完成情况与年初目标存在偏差。三是个别"
            "项目资金执行进度偏慢，科研类、工程类项目受合同付款节点影响，年底仍有部分资金未支出。四是个别"
            "单位资金使用不够规范，存在跨年度列支、原始凭证不完整等问题。",
        ),
        ("h1", "六、下一步工作措施"),
        (
            "p",
            "一是加强项目库建设，提前做好项目储备和前期论证，提高项目成熟度。二是强化绩效目标管理，指导"
            "市县科学设定绩效目标，做到指标可衡量、可考核。三是加快预算执行，建立执行进度月通报制度，对执行"
            "偏慢的项目及时督促整改。四是加强财务监督检查和业务培训，规范资金使用，强化评价结果应用，将评价"
            "结果作为下一年度资金分配的重要依据。",
        ),
        ("annexlist", "附件：1.资金使用结构明细表"),
        ("annexlist2", "2.现场评价明细表"),
        ("annexlist2", "3.绩效评价指标评分表"),
        ("sign", DEPT),
        ("sign", "2024年4月18日"),
    ]


def make_data(seed: int = 2023) -> dict:
    rng = random.Random(seed)
    t1, a1 = make_annex1(rng)
    t2, a2 = make_annex2(rng, a1)
    t3, a3 = make_annex3(a1["total"]["spent"], a1["total"]["avail"])
    body = make_body(a1, a2, a3)
    data = dict(
        pdf=f"{NAME}.pdf",
        generator="samples/make_office.py",
        meta=dict(title=f"{DEPT}{YEAR}年度{FUND}绩效自评报告", author=DEPT),
        body=body,
        tables=[t1, t2, t3],
        annex2_blocks=a2["blocks"],
    )
    verify(data)
    return data


# --------------------------------------------------------------------------------------------
# verify: re-check the printed strings (independent of how make_data computed them)
# --------------------------------------------------------------------------------------------


def expand(table: dict) -> tuple[list[list[str]], list[list[str]]]:
    """(columns, rows) as the truth file has them: spans repeated into every covered cell."""
    grid = [list(r) for r in table["header"] + table["body"]]
    for r0, c0, r1, c1 in table["merges"]:
        text = grid[r0][c0]
        assert text is not None, (table["label"], r0, c0)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    assert grid[r][c] is None, (table["label"], r, c, grid[r][c])
                    grid[r][c] = text
    nh = len(table["header"])
    for r, row in enumerate(grid):
        assert len(row) == len(table["widths_cm"]), (table["label"], r)
        assert all(x is not None for x in row), (table["label"], r, row)
    columns = []
    for c in range(len(grid[0])):
        path = [grid[r][c] for r in range(nh) if r == 0 or not _same_span(table, r - 1, r, c)]
        columns.append(path)
    return columns, grid[nh:]


def _same_span(table: dict, r_prev: int, r: int, c: int) -> bool:
    """Are cells (r_prev, c) and (r, c) one merged cell?"""
    return any(r0 <= r_prev and r <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in table["merges"])


def verify(data: dict) -> None:
    t1, t2, t3 = data["tables"]
    v = data["body"]["values"]
    D = Decimal
    _, rows1 = expand(t1)
    ncat = len(CATEGORIES)
    num = [[parse_num(x) if x not in ("", "/") else D(0) for x in r[2:-1]] for r in rows1]
    for r, n in zip(rows1, num, strict=True):
        assert n[0] + n[1] == n[2], r
        assert sum(n[3 : 3 + ncat]) == n[3 + ncat], r
        assert r[-1] == pct(n[3 + ncat] * 100, n[2] * 100), r
    for j in range(len(num[0])):
        assert sum(n[j] for n in num[:-1]) == num[-1][j], j
    tot = num[-1]
    assert v["total"] == money(int(tot[0] * 100)) and v["other"] == money(int(tot[1] * 100))
    assert v["avail"] == money(int(tot[2] * 100)) and v["spent"] == money(int(tot[3 + ncat] * 100))
    assert v["exec_rate"] == rows1[-1][-1]
    assert int(v["n_projects"]) == len(rows1) - 1
    assert parse_num(v["prov_amt"]) + parse_num(v["tr_amt"]) == tot[0]
    assert sum(parse_num(v[f"d{i}_amt"]) for i in range(len(DIRECTIONS))) == tot[0]
    low = next(r for r in rows1 if r[0] == v["low_name"])
    assert (low[4], low[-2], low[-1]) == (v["low_avail"], v["low_spent"], v["low_rate"])
    assert int(v["n_full"]) == sum(1 for r in rows1[:-1] if r[-1] == "100.00%")

    _, rows2 = expand(t2)
    num2 = [[parse_num(x) if x else D(0) for x in r[2:]] for r in rows2]
    for r, n in zip(rows2, num2, strict=True):
        assert sum(n[1:]) == n[0], r
    total_row = [D(0)] * len(num2[0])
    i = 0
    while i < len(rows2) - 1:
        if rows2[i][1] == "小计":
            j = i + 1
            while j < len(rows2) - 1 and rows2[j][0] == rows2[i][0]:
                j += 1
            for k in range(len(total_row)):
                assert sum(n[k] for n in num2[i + 1 : j]) == num2[i][k], rows2[i][0]
                total_row[k] += num2[i][k]
            i = j
        else:
            for k in range(len(total_row)):
                total_row[k] += num2[i][k]
            i += 1
    assert total_row == num2[-1]
    assert v["sampled"] == rows2[-1][2]
    alloc = {r[0]: parse_num(r[2]) for r in rows1[:-1]}
    for (full, _abbr), k in zip(SAMPLED, range(1, len(num2[0])), strict=True):
        assert num2[-1][k] <= alloc[full]
    assert v["sampled_share"] == pct(parse_num(v["sampled"]) * 100, tot[0] * 100)
    assert v["sampled_n_share"] == pct(int(v["n_sampled"]), int(v["n_projects"]))

    _, rows3 = expand(t3)
    by1: dict[str, list[D]] = {}
    for r in rows3[:-1]:
        m, g = D(r[3]), D(r[4])
        assert g <= m
        if g < m:
            assert r[5].endswith(f"扣{score(m - g)}分。"), r
        by1.setdefault(r[0], [D(0), D(0)])
        by1[r[0]][0] += m
        by1[r[0]][1] += g
    for i, (k, (m, g)) in enumerate(by1.items()):
        assert k == f"{SCORING[i][0]}（{m}分）"
        assert v[f"s{i}_max"] == str(m) and v[f"s{i}"] == score(g)
    assert rows3[-1][3] == str(sum(m for m, _ in by1.values()))
    assert rows3[-1][4] == v["score"] == score(sum(g for _, g in by1.values()))
    exec_row = next(r for r in rows3 if r[2] == "预算执行率")
    assert exec_row[5].startswith(f"资金执行率为{v['exec_rate']}")
    # numbers must fit their cells on one line
    check_fit(data)


def check_fit(data: dict) -> None:
    from PIL import ImageFont

    font = ImageFont.truetype(FONT_FILE, 1000, index=0)
    for t in data["tables"]:
        _, rows = expand(t)
        for c in t["numeric_cols"]:
            avail_pt = (t["widths_cm"][c] - 2 * CELL_MARGIN_CM) / 2.54 * 72
            for r in rows:
                w = font.getlength(r[c]) / 1000 * t["font_pt"]
                assert w <= avail_pt - 2, (t["label"], c, r[c], w, avail_pt)


# --------------------------------------------------------------------------------------------
# render: data → .docx → PDF
# --------------------------------------------------------------------------------------------


def _el(tag: str, **attrs: str) -> OxmlElement:
    e = OxmlElement(tag)
    for k, val in attrs.items():
        e.set(qn(k), val)
    return e


def _set_rfonts(rpr) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = _el("w:rFonts")
        rstyle = rpr.find(qn("w:rStyle"))
        if rstyle is not None:
            rstyle.addnext(rfonts)
        else:
            rpr.insert(0, rfonts)
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(a), None)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), FONT)


def setup_styles(doc: Document) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(22)
    pf.first_line_indent = Pt(24)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def pstyle(
        name: str,
        size: float,
        *,
        bold: bool = False,
        align=None,
        indent: float = 0,
        spacing: float | None = None,
        before: float = 0,
        after: float = 0,
    ):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.font.size = Pt(size)
        st.font.bold = bold
        f = st.paragraph_format
        f.first_line_indent = Pt(indent)
        f.space_before = Pt(before)
        f.space_after = Pt(after)
        if align is not None:
            f.alignment = align
        if spacing is None:
            f.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            f.line_spacing = Pt(spacing)
        return st

    C, L, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    pstyle("Org", 16, bold=True, align=C, after=6)
    pstyle("DocNo", 12, align=C, after=12)
    pstyle("ReportTitle", 18, bold=True, align=C, spacing=28, after=14)
    pstyle("Addressee", 12, align=L, spacing=22)
    pstyle("H1", 12, bold=True, align=L, indent=24, spacing=22)
    pstyle("H2", 12, bold=True, align=L, indent=24, spacing=22)
    pstyle("AnnexList", 12, align=L, indent=24, spacing=22, before=10)
    pstyle("AnnexList2", 12, align=L, indent=60, spacing=22)
    pstyle("Sign", 12, align=R, spacing=22)
    pstyle("AnnexLabel", 12, bold=True, align=L, after=4)
    pstyle("AnnexTitle", 16, bold=True, align=C, after=6)
    pstyle("AnnexUnit", 10, align=R, after=2)
    for size in (8, 9):
        pstyle(f"Cell{size}", size, align=L)
    pstyle("Footer1", 10, align=C)
    for name in ("AnnexLabel", "AnnexTitle", "AnnexUnit", "H1", "H2"):
        styles[name].paragraph_format.keep_with_next = True

    # the East-Asian (and every other) font of the defaults and of all styles
    doc_defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _el("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = _el("w:rPr")
        rpr_default.append(rpr)
    _set_rfonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _el("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    for st in styles:
        if st.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _set_rfonts(st.element.get_or_add_rPr())
    # and the conditional formats inside table styles (tblStylePr), which name theme fonts
    for rfonts in styles.element.iter(qn("w:rFonts")):
        _set_rfonts(rfonts.getparent())


def set_page(section, *, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.top_margin = section.bottom_margin = Cm(1.8)
        section.left_margin = section.right_margin = Cm(1.5)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(3.0), Cm(2.6)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(0.9)


def add_page_number(section) -> None:
    p = section.footer.paragraphs[0]
    p.style = "Footer1"
    p.add_run("— ")
    run = p.add_run()
    run._r.append(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    run._r.append(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    run._r.append(_el("w:t"))
    run._r[-1].text = "1"
    run._r.append(_el("w:fldChar", **{"w:fldCharType": "end"}))
    p.add_run(" —")


def _twips(cm: float) -> str:
    return str(round(cm / 2.54 * 1440))


def render_table(doc: Document, t: dict) -> None:
    grid = t["header"] + t["body"]
    nh = len(t["header"])
    ncols = len(t["widths_cm"])
    table = doc.add_table(rows=len(grid), cols=ncols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblPr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblBorders", "w:tblCellMar"):
        old = tblPr.find(qn(tag))
        if old is not None:
            tblPr.remove(old)
    tblPr.append(_el("w:tblW", **{"w:w": _twips(sum(t["widths_cm"])), "w:type": "dxa"}))
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            _el(
                f"w:{side}", **{"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"}
            )
        )
    tblPr.append(borders)
    tblPr.append(_el("w:tblLayout", **{"w:type": "fixed"}))
    mar = _el("w:tblCellMar")
    for side, w in (
        ("top", "0"),
        ("left", _twips(CELL_MARGIN_CM)),
        ("bottom", "0"),
        ("right", _twips(CELL_MARGIN_CM)),
    ):
        mar.append(_el(f"w:{side}", **{"w:w": w, "w:type": "dxa"}))
    tblPr.append(mar)
    # python-docx writes tblPr children in append order; reorder to the schema's sequence
    order = [
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    ]
    kids = sorted(
        tblPr,
        key=lambda e: order.index(
            e.tag.replace("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:")
        ),
    )
    for k in kids:
        tblPr.remove(k)
        tblPr.append(k)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), t["widths_cm"], strict=True):
        col.set(qn("w:w"), _twips(w))

    for i, row in enumerate(table.rows):
        trPr = row._tr.get_or_add_trPr()
        trPr.append(_el("w:cantSplit"))
        trPr.append(
            _el("w:trHeight", **{"w:val": _twips(t["row_height_cm"]), "w:hRule": "atLeast"})
        )
        if i < nh:
            trPr.append(_el("w:tblHeader"))
        for c, cell in enumerate(row.cells):
            cell.width = Cm(t["widths_cm"][c])
    for r0, c0, r1, c1 in t["merges"]:
        table.cell(r0, c0).merge(table.cell(r1, c1))

    align = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }
    merged_at = {(r0, c0) for r0, c0, _, _ in t["merges"]}
    style = doc.styles[f"Cell{t['font_pt']}"]
    for r, texts in enumerate(grid):
        for c, text in enumerate(texts):
            if text is None:
                continue
            cell = table.cell(r, c)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            p.style = style
            if r < nh or ((r, c) in merged_at and t["align"][c] != "right"):
                p.alignment = align["center"]
            else:
                p.alignment = align[t["align"][c]]
            run = p.add_run(text)
            if r < nh or text in ("合计", "小计"):
                run.bold = True


def render_docx(data: dict, path: Path) -> None:
    doc = Document()
    setup_styles(doc)
    cp = doc.core_properties
    cp.title = data["meta"]["title"]
    cp.author = data["meta"]["author"]
    cp.comments = ""
    s0 = doc.sections[0]
    set_page(s0, landscape=False)
    add_page_number(s0)
    style_of = {
        "org": "Org",
        "docno": "DocNo",
        "title": "ReportTitle",
        "addressee": "Addressee",
        "h1": "H1",
        "h2": "H2",
        "p": "Normal",
        "annexlist": "AnnexList",
        "annexlist2": "AnnexList2",
        "sign": "Sign",
    }
    values = data["body"]["values"]
    first_sign = True
    for kind, template in data["body"]["blocks"]:
        p = doc.add_paragraph(template.format(**values), style=style_of[kind])
        if kind == "sign" and first_sign:
            p.paragraph_format.space_before = Pt(30)
            first_sign = False
    s1 = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(s1, landscape=True)
    for i, t in enumerate(data["tables"]):
        lab = doc.add_paragraph(t["label"], style="AnnexLabel")
        if i > 0:
            lab.paragraph_format.page_break_before = True
        doc.add_paragraph(t["title"], style="AnnexTitle")
        if t["unit"]:
            doc.add_paragraph(f"单位：{t['unit']}", style="AnnexUnit")
        render_table(doc, t)
    doc.save(str(path))


def to_pdf(docx: Path, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        cmd = [
            "soffice",
            f"-env:UserInstallation=file://{prof}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    pdf = outdir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf


# --------------------------------------------------------------------------------------------
# pages: read the PDF back only to learn which page each table row landed on
# --------------------------------------------------------------------------------------------


def locate_rows(data: dict, pdf: Path) -> tuple[int, list[list[int]]]:
    """(page count, per table the 1-based page of every body row)."""
    import pdfplumber

    tables = data["tables"]
    with pdfplumber.open(str(pdf)) as doc:
        npages = len(doc.pages)
        texts = ["".join((p.extract_text() or "").split()) for p in doc.pages]
        starts = []
        for t in tables:
            key = t["label"] + "".join(t["title"].split())
            hits = [i for i, tx in enumerate(texts) if key in tx]
            assert len(hits) == 1, (key, hits)
            starts.append(hits[0])
        bounds = starts + [npages]
        row_pages = []
        for k, t in enumerate(tables):
            nh, pages = len(t["header"]), []
            for pi in range(bounds[k], bounds[k + 1]):
                found = doc.pages[pi].find_tables()
                assert len(found) == 1, (t["label"], pi + 1, len(found))
                nrows = len(found[0].rows) - nh  # the header is repeated on every page
                assert nrows > 0, (t["label"], pi + 1)
                pages += [pi + 1] * nrows
            assert len(pages) == len(t["body"]), (t["label"], len(pages), len(t["body"]))
            row_pages.append(pages)
    return npages, row_pages


def build(data: dict, out_pdf: Path, keep_docx: bool = False) -> dict:
    """Render ``data`` to ``out_pdf`` (via .docx and LibreOffice) and return its truth."""
    out_pdf = Path(out_pdf)
    with tempfile.TemporaryDirectory(prefix="make-office-") as tmp:
        tmp = Path(tmp)
        docx = tmp / (out_pdf.stem + ".docx")
        render_docx(data, docx)
        pdf = to_pdf(docx, tmp)
        shutil.copyfile(pdf, out_pdf)
        if keep_docx:
            shutil.copyfile(docx, out_pdf.with_suffix(".docx"))
    npages, row_pages = locate_rows(data, out_pdf)
    truth_tables = []
    for t, pages in zip(data["tables"], row_pages, strict=True):
        columns, rows = expand(t)
        truth_tables.append(
            {
                "title": f"{''.join(t['label'].split())} {''.join(t['title'].split())}",
                "unit": t["unit"],
                "pages": sorted(set(pages)),
                "columns": columns,
                "rows": rows,
            }
        )
    return {
        "pdf": out_pdf.name,
        "generator": data["generator"],
        "pages": npages,
        "tables": truth_tables,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--outdir", default=str(HERE))
    ap.add_argument("--keep-docx", action="store_true", help="also keep the intermediate .docx")
    args = ap.parse_args(argv)
    data = make_data()
    out_pdf = Path(args.outdir) / data["pdf"]
    truth = build(copy.deepcopy(data), out_pdf, keep_docx=args.keep_docx)
    _, row_pages = locate_rows(data, out_pdf)
    # a region block of 附件2 should continue over a page break
    crossing = [s for s, e in data["annex2_blocks"] if row_pages[1][s] != row_pages[1][e]]
    if not crossing:
        print("warning: no 附件2 region block crosses a page break", file=sys.stderr)
    truth_path = out_pdf.with_name(out_pdf.stem + ".truth.json")
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out_pdf} ({truth['pages']} pages) and {truth_path.name}")
    for t in truth["tables"]:
        print(f"  {t['title']}: pages {t['pages']}, {len(t['rows'])}×{len(t['columns'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
