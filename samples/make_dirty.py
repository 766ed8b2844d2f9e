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

``--extract`` also runs ``tally extract`` on each dirty PDF and compares its tables with the
clean truth (the only differences must be the planted cells).

Run: ``python samples/make_dirty.py [--only STEM ...] [--skip-office] [--extract]``.
"""

from __future__ import annotations

import argparse
import copy
import json
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
    OUT.mkdir(exist_ok=True)
    pdf_path = OUT / f"{stem}-dirty.pdf"
    truth = sample.build(dirty, pdf_path)
    truth["generator"] = "samples/make_dirty.py"
    # the dirty truth is the clean truth with the planted cells changed
    want = copy.deepcopy(clean_truth)
    for p in plants:
        want["tables"][p["table"]]["rows"][p["row"]][p["col"]] = p["printed"]
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
        ti = next(
            i
            for i, t in enumerate(clean["tables"])
            if t["title"] == p["table"] and t["rows"][p["row"]][p["col"]] == p["original"]
        )
        expect[(ti, p["row"], p["col"])] = (p["original"], p["printed"])
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

Copies of the sample reports (`samples/*.pdf`) with planted arithmetic errors, for testing that
the checker finds each one at its cell. Made by `python samples/make_dirty.py` (this file is
written by it too): each twin is rendered by its sample's own generator from a copy of the
clean data with a few table cells changed — one printed string per plant, same format and
precision as the original, off by at least 10 units of the last printed decimal, unique on its
page, no two plants in one row or column of a table.

Per twin:

- `<stem>-dirty.pdf` — the PDF;
- `<stem>-dirty.planted.json` — the plants: `id`, `kind`, `table` (title as in the truth),
  `row` / `col` (0-based body row / column as in the truth), `row_label`, `column` (header
  path), `original` → `printed`, `page` (1-based) and `bbox` of the printed text (PDF points,
  top-left origin: pdfplumber x0, top, x1, bottom), `breaks` (the relations it breaks);
- `<stem>-dirty.truth.json` — the truth of the dirty PDF: the clean truth with the planted
  cells changed (same contract as `samples/README.md`).

Everything not planted is identical to the clean sample (the script checks the truth, and
`python samples/make_dirty.py --extract` also compares `tally extract` of each twin with the
clean truth).

Kinds: `transposed_digit`, `wrong_total`, `wrong_subtotal`, `wrong_rate`, `wrong_share`,
`score_above_weight`, `wrong_level_sum`, `wrong_total_score`.

## Plants
"""


def write_readme() -> None:
    lines = [README_HEAD.rstrip("\n")]
    for path in sorted(OUT.glob("*.planted.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        lines.append(f"\n### `{d['pdf']}` (clean: `{d['clean']}`)\n")
        for p in d["planted"]:
            lines.append(
                f"- {p['id']} `{p['kind']}` — {p['table'].split(' ')[0]}, p.{p['page']}, "
                f"row {p['row']} 「{p['row_label']}」 × {'/'.join(p['column'])}: "
                f"`{p['original']}` → `{p['printed']}`; breaks {p['breaks']}"
            )
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
