"""Make the "dirty twins" of the sample reports: samples/dirty/<stem>-dirty.pdf.

Each dirty twin is its sample rendered by the sample's own ``build`` from a copy of the clean
data in which a few table cells were changed — each plant is ONE printed string in ONE body
cell, chosen to break at least one relation that holds in the clean sample (a sum, a 小计, a
rate, a share, a score limit, a level sum, a total score).  Plants in one PDF are independent:
no two share a row or a column of the same table.

For every twin the script writes, next to the PDF:

  <stem>-dirty.planted.json   what was planted where: table title, body row/column (0-based,
                              as in the truth file), row label, column header path, original
                              and printed text, page and bbox of the printed text (PDF points,
                              top-left origin, pdfplumber x0/top/x1/bottom, read back from the
                              rendered PDF), and which relations it breaks;
  <stem>-dirty.truth.json     the truth of the dirty PDF (as the generator writes it: the clean
                              truth with the planted cells changed).

Checks done on every run (an AssertionError stops the script):
  * each plant's original equals the clean truth's cell; printed has the original's format
    (same shape of digits, separators, % and decimals) and differs from it by >= 10 units of
    the last printed decimal;
  * the sample's own consistency check passes on the clean data and fails on the data with
    that one plant alone (make_hunan has none: an interval check of its annexes is used);
  * no two plants of a PDF share a row or a column of one table;
  * the dirty truth equals the clean truth except at the planted cells;
  * the printed string occurs exactly once on its page (as a whole number, not inside a longer
    one) and that hit lies in the table's area; ``page.crop(bbox).extract_text()`` is it.

Prose and name plants (``NEW_PLANTS``; kinds prose_share, prose_rate, prose_total_score,
prose_sum, sampled_exceeds_allocation, name_unmatched) come on top of the table plants, touch
none of their rows or columns, and are checked too:
  * a prose plant's original satisfies its relation (interval arithmetic on the operands
    printed in its sentence) and its printed value does not; same format, >= 10 units off;
  * it is found exactly once in the body pages (whole number), ``page.crop(bbox)`` gives it,
    and its sentence is on that page;
  * a renamed header shares no character with any annex-1 project name (the clean one
    abbreviates one), has the same length (so the layout does not move), and is found once
    on the table's first page, above the body;
  * a sampled_exceeds_allocation plant leaves annex 2's own sums exact (before and after)
    and puts its 合计-row cell above the project's annex-1 allocation (at or below before).

``--extract`` also runs ``tally extract`` on each dirty PDF and compares its tables with the
clean truth (the only differences must be the planted cells).

Run: ``python samples/make_dirty.py [--only STEM ...] [--skip-office] [--extract]``.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pdfplumber

HERE = Path(__file__).resolve().parent
OUT = HERE / "dirty"
sys.path.insert(0, str(HERE))


# --------------------------------------------------------------------------- the plants
# table: index into the truth's tables; row/col: body row / column as in the truth;
# label: columns whose text names the row.
PLANTS: dict[str, list[dict]] = {
    "hunan-amr-2023": [
        dict(
            id="P1",
            kind="transposed_digit",
            table=0,
            row=4,
            col=7,
            printed="9.79",
            label=[0],
            breaks="row sum of the 资金使用(支出)情况 items = 支出情况/合计 (269.10); column sum of "
            "差旅费 = its 合计 row (1054.23)",
        ),
        dict(
            id="P2",
            kind="wrong_rate",
            table=0,
            row=18,
            col=31,
            printed="94.68%",
            label=[0],
            breaks="资金使用率/合计 = 支出情况/合计 / 资金到位情况/合计 (557.65 / 578.00 = 96.48%)",
        ),
        dict(
            id="P3",
            kind="wrong_subtotal",
            table=1,
            row=12,
            col=28,
            printed="96",
            label=[0, 1],
            breaks="湘西州 小计 = sum of its counties in this column (75); 合计 row = province "
            "units + city 小计s in this column (470); the 小计 row's 合计 (987) = its columns",
        ),
        dict(
            id="P4",
            kind="wrong_total_score",
            table=2,
            row=36,
            col=6,
            printed="35.60",
            label=[0],
            breaks="合计 得分 = sum of the indicators' 得分 (36.60)",
        ),
    ],
    "jiangxi-agri-2023": [
        dict(
            id="P1",
            kind="wrong_total",
            table=0,
            row=42,
            col=11,
            printed="3716.19",
            label=[0],
            breaks="合计 row of 其他支出 = column sum (3706.19); the 合计 row's items = its 支出合计 "
            "(43400.28)",
        ),
        dict(
            id="P2",
            kind="wrong_subtotal",
            table=1,
            row=14,
            col=11,
            printed="234.00",
            label=[0, 1],
            breaks="上饶市 小计 = sum of its counties in this column (243.00); 合计 row = province "
            "units + 小计s (631.50); the 小计 row's 合计 (1721.50) = its columns",
        ),
        dict(
            id="P3",
            kind="wrong_level_sum",
            table=2,
            row=4,
            col=4,
            printed="5.80",
            label=[1],
            breaks="二级 绩效目标 得分 = sum of its 三级 得分 (3.00 + 2.60 = 5.60); 一级 项目决策 得分 "
            "(18.30) = sum of its 二级 得分",
        ),
    ],
    "shaanxi-health-2022": [
        dict(
            id="P1",
            kind="wrong_rate",
            table=0,
            row=3,
            col=7,
            printed="81.82%",
            label=[1],
            breaks="项目支出/执行率 = 执行数 / 预算数 (14,662,918.48 / 16,639,992.70 = 88.12%)",
        ),
        dict(
            id="P2",
            kind="wrong_share",
            table=1,
            row=2,
            col=6,
            printed="12.39%",
            label=[1],
            breaks="占比 = the row's 执行数 / the 合计 row's 执行数 (8,619.80 / 66,641.23 = 12.93%); "
            "the 占比 column sums to 100.00%",
        ),
        dict(
            id="P3",
            kind="score_above_weight",
            table=2,
            row=12,
            col=6,
            printed="8.5",
            label=[2],
            breaks="得分 <= 分值 (8); 合计 得分 = sum of 得分 (96.37)",
        ),
    ],
    "guangdong-culture-2023": [
        dict(
            id="P1",
            kind="transposed_digit",
            table=0,
            row=13,
            col=5,
            printed="202.39",
            label=[0],
            breaks="row sum of the 资金支出情况 items = 资金支出情况/合计 (610.00); column sum of "
            "印刷宣传费 = its 合计 row (3,225.80)",
        ),
        dict(
            id="P2",
            kind="wrong_subtotal",
            table=1,
            row=23,
            col=12,
            printed="293.35",
            label=[0, 1],
            breaks="清远市 小计 = sum of its counties in this column (283.35); 合计 row = 省直单位 + "
            "小计s (416.35); the 小计 row's 合计 (1,031.45) = its columns",
        ),
        dict(
            id="P3",
            kind="wrong_total_score",
            table=2,
            row=22,
            col=4,
            printed="95.47",
            label=[0],
            breaks="合计 得分 = sum of the 三级 得分 (94.57); the body's 最终得分 94.57",
        ),
    ],
}


# --------------------------------------------------------------------------- prose and name plants
# Plants in the body text and in names, for the checks of numeric claims in the prose and of
# project names matched across annexes.  They touch no row or column of a table plant above.
#
# where="prose": ``anchor`` is a piece of one body paragraph (unique in the body) holding
#   ``original``; the plant prints ``printed`` in its place.  ``rel`` is the relation the
#   original satisfies and the printed value does not (interval arithmetic, as in the checker):
#   ("ratio", num, den): value = num / den (×100 when a %); ("sum", [parts]): value = their sum;
#   ("diff", total, [others]): value = total − the others.  Every operand is printed in the
#   plant's sentence.
# where="header": annex-2 column ``col`` of ``table`` renamed to ``printed``, a name sharing no
#   character with any annex-1 project name (the clean header abbreviates an annex-1 name).
# where="table" (sampled_exceeds_allocation): the cell (``unit_row``, ``col``) of annex 2 raised
#   to ``unit_printed`` and, to keep annex 2's own sums, the row's 合计, its region's 小计 (and
#   that row's 合计) and the 合计 row (that column and its 合计) raised by as much; the body's
#   sentence quoting annex 2's total (``follow``) is updated too, so that the only relation
#   broken is annex 2's 合计 row of that column against ``project``'s allocation in annex 1
#   (its ``alloc_cols``).  The plant is recorded at that 合计-row cell.
NEW_PLANTS: dict[str, list[dict]] = {
    "hunan-amr-2023": [
        dict(
            id="P5",
            kind="prose_share",
            where="prose",
            anchor="省直机关安排16,019.00万元，占比48.42%",
            original="48.42%",
            printed="48.24%",
            rel=("ratio", "16,019.00", "33,085.00"),
            breaks="占比 = 省直机关安排 / 共计 (16,019.00 / 33,085.00 = 48.42%); the two 占比 add up "
            "to 100% (48.24% + 51.58%)",
        ),
        dict(
            id="P6",
            kind="prose_rate",
            where="prose",
            anchor="资金执行率95.54%",
            original="95.54%",
            printed="96.54%",
            rel=("ratio", "33,454.63", "35,014.75"),
            breaks="资金执行率 = 已使用资金 / 实际用于 (33,454.63 / 35,014.75 = 95.54%); 附件1 合计 row "
            "资金使用率/合计 and 附件4 执行率 (95.54%)",
        ),
        dict(
            id="P7",
            kind="prose_total_score",
            where="prose",
            anchor="最终得分为95.09分",
            original="95.09",
            printed="95.90",
            rel=("sum", ["20.1", "16.5", "33.49", "25"]),
            breaks="最终得分 = 项目决策 + 项目过程 + 项目产出 + 项目效益 评价得分 (20.1 + 16.5 + 33.49 + 25 "
            "= 95.09)",
        ),
    ],
    "jiangxi-agri-2023": [
        dict(
            id="P4",
            kind="prose_sum",
            where="prose",
            anchor="配套自筹资金2,065.00万元",
            original="2,065.00",
            printed="2,056.00",
            rel=("diff", "44,219.00", ["42,154.00"]),
            breaks="实际到位 = 专项资金 + 配套自筹资金 (44,219.00 = 42,154.00 + 2,065.00); 附件1 合计 row "
            "资金到位情况/自筹资金 (2065.00)",
        ),
        dict(
            id="P5",
            kind="prose_total_score",
            where="prose",
            anchor="最终得分为94.35分",
            original="94.35",
            printed="94.53",
            rel=("sum", ["18.30", "18.50", "33.20", "24.35"]),
            breaks="最终得分 = 项目决策 + 项目过程 + 项目产出 + 项目效益 评价得分 (18.30 + 18.50 + 33.20 + "
            "24.35 = 94.35); 附件3 合计 得分 (94.35)",
        ),
        dict(
            id="P6",
            kind="name_unmatched",
            where="header",
            table=1,
            col=5,
            printed="森林碳汇交易",
            breaks="附件2 project column 「森林碳汇交易」 matches no 附件1 project (clean: 「良种繁育基地」 "
            "= 附件1 良种繁育基地建设, whose allocation its sampled 合计 473.00 is checked against)",
        ),
    ],
    "shaanxi-health-2022": [
        dict(
            id="P4",
            kind="prose_share",
            where="prose",
            anchor="基本支出128,085.47万元，占比59.57%",
            original="59.57%",
            printed="59.75%",
            rel=("ratio", "128,085.47", "215,021.57"),
            breaks="占比 = 基本支出 / 共安排 (128,085.47 / 215,021.57 = 59.57%); the two 占比 add up to "
            "100% (59.75% + 40.43%)",
        ),
        dict(
            id="P5",
            kind="prose_rate",
            where="prose",
            anchor="执行率仅73.1%",
            original="73.1%",
            printed="78.1%",
            rel=("ratio", "3,362.60", "4,600.00"),
            breaks="执行率 = 执行 / 预算 (3,362.60 / 4,600.00 = 73.1%); 附件2 row 紧急医学救援基地 执行率 "
            "(73.1%)",
        ),
    ],
    "guangdong-culture-2023": [
        dict(
            id="P4",
            kind="sampled_exceeds_allocation",
            where="table",
            table=1,
            col=11,
            unit_row=6,
            unit_printed="680.00",
            label=[0, 1],
            project="非遗工坊建设",
            alloc_table=0,
            alloc_cols=[2, 4],
            follow=[
                ("抽查资金{}万元", "total"),
                ("抽查资金占专项资金总额的{}", ("share", "28,038.00")),
            ],
            breaks="附件2 合计 row 非遗工坊 (sampled) <= 附件1 非遗工坊建设 资金到位情况 专项资金 / 合计 "
            "(1,260.00): 1,273.10 exceeds it; annex 2's own sums hold (南雄市 120.00 → 680.00 with its "
            "合计, 韶关市 小计 and the 合计 row raised alike; the body's 抽查资金 and its share follow)",
        ),
        dict(
            id="P5",
            kind="prose_share",
            where="prose",
            anchor="2,978.00万元，占比10.62%",
            original="10.62%",
            printed="10.26%",
            rel=("ratio", "2,978.00", "28,038.00"),
            breaks="占比 = the direction's amount / 专项资金 (2,978.00 / 28,038.00 = 10.62%); the five "
            "direction 占比 add up to 100%",
        ),
    ],
}

# --------------------------------------------------------------------------- numbers
NUM = re.compile(r"-?[\d,]+(\.\d+)?%?")


def shape(s: str) -> str:
    """The printed format of a number: digits → 9 (so '1,234.56%' → '9,999.99%')."""
    return re.sub(r"\d", "9", s)


def last_unit(s: str) -> Decimal:
    s = s.replace(",", "").rstrip("%")
    return Decimal(1).scaleb(-len(s.split(".")[1])) if "." in s else Decimal(1)


def value(s: str) -> Decimal:
    return Decimal(s.replace(",", "").rstrip("%"))


def check_plausible(p: dict) -> None:
    o, n = p["original"], p["printed"]
    assert NUM.fullmatch(o) and NUM.fullmatch(n), (p["id"], o, n)
    assert last_unit(o) == last_unit(n) and o.endswith("%") == n.endswith("%"), (p["id"], o, n)
    if p["kind"] == "transposed_digit":
        assert sorted(o) == sorted(n) and o != n, (p["id"], o, n)
    else:
        assert len(shape(o)) >= len(shape(n)) - 1, (p["id"], o, n)  # same order of magnitude
    assert abs(value(o) - value(n)) >= 10 * last_unit(o), (p["id"], o, n)


# --------------------------------------------------------------------------- hunan interval check
def _iv(s: str) -> tuple[Decimal, Decimal] | None:
    """A printed number as the interval it stands for; '' is an exact 0, '/' is None."""
    s = s.strip()
    if s in ("", "-"):
        return Decimal(0), Decimal(0)
    if s == "/":
        return None
    h = last_unit(s) / 2
    v = value(s)
    return v - h, v + h


def _sum(ivs):
    ivs = [x for x in ivs if x is not None]  # '/': not applicable, adds nothing
    return sum(a for a, _ in ivs), sum(b for _, b in ivs)


def _meet(a, b) -> bool:
    return b is None or (a[0] <= b[1] and b[0] <= a[1])


def hunan_violations(truth: dict, data) -> list[str]:
    """The relations of the hunan annexes 1-3 that fail under every rounding of the operands."""
    bad = []
    t1, t2, t3 = truth["tables"][:3]
    rows = t1["rows"]
    for i, r in enumerate(rows):
        c = [_iv(x) for x in r[2:]]
        c = [None] * 2 + c
        if not _meet(_sum(c[5:26]), c[28]):
            bad.append(f"A1 row {i} items != 支出合计")
        for a, b, s in ((2, 3, 4), (26, 27, 28)):
            if not _meet(_sum([c[a], c[b]]), c[s]):
                bad.append(f"A1 row {i} {a}+{b} != {s}")
        for num, den, rate in ((26, 2, 29), (27, 3, 30), (28, 4, 31)):
            if c[rate] is None:
                continue
            lo = c[num][0] * 100 / c[den][1]
            hi = c[num][1] * 100 / c[den][0]
            if not _meet((lo, hi), c[rate]):
                bad.append(f"A1 row {i} rate col {rate}")
    for j in range(2, 29):
        if not _meet(_sum([_iv(r[j]) for r in rows[:-1]]), _iv(rows[-1][j])):
            bad.append(f"A1 column {j} sum")
    rows = t2["rows"]
    for i, r in enumerate(rows):
        if not _meet(_sum([_iv(x) for x in r[3:]]), _iv(r[2])):
            bad.append(f"A2 row {i} 合计")
    for j in range(2, len(rows[0])):
        grand = []
        i = 0
        while i < len(rows) - 1:
            if rows[i][1].startswith("小计"):
                k = i + 1
                while k < len(rows) - 1 and rows[k][0] == rows[i][0]:
                    k += 1
                if not _meet(_sum([_iv(r[j]) for r in rows[i + 1 : k]]), _iv(rows[i][j])):
                    bad.append(f"A2 小计 row {i} column {j}")
                grand.append(_iv(rows[i][j]))
                i = k
            else:
                grand.append(_iv(rows[i][j]))
                i += 1
        if not _meet(_sum(grand), _iv(rows[-1][j])):
            bad.append(f"A2 合计 column {j}")
    # 附件3: one score per indicator (its criteria rows repeat it), the 合计 row is their sum
    rows = t3["rows"]
    seen, ws, ss = set(), [], []
    for r in rows[:-1]:
        key = tuple(r[:4] + [r[6], r[7]])
        if key not in seen:
            seen.add(key)
            ws.append(_iv(r[3]))
            ss.append(_iv(r[6]))
    assert len(seen) == len(data.A3_INDICATORS)
    if not _meet(_sum(ws), _iv(rows[-1][3])):
        bad.append("A3 合计 分值")
    if not _meet(_sum(ss), _iv(rows[-1][6])):
        bad.append("A3 合计 得分")
    return bad


# --------------------------------------------------------------------------- samples
class Sample:
    """How to copy, edit, check and render one sample."""

    stem: str
    module: str

    def __init__(self):
        self.mod = __import__(self.module)

    def clean_data(self):
        raise NotImplementedError

    def set_cell(self, data, t: int, r: int, c: int, text: str) -> None:
        raise NotImplementedError

    def check(self, data) -> None:
        """Raise AssertionError when data is not consistent."""
        raise NotImplementedError

    def build(self, data, out_pdf: Path) -> dict:
        raise NotImplementedError

    def table_area(
        self, page: pdfplumber.page.Page, pageno: int
    ) -> tuple[float, float, float, float]:
        """The bbox of the (one) table drawn on page ``pageno``."""
        cells = [b for p, b, _ in self.cells if p == pageno]
        assert cells, pageno
        return (
            min(b[0] for b in cells),
            min(b[1] for b in cells),
            max(b[2] for b in cells),
            max(b[3] for b in cells),
        )

    def cell_boxes(self, pageno: int, text: str) -> list[tuple]:
        return [b for p, b, s in self.cells if p == pageno and s == text]

    # the prose body: its paragraphs as printed, and a way to replace one
    def body_paras(self, data) -> list[str]:
        raise NotImplementedError

    def set_body_para(self, data, i: int, text: str) -> None:
        raise NotImplementedError

    def set_header(self, data, t: int, c: int, text: str) -> None:
        raise NotImplementedError  # only the samples that have a name plant


class Hunan(Sample):
    stem, module = "hunan-amr-2023", "make_hunan"

    def clean_data(self):
        return self.mod.clone(self.mod.load_data())

    def set_cell(self, data, t, r, c, text):
        if t == 0:
            data.A1_ROWS[r][c] = text
        elif t == 1:
            data.A2_ROWS[r][c] = text
        elif t == 2 and r == len(self._truth["tables"][2]["rows"]) - 1:
            data.A3_TOTAL[c] = text
        else:
            raise ValueError((t, r, c))  # other cells of hunan are not planted here

    def check(self, data):
        _, truth = self.mod.build(data)
        bad = hunan_violations(truth, data)
        assert not bad, bad

    def body_paras(self, data):
        return [c if isinstance(c, str) else "" for _, c in data.BODY]

    def set_body_para(self, data, i, text):
        data.BODY[i] = (data.BODY[i][0], text)

    def build(self, data, out_pdf):
        layout: list = []
        pdf, truth = self.mod.build(data, layout=layout)
        out_pdf.write_bytes(pdf)
        truth["pdf"] = out_pdf.name
        self.cells = [(d["page"], tuple(d["bbox"]), d["text"]) for d in layout]
        self._layout = layout
        return truth

    def table_area(self, page, pageno):
        title = self._truth_title
        cells = [d["bbox"] for d in self._layout if d["page"] == pageno and d["table"] == title]
        assert cells, (title, pageno)
        return (
            min(b[0] for b in cells),
            min(b[1] for b in cells),
            max(b[2] for b in cells),
            max(b[3] for b in cells),
        )


class Model(Sample):
    """make_threeline / make_formats: a dict model rendered as is."""

    def clean_data(self):
        return copy.deepcopy(self.mod.make_data())

    def set_cell(self, data, t, r, c, text):
        data["tables"][t]["rows"][r][c] = text

    def check(self, data):
        self.mod.check(data)

    def body_paras(self, data):
        return [t for _, t in data["body"]]

    def set_body_para(self, data, i, text):
        data["body"][i] = (data["body"][i][0], text)

    def set_header(self, data, t, c, text):
        cols = data["tables"][t]["columns"]
        cols[c] = [*cols[c][:-1], text]

    def build(self, data, out_pdf):
        truth = self.mod.build(copy.deepcopy(data), out_pdf)
        self.cells = list(self.mod.build.cells)
        return truth


class Threeline(Model):
    stem, module = "jiangxi-agri-2023", "make_threeline"


class Formats(Model):
    stem, module = "shaanxi-health-2022", "make_formats"


class Office(Sample):
    stem, module = "guangdong-culture-2023", "make_office"

    def clean_data(self):
        return copy.deepcopy(self.mod.make_data())

    def set_cell(self, data, t, r, c, text):
        body = data["tables"][t]["body"]
        assert body[r][c] is not None, (t, r, c)  # not a cell covered by a merge
        body[r][c] = text

    def check(self, data):
        self.mod.verify(data)

    def body_paras(self, data):
        v = data["body"]["values"]
        return [t.format(**v) for _, t in data["body"]["blocks"]]

    def set_body_para(self, data, i, text):
        # the paragraph becomes literal text (its template's placeholders filled in)
        assert "{" not in text and "}" not in text, text
        kind, _ = data["body"]["blocks"][i]
        data["body"]["blocks"][i] = (kind, text)

    def build(self, data, out_pdf):
        self.mod.check_fit(data)  # every planted number still fits its cell on one line
        self.cells = []
        return self.mod.build(copy.deepcopy(data), out_pdf)

    def table_area(self, page, pageno):
        found = page.find_tables()
        assert len(found) == 1, (pageno, len(found))
        return found[0].bbox

    def cell_boxes(self, pageno, text):
        return []


SAMPLES = [Hunan, Threeline, Formats, Office]


# --------------------------------------------------------------------------- locating
def whole(text: str) -> re.Pattern:
    """``text`` as a whole number: not inside a longer number."""
    return re.compile(r"(?<![\d.,])" + re.escape(text) + r"(?![\d.,%])")


def inside(box, area, tol=0.5) -> bool:
    return (
        area[0] - tol <= box[0]
        and box[2] <= area[2] + tol
        and area[1] - tol <= box[1]
        and box[3] <= area[3] + tol
    )


def locate(sample: Sample, pdf_path: Path, table: dict, printed: str) -> tuple[int, list[float]]:
    """(page, bbox) of the one occurrence of ``printed`` in the table's area."""
    pat = whole(printed)
    hits = []
    with pdfplumber.open(str(pdf_path)) as doc:
        for pageno in table["pages"]:
            page = doc.pages[pageno - 1]
            area = sample.table_area(page, pageno)
            found = page.search(pat, regex=True, return_chars=False)
            in_table = [h for h in found if inside((h["x0"], h["top"], h["x1"], h["bottom"]), area)]
            if in_table:
                # unique on its page, inside or outside the table
                assert len(found) == 1, (printed, pageno, len(found))
            hits += [
                (pageno, [round(h[k], 2) for k in ("x0", "top", "x1", "bottom")]) for h in in_table
            ]
        assert len(hits) == 1, (printed, hits)
        pageno, bbox = hits[0]
        page = doc.pages[pageno - 1]
        text = page.crop(bbox).extract_text()
        assert text == printed, (printed, text)
    boxes = sample.cell_boxes(pageno, printed)
    if boxes or not isinstance(sample, Office):
        assert len(boxes) == 1 and inside(bbox, boxes[0]), (printed, boxes, bbox)
    return pageno, bbox


