"""The original PDF, marked up: a Square annotation on every cell a finding involves.

Red for the reported value or claim, blue for its operands; the annotation's note (/Contents)
carries the finding's message (every finding's, when one cell takes part in several), so a
reviewer can forward the marked-up report. Findings are numbered in the report's order: each box
has its numbers printed beside it (【3】), and each page a legend note listing its numbered
findings with their rule and message. Each annotation has its own appearance stream, so viewers
that do not draw annotations themselves still show the box and its number.
"""

from __future__ import annotations

from pathlib import Path

from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ..reconcile.registry import rule_name
from ..result import DocumentResult
from .finding_rows import shown
from .pagegeom import PageGeom

RED = (0.86, 0.0, 0.0)
BLUE = (0.0, 0.35, 0.9)
PAD = 0.5  # points around the cell box


def annotate_pdf(res: DocumentResult, out: Path, lang: str = "zh", show_info: bool = False) -> int:
    """Write ``res.path`` with its findings marked up to ``out``; returns annotations added."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(res.path)
    writer = PdfWriter(clone_from=reader)

    # one annotation per distinct cell: its role (reported wins) and every message about it
    cells: dict[tuple[int, tuple[float, ...]], dict] = {}
    legend: dict[int, list[str]] = {}  # page -> its numbered findings
    for k, f in enumerate(shown(res, show_info), 1):
        msg = f"【{k}】{f.message(lang)}"
        pages = set()
        for c in f.cells:
            key = (c.page, tuple(round(v, 1) for v in c.bbox))
            m = cells.setdefault(
                key, {"cell": c, "reported": False, "msgs": [], "rules": [], "nums": []}
            )
            m["nums"].append(k)
            pages.add(c.page)
            if c.role in ("reported", "claim"):
                m["reported"] = True
                m["msgs"].insert(0, msg)
                m["rules"].insert(0, f.rule)
            else:
                m["msgs"].append(msg)
                m["rules"].append(f.rule)
        for pg in pages:
            legend.setdefault(pg, []).append(f"【{k}】{rule_name(f.rule, lang)}：{f.message(lang)}")

    n = 0
    for (page_no, _), m in cells.items():
        if not 1 <= page_no <= len(writer.pages):
            continue
        page = writer.pages[page_no - 1]
        geom = PageGeom.of_pypdf(page)
        x0, y0, x1, y1 = geom.rect_user(m["cell"].bbox)
        x0, y0, x1, y1 = x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD
        w, h = x1 - x0, y1 - y0
        color = RED if m["reported"] else BLUE
        lw = 1.5 if m["reported"] else 1.0
        msgs = list(dict.fromkeys(m["msgs"]))
        rules = list(dict.fromkeys(m["rules"]))
        if not m["reported"]:
            lead = "operand of: " if lang == "en" else "参与核对："
            msgs[0] = lead + msgs[0]
        ap = DecodedStreamObject()
        ap.set_data(
            (
                f"q {color[0]:.3f} {color[1]:.3f} {color[2]:.3f} RG {lw} w "
                f"{lw / 2:.2f} {lw / 2:.2f} {w - lw:.2f} {h - lw:.2f} re S Q"
            ).encode()
        )
        ap.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, w, h)]),
            }
        )
        annot = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Square"),
                NameObject("/Rect"): ArrayObject(
                    [FloatObject(round(v, 3)) for v in (x0, y0, x1, y1)]
                ),
                NameObject("/C"): ArrayObject([FloatObject(v) for v in color]),
                NameObject("/BS"): DictionaryObject(
                    {NameObject("/W"): FloatObject(lw), NameObject("/S"): NameObject("/S")}
                ),
                NameObject("/F"): NumberObject(4),  # print
                NameObject("/T"): TextStringObject("tally"),
                NameObject("/Subj"): TextStringObject(", ".join(rules)),
                NameObject("/Contents"): TextStringObject("\n\n".join(msgs)),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(ap)}),
            }
        )
        writer.add_annotation(page, annot)
        label = ",".join(str(k) for k in sorted(set(m["nums"])))
        writer.add_annotation(page, _label(writer, label, x0 + lw, y1 - lw - 7.0, color))
        n += 1
    for page_no, lines in legend.items():
        if 1 <= page_no <= len(writer.pages):
            page = writer.pages[page_no - 1]
            head = "tally: findings on this page" if lang == "en" else "tally：本页问题"
            writer.add_annotation(page, _legend(page, head + "\n" + "\n".join(lines)))
    with open(out, "wb") as fh:
        writer.write(fh)
    return n


def _label(writer, text: str, x0: float, top: float, color: tuple):  # noqa: ANN001, ANN202
    """The box's finding numbers, printed small in its top-left corner (Helvetica digits): the
    cells' amounts stand right, and a label outside would fall in the next box."""

    w, h = 3.6 * len(text) + 2.0, 7.0
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    rgb = " ".join(f"{v:.3f}" for v in color)
    ap = DecodedStreamObject()
    ap.set_data(f"q BT /Helv 6 Tf {rgb} rg 1 1.2 Td ({text}) Tj ET Q".encode())
    ap.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (0, 0, w, h)]),
            NameObject("/Resources"): DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/Helv"): font})}
            ),
        }
    )
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FreeText"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(round(v, 3)) for v in (x0, top, x0 + w, top + h)]
            ),
            NameObject("/DA"): TextStringObject(f"/Helv 6 Tf {rgb} rg"),
            NameObject("/F"): NumberObject(4),
            NameObject("/T"): TextStringObject("tally"),
            NameObject("/Contents"): TextStringObject(text),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(ap)}),
        }
    )


def _legend(page, text: str):  # noqa: ANN001, ANN202
    """A note at the page's top-left corner listing the page's numbered findings."""

    mb = page.mediabox
    x, y = float(mb.left) + 4, float(mb.top) - 22
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x, y, x + 18, y + 18)]),
            NameObject("/Name"): NameObject("/Comment"),
            NameObject("/Open"): BooleanObject(False),
            NameObject("/F"): NumberObject(4),
            NameObject("/T"): TextStringObject("tally"),
            NameObject("/Contents"): TextStringObject(text),
        }
    )


def annotated_name(path: str, used: set[str]) -> str:
    """``report.pdf`` -> ``report.tally.pdf``, made unique within one output folder."""
    stem = Path(path).stem
    name, i = f"{stem}.tally.pdf", 2
    while name.lower() in used:
        name, i = f"{stem}-{i}.tally.pdf", i + 1
    used.add(name.lower())
    return name
