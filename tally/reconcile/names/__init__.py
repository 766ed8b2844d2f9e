"""Names across tables: the same project printed differently in two annexes, and the rules that
hold between the amounts the two tables give it.

A *list of names* is a label column's distinct texts (one name per row) or a table's value
columns' leaf headers (one name per column). Two lists from different tables are *paired* when
enough of their names match well; inside a pair, names are assigned one to one
(``linear_sum_assignment`` on the score matrix), and an assignment below ``THRESHOLD`` is no
match. Nothing here names a project of one report: which lists pair, and which table is the
sampled one and which the allocation, comes from the tables and the words in
``rules/default.yaml`` (keys ``sampled``, ``allocated``, ``name_stopwords``, ``cost``,
``scope``, ``aliases``).

The score (0–100) suits abbreviated Chinese names, where token scorers see one token:
subsequence containment ``C = LCSseq(a, b) / min(len)`` (an abbreviation drops characters
and keeps the order: 反垄及打击传销 in 反垄断及打击传销专项 gives C = 1), squared so that a
changed character costs much more than a dropped one (认证 / 认可), times a length term from
``ratio`` so that a short name is not found inside any long one. The best of two readings is
kept: as printed (normalised) and without the stop words (项目, 专项, 与 …).
"""

from ..analysis import Analysis
from ..findings import Finding
from .base import MARGIN, THRESHOLD, Match
from .checks import cross_table_checks
from .match import hungarian, match_names, pair_lists
from .score import name_key, score, score_matrix

__all__ = [
    "MARGIN",
    "THRESHOLD",
    "Match",
    "check_names",
    "cross_table_checks",
    "hungarian",
    "match_names",
    "name_key",
    "pair_lists",
    "score",
    "score_matrix",
]


def check_names(an: Analysis) -> tuple[list[Finding], int]:
    """The names family (registry): names paired across tables, each unmatched name, and the
    rules between the amounts two tables give one item."""
    an.matches, unmatched = match_names(an.doc, an.vocab, an.pairs)
    return unmatched + cross_table_checks(an.doc, an.vocab, an.matches, an.pairs), 0
