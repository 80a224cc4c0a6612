"""A copy of a text holding two tables (the indicators, then a wider allocation table).  An office copy
pads every row to the wider table's width: the indicator header ends in empty cells, and so do its rows.
The indicator table still ends where the wider table begins (its width is that of its printed headings),
and a row opened by the empty cells of its merged labels is still read by what it holds.  Copied one
cell per line with rows apart, the wider table's first row (more cells than the header has headings, no
label) ends the indicators the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.copies import GridRows, grid_as_cell_lines, grid_as_docx, grid_as_xlsx, grid_copy
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

_STEM = "s01_shanxi_nursingtraining_selfeval_ocr"
WRITERS: dict[str, tuple[Callable[[GridRows], str | bytes], str]] = {
    "Word table": (grid_as_docx, ".docx"),
    "Excel sheet": (grid_as_xlsx, ".xlsx"),
    "cell lines": (grid_as_cell_lines, ".txt"),
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_the_indicators_end_where_a_wider_table_begins(writer: str, tmp_path: Path) -> None:
    write, suffix = WRITERS[writer]
    doc = parse(grid_copy(WILD / f"{_STEM}.txt", write, suffix, tmp_path))
    rows = [(i.level2, i.level3, i.value, i.actual) for i in doc.indicators]
    # s01's allocation table after the indicators ("序号 | 学校性质 | 培训机构 | …", nine columns) gives no row.
    assert rows[-1] == ("服务对象满意度指标", "参培学员满意度", "95%及以上", "88.32%及以上")
    assert not any(name in ("序号", "培训机构", "吕梁市远航职业培训学校") for _, name, _, _ in rows)
    # A row whose merged 一级/二级 cells are one empty cell, then padding: its name is the name.
    assert ("数量指标", "完成2021年吕梁山护工培训就业质量考核及验收", "11所", "11所") in rows
    assert ("社会效益指标", "提高参训学员技术水平", "基本提高", "基本提高") in rows
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{_STEM}.csv")).f1 == 1.0
    first = doc.indicators[0]
    assert (first.level3, first.value) == ("完成2021年吕梁山护工培训任务", "12500名")
    assert (first.line, first.column) == ((9, 1) if writer == "cell lines" else (2, 3))
    if writer != "cell lines":
        assert first.anchor("value") == {"Word table": "表1 行2 格4", "Excel sheet": "Sheet!D2"}[writer]
