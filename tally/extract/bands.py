"""Where three-line tables (三线表) stand on a page: long horizontal rules of one extent make a
table (its top, header and bottom rule); consecutive heavy rules close one table and open the
next; a joint (a table split by hand, the split drifted off the page break) keeps one table
whole; group rules drawn end to end over the whole width are a header level, not the header
rule. ``threeline`` reads what a band holds."""

from __future__ import annotations

from dataclasses import dataclass

from .edges import Segment
from .numbers import parse_quantity
from .text import Char, group_lines, line_text, segments

MIN_RULE = 80.0  # points: shorter rules are underlines or cmidrules, not table rules
SAME_EXTENT = 0.05  # rules of one table start and end within this fraction of their length
THICK = 1.4  # a rule this many times thicker than the thinnest of its table is a top/bottom rule
JOINT_GAP = 4.0  # points: a bottom rule and a top rule this close, no text between, meet


@dataclass(slots=True)
class Band:
    """The rules of one three-line table on a page."""

    top: float
    head: float | None  # the rule under the header; None on a header-less continuation
    bottom: float
    x0: float
    x1: float
    cmid: list[Segment]
    rules: int = 0  # how many long rules made it (2: a header-less piece, or an open header)
    open: bool = False  # no closing rule on this page: the table goes on over the page foot
    joint: float | None = None  # a top rule met the bottom rule here: the table may go on below


def find_bands(
    hs: list[Segment],
    used: set[int],
    chars: list[Char] | None = None,
    page_h: float = float("inf"),
) -> list[Band]:
    """The three-line tables of a page from its long horizontal rules: rules of one extent make
    a table (top, header and bottom rule); given the page's characters, rules that only nest
    in one another (rules left out over merged cells) too (``nestband``)."""
    bands: list[Band] = []
    if chars is not None:
        from .nestband import nested_bands  # nestband reads lines as openband does

        bands, taken = nested_bands(hs, used, chars, page_h)
        used = used | taken
    free = [h for i, h in enumerate(hs) if i not in used]
    long = sorted((h for h in free if h.length >= MIN_RULE), key=lambda h: h.pos)
    groups: list[list[Segment]] = []
    for h in long:
        for g in groups:
            ref = g[0]
            tol = SAME_EXTENT * ref.length
            if abs(h.a - ref.a) <= tol and abs(h.b - ref.b) <= tol:
                g.append(h)
                break
        else:
            groups.append([h])
    for g in groups:
        for run, joint in _runs(g):
            bands.extend(_band(run, free, joint, chars))
    bands.sort(key=lambda b: b.top)
    return bands


def _runs(g: list[Segment]) -> list[tuple[list[Segment], tuple[Segment, Segment] | None]]:
    """The rules of one extent cut into tables: consecutive thick rules close one table and
    open the next. A joint is kept whole: a table split by hand into two whose split no longer
    falls on the page break, the first part's bottom rule meeting the second's top rule (two
    thick rules within ``JOINT_GAP``, or drawn so close they snapped to one double rule); it
    parts two tables only when a header rule or a top rule over one follows it."""
    thin = min(s.width for s in g)
    heavy = max(s.width for s in g)

    def thick(s: Segment) -> bool:
        # as heavy as the heaviest: a header rule between a hairline cmid and the frame
        # (0.5 / 0.75 / 1.5 pt) is not a frame rule
        return s.width >= THICK * thin > 0 and s.width * THICK > heavy

    out: list[tuple[list[Segment], tuple[Segment, Segment] | None]] = []
    run: list[Segment] = []
    joint: tuple[Segment, Segment] | None = None
    pending = False  # the rule before was a joint's
    for k, s in enumerate(g):
        if pending:
            pending = False
            heads = k + 1 < len(g) and not thick(g[k + 1])
            if not thick(s) or heads:  # a header rule under the joint, or a top rule over one
                out.append(([*run, joint[0]], None))  # type: ignore[index]
                run, joint = ([joint[1]] if not thick(s) else []), None  # type: ignore[index]
            run.append(s)
            continue
        if joint is None and thick(s) and len(run) >= 2:
            if len(run) >= 3 and thick(run[-1]) and s.pos - run[-1].pos <= JOINT_GAP:
                joint, pending = (run.pop(), s), True
                continue
            if s.double and not thick(run[-1]):
                joint, pending = (s, s), True
                continue
        if run and thick(s) and thick(run[-1]) and len(run) >= 2:
            out.append((run, joint))
            run, joint = [], None
        run.append(s)
    out.append((run, joint))
    return out


