"""The cell the text stops inside: found once, reported once.

A text grid marks the last cell of a table `broken` when the text ends without closing it — a pipe row whose
closing `|` never came ("| 成本指标 | 补助标准 | 15" as the last line, b02 ">=9" after rows closed by " |"), or the
last glued piece of a text that stops (q04 "…同比2022年销量显著提"). What that cell holds may be only the start of
what was printed: the rules read `Project.cut_cell` and claim nothing about what it lacks.

The reader tells the reviewer so, once per table, at the cell: when the table's break was already reported (the
rows or categories it may lack beyond the break: "表格在第22行后随文本结束…"), that one warning also names the cell
and moves to it; otherwise (b02, n01: the table reached its last category, nothing else is said to be lost) a
warning of its own names it.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell
from kpi_lint.model import ParseProblem, place_of
from kpi_lint.parse.common import squash
from kpi_lint.parse.form_record import Record

_SHOWN = 20  # characters of the cut cell a message quotes (its end: where the text stops)


def cut_end(last: Record) -> Cell | None:
    """The last row's last cell when the text stops inside it (text_grid marks it broken)."""
    cells = [*last.data.values(), *last.extra_values.values()]
    end = max(cells, key=lambda c: (c.line, c.column), default=None)
    return end if end is not None and end.broken else None


def _quoted(cell: Cell) -> str:
    text = squash(cell.text)
    return text if len(text) <= _SHOWN else "…" + text[-_SHOWN:]


def _clause(cell: Cell) -> str:
    return (
        f"原文停在最后一格“{_quoted(cell)}”中，这一格可能没有写完"
        "（其后的数字、单位或文字不在文本中，不据此报告该格缺什么）"
    )


def note_cut_cell(problems: list[ParseProblem], reported: int, cell: Cell, path: str) -> None:
    """Report the cut `cell` once: in the break warning the reader appended after `reported` problems (moved to the
    cell), else in a warning of its own."""
    if len(problems) > reported:
        said = problems[-1]
        problems[-1] = replace(
            said,
            line=cell.line,
            column=cell.column,
            anchor=cell.anchor or said.anchor,
            message=f"{said.message}；{_clause(cell)}",
        )
        return
    problems.append(
        ParseProblem(
            path,
            cell.line,
            cell.column,
            f"表格在{place_of(cell.line, cell.anchor)}随文本结束：{_clause(cell)}；请对照原件核实",
            severity="warning",
            anchor=cell.anchor,
        )
    )
