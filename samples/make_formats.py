"""Sample report with RULED tables of other header depths and number formats: shaanxi-health-2022.pdf.

An invented report (陕西省卫生健康委员会 2022年度部门整体支出绩效自评报告): 3 A4 pages of
prose whose numeric claims agree with the annexes, then three fully ruled (grid) tables:

  附件1 委属单位预算执行情况表   landscape, 2 pages, header repeated identically on page 2;
                                 THREE-level header (预算执行情况 → 基本支出/项目支出/合计 →
                                 预算数/执行数/执行率), unit 元 with thousands separators
                                 (1,234,567.89), `-` for zero amounts, `/` for a rate whose
                                 denominator is 0, a blank cell, negative numbers (-3.20),
                                 2-decimal percentages, a full-width digit in a unit name
                                 (省第２人民医院), header cells that wrap, and a `合计` label
                                 spanning the 序号 and 单位名称 columns
  附件2 卫生健康专项资金项目支出明细表  portrait, one-level header, unit 万元; category labels
                                 spanning their 2 items vertically, a `合计` label spanning
                                 3 columns, 1-decimal percentages, a 占比 column (each row's
                                 执行数 over the 合计 row's, 2 decimals, 合计 100.00%), negative differences,
                                 `-` for a zero difference and a zero prior-year amount,
                                 blank 备注 cells
  附件3 部门整体支出绩效目标完成情况表  landscape, one-level header, no unit; 一级/二级 labels
                                 spanning 2–8 rows, mixed precision in one column (12.5,
                                 3.00, 7), full-width digits (第１季度), a 合计 label spanning
                                 5 columns

Structure as in make_threeline.py: ``make_data()`` derives every printed string from base
values, ``check(data)`` asserts the arithmetic, ``build(data, out_pdf)`` renders the model
as is and returns the truth (samples/README.md).  Dirty twin: edit one printed string of a
``make_data()`` copy and ``build`` it.

Run: ``python samples/make_formats.py`` (writes the PDF and truth next to itself).
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1


HERE = Path(__file__).resolve().parent
NAME = "shaanxi-health-2022"
FONT = "WQYMicroHei"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


# --------------------------------------------------------------------------- numbers


def money(c: int, sep: bool = True, zero: str | None = None) -> str:
    """Integer hundredths -> '1,234.56'; zero -> `zero` when given (e.g. '-')."""
    if c == 0 and zero is not None:
        return zero
    sign = "-" if c < 0 else ""
    c = abs(c)
    whole = f"{c // 100:,}" if sep else str(c // 100)
    return f"{sign}{whole}.{c % 100:02d}"


def rnd(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def pct(num_: int, den: int, places: int = 2, na: str = "/") -> str:
    if den == 0:
        return na
    return f"{rnd(Decimal(num_) * 100 / Decimal(den), places)}%"


def wan(fen: int) -> int:
    """元 in hundredths (分) -> 万元 in hundredths, rounded half-up."""
    return int(rnd(Decimal(fen) / 10000, 0))


def num(s: str) -> Decimal:
    s = s.replace(",", "").rstrip("%")
    return Decimal(0) if s in ("", "/", "-") else Decimal(s)


# --------------------------------------------------------------------------- data

# 附件1: 单位名称, has 基本支出, has 项目支出, printed 执行率较上年增减 (None = blank: new unit)
UNITS = [
    ("省卫生健康委员会机关", True, True, "-1.26"),
    ("省第２人民医院", True, True, "0.85"),
    ("省肿瘤防治医院", True, True, "-3.20"),
    ("省中医医院", True, True, "2.14"),
    ("省儿童医院", True, True, "0.37"),
    ("省妇幼保健院", True, True, "-0.92"),
    ("省康复医院", True, True, "1.48"),
    ("省精神卫生中心", True, True, "-2.05"),
    ("省老年病医院", True, True, "0.00"),
    ("省眼耳鼻喉医院", True, True, "4.61"),
    ("省口腔医院", True, True, "-0.18"),
    ("省职业病防治院", True, True, "1.02"),
    ("省结核病防治所", True, True, "-5.73"),
    ("省疾病预防控制中心", True, True, "0.66"),
    ("省卫生健康监督所", True, True, "-1.94"),
    ("省血液中心", True, True, "2.30"),
    ("省急救中心", True, True, "-0.47"),
    ("省卫生健康信息中心", True, True, "3.85"),
    ("省卫生健康宣传教育中心", True, True, "-0.09"),
    ("省卫生健康人才交流中心", True, True, "1.11"),
    ("省人口与健康发展研究中心", True, True, "-2.66"),
    ("省中医药研究院", True, True, "0.52"),
    ("省医学会", False, True, "-4.08"),
    ("省预防医学会", False, True, "1.73"),
    ("委机关服务中心", True, False, "0.24"),
    ("省卫生健康应急指挥中心", True, True, None),
    ("省医学科学研究院", True, True, "-0.61"),
    ("省卫生健康综合执法总队", True, True, "0.98"),
]
TOTAL_DELTA = "-0.74"

# 附件2: category -> items (项目名称, 单位名称, 预算数 万元 hundredths, 执行率, 上年执行数 or None, 备注)
PROJECTS = [
    (
        "公共卫生服务",
        [
            ("基本公共卫生服务补助", "基层卫生健康处", 1865000, 0.982, 1802450, ""),
            ("重大传染病防控", "疾病预防控制处", 623000, 0.941, 688530, ""),
        ],
    ),
    (
        "医疗服务能力",
        [
            ("县级医院能力提升", "医政医管处", 940000, 0.917, 905000, ""),
            ("区域医疗中心建设", "规划发展与信息化处", 1200000, 0.856, 0, "新增项目"),
        ],
    ),
    (
        "中医药发展",
        [
            ("中医药传承创新", "省中医药管理局", 386000, 0.963, 371265, ""),
            ("基层中医馆建设", "省中医药管理局", 254000, 1.0, 254000, ""),
        ],
    ),
    (
        "妇幼健康",
        [
            ("妇幼保健机构标准化", "妇幼健康处", 318000, 0.948, 326720, ""),
            ("出生缺陷综合防治", "妇幼健康处", 176500, 0.972, 160040, ""),
        ],
    ),
    (
        "卫生人才培养",
        [
            ("住院医师规范化培训", "科技教育处", 732000, 0.995, 701320, ""),
            ("订单定向医学生培养", "科技教育处", 215000, 0.902, 218480, "跨年度项目"),
        ],
    ),
    (
        "卫生应急",
        [
            ("紧急医学救援基地", "应急办", 460000, 0.731, 512000, ""),
        ],
    ),
]

# 附件3: (一级, 二级, 三级, 年度指标值, 实际完成值, 分值 as printed, 得分 as printed, 偏差原因)
# None for 实际完成值/得分 of the first row: derived from 附件1.
TARGETS = [
    ("预算执行", "预算执行率", "部门预算执行率", "≥95%", None, "10", None, ""),
    ("产出指标", "数量指标", "基本公共卫生服务项目数", "≥12项", "12项", "5", "5", ""),
    ("产出指标", "数量指标", "住院医师规范化培训招收人数", "≥1800人", "1862人", "5", "5", ""),
    (
        "产出指标",
        "数量指标",
        "订单定向医学生培养人数",
        "≥500人",
        "486人",
        "4.5",
        "4.20",
        "部分学生放弃录取",
    ),
    ("产出指标", "质量指标", "适龄儿童免疫规划疫苗接种率", "≥90%", "96.8%", "6", "6", ""),
    ("产出指标", "质量指标", "孕产妇系统管理率", "≥90%", "93.52%", "5", "5.0", ""),
    ("产出指标", "时效指标", "第１季度支出进度", "≥20%", "21.3%", "3.00", "3.00", ""),
    ("产出指标", "时效指标", "第3季度支出进度", "≥75%", "71.6%", "3.00", "2.50", "项目招标延迟"),
    (
        "产出指标",
        "成本指标",
        "县级医院能力提升平均补助",
        "≤500万元/个",
        "468.5万元/个",
        "4",
        "4",
        "",
    ),
    ("效益指标", "社会效益指标", "县域内就诊率", "≥90%", "91.2%", "12.5", "12.5", ""),
    ("效益指标", "社会效益指标", "孕产妇死亡率", "≤12/10万", "8.6/10万", "7", "7", ""),
    ("效益指标", "社会效益指标", "婴儿死亡率", "≤5‰", "3.1‰", "7", "7", ""),
    (
        "效益指标",
        "可持续影响指标",
        "区域医疗中心覆盖设区市数",
        "10个",
        "9个",
        "8",
        "6.5",
        "1个中心未完成验收",
    ),
    ("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "92.6%", "10", "10", ""),
    (
        "满意度指标",
        "服务对象满意度指标",
        "医务人员满意度",
        "≥85%",
        "83.4%",
        "10",
        "9.00",
        "薪酬改革尚未到位",
    ),
]


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of equal consecutive values: [(start, end_inclusive)]."""
    out, i = [], 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[i]:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def make_data() -> dict:
    rng = random.Random(20230331)
    # ---- 附件1 (amounts in 分 = hundredths of 元)
    cols1 = [["序号"], ["单位名称"]]
    for grp in ("基本支出", "项目支出", "合计"):
        cols1 += [["预算执行情况", grp, leaf] for leaf in ("预算数", "执行数", "执行率")]
    cols1 += [["执行率较上年增减（百分点）"]]
    rows1, base1 = [], []
    for i, (name, has_b, has_p, delta) in enumerate(UNITS, 1):
        big = "医院" in name or "中心" in name
        bb = (
            rng.randint(1_800_000, 9_600_000 if big else 3_200_000) * 1000 + rng.randint(0, 99999)
            if has_b
            else 0
        )
        pb = (
            rng.randint(600_000, 7_400_000 if big else 2_500_000) * 1000 + rng.randint(0, 99999)
            if has_p
            else 0
        )
        be = round(bb * rng.uniform(0.952, 1.0)) if bb else 0
        pe = (
            round(pb * rng.choice([1.0, rng.uniform(0.80, 0.995), rng.uniform(0.88, 0.999)]))
            if pb
            else 0
        )
        base1.append((bb, be, pb, pe))
        tb, te = bb + pb, be + pe
        rows1.append(
            [
                str(i),
                name,
                money(bb, zero="-"),
                money(be, zero="-"),
                pct(be, bb),
                money(pb, zero="-"),
                money(pe, zero="-"),
                pct(pe, pb),
                money(tb),
                money(te),
                pct(te, tb),
                "" if delta is None else delta,
            ]
        )
    S = [sum(b[k] for b in base1) for k in range(4)]
    BB, BE, PB, PE = S
    TB, TE = BB + PB, BE + PE
    rows1.append(
        [
            "合计",
            "合计",
            money(BB),
            money(BE),
            pct(BE, BB),
            money(PB),
            money(PE),
            pct(PE, PB),
            money(TB),
            money(TE),
            pct(TE, TB),
            TOTAL_DELTA,
        ]
    )
    n1 = len(rows1)
    spans1 = [(n1 - 1, 0, n1 - 1, 1)]

    # ---- 附件2 (万元 in hundredths)
    cols2 = [
        ["项目类别"],
        ["项目名称"],
        ["单位名称"],
        ["预算数"],
        ["执行数"],
        ["执行率"],
        ["占比"],
        ["上年执行数"],
        ["较上年增减"],
        ["备注"],
    ]
    rows2, spans2 = [], []
    tot2 = [0, 0, 0]
    n_items = 0
    for cat, items in PROJECTS:
        r0 = len(rows2)
        for pname, unit, b, rate, prev, note in items:
            e = round(b * rate)
            rows2.append(
                [
                    cat,
                    pname,
                    unit,
                    money(b),
                    money(e),
                    pct(e, b, 1),
                    "",  # 占比: filled in below, once the 合计 执行数 is known
                    money(prev, zero="-"),
                    money(e - prev, zero="-"),
                    note,
                ]
            )
            tot2 = [tot2[0] + b, tot2[1] + e, tot2[2] + prev]
            n_items += 1
        if len(items) > 1:
            spans2.append((r0, 0, len(rows2) - 1, 0))
    for r in rows2:  # 占比 = the row's 执行数 / the 合计 row's 执行数
        r[6] = pct(int(num(r[4]) * 100), tot2[1])
    rows2.append(
        [
            "合计",
            "合计",
            "合计",
            money(tot2[0]),
            money(tot2[1]),
            pct(tot2[1], tot2[0], 1),
            pct(tot2[1], tot2[1]),
            money(tot2[2]),
            money(tot2[1] - tot2[2]),
            "",
        ]
    )
    spans2.append((len(rows2) - 1, 0, len(rows2) - 1, 2))

    # ---- 附件3
    cols3 = [
        ["一级指标"],
        ["二级指标"],
        ["三级指标"],
        ["年度指标值"],
        ["实际完成值"],
        ["分值"],
        ["得分"],
        ["偏差原因分析"],
    ]
    rate_total = rows1[-1][10]
    score_rate = rnd(Decimal(10) * num(rate_total) / 100, 2)
    rows3 = []
    for l1, l2, l3, target, actual, w, s, why in TARGETS:
        if actual is None:
            actual, s = rate_total, f"{score_rate}"
        rows3.append([l1, l2, l3, target, actual, w, s, why])
    spans3 = []
    for c in (0, 1):
        keys = ["|".join(r[: c + 1]) for r in rows3]
        spans3 += [(a, c, b, c) for a, b in _runs(keys) if b > a]
    W = sum(num(r[5]) for r in rows3)
    SC = sum(num(r[6]) for r in rows3)
    rows3.append(["合计"] * 5 + [f"{W.normalize():f}", f"{SC:.2f}", ""])
    spans3.append((len(rows3) - 1, 0, len(rows3) - 1, 4))
    lvl1 = {}
    for r in rows3[:-1]:
        w, s = lvl1.get(r[0], (Decimal(0), Decimal(0)))
        lvl1[r[0]] = (w + num(r[5]), s + num(r[6]))

    # ---- prose
    w2 = lambda fen: money(wan(fen))  # noqa: E731  元 -> 万元 as printed in the prose
    low = min((r for r in rows2[:-1]), key=lambda r: num(r[5]))
    unit_rates = [(num(r[10]), r[1]) for r in rows1[:-1]]
    low_unit = min(unit_rates)
    full = sum(1 for r in rows1[:-1] if r[10] == "100.00%")
    lv = {k: (f"{w.normalize():f}", f"{s:.2f}") for k, (w, s) in lvl1.items()}
    body = [
        (
            "p",
            "根据《陕西省财政厅关于开展2022年度省级部门预算绩效自评工作的通知》要求，我委对2022年度部门整体支出及所属单位"
            "预算执行情况开展了绩效自评，现将自评情况报告如下：",
        ),
        ("h", "一、部门基本情况"),
        (
            "p",
            f"陕西省卫生健康委员会是省政府组成部门，内设处室21个，纳入2022年度部门预算编报范围的所属单位{len(UNITS) - 1}个，"
            "包括省级医疗机构、公共卫生机构、学术团体和其他事业单位。部门主要职责是组织拟订全省卫生健康政策和规划，"
            "统筹规划卫生健康资源配置，制定并组织实施疾病预防控制规划，推进医药卫生体制改革和公立医院综合改革等。",
        ),
        (
            "p",
            "2022年，我委坚持以人民健康为中心，统筹推进疫情防控和卫生健康事业发展，持续深化医药卫生体制改革，"
            "推动优质医疗资源扩容和区域均衡布局，全面加强公共卫生体系建设，巩固拓展健康扶贫成果同乡村振兴有效衔接。"
            "全年围绕“强基层、补短板、建机制”的工作思路，重点实施基本公共卫生服务、重大传染病防控、县级医院能力提升、"
            "区域医疗中心建设、中医药传承创新、妇幼健康保障、卫生人才培养和紧急医学救援等项目。",
        ),
        (
            "p",
            "在预算绩效管理方面，我委制定了《部门预算绩效管理实施细则》和《专项资金绩效目标管理办法》，将绩效目标设定作为"
            "预算编制的前置条件，对项目实施进度和绩效目标实现程度开展“双监控”，全年开展绩效运行监控两次，"
            "对监控中发现的执行进度偏慢、目标偏离等问题及时督促整改，并将监控结果作为调整预算的依据。",
        ),
        ("h", "二、部门预算安排及执行情况"),
        (
            "p",
            f"2022年度，我委部门预算（含所属单位）共安排{w2(TB)}万元，其中：基本支出{w2(BB)}万元，占比{pct(BB, TB)}；"
            f"项目支出{w2(PB)}万元，占比{pct(PB, TB)}。截至2022年12月31日，部门预算执行{w2(TE)}万元，"
            f"预算执行率{pct(TE, TB)}，其中基本支出执行{w2(BE)}万元，执行率{pct(BE, BB)}；项目支出执行{w2(PE)}万元，"
            f"执行率{pct(PE, PB)}（详见附件1）。{len(UNITS)}个预算单位中，预算执行率达到100%的{full}个，"
            f"执行率最低的为{low_unit[1]}，执行率{low_unit[0]}%。",
        ),
        (
            "p",
            f"2022年度，省级卫生健康专项资金安排{len(PROJECTS)}类{n_items}个项目，预算{money(tot2[0])}万元，执行{money(tot2[1])}万元，"
            f"执行率{pct(tot2[1], tot2[0], 1)}，较上年增加{money(tot2[1] - tot2[2])}万元（详见附件2）。",
        ),
        ("h", "三、绩效自评工作开展情况"),
        (
            "p",
            "我委成立了由委主要负责同志任组长的绩效自评工作领导小组，财务处牵头，各业务处室和所属单位具体实施。自评工作按照"
            "“单位自评、处室审核、委内复核”的程序开展，对照年初设定的绩效目标，逐项核实年度指标完成情况，收集整理佐证资料，"
            "并对偏差较大的指标分析原因、提出改进措施。所属单位自评报告和佐证材料已全部归档备查。",
        ),
        ("h", "四、绩效目标完成情况及自评结论"),
        (
            "p",
            f"经自评，我委2022年度部门整体支出绩效自评得分{rows3[-1][6]}分，自评等级为“优”。其中：预算执行率分值{lv['预算执行'][0]}分，"
            f"得分{lv['预算执行'][1]}分；产出指标分值{lv['产出指标'][0]}分，得分{lv['产出指标'][1]}分；"
            f"效益指标分值{lv['效益指标'][0]}分，得分{lv['效益指标'][1]}分；满意度指标分值{lv['满意度指标'][0]}分，"
            f"得分{lv['满意度指标'][1]}分（详见附件3）。",
        ),
        (
            "p",
            "（一）产出方面。全年完成国家基本公共卫生服务项目12项，招收住院医师规范化培训学员1862人，适龄儿童免疫规划疫苗接种率"
            "达到96.8%，孕产妇系统管理率达到93.52%。订单定向医学生实际培养486人，未达到年度目标。",
        ),
        (
            "p",
            "（二）效益方面。县域内就诊率达到91.2%，孕产妇死亡率下降至8.6/10万，婴儿死亡率下降至3.1‰，主要健康指标优于全国平均水平。"
            "区域医疗中心建设稳步推进，已覆盖9个设区市。",
        ),
        (
            "p",
            "（三）重点工作方面。全年新增国家区域医疗中心建设项目2个，县级医院综合能力全面提升工程覆盖县（市、区）58个，"
            "二级以上公立医院全部接入全民健康信息平台，远程医疗服务覆盖所有县级医院和乡镇卫生院。完成基层医疗卫生机构"
            "标准化建设1260个，乡镇卫生院和社区卫生服务中心中医馆覆盖率分别达到98.1%和96.4%。",
        ),
        (
            "p",
            "（四）满意度方面。第三方调查显示，患者满意度92.6%，医务人员满意度83.4%，医务人员满意度未达到年度目标。",
        ),
        ("h", "五、存在的问题"),
        (
            "p",
            f"一是个别项目预算执行偏慢。{low[1]}项目预算{low[3]}万元，执行{low[4]}万元，执行率仅{low[5]}，主要原因是基地建设"
            "涉及土地、规划等前置审批，工程招标延迟。二是部分单位预算编制不够精准，年中调整较多。三是个别绩效指标设置不够科学，"
            "医务人员满意度等指标受薪酬制度改革进度影响较大。",
        ),
        ("h", "六、下一步改进措施"),
        (
            "p",
            "一是加强预算执行监控，按月通报执行进度，对执行偏慢的项目及时约谈、督促整改。二是提高预算编制质量，"
            "严格按照项目储备和前期工作进度编制预算。三是完善绩效指标体系，强化自评结果应用，将自评结果作为以后年度预算安排的重要依据。",
        ),
    ]
    annex_list = [
        "附件：1. 委属单位预算执行情况表",
        "2. 卫生健康专项资金项目支出明细表",
        "3. 部门整体支出绩效目标完成情况表",
    ]

    table1 = dict(
        label="附件1",
        title="陕西省卫生健康委员会2022年度委属单位预算执行情况表",
        unit_line="单位：元",
        unit="元",
        orientation="landscape",
        font_size=7,
        row_h=17.5,
        columns=cols1,
        rows=rows1,
        spans=spans1,
    )
    table2 = dict(
        label="附件2",
        title="2022年度省级卫生健康专项资金项目支出明细表",
        unit_line="金额单位：万元",
        unit="万元",
        orientation="portrait",
        font_size=7.5,
        row_h=19,
        columns=cols2,
        rows=rows2,
        spans=spans2,
    )
    table3 = dict(
        label="附件3",
        title="2022年度部门整体支出绩效目标完成情况表",
        unit_line=None,
        unit=None,
        orientation="landscape",
        font_size=8.5,
        row_h=21,
        columns=cols3,
        rows=rows3,
        spans=spans3,
        align={3: "c", 4: "c"},
    )
    return dict(
        pdf=f"{NAME}.pdf",
        generator="samples/make_formats.py",
        head=dict(
            org="陕西省卫生健康委员会",
            docno="陕卫财函〔2023〕58号",
            title=["陕西省卫生健康委员会", "2022年度部门整体支出绩效自评报告"],
            salute="省财政厅：",
        ),
        body=body,
        annex_list=annex_list,
        sign=["陕西省卫生健康委员会", "2023年4月26日"],
        tables=[table1, table2, table3],
    )


