"""Tables printed with no rules at all (numbers aligned under a header, whitespace only).

Random reports with no rules (samples/randreport, seeds outside the benchmark's 0–199) are read
back exactly: every table found, its header paths and its rows equal to the generator's truth
after score.py's normalisation, pages joined. And what is not a table stays prose: a paragraph
with numbers, a numbered list, a two-column title page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import tally
from samples.randreport.generate import doc_name, make
from samples.randreport.score import align_tables, norm

CASES = [
    ("reportlab", 1100),  # a sparse 一级指标 column over the 二级 labels spanning rows
    ("reportlab", 1101),  # a budget table's last two rows alone on the next page
    ("reportlab", 1102),  # the 合计 row alone under a repeated header on the next page
    ("reportlab", 1104),
    ("reportlab", 1105),
    ("docx", 1112),
    ("html", 1120),
]


def _needs(producer: str) -> None:
    if producer == "docx" and not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    if producer == "html" and not shutil.which("chromium"):
        pytest.skip("chromium is not installed")


def _rows(rows: list[list[str]]) -> list[list[str]]:
    return [[norm(x) for x in r] for r in rows]


@pytest.mark.parametrize("producer,seed", CASES)
def test_unruled_report(tmp_path: Path, producer: str, seed: int) -> None:
    _needs(producer)
    make(seed, tmp_path, producer=producer, rules="none")
    pdf = tmp_path / f"{doc_name(seed)}.pdf"
    truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
    assert truth["variant"]["rules"] == "none"
    doc = tally.extract(pdf).to_json()
    amap = align_tables(truth, doc)
    assert len(amap) == len(truth["tables"]) == len(doc["tables"])
    for i, tt in enumerate(truth["tables"]):
        et = doc["tables"][amap[i]]
        assert et["kind"] == "unruled"
        assert any("无框线" in n for n in et["notes"])  # the reviewer is told how it was read
        assert et["pages"] == tt["pages"], tt["title"]
        assert norm(et["title"]) == norm(tt["title"])
        assert et["unit"] == tt["unit"]
        assert [[norm(x) for x in c] for c in et["columns"]] == [
            [norm(x) for x in c] for c in tt["columns"]
        ], tt["title"]
        assert _rows(et["rows"]) == _rows(tt["rows"]), tt["title"]


_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _pdf(path: Path, draw) -> Path:  # noqa: ANN001
    """One page drawn by ``draw``."""
    return _pages(path, [draw], numbered=False)


def _pages(path: Path, draws, numbered: bool = True) -> Path:  # noqa: ANN001
    """A page per ``draws`` entry, each with its page number at the foot when ``numbered``."""
    if not Path(_FONT).exists():
        pytest.skip("WenQuanYi Micro Hei is not installed")
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", _FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    for k, draw in enumerate(draws, start=1):
        draw(c)
        if numbered:
            _text(c, A4[0] / 2, A4[1] - 40, f"- {k} -", 9, "c")
        c.showPage()
    c.save()
    return path


def _text(c, x: float, top: float, s: str, size: float = 11, align: str = "l") -> None:  # noqa: ANN001
    c.setFont("WQY", size)
    y = A4[1] - top - size
    if align == "r":
        c.drawRightString(x, y, s)
    elif align == "c":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def test_prose_with_numbers_is_not_a_table(tmp_path: Path) -> None:
    lines = [
        "　　2023年度省级专项资金共计33,085.00万元，其中省级财政拨款16,019.00万元，占48.42%，",
        "业务经费17,066.00万元，占51.58%。截至2023年12月31日，实际支出33,454.63万元，执行率",
        "95.54%，较上年提高2.1个百分点；32个子项目中31个完成年度目标，完成率96.88%。资金用于",
        "6个方向：监管执法1,200.50万元、检验检测980.00万元、信息化建设450.25万元、培训120.00",
        "万元、宣传80.00万元、其他54.25万元，合计2,885.00万元，占全部支出的8.62%。",
    ]

    def draw(c) -> None:  # noqa: ANN001
        for k, s in enumerate(lines):
            _text(c, 60, 80 + 19 * k, s)

    doc = tally.extract(_pdf(tmp_path / "prose.pdf", draw)).document
    assert doc.tables == []
    assert len(doc.pages[0].lines) == len(lines)


def test_numbered_list_is_not_a_table(tmp_path: Path) -> None:
    items = [
        ("1.", "监管执法项目", "1,200.50万元", "2023年3月"),
        ("2.", "检验检测项目", "980.00万元", "2023年5月"),
        ("3.", "信息化建设项目", "450.25万元", "2023年6月"),
        ("4.", "培训项目", "120.00万元", "2023年9月"),
        ("5.", "宣传项目", "80.00万元", "2023年11月"),
    ]

    def draw(c) -> None:  # noqa: ANN001
        _text(c, 60, 60, "二、项目实施情况")
        for k, (n, name, amount, when) in enumerate(items):
            _text(c, 80, 90 + 20 * k, f"{n}{name}：安排资金{amount}，{when}完成。")

    doc = tally.extract(_pdf(tmp_path / "list.pdf", draw)).document
    assert doc.tables == []


def test_two_column_title_page_is_not_a_table(tmp_path: Path) -> None:
    pairs = [
        ("项目名称：", "省级市场监管专项资金"),
        ("主管部门：", "省市场监督管理局"),
        ("评价机构：", "某某会计师事务所"),
        ("资金规模：", "33,085.00万元"),
        ("项目个数：", "33个"),
        ("报告日期：", "2024年3月15日"),
    ]

    def draw(c) -> None:  # noqa: ANN001
        _text(c, A4[0] / 2, 120, "2023年度省级市场监管专项资金", 20, "c")
        _text(c, A4[0] / 2, 160, "绩效评价报告", 20, "c")
        for k, (a, b) in enumerate(pairs):
            _text(c, 250, 320 + 30 * k, a, 14, "r")
            _text(c, 270, 320 + 30 * k, b, 14)
        _text(c, 60, 600, "附件：1.资金使用结构明细表  2.现场评价明细表  3.评分表", 11)

    doc = tally.extract(_pdf(tmp_path / "title.pdf", draw)).document
    assert doc.tables == []


def test_aligned_columns_without_rules_are_a_table(tmp_path: Path) -> None:
    """A small table of our own: three amount columns flush right under a caption and header,
    a 合计 row; read with its unit, header and every row."""
    rows = [
        ("合计", "1,530.00", "1,200.00", "78.43%"),
        ("监管执法", "800.00", "650.00", "81.25%"),
        ("检验检测", "450.00", "370.00", "82.22%"),
        ("信息化建设", "280.00", "180.00", "64.29%"),
    ]
    right = [260, 340, 420]

    def draw(c) -> None:  # noqa: ANN001
        _text(c, 60, 40, "附表1", 11)
        _text(c, A4[0] / 2, 60, "资金使用情况表", 15, "c")
        _text(c, 420, 90, "单位：万元", 10, "r")
        for x, h in zip([110, 235, 315, 395], ["项目", "预算数", "支出数", "执行率"], strict=True):
            _text(c, x, 115, h, 10, "c")
        for k, row in enumerate(rows):
            _text(c, 70, 140 + 18 * k, row[0], 10)
            for x, v in zip(right, row[1:], strict=True):
                _text(c, x, 140 + 18 * k, v, 10, "r")
        _text(c, 60, 240, "　　以上资金均按规定用途使用，未发现挤占挪用情况。", 11)

    doc = tally.extract(_pdf(tmp_path / "table.pdf", draw)).document
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.kind == "unruled" and t.unit == "万元" and t.title == "附表1 资金使用情况表"
    assert t.columns == [["项目"], ["预算数"], ["支出数"], ["执行率"]]
    assert [[c.text for c in r] for r in t.rows] == [list(r) for r in rows]
    assert any("未发现挤占挪用" in ln.text for ln in doc.pages[0].lines)


def _amounts(k: int) -> tuple[str, str, str]:
    bud = 1000 + 37 * k
    spent = bud - 11 * k
    return f"{bud:,}.00", f"{spent:,}.00", f"{spent / bud:.2%}"


def test_table_over_a_page_ending_in_a_dash_row_and_a_section_row(tmp_path: Path) -> None:
    """An unruled table whose page ends with a project that spent nothing (a row of dashes)
    and a section row (三、…) alone at the page foot; the next page goes on with no header.
    One table over both pages: the dash row and the section row are rows, not prose."""
    right = [300, 390, 470]
    first = [("一、省直项目", "", "", "")]
    first += [(f"省直项目{k}", *_amounts(k)) for k in range(1, 31)]
    first += [("农产品质量安全监管", "-", "-", "/"), ("三、转移支付市县项目", "", "", "")]
    second = [(f"市县项目{k}", *_amounts(40 + k)) for k in range(1, 9)]

    def row(c, top: float, r) -> None:  # noqa: ANN001
        _text(c, 70, top, r[0], 10)
        for x, v in zip(right, r[1:], strict=True):
            if v:
                _text(c, x, top, v, 10, "r")

    def page1(c) -> None:  # noqa: ANN001
        _text(c, A4[0] / 2, 50, "附件1 项目资金执行情况表", 15, "c")
        _text(c, 470, 78, "单位：万元", 10, "r")
        for x, h in zip(
            [120, 270, 360, 445], ["项目名称", "预算数", "执行数", "执行率"], strict=True
        ):
            _text(c, x, 100, h, 10, "c")
        for k, r in enumerate(first):
            row(c, 122 + 20 * k, r)

    def page2(c) -> None:  # noqa: ANN001
        for k, r in enumerate(second):
            row(c, 60 + 20 * k, r)
        _text(
            c,
            60,
            60 + 20 * len(second) + 30,
            "　　以上资金均按规定用途使用，未发现挤占挪用情况。",
            11,
        )

    doc = tally.extract(_pages(tmp_path / "t.pdf", [page1, page2])).document
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.pages == [1, 2]
    assert [[c.text for c in r] for r in t.rows] == [list(r) for r in first + second]


def test_headerless_continuation_with_two_number_columns(tmp_path: Path) -> None:
    """A score table (two number columns) whose last rows run onto the next page with no
    header: two aligned columns heading a page are taken as the table's continuation."""
    rows = [(f"二级指标{k}", str(2 + k % 5), f"{2 + k % 5 - 0.5 * (k % 2):.1f}") for k in range(34)]
    rows.append(("合计", str(sum(int(r[1]) for r in rows)), "—"))
    cut = 30

    def row(c, top: float, r) -> None:  # noqa: ANN001
        _text(c, 80, top, r[0], 10)
        _text(c, 330, top, r[1], 10, "r")
        _text(c, 430, top, r[2], 10, "r")

    def page1(c) -> None:  # noqa: ANN001
        _text(c, A4[0] / 2, 50, "附件2 绩效评价指标评分表", 15, "c")
        for x, h in zip([120, 320, 420], ["指标", "分值", "得分"], strict=True):
            _text(c, x, 90, h, 10, "c")
        for k, r in enumerate(rows[:cut]):
            row(c, 112 + 22 * k, r)

    def page2(c) -> None:  # noqa: ANN001
        for k, r in enumerate(rows[cut:]):
            row(c, 60 + 22 * k, r)

    doc = tally.extract(_pages(tmp_path / "s.pdf", [page1, page2])).document
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.pages == [1, 2]
    assert [[c.text for c in r] for r in t.rows] == [list(r) for r in rows]


