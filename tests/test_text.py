"""Characters into text: radical code points that some producers emit for whole ideographs."""

from __future__ import annotations

from tally.extract.text import unify_radicals


def test_radicals_read_as_the_ideographs_printed() -> None:
    # Chromium's PDFs map 小 to U+2F29 (KANGXI RADICAL SMALL) and 民 to U+2EA0
    assert unify_radicals("\u2f29计 \u2ea0政 \u2fa6额 \u2ed4户") == "小计 民政 金额 门户"
    assert len(unify_radicals("\u2f29\u2ea0")) == 2  # one for one: character boxes stay aligned
    assert unify_radicals("合计 95.54% ①") == "合计 95.54% ①"  # nothing else is touched
