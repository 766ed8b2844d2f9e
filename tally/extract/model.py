"""The data model extraction produces and reconciliation reads.

Coordinates are PDF points with the origin at the page's top-left, as pdfplumber gives them:
(x0, top, x1, bottom). Pages are numbered from 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BBox = tuple[float, float, float, float]

QuantityKind = Literal[
    "number",  # a plain or qualified amount: 33,085.00  95.54%  ≥2450人次  10-50万元/个
    "na",  # '/' or '—': not applicable
    "dash",  # '-' standing for zero in a numeric column
    "blank",  # nothing printed
    "date",  # 2023年12月31日前, 2023.12
    "ordinal",  # list markers: （1） ① 一、
    "text",  # anything else
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as printed, parsed once. ``value`` is the printed digits without scale.

    The printed precision is kept in ``decimals``: ``557.65`` means [557.645, 557.655].
    """

    text: str
    kind: QuantityKind
    value: float | None = None  # printed number (95.54 for '95.54%', 1.5 for '1.5万')
    decimals: int = 0  # digits printed after the decimal point
    scale: float = 1.0  # 1e4 for 万, 1e8 for 亿 (when used as a multiplier)
    percent: bool = False  # printed with % (value is in percent)
    pct_points: bool = False  # 个百分点
    comparator: str | None = None  # one of '>=', '<=', '>', '<', '='
    upper: float | None = None  # upper bound of a printed range '10-50'
    unit: str | None = None  # unit after the number: 元 个 批次 人次 件 分 小时 ...
    per: str | None = None  # denominator of a rate unit: '批次' in 元/批次, '人/天'
    date: str | None = None  # ISO date (YYYY-MM-DD or YYYY-MM) for kind == 'date'

    @property
    def is_number(self) -> bool:
        return self.kind == "number" and self.value is not None

    @property
    def half_ulp(self) -> float:
        """Half a unit in the last printed place, in scaled units."""
        return 0.5 * 10.0 ** (-self.decimals) * self.scale

    @property
    def scaled(self) -> float | None:
        """The value with 万/亿 applied (still in percent for a percentage)."""
        return None if self.value is None else self.value * self.scale

    def interval(self) -> tuple[float, float]:
        """The interval of true values this printed number can stand for (round-to-nearest)."""
        if self.value is None:
            raise ValueError(f"not a number: {self.text!r}")
        v = self.value * self.scale
        return (v - self.half_ulp, v + self.half_ulp)


@dataclass(slots=True)
class Cell:
    """One table cell as printed. A spanning cell is one object placed in every slot it covers."""

    page: int
    bbox: BBox
    text: str
    quantity: Quantity
    row_span: int = 1
    col_span: int = 1


@dataclass(slots=True)
class TextLine:
    """A line of text outside tables, with each character's box (for pointing at a claim)."""

    page: int
    bbox: BBox
    text: str
    char_boxes: list[BBox] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    """A table, joined over every page it continues on.

    ``columns`` holds one header path per column (a two-level merged header gives
    ['资金到位情况', '合计']). ``header`` keeps the header cells as a grid (first page's),
    ``rows`` the body cells, a spanning cell repeated in every slot it covers.
    """

    id: str
    title: str | None
    unit: str | None
    pages: list[int]
    columns: list[list[str]]
    header: list[list[Cell]]
    rows: list[list[Cell]]
    kind: Literal["ruled", "three-line"] = "ruled"
    bboxes: dict[int, BBox] = field(default_factory=dict)  # page -> table area on that page
    notes: list[str] = field(default_factory=list)  # how it was read: joins, repairs

    @property
    def n_cols(self) -> int:
        return len(self.columns)

    def row_texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]

    def to_frame(self):  # noqa: ANN201 - pandas is imported only when asked for
        """The body as a pandas DataFrame of printed texts, columns indexed by header path
        (a MultiIndex when the header has several levels; short paths padded with '')."""
        import pandas as pd

        depth = max((len(p) for p in self.columns), default=1)
        if depth == 1:
            cols = pd.Index([p[0] if p else "" for p in self.columns])
        else:
            cols = pd.MultiIndex.from_tuples(
                [tuple(p) + ("",) * (depth - len(p)) for p in self.columns]
            )
        return pd.DataFrame(self.row_texts(), columns=cols)


@dataclass(slots=True)
class Issue:
    """A problem met while reading a document that did not stop it (a warning)."""

    code: str
    message: str
    page: int | None = None


@dataclass(slots=True)
class Document:
    path: str
    pages: list[Page]
    tables: list[Table]
    warnings: list[Issue] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
