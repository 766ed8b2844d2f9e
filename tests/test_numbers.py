"""Tests for tally.extract.numbers: one cell (parse_quantity) and prose (find_quantities).

Most strings are copied from the seed report (report_2023_hunan_amr).
"""

from __future__ import annotations

import pytest

from tally.extract.numbers import find_quantities, parse_quantity

W = 1e4  # 万
Y = 1e8  # 亿

# (text, expected fields). Fields not named must keep the Quantity defaults, except `text`.
DEFAULTS = dict(
    value=None,
    decimals=0,
    scale=1.0,
    percent=False,
    pct_points=False,
    comparator=None,
    upper=None,
    unit=None,
    per=None,
    date=None,
)


def num(value: float, **kw) -> dict:
    return {"kind": "number", "value": value, **kw}


CELLS = [
    # plain numbers
    ("33,085.00", num(33085.0, decimals=2)),
    ("16.6172", num(16.6172, decimals=4)),
    ("0", num(0.0)),
    ("-12.5", num(-12.5, decimals=1)),
    ("12.10", num(12.1, decimals=2)),
    ("557.65", num(557.65, decimals=2)),
    ("  164.6126 ", num(164.6126, decimals=4)),
    ("３３，０８５．００", num(33085.0, decimals=2)),  # full-width digits and punctuation
    # percent and percentage points
    ("95.54%", num(95.54, decimals=2, percent=True)),
    ("100%", num(100.0, percent=True)),
    ("33.30%", num(33.3, decimals=2, percent=True)),
    ("９５．５４％", num(95.54, decimals=2, percent=True)),
    ("提升1.82个百分点", num(1.82, decimals=2, pct_points=True)),
    ("提升1个百分点", num(1.0, pct_points=True)),
    ("下降 0.5 个百分点", num(0.5, decimals=1, pct_points=True)),
    # not applicable, zero dash, blank
    ("/", {"kind": "na"}),
    ("／", {"kind": "na"}),
    ("—", {"kind": "na"}),
    ("——", {"kind": "na"}),
    ("－－", {"kind": "na"}),
    ("--", {"kind": "na"}),
    ("-", {"kind": "dash"}),
    ("－", {"kind": "dash"}),
    ("", {"kind": "blank"}),
    ("   ", {"kind": "blank"}),
    # ordinals: list markers at the start of a label
    ("（1）", {"kind": "ordinal", "value": 1.0}),
    ("(1)", {"kind": "ordinal", "value": 1.0}),
    ("①", {"kind": "ordinal", "value": 1.0}),
    ("③是否与项目目标任务数或计划数相对应；是计1分，否计0分。", {"kind": "ordinal", "value": 3.0}),
    ("一、", {"kind": "ordinal", "value": 1.0}),
    ("（二）专项资金到位和执行情况", {"kind": "ordinal", "value": 2.0}),
    ("1.针对学校食品安全", {"kind": "ordinal", "value": 1.0}),
    ("12、", {"kind": "ordinal", "value": 12.0}),
    ("（12.5）", {"kind": "text"}),  # parentheses are never a negative
    # scales: 万 / 亿 multiply, 万元 is scale + unit 元
    ("1.5万", num(1.5, decimals=1, scale=W)),
    ("77.3亿元", num(77.3, decimals=1, scale=Y, unit="元")),
    ("77.3 亿元", num(77.3, decimals=1, scale=Y, unit="元")),
    ("518万", num(518.0, scale=W)),
    ("≤518万", num(518.0, scale=W, comparator="<=")),
    ("≤91万", num(91.0, scale=W, comparator="<=")),
    ("74.1万元", num(74.1, decimals=1, scale=W, unit="元")),
    ("1.1万批次", num(1.1, decimals=1, scale=W, unit="批次")),
    ("0.4万批次", num(0.4, decimals=1, scale=W, unit="批次")),
    ("2.47亿元", num(2.47, decimals=2, scale=Y, unit="元")),
    # 万 in a denominator is not a scale
    ("每万人15.95件", num(15.95, decimals=2, unit="件", per="万人")),
    ("15.95 件", num(15.95, decimals=2, unit="件")),
    # comparators before and after
    ("≥2450人次", num(2450.0, comparator=">=", unit="人次")),
    ("≥2450 人次", num(2450.0, comparator=">=", unit="人次")),
    ("≥14.3 件", num(14.3, decimals=1, comparator=">=", unit="件")),
    ("≥ 3 期", num(3.0, comparator=">=", unit="期")),
    ("≥1.1万批次", num(1.1, decimals=1, scale=W, comparator=">=", unit="批次")),
    ("≥45 亿元", num(45.0, scale=Y, comparator=">=", unit="元")),
    ("≤2 小时", num(2.0, comparator="<=", unit="小时")),
    ("≤30 分钟", num(30.0, comparator="<=", unit="分钟")),
    ("≤90 天", num(90.0, comparator="<=", unit="天")),
    ("＞5", num(5.0, comparator=">")),
    (">50亿元", num(50.0, scale=Y, comparator=">", unit="元")),
    (">5000 人次", num(5000.0, comparator=">", unit="人次")),
    ("<5", num(5.0, comparator="<")),
    ("=100%", num(100.0, comparator="=", percent=True)),
    ("≧90%", num(90.0, comparator=">=", percent=True)),
    ("不少于170个", num(170.0, comparator=">=", unit="个")),
    ("不低于90%", num(90.0, comparator=">=", percent=True)),
    ("不超过5%", num(5.0, comparator="<=", percent=True)),
    ("至少3项", num(3.0, comparator=">=", unit="项")),
    ("超过45亿元", num(45.0, scale=Y, comparator=">", unit="元")),
    ("低于5%", num(5.0, comparator="<", percent=True)),
    ("达到90分以上", num(90.0, comparator=">=", unit="分")),
    ("达到 80 分以上", num(80.0, comparator=">=", unit="分")),
    ("达到 90% 以上", num(90.0, comparator=">=", percent=True)),
    ("90%以上", num(90.0, comparator=">=", percent=True)),
    ("80 分以上", num(80.0, comparator=">=", unit="分")),
    ("50 篇以上", num(50.0, comparator=">=", unit="篇")),
    ("5%以内", num(5.0, comparator="<=", percent=True)),
    ("3%以下", num(3.0, comparator="<=", percent=True)),
    # 工作日: the classifier 个 is folded into the unit
    ("2 个工作日以内", num(2.0, comparator="<=", unit="工作日")),
    ("2个工作日内", num(2.0, comparator="<=", unit="工作日")),
    ("≤7 个工作日", num(7.0, comparator="<=", unit="工作日")),
    ("15 个工作日", num(15.0, unit="工作日")),
    # 余 / 多: somewhat more than → '>='
    ("5600 余人次", num(5600.0, comparator=">=", unit="人次")),
    ("6000多万元", num(6000.0, comparator=">=", scale=W, unit="元")),
    # ranges
    ("10-50万元/个", num(10.0, upper=50.0, scale=W, unit="元", per="个")),
    ("20-50万元/个", num(20.0, upper=50.0, scale=W, unit="元", per="个")),
    ("5-8 项", num(5.0, upper=8.0, unit="项")),
    ("2万元-20万元/个", num(2.0, upper=20.0, scale=W, unit="元", per="个")),
    ("1000-1500万元", num(1000.0, upper=1500.0, scale=W, unit="元")),
    ("5~8", num(5.0, upper=8.0)),
    ("5～8", num(5.0, upper=8.0)),
    ("5至8", num(5.0, upper=8.0)),
    ("5%-10%", num(5.0, upper=10.0, percent=True)),
    ("5000万-1亿元", num(5000.0, upper=10000.0, scale=W, unit="元")),
    # rate units
    ("2500元/批次", num(2500.0, unit="元", per="批次")),
    ("≤2500元/批次", num(2500.0, comparator="<=", unit="元", per="批次")),
    ("≤440元/人/天", num(440.0, comparator="<=", unit="元", per="人/天")),
    ("5万元/项", num(5.0, scale=W, unit="元", per="项")),
    ("100万元/个", num(100.0, scale=W, unit="元", per="个")),
    ("平均1588元/批次", num(1588.0, unit="元", per="批次")),
    ("15万元/次", num(15.0, scale=W, unit="元", per="次")),
    ("约5万元", num(5.0, scale=W, unit="元")),
    ("合计 12 个", num(12.0, unit="个")),
    # count units
    ("2次", num(2.0, unit="次")),
    ("160户次", num(160.0, unit="户次")),
    ("277家次", num(277.0, unit="家次")),
    ("310 本", num(310.0, unit="本")),
    ("0 期", num(0.0, unit="期")),
    ("300 块", num(300.0, unit="块")),
    ("87.78 分", num(87.78, decimals=2, unit="分")),
    ("3个月", num(3.0, unit="月")),
    ("1个", num(1.0, unit="个")),
    # Chinese numerals
    ("一点五万", num(1.5, decimals=1, scale=W)),
    ("三个", num(3.0, unit="个")),
    ("十二", num(12.0)),
    ("十四五", {"kind": "text"}),
    # dates: never numbers
    ("2023年12月31日前", {"kind": "date", "date": "2023-12-31", "comparator": "<="}),
    ("2023 年 12 月 31 日前", {"kind": "date", "date": "2023-12-31", "comparator": "<="}),
    ("2023 年 3 月 31 日之前", {"kind": "date", "date": "2023-03-31", "comparator": "<="}),
    ("2023年11月30日完成", {"kind": "date", "date": "2023-11-30"}),
    ("2023 年 11 月 30 日完成", {"kind": "date", "date": "2023-11-30"}),
    ("2023年6月30日之前完成验收", {"kind": "date", "date": "2023-06-30", "comparator": "<="}),
    ("2023年12月底", {"kind": "date", "date": "2023-12"}),
    ("2024年1月1日以后", {"kind": "date", "date": "2024-01-01", "comparator": ">="}),
    ("2023.12.31", {"kind": "date", "date": "2023-12-31"}),
    ("2023-12-31", {"kind": "date", "date": "2023-12-31"}),
    ("2023.12前", {"kind": "date", "date": "2023-12", "comparator": "<="}),
    ("2023年", {"kind": "date", "date": "2023"}),
    ("2023年度", {"kind": "date", "date": "2023"}),
    ("2021-2023年", {"kind": "date", "date": "2021/2023"}),
    ("6月30日", {"kind": "date", "date": "--06-30"}),
    ("2023.12", num(2023.12, decimals=2)),  # a bare YYYY.MM may be an amount
    # text: a number with words that are not a unit, or more than one number
    ("6个市州、12个成员单位、40个县市区", {"kind": "text"}),
    ("6个市州、12个成员单位", {"kind": "text"}),
    ("全省存量企业数*3%", {"kind": "text"}),
    ("良好以上", {"kind": "text"}),
    ("优秀", {"kind": "text"}),
    ("按照国务院和省政府安排", {"kind": "text"}),
    ("较上年度增加 10%", {"kind": "text"}),
    ("全省 2022 年度企业年报公示率达到 85%", {"kind": "text"}),
    ("市州覆盖率达 100%， 县市区覆盖率达 80%", {"kind": "text"}),
    ("100%通过国家知识产权局验收", {"kind": "text"}),
    ("全量推送4次，增量推送12次", {"kind": "text"}),
    ("45家组织3个人", {"kind": "text"}),
    ("50万元/县(市区); 100万元/市州", {"kind": "text"}),
    ("5万元/项、10万元/项", {"kind": "text"}),
    ("≥5 个产业链", {"kind": "text"}),
    ("开展3·15国际消费者权益活动次数", {"kind": "text"}),
    ("小计(万元)", {"kind": "text"}),
    ("047001", {"kind": "text"}),  # a unit code, never an amount
    ("1,2345", {"kind": "text"}),  # misplaced thousands separator
    ("≥5以下", {"kind": "text"}),  # contradictory comparators
]


