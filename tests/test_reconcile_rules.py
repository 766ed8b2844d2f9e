"""Each rule on small tables built in memory: what it catches and what it must leave alone."""

from __future__ import annotations

import pytest

from tally.extract.model import Cell, Document, Table
from tally.extract.numbers import parse_quantity
from tally.reconcile import check_document
from tally.reconcile import interval as iv
from tally.reconcile.structure import Vocab, build_view


def _table(columns: list[list[str]], rows: list[list[str]], spans: dict | None = None) -> Table:
    """Rows of text; ``spans`` maps (row, col) -> number of rows a cell spans (one object)."""
    grid: list[list[Cell]] = []
    for r, texts in enumerate(rows):
        grid.append(
            [
                Cell(1, (10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9), t, parse_quantity(t))
                for c, t in enumerate(texts)
            ]
        )
    for (r, c), n in (spans or {}).items():
        for k in range(1, n):
            grid[r + k][c] = grid[r][c]
    return Table("T1", "表", "万元", [1], columns, [], grid)


def _errors(table: Table, severity: str = "error") -> list:
    return [f for f in check_document(Document("x.pdf", [], [table])) if f.severity == severity]


def test_rounding_residue_is_not_an_error() -> None:
    parts = [
        iv.of(parse_quantity(x))
        for x in [
            "47.43",
            "120.33",
            "189.19",
            "2.80",
            "0.25",
            "14.85",
            "116.89",
            "9.95",
            "1.19",
            "54.78",
        ]
    ]
    printed = iv.of(parse_quantity("557.65"))
    assert iv.verdict(printed, iv.total(parts), parts) == "info"
    assert iv.verdict(iv.of(parse_quantity("557.95")), iv.total(parts), parts) == "error"


def test_row_sum_of_a_group_total() -> None:
    cols = [["项目"], ["资金到位情况", "专项"], ["资金到位情况", "自筹"], ["资金到位情况", "合计"]]
    ok = _table(cols, [["甲", "1.00", "2.00", "3.00"], ["乙", "1.50", "0.00", "1.50"]])
    assert _errors(ok) == []
    bad = _table(cols, [["甲", "1.00", "2.00", "3.00"], ["乙", "1.50", "0.10", "1.50"]])
    (f,) = _errors(bad)
    assert (
        f.rule == "row_sum"
        and f.reported == pytest.approx(1.5)
        and f.expected == pytest.approx(1.6)
    )
    assert [c.role for c in f.cells] == ["reported", "operand", "operand"]
    assert "乙" in f.message_zh and "合计" in f.message_zh


def test_part_rows_are_not_added_to_the_total() -> None:
    cols = [["项目"], ["金额"]]
    rows = [
        ["一、基本支出", "10.00"],
        ["其中：人员经费", "6.00"],
        ["二、项目支出", "5.00"],
        ["合计", "15.00"],
    ]
    assert _errors(_table(cols, rows)) == []


def test_subtotal_closing_its_block_and_heading_it() -> None:
    cols = [["地区"], ["单位"], ["金额"]]
    after = [
        ["A市", "一县", "1.00"],
        ["A市", "二县", "2.00"],
        ["A市", "小计", "3.00"],
        ["B市", "三县", "4.00"],
        ["B市", "小计", "4.00"],
        ["合计", "合计", "7.00"],
    ]
    assert _errors(_table(cols, after)) == []
    heading = [
        ["A市", "小计", "3.00"],
        ["", "一县", "1.00"],
        ["", "二县", "2.50"],
        ["B市", "小计", "4.00"],
        ["", "三县", "4.00"],
        ["合计", "合计", "7.00"],
    ]
    (f,) = _errors(_table(cols, heading))
    assert (
        f.rule == "subtotal"
        and f.reported == pytest.approx(3.0)
        and f.expected == pytest.approx(3.5)
    )


def test_code_hierarchy_parent_equals_children() -> None:
    cols = [["科目编码"], ["科目名称"], ["金额"]]
    rows = [
        ["", "合计", "30.00"],
        ["301", "工资福利支出", "20.00"],
        ["30101", "基本工资", "12.00"],
        ["30102", "津贴补贴", "8.00"],
        ["302", "商品和服务支出", "10.00"],
        ["30201", "办公费", "9.00"],
    ]
    (f,) = _errors(_table(cols, rows))
    assert f.rule == "hierarchy" and f.row.startswith("302") and f.expected == pytest.approx(9.0)