def test_one_amount_column_under_a_header_is_a_table(tmp_path: Path) -> None:
    """A 功能科目 table printed with no rules: code, name and one 金额 flush right under a
    header of three labels; a 类 row with its amount blank. Read with every row."""
    rows = [
        ("合计", "合计", "1,530.00"),
        ("201", "一般公共服务支出", "1,200.00"),
        ("20101", "人大事务", "1,200.00"),
        ("2010101", "行政运行", "950.00"),
        ("2010102", "一般行政管理事务", "250.00"),
        ("208", "社会保障和就业支出", ""),
        ("221", "住房保障支出", "330.00"),
    ]

    def draw(c) -> None:  # noqa: ANN001
        _text(c, A4[0] / 2, 60, "财政拨款支出预算表（功能科目）", 15, "c")
        _text(c, 470, 90, "单位：万元", 10, "r")
        for x, h in zip([110, 250, 430], ["功能科目编码", "功能科目名称", "金额"], strict=True):
            _text(c, x, 115, h, 10, "c")
        for k, (code, name, amt) in enumerate(rows):
            _text(c, 80, 140 + 18 * k, code, 10)
            _text(c, 190, 140 + 18 * k, name, 10)
            if amt:
                _text(c, 470, 140 + 18 * k, amt, 10, "r")
        _text(c, 60, 300, "　　以上为本部门财政拨款支出预算，按功能分类列示。", 11)

    doc = tally.extract(_pdf(tmp_path / "one.pdf", draw)).document
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.columns == [["功能科目编码"], ["功能科目名称"], ["金额"]]
    assert [[c.text for c in r] for r in t.rows] == [list(r) for r in rows]


