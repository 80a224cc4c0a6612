"""Cells of the tab-rows layout: one table row per line, cells split by tabs.

Cell positions in the line are unreliable (a row may start one column to the
left or right of where it belongs), so the parsers look at a cell's content;
the index is kept only as a hint and for the spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Located
from kpi_lint.parse.common import squash
from kpi_lint.read.source import SourceText

# 分值 / 得分 and fund amounts: a bare number (no unit, no comparator).
_PLAIN_NUMBER = lazy_compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Cell:
    index: int  # position among the tab-separated cells of the line
    text: str  # as printed, surrounding white space removed
    norm: str  # the same, full-width folded
    line: int  # 1-based
    column: int  # 1-based, of the first printed character

    @property
    def key(self) -> str:
        """The folded text without any white space, for matching labels ('项目 绩效 分析')."""
        return squash(self.norm)

    @property
    def located(self) -> Located:
        return Located(self.text, self.line, self.column)

    @property
    def is_plain_number(self) -> bool:
        return bool(_PLAIN_NUMBER.fullmatch(self.norm))


Row = list[Cell]


def split_row(src: SourceText, index: int) -> Row:
    """The cells of line `index` (0-based), empty cells included, with their columns."""
    printed, norm = src.lines[index], src.norm[index]
    cells: Row = []
    start = 0
    for i, raw in enumerate(printed.split("\t")):
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        folded = norm[start + lead : start + lead + len(text)]
        cells.append(Cell(i, text, folded, index + 1, start + lead + 1))
        start += len(raw) + 1
    return cells


def filled(row: Row) -> Row:
    return [cell for cell in row if cell.text]


def is_blank(row: Row) -> bool:
    return not filled(row)


def first_key(row: Row) -> str:
    """The key of the row's first printed cell ('' for a blank line)."""
    cells = filled(row)
    return cells[0].key if cells else ""
