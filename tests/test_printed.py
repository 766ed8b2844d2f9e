"""The one formatter of computed figures (tally/reconcile/printed.py): as the number beside it
was printed — decimals, separators, scale and unit."""

from __future__ import annotations

import pytest

from tally.reconcile.printed import as_printed, printed_scale


@pytest.mark.parametrize(
    "x,like,shown",
    [
        (2115600.0, "213.16万元", "211.56万元"),  # a prose figure computed in 元, shown in 万元
        (44210.0, "44,219.00", "44,210.00"),  # a 万元 table's cell: its own unit
        (96.9412, "96.94%", "96.94%"),
        (29.1504, "30%", "29.15%"),  # printed whole, computed with a fraction: the fraction
        (95.09, "95分", "95.09分"),
        (12.5, "12.5个百分点", "12.5个百分点"),
        (70000.0, "10-50万元/个", "7"),  # no plain unit after the digits: the number only
        (1234567.5, "", "1,234,567.5"),
        (None, "1.00", ""),
    ],
)
def test_a_computed_figure_as_its_neighbour_was_printed(x, like, shown) -> None:  # noqa: ANN001
    assert as_printed(x, like) == shown


def test_printed_scale() -> None:
    assert printed_scale("213.16万元") == 1e4
    assert printed_scale("557.65") == printed_scale("96.94%") == printed_scale("") == 1.0


def test_a_computed_sum_is_one_figure_unless_it_reads_as_the_printed_one() -> None:
    from tally.reconcile.interval import Iv, show

    x = Iv(43410.245, 43410.315)  # 7 amounts of 2 decimals: their rounding widens the sum
    assert show(x, 2, 43400.28) == "43,410.28"  # the error: one figure, the printed operands' sum
    assert show(Iv(485.055, 485.065), 2, 485.06) == "485.055～485.065"  # reads as printed: range
    assert show(x, 2) == "43,410.28"
