"""What each row and column of a table is, read from the table's own words.

A column is a label column (mostly text) or a value column (mostly numbers). A row is a total
(合计), a subtotal (小计), a part of the row above (其中), or an item at some level of the
hierarchy: classification codes (302 → 30201), list markers (一、 → （一） → 1. → （1）), or
which of the 一级/二级/三级 columns is filled. Nothing here names a project or a column of one
report; the words live in ``rules/default.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..extract.model import Cell, Table

_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_SPACE = re.compile(r"\s+")
_CODE = re.compile(r"^\d{3,}$")
# list markers, outermost first
_LEVELS = [
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[(（][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\d+[、.．](?!\d)"),
    re.compile(r"^[(（]\d+[)）]"),
    re.compile(r"^[①-⑳]"),
]


@dataclass(slots=True)
class Vocab:
    words: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: list[Path] | None = None) -> Vocab:
        import yaml

        text = resources.files("tally.reconcile").joinpath("rules/default.yaml").read_text("utf-8")
        words = {k: list(v) for k, v in yaml.safe_load(text).items()}
        for path in extra or []:
            for k, v in _rule_file(Path(path), words).items():
                words[k].extend(w for w in v if w not in words[k])
        return cls(words)

    def has(self, key: str, text: str) -> bool:
        return any(w in text for w in self.words.get(key, []))

    def total_kind(self, text: str) -> str | None:
        """The one definition of a total: a short label (ordinal and notes aside) that is, or
        ends with, a word of ``subtotal`` ('subtotal') or of ``total`` ('total')."""
        t = strip_marker(text)
        if len(t) > 8:
            return None
        if any(t.endswith(w) for w in self.words.get("subtotal", [])):
            return "subtotal"
        if any(t == w or t.endswith(w) for w in self.words.get("total", [])):
            return "total"
        return None


def _rule_file(path: Path, known: dict[str, list]) -> dict[str, list]:
    """A user's rule file: a mapping of known keys to lists (of words, or of name pairs for
    ``aliases``). A ValueError names the file and the key that is wrong."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: YAML 格式错误 / not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: 应为“键: [词, ...]”的映射 / must be a mapping of keys to lists")
    for k, v in data.items():
        if k not in known:
            raise ValueError(f"{path}: 未知的键 / unknown key '{k}' (known: {', '.join(known)})")
        if k == "identities":
            from .identities import parse  # validated whole: a bad entry names its key

            try:
                parse(v if isinstance(v, list) else [v])
            except ValueError as exc:
                raise ValueError(f"{path}: {exc}") from exc
            continue
        want = list if k == "aliases" else str
        if not isinstance(v, list) or not all(isinstance(w, want) for w in v):
            kind = (
                "名称对的列表 / a list of name pairs"
                if k == "aliases"
                else "词的列表 / a list of words"
            )
            raise ValueError(f"{path}: 键 '{k}' 应为{kind}")
    return data


def norm(text: str) -> str:
    """NFKC, no spaces, no parenthesised notes such as （万元）."""
    t = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return _PAREN.sub("", t) if _PAREN.sub("", t) else t


def strip_marker(text: str) -> str:
    t = norm(text)
    for pat in _LEVELS:
        m = pat.match(t)
        if m:
            return t[m.end() :]
    return t


def marker_level(text: str) -> int | None:
    t = norm(text)
    for i, pat in enumerate(_LEVELS):
        if pat.match(t):
            return i + 1
    return None


@dataclass(slots=True)
class Column:
    index: int
    path: list[str]
    label: bool  # mostly text: names, codes, explanations
    value: bool  # mostly numbers
    code: bool = False  # classification codes (302, 30201)
    pct: bool = False  # its numbers are percentages: rates or shares, never summed
    level_col: int | None = None  # 1 for 一级指标 ...
    block: int = 0  # first column of its side (收入 | 支出 printed side by side in one grid)

    def is_rate(self, vocab: Vocab) -> bool:
        """Rates, and changes of rates (执行率较上年增减（百分点）): never added up."""
        raw = "".join(self.path)
        return (
            self.pct
            or "百分点" in raw
            or "%" in raw
            or any(norm(p).endswith(tuple(vocab.words.get("rate", []))) for p in self.path)
        )  # a header that IS a rate (使用率, 执行率), not one that holds 率 (效率提升项目)

    def is_share(self, vocab: Vocab) -> bool:
        return any(vocab.has("share", norm(p)) for p in self.path)

    @property
    def leaf(self) -> str:
        return norm(self.path[-1]) if self.path else ""

    @property
    def name(self) -> str:
        return " / ".join(self.path)


