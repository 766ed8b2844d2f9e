"""其中 lists in the prose: a total and its parts, with their 占比 (prose_sum, prose_share)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..interval import Iv, ratio, total, verdict
from ..structure import norm, strip_marker
from .core import (
    _PAREN_RE,
    _between,
    _Ctx,
    _label,
    _tok_operand,
)
from .text import _SENT_END, Para, Tok

# ---------------------------------------------------------------------------------------------
# 其中 lists: total, parts, shares

_QIZHONG_RE = re.compile(r"其中\s*[：:，,]?")

_SHARE_ATTACH_RE = re.compile(r"^\s*[，,]?\s*(?:占比|所占比例|占比重|比重|占)\s*(?:为|达|是)?\s*$")

_COUNT_N_RE = re.compile(
    r"(?:分为|分成|共|包括|设)\s*(\d+)\s*(?:个|大|项)?\s*(?:大类|类|个方面|方面|项|部分)"
)


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
    skip = ctx.vocab.words.get("rate", []) + ctx.vocab.words.get("share", [])

    def is_total(t: str) -> bool:
        return ctx.vocab.total_kind(t) is not None

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
