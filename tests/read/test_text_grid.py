"""Text → grid: the row marks of a table copied one cell per line."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.read.source import read_source
from kpi_lint.read.text_grid import text_grid

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"


def test_a_line_of_several_pipes_closes_a_row_and_a_lone_pipe_does_not() -> None:
    """j05 (四川 大英县民政局): cells one per line with "        | " between them, "  ||||" after a row."""
    grid = text_grid(read_source(WILD / "j05_sichuan_civilaffairs_dept_selfeval.txt"))
    first = grid.rows[: next(i for i, row in enumerate(grid.rows) if row.closes) + 1]
    assert [[c.text for c in row.cells] for row in first if row.cells] == [
        ["项目完成指标"], ["质量指标"], ["改善养老服务基础条件"], ["改善条件"], ["明显改善"]
    ]
    assert [row.closes for row in first if not row.cells] == [False] * 5 + [True]
    assert sum(row.closes for row in grid.rows) == 5  # five table rows in the excerpt