@pytest.mark.parametrize(("text", "expected"), CELLS, ids=[c[0] or "<empty>" for c in CELLS])
def test_parse_quantity(text: str, expected: dict) -> None:
    q = parse_quantity(text)
    assert q.text == text
    want = {**DEFAULTS, **expected}
    got = {k: getattr(q, k) for k in want}
    for k in ("value", "upper"):
        if want[k] is not None and got[k] is not None:
            assert got[k] == pytest.approx(want[k], abs=1e-12), k
            got[k] = want[k]
    assert got == want


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("557.65", 557.645, 557.655),
        ("0.27", 0.265, 0.275),
        ("95.54%", 95.535, 95.545),
        ("1.5万", 14500.0, 15500.0),
        ("74.1万元", 740500.0, 741500.0),
        ("33,085.00", 33084.995, 33085.005),
        ("2500", 2499.5, 2500.5),
    ],
)
def test_interval(text: str, lo: float, hi: float) -> None:
    a, b = parse_quantity(text).interval()
    assert a == pytest.approx(lo, abs=1e-9)
    assert b == pytest.approx(hi, abs=1e-9)


def test_half_ulp_with_scale() -> None:
    assert parse_quantity("1.5万").half_ulp == pytest.approx(0.05 * 1e4)


def test_parse_quantity_is_cached() -> None:
    assert parse_quantity("≥2450人次") is parse_quantity("≥2450人次")


