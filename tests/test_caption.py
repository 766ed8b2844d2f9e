"""The caption above a table: its title found among unit lines, table codes and prose, and a
title wrapped over two lines (a narrow table under a long name) read whole."""

from __future__ import annotations

from tally.extract.caption import caption_above
from tally.extract.model import TextLine


def _line(text: str, top: float, x0: float, size: float = 12.0) -> TextLine:
    return TextLine(1, (x0, top, x0 + size * len(text), top + size), text)


def test_title_wrapped_over_two_lines_is_read_whole() -> None:
    # 省体育局2024年收入预 / 算总表 centred over a narrow table (x 236–360), then the unit line
    lines = [
        _line("省体育局2024年收入预", 49.5, 236.4),
        _line("算总表", 73.5, 279.7),
        _line("单位:万元", 96.3, 328.4, 8.0),
    ]
    cap = caption_above(lines, 105.0, 0.0, 595.0, 236.0, 360.0)
    assert (cap.title, cap.unit) == ("省体育局2024年收入预算总表", "万元")
    # a last line too short to be a title on its own (…支出预算 / 表)
    lines = [_line("省体育局2024年三公经费支出预算", 49.5, 200.0), _line("表", 73.5, 290.0)]
    assert caption_above(lines, 100.0, 0.0, 595.0, 200.0, 400.0).title == (
        "省体育局2024年三公经费支出预算表"
    )


def test_a_heading_above_a_title_is_not_part_of_it() -> None:
    # shorter than the title, or far above it, or a sentence: not the title's first line
    lines = [_line("省体育局", 40.0, 270.0), _line("2024年收入预算总表", 60.0, 240.0)]
    assert caption_above(lines, 90.0, 0.0, 595.0, 200.0, 400.0).title == "2024年收入预算总表"
    lines = [_line("省体育局部门预算公开文件", 10.0, 230.0), _line("收入预算总表", 60.0, 260.0)]
    assert caption_above(lines, 90.0, 0.0, 595.0, 200.0, 400.0).title == "收入预算总表"
    lines = [_line("现将有关情况报告如下。", 40.0, 240.0), _line("收入预算总表", 60.0, 260.0)]
    assert caption_above(lines, 90.0, 0.0, 595.0, 200.0, 400.0).title == "收入预算总表"
