"""A project named in the prose against its annex row (prose_vs_table)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...extract.model import Table
from ..interval import of
from ..structure import build_view, norm, strip_marker
from .core import _cell_operand, _Ctx, _label
from .rates import _roles
from .text import Para, Tok

# ---------------------------------------------------------------------------------------------
# A named project against its annex row

_SUBJECT_STRIP_RE = re.compile(
    r"(?:共计|合计|总计|共|累计|实际|已|共同|项目资金|专项资金|资金|安排了|安排|预算数|预算|"
    r"到位|支出了|支出|执行了|执行|使用了|使用|下达|计划|了|为|是|达到|达|仅|如)"
)

_NAME_SUFFIX_RE = re.compile(r"(?:项目|专项|经费|资金)$")


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