# --------------------------------------------------------------------------- prose and names
def _pct_str(num: Decimal, den: Decimal, places: int) -> str:
    from decimal import ROUND_HALF_UP

    q = Decimal(1).scaleb(-places)
    return f"{(num * 100 / den).quantize(q, ROUND_HALF_UP)}%"


def rel_holds(rel: tuple, printed: str) -> bool:
    """Can ``printed`` be the result of ``rel`` under some rounding of its operands?"""
    target = _iv(printed)
    if rel[0] == "ratio":
        (nl, nh), (dl, dh) = _iv(rel[1]), _iv(rel[2])
        k = 100 if printed.endswith("%") else 1
        got = (nl * k / dh, nh * k / dl)
    elif rel[0] == "sum":
        got = _sum([_iv(x) for x in rel[1]])
    elif rel[0] == "diff":
        (tl, th), (ol, oh) = _iv(rel[1]), _sum([_iv(x) for x in rel[2]])
        got = (tl - oh, th - ol)
    else:
        raise ValueError(rel)
    return _meet(got, target)


def rel_operands(rel: tuple) -> list[str]:
    if rel[0] == "ratio":
        return [rel[1], rel[2]]
    if rel[0] == "sum":
        return list(rel[1])
    return [rel[1], *rel[2]]


