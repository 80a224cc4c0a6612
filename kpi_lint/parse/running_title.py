"""A form's title printed again inside its table: a page's running title, not a new form.

A text copied from a printed table carries what each page prints at its top, often the form's title
("部门整体支出绩效目标表…", after the page number "- 2 -"), between two rows of one table.  A new project's form
may begin a page under the same title too, so the title alone says nothing; what follows it does.  A new form
prints its facts (项目名称, 部门名称: …) or its header and then its first category again (产出指标, a label its
table before it read already).  A table going on prints its rows on, straight away or under its header printed
again, and its first row there opens with no label (the page cut it inside a category) or with a category the
table had not read yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kpi_lint.grid import Row
from kpi_lint.parse.form_cells import Kind
from kpi_lint.parse.form_header import is_header, with_name_column
from kpi_lint.parse.form_line import Line
from kpi_lint.vocab import PAGE_NUMBER, Vocabulary, squash

_LABELS = (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER)
_AHEAD = 2  # rows looked at after the title: a header printed again, and the row under it


def rows_ahead(rows: Iterable[Row]) -> list[Row]:
    """The next rows that print something other than a page number, as many as the test needs."""
    out: list[Row] = []
    for row in rows:
        text = " ".join(c.text.strip() for c in row.filled)
        if text and not PAGE_NUMBER.match(text):
            out.append(row)
            if len(out) == _AHEAD:
                break
    return out


def runs_on(
    ahead: list[Row],
    header_roles: list[str | None],
    read: set[str],
    vocab: Vocabulary,
    is_fact: Callable[[str], bool],
) -> bool:
    """The rows `ahead` of a title printed again go on with the table under `header_roles` that read the labels
    `read` (canonical 一级/二级): a row of that table, or that table's header printed again and such a row.
    `is_fact` tells a cell that opens with a fact's label ("部门名称:")."""
    if not ahead:
        return False
    line = Line(ahead[0], vocab)
    if is_header(line.roles):
        if _named(line) != _named_roles(header_roles) or len(ahead) < 2:
            return False  # another table's header, or nothing under it
        line = Line(ahead[1], vocab)
    return _a_row_going_on(line, read, vocab, is_fact)


def _a_row_going_on(line: Line, read: set[str], vocab: Vocabulary, is_fact: Callable[[str], bool]) -> bool:
    filled = line.filled
    if len(filled) < 2 or is_header(line.roles) or any(is_fact(c.text) for c in filled):
        return False  # a heading, a line of prose, a header, facts: no row of the table
    if vocab.title_family(" ".join(c.text.strip() for c in filled)) is not None:
        return False
    opening = []
    for cell, kind in zip(filled, line.kinds, strict=True):
        if kind not in _LABELS:
            break
        opening.append(vocab.canonical_level2(cell.text) or vocab.canonical_level1(cell.text) or squash(cell.text))
    if len(opening) == len(filled):
        return False  # labels alone: a heading as much as a row
    return not read & set(opening)


def _named(line: Line) -> set[str]:
    _, roles = with_name_column(list(line.row.cells), line.roles)
    return _named_roles(roles)


def _named_roles(roles: list[str | None]) -> set[str]:
    return {r for r in roles if r}
