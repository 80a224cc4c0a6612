"""Finding the 自评表 tables of a tab-rows file and the blocks inside each.

A table starts at its title line ('…项目支出绩效自评表') or, when the title is
missing, at its 项目名称 row; it runs to the next table.  Inside it the blocks
are found by their printed labels, in the template's order, so stray lines
(the '(2023年度)' subtitle, 备注 notes, blank lines) are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kpi_lint.parse.common import squash
from kpi_lint.parse.rows_analysis import is_analysis_start
from kpi_lint.parse.rows_cells import Row, first_key, is_blank, split_row
from kpi_lint.parse.rows_funds import is_fund_header
from kpi_lint.parse.rows_indicators import is_indicator_header
from kpi_lint.read.source import SourceText

_TITLE_SUFFIX = "绩效自评表"
_TITLE_MAX = 120  # a title is a short line of its own, not prose that mentions the form


@dataclass
class TableBlocks:
    """Line indexes (0-based) of the parts of one table; None when not printed."""

    start: int
    end: int  # exclusive
    rows: dict[int, Row]
    title: int | None = None
    name: int | None = None
    department: int | None = None
    fund_header: int | None = None
    goals_header: int | None = None
    indicator_header: int | None = None
    total: int | None = None
    analysis: tuple[int, int] | None = None  # [first, end)

    def between(self, first: int | None, end: int | None) -> list[Row]:
        """The non-blank rows strictly after `first` and before `end`."""
        if first is None:
            return []
        stop = self.end if end is None else end
        return [self.rows[i] for i in range(first + 1, stop) if not is_blank(self.rows[i])]

    @property
    def last_line(self) -> int:
        """1-based line of the last printed line of the table (where a cut table stops)."""
        printed = [i for i in range(self.start, self.end) if not is_blank(self.rows[i])]
        return (printed[-1] if printed else self.start) + 1


def _is_title(src: SourceText, index: int) -> bool:
    line = src.norm[index].strip()
    return "\t" not in line and len(line) <= _TITLE_MAX and squash(line).endswith(_TITLE_SUFFIX)


def _is_name_row(src: SourceText, index: int) -> bool:
    return "\t" in src.norm[index] and first_key(split_row(src, index)) == "项目名称"


def table_starts(src: SourceText) -> list[int]:
    starts: list[int] = []
    named = True  # whether the table begun last already has its 项目名称 row
    for i in range(len(src)):
        if _is_title(src, i):
            starts.append(i)
            named = False
        elif _is_name_row(src, i):
            if named:
                starts.append(i)  # a table printed without its title
            named = True
    return starts


def _find(blocks: TableBlocks, after: int | None, test: Callable[[Row], bool]) -> int | None:
    begin = blocks.start if after is None else after + 1
    return next((i for i in range(begin, blocks.end) if test(blocks.rows[i])), None)


def _is_goals_header(row: Row) -> bool:
    keys = {squash(cell.norm) for cell in row if cell.text}
    return "实际完成情况" in keys and any("目标" in k for k in keys)


def _is_total(row: Row) -> bool:
    return first_key(row).startswith("总分")


def _analysis_span(blocks: TableBlocks, first: int) -> tuple[int, int]:
    """From the 项目绩效分析 row to the first blank, 备注 or prose line."""
    end = first + 1
    while end < blocks.end:
        row = blocks.rows[end]
        if is_blank(row) or len(row) < 2 or first_key(row).startswith("备注"):
            break
        end += 1
    return first, end


def find_blocks(src: SourceText, start: int, end: int) -> TableBlocks:
    blocks = TableBlocks(start, end, {i: split_row(src, i) for i in range(start, end)})
    if _is_title(src, start):
        blocks.title = start
    blocks.name = _find(blocks, None, lambda r: first_key(r) == "项目名称")
    blocks.department = _find(blocks, None, lambda r: first_key(r).startswith("主管部门"))
    blocks.fund_header = _find(blocks, None, is_fund_header)
    blocks.goals_header = _find(blocks, blocks.fund_header, _is_goals_header)
    after_goals = blocks.goals_header if blocks.goals_header is not None else blocks.fund_header
    blocks.indicator_header = _find(blocks, after_goals, is_indicator_header)
    if blocks.indicator_header is not None:
        blocks.total = _find(blocks, blocks.indicator_header, _is_total)
    if blocks.total is not None:
        first = _find(blocks, blocks.total, is_analysis_start)
        if first is not None:
            blocks.analysis = _analysis_span(blocks, first)
    return blocks