# --------------------------------------------------------------------------- checks


def check(data: dict) -> None:
    t1, t2, t3 = data["tables"]
    r1 = t1["rows"]

    def rate_ok(n: str, d: str, printed: str, places: int) -> bool:
        if num(d) == 0:
            return printed == "/"
        return printed == f"{rnd(num(n) * 100 / num(d), places)}%"

    for r in r1:
        assert num(r[2]) + num(r[5]) == num(r[8]) and num(r[3]) + num(r[6]) == num(r[9]), r
        for b in (2, 5, 8):
            assert rate_ok(r[b + 1], r[b], r[b + 2], 2), (r, b)
    for j in (2, 3, 5, 6, 8, 9):
        assert sum(num(r[j]) for r in r1[:-1]) == num(r1[-1][j]), j
    r2 = t2["rows"]
    for r in r2:
        assert rate_ok(r[4], r[3], r[5], 1), r
        assert rate_ok(r[4], r2[-1][4], r[6], 2), r  # 占比 of the 合计 执行数
        assert num(r[4]) - num(r[7]) == num(r[8]), r
    for j in (3, 4, 7, 8):
        assert sum(num(r[j]) for r in r2[:-1]) == num(r2[-1][j]), j
    assert abs(sum(num(r[6]) for r in r2[:-1]) - 100) <= Decimal("0.005") * (len(r2) - 1)
    r3 = t3["rows"]
    for r in r3[:-1]:
        assert num(r[6]) <= num(r[5]), r
    assert sum(num(r[5]) for r in r3[:-1]) == num(r3[-1][5]) == 100
    assert sum(num(r[6]) for r in r3[:-1]) == num(r3[-1][6])
    assert r3[0][4] == r1[-1][10]
    assert num(r3[0][6]) == rnd(10 * num(r1[-1][10]) / 100, 2)
    # spans cover equal text
    for t in data["tables"]:
        for a, c0, b, c1 in t["spans"]:
            vals = {t["rows"][i][j] for i in range(a, b + 1) for j in range(c0, c1 + 1)}
            assert len(vals) == 1, (t["title"], a, c0, vals)
    # prose
    prose = "".join(t for _, t in data["body"])
    tot = r1[-1]
    wan_ = lambda s: f"{rnd(num(s) / 10000, 2):,.2f}"  # noqa: E731
    assert f"共安排{wan_(tot[8])}万元，其中：基本支出{wan_(tot[2])}万元" in prose
    assert f"部门预算执行{wan_(tot[9])}万元，预算执行率{tot[10]}" in prose
    assert f"项目支出执行{wan_(tot[6])}万元，执行率{tot[7]}" in prose
    shares = [Decimal(x) for x in re.findall(r"占比(\d+\.\d\d)%", prose)]
    assert abs(sum(shares) - 100) <= Decimal("0.01"), shares
    assert f"预算{r2[-1][3]}万元，执行{r2[-1][4]}万元，执行率{r2[-1][5]}" in prose
    assert f"自评得分{r3[-1][6]}分" in prose
    scores = re.findall(r"分值([\d.]+)分，\s*得分([\d.]+)分", prose)
    assert sum(Decimal(w) for w, _ in scores) == 100 and sum(Decimal(s) for _, s in scores) == num(
        r3[-1][6]
    )


