"""Visible horizontal and vertical rules of a page, snapped and joined into segments.

Office software draws table borders in several ways: stroked lines (WPS, reportlab), thin filled
rectangles (Word), stroked rectangles, polylines. White fills (cell backgrounds, padding boxes)
are not rules: counting their edges would split cells that are not split on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SNAP = 2.0  # points: rules closer than this are one rule (double borders, anti-aliasing offsets)
JOIN = 2.5  # points: collinear pieces with a gap up to this are one rule
THIN = 2.5  # points: a filled rectangle at most this thick is a rule
DOUBLE = 0.6  # points: overlapping rules this far apart, snapped to one, were drawn as two


@dataclass(slots=True)
class Segment:
    pos: float  # y of a horizontal rule, x of a vertical one
    a: float  # start along the rule
    b: float  # end along the rule
    width: float = 0.5  # stroke width (three-line tables tell top/bottom rules by weight)
    double: bool = False  # two parallel rules snapped to one (a double border, two borders met)

    @property
    def length(self) -> float:
        return self.b - self.a


def _is_white(color: Any) -> bool:
    if color is None:
        return False
    if isinstance(color, int | float):
        return color >= 0.95
    vals = [v for v in color if isinstance(v, int | float)]
    if not vals:
        return False
    if len(vals) == 4:  # CMYK: white is no ink
        return all(v <= 0.05 for v in vals)
    return all(v >= 0.95 for v in vals)


def _visible_stroke(obj: dict) -> bool:
    return bool(obj.get("stroke", True)) and not _is_white(obj.get("stroking_color"))


def raw_segments(page: Any) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical rules drawn on a pdfplumber page, before snapping."""
    hs: list[Segment] = []
    vs: list[Segment] = []

    def add(x0: float, top: float, x1: float, bottom: float, width: float) -> None:
        if abs(bottom - top) <= THIN and x1 - x0 > THIN:
            hs.append(Segment((top + bottom) / 2, x0, x1, width))
        elif abs(x1 - x0) <= THIN and bottom - top > THIN:
            vs.append(Segment((x0 + x1) / 2, top, bottom, width))

    for ln in page.lines:
        if _visible_stroke(ln):
            add(ln["x0"], ln["top"], ln["x1"], ln["bottom"], ln.get("linewidth") or 0.5)
    for r in page.rects:
        w, h = r["width"], r["height"]
        if r.get("fill") and not _is_white(r.get("non_stroking_color")) and min(w, h) <= THIN:
            add(r["x0"], r["top"], r["x1"], r["bottom"], min(w, h))
        elif _visible_stroke(r) and (w > THIN or h > THIN):
            lw = r.get("linewidth") or 0.5
            add(r["x0"], r["top"], r["x1"], r["top"], lw)
            add(r["x0"], r["bottom"], r["x1"], r["bottom"], lw)
            add(r["x0"], r["top"], r["x0"], r["bottom"], lw)
            add(r["x1"], r["top"], r["x1"], r["bottom"], lw)
    for c in page.curves:
        if not _visible_stroke(c):
            continue
        pts = c.get("pts") or []
        lw = c.get("linewidth") or 0.5
        for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
            add(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb), lw)
    return hs, vs


def _cluster(values: list[float], tol: float) -> dict[float, float]:
    """Map each value to the mean of its cluster (values within ``tol`` of their neighbour)."""
    out: dict[float, float] = {}
    group: list[float] = []
    for v in sorted(set(values)):
        if group and v - group[-1] > tol:
            m = sum(group) / len(group)
            out.update((g, m) for g in group)
            group = []
        group.append(v)
    if group:
        m = sum(group) / len(group)
        out.update((g, m) for g in group)
    return out


def merge(segs: list[Segment]) -> list[Segment]:
    """Snap rules to common positions and join collinear pieces."""
    if not segs:
        return []
    snap = _cluster([s.pos for s in segs], SNAP)
    by_pos: dict[float, list[Segment]] = {}
    for s in segs:
        by_pos.setdefault(snap[s.pos], []).append(s)
    out: list[Segment] = []
    for pos, group in by_pos.items():
        group.sort(key=lambda s: s.a)
        cur = Segment(pos, group[0].a, group[0].b, group[0].width)
        first = group[0].pos
        for s in group[1:]:
            if s.a <= cur.b + JOIN:
                # side by side along the rule: one rule; overlapping at another height: two
                if s.a < cur.b - JOIN and abs(s.pos - first) > DOUBLE:
                    cur.double = True
                cur.b = max(cur.b, s.b)
                cur.width = max(cur.width, s.width)
            else:
                first = s.pos
                out.append(cur)
                cur = Segment(pos, s.a, s.b, s.width)
        out.append(cur)
    out.sort(key=lambda s: (s.pos, s.a))
    return out


def page_segments(page: Any) -> tuple[list[Segment], list[Segment]]:
    hs, vs = raw_segments(page)
    return merge(hs), merge(vs)


def covered(segs: list[Segment], lo: float, hi: float, tol: float = JOIN) -> float:
    """Fraction of [lo, hi] covered by the given collinear segments."""
    if hi <= lo:
        return 1.0
    total = 0.0
    for s in segs:
        a, b = max(lo, s.a - tol), min(hi, s.b + tol)
        if b > a:
            total += b - a
    return min(1.0, total / (hi - lo))
