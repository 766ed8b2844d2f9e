"""The generator's own description of a report: tables (header cells, body text, spans, the
values behind the numbers), prose paragraphs with numeric claims, and the relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .numfmt import Fmt


@dataclass
class HCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    key: str  # use | site | score | target | budget
    label: str | None  # printed annex label, e.g. "附件 1"
    title: str  # printed title line
    unit: str | None  # truth unit ("万元")
    unit_line: str | None  # printed unit line ("单位：万元")
    header: list[HCell]
    nhead: int
    ncols: int
    rows: list[list[str]] = field(default_factory=list)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (row, col, nrows)
    kinds: list[str] = field(default_factory=list)
    align: list[str] = field(default_factory=list)  # l | c | r per column
    vals: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    fmts: dict[tuple[int, int], Fmt] = field(default_factory=dict)
    subtitle: str | None = None
    wide_cols: tuple[int, ...] = ()  # columns that may wrap

    def columns(self) -> list[list[str]]:
        paths: list[list[str]] = [[] for _ in range(self.ncols)]
        for h in sorted(self.header, key=lambda h: (h.row, h.col)):
            for c in range(h.col, h.col + h.colspan):
                paths[c].append(h.text)
        return paths

    def truth_title(self) -> str:
        t = "".join(self.title.split())
        return f"{''.join(self.label.split())} {t}" if self.label else t

    def span_at(self, r: int, c: int) -> tuple[int, int, int] | None:
        for s in self.spans:
            if s[1] == c and s[0] <= r < s[0] + s[2]:
                return s
        return None


@dataclass
class Num:
    """A number printed in prose."""

    text: str
    value: Decimal | None = None


@dataclass
class Report:
    seed: int
    variant: dict
    dept: str
    year: int
    head: list[str]  # lines above the prose: department, document number, title, addressee
    paras: list[list[str | Num]]
    tables: list[Table]
    relations: list[dict] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    annex_list: list[str] = field(default_factory=list)

    def para_text(self, p: int) -> str:
        return "".join(s if isinstance(s, str) else s.text for s in self.paras[p])

    def num(self, p: int, k: int) -> Num:
        return [s for s in self.paras[p] if isinstance(s, Num)][k]
