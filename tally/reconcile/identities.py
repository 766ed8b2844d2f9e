"""Identities of a genre between labelled amounts, read from the rule file (``identities``),
not written in code: a total equals the sum of its parts, in one table or across tables
(收支总表 ↔ 收入总表 ↔ 支出总表, 财政拨款 totals between tables).

A term names its table by words of the title (a regular expression searched in it, and one it
must not hold) and its amount either by a row label (the amount right of the label's cell) or
by a column header (the amount in the table's 合计 row, or in its only row). Labels are compared
whole, after NFKC, without spaces, notes in brackets or a leading ordinal (一、 1. （一）). A relation whose
terms are not all found, or found twice with different amounts, is not checked: nothing is said
of it. Amounts in tables of different units (元, 万元) are compared in 元.

A total may also be an amount of the body text (``prose``: the words right before it in its
clause, after a year or 的, match the pattern: 2022年度收入总计4,035.30万元); each such amount is
checked on its own, except one naming another year than the table's title or the year before
(上年, 去年)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.model import Cell, Document, Table
from . import interval as iv
from .analysis import Analysis
from .findings import Finding, FindingCell
from .printed import unit_scale
from .structure import norm as _norm_title
from .structure import strip_marker as norm

_KEYS = {"id", "zh", "en", "table", "table_not", "total", "parts"}
_TERM_KEYS = {"table", "table_not", "label", "column", "row", "sign", "optional", "prose"}
_YEAR = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True, slots=True)
class Term:
    table: re.Pattern[str]
    table_not: re.Pattern[str] | None
    label: re.Pattern[str] | None  # a row label: the amount right of it
    column: re.Pattern[str] | None  # a column header: the amount in the total / only row
    row: re.Pattern[str] | None  # with ``column``: the row holding the amount
    sign: int = 1
    optional: bool = False  # a part some tables leave out (用事业基金弥补): absent, it is 0
    prose: re.Pattern[str] | None = None  # an amount of the body text, by the words before it


@dataclass(frozen=True, slots=True)
class Identity:
    id: str
    zh: str
    en: str
    total: Term
    parts: tuple[Term, ...]


@dataclass(slots=True)
class Amount:
    value: iv.Iv  # in 元 when the unit is known
    cell: Cell
    label: str
    table: Table | None  # None: an amount of the body text
    scale: float | None  # 元 per printed unit (1e4 for 万元); None: unknown
    unit: str

    @property
    def where(self) -> str:
        return _short(self.table) if self.table is not None else "正文"


def parse(entries: list) -> list[Identity]:
    """The rule file's ``identities`` entries; a ValueError names the entry and key at fault."""
    out = []
    for k, e in enumerate(entries):
        where = f"identities[{k}]"
        if not isinstance(e, dict):
            raise ValueError(f"{where}: 应为映射 / must be a mapping")
        unknown = set(e) - _KEYS
        if unknown:
            raise ValueError(f"{where}: 未知的键 / unknown key '{sorted(unknown)[0]}'")
        for key in ("id", "zh", "en", "total", "parts"):
            if key not in e:
                raise ValueError(f"{where}: 缺少 / missing '{key}'")
        if not isinstance(e["parts"], list) or not e["parts"]:
            raise ValueError(f"{where}.parts: 应为非空列表 / must be a non-empty list")
        default = (e.get("table"), e.get("table_not"))
        terms = [_term(t, default, f"{where}.{n}") for n, t in [("total", e["total"])]]
        terms += [_term(t, default, f"{where}.parts[{j}]") for j, t in enumerate(e["parts"])]
        if any(t.prose is not None for t in terms[1:]):
            raise ValueError(f"{where}.parts: 正文金额只能作总额 / a prose amount only as total")
        out.append(Identity(str(e["id"]), str(e["zh"]), str(e["en"]), terms[0], tuple(terms[1:])))
    return out


