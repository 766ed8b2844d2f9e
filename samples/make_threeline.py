"""Sample report with THREE-LINE annex tables (三线表): jiangxi-agri-2023.pdf.

An invented department (江西省农业农村厅) reports on an invented special fund
(2023年度省级农业发展专项资金).  The document has 3 A4 pages of prose whose numeric
claims agree with the annexes, then three annex tables drawn booktabs-style: a thick
top rule, a thin rule under the header, a thick bottom rule, short thin rules under
group headers (\\cmidrule) and no vertical rules at all.

  附件1 资金使用结构明细表   landscape, 42 project rows + 合计, 3 pages; the two
                            continuation pages have no header and no 续表 marker
  附件2 现场评价明细表       landscape, 2 pages; region 小计 rows carry the region name
                            in the first column, their county rows leave it empty;
                            the continuation page has a `续表` line and no header
  附件3 绩效评价指标评分表   portrait, one page; 一级/二级/三级 rows with level sums;
                            two 一级 cells wrap onto a second line

Structure: ``make_data()`` computes base values, derives every printed string and
returns the document model (prose + tables, all strings as printed); ``check(data)``
asserts the arithmetic of that model; ``build(data, out_pdf)`` renders the model as is
(no recomputation) and returns the truth.  A "dirty twin" is
``d = make_data(); <edit one printed string in d>; build(d, path)``.

Run: ``python samples/make_threeline.py`` (writes the PDF and truth next to itself).
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
NAME = "jiangxi-agri-2023"
FONT = "WQYMicroHei"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


# --------------------------------------------------------------------------- numbers


def money(c: int, sep: bool = False) -> str:
    """Integer hundredths -> '1234.56' (or '1,234.56')."""
    sign = "-" if c < 0 else ""
    c = abs(c)
    whole = f"{c // 100:,}" if sep else str(c // 100)
    return f"{sign}{whole}.{c % 100:02d}"


def pct(num: int, den: int) -> str:
    """num/den as a percent with 2 decimals, half-up: '95.54%'."""
    q = (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{q}%"


def num(s: str) -> Decimal:
    return Decimal(s.replace(",", "").rstrip("%")) if s not in ("", "/", "-") else Decimal(0)


# --------------------------------------------------------------------------- data

DIRECTIONS = {
    "A": "粮油生产与种业振兴",
    "B": "畜牧水产发展",
    "C": "农田建设与农机装备",
    "D": "农产品质量与市场体系",
    "E": "乡村建设与农村改革",
}

CATEGORIES = [
    "种苗农资费",
    "工程施工费",
    "技术服务费",
    "检验检测费",
    "补助奖励",
    "宣传推广费",
    "其他支出",
]

# category weight profile per direction (0 = never used)
PROFILES = {
    "A": [6, 1, 3, 1, 4, 1, 1],
    "B": [3, 2, 3, 2, 4, 1, 1],
    "C": [1, 7, 2, 1, 4, 0, 1],
    "D": [0, 1, 4, 5, 2, 3, 1],
    "E": [0, 4, 3, 0, 5, 2, 1],
}

# name, unit, direction, level (省本级 / 市县), 专项资金 (万元), 自筹资金 (万元)
PROJECTS = [
    ("水稻绿色高质高效创建", "种植业管理处", "A", "市县", 1860, 0),
    ("油菜扩种增效示范", "种植业管理处", "A", "市县", 1240, 120),
    ("耕地质量提升监测", "耕地质量建设处", "A", "省本级", 386, 0),
    ("农作物病虫害统防统治", "植物保护检疫处", "A", "市县", 975, 0),
    ("农业种质资源普查保护", "种业发展处", "A", "省本级", 428, 0),
    ("良种繁育基地建设", "种业发展处", "A", "市县", 1520, 260),
    ("再生稻集成技术推广", "省农业技术推广中心", "A", "市县", 690, 0),
    ("化肥农药减量增效", "省农业技术推广中心", "A", "市县", 735, 45),
    ("农业防灾减灾救灾", "种植业管理处", "A", "市县", 1150, 0),
    ("生猪产能调控", "畜牧兽医处", "B", "市县", 1380, 0),
    ("动物疫病强制免疫", "畜牧兽医处", "B", "市县", 2260, 0),
    ("草食畜牧业提质增效", "畜牧兽医处", "B", "市县", 640, 80),
    ("稻渔综合种养示范", "渔业渔政处", "B", "市县", 870, 0),
    ("禁捕退捕执法保障", "渔业渔政处", "B", "省本级", 552, 0),
    ("水产良种场改造", "省水产技术推广站", "B", "市县", 480, 60),
    ("兽药饲料质量监测", "省畜牧兽医局", "B", "省本级", 315, 0),
    ("高标准农田建后管护", "农田建设管理处", "C", "市县", 2840, 0),
    ("农田灌排设施修复", "农田建设管理处", "C", "市县", 1960, 350),
    ("农机购置应用补贴配套", "农业机械化处", "C", "市县", 2450, 0),
    ("丘陵山区农机化示范", "农业机械化处", "C", "市县", 760, 0),
    ("农机安全监理", "省农机安全监理站", "C", "省本级", 184, 0),
    ("设施农业提升", "发展规划处", "C", "市县", 1330, 200),
    ("农产品质量安全例行监测", "农产品质量安全监管处", "D", "省本级", 690, 0),
    ("承诺达标合格证推行", "农产品质量安全监管处", "D", "市县", 410, 0),
    ("绿色有机地标认证奖补", "省绿色食品发展中心", "D", "市县", 560, 0),
    ("赣鄱农品品牌推广", "市场与信息化处", "D", "省本级", 820, 100),
    ("农业展会与产销对接", "市场与信息化处", "D", "省本级", 465, 0),
    ("数字农业平台运维", "省农业农村数据中心", "D", "省本级", 378, 0),
    ("产地冷链集配中心建设", "市场与信息化处", "D", "市县", 1280, 400),
    ("农业综合执法能力建设", "农业综合行政执法监督局", "D", "市县", 536, 0),
    ("农村人居环境整治", "农村社会事业促进处", "E", "市县", 1750, 0),
    ("农村厕所整村推进", "农村社会事业促进处", "E", "市县", 1420, 0),
    ("和美乡村示范点建设", "乡村建设指导处", "E", "市县", 2100, 300),
    ("村级集体经济发展扶持", "农村合作经济指导处", "E", "市县", 1500, 0),
    ("农民合作社质量提升", "农村合作经济指导处", "E", "市县", 585, 0),
    ("家庭农场培育", "农村合作经济指导处", "E", "市县", 430, 0),
    ("高素质农民培育", "科技教育处", "E", "市县", 1260, 0),
    ("农业科技成果转化", "科技教育处", "E", "省本级", 600, 0),
    ("宅基地制度改革试点", "政策与改革处", "E", "市县", 350, 0),
    ("乡村产业融合发展", "乡村产业发展处", "E", "市县", 1650, 150),
    ("休闲农业推介", "乡村产业发展处", "E", "省本级", 240, 0),
    ("项目绩效评价", "计划财务处", "E", "省本级", 125, 0),
]

LOW_RATE_PROJECT = "农业科技成果转化"  # multi-year project, quoted in the prose

# sampled sub-projects for 附件2: annex-1 name -> abbreviated header in 附件2
SAMPLED = [
    ("水稻绿色高质高效创建", "水稻高质高效"),
    ("农作物病虫害统防统治", "病虫统防统治"),
    ("良种繁育基地建设", "良种繁育基地"),
    ("动物疫病强制免疫", "强制免疫"),
    ("稻渔综合种养示范", "稻渔综合种养"),
    ("高标准农田建后管护", "高标农田管护"),
    ("农机购置应用补贴配套", "农机补贴配套"),
    ("农村人居环境整治", "人居环境整治"),
    ("和美乡村示范点建设", "和美乡村"),
    ("高素质农民培育", "高素质农民"),
]

PROVINCE_UNITS = ["省农业技术推广中心", "省畜牧兽医局"]
REGIONS = [
    ("赣州市", ["赣县区", "于都县", "兴国县", "瑞金市", "会昌县", "信丰县"]),
    ("吉安市", ["吉水县", "泰和县", "永丰县", "万安县"]),
    ("上饶市", ["鄱阳县", "余干县", "万年县", "婺源县", "弋阳县"]),
    ("宜春市", ["丰城市", "樟树市", "高安市", "上高县"]),
    ("九江市", ["都昌县", "永修县", "修水县"]),
]

# 评分表: (一级, [(二级, [(三级, 分值, 得分 in hundredths, 扣分原因)])])
SCORES = [
    (
        "决策",
        [
            (
                "项目立项",
                [("立项依据充分性", 3, 300, ""), ("立项程序规范性", 3, 250, "未建立项目储备库")],
            ),
            (
                "绩效目标",
                [("绩效目标合理性", 3, 300, ""), ("绩效指标明确性", 3, 260, "部分指标不可衡量")],
            ),
            (
                "资金投入",
                [("预算编制科学性", 4, 400, ""), ("资金分配合理性", 4, 320, "部分资金分配偏散")],
            ),
        ],
    ),
    (
        "过程",
        [
            (
                "资金管理",
                [
                    ("资金到位率", 3, 300, ""),
                    ("预算执行率", 4, 360, "个别项目执行率偏低"),
                    ("资金使用合规性", 5, 450, "个别单位列支不规范"),
                ],
            ),
            (
                "组织实施",
                [("管理制度健全性", 3, 300, ""), ("制度执行有效性", 5, 440, "个别项目进度滞后")],
            ),
        ],
    ),
    (
        "产出",
        [
            ("产出数量", [("任务完成率", 10, 920, "两项指标未完成")]),
            ("产出质量", [("质量达标率", 10, 1000, "")]),
            ("产出时效", [("完成及时性", 8, 700, "个别县区验收延迟")]),
            ("产出成本", [("成本控制情况", 7, 700, "")]),
        ],
    ),
    (
        "效益",
        [
            (
                "项目效益",
                [
                    ("经济效益", 5, 500, ""),
                    ("社会效益", 5, 500, ""),
                    ("生态效益", 5, 460, "秸秆还田面积不足"),
                    ("可持续影响", 5, 500, ""),
                ],
            ),
            ("满意度", [("受益对象满意度", 5, 475, "满意度95%")]),
        ],
    ),
]
# 一级 labels as printed: the long ones wrap onto two lines in a narrow column
LEVEL1_PRINTED = {
    "决策": "项目决策",
    "过程": "项目过程",
    "产出": "项目产出及实施效果",
    "效益": "项目效益及满意度",
}


def _split(total: int, weights: list[int], rng: random.Random) -> list[int]:
    """Split total (hundredths) over the non-zero weights; exact by construction."""
    idx = [i for i, w in enumerate(weights) if w]
    k = rng.randint(min(3, len(idx)), len(idx))
    chosen = sorted(rng.sample(idx, k))
    ws = [weights[i] * rng.uniform(0.4, 1.6) for i in chosen]
    parts = [int(total * w / sum(ws)) for w in ws]
    parts[-1] += total - sum(parts)
    out = [0] * len(weights)
    for i, p in zip(chosen, parts, strict=False):
        out[i] = p
    return out


def make_data() -> dict:
    rng = random.Random(20240315)
    # ---- 附件1: base values in hundredths of 万元
    base = []
    for name, unit, d, level, zx, zc in PROJECTS:
        dw = (zx + zc) * 100
        if name == LOW_RATE_PROJECT:
            rate = 0.5237
        else:
            rate = rng.choice([1.0, 1.0, 1.0, rng.uniform(0.86, 0.999), rng.uniform(0.93, 0.999)])
        spent = round(dw * rate)
        cats = _split(spent, PROFILES[d], rng)
        base.append(
            dict(
                name=name,
                unit=unit,
                dir=d,
                level=level,
                zx=zx * 100,
                zc=zc * 100,
                dw=dw,
                spent=spent,
                cats=cats,
            )
        )

    cols1 = (
        [["项目名称"], ["单位名称"]]
        + [["资金到位情况", s] for s in ("专项资金", "自筹资金", "合计")]
        + [["资金使用（支出）情况", c] for c in CATEGORIES]
        + [["支出合计"], ["执行率"]]
    )
    rows1 = []
    for b in base:
        rows1.append(
            [b["name"], b["unit"], money(b["zx"]), money(b["zc"]), money(b["dw"])]
            + [money(v) if v else "" for v in b["cats"]]
            + [money(b["spent"]), pct(b["spent"], b["dw"])]
        )
    T = {k: sum(b[k] for b in base) for k in ("zx", "zc", "dw", "spent")}
    tcats = [sum(b["cats"][i] for b in base) for i in range(len(CATEGORIES))]
    rows1.append(
        ["合计", "", money(T["zx"]), money(T["zc"]), money(T["dw"])]
        + [money(v) for v in tcats]
        + [money(T["spent"]), pct(T["spent"], T["dw"])]
    )

    # ---- 附件2: sampled amounts (hundredths), per unit and sampled project
    alloc = {b["name"]: b["zx"] for b in base}
    units = [("省本级", u) for u in PROVINCE_UNITS]
    for city, counties in REGIONS:
        units += [(city, c) for c in counties]
    amounts = {u: [0] * len(SAMPLED) for u in units}
    for j, (pname, _) in enumerate(SAMPLED):
        budget = int(
            alloc[pname] * rng.uniform(0.30, 0.55)
        )  # sample at most ~half of the allocation
        takers = rng.sample(units, rng.randint(5, 9))
        for u in takers:
            amounts[u][j] = rng.randint(4, 60) * 500  # 20.00 .. 300.00 万元 in steps of 5
        if j == len(SAMPLED) - 1:  # every evaluated unit has at least one sampled project
            for u in units:
                if not any(amounts[u]):
                    amounts[u][j] = rng.randint(4, 30) * 500
        # scale down if needed so the column never exceeds what annex 1 allocated
        col = sum(amounts[u][j] for u in units)
        if col > budget:
            for u in units:
                amounts[u][j] = amounts[u][j] * budget // col // 50 * 50  # multiples of 0.5 万元

    def line(vals, blank_zero):
        return [("" if (blank_zero and v == 0) else money(v)) for v in vals]

    cols2 = [["地区"], ["被评价单位"], ["合计"]] + [["抽查项目", ab] for _, ab in SAMPLED]
    rows2, kinds2 = [], []
    grand = [0] * len(SAMPLED)
    for u in units[: len(PROVINCE_UNITS)]:
        v = amounts[u]
        rows2.append(["省本级", u[1], money(sum(v))] + line(v, True))
        kinds2.append("unit")
        grand = [g + x for g, x in zip(grand, v, strict=False)]
    for city, counties in REGIONS:
        sub = [sum(amounts[(city, c)][j] for c in counties) for j in range(len(SAMPLED))]
        rows2.append([city, "小计", money(sum(sub))] + line(sub, False))
        kinds2.append("subtotal")
        for c in counties:
            v = amounts[(city, c)]
            rows2.append(["", c, money(sum(v))] + line(v, True))
            kinds2.append("unit")
        grand = [g + x for g, x in zip(grand, sub, strict=False)]
    rows2.append(["合计", "", money(sum(grand))] + line(grand, False))
    kinds2.append("total")
    sampled_total = sum(grand)

    # ---- 附件3
    cols3 = [["一级指标"], ["二级指标"], ["三级指标"], ["分值"], ["得分"], ["扣分原因"]]
    rows3, kinds3 = [], []
    lvl1 = []
    for l1, l2s in SCORES:
        w1 = sum(w for _, l3s in l2s for _, w, _, _ in l3s)
        s1 = sum(s for _, l3s in l2s for _, _, s, _ in l3s)
        lvl1.append((l1, w1, s1))
        rows3.append([LEVEL1_PRINTED[l1], "", "", str(w1), money(s1), ""])
        kinds3.append("level1")
        for l2, l3s in l2s:
            w2 = sum(w for _, w, _, _ in l3s)
            s2 = sum(s for _, _, s, _ in l3s)
            rows3.append(["", l2, "", str(w2), money(s2), ""])
            kinds3.append("level2")
            for l3, w, s, why in l3s:
                rows3.append(["", "", l3, str(w), money(s), why])
                kinds3.append("level3")
    W = sum(w for _, w, _ in lvl1)
    S = sum(s for _, _, s in lvl1)
    rows3.append(["合计", "", "", str(W), money(S), ""])
    kinds3.append("total")

    # ---- prose claims
    sep = lambda c: money(c, sep=True)  # noqa: E731
    prov = sum(b["zx"] for b in base if b["level"] == "省本级")
    county = T["zx"] - prov
    by_dir = {d: sum(b["zx"] for b in base if b["dir"] == d) for d in DIRECTIONS}
    low = next(b for b in base if b["name"] == LOW_RATE_PROJECT)
    n_proj, n_sampled = len(base), len(SAMPLED)
    n_county = sum(len(c) for _, c in REGIONS)
    dir_text = "；".join(
        f"{DIRECTIONS[d]}{sep(v)}万元，占比{pct(v, T['zx'])}" for d, v in by_dir.items()
    )
    zc_units = sum(1 for b in base if b["zc"])
    l1 = {k: (w, s) for k, w, s in lvl1}
    grade = "优" if S >= 9000 else "良"
    weakest = [r for r in rows1[:-1] if num(r[-1]) < 95]

    body = [
        (
            "p",
            "为加强财政资金绩效管理，提高财政资金使用效益，根据《江西省财政厅关于开展2023年度省级预算部门绩效自评和部门评价工作的通知》要求，我厅组织开展了2023年度省级农业发展专项资金部门评价，现将有关情况报告如下：",
        ),
        ("h", "一、基本情况"),
        ("h", "（一）专项资金安排情况"),
        (
            "p",
            f"2023年度，省财政共安排省级农业发展专项资金共计{sep(T['zx'])}万元，其中：省本级使用{sep(prov)}万元，"
            f"占比{pct(prov, T['zx'])}；转移支付市县{sep(county)}万元，占比{pct(county, T['zx'])}。"
            f"按照支出方向，资金分为{len(DIRECTIONS)}大类，其中：{dir_text}。",
        ),
        ("h", "（二）专项资金到位和执行情况"),
        (
            "p",
            f"截至2023年12月31日，专项资金及项目单位自筹资金实际到位{sep(T['dw'])}万元，资金到位率100%，"
            f"其中专项资金{sep(T['zx'])}万元，{zc_units}个项目单位配套自筹资金{sep(T['zc'])}万元；"
            f"已支出资金{sep(T['spent'])}万元，资金执行率{pct(T['spent'], T['dw'])}（详见附件1）。"
            f"从支出结构看，补助奖励{sep(tcats[4])}万元，占支出合计的{pct(tcats[4], T['spent'])}；"
            f"工程施工费{sep(tcats[1])}万元，占支出合计的{pct(tcats[1], T['spent'])}。",
        ),
        ("h", "二、绩效评价工作情况"),
        (
            "p",
            "我厅成立了由分管厅领导任组长、计划财务处和各业务处室负责同志参加的绩效评价工作小组，制定了专项资金绩效评价工作方案和评分细则，"
            "组织各设区市、县（市、区）农业农村部门和厅属项目单位开展自评，并委托第三方机构对项目实施单位开展独立评价。"
            "评价采取资料审核与现场核查相结合的方式，一是对资金分配、拨付、使用和管理的有关资料对照政策依据进行集中审核，"
            "二是深入田间地头、项目现场实地查看，走访种养大户、合作社和农户，核实项目建设内容和绩效目标完成情况。",
        ),
        (
            "p",
            f"2023年省级农业发展专项资金共{n_proj}个子项目，现场评价小组本次共抽取了{n_sampled}个子项目、涉及资金{sep(sampled_total)}万元，"
            f"项目数占项目总数的{pct(n_sampled, n_proj)}，抽查资金占专项资金总额的{pct(sampled_total, T['zx'])}，"
            f"现场评价覆盖{len(REGIONS)}个设区市、{n_county}个县（市、区）和{len(PROVINCE_UNITS)}个省直项目单位，详见现场评价明细表（附件2）。"
            "根据现场评价了解的情况及相关资料的分析，评价小组按评分标准对指标逐一评价计分，形成本报告。",
        ),
        ("h", "三、综合评价结论及指标分析"),
        (
            "p",
            f"评价小组根据评价指标体系及评分标准，对2023年度省级农业发展专项资金进行评价分析，得出评价结论：专项资金立项依据充分，"
            f"资金分配总体合理，项目实施管理较为规范，较好地实现了年度绩效目标。本项目绩效评价最终得分为{money(S)}分，绩效评价结果为“{grade}”。"
            f"其中：项目决策分值{l1['决策'][0]}分，评价得分{money(l1['决策'][1])}分，主要扣分原因是未建立项目储备库、部分绩效指标不够细化；"
            f"项目过程分值{l1['过程'][0]}分，评价得分{money(l1['过程'][1])}分，主要扣分原因是个别项目执行率偏低、个别单位资金列支不规范；"
            f"项目产出分值{l1['产出'][0]}分，评价得分{money(l1['产出'][1])}分，主要扣分原因是两项数量指标未完成、个别县区验收延迟；"
            f"项目效益分值{l1['效益'][0]}分，评价得分{money(l1['效益'][1])}分。详见指标评分表（附件3）。",
        ),
        ("h", "四、专项资金的绩效情况"),
        ("h", "（一）粮油生产稳中有进，种业振兴扎实推进"),
        (
            "p",
            "全省落实粮食播种面积5660.2万亩，粮食总产量431.6亿斤，连续11年稳定在430亿斤以上。建设水稻绿色高质高效示范片136个，"
            "示范区平均亩产较非示范区增产6.8%；油菜种植面积达到820.5万亩，较上年增加38.4万亩。完成农业种质资源普查县级任务100个，"
            "收集保存地方特色种质资源2316份，新建和改扩建良种繁育基地18个，主要农作物良种覆盖率稳定在96%以上。",
        ),
        ("h", "（二）畜牧水产稳产保供，重大疫病有效防控"),
        (
            "p",
            "生猪出栏2915.3万头，能繁母猪存栏稳定在正常保有量的102.4%；完成重大动物疫病强制免疫应免畜禽免疫密度96.8%，"
            "免疫抗体合格率达到82.5%，全年未发生区域性重大动物疫情。推广稻渔综合种养面积508.7万亩，创建省级稻渔综合种养示范基地32个；"
            "长江流域重点水域禁捕执法巡查9.6万人次，查办违法案件417件。",
        ),
        ("h", "（三）农田建设持续加力，农机装备水平提升"),
        (
            "p",
            "完成高标准农田建后管护面积2860万亩，修复损毁灌排渠道1872公里、泵站312座；兑付农机购置与应用补贴配套资金，"
            "补贴机具2.84万台套，受益农户和经营主体2.31万户；丘陵山区农机化示范县达到24个，全省主要农作物耕种收综合机械化率达到81.9%。",
        ),
        ("h", "（四）质量安全稳定向好，品牌市场持续拓展"),
        (
            "p",
            "全年开展农产品质量安全例行监测样品1.26万批次，总体合格率98.6%；推行食用农产品承诺达标合格证，开具合格证1.9亿张。"
            "新认证绿色食品、有机农产品和农产品地理标志产品386个，组织参加农业展会11场，签约金额63.7亿元；新建产地冷链集配中心41个，"
            "新增冷藏库容12.8万立方米，农产品产后损耗率明显降低。",
        ),
        ("h", "（五）乡村建设有序推进，农村改革不断深化"),
        (
            "p",
            "完成农村人居环境整治提升村庄2650个，新改建农村户用卫生厕所8.7万户，建成和美乡村示范点326个；扶持村级集体经济发展村1200个，"
            "集体经济年经营性收入10万元以上的村占比达到78.5%。培育高素质农民3.2万人，新增省级示范家庭农场460家、示范合作社380家。",
        ),
        ("h", "五、存在的问题及原因分析"),
        (
            "p",
            f"（一）个别项目预算执行率偏低。如：{low['name']}项目安排专项资金{sep(low['zx'])}万元，支出{sep(low['spent'])}万元，"
            f"预算执行率为{pct(low['spent'], low['dw'])}。主要原因是成果转化项目执行期为2至3年，部分合同款按进度分年支付。"
            f"全部{n_proj}个子项目中执行率低于95%的有{len(weakest)}个。",
        ),
        (
            "p",
            "（二）项目储备不够充分。2023年及以前专项资金未建立项目储备库，部分项目在资金下达后才开展前期论证，影响了项目实施进度。",
        ),
        (
            "p",
            "（三）个别单位资金使用欠规范。如个别县区在专项资金中列支日常办公经费，个别项目单位自筹资金未及时到位，"
            "主要原因是基层财力紧张，资金管理制度执行不到位。",
        ),
        ("h", "六、有关建议"),
        (
            "p",
            "一是加快建立省级农业发展专项资金项目储备库，做实项目前期论证和事前绩效评估，未完成前期工作的项目不安排资金。"
            "二是加强预算执行监控，对执行进度偏慢的项目及时预警、督促整改，对跨年度项目按实施进度分年安排预算。"
            "三是强化评价结果应用，将绩效评价结果与下年度资金分配挂钩，对评价结果较差的市县和项目单位相应核减资金。",
        ),
    ]
    annex_list = ["附件：1. 资金使用结构明细表", "2. 现场评价明细表", "3. 绩效评价指标评分表"]

    table1 = dict(
        label="附件1",
        title="2023年度省级农业发展专项资金使用结构明细表",
        note="（费用支出时间截至2023年12月31日）",
        unit_line="单位：万元",
        unit="万元",
        orientation="landscape",
        font_size=7.5,
        row_h=21,
        columns=cols1,
        rows=rows1,
        kinds=["unit"] * len(base) + ["total"],
        page_breaks=None,
        cont_marker=None,
    )
    table2 = dict(
        label="附件2",
        title="2023年度省级农业发展专项资金现场评价明细表",
        note=None,
        unit_line="单位：万元",
        unit="万元",
        orientation="landscape",
        font_size=8,
        row_h=17,
        columns=cols2,
        rows=rows2,
        kinds=kinds2,
        page_breaks=None,
        cont_marker="续表",
    )
    table3 = dict(
        label="附件3",
        title="2023年度省级农业发展专项资金绩效评价指标评分表",
        note=None,
        unit_line=None,
        unit=None,
        orientation="portrait",
        font_size=8.5,
        row_h=16.5,
        columns=cols3,
        rows=rows3,
        kinds=kinds3,
        page_breaks=None,
        cont_marker=None,
        wrap_col0=44,
    )

    return dict(
        pdf=f"{NAME}.pdf",
        generator="samples/make_threeline.py",
        head=dict(
            org="江西省农业农村厅",
            docno="赣农财字〔2024〕27号",
            title=["江西省农业农村厅", "2023年度省级农业发展专项资金部门评价报告"],
            salute="省财政厅：",
        ),
        body=body,
        annex_list=annex_list,
        sign=["江西省农业农村厅", "2024年4月18日"],
        tables=[table1, table2, table3],
        facts=dict(
            total=T,
            tcats=tcats,
            sampled_total=sampled_total,
            n_proj=n_proj,
            n_sampled=n_sampled,
            score=S,
            lvl1=lvl1,
            low=low["name"],
        ),
    )


# --------------------------------------------------------------------------- checks


def check(data: dict) -> None:
    """Assert that every printed number in the model is consistent (half-up rounding)."""
    t1, t2, t3 = data["tables"]
    # 附件1
    rows = t1["rows"]
    for r in rows:
        zx, zc, dw = num(r[2]), num(r[3]), num(r[4])
        assert zx + zc == dw, r
        cats = sum(num(x) for x in r[5:12])
        assert cats == num(r[12]), r
        rate = (num(r[12]) * 100 / dw).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert f"{rate}%" == r[13], r
    for j in range(2, 13):
        assert sum(num(r[j]) for r in rows[:-1]) == num(rows[-1][j]), j
    # 附件2
    rows, kinds = t2["rows"], t2["kinds"]
    for r in rows:
        assert sum(num(x) for x in r[3:]) == num(r[2]), r
    i = 0
    tot = [Decimal(0)] * (len(rows[0]) - 2)
    while i < len(rows) - 1:
        if kinds[i] == "subtotal":
            j = i + 1
            acc = [Decimal(0)] * len(tot)
            while j < len(rows) and kinds[j] == "unit" and rows[j][0] == "":
                acc = [a + num(x) for a, x in zip(acc, rows[j][2:], strict=False)]
                j += 1
            assert acc == [num(x) for x in rows[i][2:]], rows[i]
            tot = [a + b for a, b in zip(tot, acc, strict=False)]
            i = j
        else:
            tot = [a + num(x) for a, x in zip(tot, rows[i][2:], strict=False)]
            i += 1
    assert tot == [num(x) for x in rows[-1][2:]]
    alloc = {r[0]: num(r[2]) for r in t1["rows"][:-1]}
    for j, (pname, _) in enumerate(SAMPLED):
        assert num(rows[-1][3 + j]) <= alloc[pname], pname
    # 附件3: levels
    rows, kinds = t3["rows"], t3["kinds"]
    for i, (r, k) in enumerate(zip(rows, kinds, strict=False)):
        if k in ("level1", "level2"):
            child = "level2" if k == "level1" else "level3"
            stop = {"level1": ("level1", "total"), "level2": ("level1", "level2", "total")}[k]
            w = s = Decimal(0)
            for r2, k2 in zip(rows[i + 1 :], kinds[i + 1 :], strict=False):
                if k2 in stop:
                    break
                if k2 == child:
                    w += num(r2[3])
                    s += num(r2[4])
            assert (w, s) == (num(r[3]), num(r[4])), r
        if k == "level3":
            assert num(r[4]) <= num(r[3]), r
    l1 = [r for r, k in zip(rows, kinds, strict=False) if k == "level1"]
    assert sum(num(r[3]) for r in l1) == num(rows[-1][3]) == 100
    assert sum(num(r[4]) for r in l1) == num(rows[-1][4])
    # prose claims against the tables
    prose = "".join(t for _, t in data["body"])
    tot1 = t1["rows"][-1]
    amount = lambda s: f"{num(s):,.2f}"  # noqa: E731
    assert f"共计{amount(tot1[2])}万元" in prose
    assert f"到位{amount(tot1[4])}万元" in prose
    assert f"已支出资金{amount(tot1[12])}万元，资金执行率{tot1[13]}" in prose
    assert f"涉及资金{amount(t2['rows'][-1][2])}万元" in prose
    assert f"最终得分为{t3['rows'][-1][4]}分" in prose
    for r in l1:
        assert f"分值{r[3]}分，评价得分{r[4]}分" in prose
    low = next(r for r in t1["rows"] if r[0] == LOW_RATE_PROJECT)
    assert f"支出{amount(low[12])}万元，预算执行率为{low[13]}" in prose
    # 占比 lists sum to 100% within rounding
    shares = [Decimal(x) for x in re.findall(r"占比(\d+\.\d\d)%", prose)]
    assert abs(sum(shares[:2]) - 100) <= Decimal("0.01")
    assert abs(sum(shares[2 : 2 + len(DIRECTIONS)]) - 100) <= Decimal("0.005") * len(DIRECTIONS)


# --------------------------------------------------------------------------- rendering


from sample_pdf import Doc, _font, _header_cells, render_body, sw, wrap  # noqa: E402, F401


def render_threeline(doc: Doc, t: dict) -> list[int]:
    """Draw one three-line table (possibly over several pages); returns its pages."""
    fs, rh = t["font_size"], t["row_h"]
    gap = 9.0
    cols, rows = t["columns"], t["rows"]
    ncol = len(cols)
    right = [any(re.fullmatch(r"-?[\d,]+(\.\d+)?%?", r[j]) for r in rows) for j in range(ncol)]
    wrap0 = t.get("wrap_col0")
    widths = []
    for j in range(ncol):
        cand = [sw(cols[j][-1], fs)] + [sw(r[j], fs) for r in rows]
        if j == 0 and wrap0:
            cand = [sw(cols[j][-1], fs), wrap0]
        widths.append(max(cand) + gap)
    depth, hcells = _header_cells(cols)
    for _lvl, _l2, j0, j1, text, _kids in hcells:  # group label must fit over its columns
        need = sw(text, fs) + gap
        have = sum(widths[j0 : j1 + 1])
        if need > have:
            widths[j1] += need - have
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
    if t.get("note"):
        doc.text(pw / 2, y, t["note"], 9, "c")
        y -= 16
    if t.get("unit_line"):
        doc.text(x[-1], y, t["unit_line"], 9, "r")
    y -= 8

    def cell_text(j: int, ytop: float, s: str, lines: list[str] | None = None) -> None:
        lines = lines or [s]
        n = len(lines)
        hgt = rh * (1 if n == 1 else 0.8 * n)
        base = ytop - hgt / 2 - fs * 0.35  # baseline of a single line, vertically centred
        if n > 1:
            base = ytop - (hgt - n * fs * 1.15) / 2 - fs * 0.9
        for i, ln in enumerate(lines):
            yy = base - i * fs * 1.15
            if right[j]:
                doc.text(x[j + 1] - gap / 2, yy, ln, fs, "r")
            else:
                doc.text(x[j] + gap / 2, yy, ln, fs, "l")
        doc.cells.append((doc.page, (x[j], ph - ytop, x[j + 1], ph - (ytop - hgt)), s))

    def header(ytop: float) -> float:
        hh = rh + 1
        doc.hline(x[0], x[-1], ytop, 1.2)
        for lvl, l2, j0, j1, text, kids in hcells:
            ya = ytop - lvl * hh
            yb = ytop - (l2 + 1) * hh
            cx = (x[j0] + x[j1 + 1]) / 2
            doc.text(cx, (ya + yb) / 2 - fs * 0.36, text, fs, "c")
            if kids:
                doc.hline(x[j0] + 3, x[j1 + 1] - 3, yb, 0.4)
        yb = ytop - depth * hh
        doc.hline(x[0], x[-1], yb, 0.6)
        return yb

    def row_h(r: list[str]) -> float:
        if wrap0 and sw(r[0], fs) > wrap0:
            return rh * 0.8 * len(wrap(r[0], fs, wrap0, 0))
        return rh

    y = header(y)
    if t.get("page_breaks") is None:  # break where the page is full
        breaks, yy, room = [], y - 4, 50
        for i, r in enumerate(rows):
            if yy - row_h(r) < room:
                breaks.append(i)
                yy = ph - 50 - (12 if t.get("cont_marker") else 0) - 4
            yy -= row_h(r)
    else:
        breaks = list(t["page_breaks"])
    breaks.append(len(rows))
    start = 0
    for bi, stop in enumerate(breaks):
        if bi > 0:
            doc.new_page(t["orientation"])
            pages.append(doc.page)
            y = ph - 50
            if t.get("cont_marker"):
                doc.text(x[0], y, t["cont_marker"], 10)
                y -= 12
            doc.hline(x[0], x[-1], y, 1.2)
        y -= 2
        for r in rows[start:stop]:
            lines = wrap(r[0], fs, wrap0, 0) if (wrap0 and sw(r[0], fs) > wrap0) else None
            hgt = row_h(r)
            for j, s in enumerate(r):
                if s == "":
                    continue
                cell_text(j, y, s, lines if (j == 0 and lines) else None)
            y -= hgt
        y -= 2
        doc.hline(x[0], x[-1], y, 1.2)
        start = stop
    return pages


def build(data: dict, out_pdf: str | Path) -> dict:
    """Render the model exactly as given; return the truth (samples/README.md contract)."""
    out_pdf = Path(out_pdf)
    doc = Doc(out_pdf)
    render_body(doc, data)
    tables = []
    for t in data["tables"]:
        pages = render_threeline(doc, t)
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