def sentence_of(paras: list[str], piece: str, need: list[str] = ()) -> str:
    """The sentence (up to its 。) of the one paragraph that holds ``piece``, run on over the
    next sentences, then back over the previous ones, until it holds every number in ``need``
    (a total score and its parts; a 占比 and the total stated a sentence before)."""
    hits = [t for t in paras if piece in t]
    assert len(hits) == 1 and hits[0].count(piece) == 1, (piece, len(hits))
    t = hits[0]
    i = t.index(piece)
    start = t.rfind("。", 0, i) + 1
    end = i + len(piece)

    def done() -> bool:
        return all(whole(x).search(t[start:end]) for x in need)

    while True:
        end = t.find("。", end)
        end = len(t) if end < 0 else end + 1
        if end >= len(t) or done():
            break
    while start > 0 and not done():
        start = t.rfind("。", 0, start - 1) + 1
    return t[start:end]


def edit_body(sample: Sample, data, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in the body by ``new``."""
    paras = sample.body_paras(data)
    assert sum(t.count(old) for t in paras) == 1, old
    i = next(k for k, t in enumerate(paras) if old in t)
    sample.set_body_para(data, i, paras[i].replace(old, new))


def _money_like(like: str, v: Decimal) -> str:
    """``v`` printed as the cell ``like`` is: decimals, and thousands separators if the
    table uses them."""
    places = len(like.split(".")[1]) if "." in like else 0
    return f"{v:,.{places}f}" if "," in like or v >= 1000 else f"{v:.{places}f}"


def a2_problems(rows: list[list[str]]) -> list[str]:
    """Annex 2's own sums (row 合计 = its project columns; 小计 = its units; 合计 row = units
    outside a region + 小计s), exact (the sampled amounts are printed in full)."""
    num = [[value(x) if x.strip() not in ("", "-") else Decimal(0) for x in r[2:]] for r in rows]
    bad = [f"row {i} 合计" for i, n in enumerate(num) if sum(n[1:]) != n[0]]
    total = [Decimal(0)] * len(num[0])
    i = 0
    while i < len(rows) - 1:
        if rows[i][1].startswith("小计"):
            k = i + 1
            while k < len(rows) - 1 and not rows[k][1].startswith("小计"):
                k += 1
            for j in range(len(total)):
                if sum(n[j] for n in num[i + 1 : k]) != num[i][j]:
                    bad.append(f"小计 row {i} col {j + 2}")
                total[j] += num[i][j]
            i = k
        else:
            total = [a + b for a, b in zip(total, num[i], strict=True)]
            i += 1
    bad += [f"合计 row col {j + 2}" for j in range(len(total)) if total[j] != num[-1][j]]
    return bad


def plan_sampled(p: dict, truth: dict, paras: list[str]) -> tuple[dict, list[tuple[str, str]]]:
    """The annex-2 cells to change for a sampled_exceeds_allocation plant ({(row, col): new
    text}) and the body edits that keep the body's quotes of annex 2 true."""
    t = truth["tables"][p["table"]]
    rows, c, u = t["rows"], p["col"], p["unit_row"]
    last = len(rows) - 1
    assert t["columns"][2] == ["合计"], t["columns"][2]
    s = max(i for i in range(u) if rows[i][1].startswith("小计"))  # the unit's region 小计
    assert rows[s][0] == rows[u][0] or not rows[u][0], (rows[s], rows[u])
    delta = value(p["unit_printed"]) - value(rows[u][c])
    assert delta > 0, p
    cells = {}
    for r in (u, s, last):
        for j in (c, 2):
            cells[(r, j)] = _money_like(rows[r][j], value(rows[r][j]) + delta)
    assert cells[(u, c)] == p["unit_printed"]
    old_total, new_total = rows[last][2], cells[(last, 2)]
    edits = []
    for fmt, what in p["follow"]:
        if what == "total":
            edits.append((fmt.format(old_total), fmt.format(new_total)))
        else:
            den = value(what[1])
            old = _pct_str(value(old_total), den, 2)
            edits.append((fmt.format(old), fmt.format(_pct_str(value(new_total), den, 2))))
    for old, _ in edits:
        assert sum(x.count(old) for x in paras) == 1, old
    return cells, edits