def test_scaled_amounts_compare_across_table_and_prose() -> None:
    """A cell 33,085.00 in a 万元 table equals the prose '33,085.00 万元' once both are in 元."""
    cell = parse_quantity("33,085.00")
    (_, _, prose), *_ = find_quantities("共计33,085.00 万元")
    assert prose.unit == "元"
    assert cell.value * 1e4 == prose.scaled


# ---------------------------------------------------------------------------------------------
# Prose

# The first paragraph of 一、（一） of the seed; the PDF page break falls after '971.00'.
SEED_PARA = (
    "2023年度，省财政共安排省级市场监督管理专项资金（含知识产权战略推进项目）共计33,085.00万元，"
    "其中：省直机关安排16,019.00万元，占比48.42%；转移支付到市县17,066.00万元，占比51.58%。"
    "按照支出方向，将资金分为6大类，其中：市场监管补助12,295.00万元，占比37.16%；质量抽查与检验"
    "6,886.00万元，占比20.81%；基础建设及能力提升5,224.00万元，占比15.79%；执法办案补助1,559.00"
    "万元，占比4.71%；其他类971.00\n\n万元，占比 2.93%；知识产权战略推进项目 6,150.00 万元，"
    "占比 18.59%。"
)


def _amounts(text: str) -> list[tuple[str, float, float, bool]]:
    return [
        (text[s:e], q.value, q.scale, q.percent)
        for s, e, q in find_quantities(text)
        if q.kind == "number"
    ]