def test_items_with_amounts_and_no_header_stay_prose(tmp_path: Path) -> None:
    """Lines of an item and its amount flush right, with no header over them (a list in the
    text), are not a table: one amount a line proves nothing without a header."""
    items = [
        ("办公费", "20.00万元"),
        ("印刷费", "15.50万元"),
        ("差旅费", "32.00万元"),
        ("会议费", "8.00万元"),
    ]

    def draw(c) -> None:  # noqa: ANN001
        _text(c, 60, 60, "　　2023年度公用经费主要用于以下方面，具体如下：", 11)
        for k, (name, amt) in enumerate(items):
            _text(c, 90, 85 + 18 * k, name, 11)
            _text(c, 400, 85 + 18 * k, amt, 11, "r")
        _text(c, 60, 170, "　　上述支出均按规定程序审批，未发现超标准列支情况。", 11)

    doc = tally.extract(_pdf(tmp_path / "list.pdf", draw)).document
    assert doc.tables == []


def test_one_row_under_a_flat_header_is_a_table(tmp_path: Path) -> None:
    """支出预算总表 printed with no rules: five labels (one wrapped over lines) and one row of
    amounts, each under its own label. One row proves its columns through the header."""
    heads = [
        ("合计", 110),
        ("基本支出", 190),
        ("项目支出", 270),
        ("单位预留机动经费", 350),
        ("结转下年资金", 430),
    ]
    row = ["11,557.39", "4,880.83", "6,676.56", "-", "-"]

    def draw(c) -> None:  # noqa: ANN001
        _text(c, A4[0] / 2, 60, "支出预算总表", 15, "c")
        _text(c, 490, 90, "单位：万元", 10, "r")
        for h, x in heads:  # a long label wraps over two lines in its narrow column
            parts = [h] if len(h) <= 4 else [h[:4], h[4:]]
            for k, part in enumerate(parts):
                _text(c, x, 115 + 12 * k - 6 * (len(parts) - 1), part, 10, "c")
        for v, (_, x) in zip(row, heads, strict=True):
            _text(c, x + 20, 140, v, 10, "r")
        _text(c, 60, 190, "　　以上为本部门支出预算总表。", 11)

    doc = tally.extract(_pdf(tmp_path / "row.pdf", draw)).document
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.columns == [[h] for h, _ in heads]
    assert [[c.text for c in r] for r in t.rows] == [row]