def body_pages(truth: dict) -> list[int]:
    """The pages of the prose body: those before the first table."""
    return list(range(1, min(t["pages"][0] for t in truth["tables"])))


def _char_hits(page, printed: str) -> list[list[float]]:
    """Occurrences of ``printed`` in the page's characters joined without line breaks (a
    number wrapped over two lines), each as the union of its characters' boxes."""
    chars = [ch for ch in page.chars if ch["text"].strip()]
    text = "".join(ch["text"] for ch in chars)
    out = []
    for m in whole(printed).finditer(text):
        cs = chars[m.start() : m.end()]
        out.append(
            [
                min(ch["x0"] for ch in cs),
                min(ch["top"] for ch in cs),
                max(ch["x1"] for ch in cs),
                max(ch["bottom"] for ch in cs),
            ]
        )
    return out


def locate_prose(pdf_path: Path, pages: list[int], printed: str, sentence: str):
    """(page, bbox) of the one occurrence of ``printed`` in the body pages."""
    hits = []
    with pdfplumber.open(str(pdf_path)) as doc:
        for pageno in pages:
            page = doc.pages[pageno - 1]
            found = page.search(whole(printed), regex=True, return_chars=False)
            hits += [(pageno, [h[k] for k in ("x0", "top", "x1", "bottom")]) for h in found]
        split = False
        if not hits:  # wrapped over two lines: search the characters
            split = True
            for pageno in pages:
                hits += [(pageno, b) for b in _char_hits(doc.pages[pageno - 1], printed)]
        assert len(hits) == 1, (printed, hits)
        pageno, bbox = hits[0]
        # body characters abut, and a crop takes in a character that touches its edge: the
        # box's sides are moved in to the next 0.01 strictly inside the text's
        bbox = [
            round(math.floor(bbox[0] * 100) / 100 + 0.01, 2),
            round(bbox[1], 2),
            round(math.ceil(bbox[2] * 100) / 100 - 0.01, 2),
            round(bbox[3], 2),
        ]
        page = doc.pages[pageno - 1]
        text = page.crop(bbox).extract_text()
        if split:
            assert printed in "".join(text.split()), (printed, text)
        else:
            assert text == printed, (printed, text)
        # the sentence is on that page (or runs over onto the next)
        flat = "".join((page.extract_text() or "").split())
        if pageno < len(doc.pages):
            flat += "".join((doc.pages[pageno].extract_text() or "").split())
        assert "".join(sentence.split()) in flat, sentence
    return pageno, bbox


