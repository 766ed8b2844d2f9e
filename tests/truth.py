"""Compare a Document's tables with a sample's truth file (helpers shared by tests and tools)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tally.extract.model import Document


@dataclass
class Comparison:
    header_total: int = 0
    header_equal: int = 0
    cell_total: int = 0
    cell_equal: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return (
            not self.problems
            and self.header_equal == self.header_total
            and self.cell_equal == self.cell_total
        )


def load_truth(pdf: Path) -> dict:
    return json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))


def compare(doc: Document, truth: dict, limit: int = 30) -> Comparison:
    out = Comparison()
    want = truth["tables"]
    got = doc.tables
    if len(got) != len(want):
        out.problems.append(
            f"{len(got)} tables extracted, truth has {len(want)}: "
            f"{[(t.title, t.pages) for t in got]}"
        )
    for i, tt in enumerate(want):
        out.header_total += len(tt["columns"])
        out.cell_total += sum(len(r) for r in tt["rows"])
        if i >= len(got):
            continue
        t = got[i]
        where = f"table {i + 1} ({tt['title']})"
        for key, have in (("title", t.title), ("unit", t.unit), ("pages", t.pages)):
            if have != tt[key]:
                out.problems.append(f"{where}: {key} {have!r} != {tt[key]!r}")
        for c, path in enumerate(tt["columns"]):
            if c < len(t.columns) and t.columns[c] == path:
                out.header_equal += 1
            elif len(out.problems) < limit:
                out.problems.append(
                    f"{where}: column {c}: {t.columns[c] if c < len(t.columns) else None!r} != {path!r}"
                )
        rows = t.row_texts()
        if len(rows) != len(tt["rows"]):
            out.problems.append(f"{where}: {len(rows)} rows != {len(tt['rows'])}")
        for r, row in enumerate(tt["rows"]):
            for c, text in enumerate(row):
                have = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
                if have == text:
                    out.cell_equal += 1
                elif len(out.problems) < limit:
                    out.problems.append(f"{where}: row {r} col {c}: {have!r} != {text!r}")
    return out