def _term(t: object, default: tuple, where: str) -> Term:
    if not isinstance(t, dict):
        raise ValueError(f"{where}: 应为映射 / must be a mapping")
    unknown = set(t) - _TERM_KEYS
    if unknown:
        raise ValueError(f"{where}: 未知的键 / unknown key '{sorted(unknown)[0]}'")
    if "prose" in t:
        if set(t) - {"prose"}:
            raise ValueError(f"{where}: prose 不与其他键同用 / 'prose' stands alone")
        table = ".*"
    else:
        table = t.get("table", default[0])
        if not table:
            raise ValueError(f"{where}: 缺少 / missing 'table'")
        if ("label" in t) == ("column" in t):
            raise ValueError(f"{where}: 应有 label 或 column 之一 / needs one of 'label', 'column'")
    try:
        return Term(
            re.compile(str(table)),
            _rx(t.get("table_not", default[1])) if "prose" not in t else None,
            _rx(t.get("label")),
            _rx(t.get("column")),
            _rx(t.get("row")),
            -1 if t.get("sign", 1) == -1 else 1,
            bool(t.get("optional", False)),
            # after the clause's start, a year (2022年度) or 的; 为/是/达 may follow
            re.compile(rf"(?:^|\d{{4}}\s*年度?|的)(?:{t['prose']})(?:为|是|达|共)?$")
            if "prose" in t
            else None,
        )
    except re.error as exc:
        raise ValueError(f"{where}: 正则表达式有误 / bad regular expression ({exc})") from exc


def _rx(p: object) -> re.Pattern[str] | None:
    return re.compile(str(p)) if p else None


def _tables(doc: Document, term: Term) -> list[Table]:
    out = []
    for t in doc.tables:
        title = _norm_title(t.title or "")
        if term.table.search(title) and not (term.table_not and term.table_not.search(title)):
            out.append(t)
    return out


def _amount_columns(table: Table) -> set[int]:
    return {c for row in table.rows for c, cell in enumerate(row) if cell.quantity.kind == "number"}


def _scale(table: Table) -> float | None:
    return unit_scale(table.unit)


def _by_label(table: Table, label: re.Pattern[str]) -> list[tuple[str, Cell]]:
    amounts = _amount_columns(table)
    hits = []
    for row in table.rows:
        for c, cell in enumerate(row):
            name = norm(cell.text)
            if not name or not label.fullmatch(name):
                continue
            for k in range(c + 1, len(row)):
                nxt = row[k]
                if norm(nxt.text) == name:
                    continue  # the label's own cell merged over columns
                if nxt.quantity.kind == "number" or (not nxt.text.strip() and k in amounts):
                    hits.append((cell.text.strip(), nxt))
                break
    return hits


def _by_column(table: Table, column: re.Pattern[str], row: re.Pattern[str] | None):  # noqa: ANN202
    """The column whose header path (levels joined by /) the pattern matches whole."""
    cols = [
        k
        for k, path in enumerate(table.columns)
        if path and column.fullmatch("/".join(norm(p) for p in path))
    ]
    if len(cols) != 1:
        return []
    k = cols[0]
    name = "/".join(p for p in table.columns[k] if p)
    if row is None:
        rows = [r for r in table.rows if any(norm(c.text) in ("合计", "总计") for c in r)]
        if not rows and len(table.rows) == 1:
            rows = table.rows
    else:
        rows = [r for r in table.rows if any(row.fullmatch(norm(c.text)) for c in r)]
    return [(name, r[k]) for r in rows if k < len(r)]


def find(doc: Document, term: Term) -> Amount | None:
    """The term's amount: one table and one amount, or None (not found, or ambiguous)."""
    for table in _tables(doc, term):
        if term.label is not None:
            hits = _by_label(table, term.label)
        else:
            hits = _by_column(table, term.column, term.row)  # type: ignore[arg-type]
        vals = []
        for lab, cell in hits:
            x = iv.of(cell.quantity)
            if x is not None:
                vals.append((x, lab, cell))
        if not vals:
            continue
        if len({(v.lo, v.hi) for v, _, _ in vals}) > 1:
            return None  # the label twice with different amounts: which one is meant is unknown
        x, label, cell = vals[0]
        return Amount(
            x.scale(_scale(table) or 1.0), cell, label, table, _scale(table), table.unit or ""
        )
    return None