def locate_header(sample: Sample, pdf_path: Path, table: dict, printed: str):
    """(page, bbox) of ``printed`` in the header of the table's first page: one hit on that
    page, above the table's first body cell."""
    pageno = table["pages"][0]
    with pdfplumber.open(str(pdf_path)) as doc:
        page = doc.pages[pageno - 1]
        found = page.search(re.escape(printed), regex=True, return_chars=False)
        assert len(found) == 1, (printed, pageno, len(found))
        h = found[0]
        bbox = [round(h[k], 2) for k in ("x0", "top", "x1", "bottom")]
        body_top = min(b[1] for p, b, _ in sample.cells if p == pageno) if sample.cells else None
        if body_top is not None:
            assert bbox[3] <= body_top + 0.5, (printed, bbox, body_top)
        assert page.crop(bbox).extract_text() == printed, printed
    return pageno, bbox


# --------------------------------------------------------------------------- one twin
def row_label(row: list[str], cols: list[int]) -> str:
    parts = []
    for c in cols:
        if row[c] and row[c] not in parts:
            parts.append(row[c])
    return " ".join(parts)


def make_twin(cls) -> dict:
    sample = cls()
    stem = sample.stem
    clean_truth = json.loads((HERE / f"{stem}.truth.json").read_text(encoding="utf-8"))
    sample._truth = clean_truth
    plants = [dict(p) for p in PLANTS[stem]]
    clean = sample.clean_data()
    sample.check(clean)
    # independence: no two plants in one row or one column of a table
    for i, a in enumerate(plants):
        for b in plants[i + 1 :]:
            if a["table"] == b["table"]:
                assert a["row"] != b["row"] and a["col"] != b["col"], (a["id"], b["id"])
    dirty = copy.deepcopy(clean)
    for p in plants:
        t = clean_truth["tables"][p["table"]]
        p["original"] = t["rows"][p["row"]][p["col"]]
        check_plausible(p)
        alone = copy.deepcopy(clean)
        sample.set_cell(alone, p["table"], p["row"], p["col"], p["printed"])
        try:
            sample.check(alone)
        except AssertionError:
            pass
        else:
            raise AssertionError(f"{stem} {p['id']} breaks nothing the sample's check sees")
        sample.set_cell(dirty, p["table"], p["row"], p["col"], p["printed"])
    extra, cell_changes, header_changes = prepare_extra(sample, clean, dirty, clean_truth, plants)
    OUT.mkdir(exist_ok=True)
    pdf_path = OUT / f"{stem}-dirty.pdf"
    truth = sample.build(dirty, pdf_path)
    truth["generator"] = "samples/make_dirty.py"
    # the dirty truth is the clean truth with the planted cells changed
    want = copy.deepcopy(clean_truth)
    for p in plants:
        want["tables"][p["table"]]["rows"][p["row"]][p["col"]] = p["printed"]
    for (ti, r, c), text in cell_changes.items():
        want["tables"][ti]["rows"][r][c] = text
    for (ti, c), text in header_changes.items():
        col = want["tables"][ti]["columns"][c]
        col[-1] = text
    for k in ("pages",):
        assert truth[k] == want[k], (stem, k)
    for a, b in zip(truth["tables"], want["tables"], strict=True):
        assert a == b, (stem, a["title"])
    out = []
    for p in plants:
        t = truth["tables"][p["table"]]
        if isinstance(sample, Hunan):
            sample._truth_title = t["title"]
        page, bbox = locate(sample, pdf_path, t, p["printed"])
        out.append(
            {
                "id": p["id"],
                "kind": p["kind"],
                "table": t["title"],
                "row": p["row"],
                "col": p["col"],
                "row_label": row_label(t["rows"][p["row"]], p["label"]),
                "column": t["columns"][p["col"]],
                "original": p["original"],
                "printed": p["printed"],
                "page": page,
                "bbox": bbox,
                "breaks": p["breaks"],
            }
        )
    out += finish_extra(sample, extra, clean_truth, truth, pdf_path)
    planted = {
        "pdf": pdf_path.name,
        "clean": f"{stem}.pdf",
        "generator": "samples/make_dirty.py",
        "planted": out,
    }
    write_json(OUT / f"{stem}-dirty.planted.json", planted)
    write_json(OUT / f"{stem}-dirty.truth.json", truth)
    print(
        f"wrote dirty/{pdf_path.name}: "
        + "; ".join(
            f"{p['id']} {p['kind']} p{p['page']} {p['original']}→{p['printed']}" for p in out
        )
    )
    return planted


