"""Unruled tables of one amount column (收入预算总表, a 功能科目 table: codes, names and one
金额 printed with no rules): labels on the left, each with one amount flush right.

One number a line proves little alone (a list of items with their amounts is prose), so a run
is taken only where the amounts share their right edge on at least ``MIN_NUM_LINES`` lines, every
line is a label with its amount (or a label alone: a row left blank), and a header of two or
more labels stands right above with one over the amounts (``unruled._read_block`` checks the
header, then reads the run as it reads any unruled table)."""

from __future__ import annotations

from .unruled_cols import ALIGN_TOL, MIN_NUM_LINES, ROW_GAP


def single_runs(lines, em: float, taken) -> list[tuple[int, int]]:  # noqa: ANN001
    """Index ranges [i, j) of lines whose last cell is an amount at a shared right edge
    (labels alone between them), away from the ``taken`` boxes of tables already found."""

    def free(ln) -> bool:  # noqa: ANN001
        return not any(t[1] - 1 <= ln.top <= t[3] + 1 for t in taken)

    def amount_edge(ln) -> float | None:  # noqa: ANN001
        nums = ln.nums()
        if len(ln.segs) >= 2 and nums and nums[-1] is ln.segs[-1]:
            return nums[-1][-1]["x1"]
        return None

    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        edge = amount_edge(lines[i]) if free(lines[i]) else None
        if edge is None:
            i += 1
            continue
        j, last, hits = i + 1, i, 1
        while j < len(lines) and free(lines[j]):
            if lines[j].top - lines[j - 1].bottom > ROW_GAP * em:
                break
            e = amount_edge(lines[j])
            if e is not None:
                if abs(e - edge) > ALIGN_TOL:
                    break
                last, hits = j, hits + 1
            elif any(abs(n[-1]["x1"] - edge) <= 3 * em for n in lines[j].nums()):
                break  # a number near the amounts but off their edge: not this table's shape
            j += 1
        if hits >= MIN_NUM_LINES:
            runs.append((i, last + 1))
        i = last + 1
    return runs
