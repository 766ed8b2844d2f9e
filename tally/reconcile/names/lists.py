"""Lists of names: a label column's rows or a table's value-column headers; and a table's
role (what was sampled, what was allocated)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ...extract.model import Cell, Document, Table
from ..structure import Column, View, Vocab, build_view, norm
from .base import _STRUCTURAL, MAX_NAME
from .score import name_key

# ---- lists of names -----------------------------------------------------------------------------


@dataclass(slots=True)
class Name:
    key: str
    text: str  # as printed
    cells: list[Cell]  # the label cell(s) or header cell naming it
    index: list[int]  # row indices (a row list) or the column index (a column list)


@dataclass(slots=True)
class NameList:
    table: Table
    view: View
    axis: Literal["rows", "cols"]
    column: Column | None  # the label column of a row list
    names: list[Name] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [n.key for n in self.names]


def _is_total(vocab: Vocab, text: str) -> bool:
    return vocab.total_kind(text) is not None


def _good_key(key: str) -> bool:
    if not (2 <= len(key) <= MAX_NAME):
        return False
    return sum(1 for ch in key if "\u4e00" <= ch <= "\u9fff") >= 2


def _row_lists(view: View) -> list[NameList]:
    out: list[NameList] = []
    vocab = view.vocab
    for col in view.columns:
        if not col.label or col.code:
            continue
        nl = NameList(view.table, view, "rows", col)
        by_key: dict[str, Name] = {}
        seen: set[int] = set()
        for r, row in enumerate(view.rows):
            cell = row[col.index]
            if not cell.text or cell.quantity.kind not in ("text", "ordinal"):
                continue
            if view.kind_of_text(cell.text) != "item" or _is_total(vocab, cell.text):
                continue
            key = name_key(cell.text)
            if not _good_key(key):
                continue
            name = by_key.get(key)
            if name is None:
                name = by_key[key] = Name(key, cell.text, [], [])
                nl.names.append(name)
            if id(cell) not in seen:
                seen.add(id(cell))
                name.cells.append(cell)
            if r not in name.index:
                name.index.append(r)
        if len(nl.names) >= 2:
            out.append(nl)
    return out


def _header_cell(table: Table, c: int) -> Cell | None:
    for hrow in reversed(table.header):
        if c < len(hrow) and hrow[c].text:
            return hrow[c]
    return None


def _col_list(view: View) -> NameList | None:
    """Value columns' leaf headers: not a total, not a rate or share, not a leaf that recurs
    under several parents (专项资金 under 到位 and under 支出 names a fund, not a project)."""
    vocab = view.vocab
    leaves = [name_key(c.path[-1]) if c.path else "" for c in view.columns]
    nl = NameList(view.table, view, "cols", None)
    for col in view.columns:
        if not col.value or not col.path or col.is_rate(vocab) or col.is_share(vocab):
            continue
        if any(_is_total(vocab, p) for p in col.path):
            continue
        key = leaves[col.index]
        if not _good_key(key) or leaves.count(key) > 1:
            continue
        if any(vocab.has(k, key) for k in _STRUCTURAL):
            continue  # 分值, 得分, 年度指标值: what a column holds, not a name
        cell = _header_cell(view.table, col.index)
        text = col.path[-1]
        nl.names.append(Name(key, text, [cell] if cell else [], [col.index]))
    return nl if len(nl.names) >= 2 else None


def _lists(doc: Document, vocab: Vocab) -> list[NameList]:
    out: list[NameList] = []
    for table in doc.tables:
        if not table.rows or not table.columns:
            continue
        view = build_view(table, vocab)
        out.extend(_row_lists(view))
        cl = _col_list(view)
        if cl is not None:
            out.append(cl)
    return out


# ---- roles --------------------------------------------------------------------------------------


def _role(table: Table, vocab: Vocab) -> str | None:
    """'sampled', 'allocated' or None, from the title, else from the header words above the
    leaves (a leaf is a name: 产商品质量抽查 names a project, it does not make a sample)."""
    texts = [norm(table.title or "")]
    heads = []
    for path in table.columns:
        heads.extend(norm(p) for p in path[:-1])
    for text in (texts, heads):
        s = any(vocab.has("sampled", t) for t in text)
        a = any(vocab.has("allocated", t) for t in text)
        if s != a:
            return "sampled" if s else "allocated"
    return None