@dataclass(slots=True)
class View:
    table: Table
    vocab: Vocab
    columns: list[Column]
    checked: int = 0  # relations checked (for the reviewer: how much was verified)
    skipped: int = 0  # relations inferred but not trusted (they did not hold on most rows)
    _memo: dict = field(default_factory=dict)  # the checks ask the same questions many times

    @property
    def rows(self) -> list[list[Cell]]:
        return self.table.rows

    def labels_left(self, r: int, c: int) -> list[Cell]:
        """The row's label cells left of column ``c`` (each spanning cell once)."""
        key = ("labels", r, c)
        if key in self._memo:
            return self._memo[key]
        out: list[Cell] = []
        for col in self.side(c):
            cell = self.rows[r][col.index]
            if col.label and cell.text and all(cell is not o for o in out):
                out.append(cell)
        self._memo[key] = out
        return out

    def side(self, c: int) -> list[Column]:
        """The columns left of ``c`` on its side of a side-by-side table (all, elsewhere)."""
        start = self.columns[c].block if c < len(self.columns) else 0
        return self.columns[start:c]

    def row_label(self, r: int, c: int | None = None) -> str:
        cells = self.labels_left(r, len(self.columns) if c is None else c)
        texts: list[str] = []
        for cell in cells:
            if cell.text not in texts:
                texts.append(cell.text)
        return " ".join(texts)

    def kind_of_text(self, text: str) -> str:
        """'total', 'subtotal', 'part' or 'item' for a row label."""
        key = ("kind", text)
        if key not in self._memo:
            self._memo[key] = self._kind_of_text(text)
        return self._memo[key]

    def _kind_of_text(self, text: str) -> str:
        t = strip_marker(text)
        if t.startswith(tuple(self.vocab.words.get("part_of", []))):
            return "part"
        return self.vocab.total_kind(t) or "item"

    def kind(self, r: int, c: int) -> str:
        """The kind of row ``r`` for the value in column ``c``: its first label that is not
        a plain item decides."""
        for cell in self.labels_left(r, c):
            k = self.kind_of_text(cell.text)
            if k != "item":
                return k
        return "item"

    def level(self, r: int, c: int) -> int | None:
        """Depth of the row in its hierarchy, for the value in column ``c``."""
        key = ("level", r, c)
        if key not in self._memo:
            self._memo[key] = self._level(r, c)
        return self._memo[key]

    def _level(self, r: int, c: int) -> int | None:
        row = self.rows[r]
        codes = [col for col in self.side(c) if col.code]
        if len(codes) >= 2 and all(col.path[:-1] == codes[0].path[:-1] for col in codes):
            # a code split over 类 / 款 / 项: the number of parts printed is the level
            filled = 0
            for col in codes:
                if not norm(row[col.index].text):
                    break
                filled += 1
            return filled or None
        for col in codes:
            t = norm(row[col.index].text)
            if _CODE.match(t):
                return len(t)
        level_cols = [col for col in self.side(c) if col.level_col]
        if level_cols:
            filled = [col.level_col or 0 for col in level_cols if row[col.index].text]
            if filled:  # the deepest level column that holds text
                return max(filled)
        for cell in reversed(self.labels_left(r, c)):
            lv = marker_level(cell.text)
            if lv is not None:
                return lv
        return None


