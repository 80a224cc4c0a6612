"""One row as the form reader asks about it, each question answered once per row.

The form reader tries a row as a page number, a title, a header, a funds row, a facts row and an
indicator row in turn; each of those passes looks at the same printed cells and asks the vocabulary
the same questions of them (their column roles, their kinds, the facts they label).  A `Line` asks
each question once, when a pass first needs it, and keeps the answer for the other passes.
"""

from __future__ import annotations

from kpi_lint.grid import Cell, Row
from kpi_lint.parse.form_cells import Kind, kind_of
from kpi_lint.parse.form_header import cell_roles
from kpi_lint.vocab import Vocabulary


class Line:
    """A row of the form and what its cells are, found once for all the form reader's passes.

    Each answer is found when first asked (plain attributes: `functools.cached_property` takes a lock
    on every first look, which costs more than most of these answers)."""

    __slots__ = ("_facts", "_filled_roles", "_furniture", "_kinds", "_roles", "filled", "row", "vocab")

    def __init__(self, row: Row, vocab: Vocabulary, filled: list[Cell] | None = None) -> None:
        self.row = row
        self.vocab = vocab
        # the printed cells, a merged cell once (`filled`: row.filled as the caller found it)
        self.filled: list[Cell] = row.filled if filled is None else filled
        self._roles: list[str | None] | None = None
        self._filled_roles: list[str | None] | None = None
        self._kinds: list[Kind] | None = None
        self._facts: list[str | None] | None = None
        self._furniture: bool | None = None

    @property
    def roles(self) -> list[str | None]:
        """The column role of each of the row's cells (None for a blank one or a cell no header word names)."""
        if self._roles is None:
            self._roles = cell_roles(self.row.cells, self.vocab)
        return self._roles

    @property
    def filled_roles(self) -> list[str | None]:
        """The column roles of the printed cells (`filled`)."""
        if self._filled_roles is None:
            role_of = {id(c): r for r, c in zip(self.roles, self.row.cells, strict=True)}
            self._filled_roles = [role_of[id(c)] for c in self.filled]
        return self._filled_roles

    @property
    def kinds(self) -> list[Kind]:
        """What each printed cell is: a 一级/二级 label, a block label, or data."""
        if self._kinds is None:
            self._kinds = [kind_of(c, self.vocab) for c in self.filled]
        return self._kinds

    @property
    def facts(self) -> list[str | None]:
        """The fact each printed cell labels ("项目名称" → name), or None."""
        if self._facts is None:
            self._facts = [self.vocab.fact(c.text) for c in self.filled]
        return self._facts

    @property
    def furniture(self) -> bool:
        """A printed cell holds a word of the page around a table (a footer, a signature)."""
        if self._furniture is None:
            self._furniture = any(self.vocab.is_furniture(c.text) for c in self.filled)
        return self._furniture
