"""What a check reports: a rule, a severity, a message in Chinese and English, and every cell
it involves with its page and box."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..extract.model import BBox, Cell

Severity = Literal["error", "warning", "info"]
Role = Literal["reported", "operand", "claim"]


@dataclass(slots=True)
class FindingCell:
    page: int
    bbox: BBox
    text: str
    role: Role

    @classmethod
    def of(cls, cell: Cell, role: Role) -> FindingCell:
        return cls(cell.page, cell.bbox, cell.text, role)


@dataclass(slots=True)
class Finding:
    rule: str
    severity: Severity
    message_zh: str
    message_en: str
    reported: float | None
    expected: float | None
    cells: list[FindingCell] = field(default_factory=list)
    table: str | None = None  # table id
    row: str | None = None  # the row's label
    column: str | None = None  # the column's header path, joined
    suspect: FindingCell | None = None  # the cell this error shares with other errors
    id: str = ""  # stable over reruns: rule, table, row, column, printed texts (finding_ids.py)

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    @property
    def difference(self) -> float | None:
        if self.reported is None or self.expected is None:
            return None
        return self.reported - self.expected

    def to_json(self, lang: str = "zh") -> dict:
        return {
            "id": self.id,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message(lang),
            "reported": self.reported,
            "expected": self.expected,
            "difference": None if self.difference is None else round(self.difference, 10),
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "suspect": None
            if self.suspect is None
            else {
                "page": self.suspect.page,
                "bbox": [round(v, 2) for v in self.suspect.bbox],
                "text": self.suspect.text,
            },
            "cells": [
                {
                    "page": c.page,
                    "bbox": [round(v, 2) for v in c.bbox],
                    "text": c.text,
                    "role": c.role,
                }
                for c in self.cells
            ],
        }