def _band(
    rules: list[Segment],
    free: list[Segment],
    joint: tuple[Segment, Segment] | None = None,
    chars: list[Char] | None = None,
) -> list[Band]:
    if joint is not None and len(rules) == 2:
        # nothing closes the second part on this page: the first part as printed, marked so
        # the rows below the joint may join it when they run in its columns to the page foot
        band = _band([*rules, joint[0]], free, None, chars)[0]
        band.joint = joint[1].pos
        return [band]
    if len(rules) < 2:
        return []
    top, bottom = rules[0], rules[-1]
    k = _head_rule(rules, chars) if chars is not None else 1
    head = rules[k].pos if len(rules) >= 3 else None
    # with two rules, the short rules between them serve if the second proves a header rule
    limit = rules[k].pos
    cmid = [
        h
        for h in free
        if h.length < top.length * (1 - SAME_EXTENT)
        and top.pos < h.pos < limit
        and h.a >= top.a - 2
        and h.b <= top.b + 2
    ]
    # group rules meeting end to end across the whole table, one per label above them
    for j in range(1, k):
        cmid += _split_groups(rules[j], rules[j - 1].pos, chars or [])
    return [Band(top.pos, head, bottom.pos, top.a, top.b, cmid, len(rules))]


def _split_groups(rule: Segment, above: float, chars: list[Char]) -> list[Segment]:
    """A full-width rule under several group labels (预算数 | 决算数) drawn end to end: cut it
    into one rule per label. Each label is centred over its group, so the groups' ends follow
    from left to right: a group ends as far past its label's centre as it began before it."""
    inside = [
        c
        for c in chars
        if c["text"].strip()
        and above < (c["top"] + c["bottom"]) / 2 < rule.pos
        and rule.a - 2 <= (c["x0"] + c["x1"]) / 2 <= rule.b + 2
    ]
    labels = sorted(
        ((s[0]["x0"] + s[-1]["x1"]) / 2 for ln in group_lines(inside) for s in segments(ln)),
    )
    if len(labels) < 2:
        return [rule]
    out: list[Segment] = []
    a = rule.a
    for k, mid in enumerate(labels):
        b = rule.b if k == len(labels) - 1 else 2 * mid - a
        if not a < b <= rule.b + 1 or (k + 1 < len(labels) and b >= labels[k + 1]):
            return [rule]  # the labels do not stand centred in turn: leave the rule whole
        out.append(Segment(rule.pos, a + 1.0, min(b, rule.b) - 1.0, rule.width))
        a = b
    return out


def _head_rule(rules: list[Segment], chars: list[Char]) -> int:
    """The index of the header rule among a band's rules: the second, unless the rules after it
    are thinner than the frame and only labels stand above them (no number): then the second was the group
    rules of a header level, drawn end to end over the table's whole width, and the header
    goes on down to the last such rule."""
    frame = max(rules[0].width, rules[-1].width)

    def lines_in(lo: float, hi: float) -> list[list[Char]]:
        return group_lines(
            [
                c
                for c in chars
                if c["text"].strip()
                and lo < (c["top"] + c["bottom"]) / 2 < hi
                and rules[0].a - 2 <= (c["x0"] + c["x1"]) / 2 <= rules[0].b + 2
            ]
        )

    def numeric(lines: list[list[Char]]) -> bool:
        return any(
            parse_quantity(line_text(s)).kind == "number" for ln in lines for s in segments(ln)
        )

    k = 1
    while k + 2 < len(rules) and rules[k + 1].width * THICK <= frame:
        lines = lines_in(rules[k].pos, rules[k + 1].pos)
        if not lines or numeric(lines):
            break
        # labels wrapped over several lines (因公出/国（境）/费) are a header level only when
        # numbers follow under the next rule; a section of text rows is not
        if len(lines) > 3 and not numeric(lines_in(rules[k + 1].pos, rules[k + 2].pos)):
            break
        k += 1
    return k
