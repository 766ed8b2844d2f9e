"""Rates (执行率 = 支出 / 到位) and shares (占比 = part / total, shares adding to 100%).

Which columns a rate divides is read from the header words (numerator: 支出/执行/使用…,
denominator: 到位/预算/计划…), matching sub-columns by their own name (资金使用率 / 专项 is
支出 / 专项 over 到位 / 专项); the pairing must hold on most rows to be trusted.
"""

from __future__ import annotations

from . import interval as iv
from .findings import Finding, FindingCell
from .relation import MIN_AGREEMENT, MIN_INSTANCES
from .structure import Column, View, norm


def _words(col: Column) -> str:
    return norm("".join(col.path))


def _role(view: View, col: Column) -> str | None:
    """'num' or 'den': the deepest header word that says which (预算执行情况 says both, so
    its child 执行数 / 预算数 decides)."""
    v = view.vocab
    for part in reversed(col.path):
        t = norm(part)
        num, den = v.has("rate_numerator", t), v.has("rate_denominator", t)
        if num and not den:
            return "num"
        if den and not num:
            return "den"
    return None


def _candidates(view: View, rate: Column) -> list[tuple[Column, Column]]:
    """(numerator, denominator) column pairs a rate column may divide."""
    v = view.vocab
    amounts = [c for c in view.columns if c.value and not c.is_rate(v) and not c.is_share(v)]
    rate_key = rate.leaf if not rate.leaf.endswith(tuple(v.words["rate"])) else ""
    if "到位" in _words(rate):  # 到位率 = 到位 / 预算
        nums = [c for c in amounts if "到位" in _words(c)]
        dens = [c for c in amounts if _role(view, c) == "den" and "到位" not in _words(c)]
    else:
        nums = [c for c in amounts if _role(view, c) == "num"]
        dens = [c for c in amounts if _role(view, c) == "den"]
    pairs = []
    for n in nums:
        for d in dens:
            if n is d:
                continue
            if rate_key and (n.leaf != rate_key or d.leaf != rate_key):
                continue
            same_parent = n.path[:-1] == d.path[:-1] == rate.path[:-1] and len(rate.path) > 1
            if not rate_key and not same_parent:
                if len(rate.path) > 1 and (
                    n.path[:-1] == rate.path[:-1] or d.path[:-1] == rate.path[:-1]
                ):
                    continue  # a rate inside a group divides that group's own columns
                # a lone rate column divides the overall amounts: the totals if there are any
                if not (_is_total(view, n) and _is_total(view, d)) and (
                    len(nums) > 1 or len(dens) > 1
                ):
                    continue
            pairs.append((n, d))
    if len(rate.path) > 1:
        inside = [(n, d) for n, d in pairs if n.path[:-1] == d.path[:-1] == rate.path[:-1]]
        if inside:
            return inside
    return pairs


def _is_total(view: View, col: Column) -> bool:
    return any(norm(p) in view.vocab.words["total"] for p in col.path)