def _prose(paras: list, term: Term, years: set[str]) -> list[Amount]:
    """Amounts of the body text whose clause words before them match the term, naming no other
    year than ``years`` (the tables' titles) and not the year before."""
    from .claims.core import _label

    prior = ("上年", "去年", "上一年", "同期")
    out = []
    for p in paras:
        for t in p.toks:
            if not t.money or t.iv is None:
                continue
            label = _label(p.text, t.start)
            named = set(_YEAR.findall(label))
            if any(w in label for w in prior) or (named and years and not named <= years):
                continue
            if term.prose is not None and term.prose.search(label):
                unit = "亿元" if "亿" in t.text else "万元" if "万" in t.text else "元"
                cell = Cell(t.page, t.bbox, t.text, t.q)
                out.append(Amount(t.iv, cell, label, None, t.q.scale or 1.0, unit))
    return out


def check_rule_identities(an: Analysis) -> tuple[list[Finding], int]:
    """The identity family (registry): the rule file's identities on the analysed document."""
    found, an.identities = check_identities(
        an.doc, parse(an.vocab.words.get("identities", [])), an.paragraphs
    )
    return found, sum(c["checked"] for c in an.identities.values())


def check_identities(
    doc: Document, identities: list[Identity], paras: list | None = None
) -> tuple[list[Finding], dict]:
    """Every identity whose terms are all found; returns the findings and, per identity id,
    how many were checked and how many failed (a prose total: each amount found)."""
    if paras is None and any(i.total.prose is not None for i in identities):
        from .claims.text import paragraphs

        paras = paragraphs(doc)
    out: list[Finding] = []
    counts: dict[str, dict[str, int]] = {}
    years = {y for t in doc.tables for y in _YEAR.findall(t.title or "")}
    for ident in identities:
        c = counts.setdefault(ident.id, {"checked": 0, "failed": 0})
        if ident.total.prose is not None:
            totals = _prose(paras or [], ident.total, years)
        else:
            totals = [a] if (a := find(doc, ident.total)) is not None else []
        found = [(t, find(doc, t)) for t in ident.parts]
        if not totals or any(a is None and not t.optional for t, a in found):
            continue
        terms = [t for t, a in found if a is not None]
        amounts = [a for _, a in found if a is not None]
        for total in totals:
            scales = {a.scale for a in [total, *amounts]}
            if None in scales and len({id(a.table) for a in [total, *amounts]}) > 1:
                continue  # tables of unknown units: their amounts cannot be compared
            if any(a.cell is total.cell for a in amounts):
                continue  # one cell on both sides: the terms matched the same amount
            computed = iv.ZERO
            for t, a in zip(terms, amounts, strict=True):
                computed = computed + a.value if t.sign > 0 else computed - a.value
            c["checked"] += 1
            verdict = iv.verdict(total.value, computed, [a.value for a in amounts])
            if verdict == "ok":
                continue
            if verdict == "error":
                c["failed"] += 1
            out.append(_finding(ident, total, terms, amounts, computed, verdict))
    return out, counts


def _finding(
    ident: Identity, total: Amount, terms: list, amounts: list[Amount], computed, verdict: str
):  # noqa: ANN001, ANN202
    """The message names each table once: the total's, then a part's only where it differs."""
    exp = computed.scale(1 / (total.scale or 1.0))
    expected = iv.show(exp, total.cell.quantity.decimals, total.cell.quantity.value)
    unit = total.unit
    printed = total.cell.text if total.table is not None else total.cell.text.rstrip("万亿元")
    zh, en = [], []
    for k, (t, p) in enumerate(zip(terms, amounts, strict=True)):
        op = ("" if k == 0 else " + ") if t.sign > 0 else " − "
        where = "" if p.table is total.table else f"「{p.where}」"
        zh.append(f"{op}{where}{p.label} {p.cell.text or '空'}")
        en.append(f"{op.replace('−', '-')}'{p.label}' {p.cell.text or 'blank'}")
    return Finding(
        rule="identity",
        severity=verdict,  # type: ignore[arg-type]
        message_zh=f"{ident.zh}：「{total.where}」{total.label}印为 {printed}"
        f"{unit}，而 {''.join(zh)} 得 {expected}{unit}",
        message_en=f"{ident.en}: '{total.label}' is printed {total.cell.text}, while "
        f"{''.join(en)} gives {expected}",
        reported=total.cell.quantity.value,
        expected=round(exp.mid, 10),
        cells=[FindingCell.of(total.cell, "reported")]
        + [FindingCell.of(p.cell, "operand") for p in amounts],
        table=total.table.id if total.table is not None else None,
        row=total.label,
        column=None,
    )


def _short(table: Table) -> str:
    return (table.title or table.id).strip()
