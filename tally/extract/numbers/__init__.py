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

from .cell import parse_quantity
from .prose import find_quantities

__all__ = ["find_quantities", "parse_quantity"]
