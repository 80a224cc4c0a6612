"""Pieces of a project's goal statement that a page break printed again, read as a row.

A form whose 年度目标 / 总体目标 cell is merged down the page prints the cell's text again on the next
page when the table is flattened page by page (a spreadsheet preview on a document-sharing site, a PDF
split at its page end): "…主要用于文物修缮、宣传、文创 护人员经费、办公经费" comes back among the rows, its opening
words and a later piece of the same sentence side by side, and reads as a name and a value.  Such a
"row" is not an indicator: its name is the opening of the goal the form already stated and its "value" a
piece of the same sentence with no figure.  A real indicator may repeat words of the goal, but its
target carries a figure, or it does not start the goal word for word.
"""

from __future__ import annotations

from kpi_lint.han import HAN
from kpi_lint.model import Project
from kpi_lint.parse.numbering import DIGIT
from kpi_lint.vocab import squash

_ECHO_NAME = 6  # Han characters a goal's opening needs to be taken for a repeat of it, not a short name


def drop_goal_echoes(project: Project) -> None:
    """Remove the rows whose name opens one of the project's goals and whose value, no figure in it, is
    a later piece of that goal."""
    goals = [squash(goal.text) for goal in project.goals.values() if goal.text]
    if not goals:
        return
    project.indicators = [ind for ind in project.indicators if not _echoes(ind.level3, ind.value, goals)]


def _echoes(name: str | None, value: str | None, goals: list[str]) -> bool:
    if not name or not value or DIGIT.search(value) or len(HAN.findall(name)) < _ECHO_NAME:
        return False
    opening, piece = squash(name), squash(value)
    return any(goal.startswith(opening) and piece in goal[len(opening) :] for goal in goals)
