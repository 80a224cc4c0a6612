"""A standard column split by a second header row into the standard of each grade.

Some provincial target tables split their 绩效标准 / 评价标准 column by a second header row into
优 | 良 | 中 | 差, and each row gives what each grade must reach ("100% | 90% | 85% | 85%").  When the
table prints a target column of its own (海南's 指标类型 | 绩效指标 | 绩效目标 | 绩效标准), the grades'
standards are read beside it and kept by no field.  When it prints none (河北's 绩效指标分类 | 绩效指标 |
绩效指标描述 | 绩效指标评价标准 | 评价标准确定依据), the 优 standard is what the department sets out to
reach, so its column is read as the target.  The lower grades' standards are cut as targets are
(``grade_value``) and kept by no field.  The grades are named together by the words of role
``grades`` in ``lexicons/form_columns.txt`` when printed in one cell ("优良中差": one grade a character),
and by the grade words of ``kpi_lint.vocab.GRADES`` when printed one grade a cell (优秀 | 良好 | 合格 | 不合格 too).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kpi_lint.grid import Cell
from kpi_lint.parse.form_header import Header, rebuilt_header
from kpi_lint.vocab import GRADES as GRADE_WORDS
from kpi_lint.vocab import squash

if TYPE_CHECKING:
    from kpi_lint.vocab import Vocabulary

GRADES = "grades"  # the role of a grade scale's words in form_columns.txt
_FEWEST_GRADES = 3  # a scale grades in three steps at least (优 | 良 | 差)
_LOWER = "grade_value"  # a grade's standard that is not the row's target: cut as a target, kept by no field
_STANDARD = "basis"  # the role of 绩效标准 / 评价标准 (form_columns.txt): the column the grades split


def _graded_roles(roles: list[str | None], grades: int, before: int) -> list[str | None] | None:
    """`roles` with the first standard column before column `before` split into `grades` columns; None when
    there is no such column."""
    standard = next((i for i in range(before) if roles[i] == _STANDARD), None)
    if standard is None or grades < 2:
        return None
    top = _LOWER if "value" in roles else "value"
    return [*roles[:standard], top, *[_LOWER] * (grades - 1), *roles[standard + 1 :]]


def _spanned_roles(roles: list[str | None], columns: list[int]) -> list[str | None] | None:
    """`roles` with the grades standing in `columns` under the standard's heading that spans them; None when
    they do not all stand under it."""
    if len(roles) <= max(columns) or any(roles[i] != _STANDARD for i in columns):
        return None
    out = list(roles)
    top = _LOWER if "value" in roles else "value"
    for n, i in enumerate(columns):
        out[i] = top if n == 0 else _LOWER
    return out


def split_grades(cells: list[Cell], roles: list[str | None]) -> tuple[list[Cell], list[str | None]]:
    """A header gathered cell by cell whose grades cell ("优良中差", after the headings) stands for the
    columns it splits: the header with the first standard column before it split into one column per
    grade.  A grades cell with no standard column before it names nothing and is left unnamed."""
    if GRADES not in roles:
        return cells, roles
    at = roles.index(GRADES)
    grades = squash(cells[at].text)
    graded = _graded_roles(roles, len(grades), at)
    if graded is None:
        return cells, [None if i == at else r for i, r in enumerate(roles)]
    standard = roles.index(_STANDARD)
    split = [replace(cells[standard], text=grade) for grade in grades]
    out_cells = [*cells[:standard], *split, *cells[standard + 1 : at], *cells[at + 1 :]]
    return out_cells, [*graded[: at + len(grades) - 1], *graded[at + len(grades) :]]


def graded_header(header: Header, cells: list[Cell], vocab: Vocabulary) -> Header | None:
    """The header with its standard column split by the row of grades printed under it ("优 | 良 | 中 |
    差"); None when `cells` are no such row.  In a ruled table the headings merged down over both rows
    stand in the row too, and the standard's heading spans the grades' columns: each grade takes the
    column it stands in."""
    placed = [(i, squash(c.text)) for i, c in enumerate(cells) if not c.blank]
    grades = [(i, text) for i, text in placed if text in GRADE_WORDS]  # one grade a cell: 优 | 良 | 中 | 差
    count = len(grades)
    if count < _FEWEST_GRADES:
        scale = "".join(text for _, text in placed)  # or all in one cell, one grade a character: 优良中差
        if len(placed) != 1 or vocab.column_role(scale) != GRADES:
            return None
        count = len(scale)
    elif count < len(placed) and not all(header.roles[i] == _STANDARD for i, _ in grades if i < header.width):
        return None  # other cells in the row that are no headings over grades: a row of the table
    spanned = _spanned_roles(header.roles, [i for i, _ in grades]) if count == len(grades) else None
    graded = spanned or _graded_roles(header.roles, count, len(header.roles))
    if graded is None:
        return None
    return rebuilt_header(header, [], graded, vocab.periods)
