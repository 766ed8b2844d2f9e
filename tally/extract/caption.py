"""What stands above a table: its annex label, its title, its unit, a 续表 marker."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import TextLine

ANNEX = re.compile(r"^(附件|附表)\s*([0-9０-９一二三四五六七八九十]+)\s*[:：]?\s*$")
UNIT = re.compile(r"单位[:：](亿元|千万元|万元|千元|元|%|个|人|家|次)")
CONTINUED = re.compile(r"^[(（]?\s*续\s*表\s*[0-9一二三四五六七八九十]*\s*[)）]?$")
_NOT_TITLE = re.compile(
    r"^(部门|单位|部门名称|单位名称|编制单位|填报单位|预算单位|金额单位|填报日期)[:：]"
)
_TABLE_CODE = re.compile(r"^(公开)?[0-9]{1,2}表$|^(公开)?表[0-9一二三四五六七八九十]+$")
_WS = re.compile(r"\s+")
MAX_GAP = 140.0  # points above a table that still belong to its caption


@dataclass(slots=True)
class Caption:
    title: str | None
    unit: str | None
    continued: bool
    lines: list[str]


def _squash(text: str) -> str:
    return _WS.sub("", text)


def find_unit(text: str) -> str | None:
    m = UNIT.search(_squash(unicodedata.normalize("NFKC", text)))
    return m.group(1) if m else None


def caption_above(
    lines: list[TextLine], top: float, floor: float, page_width: float, x0: float, x1: float
) -> Caption:
    """Read the lines between ``floor`` (the previous table's bottom or the page top) and ``top``.

    The title is the nearest line above that is neither a unit line, a 部门：… line, a table
    code (公开01表), a parenthesised note, nor a sentence of prose; an annex label (附件1) above
    it is prefixed.
    """
    above = [
        ln
        for ln in lines
        if floor - 1 <= ln.bbox[1] and ln.bbox[3] <= top + 2 and top - ln.bbox[3] <= MAX_GAP
    ]
    above.sort(key=lambda ln: -ln.bbox[3])  # nearest first
    unit = None
    title = None
    annex = None
    continued = False
    texts: list[str] = []
    title_ln: TextLine | None = None
    tail: TextLine | None = None
    for ln in above:
        raw = ln.text.strip()
        text = unicodedata.normalize("NFKC", raw).strip()
        if not text:
            continue
        texts.append(raw)
        if title_ln is not None and _wraps_into(ln, title_ln, text):
            title, title_ln = _squash(raw) + title, ln
            continue
        title_ln = None
        if unit is None and (u := find_unit(text)):
            unit = u
            continue
        if CONTINUED.match(_squash(text)):
            continued = True
            continue
        if ANNEX.match(text):
            annex = _squash(raw)
            break
        if title is not None:
            continue
        if _NOT_TITLE.match(_squash(text)) or _TABLE_CODE.match(_squash(text)):
            continue
        width = ln.bbox[2] - ln.bbox[0]
        if text[0] in "(（" and text[-1] in ")）":
            continue
        if text.endswith(("。", "；", ";", "，", ",")):
            continue
        if len(_squash(text)) < 3:
            tail = ln  # too short for a title: the last line of one wrapped (…预算 / 表)?
            continue
        # prose runs the full measure; a title is centred or names a table
        centre = (ln.bbox[0] + ln.bbox[2]) / 2
        centred = (
            abs(centre - (x0 + x1) / 2) < 0.12 * (x1 - x0)
            or abs(centre - page_width / 2) < 0.12 * page_width
        )
        if centred or text.endswith(("表", "情况", "明细", "清单")):
            title, title_ln = _squash(raw), ln
            if tail is not None and _wraps_into(ln, tail, text):
                title += _squash(tail.text)
        elif width > 0.6 * (x1 - x0):
            break  # a line of prose: nothing further up belongs to this table
    if annex and title:
        full = f"{annex} {title}"
    else:
        full = title or annex
    return Caption(full, unit, continued, texts)


def _wraps_into(upper: TextLine, lower: TextLine, text: str) -> bool:
    """``upper`` is the first line of a title wrapped onto ``lower`` (…收入预 / 算总表): set in
    the same size, right above it (within a line's height), at least as wide (a wrapped line
    fills the measure), and ending neither a sentence nor a title of its own."""
    h_up, h_lo = upper.bbox[3] - upper.bbox[1], lower.bbox[3] - lower.bbox[1]
    return (
        abs(h_up - h_lo) <= 0.1 * h_lo
        and 0 <= lower.bbox[1] - upper.bbox[3] <= 1.2 * h_lo
        and upper.bbox[2] - upper.bbox[0] >= lower.bbox[2] - lower.bbox[0] - 1
        and not text.endswith(("。", "；", ";", "，", ",", ":", "：", "表", "情况", "明细", "清单"))
        and not (find_unit(text) or ANNEX.match(text) or CONTINUED.match(_squash(text)))
        and not (_NOT_TITLE.match(_squash(text)) or _TABLE_CODE.match(_squash(text)))
    )