def prepare_extra(sample: Sample, clean, dirty, clean_truth: dict, plants: list[dict]):
    """Apply the prose and name plants of ``sample`` to ``dirty`` (after its table plants),
    checking each; return (the plants, {(table, row, col): text} of every annex cell changed
    besides the table plants, {(table, col): name} of renamed headers)."""
    extra = [copy.deepcopy(p) for p in NEW_PLANTS.get(sample.stem, [])]
    cell_changes: dict = {}
    header_changes: dict = {}
    clean_paras = sample.body_paras(clean)
    for p in extra:
        if p["where"] == "prose":
            o, n = p["original"], p["printed"]
            assert p["anchor"].count(o) == 1, p["id"]
            assert shape(o) == shape(n) and abs(value(o) - value(n)) >= 10 * last_unit(o), p["id"]
            assert rel_holds(p["rel"], o) and not rel_holds(p["rel"], n), p["id"]
            new_anchor = p["anchor"].replace(o, n)
            edit_body(sample, dirty, p["anchor"], new_anchor)
            ops = rel_operands(p["rel"])
            p["sentence"] = sentence_of(sample.body_paras(dirty), new_anchor, ops)
            for x in ops:  # the relation can be read off the sentence
                assert whole(x).search(p["sentence"]), (p["id"], x)
            clean_sentence = sentence_of(clean_paras, p["anchor"], ops)
            assert clean_sentence.replace(p["anchor"], new_anchor) == p["sentence"], p["id"]
            continue
        # a table or header plant: no row or column of a table plant
        for q in plants:
            if q["table"] == p["table"]:
                assert p["col"] != q["col"], (p["id"], q["id"])
        t = clean_truth["tables"][p["table"]]
        if p["where"] == "header":
            p["original"] = t["columns"][p["col"]][-1]
            names = [r[0] for r in clean_truth["tables"][0]["rows"] if r[0] != "合计"]
            assert any(set(p["original"]) <= set(x) for x in names), p["original"]
            assert not set(p["printed"]) & set("".join(names)), p["printed"]
            assert len(p["printed"]) == len(p["original"]), p  # same width: same layout
            sample.set_header(dirty, p["table"], p["col"], p["printed"])
            header_changes[(p["table"], p["col"])] = p["printed"]
            p["sentence"] = "/".join([*t["columns"][p["col"]][:-1], p["printed"]])
        elif p["kind"] == "sampled_exceeds_allocation":
            cells, edits = plan_sampled(p, clean_truth, sample.body_paras(dirty))
            rows = t["rows"]
            p["row"] = len(rows) - 1
            for q in plants:
                if q["table"] == p["table"]:
                    assert all(q["row"] != r and q["col"] != c for r, c in cells), (p["id"], q)
            assert not a2_problems(rows), a2_problems(rows)
            new_rows = copy.deepcopy(rows)
            for (r, c), text in cells.items():
                new_rows[r][c] = text
                sample.set_cell(dirty, p["table"], r, c, text)
                cell_changes[(p["table"], r, c)] = text
            assert not a2_problems(new_rows), a2_problems(new_rows)
            for old, new in edits:
                edit_body(sample, dirty, old, new)
            # the one relation broken: the sampled 合计 against the project's allocation
            a1 = clean_truth["tables"][p["alloc_table"]]
            arow = next(r for r in a1["rows"] if r[0] == p["project"])
            alloc = [value(arow[j]) for j in p["alloc_cols"]]
            p["original"] = rows[p["row"]][p["col"]]
            p["printed"] = cells[(p["row"], p["col"])]
            assert value(p["original"]) <= min(alloc) and max(alloc) < value(p["printed"]), (
                p["original"],
                alloc,
                p["printed"],
            )
            p["allocation"] = {"/".join(a1["columns"][j]): arow[j] for j in p["alloc_cols"]}
            p["also_changed"] = [
                {
                    "row": r,
                    "col": c,
                    "row_label": row_label(rows[r], p["label"]),
                    "column": t["columns"][c],
                    "original": rows[r][c],
                    "printed": text,
                }
                for (r, c), text in cells.items()
                if (r, c) != (p["row"], p["col"])
            ] + [{"where": "prose", "original": old, "printed": new} for old, new in edits]
            p["sentence"] = "/".join(t["columns"][p["col"]])
        else:
            raise ValueError(p)
    return extra, cell_changes, header_changes


