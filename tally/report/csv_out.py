"""Findings as CSV: one row per finding (UTF-8; the caller writes it with a BOM for Excel).

A document that could not be read gets one row with severity 失败/failed, the error code as
its rule and the error message, so that a batch's CSV still names every input.
"""

from __future__ import annotations

import csv
import io

from ..result import DocumentResult
from .finding_rows import SEV_LABEL, header, records, reported_cell

BOX = ("x0", "top", "x1", "bottom")


def findings_csv(results: list[DocumentResult], lang: str = "zh", show_info: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([*header(lang), *BOX])
    for res in results:
        if res.document is None:
            err = res.error
            row = [res.path, "", "", "", "", "", "", ""]
            row += [SEV_LABEL["en" if lang == "en" else "zh"]["failed"]]
            row += [err.code if err else "", err.message(lang) if err else "", ""]
            w.writerow(row + [""] * len(BOX))
            continue
        for rec in records(res, lang, show_info):
            rep = reported_cell(rec.finding)
            box = [round(v, 2) for v in rep.bbox] if rep else [""] * len(BOX)
            w.writerow([*rec.values(lang), *box])
    return buf.getvalue()