def test_rate_and_not_applicable() -> None:
    cols = [["项目"], ["到位"], ["支出"], ["执行率"]]
    rows = [
        ["甲", "200.00", "150.00", "75.00%"],
        ["乙", "0.00", "0.00", "/"],
        ["丙", "80.00", "80.00", "100.00%"],
        ["丁", "50.00", "45.00", "95.00%"],
    ]
    (f,) = _errors(_table(cols, rows))
    assert f.rule == "rate" and f.row == "丁" and f.expected == pytest.approx(90.0)


def test_scores_weight_deduction_and_levels() -> None:
    cols = [["一级指标"], ["二级指标"], ["三级指标"], ["分值"], ["得分"], ["扣分因素"]]
    rows = [
        ["决策（9分）", "立项（9分）", "依据", "5", "5.00", ""],
        ["决策（9分）", "立项（9分）", "程序", "4", "3.60", "未建项目库，扣0.5分。"],
        ["过程（6分）", "管理（6分）", "到位率", "6", "6.50", ""],
        ["合计", "", "", "15", "15.10", ""],
    ]
    found = {f.rule for f in _errors(_table(cols, rows, {(0, 0): 2, (0, 1): 2}))}
    assert found == {"deduction", "score_above_weight"}
    rows[0][0] = rows[1][0] = "决策（10分）"
    found = {f.rule for f in _errors(_table(cols, rows, {(0, 0): 2, (0, 1): 2}))}
    assert "level_weight" in found


def test_equal_split_weights_are_not_an_error() -> None:
    cols = [["一级指标"], ["三级指标"], ["分值"], ["得分"]]
    rows = [["数量指标（20分）", f"指标{i}", "0.27", "0.27"] for i in range(75)]
    assert (
        _errors(_table(cols, rows), "error") == [] and _errors(_table(cols, rows), "warning") == []
    )


def test_target_met_but_not_full_score_is_a_warning() -> None:
    cols = [["三级指标"], ["年度指标值"], ["实际完成值"], ["分值"], ["自评得分"]]
    rows = [
        ["甲", "≥3期", "0期", "2", "0"],
        ["乙", "≥10个", "12个", "2", "1"],
        ["丙", "258家次", "277家次", "2", "2"],
    ]
    warnings = _errors(_table(cols, rows), "warning")
    assert [w.row for w in warnings] == ["乙"] and warnings[0].rule == "target_score"


def test_shares_against_total_and_hundred() -> None:
    cols = [["项目"], ["金额"], ["占比"]]
    ok = [["甲", "30.00", "30.00%"], ["乙", "70.00", "70.00%"], ["合计", "100.00", "100.00%"]]
    assert _errors(_table(cols, ok)) == []
    bad = [["甲", "30.00", "33.00%"], ["乙", "70.00", "70.00%"], ["合计", "100.00", "100.00%"]]
    assert {f.rule for f in _errors(_table(cols, bad))} == {"share", "shares_sum"}


def test_relation_that_fails_on_most_rows_is_not_trusted() -> None:
    """A 合计 column that is not the sum of the columns beside it (a misread structure) gives
    no findings rather than one per row."""
    cols = [["项目"], ["甲"], ["乙"], ["合计"]]
    rows = [[f"{i}", "1.00", "2.00", f"{10 + i}.00"] for i in range(6)]
    assert _errors(_table(cols, rows)) == []


def test_integer_amounts_are_not_codes() -> None:
    """Whole-number amounts (432, 1136) are amounts: summed, checked, never read as codes."""
    cols = [["单位"], ["人次"], ["金额"]]
    rows = [
        ["甲", "432", "1136"],
        ["乙", "1136", "2450"],
        ["丙", "87", "3021"],
        ["合计", "1655", "6607"],
    ]
    assert _errors(_table(cols, rows)) == []
    bad = [r[:] for r in rows]
    bad[3][2] = "6707"
    (f,) = _errors(_table(cols, bad))
    assert f.rule == "column_sum" and f.reported == 6707 and f.expected == 6607


