"""The words and patterns of printed numbers: scales (万, 亿), units, comparators (不少于,
以上), dates, ordinals, and what a scan of prose skips."""

from __future__ import annotations

import re

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