# --------------------------------------------------------------------------- rendering


from sample_pdf import Doc, _font, _header_cells, render_body, sw, wrap  # noqa: E402, F401

NUMBER = re.compile(r"-?[\d,]+(\.\d+)?[%‰]?")


def render_ruled(doc: Doc, t: dict) -> list[int]:
    """Draw one fully ruled table; over several pages the header is repeated identically."""
    fs, rh = t["font_size"], t["row_h"]
    gap = 8.0
    cols, rows = t["columns"], t["rows"]
    ncol = len(cols)
    span_of: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for sp in t["spans"]:
        a, c0, b, c1 = sp
        for i in range(a, b + 1):
            for j in range(c0, c1 + 1):
                span_of[(i, j)] = sp
    numeric = [sum(bool(NUMBER.fullmatch(r[j])) for r in rows) > len(rows) / 2 for j in range(ncol)]
    widths = []
    for j in range(ncol):
        cand = [
            sw(r[j], fs)
            for i, r in enumerate(rows)
            if (i, j) not in span_of or span_of[(i, j)][1] == span_of[(i, j)][3]
        ]
        widths.append(max(cand + [2 * fs]) + gap)
    depth, hcells = _header_cells(cols)
    hh = rh
    hlines: dict = {}
    for cell in hcells:
        lvl, l2, j0, j1, text, _kids = cell
        have = sum(widths[j0 : j1 + 1])
        need = sw(text, fs) + gap
        if need <= have:
            hlines[cell] = [text]
        elif l2 > lvl and j0 == j1:  # a leaf spanning header rows wraps inside its column
            lines = wrap(text, fs, max(have - gap, 4 * fs), 0)
            hlines[cell] = lines
            widths[j0] = max(widths[j0], max(sw(s, fs) for s in lines) + gap)
        else:
            widths[j1] += need - have
            hlines[cell] = [text]
    doc.new_page(t["orientation"])
    pw, ph = doc.size
    total_w = sum(widths)
    assert total_w <= pw - 60, (t["title"], total_w)
    x = [(pw - total_w) / 2]
    for wdt in widths:
        x.append(x[-1] + wdt)
    pages = [doc.page]
    y = ph - 50
    doc.text(x[0], y, t["label"], 11)
    y -= 26
    doc.text(pw / 2, y, t["title"], 14, "c")
    y -= 18
    if t.get("unit_line"):
        doc.text(x[-1], y, t["unit_line"], 9, "r")
    y -= 6
    doc.c.setLineWidth(0.6)

    def box(
        x0: float, ytop: float, x1: float, ybot: float, lines: list[str], align: str, text: str
    ) -> None:
        doc.c.rect(x0, ybot, x1 - x0, ytop - ybot, stroke=1, fill=0)
        n = len(lines)
        first = (ytop + ybot) / 2 + (n - 1) * fs * 0.6 - fs * 0.35
        for k, s in enumerate(lines):
            yy = first - k * fs * 1.2
            if align == "r":
                doc.text(x1 - gap / 2, yy, s, fs, "r")
            elif align == "c":
                doc.text((x0 + x1) / 2, yy, s, fs, "c")
            else:
                doc.text(x0 + gap / 2, yy, s, fs, "l")
        if text:
            doc.cells.append((doc.page, (x0, ph - ytop, x1, ph - ybot), text))

    def header(ytop: float) -> float:
        for cell in hcells:
            lvl, l2, j0, j1, text, _kids = cell
            box(x[j0], ytop - lvl * hh, x[j1 + 1], ytop - (l2 + 1) * hh, hlines[cell], "c", text)
        return ytop - depth * hh

    # page breaks: fill the page, never inside a vertical span
    bottom = 50
    breaks, yy = [], y - depth * hh
    i = 0
    while i < len(rows):
        if yy - rh < bottom:
            a = min((span_of[(i, j)][0] for j in range(ncol) if (i, j) in span_of), default=i)
            i = a if a > (breaks[-1] if breaks else 0) else i
            breaks.append(i)
            yy = ph - 50 - depth * hh
        yy -= rh
        i += 1
    breaks.append(len(rows))

    y = header(y)
    start = 0
    for bi, stop in enumerate(breaks):
        if bi > 0:
            doc.new_page(t["orientation"])
            doc.c.setLineWidth(0.6)
            pages.append(doc.page)
            y = header(ph - 50)
        for i in range(start, stop):
            r = rows[i]
            for j, s in enumerate(r):
                sp = span_of.get((i, j))
                if sp and (sp[0], sp[1]) != (i, j):
                    continue
                if sp:
                    a, c0, b, c1 = sp
                    box(x[c0], y, x[c1 + 1], y - (b - a + 1) * rh, [s], "c", s)
                    continue
                align = (
                    "c" if s in ("-", "/") else ("r" if numeric[j] and NUMBER.fullmatch(s) else "l")
                )
                align = t.get("align", {}).get(j, align)
                box(x[j], y, x[j + 1], y - rh, [s] if s else [], align, s)
            y -= rh
        start = stop
    return pages


def build(data: dict, out_pdf: str | Path) -> dict:
    """Render the model exactly as given; return the truth (samples/README.md contract)."""
    out_pdf = Path(out_pdf)
    doc = Doc(out_pdf)
    render_body(doc, data)
    tables = []
    for t in data["tables"]:
        pages = render_ruled(doc, t)
        title = re.sub(r"\s+", "", t["title"])
        tables.append(
            dict(
                title=f"{t['label']} {title}" if t.get("label") else title,
                unit=t["unit"],
                pages=pages,
                columns=[list(p) for p in t["columns"]],
                rows=[list(r) for r in t["rows"]],
            )
        )
    doc.save()
    build.cells = doc.cells  # for verification scripts
    return dict(pdf=out_pdf.name, generator=data["generator"], pages=doc.page, tables=tables)


def main(argv: list[str] | None = None) -> int:
    data = make_data()
    check(data)
    pdf = HERE / data["pdf"]
    truth = build(copy.deepcopy(data), pdf)
    (HERE / f"{NAME}.truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {pdf} ({truth['pages']} pages, {len(truth['tables'])} tables)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
