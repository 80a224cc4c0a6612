"""One row as the form reader asks about it, each question answered once per row.

The form reader tries a row as a page number, a title, a header, a funds row, a facts row and an
indicator row in turn; each of those passes looks at the same printed cells and asks the vocabulary
the same questions of them (their column roles, their kinds, the facts they label).  A `Line` asks
each question once, when a pass first needs it, and keeps the answer for the other passes.
"""

from __future__ import annotations

from functools import cached_property

from kpi_lint.grid import Cell, Row
from kpi_lint.parse.form_cells import Kind, kind_of
from kpi_lint.parse.form_header import cell_roles
from kpi_lint.vocab import Vocabulary


class Line:
    """A row of the form and what its cells are, found once for all the form reader's passes."""

    def __init__(self, row: Row, vocab: Vocabulary) -> None:
        self.row = row
        self.vocab = vocab
        self.filled: list[Cell] = row.filled  # the printed cells, a merged cell once

    @cached_property
    def roles(self) -> list[str | None]:
        """The column role of each of the row's cells (None for a blank one or a cell no header word names)."""
        return cell_roles(self.row.cells, self.vocab)

    @cached_property
    def filled_roles(self) -> list[str | None]:
        """The column roles of the printed cells (`filled`)."""
        role_of = {id(c): r for r, c in zip(self.roles, self.row.cells, strict=True)}
        return [role_of[id(c)] for c in self.filled]

    @cached_property
    def kinds(self) -> list[Kind]:
        """What each printed cell is: a 一级/二级 label, a block label, or data."""
        return [kind_of(c, self.vocab) for c in self.filled]

    @cached_property
    def facts(self) -> list[str | None]:
        """The fact each printed cell labels ("项目名称" → name), or None."""
        return [self.vocab.fact(c.text) for c in self.filled]

    @cached_property
    def furniture(self) -> bool:
        """A printed cell holds a word of the page around a table (a footer, a signature)."""
        return any(self.vocab.is_furniture(c.text) for c in self.filled)