def test_seed_paragraph_amounts() -> None:
    got = [(v, sc, pct) for _, v, sc, pct in _amounts(SEED_PARA)]
    assert got == [
        (33085.0, W, False),
        (16019.0, W, False),
        (48.42, 1.0, True),
        (17066.0, W, False),
        (51.58, 1.0, True),
        (12295.0, W, False),
        (37.16, 1.0, True),
        (6886.0, W, False),
        (20.81, 1.0, True),
        (5224.0, W, False),
        (15.79, 1.0, True),
        (1559.0, W, False),
        (4.71, 1.0, True),
        (971.0, W, False),
        (2.93, 1.0, True),
        (6150.0, W, False),
        (18.59, 1.0, True),
    ]


def test_seed_paragraph_offsets_and_units() -> None:
    found = find_quantities(SEED_PARA)
    for s, e, q in found:
        assert SEED_PARA[s:e] == q.text
    numbers = [(s, e, q) for s, e, q in found if q.kind == "number"]
    s, e, q = numbers[0]
    assert SEED_PARA[s:e] == "33,085.00万元"
    assert (q.decimals, q.unit) == (2, "元")
    assert SEED_PARA[numbers[-2][0] : numbers[-2][1]] == "6,150.00 万元"
    assert SEED_PARA[numbers[-1][0] : numbers[-1][1]] == "18.59%"
    other = [(SEED_PARA[s:e], q.kind) for s, e, q in found if q.kind != "number"]
    # the year is a date, and '6大类' does not say what it counts
    assert other == [("2023年度", "date"), ("6", "text")]


def test_offsets_map_back_through_full_width_text() -> None:
    text = "共计３３,０８５．００万元，占比⑩ ４８．４２％…最终得分为９５．０９分"
    found = find_quantities(text)
    assert [text[s:e] for s, e, _ in found] == [
        "３３,０８５．００万元",
        "４８．４２％",
        "９５．０９分",
    ]
    assert [q.value for _, _, q in found] == [33085.0, 48.42, 95.09]


