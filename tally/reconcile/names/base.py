"""What the name modules share: thresholds, and a match between two tables' names."""

from __future__ import annotations

import re
from dataclasses import dataclass

THRESHOLD = 80.0  # a pair below this score is no match
MARGIN = 8.0  # a match whose runner-up (for either name) is closer than this is low-margin
PAIR_SHARE = 0.6  # share of the smaller list that must match for two lists to be paired
PAIR_MIN = 3  # ... and at least this many names
MAX_NAME = 40  # longer texts are sentences, not names
MIN_AGREEMENT = 0.6  # same-item comparisons between two tables must mostly hold to be trusted
MIN_INSTANCES = 4

_BRACKETS = re.compile(r"[(\[{【〔（][^()\[\]{}【】〔〕（）]*[)\]}】〕）]")
_PUNCT = re.compile(
    r"[\s\"'“”‘’`、，,。.;；:：·•・!！?？\-—–_/\\|<>《》〈〉「」『』【】\[\](){}（）+＋*×#&]"
)
_STRUCTURAL = ("weight", "score", "deduction", "target", "actual")


@dataclass(slots=True)
class Match:
    a: str
    b: str
    score: float
    tables: tuple[str, str]
    low_margin: bool = False

    def to_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 1),
            "tables": list(self.tables),
            "low_margin": self.low_margin,
        }