def test_nested_codes_are_codes() -> None:
    """A column of codes that nest (201 → 20101) sets the hierarchy; it is never summed."""
    cols = [["科目"], ["名称"], ["金额"]]
    rows = [
        ["201", "一般公共服务支出", "30.00"],
        ["20101", "人大事务", "10.00"],
        ["20102", "政协事务", "20.00"],
        ["205", "教育支出", "5.00"],
        ["20501", "教育管理事务", "5.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    bad = [r[:] for r in rows]
    bad[0][2] = "31.00"
    (f,) = _errors(_table(cols, bad))
    assert f.rule == "hierarchy" and f.reported == 31 and f.expected == 30


def test_subtotal_after_its_block_stops_at_the_region_before() -> None:
    """A 小计 closing its region's rows takes only that region's rows, not the 省本级 rows
    above it (regions spanning their rows, or printed on the first row only)."""
    cols = [["地区"], ["单位"], ["金额"]]
    spanned = [
        ["省本级", "甲中心", "903.47"],
        ["省本级", "乙中心", "1,289.63"],
        ["衡阳市", "雁峰区", "695.01"],
        ["衡阳市", "衡阳县", "737.84"],
        ["衡阳市", "小计", "1,432.85"],
        ["合计", "", "3,625.95"],
    ]
    assert _errors(_table(cols, spanned)) == []
    once = [r[:] for r in spanned]
    once[1][0] = once[3][0] = ""
    assert _errors(_table(cols, once)) == []
    bad = [r[:] for r in spanned]
    bad[4][2] = "1,532.85"
    bad[5][2] = "3,725.95"
    found = {(f.rule, f.reported, f.expected) for f in _errors(_table(cols, bad))}
    assert ("subtotal", 1532.85, 1432.85) in found


def test_rate_column_whose_header_states_percent() -> None:
    """使用率（%） printed as 98.70 without a % sign is a percentage all the same."""
    cols = [["项目"], ["到位", "合计"], ["支出", "合计"], ["使用率（%）"]]
    rows = [
        ["甲", "100.00", "80.00", "80.00"],
        ["乙", "200.00", "200.00", "100.00"],
        ["丙", "50.00", "25.00", "50.00"],
        ["丁", "40.00", "10.00", "25.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    bad = [r[:] for r in rows]
    bad[1][3] = "98.70"
    (f,) = _errors(_table(cols, bad))
    assert (
        f.rule == "rate" and f.reported == pytest.approx(98.70) and f.expected == pytest.approx(100)
    )


def test_a_column_of_facts_in_different_units_is_not_added_up() -> None:
    """实际完成值 holds 13户次, 241本, 97.81%: no sum of it is claimed, blank 合计 or not."""
    cols = [["指标"], ["实际完成值"], ["分值"]]
    rows = [
        ["抽查企业户次", "13户次", "7"],
        ["案卷评查数量", "241本", "10"],
        ["验收合格率", "97.81%", "3"],
        ["合计", "", "20"],
    ]
    assert _errors(_table(cols, rows)) == []
    rows[3][1] = "250"
    assert _errors(_table(cols, rows)) == []


def test_codes_split_over_lei_kuan_xiang_columns() -> None:
    """科目编码 printed over 类 / 款 / 项 (207 / 01 / 01): the parts are one code, the number
    printed is the row's level; a 类 = Σ its 款, a 款 = Σ its 项; codes are never summed."""
    cols = [["科目编码", "类"], ["科目编码", "款"], ["科目编码", "项"], ["科目名称"], ["合计"]]
    rows = [
        ["213", "", "", "农林水支出", "30.00"],
        ["213", "02", "", "林业和草原", "10.00"],
        ["213", "02", "01", "专项业务活动", "4.00"],
        ["213", "02", "02", "项目管理", "6.00"],
        ["213", "03", "", "水利", "20.00"],
        ["213", "03", "01", "一般行政管理事务", "20.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    bad = [r[:] for r in rows]
    bad[2][4] = "5.00"
    (f,) = _errors(_table(cols, bad))
    assert f.rule == "hierarchy" and f.reported == 10 and f.expected == 11


def _score_rows(first: list[str]) -> list[list[str]]:
    second = ["目标(1分)", "依据(2分)", "立项(2分)", "管理(3分)", "使用(2分)", "实施(5分)"]
    third = ["明确性", "合理性", "规范性", "执行率", "合规性", "有效性"]
    weights = ["1", "2", "2", "3", "2", "5"]
    return [[a, b, c, w, w] for a, b, c, w in zip(first, second, third, weights, strict=True)]


def test_level_weights_are_trusted_level_by_level() -> None:
    """Each level's labels are their own inference: 一级 spans read wrong (every one of them
    fails) say nothing, while the 二级 weights, which hold, are still checked."""
    cols = [["一级指标"], ["二级指标"], ["三级指标"], ["分值"], ["得分"]]
    right = ["决策(5分)"] * 3 + ["过程(10分)"] * 3
    assert _errors(_table(cols, _score_rows(right))) == []
    misread = ["决策(5分)"] * 2 + ["过程(10分)"] * 2 + ["产出(3分)", "效益(4分)"]
    assert _errors(_table(cols, _score_rows(misread))) == []
    bad = _score_rows(right)
    bad[0][1] = "目标(4分)"
    found = [f for f in _errors(_table(cols, bad)) if f.rule == "level_weight"]
    assert [(f.reported, f.expected) for f in found] == [(4, 1)]


def test_a_row_failing_in_every_column_is_a_misread_not_errors() -> None:
    """A 小计 that disagrees in three or more columns at once means its block was misread: one
    warning for review, no errors. One wrong number still fails in one column: an error."""
    cols = [["地区"], ["单位"], ["甲"], ["乙"], ["丙"]]
    rows = [
        ["一市", "一区", "1.00", "2.00", "3.00"],
        ["一市", "二区", "1.00", "2.00", "3.00"],
        ["一市", "小计", "2.00", "4.00", "6.00"],
        ["二市", "三区", "5.00", "5.00", "5.00"],
        ["二市", "小计", "5.00", "5.00", "5.00"],
        ["三市", "四区", "1.00", "1.00", "1.00"],
        ["三市", "五区", "2.00", "2.00", "2.00"],
        ["三市", "小计", "3.00", "3.00", "3.00"],
    ]
    misread = [r[:] for r in rows]
    misread[2][2:] = ["7.00", "9.00", "11.00"]  # as if 二市's rows were taken into 一市
    assert _errors(_table(cols, misread)) == []
    (w,) = [f for f in _errors(_table(cols, misread), "warning") if f.rule == "subtotal"]
    assert "人工复核" in w.message_zh and len(w.cells) == 3
    one = [r[:] for r in rows]
    one[2][3] = "4.50"
    (f,) = _errors(_table(cols, one))
    assert f.rule == "subtotal" and f.reported == 4.5


def test_a_group_whose_name_holds_lv_is_not_a_rate() -> None:
    """率 inside a group name (效率提升项目) does not make its columns rates: they add up."""
    cols = [["项目"], ["效率提升项目", "甲"], ["效率提升项目", "乙"], ["效率提升项目", "合计"]]
    rows = [
        ["一", "1.00", "2.00", "3.00"],
        ["二", "2.00", "2.00", "4.00"],
        ["三", "1.00", "1.00", "2.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    rows[1][3] = "5.00"
    (f,) = _errors(_table(cols, rows))
    assert f.rule == "row_sum" and f.reported == 5


def test_a_table_with_glued_numbers_is_for_review() -> None:
    """'12.0010.00' in a numeric column is two rows read as one: the table was misread, so its
    failing sums are warnings for a person, not errors."""
    cols = [["指标"], ["分值"], ["得分"]]
    rows = [
        ["甲", "10", "9.00"],
        ["乙", "5", "5.00"],
        ["丙丁", "1210", "12.0010.00"],
        ["戊", "3", "3.00"],
        ["合计", "40", "39.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    assert any("读取异常" in f.message_zh for f in _errors(_table(cols, rows), "warning"))


def test_a_group_running_to_the_end_of_a_table_without_total_is_for_review() -> None:
    """过程(10分) over the table's last rows, no 合计 row closing the table: its rows may go on
    over a page that was not joined, so a short sum is a warning, not an error."""
    cols = [["一级指标"], ["二级指标"], ["三级指标"], ["分值"], ["得分"]]
    rows = _score_rows(["决策(5分)"] * 3 + ["过程(10分)"] * 3)[:-1]  # the last row cut off
    assert _errors(_table(cols, rows)) == []
    (w,) = [f for f in _errors(_table(cols, rows), "warning") if f.rule == "level_weight"]
    assert "续页" in w.message_zh
    closed = rows + [["合计", "", "", "10", "10"]]
    assert [f.rule for f in _errors(_table(cols, closed))] == ["level_weight"]


def test_blocks_side_by_side_are_checked_each_on_its_own() -> None:
    """人员经费 | 公用经费 printed side by side in one grid: each side's codes, names and
    amounts are a table of their own (a 302 row is not a part of the 人员经费 total), each
    side's 合计 on the shared last row adds up its own classes."""
    side = ["科目编码", "科目名称", "决算数"]
    cols = [["人员经费", x] for x in side] + [["公用经费", x] for x in side]
    rows = [
        ["301", "工资福利支出", "30.00", "302", "商品和服务支出", "12.00"],
        ["30101", "基本工资", "20.00", "30201", "办公费", "5.00"],
        ["30102", "津贴补贴", "10.00", "30205", "水费", "3.00"],
        ["303", "对个人和家庭的补助", "8.00", "30211", "差旅费", "4.00"],
        ["30302", "退休费", "8.00", "310", "资本性支出", "3.00"],
        ["", "", "", "31002", "办公设备购置", "3.00"],
        ["", "人员经费合计", "38.00", "", "公用经费合计", "15.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    bad = [r[:] for r in rows]
    bad[6][5] = "16.00"  # the right side's total
    (f,) = _errors(_table(cols, bad))
    assert f.rule == "column_sum" and f.reported == 16 and f.expected == 15
    assert {c.text for c in f.cells} == {"16.00", "12.00", "3.00"}
    # the same header repeated without groups (项目 金额 | 项目 金额) makes sides too
    flat = _table([["项目"], ["金额"], ["项目"], ["金额"]], [r[1:3] + r[4:6] for r in rows])
    assert _errors(flat) == []


def test_a_grand_total_adds_the_total_above_it() -> None:
    """收入总计 under 本年收入合计 and 年初结转和结余: the year's total and the carry-over."""
    cols = [["项目"], ["决算数"]]
    rows = [
        ["一、财政拨款收入", "80.00"],
        ["二、事业收入", "15.00"],
        ["本年收入合计", "95.00"],
        ["年初结转和结余", "5.00"],
        ["收入总计", "100.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    bad = [r[:] for r in rows]
    bad[4][1] = "101.00"
    (f,) = _errors(_table(cols, bad))
    assert f.reported == 101 and f.expected == 100


def test_a_year_is_neither_a_code_nor_an_amount() -> None:
    """2024年 beside 204 (公共安全支出): the year is a date, never a classification code whose
    children would be summed, never an amount added into a total."""
    assert parse_quantity("2024年").kind == "date"
    cols = [["年度"], ["科目编码"], ["科目名称"], ["金额"]]
    rows = [
        ["2024年", "204", "公共安全支出", "30.00"],
        ["2024年", "20405", "法院", "30.00"],
        ["2024年", "2040501", "行政运行", "30.00"],
        ["", "", "合计", "30.00"],
    ]
    assert _errors(_table(cols, rows)) == []
    view = build_view(_table(cols, rows), Vocab.load())
    assert [c.code for c in view.columns] == [False, True, False, False]
    assert view.columns[0].label and not view.columns[0].value


def test_one_definition_of_a_total() -> None:
    """Rows, header leaves, name lists and prose lists all ask Vocab.total_kind: a short label
    (ordinal and notes aside) that is or ends with a 合计 / 总计 word; 小计 is a subtotal."""
    v = Vocab.load()
    assert v.total_kind("合计") == v.total_kind("一、收入合计") == v.total_kind("总计") == "total"
    assert v.total_kind("合 计（万元）") == "total"
    assert v.total_kind("上饶市 小计") == "subtotal"
    assert v.total_kind("合计数量统计分析工作方案") is None  # a name, not a total
    assert v.total_kind("其他资金") is None