PROSE = [
    # (text, [(span, kind, value, fields...)])
    ("最终得分为95.09分", [("95.09分", "number", 95.09, {"unit": "分", "decimals": 2})]),
    ("共抽取了 32 个子项目", [("32 个", "number", 32.0, {"unit": "个"})]),
    ("处理问题 1.53 万个", [("1.53 万个", "number", 1.53, {"unit": "个", "scale": W})]),
    ("实现市场主体年增长12.18%。", [("12.18%", "number", 12.18, {"percent": True})]),
    ("不少于1.1万批次", [("不少于1.1万批次", "number", 1.1, {"comparator": ">=", "scale": W})]),
    ("提升 1.82 个百分点", [("1.82 个百分点", "number", 1.82, {"pct_points": True})]),
    ("投入 6000 多万元", [("6000 多万元", "number", 6000.0, {"comparator": ">=", "scale": W})]),
    ("50 余人分成七组", [("50 余人", "number", 50.0, {"comparator": ">=", "unit": "人"})]),
    ("执行期为 2~3 年", [("2~3 年", "number", 2.0, {"upper": 3.0, "unit": "年"})]),
    (
        "额度为5万元/项或10万元/项",
        [("5万元/项", "number", 5.0, {"per": "项"}), ("10万元/项", "number", 10.0, {"per": "项"})],
    ),
    ("质押融资额达到 77.3 亿元", [("77.3 亿元", "number", 77.3, {"scale": Y, "unit": "元"})]),
    ("全省每万人发明专利拥有量达到 15.95 件", [("15.95 件", "number", 15.95, {"unit": "件"})]),
    ("满意度达到 90% 以上", [("90% 以上", "number", 90.0, {"comparator": ">="})]),
    ("超过45亿元", [("超过45亿元", "number", 45.0, {"comparator": ">"})]),
    ("同比增长-3.5%", [("-3.5%", "number", -3.5, {"percent": True})]),
    ("中国-非洲 3个", [("3个", "number", 3.0, {"unit": "个"})]),
    # dates come out as dates
    ("截至 2023 年 12 月 31 日，", [("2023 年 12 月 31 日", "date", None, {"date": "2023-12-31"})]),
    ("截至6月30日，", [("6月30日", "date", None, {"date": "--06-30"})]),
    ("于 3 月份启动", [("3 月份", "date", None, {"date": "--03"})]),
    (
        "于2023年12月31日前完成",
        [("2023年12月31日前完成", "date", None, {"date": "2023-12-31", "comparator": "<="})],
    ),
    (
        "（2022.10.01 前）",
        [("2022.10.01 前", "date", None, {"date": "2022-10-01", "comparator": "<="})],
    ),
    # not amounts: document numbers, event names, references, list markers, codes
    ("（湘财绩〔2024〕1号）文件", []),
    ("（湘财绩〔2024〕1 号）要求", []),
    ("湘市监财函〔2024〕122号", []),
    ("开展3·15国际消费者权益日活动", []),
    ("启动第八届省长质量奖评审", []),
    ("“十四五”规划", []),
    ("（详见附件 1）", []),
    ("1. 强化商事制度改革创新力度。", []),
    ("创新力度。\n2. 信用监管体系不断完善", []),
    ("（一）（1）①", []),
    ("全国12315平台", [("12315", "text", None, {})]),
    ("知识产权 4.26 宣传", [("4.26", "text", None, {})]),
    ("推动实行“X+2”综合监管模式", [("2", "text", None, {})]),
    ("依据 GB/T 19001-2016 标准", [("19001-2016", "text", None, {})]),
    ("单位代码 047001", [("047001", "text", None, {})]),
]


@pytest.mark.parametrize(("text", "expected"), PROSE, ids=[p[0] for p in PROSE])
def test_find_quantities(text: str, expected: list) -> None:
    found = find_quantities(text)
    assert [text[s:e] for s, e, _ in found] == [span for span, *_ in expected]
    for (_, _, q), (span, kind, value, fields) in zip(found, expected, strict=True):
        assert q.text == span
        assert q.kind == kind
        assert q.value == (pytest.approx(value) if value is not None else None)
        for k, v in fields.items():
            assert getattr(q, k) == v, k
