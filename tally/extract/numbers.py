"""Parse printed numbers: one table cell (`parse_quantity`) or every claim in prose (`find_quantities`).

Both work on an NFKC-normalised copy of the text (full-width digits and punctuation become
half-width; ≧ ⩾ become ≥, − – become -), and ``Quantity.text`` keeps the text as printed.
A number is parsed once, keeping its printed precision (``decimals``), so that reconciliation
can treat it as an interval (see ``Quantity.interval``).

Conventions (the reconciler relies on them):

- 万 / 亿 are scales, never units: ``1.5万`` is value 1.5, scale 1e4; ``74.1万元`` is value 74.1,
  scale 1e4, unit 元. A cell printed in a table whose unit is 万元 therefore compares with a prose
  amount ``x万元`` as ``cell.value * 1e4 == prose.scaled`` (unit 元 on both sides).
  万 in a denominator (``每万人15.95件``, ``件/万人``) is not a scale: it goes into ``per``.
- Counting classifiers are folded: ``个工作日`` → unit 工作日, ``个月`` → 月, ``个小时`` → 小时, so
  that ``15个工作日`` and ``15工作日`` compare equal.
- ``个百分点`` sets ``pct_points`` (not ``percent``); ``%`` sets ``percent``; unit stays None.
- 余 / 多 after a number (``5600 余人次``, ``6000 多万元``) mean "somewhat more than": comparator
  '>='. 约 / 左右 / 平均 / 共 leave no trace (there is no approximate flag).
- A leading verb (提升 增长 增加 下降 减少 降低 提高) is accepted in a cell and dropped: the value
  stays positive and the direction is NOT kept.
- Comparators: ≥ 不少于 不低于 至少 以上 → '>='; ≤ 不超过 以下 以内 内 → '<='; > 超过 高于 → '>';
  < 低于 不足 → '<'; = → '='. A comparator may come before or after the number.
- Ranges ``10-50万元/个`` give value 10, upper 50, both in the same scale (``5000万-1亿`` gives
  upper 10000 in scale 1e4).
- Dates are kind 'date' with ISO text in ``date``: ``2023-12-31``, ``2023-12``, ``2023``, a
  span of years ``2021/2023``, and month-day without a year as ``--06-30`` / ``--11``.
  A 4-digit year (1900-2100) before 年 is always a date; ``2~3 年`` is a number with unit 年, and
  ``12月`` with no 个 is a date (``--12``), so 月 is a unit only as 个月.
  前 / 之前 / 以前 give '<=', 后 / 之后 / 以后 / 起 give '>='; 底 / 末 / 完成 give no comparator.
  A bare ``2023.12`` is read as a number (it may be an amount in a 万元 column, and an amount
  lost as a date would break a column sum); it is a date only with a date word (``2023.12前``).
- Lone ``-`` is kind 'dash' (zero in a numeric column); ``/``, ``—``, ``——``, ``--`` are 'na'.
- An integer with a leading zero (``047001``) is a code, never an amount: kind 'text'.
- Parenthesised numbers are never negatives: ``（1）`` is an ordinal, ``（12.5）`` is text.

In prose (`find_quantities`) a number with neither unit, %, scale nor comparator (``12315平台``,
``4.26 宣传``, ``联合10部门``) comes out as kind 'text' with value None: nothing tells what it
counts, and a guess is how years and codes become amounts. Document numbers (``〔2024〕1号``),
event dates (``3·15``), references (``附件1``, ``第3``), list markers (``1.`` at a line start,
``（1）``) are skipped. Chinese numerals are not scanned in prose. A '-' is a minus sign in
prose only when no ASCII letter, digit or closing bracket precedes it (增长-3.5%, not 0731-8888).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tally.extract.model import Quantity

__all__ = ["find_quantities", "parse_quantity"]

# ---------------------------------------------------------------------------------------------
# Normalisation

# Characters NFKC leaves alone (or maps badly) that mean the same to a reader of a report.
_EXTRA = {
    "≧": "≥",
    "≦": "≤",
    "⩾": "≥",
    "⩽": "≤",
    "−": "-",
    "–": "-",
    "‐": "-",
    "‑": "-",
    "﹣": "-",
    "―": "—",
    "〜": "~",
    "・": "·",
    "･": "·",
    "•": "·",
}


def _is_enclosed(cp: int) -> bool:
    """Circled / parenthesised digits: NFKC would turn ① into a bare 1 and lose the list marker."""
    return (
        0x2460 <= cp <= 0x24FF
        or 0x2776 <= cp <= 0x2793
        or 0x3251 <= cp <= 0x325F
        or 0x32B1 <= cp <= 0x32BF
    )


@lru_cache(maxsize=8192)
def _norm_char(ch: str, cell: bool) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    if _is_enclosed(ord(ch)):
        return ch
    # In prose the full-width comma separates clauses: mapped to ',' it would glue '1，200'.
    if ch == "，" and not cell:
        return ch
    n = unicodedata.normalize("NFKC", ch)
    return _EXTRA.get(n, n)


def _normalize(text: str, cell: bool) -> tuple[str, list[int] | None]:
    """NFKC per character, with a map from each normalised char to its original index.

    Per character (not whole-string) NFKC keeps the map exact. The map is None (identity) when
    every character maps to one character, which is nearly always: then str.translate does it.
    """
    if text.isascii():
        return text, None
    table = {ord(ch): n for ch in set(text) if (n := _norm_char(ch, cell)) != ch}
    if all(len(n) == 1 for n in table.values()):
        return text.translate(table), None
    parts: list[str] = []
    where: list[int] = []
    for k, ch in enumerate(text):
        n = table.get(ord(ch), ch)
        parts.append(n)
        where.extend([k] * len(n))
    return "".join(parts), where


# ---------------------------------------------------------------------------------------------
# Vocabulary

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_NUM_RE = re.compile(_NUM)

_SCALES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4}

# Units after a number, longest first when compiled. 月 and 日 alone are left to dates.
_UNITS = (
    "个工作日 工作日 个月 个小时 小时 分钟 秒 学时 课时 "
    "批次 户次 家次 人次 场次 条次 件次 台次 车次 架次 篇次 期次 项次 "
    "个 家 次 件 项 本 期 篇 套 台 所 块 户 份 类 条 名 人 元 分 天 年 周 "
    "处 张 场 起 位 座 辆 间 种 倍 批 宗 笔 例 只 头 株 册 页 组 "
    "吨 千克 公斤 克 斤 亩 平方米 立方米 公里 千米 米"
).split()
_UNIT_ALIAS = {"个工作日": "工作日", "个月": "月", "个小时": "小时"}
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))

# Comparators printed before a number (longest first: 不低于 before 低于).
_CMP_PREFIX = {
    "≥": ">=",
    ">=": ">=",
    "不少于": ">=",
    "不低于": ">=",
    "不小于": ">=",
    "不得少于": ">=",
    "不得低于": ">=",
    "大于等于": ">=",
    "大于或等于": ">=",
    "至少": ">=",
    "最少": ">=",
    "最低": ">=",
    "不早于": ">=",
    "≤": "<=",
    "<=": "<=",
    "不超过": "<=",
    "不高于": "<=",
    "不多于": "<=",
    "不大于": "<=",
    "不得超过": "<=",
    "不得高于": "<=",
    "小于等于": "<=",
    "小于或等于": "<=",
    "最多": "<=",
    "至多": "<=",
    "最高": "<=",
    "不晚于": "<=",
    ">": ">",
    "超过": ">",
    "大于": ">",
    "高于": ">",
    "多于": ">",
    "逾": ">",
    "<": "<",
    "小于": "<",
    "低于": "<",
    "少于": "<",
    "不足": "<",
    "不到": "<",
    "=": "=",
    "等于": "=",
}
_CMP_ALT = "|".join(re.escape(k) for k in sorted(_CMP_PREFIX, key=len, reverse=True))
_CMP_PREFIX_RE = re.compile(rf"({_CMP_ALT})\s*")
_CMP_BEFORE_RE = re.compile(rf"({_CMP_ALT})[ \t]{{0,3}}\Z")  # searched in a window before a number

_CMP_SUFFIX = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "内": "<=",
    "左右": None,
}
# 内 only at a word end: '2个工作日内' yes, '5家内资企业' no.
_CMP_SUFFIX_RE = re.compile(r"\s*(及以上|以上|及以下|以下|以内|之内|内(?![\u4e00-\u9fff])|左右)")

# Leading words a cell may carry before its number; they add nothing the reconciler uses.
_FILLER_RE = re.compile(
    r"(?:平均|大约|约为|约|共计|合计|总计|累计|共|达到|达|截至|截止|"
    r"提升|提高|增长|增加|下降|降低|减少)\s*"
)
_PER_PREFIX_RE = re.compile(r"每\s*([^\d\s]{1,4}?)\s*(?=[-+]?\d)")  # 每万人15.95件 → per 万人

_APPROX_RE = re.compile(r"\s*(余|多)")
_SCALE_RE = re.compile(r"\s*(万亿|千万|百万|亿|万)")
_PCT_RE = re.compile(r"\s*%")
_PP_RE = re.compile(r"\s*个?\s*百分点")
_UNIT_RE = re.compile(rf"\s*({_UNIT_ALT})")
_PER_TOK = rf"(?:万?(?:{_UNIT_ALT})|[\u4e00-\u9fff])"
_PER_RE = re.compile(rf"\s*/\s*({_PER_TOK}(?:\s*/\s*{_PER_TOK})*)")
_RANGE_SEP_RE = re.compile(r"\s*(?:-|~|至|到|—{1,2})\s*(?=\d)")
_SIGN_RE = re.compile(r"([-+])\s*(?=\d)")

_DATE_RE = re.compile(
    r"""
    (?:
        (?P<ya>\d{4})\s*(?:-|~|至|到|—)\s*(?P<yb>\d{4})\s*年(?:度)?
      | (?P<y>\d{4})\s*年(?:度|份)?(?:\s*(?P<m>\d{1,2})\s*月(?:份)?(?:\s*(?P<d>\d{1,2})\s*[日号])?)?
      | (?P<y2>\d{4})(?P<sep>[.\-/])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)
      | (?P<y3>\d{4})[.\-/](?P<m3>\d{1,2})(?=\s*(?:前|之前|以前|底|末|后|之后|以后))
      | (?P<m4>\d{1,2})\s*月(?:份)?(?:\s*(?P<d4>\d{1,2})\s*[日号])?
    )
    (?:\s*(?:年底|年末|年初|年中|底|末|初|上旬|中旬|下旬))?
    (?:\s*(?P<cmp>之前|以前|前|之后|以后|后|起|开始|以来))?
    (?:(?<=[日号底末月前后])\s*(?:完成|办结|结束|下达|到位)(?:验收)?)?  # not '2023年完成…'
    """,
    re.X,
)
_DATE_CMP = {"之前": "<=", "以前": "<=", "前": "<=", "之后": ">=", "以后": ">=", "后": ">="}
_DATE_CMP |= {"起": ">=", "开始": ">=", "以来": ">="}

_NA_RE = re.compile(r"/+|—+|-{2,}|─+|n/?a|不适用", re.I)
_DASH_RE = re.compile(r"-")
_CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")
_TRAIL_PUNCT_RE = re.compile(r"[\s。.;,、]*\Z")

_CN_SMALL = "一二三四五六七八九十"
_ORDINAL_RE = re.compile(
    rf"""
      \(\s*(?P<p>\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*\)        # (1) （一）
    | (?P<c>[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf])  # ① ⑴ ⒈
    | (?P<d>\d{{1,2}})\s*[.、](?!\d)                          # 1. 1、
    | (?P<h>[{_CN_SMALL}]{{1,3}})\s*[、.]                     # 一、
    """,
    re.X,
)
_CN_NUM_RE = re.compile(
    rf"(?P<i>[零〇一二两三四五六七八九十百千万亿]+)(?P<f>点[零〇一二三四五六七八九]+)?"
    rf"\s*(?P<s>万亿|亿|万)?\s*(?P<u>{_UNIT_ALT})?\Z"
)
_PLAIN_RE = re.compile(r"\s*([-+]?)(" + _NUM + r")\s*(%?)\s*")

# Prose spans that hold digits but no quantity. Non-capturing inside: the scanner reads lastgroup.
_SKIP = "|".join(
    [
        r"[〔\[【(]\s*\d{4}\s*[〕\]】)]\s*(?:第\s*)?\d+\s*号",  # 〔2024〕1号
        r"[〔\[【]\s*\d{4}\s*[〕\]】]",  # 〔2024〕
        r"\d{1,2}\s*·\s*\d{1,2}",  # 3·15
        r"(?:附件|附表|附录|第|编号|序号)\s*\d+(?:[.\-]\d+)*",  # 附件1  第3
        r"\(\s*\d{1,2}\s*\)",  # (1)
        r"(?:^|(?<=[。;!?:]))[ \t]*\d{1,2}[ \t]*[.、](?!\d)",  # '1.' opening a line or sentence
    ]
)
_SCAN_RE = re.compile(rf"(?P<skip>{_SKIP})|(?P<num>\d)", re.M)
_CODE_TAIL_RE = re.compile(r"[0-9A-Za-z._/\-]*")


# ---------------------------------------------------------------------------------------------
# Pieces


@dataclass(slots=True)
class _Tail:
    """What follows a number: 余, scale, %, unit, /per."""

    end: int
    approx: bool = False
    scale: float | None = None
    pct: bool = False
    pp: bool = False
    unit: str | None = None
    per: str | None = None

    def empty(self) -> bool:
        return not (self.scale or self.pct or self.pp or self.unit)


@dataclass(slots=True)
class _Amount:
    end: int
    value: float
    decimals: int
    tail: _Tail
    upper: float | None
    comparator: str | None


def _digits(num: str) -> tuple[float, int] | None:
    """Value and printed decimals of a digit string; None for a code such as 047001."""
    plain = num.replace(",", "")
    whole, _, frac = plain.partition(".")
    if len(whole) > 1 and whole[0] == "0":
        return None
    return float(plain), len(frac)


def _read_tail(s: str, j: int) -> _Tail:
    t = _Tail(end=j)
    k = j
    approx = _APPROX_RE.match(s, k)
    if approx:
        k = approx.end()
    if m := _SCALE_RE.match(s, k):
        t.scale = _SCALES[m.group(1)]
        k = t.end = m.end()
        if approx is None and (approx := _APPROX_RE.match(s, k)):  # 1.5万余
            k = t.end = approx.end()
    if m := _PCT_RE.match(s, k):
        t.pct = True
        t.end = m.end()
    elif m := _PP_RE.match(s, k):
        t.pp = True
        t.end = m.end()
    elif m := _UNIT_RE.match(s, k):
        t.unit = _UNIT_ALIAS.get(m.group(1), m.group(1))
        t.end = m.end()
    if t.end == j:  # a lone 余/多 with nothing after it is not ours
        return _Tail(end=j)
    t.approx = approx is not None
    if (t.unit or t.scale) and (m := _PER_RE.match(s, t.end)):
        t.per = re.sub(r"\s+", "", m.group(1))
        t.end = m.end()
    return t


def _merge_range(t1: _Tail, t2: _Tail, v1: float, v2: float) -> tuple[_Tail, float] | None:
    """Join '10-50万元' / '2万元-20万元' / '5%-10%'; None when the two ends do not agree."""
    if not t1.empty():
        if t2.empty() or t1.per or t1.pct != t2.pct or t1.pp != t2.pp:
            return None
        if t1.unit not in (None, t2.unit) or (t1.scale and not t2.scale):
            return None
    s1 = t1.scale or t2.scale or 1.0
    upper = v2 * (t2.scale or 1.0) / s1
    if upper < v1:
        return None
    merged = _Tail(
        end=t2.end,
        approx=t1.approx or t2.approx,
        scale=t1.scale or t2.scale,
        pct=t2.pct,
        pp=t2.pp,
        unit=t2.unit,
        per=t2.per,
    )
    return merged, upper


def _read_amount(s: str, i: int) -> _Amount | None:
    """Number, tail, optional range and trailing comparator starting at s[i] (a digit)."""
    m = _NUM_RE.match(s, i)
    if not m or (d := _digits(m.group())) is None:
        return None
    value, decimals = d
    tail = _read_tail(s, m.end())
    end, upper = tail.end, None
    if (r := _RANGE_SEP_RE.match(s, end)) and (m2 := _NUM_RE.match(s, r.end())):
        d2 = _digits(m2.group())
        if d2 is not None:
            t2 = _read_tail(s, m2.end())
            merged = _merge_range(tail, t2, value, d2[0])
            if merged is not None:
                tail, upper = merged
                end = tail.end
    comparator = ">=" if tail.approx else None
    if c := _CMP_SUFFIX_RE.match(s, end):
        comparator = _CMP_SUFFIX[c.group(1)] or comparator
        end = c.end()
    return _Amount(end, value, decimals, tail, upper, comparator)


def _read_date(s: str, i: int) -> tuple[int, str, str | None] | None:
    """(end, ISO date, comparator) for a date starting at s[i], or None."""
    m = _DATE_RE.match(s, i)
    if not m:
        return None
    g = m.groupdict()
    if g["ya"]:
        ya, yb = int(g["ya"]), int(g["yb"])
        if not (_year_ok(ya) and _year_ok(yb) and ya <= yb):
            return None
        iso = f"{ya}/{yb}"
    else:
        y = g["y"] or g["y2"] or g["y3"]
        mo = g["m"] or g["m2"] or g["m3"] or g["m4"]
        day = g["d"] or g["d2"] or g["d4"]
        if y is not None and not _year_ok(int(y)):
            return None
        if (mo is not None and not 1 <= int(mo) <= 12) or (
            day is not None and not 1 <= int(day) <= 31
        ):
            return None
        iso = y if y is not None else "-"
        if mo is not None:
            iso += f"-{int(mo):02d}"
        if day is not None:
            iso += f"-{int(day):02d}"
    return m.end(), iso, _DATE_CMP.get(g["cmp"] or "")


def _year_ok(y: int) -> bool:
    return 1900 <= y <= 2100


def _small_cn(s: str) -> int:
    """一..九十九, enough for list markers."""
    digits = {c: k + 1 for k, c in enumerate("一二三四五六七八九")}
    if "十" not in s:
        return digits.get(s, 0)
    tens, _, ones = s.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _ordinal(s: str) -> int | None:
    m = _ORDINAL_RE.match(s)
    if not m:
        return None
    if m["c"]:
        return int(unicodedata.numeric(m["c"], 0))
    tok = m["p"] or m["d"] or m["h"]
    return int(tok) if tok.isdigit() else _small_cn(tok)


def _chinese_amount(text: str, s: str) -> Quantity | None:
    """一点五万 / 三个: the whole rest of a cell in Chinese numerals (cn2an does the numeral)."""
    m = _CN_NUM_RE.fullmatch(s)
    if not m:
        return None
    whole, frac, scale = m["i"], m["f"] or "", m["s"]
    if not frac and not scale and len(whole) > 1 and whole[-1] in "万亿":  # 三万 → 三 × 1e4
        whole, scale = whole[:-1], whole[-1]
    import cn2an  # slow to import and rarely needed

    try:
        value = float(cn2an.cn2an(whole + frac, "normal"))
    except (ValueError, KeyError, IndexError):
        return None
    unit = m["u"]
    return Quantity(
        text=text,
        kind="number",
        value=value,
        decimals=max(len(frac) - 1, 0),
        scale=_SCALES[scale] if scale else 1.0,
        unit=_UNIT_ALIAS.get(unit, unit) if unit else None,
    )


def _number(
    text: str, a: _Amount, sign: float, comparator: str | None, per: str | None
) -> Quantity:
    t = a.tail
    return Quantity(
        text=text,
        kind="number",
        value=sign * a.value,
        decimals=a.decimals,
        scale=t.scale or 1.0,
        percent=t.pct,
        pct_points=t.pp,
        comparator=comparator,
        upper=a.upper,
        unit=t.unit,
        per=per,
    )


# ---------------------------------------------------------------------------------------------
# Cells


@lru_cache(maxsize=1 << 16)
def parse_quantity(text: str) -> Quantity:
    """Parse the whole text of one table cell (or indicator value) into one Quantity.

    Kinds: 'blank' (nothing), 'na' ('/', '—'), 'dash' (a lone '-'), 'ordinal' (a label opening
    with （1） ① 一、 1.; value is the ordinal), 'date', 'number', and 'text' for anything else,
    including a cell holding more than one number. See the module docstring for conventions.
    """
    if m := _PLAIN_RE.fullmatch(text):  # fast path: most cells are a bare number
        d = _digits(m.group(2))
        if d is not None:
            sign = -1.0 if m.group(1) == "-" else 1.0
            return Quantity(
                text=text, kind="number", value=sign * d[0], decimals=d[1], percent=bool(m.group(3))
            )
    s, _ = _normalize(text, cell=True)
    s = s.strip()
    if not s:
        return Quantity(text=text, kind="blank")
    if _NA_RE.fullmatch(s):
        return Quantity(text=text, kind="na")
    if _DASH_RE.fullmatch(s):
        return Quantity(text=text, kind="dash")
    if (o := _ordinal(s)) is not None:
        return Quantity(text=text, kind="ordinal", value=float(o))
    return _parse_cell(text, s) or Quantity(text=text, kind="text")


def _parse_cell(text: str, s: str) -> Quantity | None:
    p = 0
    if m := _FILLER_RE.match(s, p):
        p = m.end()
    per = None
    if m := _PER_PREFIX_RE.match(s, p):
        per, p = m.group(1), m.end()
    comparator = None
    if m := _CMP_PREFIX_RE.match(s, p):
        comparator, p = _CMP_PREFIX[m.group(1)], m.end()
    sign = 1.0
    if m := _SIGN_RE.match(s, p):
        sign, p = (-1.0 if m.group(1) == "-" else 1.0), m.end()

    if sign > 0 and (d := _read_date(s, p)) and _at_end(s, d[0]):
        end, iso, date_cmp = d
        cmp = _agree(comparator, date_cmp)
        if cmp is False or per:
            return None
        return Quantity(text=text, kind="date", date=iso, comparator=cmp)

    if (a := _read_amount(s, p)) is not None:
        rest = s[a.end :]
        rest = rest[: _TRAIL_PUNCT_RE.search(rest).start()].strip()
        tail_per = a.tail.per
        if rest and tail_per and _CJK_ONLY_RE.fullmatch(rest):  # 万元/县市区: per runs to the end
            tail_per, rest = tail_per + rest, ""
        cmp = _agree(comparator, a.comparator)
        if rest or cmp is False or (per and tail_per):
            return None
        return _number(text, a, sign, cmp, per or tail_per)

    if comparator is None and per is None and sign > 0:
        return _chinese_amount(text, s[p:])
    return None


def _at_end(s: str, k: int) -> bool:
    return _TRAIL_PUNCT_RE.match(s, k) is not None


def _agree(a: str | None, b: str | None) -> str | None | bool:
    """One comparator from a prefix and a suffix; False when they contradict (≥5以下)."""
    if a is None or b is None or a == b:
        return a or b
    return False


# ---------------------------------------------------------------------------------------------
# Prose


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every numeric claim in a prose paragraph as (start, end, Quantity).

    start/end index the ORIGINAL text. Amounts, percents, scores, counts, ranges and their
    comparators come out as kind 'number'; dates and years as 'date' (callers skip them); a
    number with nothing saying what it counts as 'text' with value None. Document numbers,
    3·15, 附件1, 第3 and list markers are not returned.
    """
    s, where = _normalize(text, cell=False)
    out: list[tuple[int, int, Quantity]] = []
    pos = 0
    while m := _SCAN_RE.search(s, pos):
        if m.lastgroup == "skip":
            pos = m.end()
            continue
        start, end, make = _scan_at(s, m.start(), pos)
        pos = max(end, m.start() + 1)
        o0 = start if where is None else where[start]
        o1 = end if where is None else where[end - 1] + 1
        out.append((o0, o1, make(text[o0:o1])))
    return out


def _scan_at(s: str, i: int, floor: int) -> tuple[int, int, Callable[[str], Quantity]]:
    """(start, end, factory taking the original span text) for the token at digit s[i].

    ``floor`` is where the previous token ended: a comparator is not looked for before it.
    """
    num = _NUM_RE.match(s, i)
    prev = _prev_char(s, i)
    after = s[num.end() : num.end() + 1]
    glued = (prev != "" and prev.isascii() and (prev.isalpha() or prev in "+#_\\/.")) or (
        after.isascii() and after.isalpha()
    )
    if glued:  # GB/T 19001-2016, ISO9001, 5G, X+2: codes and names
        end = _CODE_TAIL_RE.match(s, i).end()
        return i, end, _text_quantity

    if d := _read_date(s, i):
        end, iso, cmp = d
        c = _CMP_BEFORE_RE.search(s, max(floor, i - 10), i)
        start = c.start() if c and _CMP_PREFIX[c.group(1)] in ("<=", ">=") else i
        cmp = cmp or (_CMP_PREFIX[c.group(1)] if start < i else None)
        return start, end, lambda t: Quantity(text=t, kind="date", date=iso, comparator=cmp)

    a = _read_amount(s, i)
    if a is None:  # a code like 047001
        return i, num.end(), _text_quantity
    # '增长-3.5%': a minus glued to the number, not a hyphen between two words or numbers
    neg = i - 1 >= floor and s[i - 1] == "-" and not _word_char(s[i - 2] if i >= 2 else "")
    start, comparator = i - neg, a.comparator
    if c := _CMP_BEFORE_RE.search(s, max(floor, start - 10), start):
        start, comparator = c.start(), _agree(_CMP_PREFIX[c.group(1)], a.comparator) or None
    if a.tail.empty() and comparator is None:
        return i, num.end() if a.upper is None else a.end, _text_quantity
    sign = -1.0 if neg else 1.0
    return start, a.end, lambda t: _number(t, a, sign, comparator, a.tail.per)


def _word_char(ch: str) -> bool:
    """ASCII letters/digits and closing brackets end a term: a '-' after them is a hyphen."""
    return ch != "" and ((ch.isascii() and ch.isalnum()) or ch in ")]}）】〕")


def _prev_char(s: str, i: int) -> str:
    """The last non-space character before s[i] ('' at the start)."""
    k = i - 1
    while k >= 0 and s[k].isspace():
        k -= 1
    return s[k] if k >= 0 else ""


def _text_quantity(t: str) -> Quantity:
    return Quantity(text=t, kind="text")
