"""The document read once for every rule family: each table's view, the body text's
paragraphs, the name lists paired across tables; and what the families leave for the report
(identities checked, names matched, claims read)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.model import Document, Table
from .structure import View, Vocab, build_view


@dataclass
class Analysis:
    doc: Document
    vocab: Vocab
    identities: dict = field(default_factory=dict)  # identity id -> {checked, failed}
    matches: list = field(default_factory=list)  # names paired across tables
    claims: int = 0  # numeric claims of the prose checked
    _views: dict = field(default_factory=dict)
    _paragraphs: list | None = None
    _pairs: list | None = None

    def view(self, table: Table) -> View:
        if table.id not in self._views:
            self._views[table.id] = build_view(table, self.vocab)
        return self._views[table.id]

    @property
    def paragraphs(self) -> list:
        if self._paragraphs is None:
            from .claims.text import paragraphs

            self._paragraphs = paragraphs(self.doc)
        return self._paragraphs

    @property
    def pairs(self) -> list:
        """Name lists paired across tables: matching and the cross-table checks share them."""
        if self._pairs is None:
            from .names import pair_lists

            self._pairs = pair_lists(self.doc, self.vocab)
        return self._pairs
