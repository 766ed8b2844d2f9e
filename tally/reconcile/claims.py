"""Numeric claims in the prose of a report, checked on intervals.

The body's text lines are joined into paragraphs (keeping, for every character, its page and
box), the numbers of each paragraph are read once with ``find_quantities``, and a few claim
patterns are recognised:

- ``prose_sum`` / ``prose_share``: a total and its 其中 parts, each with its 占比; a 其中 list
  with no amount of its own (``将资金分为6大类，其中：…``) stands for the paragraph's earlier
  total only when its 占比 add up to 100% or its count (6大类) equals its number of parts.
- ``prose_rate``: 执行率 / 使用率 / 到位率 stated with its two amounts, each amount's role read
  from the words before it (安排 / 预算 / 到位 against 支出 / 执行 / 使用).
- ``prose_share`` (named): ``抽查资金占专项资金总额的40.24%`` — the whole is found by name.
- ``prose_count_share``: ``共33个子项目 … 抽取了32个子项目 … 项目数占项目总数的96.97%``.
- ``prose_score``: ``最终得分为95.09分。其中：项目决策分值22分，评价得分20.1分；…``.
- ``prose_yoy``: ``20702.25万元，与上年相比增加2043.58万元，增长10.95%``.
- ``prose_vs_table``: ``科技项目共计安排400万元，支出163.79万元，执行率40.95%`` against the
  annex row found by name.

An operand is taken only when the words identify it; anything ambiguous is skipped (no
finding), never guessed. Words are in ``rules/default.yaml`` (keys ``claim_*``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from ..extract.model import BBox, Cell, Document, Quantity, Table, TextLine
from ..extract.numbers import find_quantities
from .findings import Finding, FindingCell
from .interval import EPS, Iv, of, ratio, total, verdict
from .structure import Vocab, build_view, norm, strip_marker

__all__ = ["Claim", "check_claims", "collect_claims", "paragraphs"]

# ---------------------------------------------------------------------------------------------
# Defaults (extended by the claim_* keys of the rule file)

_DEFAULT_WORDS = {
    "claim_rate_numerator": ["已使用", "使用", "已支出", "支出", "执行"],
    "claim_rate_received": ["到位"],
    "claim_rate_planned": ["安排", "预算", "下达", "计划"],
    "claim_exec_rate": ["执行率", "使用率", "支出率"],
    "claim_received_rate": ["到位率"],
    "claim_total_words": ["共计", "共安排", "合计", "总计", "总额", "总预算"],
    "claim_up": ["增加", "增长", "增幅", "提高", "上升", "增"],
    "claim_down": ["减少", "下降", "降幅", "降低", "减幅", "减"],
    "claim_prior": ["上年", "去年", "同期", "上一年"],
    "claim_actual": ["决算", "执行", "实际支出", "实际"],
    "claim_plan": ["预算", "计划"],
    "claim_more": ["大于", "高于", "超过", "多于"],
    "claim_less": ["小于", "低于", "少于"],
    "claim_same": ["等于", "持平", "相等", "一致"],
}

_SENT_END = "。！？!?"
_LABEL_STOP = "，,；;：:。！？!?、"
_PAREN_RE = re.compile(r"（[^（）()]*）|\([^()（）]*\)")
_FOOTER_RE = re.compile(r"^[\s\-—–－·]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－·]*$")
_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[．.、](?!\d)"
    r"|第[一二三四五六七八九十]+部分)"
)
_CUT_RE = re.compile(r"[，；]|[,;](?!\d)")
_QIZHONG_RE = re.compile(r"其中\s*[：:，,]?")
_SHARE_ATTACH_RE = re.compile(r"^\s*[，,]?\s*(?:占比|所占比例|占比重|比重|占)\s*(?:为|达|是)?\s*$")
_NAMED_SHARE_RE = re.compile(
    r"([^，,；;。：:占]{0,20}?)占\s*([^，,；;。：:占]{1,24}?)\s*的?\s*"
    r"(?:比例|比重)?\s*(?:为|达到|达|是)?\s*$"
)
_COUNT_N_RE = re.compile(
    r"(?:分为|分成|共|包括|设)\s*(\d+)\s*(?:个|大|项)?\s*(?:大类|类|个方面|方面|项|部分)"
)
_FILL_RE = re.compile(r"(?:为|是|达到|达|仅为|仅|只有|约为|约)\s*$")
_SCORE_TOTAL_RE = re.compile(r"(?:得分|总分|评分)\s*(?:为|是|达到|达)?\s*$")
_WEIGHT_RE = re.compile(r"分值\s*(?:为|是)?\s*$")
_SCORE_RE = re.compile(r"得分\s*(?:为|是)?\s*$")
_SUBJECT_STRIP_RE = re.compile(
    r"(?:共计|合计|总计|共|累计|实际|已|共同|项目资金|专项资金|资金|安排了|安排|预算数|预算|"
    r"到位|支出了|支出|执行了|执行|使用了|使用|下达|计划|了|为|是|达到|达|仅|如)"
)
_NAME_SUFFIX_RE = re.compile(r"(?:项目|专项|经费|资金)$")


def _words(vocab: Vocab, key: str) -> list[str]:
    out = list(_DEFAULT_WORDS.get(key, []))
    for w in vocab.words.get(key, []):
        if w not in out:
            out.append(w)
    return sorted(out, key=len, reverse=True)


# ---------------------------------------------------------------------------------------------
# Paragraphs


@dataclass(slots=True)
class Tok:
    """One number of a paragraph."""

    start: int
    end: int
    q: Quantity
    page: int
    bbox: BBox

    @property
    def text(self) -> str:
        return self.q.text

    @property
    def iv(self) -> Iv | None:
        return of(self.q)

    @property
    def money(self) -> bool:
        q = self.q
        return (
            q.is_number
            and q.unit == "元"
            and not q.percent
            and q.per is None
            and self.iv is not None
        )

    @property
    def pct(self) -> bool:
        return self.q.is_number and self.q.percent and self.iv is not None

    @property
    def points(self) -> bool:  # 分
        return self.q.is_number and self.q.unit == "分" and self.iv is not None

    def cell(self, role: str) -> FindingCell:
        return FindingCell(self.page, self.bbox, self.text, role)  # type: ignore[arg-type]


@dataclass(slots=True)
class Para:
    text: str
    where: list[tuple[int, BBox]]  # per character: page and box
    toks: list[Tok] = field(default_factory=list)

    def span_box(self, s: int, e: int) -> tuple[int, BBox]:
        """Page and union box of text[s:e]; a span over a page break keeps its first page."""
        idx = [k for k in range(s, e) if not self.text[k].isspace()] or list(range(s, e))
        page = self.where[idx[0]][0]
        boxes = [self.where[k][1] for k in idx if self.where[k][0] == page]
        return page, (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def sentence(self, pos: int) -> tuple[int, int]:
        s = max(self.text.rfind(c, 0, pos) for c in _SENT_END) + 1
        ends = [k for c in _SENT_END if (k := self.text.find(c, pos)) >= 0]
        return s, (min(ends) + 1 if ends else len(self.text))

    def fragment(self, s: int, e: int, pad: int = 24) -> str:
        a, b = self.sentence(s)
        a = max(a, s - pad)
        b = min(b, e + pad)
        return self.text[a:b].strip()


def _char_boxes(line: TextLine) -> list[BBox]:
    if len(line.char_boxes) == len(line.text):
        return list(line.char_boxes)
    return [line.bbox] * len(line.text)


def _is_footer(line: TextLine, height: float) -> bool:
    t = unicodedata.normalize("NFKC", line.text).strip()
    if not _FOOTER_RE.match(t):
        return False
    return line.bbox[1] > 0.85 * height or line.bbox[3] < 0.1 * height


def paragraphs(doc: Document) -> list[Para]:
    """The document's text lines joined into paragraphs (page footers dropped).

    A line continues the paragraph above unless the line above is short (ends before the
    right margin) or this line is indented; a line above ending with ：，、； is continued
    (lists of 其中 parts run over several short lines) unless this line opens a heading.
    """
    out: list[Para] = []
    cur: Para | None = None
    prev: TextLine | None = None
    prev_margins: tuple[float, float, float] | None = None
    for page in doc.pages:
        lines = [ln for ln in page.lines if ln.text.strip() and not _is_footer(ln, page.height)]
        if not lines:
            continue
        margins = _margins(lines)
        for ln in lines:
            if cur is None or prev is None or prev_margins is None:
                brk = True
            else:
                brk = _breaks(prev, prev_margins, ln, margins)
            if brk:
                if cur is not None:
                    out.append(cur)
                cur = Para("", [])
            assert cur is not None
            cur.text += ln.text
            cur.where.extend((page.number, b) for b in _char_boxes(ln))
            prev, prev_margins = ln, margins
    if cur is not None:
        out.append(cur)
    for p in out:
        for s, e, q in find_quantities(p.text):
            if q.kind != "number" or q.value is None:
                continue
            if s > 0 and p.text[s - 1] in ",.":  # '一般公共预算,940.96': digits were lost
                continue
            page, box = p.span_box(s, e)
            p.toks.append(Tok(s, e, q, page, box))
    return out


def _margins(lines: list[TextLine]) -> tuple[float, float, float]:
    """(left, right, char size) of a page's body text."""
    sizes = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
    ch = sizes[len(sizes) // 2] or 10.0
    x0s = sorted(round(ln.bbox[0]) for ln in lines)
    counts: dict[int, int] = {}
    for x in x0s:
        counts[x] = counts.get(x, 0) + 1
    left = min(x for x, n in counts.items() if n >= max(1, max(counts.values()) // 3))
    x1s = sorted(ln.bbox[2] for ln in lines)
    right = x1s[int(0.8 * (len(x1s) - 1))]
    return left, right, ch


def _breaks(a: TextLine, am: tuple[float, float, float], b: TextLine, bm) -> bool:  # noqa: ANN001
    at = a.text.rstrip()
    last = at[-1] if at else ""
    heading = bool(_HEADING_RE.match(unicodedata.normalize("NFKC", b.text)))
    if last in "：:，,、":
        return False
    if last in "；;":
        return heading
    left_b, _, ch_b = bm
    left_a, right_a, ch_a = am
    if b.bbox[0] > left_b + 0.8 * ch_b or heading:  # indented: a new paragraph
        return True
    # a line may stop short of the margin when the next word (a long number) did not fit
    short = a.bbox[2] < right_a - 1.5 * ch_a
    very_short = a.bbox[2] < right_a - 0.25 * (right_a - left_a)
    return (short and last in _SENT_END) or very_short


# ---------------------------------------------------------------------------------------------
# Claims


@dataclass(slots=True)
class Operand:
    text: str
    value: float | None
    cell: FindingCell


@dataclass(slots=True)
class Claim:
    """One checked claim: the printed number, what it should be, and from what."""

    rule: str
    claim: Tok
    printed: Iv
    computed: Iv
    operands: list[Operand]
    severity: str  # ok | info | warning | error
    fragment: str
    what_zh: str
    what_en: str

    @property
    def value(self) -> float:
        return self.printed.mid

    @property
    def expected(self) -> float:
        return self.computed.mid

    @property
    def operand_texts(self) -> list[str]:
        return [o.text for o in self.operands]


def _tok_operand(t: Tok) -> Operand:
    return Operand(t.text, t.iv.mid if t.iv else None, t.cell("operand"))


def _cell_operand(c: Cell) -> Operand:
    iv = of(c.quantity)
    return Operand(c.text, iv.mid if iv else None, FindingCell.of(c, "operand"))


def _judge(printed: Iv, computed: Iv, parts: list[Iv] | None, q: Quantity, lenient: bool) -> str:
    """verdict(), with one more allowance for ratios: a printed ratio within one unit of its
    last digit of the computed one is a rounding adjustment (shares forced to add to 100%,
    a truncated percentage), reported as info."""
    v = verdict(printed, computed, parts)
    if lenient and v == "info" and printed.lo <= computed.mid <= printed.hi:
        return "ok"  # the computed ratio rounds to the printed one
    if v == "error" and lenient:
        ulp = 10.0 ** (-q.decimals) * q.scale
        gap = max(computed.lo - printed.hi, printed.lo - computed.hi)
        if gap <= ulp * (1 + 1e-6):
            return "info"
    return v


class _Ctx:
    def __init__(self, doc: Document, vocab: Vocab) -> None:
        self.doc = doc
        self.vocab = vocab
        self.paras = paragraphs(doc)
        self.claims: list[Claim] = []
        self.used: set[tuple[int, int]] = set()  # (para index, tok start) of claims already read
        self.w = {k: _words(vocab, k) for k in _DEFAULT_WORDS}
        self._projects: list | None = None
        self._splits: list[list[str]] | None = None
        self._total: _Project | bool | None = None  # False: no single programme total

    def add(
        self,
        rule: str,
        para: Para,
        claim: Tok,
        computed: Iv | None,
        operands: list[Operand],
        what_zh: str,
        what_en: str,
        parts: list[Iv] | None = None,
        lenient: bool = False,
        cap: str | None = None,
        printed: Iv | None = None,
    ) -> None:
        printed = printed or claim.iv
        if printed is None or computed is None:
            return
        if math.isinf(computed.lo):  # an upper bound: score <= weight
            sev = "ok" if printed.lo <= computed.hi + EPS * max(1.0, abs(computed.hi)) else "error"
        else:
            sev = _judge(printed, computed, parts, claim.q, lenient)
        if cap == "warning" and sev == "error":
            sev = "warning"
        self.claims.append(
            Claim(
                rule,
                claim,
                printed,
                computed,
                operands,
                sev,
                para.fragment(claim.start, claim.end),
                what_zh,
                what_en,
            )
        )


def _label(text: str, pos: int, back: int = 60) -> str:
    """The words before position ``pos`` in its clause, parenthetical notes removed."""
    seg = text[max(0, pos - back) : pos]
    prev = None
    while prev != seg:
        prev, seg = seg, _PAREN_RE.sub("", seg)
    k = max(seg.rfind(c) for c in _LABEL_STOP)
    return re.sub(r"\s+", "", seg[k + 1 :])


def _last_word(label: str, groups: dict[str, list[str]]) -> str | None:
    """The group whose word occurs last in ``label``."""
    best, where = None, -1
    for g, words in groups.items():
        for w in words:
            k = label.rfind(w)
            if k >= 0 and k + len(w) > where:
                best, where = g, k + len(w)
    return best


def _between(text: str, a: int, b: int) -> str:
    return text[a:b]


# ---------------------------------------------------------------------------------------------
# 其中 lists: total, parts, shares


@dataclass(slots=True)
class _Item:
    tok: Tok
    label: str
    share: Tok | None = None
    rate: Tok | None = None


@dataclass(slots=True)
class _List:
    start: int  # position of 其中
    head: Tok | None
    items: list[_Item]
    end: int


_COMPARED = re.compile(r"[比较](?:上年|去年|同期|上一年|年初|\d{4}年)")


def _says_change(label: str, words: list[str]) -> bool:
    """The words before an amount state a change (比上年减少30.8万元), not a name that holds a
    change character (防洪减灾资金, 增收项目): a word of two or more characters anywhere, a
    one-character word (增, 减) only right before the amount, or 比/较 with a base."""
    if _COMPARED.search(label):
        return True
    bare = re.sub(r"(?:了|为|达到|达|少)$", "", label)
    return any((w in label) if len(w) >= 2 else bare.endswith(w) for w in words)


def _parse_list(ctx: _Ctx, p: Para, m: re.Match) -> _List | None:
    text = p.text
    pos = m.end()
    # counts inside a part's words (11个项目单位配套自筹资金) are not parts
    toks = [t for t in p.toks if t.start >= pos and (t.money or t.pct)]
    items: list[_Item] = []
    sep: str | None = None
    comma_first = False
    change_words = ctx.w["claim_up"] + ctx.w["claim_down"]
    k = 0
    rate_words = ctx.w["claim_exec_rate"] + ctx.w["claim_received_rate"]
    while k < len(toks):
        t = toks[k]
        gap = _between(text, pos, t.start)
        if not t.money or any(c in gap for c in _SENT_END + "；;"):
            break
        if "，" in gap or "," in gap:
            # '省本级实施项目22个，安排资金8,893.00万元，占比31.72%；…': a part's words may
            # hold a comma only in a list whose parts are separated by ；
            if sep is None:
                comma_first = True
            elif sep not in "；;":
                break
        if items and _QIZHONG_RE.search(gap):
            break
        item = _Item(t, _label(text, t.start))
        if _says_change(item.label, change_words):  # '比上年预算减少30.8万元' is no part
            break
        k += 1
        end = t.end
        if k < len(toks) and toks[k].pct:
            g2 = _between(text, end, toks[k].start)
            g2n = re.sub(r"\s+", "", g2)
            if _SHARE_ATTACH_RE.match(g2):
                item.share = toks[k]
            elif re.match(
                r"^[，,]?[\u4e00-\u9fff]{0,6}(?:" + "|".join(rate_words) + r")"
                r"(?:为|是|达到|达|仅为|仅)?$",
                g2n,
            ):
                item.rate = toks[k]
            if item.share or item.rate:
                end = toks[k].end
                k += 1
        if items and (items[0].share is None) != (item.share is None):
            break
        items.append(item)
        rest = text[end:]
        rest_s = _PAREN_RE.sub("", rest[:40]) if rest[:1] in "（(" else rest
        sc = rest_s.lstrip()[:1]
        if sc in ("", *_SENT_END):
            end_pos = end
            break
        if sc not in "，,；;、和及":
            end_pos = end
            break
        if sep is None:
            sep = sc
        elif sc != sep and sc in "；;" and sep in "，,、":
            end_pos = end
            break
        pos = end + rest.find(sc) + 1
        end_pos = end
    else:
        end_pos = items[-1].tok.end if items else pos
    if not items or (comma_first and sep not in ("；", ";")):
        return None
    if not all(it.rate for it in items) or len(items) < 2:
        # '…业务工作经费1,844.40万元，资金执行率95.54%': a rate after the last part only is
        # the whole's rate, not that part's
        for it in items:
            it.rate = None
    # the head: the last amount before 其中 in the same sentence, nothing but words between
    head = None
    s0, _ = p.sentence(m.start())
    before = [t for t in p.toks if s0 <= t.start and t.end <= m.start()]
    if not before and s0 > 0 and not text[s0 : m.start()].strip():
        # '…共安排28,038.00万元，共设35个子项目。其中：…': the sentence before names the whole
        ps0, _ = p.sentence(s0 - 1)
        money = [t for t in p.toks if ps0 <= t.start and t.end <= s0 and t.money]
        if len(money) == 1:
            return _List(m.start(), money[0], items, end_pos)
    if before:
        last = before[-1]
        if last.money:
            head = last
        elif last.pct and len(before) >= 2 and before[-2].money:
            # 35,014.75万元，资金到位率100%，其中…
            head = before[-2]
    return _List(m.start(), head, items, end_pos)


def _complete(ctx: _Ctx, p: Para, lst: _List) -> str | None:
    """Why the parts are the whole list: '100%' when their shares add up to 100, 'count' when
    the sentence says how many parts there are and that many are listed."""
    items = lst.items
    if all(it.share is not None for it in items) and len(items) >= 2:
        ivs = [it.share.iv for it in items]  # type: ignore[union-attr]
        if all(ivs) and total(ivs).overlaps(Iv(100.0 - 1.0, 100.0 + 1.0)):  # type: ignore[arg-type]
            s = total(ivs)  # type: ignore[arg-type]
            ulp = max(10.0 ** (-it.share.q.decimals) for it in items)  # type: ignore[union-attr]
            if s.lo - ulp * len(items) <= 100.0 <= s.hi + ulp * len(items):
                return "100%"
    s0, _ = p.sentence(lst.start)
    seg = p.text[s0 : lst.start]
    if (m := _COUNT_N_RE.search(seg)) and int(m.group(1)) == len(items):
        return "count"
    if lst.head is not None and len(items) >= 2:
        # '专项资金及项目单位自筹资金实际到位44,219.00万元，其中专项资金…，…自筹资金…': the
        # whole's own words name each part
        lab = re.split(r"实际|到位|安排|共计|合计|共", _label(p.text, lst.head.start))[0]
        names = [n for n in re.split(r"[及和与、]", lab) if len(n) >= 2]
        if len(names) == len(items) and all(
            _subseq(n, it.label) for n, it in zip(names, items, strict=True)
        ):
            return "named"
    if lst.head is not None and len(items) >= 2:
        # the parts are the split a table shows: 专项资金…、自筹资金… against 专项 / 自筹 / 合计
        labels = [_core_label(it.label) for it in items]
        if any(_names_split(labels, names) for names in _table_splits(ctx)):
            return "table"
    return None


def _table_splits(ctx: _Ctx) -> list[list[str]]:
    """Lists of names that the document's tables show adding up to a total: the leaves of a
    header group that holds a 合计 leaf (资金到位情况: 专项 / 自筹 / 合计), and the top rows
    of a table with a 合计 row. A prose list naming exactly one of these is complete."""
    if ctx._splits is not None:
        return ctx._splits
    totals = ctx.vocab.words.get("total", []) + ctx.vocab.words.get("subtotal", [])
    skip = ctx.vocab.words.get("rate", []) + ctx.vocab.words.get("share", [])

    def is_total(t: str) -> bool:
        return any(t == w or (len(t) <= 6 and t.endswith(w)) for w in totals)

    out: list[list[str]] = []
    for table in ctx.doc.tables:
        # each header group's children, leaves or groups of their own (预算数: 合计 / 因公出国
        # （境）费 / 公务用车购置及运行费 / 公务接待费), the top level too
        groups: dict[tuple[str, ...], list[str]] = {}
        for path in table.columns:
            for k in range(len(path)):
                kids = groups.setdefault(tuple(path[:k]), [])
                if norm(path[k]) not in kids:
                    kids.append(norm(path[k]))
        for leaves in groups.values():
            if any(is_total(x) for x in leaves):
                names = [x for x in leaves if not is_total(x) and not any(w in x for w in skip)]
                out.append(names)
        labels = [strip_marker(row[0].text) for row in table.rows if row and row[0].text]
        if any(is_total(x) for x in labels):
            marked = [
                strip_marker(row[0].text)
                for row in table.rows
                if row and re.match(r"^[一二三四五六七八九十]+[、.．]", norm(row[0].text))
            ]
            items = marked or [x for x in labels if not is_total(x) and not x.startswith("其中")]
            if len(items) <= 12:
                out.append(items)
    ctx._splits = [names for names in out if len(names) >= 2 and all(len(x) >= 2 for x in names)]
    return ctx._splits


def _names_split(labels: list[str], names: list[str]) -> bool:
    """Each label holds exactly one of the names (as a subsequence), one to one."""
    if len(labels) != len(names):
        return False
    cands = [[j for j, n in enumerate(names) if _subseq(n, lab)] for lab in labels]

    def assign(i: int, used: frozenset[int]) -> bool:
        if i == len(cands):
            return True
        return any(assign(i + 1, used | {j}) for j in cands[i] if j not in used)

    return all(cands) and assign(0, frozenset())


def _subseq(a: str, b: str) -> bool:
    it = iter(b)
    return all(c in it for c in a)


def _lists(ctx: _Ctx, pi: int, p: Para) -> None:
    prev_head: Tok | None = None
    for m in _QIZHONG_RE.finditer(p.text):
        lst = _parse_list(ctx, p, m)
        if lst is None:
            continue
        head, inherited = lst.head, False
        complete = _complete(ctx, p, lst)
        if head is None and prev_head is not None and complete:
            head, inherited = prev_head, True
        if head is None:
            continue
        if not inherited:
            prev_head = head
        items = lst.items
        for it in items:
            ctx.used.add((pi, it.tok.start))
            if it.share:
                ctx.used.add((pi, it.share.start))
        parts = [it.tok.iv for it in items]
        ops = [_tok_operand(it.tok) for it in items]
        frag_zh = "、".join(it.tok.text for it in items)
        # the parts add up to the total
        if len(items) >= 2:
            comp = total(parts)  # type: ignore[arg-type]
            v = verdict(head.iv, comp, parts)  # type: ignore[arg-type]
            # without a sign that the parts are the whole list, a sum that does not hold may
            # just be a list that names only some parts: nothing is said about it
            if complete or v in ("ok", "info"):
                ctx.add(
                    "prose_sum",
                    p,
                    head,
                    comp,
                    ops,
                    f"总额 {head.text} 与其中各项之和（{frag_zh}）",
                    f"total {head.text} against the sum of its parts ({frag_zh})",
                    parts=parts,  # type: ignore[arg-type]
                )
        # each share = part / total
        shares = [it for it in items if it.share is not None]
        n_before = len(ctx.claims)
        for it in shares:
            comp = ratio(it.tok.iv, head.iv)  # type: ignore[arg-type]
            ctx.add(
                "prose_share",
                p,
                it.share,  # type: ignore[arg-type]
                comp,
                [_tok_operand(it.tok), _tok_operand(head)],
                f"{it.label}{it.tok.text} 占 {head.text} 的比例",
                f"share of {it.tok.text} in {head.text}",
                lenient=True,
            )
        share_failed = any(c.severity == "error" for c in ctx.claims[n_before:])
        if len(shares) == len(items) >= 2 and complete and not share_failed:
            # (a wrong share is reported once, at its own place, not again in the sum)
            ivs = [it.share.iv for it in shares]  # type: ignore[union-attr]
            big = max(shares, key=lambda it: it.share.iv.mid)  # type: ignore[union-attr]
            ctx.add(
                "prose_share",
                p,
                big.share,  # type: ignore[arg-type]
                Iv(100.0, 100.0),
                [_tok_operand(it.share) for it in shares],  # type: ignore[arg-type]
                "各项占比之和应为100%（"
                + "、".join(it.share.text for it in shares)  # type: ignore[union-attr]
                + "）",
                "the shares should add up to 100%",
                printed=total(ivs),  # type: ignore[arg-type]
                lenient=True,
            )
        # a part's own rate: its denominator is the same-named part of an earlier list
        for it in items:
            if it.rate is None:
                continue
            ctx.used.add((pi, it.rate.start))
            core = _core_label(it.label)
            if len(core) < 2:
                continue
            cands = [
                o
                for o in p.toks
                if o.money
                and o.end <= lst.start
                and _core_label(_label(p.text, o.start)) == core
                and o is not it.tok
            ]
            vals = {round(o.iv.mid, 6) for o in cands}  # type: ignore[union-attr]
            if len(vals) != 1:
                continue
            den = cands[-1]
            ctx.add(
                "prose_rate",
                p,
                it.rate,
                ratio(it.tok.iv, den.iv),  # type: ignore[arg-type]
                [_tok_operand(it.tok), _tok_operand(den)],
                f"{it.label}{it.tok.text} ÷ {den.text}",
                f"rate {it.tok.text} / {den.text}",
                lenient=True,
            )


def _core_label(label: str) -> str:
    t = re.sub(r"^其中", "", label)
    t = re.sub(r"(?:执行数|执行|使用|支出了|到位|安排|预算数|预算|完成|数)$", "", t)
    return t


# ---------------------------------------------------------------------------------------------
# Rates with their two amounts


def _roles(ctx: _Ctx, p: Para) -> dict[int, str]:
    """Role of each amount of the paragraph: 'num' (支出/执行/使用), 'recv' (到位), 'plan'
    (安排/预算), from the last such word before it; an amount followed by its 到位率 is 'recv'."""
    groups = {
        "num": ctx.w["claim_rate_numerator"],
        "recv": ctx.w["claim_rate_received"],
        "plan": ctx.w["claim_rate_planned"],
    }
    out: dict[int, str] = {}
    toks = p.toks
    for k, t in enumerate(toks):
        if not t.money:
            continue
        role = _last_word(_label(p.text, t.start), groups)
        if k + 1 < len(toks) and toks[k + 1].pct:
            nxt = re.sub(r"\s+", "", _between(p.text, t.end, toks[k + 1].start))
            if re.fullmatch(r"[，,]?[\u4e00-\u9fff]{0,6}到位率(?:为|达)?", nxt):
                role = "recv"
        if role:
            out[t.start] = role
    return out


def _adjacent(p: Para, num: Tok, t: Tok, skip: set[int]) -> bool:
    """The rate ``t`` follows its numerator: same sentence, and every clause between them is
    a 其中 part (its start in ``skip``) — not some other subject's rate."""
    if p.sentence(num.start) != p.sentence(t.start):
        return False
    if p.text[t.end : t.end + 1] == "的":  # 执行率达到100%的1个: an attribute, not a claim
        return False
    gap = p.text[num.end : t.start]
    cuts = [m.start() for m in _CUT_RE.finditer(gap)]
    if not cuts:
        return True
    inner = [num.end + k for k in cuts[:-1]]  # clause starts between the two, but the last
    for k0 in inner:
        if not any(o.start > k0 and o.start in skip for o in p.toks if o.start < t.start):
            return False
    return True


def _rates(ctx: _Ctx, pi: int, p: Para) -> None:
    exec_w = ctx.w["claim_exec_rate"]
    recv_w = ctx.w["claim_received_rate"]
    roles: dict[int, str] | None = None
    in_list = {s for (i, s) in ctx.used if i == pi}
    for k, t in enumerate(p.toks):
        if not t.pct or (pi, t.start) in ctx.used or t.q.comparator:
            continue
        lab = _FILL_RE.sub("", _label(p.text, t.start))
        if any(lab.endswith(w) for w in exec_w):
            num_roles, den_roles = {"num"}, {"recv", "plan"}
        elif any(lab.endswith(w) for w in recv_w):
            num_roles, den_roles = {"recv"}, {"plan"}
        else:
            continue
        if roles is None:
            roles = _roles(ctx, p)
        before = [o for o in p.toks[:k] if o.money and o.start not in in_list]
        # no other rate claim between the numerator and this one
        num = None
        for o in reversed(before):
            r = roles.get(o.start)
            if r in num_roles:
                num = o
                break
            if r is not None and r not in den_roles:
                break
        if num is None or not _adjacent(p, num, t, in_list):
            continue
        den = None
        for o in reversed([o for o in before if o.end <= num.start]):
            r = roles.get(o.start)
            if r in den_roles:
                den = o
                break
            if r in num_roles:
                break
        if den is None:
            continue
        ctx.used.add((pi, t.start))
        ctx.add(
            "prose_rate",
            p,
            t,
            ratio(num.iv, den.iv),  # type: ignore[arg-type]
            [_tok_operand(num), _tok_operand(den)],
            f"{lab} = {num.text} ÷ {den.text}",
            f"rate = {num.text} / {den.text}",
            lenient=True,
        )


# ---------------------------------------------------------------------------------------------
# 占…的 X%: shares of a named whole, and of a count


def _named_shares(ctx: _Ctx, pi: int, p: Para) -> None:
    for k, t in enumerate(p.toks):
        if not t.pct or (pi, t.start) in ctx.used or t.q.comparator:
            continue
        s0, _ = p.sentence(t.start)
        seg = p.text[s0 : t.start]
        seg_c = _PAREN_RE.sub("", seg)
        m = _NAMED_SHARE_RE.search(seg_c)
        if not m:
            continue
        subject = re.sub(r"\s+", "", m.group(1))
        ref = re.sub(r"\s+", "", m.group(2))
        before = [o for o in p.toks[:k] if o.start >= s0]
        if ref.endswith("总数") or subject.endswith("数"):
            _count_share(ctx, p, t, before, subject, ref)
            continue
        core = re.sub(r"(?:的|总额|合计|总计|总数|总|金额)+$", "", ref)
        if len(core) < 2:
            continue
        # the part
        part = None
        money = [o for o in before if o.money]
        if subject:
            named = [o for o in money if subject in _label(p.text, o.start)]
            if len(named) == 1:
                part = named[0]
            elif not named and len(money) == 1:
                part = money[0]
        elif money and money[-1] is before[-1]:
            gap = re.sub(r"\s+", "", p.text[money[-1].end : t.start])
            if gap.startswith(("，", ",")) and gap.count("，") + gap.count(",") == 1:
                part = money[-1]
        if part is None:
            continue
        whole = _find_whole(ctx, pi, p, core, part)
        if whole is None:
            continue
        ctx.used.add((pi, t.start))
        ctx.add(
            "prose_share",
            p,
            t,
            ratio(part.iv, whole.iv),  # type: ignore[arg-type]
            [_tok_operand(part), _tok_operand(whole)],
            f"{part.text} 占{ref} {whole.text} 的比例",
            f"share of {part.text} in {whole.text}",
            lenient=True,
        )


def _find_whole(ctx: _Ctx, pi: int, p: Para, core: str, part: Tok) -> Tok | None:
    """The amount named ``core``: in the paragraph before the part, else a total so named
    anywhere in the document; only when every candidate has the same value."""
    cands = [
        o for o in p.toks if o.money and o.end <= part.start and core in _label(p.text, o.start)
    ]
    if not cands:
        tw = ctx.w["claim_total_words"]
        for q in ctx.paras:
            for o in q.toks:
                if o.money and o is not part:
                    lab = _label(q.text, o.start)
                    if core in lab and any(w in lab for w in tw):
                        cands.append(o)
    vals = {round(o.iv.mid, 6) for o in cands}  # type: ignore[union-attr]
    if len(vals) != 1:
        return None
    return cands[0]


def _count_share(ctx: _Ctx, p: Para, t: Tok, before: list[Tok], subject: str, ref: str) -> None:
    word = re.sub(r"(?:总数|数|总)$", "", ref) or re.sub(r"数$", "", subject)
    word = re.sub(r"^(?:抽查|抽取)", "", word)
    if len(word) < 2:
        return
    counts = []
    for o in before:
        q = o.q
        if not q.is_number or q.percent or q.unit is None or q.unit == "元" or q.scale != 1:
            continue
        after = re.sub(r"\s+", "", p.text[o.end : o.end + 8])
        if after.startswith(word) or after.startswith("子" + word):
            counts.append(o)
    units = {o.q.unit for o in counts}
    if len(counts) != 2 or len(units) != 1:
        return
    a, b = sorted(counts, key=lambda o: o.q.value)  # the part cannot exceed the whole
    if a.q.decimals or b.q.decimals:
        return
    ctx.add(
        "prose_count_share",
        p,
        t,
        ratio(Iv(a.q.value, a.q.value), Iv(b.q.value, b.q.value)),  # type: ignore[arg-type]
        [_tok_operand(a), _tok_operand(b)],
        f"{subject}占{ref}：{a.text} ÷ {b.text}",
        f"count share {a.text} / {b.text}",
        lenient=True,
    )


# ---------------------------------------------------------------------------------------------
# Scores


def _score_iv(t: Tok, weight: Tok | None) -> Iv:
    """A score printed as a whole number equal to its weight is full marks: exact."""
    iv = t.iv
    assert iv is not None
    if weight is not None and t.q.decimals == 0 and t.q.value == weight.q.value:
        return Iv(t.q.value, t.q.value)  # type: ignore[arg-type]
    return iv


def _scores(ctx: _Ctx, pi: int, p: Para) -> None:
    toks = p.toks
    pairs: list[tuple[Tok, Tok]] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.points and _WEIGHT_RE.search(_label(p.text, t.start)):
            for j in range(k + 1, min(k + 3, len(toks))):
                u = toks[j]
                if u.points and _SCORE_RE.search(_label(p.text, u.start)):
                    gap = p.text[t.end : u.start]
                    if not any(c in gap for c in "；;。") and not (
                        any(o.points for o in toks[k + 1 : j])
                    ):
                        pairs.append((t, u))
                        k = j
                    break
        k += 1
    if not pairs:
        return
    for w, s in pairs:
        ctx.add(
            "prose_score",
            p,
            s,
            Iv(-math.inf, w.q.value),  # type: ignore[arg-type]
            [_tok_operand(w)],
            f"得分 {s.text} 不应超过分值 {w.text}",
            f"score {s.text} cannot exceed its weight {w.text}",
            printed=_score_iv(s, w),
        )
    first = pairs[0][0]
    qz = p.text.rfind("其中", 0, first.start)
    if qz < 0:
        return
    heads = [
        o
        for o in toks
        if o.points and o.end <= qz and _SCORE_TOTAL_RE.search(_label(p.text, o.start))
    ]
    if not heads:
        return
    head = heads[-1]
    if any(o.points for o in toks if head.end <= o.start < qz):
        return
    parts = [_score_iv(s, w) for w, s in pairs]
    ctx.add(
        "prose_score",
        p,
        head,
        total(parts),
        [_tok_operand(s) for _, s in pairs],
        "总得分 " + head.text + " 与各部分得分之和（" + "、".join(s.text for _, s in pairs) + "）",
        f"total score {head.text} against the sum of its parts",
        parts=parts,
    )


# ---------------------------------------------------------------------------------------------
# Year on year


# ---------------------------------------------------------------------------------------------
# A named project against its annex row


@dataclass(slots=True)
class _Project:
    table: Table
    row: int
    name: str  # normalised label
    short: str  # without 项目/专项/经费
    groups: dict[str, list[int]]  # role -> column indexes


def _projects(ctx: _Ctx) -> list[_Project]:
    if ctx._projects is not None:
        return ctx._projects
    out: list[_Project] = []
    plan_w = ctx.w["claim_rate_planned"] + ctx.w["claim_rate_received"]
    num_w = ctx.w["claim_rate_numerator"]
    for table in ctx.doc.tables:
        if not table.rows or not table.columns or (table.unit or "") not in ("万元", "元"):
            continue
        view = build_view(table, ctx.vocab)
        label_cols = [c for c in view.columns if c.label and "项目" in "".join(c.path)]
        if not label_cols:
            continue
        groups: dict[str, list[int]] = {"plan": [], "num": [], "rate": []}
        for c in view.columns:
            if not c.value:
                continue
            path = [norm(x) for x in c.path]
            joined = "".join(path)
            if c.is_rate(ctx.vocab) or "率" in path[-1]:
                if any(w in joined for w in ("执行", "使用", "支出")) or path[-1] == "合计":
                    groups["rate"].append(c.index)
                continue
            if "上年" in joined or "增减" in joined or c.is_share(ctx.vocab):
                continue
            leaf_ok = len(path) == 1 or "合计" in path[-1] or "专项" in path[-1] or "数" in path[-1]
            if not leaf_ok:
                continue
            if any(w in joined for w in num_w):
                groups["num"].append(c.index)
            elif any(w in joined for w in plan_w):
                groups["plan"].append(c.index)
        if not any(groups.values()):
            continue
        for lc in label_cols:
            for r, row in enumerate(table.rows):
                if view.kind(r, len(view.columns)) != "item":
                    continue
                name = strip_marker(row[lc.index].text)
                if len(name) < 3 or view.kind_of_text(name) != "item":
                    continue
                short = _NAME_SUFFIX_RE.sub("", name)
                out.append(_Project(table, r, name, short if len(short) >= 3 else name, groups))
    ctx._projects = out
    return out


_AS_OF_RE = re.compile(
    r"(?:截至|截止|截止到|至)?\s*\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|末)?"
)
_AMOUNT_RE = re.compile(r"[\d,.，．]+\s*(?:万元|亿元|元|%)?")


def _about_everything(p: Para, t: Tok) -> bool:
    """The sentence up to ``t`` names nothing but dates, amounts and money words (截至2023年12月
    31日，实际到位资金28,095.55万元，已使用资金…): it speaks of the whole programme, not of one
    project or one source named earlier in it."""
    s0, _ = p.sentence(t.start)
    rest = _AMOUNT_RE.sub("", _AS_OF_RE.sub("", p.text[s0 : t.start]))
    rest = _SUBJECT_STRIP_RE.sub("", rest)
    return sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff") < 2


def _program_total(ctx: _Ctx) -> _Project | None:
    """The 合计 row of the one allocation table (到位 and 支出 columns by project): what a
    sentence about the whole programme (实际到位资金…万元，已使用资金…万元) quotes."""
    if ctx._total is not None:
        return ctx._total or None
    found: list[_Project] = []
    for table in {id(pr.table): pr.table for pr in _projects(ctx)}.values():
        pr0 = next(pr for pr in _projects(ctx) if pr.table is table)
        recv = [c for c in pr0.groups["plan"] if "到位" in "".join(table.columns[c])]
        if not recv or not pr0.groups["num"]:
            continue
        view = build_view(table, ctx.vocab)
        totals = [r for r in range(len(table.rows)) if view.kind(r, len(view.columns)) == "total"]
        if len(totals) == 1:
            groups = {"plan": recv, "num": pr0.groups["num"], "rate": pr0.groups["rate"]}
            found.append(_Project(table, totals[0], "合计", "合计", groups))
    ctx._total = found[0] if len(found) == 1 else False
    return ctx._total or None


def _containment(name: str, text: str) -> float:
    """How much of ``name`` appears, in order and close together, in ``text`` (0..1)."""
    from rapidfuzz.distance import LCSseq

    if not name or not text:
        return 0.0
    sim = LCSseq.similarity(name, text)
    if sim < len(name):
        return sim / len(name)
    blocks = [b for b in LCSseq.opcodes(name, text) if b.tag == "equal"]
    span = blocks[-1].dest_end - blocks[0].dest_start if blocks else 0
    return 1.0 if span <= 2 * len(name) + 2 else 0.8


def _match_project(ctx: _Ctx, subject: str) -> _Project | None:
    projects = _projects(ctx)
    if not projects or len(subject) < 3:
        return None
    scored = []
    for pr in projects:
        s = max(_containment(pr.name, subject), _containment(pr.short, subject))
        if s >= 0.75:
            scored.append((s, len(pr.short), pr))
    if not scored:
        return None
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best = scored[0]
    if best[0] < 1.0:
        return None
    others = [x for x in scored[1:] if x[2].name != best[2].name or x[2].table is not best[2].table]
    if any(x[0] >= 0.9 and x[2].short not in best[2].short for x in others):
        return None
    return best[2]


def _subjects(p: Para, t: Tok) -> list[str]:
    """What an amount is about, most likely first: the words before it (科技项目共计安排400万元),
    what it is for (安排了356万元用于…党建、团建工作), or the clause before it
    (执行率最低的是文旅科技创新项目，到位资金420.00万元)."""
    out: list[str] = []
    lab = _label(p.text, t.start)
    subj = _SUBJECT_STRIP_RE.sub("", lab)
    if len(subj) >= 3:
        out.append(subj)
    after = p.text[t.end : t.end + 40]
    if m := re.match(r"\s*用于([^，,；;。]{2,30})", after):
        out.append(m.group(1))
    if len(subj) < 3:
        s0, _ = p.sentence(t.start)
        k = max(p.text.rfind(c, s0, t.start) for c in "，,")
        if k > s0:
            prev = _label(p.text, k)
            if not any(k - len(prev) <= o.start < k for o in p.toks):
                out.append(re.sub(r"^.*?(?:是|为|如)", "", prev))
    return out


def _vs_table(ctx: _Ctx, pi: int, p: Para) -> None:
    if not ctx.doc.tables:
        return
    roles: dict[int, str] | None = None
    toks = p.toks
    k = 0
    while k < len(toks):
        t = toks[k]
        if not t.money:
            k += 1
            continue
        if roles is None:
            roles = _roles(ctx, p)
        pr = None
        for subj in _subjects(p, t):
            if pr := _match_project(ctx, subj):
                break
        if pr is None and roles.get(t.start) in ("recv", "num") and _about_everything(p, t):
            pr = _program_total(ctx)  # 截至…，实际到位资金…万元: the whole programme
        if pr is None:
            k += 1
            continue
        # this amount and what follows it in the sentence about the same project
        _, s1 = p.sentence(t.start)
        run = [t]
        for u in toks[k + 1 :]:
            if u.start >= s1:
                break
            if u.money and len(_SUBJECT_STRIP_RE.sub("", _label(p.text, u.start))) >= 2:
                break
            run.append(u)
        for u in run:
            if u.money:
                role = roles.get(u.start)
                group = "num" if role == "num" else "plan" if role in ("plan", "recv") else None
            elif u.pct and re.search(r"率(?:为|是|达到|达|仅为|仅)?$", _label(p.text, u.start)):
                group = "rate"
            else:
                group = None
            if group is None:
                continue
            _compare(ctx, p, u, pr, group)
        k += len(run)


def _compare(ctx: _Ctx, p: Para, u: Tok, pr: _Project, group: str) -> None:
    cols = pr.groups.get(group) or []
    row = pr.table.rows[pr.row]
    cells = [row[c] for c in cols if of(row[c].quantity) is not None and row[c].quantity.is_number]
    if not cells:
        return
    scale = 1e4 if pr.table.unit == "万元" and group != "rate" else 1.0
    ivs = [of(c.quantity).scale(scale) for c in cells]  # type: ignore[union-attr]
    printed = u.iv
    assert printed is not None
    hit = [i for i, iv in enumerate(ivs) if printed.overlaps(iv)]
    if hit:
        i = hit[0]
    elif len({round(iv.mid, 4) for iv in ivs}) == 1:
        i = 0
    else:
        return  # the columns disagree and none matches: which one is meant is unknown
    what = {"plan": "安排/到位", "num": "支出", "rate": "执行率"}[group]
    ctx.add(
        "prose_vs_table",
        p,
        u,
        ivs[i],
        [_cell_operand(cells[i])],
        f"{pr.name} 的{what} {u.text} 与 {pr.table.title or pr.table.id} 中该行的 {cells[i].text}",
        f"{pr.name}: {u.text} against {cells[i].text} in table {pr.table.id}",
        lenient=group == "rate",
    )


# ---------------------------------------------------------------------------------------------
# Entry points


def collect_claims(doc: Document, vocab: Vocab) -> list[Claim]:
    """Every claim checked, passing or not (the tests and a reviewer's audit trail)."""
    from .claim_compare import direction
    from .claim_yoy import yoy

    ctx = _Ctx(doc, vocab)
    for pi, p in enumerate(ctx.paras):
        if not p.toks:
            continue
        _scores(ctx, pi, p)
        _lists(ctx, pi, p)
        _rates(ctx, pi, p)
        _named_shares(ctx, pi, p)
        yoy(ctx, pi, p)
        direction(ctx, pi, p)
        _vs_table(ctx, pi, p)
    return ctx.claims


_RULE_ZH = {
    "prose_sum": "正文合计",
    "prose_share": "正文占比",
    "prose_rate": "正文比率",
    "prose_count_share": "正文数量占比",
    "prose_score": "正文得分",
    "prose_yoy": "正文同比",
    "prose_vs_table": "正文与附表",
    "prose_direction": "正文大小比较",
}


def _finding(c: Claim) -> Finding:
    exp = c.computed.mid if math.isfinite(c.computed.lo) else c.computed.hi
    rep = c.printed.mid
    if c.rule == "prose_direction" or (
        c.rule == "prose_score" and not math.isfinite(c.computed.lo)
    ):
        zh = f"{_RULE_ZH[c.rule]}：“{c.fragment}”中{c.what_zh}。"
        en = f"{c.rule}: in “{c.fragment}”, {c.what_en}."
    else:
        shown = _as_printed(exp, c.claim)
        zh = (
            f"{_RULE_ZH[c.rule]}：“{c.fragment}”中 {c.claim.text} 与计算值 {shown} 不符"
            f"（{c.what_zh}）。"
        )
        en = (
            f"{c.rule}: in “{c.fragment}”, {c.claim.text} does not agree with the computed "
            f"{shown} ({c.what_en})."
        )
    if c.severity == "info":
        zh += "差异在末位舍入范围内。"
        en += " The difference is a rounding residue."
    if c.severity == "warning":
        zh += "需人工复核。"
        en += " Needs a reviewer's look."
    return Finding(
        rule=c.rule,
        severity=c.severity,  # type: ignore[arg-type]
        message_zh=zh,
        message_en=en,
        reported=rep,
        expected=exp,
        cells=[c.claim.cell("claim")] + [o.cell for o in c.operands],
    )


def _as_printed(x: float, tok: Tok) -> str:
    """A computed value the way the claim was printed: its scale (万元), its decimals, its
    thousands separators and its unit (28,095.85万元, 96.94%, 36.60分)."""
    q = tok.q
    value = x / (q.scale or 1.0)
    sep = "," if "," in tok.text else ""
    unit = re.sub(r"^[\s\d,.，．+\-−]+", "", unicodedata.normalize("NFKC", tok.text))
    if unit and not re.fullmatch(r"[%万亿元个分项次人家批]{1,3}|万元|亿元|个百分点", unit):
        unit = ""  # something other than a plain unit follows the digits: show the number only
    return f"{value:{sep}.{q.decimals}f}{unit}"


def _fmt(x: float) -> str:
    if abs(x - round(x)) < EPS:
        return f"{round(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def check_claims(doc: Document, vocab: Vocab) -> tuple[list[Finding], int]:
    """Findings on the numeric claims of the body text, and how many claims were checked."""
    claims = collect_claims(doc, vocab)
    findings = [_finding(c) for c in claims if c.severity != "ok"]
    order = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: order[f.severity])
    return findings, len(claims)