def finish_extra(sample, extra, clean_truth, truth, pdf_path) -> list[dict]:
    """Locate the prose and name plants in the rendered PDF; their planted.json entries."""
    out = []
    for p in extra:
        e = {"id": p["id"], "kind": p["kind"], "where": p["where"]}
        if p["where"] == "prose":
            page, bbox = locate_prose(pdf_path, body_pages(truth), p["printed"], p["sentence"])
        else:
            t = truth["tables"][p["table"]]
            e["table"] = t["title"]
            if p["where"] == "header":
                e["col"] = p["col"]
                e["column"] = clean_truth["tables"][p["table"]]["columns"][p["col"]]
                page, bbox = locate_header(sample, pdf_path, t, p["printed"])
            else:
                if isinstance(sample, Hunan):
                    sample._truth_title = t["title"]
                assert t["rows"][p["row"]][p["col"]] == p["printed"]
                e.update(
                    row=p["row"],
                    col=p["col"],
                    row_label=row_label(t["rows"][p["row"]], p["label"]),
                    column=t["columns"][p["col"]],
                )
                page, bbox = locate(sample, pdf_path, t, p["printed"])
        e.update(
            original=p["original"],
            printed=p["printed"],
            page=page,
            bbox=bbox,
            context=p["sentence"],
            breaks=p["breaks"],
        )
        for k in ("project", "allocation", "also_changed"):
            if k in p:
                e[k] = p[k]
        out.append(e)
    return out


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- extract check
def extract_diff(stem: str) -> list[str]:
    """Run ``tally extract`` on the dirty PDF; list where its tables differ from the clean
    truth other than at the planted cells (empty: as expected)."""
    clean = json.loads((HERE / f"{stem}.truth.json").read_text(encoding="utf-8"))
    planted = json.loads((OUT / f"{stem}-dirty.planted.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.json"
        subprocess.run(
            [
                "tally",
                "extract",
                str(OUT / f"{stem}-dirty.pdf"),
                "--format",
                "json",
                "-o",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        got = json.loads(out.read_text(encoding="utf-8"))
    docs = got.get("documents", [got])
    tables = docs[0]["tables"]
    problems = []
    if len(tables) != len(clean["tables"]):
        return [f"{len(tables)} tables extracted, {len(clean['tables'])} in the truth"]
    expect = {}
    for p in planted["planted"]:
        if "row" not in p:  # a prose plant, or a header (columns are not compared here)
            continue
        ti = next(
            i
            for i, t in enumerate(clean["tables"])
            if t["title"] == p["table"] and t["rows"][p["row"]][p["col"]] == p["original"]
        )
        expect[(ti, p["row"], p["col"])] = (p["original"], p["printed"])
        for a in p.get("also_changed", []):
            if "row" in a:
                expect[(ti, a["row"], a["col"])] = (a["original"], a["printed"])
    seen = set()
    for ti, (g, w) in enumerate(zip(tables, clean["tables"], strict=True)):
        if len(g["rows"]) != len(w["rows"]):
            problems.append(f"table {ti}: {len(g['rows'])} rows vs {len(w['rows'])}")
            continue
        for ri, (gr, wr) in enumerate(zip(g["rows"], w["rows"], strict=True)):
            for ci, (gc, wc) in enumerate(zip(gr, wr, strict=False)):
                key = (ti, ri, ci)
                if key in expect:
                    seen.add(key)
                    if gc != expect[key][1]:
                        problems.append(
                            f"planted {key}: extracted {gc!r}, planted {expect[key][1]!r}"
                        )
                elif gc != wc:
                    problems.append(f"{key}: extracted {gc!r}, clean {wc!r}")
    missing = set(expect) - seen
    problems += [f"planted {k} not compared" for k in sorted(missing)]
    return problems


README_HEAD = """# Dirty twins

Copies of the sample reports (`samples/*.pdf`) with planted errors, for testing that the
checker finds each one at its place. Made by `python samples/make_dirty.py` (this file is
written by it too): each twin is rendered by its sample's own generator from a copy of the
clean data with a few things changed.

- **Table plants** (`where` absent): one table cell each — one printed string, same format and
  precision as the original, off by at least 10 units of the last printed decimal, unique on
  its page, no two plants in one row or column of a table.
- **Prose plants** (`where: "prose"`): one number in the body text (same format, off by at least
  10 units of its last decimal, unique in the body), so that a claim of the body no longer
  holds: a 占比 against its part / total, a 执行率 against its numerator / denominator, a total
  score against its four first-level parts, a total against its stated parts.
- **Name and cross-table plants** (`where: "header"` / `"table"`): an annex-2 project column
  renamed to a name no annex-1 project matches; an annex-2 project column whose sampled 合计
  exceeds that project's annex-1 allocation, with annex 2's own sums (row 合计, 小计, 合计 row)
  and the body's quote of annex 2's total changed alike, so that the cross-table relation is
  the only one broken.

None of them touches a row or column of a table plant.

Per twin:

- `<stem>-dirty.pdf` — the PDF;
- `<stem>-dirty.planted.json` — the plants: `id`, `kind`, `original` → `printed`, `page`
  (1-based) and `bbox` of the printed text (PDF points, top-left origin: pdfplumber x0, top,
  x1, bottom; `page.crop(bbox).extract_text()` gives the printed text), `breaks` (the relations
  it breaks); a table plant also has `table` (title as in the truth), `row` / `col` (0-based
  body row / column as in the truth), `row_label`, `column` (header path); a newer plant has
  `where` and `context` (its sentence as printed, run on to the sentence holding the parts, or
  its header path as printed); a header plant has `table`, `col` and `column` (the clean header
  path); a `sampled_exceeds_allocation` plant is recorded at annex 2's 合计-row cell of the
  column and has `project`, `allocation` (the annex-1 cells it exceeds) and `also_changed`
  (the other cells and body text changed to keep the sums);
- `<stem>-dirty.truth.json` — the truth of the dirty PDF: the clean truth with the planted
  cells and headers changed (same contract as `samples/README.md`).

Everything not planted is identical to the clean sample (the script checks the truth, and
`python samples/make_dirty.py --extract` also compares `tally extract` of each twin with the
clean truth).

Kinds: `transposed_digit`, `wrong_total`, `wrong_subtotal`, `wrong_rate`, `wrong_share`,
`score_above_weight`, `wrong_level_sum`, `wrong_total_score` (table cells);
`prose_share`, `prose_rate`, `prose_total_score`, `prose_sum` (body text);
`sampled_exceeds_allocation` (annex 2 against annex 1), `name_unmatched` (an annex-2 header).

## Plants
"""


def readme_line(p: dict) -> str:
    where = p.get("where", "table")
    if where == "prose":
        return (
            f"- {p['id']} `{p['kind']}` — body, p.{p['page']}: `{p['original']}` → "
            f"`{p['printed']}` in 「{p['context']}」; breaks {p['breaks']}"
        )
    if where == "header":
        return (
            f"- {p['id']} `{p['kind']}` — {p['table'].split(' ')[0]}, p.{p['page']}, header of "
            f"column {p['col']} {'/'.join(p['column'])}: `{p['original']}` → `{p['printed']}`; "
            f"breaks {p['breaks']}"
        )
    line = (
        f"- {p['id']} `{p['kind']}` — {p['table'].split(' ')[0]}, p.{p['page']}, "
        f"row {p['row']} 「{p['row_label']}」 × {'/'.join(p['column'])}: "
        f"`{p['original']}` → `{p['printed']}`"
    )
    if p.get("also_changed"):
        also = "; ".join(
            f"row {a['row']} 「{a['row_label']}」 × {'/'.join(a['column'])} "
            f"`{a['original']}` → `{a['printed']}`"
            if "row" in a
            else f"body 「{a['original']}」 → 「{a['printed']}」"
            for a in p["also_changed"]
        )
        line += f" (also changed, consistently: {also})"
    return line + f"; breaks {p['breaks']}"


def write_readme() -> None:
    lines = [README_HEAD.rstrip("\n")]
    for path in sorted(OUT.glob("*.planted.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        lines.append(f"\n### `{d['pdf']}` (clean: `{d['clean']}`)\n")
        for p in d["planted"]:
            lines.append(readme_line(p))
    (OUT / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="sample stems to make (default: all)")
    ap.add_argument("--skip-office", action="store_true", help="skip the LibreOffice sample")
    ap.add_argument(
        "--extract",
        action="store_true",
        help="also compare `tally extract` of each dirty PDF with the clean truth",
    )
    args = ap.parse_args(argv)
    status = 0
    for cls in SAMPLES:
        if args.only and cls.stem not in args.only:
            continue
        if args.skip_office and cls is Office:
            continue
        make_twin(cls)
        if args.extract:
            problems = extract_diff(cls.stem)
            print(f"  tally extract: {'as expected' if not problems else problems[:10]}")
            status |= bool(problems)
    write_readme()
    return status


if __name__ == "__main__":
    sys.exit(main())
