"""A real table kept in another container reads to the same rows.

The table kpi-lint recovers from a wild text (its grid) is written out as other tools hold it: tab rows
as Excel or Word copy them, a Word table and an Excel sheet typed row by row from the left edge (the
rows that lost their merged 一级/二级 cells start in the first column), a web page's table.  The form
reader must read the hand-checked rows from each: a ruled row whose cells stop short of the table's end
and start with a name under the 一级/二级 columns is read by what its cells hold, not by position; a
text that only looks like the samples' shifted tab rows is read by the form reader when that
layout's own reader loses the targets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.copies import GridRows, grid_as_docx, grid_as_page, grid_as_tabs, grid_as_xlsx, grid_copy, grid_rows
from tests.wild.rows import expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"

# Tables of several shapes: a 目标表 with one 二级 per row (a01), a target split into 指标性质 / 指标值 /
# 度量单位 (c06), a 自评表 whose 一级 carries its weight (k01), a 批复表 (k02), a court's 目标表 (i01),
# traditional characters (l07).
STEMS = [
    "a01_tianjin_edu_target",
    "c06_sichuan_marketreg_target",
    "k01_anhui_science_selfeval",
    "k02_chongqing_emergency_approval",
    "i01_tianjin_court_target",
    "l07_yunnan_natres_selfeval_traditional",
]

WRITERS: dict[str, tuple[Callable[[GridRows], str | bytes], str]] = {
    "tab rows": (grid_as_tabs, ".txt"),
    "Word table": (grid_as_docx, ".docx"),
    "Excel sheet": (grid_as_xlsx, ".xlsx"),
    "web page": (grid_as_page, ".html"),
}


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("stem", STEMS)
def test_a_table_written_in_another_container_reads_the_same_rows(stem: str, writer: str, tmp_path: Path) -> None:
    write, suffix = WRITERS[writer]
    copy = grid_copy(WILD / f"{stem}.txt", write, suffix, tmp_path)
    expected = expected_rows(WILD / "expected" / f"{stem}.csv")
    result = score(parsed_rows(parse(copy)), expected)
    assert result.expected == len(expected) > 0
    assert result.f1 == 1.0


def test_tab_rows_copied_from_excel_are_not_read_as_the_samples_shifted_tab_rows(tmp_path: Path) -> None:
    """n04's table as tab rows is detected as the tab-row layout of sample 004; that layout's reader
    reads its names without a single target, so the form reader reads it instead."""
    stem = "n04_yunnan_agri_selfeval"
    rows = grid_rows((WILD / f"{stem}.txt").read_text(encoding="utf-8"))
    assert rows is not None
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(grid_as_tabs(rows), encoding="utf-8")
    doc = parse(copy)
    assert doc.layout.value == "text"
    assert ("", "数量指标", "带动贫困户(人)", "11442") in parsed_rows(doc)
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{stem}.csv")).f1 == 1.0