def _proven_codes(table: Table, c: int, header: str) -> bool:
    """A column of whole numbers is a column of classification codes only when it behaves
    like one: no decimals or separators anywhere, every code printed once, and (unless its
    header says 编码/代码) the codes nest, most longer codes extending a shorter one
    (201 → 20101 → 2010101). Integer amounts (432, 1136) do none of this."""
    seen: set[int] = set()
    codes: list[str] = []
    for row in table.rows:
        cell = row[c]
        if id(cell) in seen or not cell.text.strip():
            continue
        seen.add(id(cell))
        t = norm(cell.text)
        if cell.quantity.kind == "number" and not _CODE.match(t):
            return False  # 12.50, 1,136, 95%: an amount column
        if _CODE.match(t):
            codes.append(t)
    if len(codes) < 2:
        return False
    if "编码" in header or "代码" in header:
        return True  # the header says so (a 类 column of split codes repeats its code)
    if len(set(codes)) < len(codes):
        return False
    shortest = min(len(x) for x in codes)
    longer = [x for x in codes if len(x) > shortest]
    if not longer:
        return False
    known = set(codes)
    nested = sum(1 for x in longer if any(x[:k] in known for k in range(shortest, len(x))))
    return nested >= 0.5 * len(longer)


def build_view(table: Table, vocab: Vocab) -> View:
    cols: list[Column] = []
    for c, path in enumerate(table.columns):
        seen: set[int] = set()
        n_num = n_text = n_code = n_pct = 0
        for row in table.rows:
            cell = row[c]
            if id(cell) in seen or not cell.text:
                continue
            seen.add(id(cell))
            k = cell.quantity.kind
            if k in ("number", "dash", "na"):
                n_num += 1
                n_pct += cell.quantity.percent
                if _CODE.match(norm(cell.text)) and "." not in cell.text:
                    n_code += 1
            else:
                n_text += 1
        header = norm("".join(path))
        level_col = None
        for i, w in enumerate(vocab.words.get("level", []), start=1):
            if w in header:
                level_col = i
        code = (
            n_code >= 2
            and n_code >= 0.8 * n_num
            and ("编码" in header or "代码" in header or "科目" in header or n_text <= 2)
            and _proven_codes(table, c, header)
        )
        value = not code and n_num >= 1 and n_num >= 2 * n_text
        # percentages: printed with %, or under a header that states the unit (使用率（%）)
        pct_head = "%" in unicodedata.normalize("NFKC", "".join(path))
        pct = (n_pct >= 1 and n_pct >= 0.5 * n_num) or (pct_head and n_num >= 1)
        cols.append(Column(c, list(path), not value, value, code, pct, level_col))
    _split_codes(table, cols)
    _sides(cols)
    return View(table, vocab, cols)


def _sides(cols: list[Column]) -> None:
    """Blocks printed side by side in one grid (收入 | 支出; 人员经费 | 公用经费): a run of label
    columns right after a value column, with values after it, starts a new side when the
    header says so: its top-level group differs from the column before it (收入/金额 | 支出/项目),
    or its labels repeat the first side's (项目 金额 | 项目 金额). A text column amid the
    values of one table (实施单位, 备注) does neither."""
    first = []
    for col in cols:
        if not col.label:
            break
        first.append(col.leaf)
    start = 0
    for j in range(1, len(cols)):
        col, prev = cols[j], cols[j - 1]
        if col.label and prev.value and any(o.value for o in cols[j + 1 :]):
            run = []
            for o in cols[j:]:
                if not o.label:
                    break
                run.append(o.leaf)
            regroup = len(col.path) >= 2 and len(prev.path) >= 2 and col.path[0] != prev.path[0]
            if regroup or (first and run[: len(first)] == first):
                start = j
        col.block = start


_CODE_PART = re.compile(r"^\d{2,}$")


def _split_codes(table: Table, cols: list[Column]) -> None:
    """Codes printed over 类 / 款 / 项 columns under one header (科目编码): the columns beside a
    code column, under the same parent, holding only digit groups (01, 02, 99), are parts of
    the same code. A row's level is then how many of them it fills (see View._level)."""
    for col in cols:
        if not col.code or len(col.path) < 2:
            continue
        for other in cols:
            if other.code or other.path[:-1] != col.path[:-1]:
                continue
            texts = {norm(row[other.index].text) for row in table.rows} - {""}
            if texts and all(_CODE_PART.match(t) for t in texts):
                other.code, other.label, other.value = True, True, False