def rates(view: View) -> list[Finding]:
    out: list[Finding] = []
    for rate in view.columns:
        if not (rate.value and rate.pct and rate.is_rate(view.vocab)) or rate.is_share(view.vocab):
            continue
        best = None
        for n, d in _candidates(view, rate):
            checks = []
            for r, row in enumerate(view.rows):
                pr, nu, de = row[rate.index], row[n.index], row[d.index]
                if not pr.quantity.is_number or not (pr.quantity.percent or rate.pct):
                    continue  # (rate.pct: the header states the unit, 使用率（%）)
                a, b, p = iv.of(nu.quantity), iv.of(de.quantity), iv.of(pr.quantity)
                if a is None or b is None or p is None:
                    continue
                q = iv.ratio(a, b)
                if q is None:
                    continue
                checks.append((r, pr, nu, de, p, q))
            held = sum(1 for *_, p, q in checks if p.overlaps(q))
            if len(checks) >= MIN_INSTANCES:
                ok = held >= MIN_AGREEMENT * len(checks)
            else:  # too few rows to test the pairing: trust it only when it is the only one
                ok = bool(checks) and len(_candidates(view, rate)) == 1
            if ok and (best is None or held > best[0]):
                best = (held, checks, n, d)
        if not best:
            continue
        _, checks, n, d = best
        view.checked += len(checks)
        for r, pr, nu, de, p, q in checks:
            v = iv.verdict(p, q)
            if v in ("ok", "info"):
                continue
            label = view.row_label(r, rate.index)
            exp = f"{q.mid:.{pr.quantity.decimals}f}%"
            out.append(
                Finding(
                    "rate",
                    v,  # type: ignore[arg-type]
                    f"「{label}」行：{rate.name} 印为 {pr.text}，按 {n.name} ÷ {d.name} = {nu.text} ÷ {de.text} 应为 {exp}",
                    f"row '{label}': {rate.name} printed {pr.text}; {n.name} / {d.name} = {nu.text} / {de.text} gives {exp}",
                    p.mid,
                    round(q.mid, 10),
                    [
                        FindingCell.of(pr, "reported"),
                        FindingCell.of(nu, "operand"),
                        FindingCell.of(de, "operand"),
                    ],
                    view.table.id,
                    label,
                    rate.name,
                )
            )
    return out


def shares(view: View) -> list[Finding]:
    """占比 columns: each share = its row's amount / the total row's amount; shares add to 100%."""
    out: list[Finding] = []
    for sc in view.columns:
        if not (sc.value and sc.is_share(view.vocab)):
            continue
        amount = next(
            (c for c in reversed(view.columns[: sc.index]) if c.value and not c.pct), None
        )
        if amount is None:
            continue
        rows = view.rows
        tot = next((r for r in range(len(rows)) if view.kind(r, sc.index) == "total"), None)
        if tot is None:
            continue
        total_amt = iv.of(rows[tot][amount.index].quantity)
        if total_amt is None:
            continue
        members = []
        for r, row in enumerate(rows):
            if r == tot or view.kind(r, sc.index) != "item":
                continue
            s, a = iv.of(row[sc.index].quantity), iv.of(row[amount.index].quantity)
            if s is None or a is None or not row[sc.index].quantity.is_number:
                continue
            members.append(row[sc.index])
            view.checked += 1
            q = iv.ratio(a, total_amt)
            if q is None or iv.verdict(s, q) in ("ok", "info"):
                continue
            label = view.row_label(r, sc.index)
            exp = f"{q.mid:.{row[sc.index].quantity.decimals}f}%"
            out.append(
                Finding(
                    "share",
                    iv.verdict(s, q),  # type: ignore[arg-type]
                    f"「{label}」行：{sc.name} 印为 {row[sc.index].text}，{row[amount.index].text} ÷ {rows[tot][amount.index].text} 应为 {exp}",
                    f"row '{label}': {sc.name} printed {row[sc.index].text}; {row[amount.index].text} / {rows[tot][amount.index].text} gives {exp}",
                    s.mid,
                    round(q.mid, 10),
                    [
                        FindingCell.of(row[sc.index], "reported"),
                        FindingCell.of(row[amount.index], "operand"),
                        FindingCell.of(rows[tot][amount.index], "operand"),
                    ],
                    view.table.id,
                    label,
                    sc.name,
                )
            )
        parts = [iv.of(c.quantity) for c in members]
        if len(parts) >= 2:
            s100 = iv.total(parts)  # type: ignore[arg-type]
            v = iv.verdict(iv.Iv(100.0, 100.0), s100, parts)  # type: ignore[arg-type]
            if v in ("error", "warning"):
                out.append(
                    Finding(
                        "shares_sum",
                        v,  # type: ignore[arg-type]
                        f"{sc.name} 各行占比之和为 {s100.mid:.2f}%，应为 100%",
                        f"{sc.name}: the shares add up to {s100.mid:.2f}%, not 100%",
                        round(s100.mid, 10),
                        100.0,
                        [FindingCell.of(c, "operand") for c in members],
                        view.table.id,
                        None,
                        sc.name,
                    )
                )
    return out
