"""The one table model every reader produces: paragraphs, and tables as grids of cells.

A reader (text, PDF, DOCX, XLSX, XLS, HTML) turns a file into a list of `Row`s grouped in
`Grid`s.  Each `Cell` keeps its printed text, its spans and where it came from:

* text files: line and column;
* PDF: page and bounding box (``页3 (72,140)``);
* Excel: sheet and cell reference (``Sheet1!C12``);
* Word and HTML: table, row and cell number (``表2 行5 格3``).

``line`` and ``column`` are always set so that findings sort in reading order: for a text file
they are the printed line and column; for the other formats ``line`` is the row's running
number in the document and ``column`` the cell's column, and ``anchor`` names the real place.
The form reader (``kpi_lint.parse.form_reader``) reads any grid by its header words, never by
which reader it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from kpi_lint.model import Located


@dataclass(frozen=True, init=False)
class Cell:
    text: str  # as printed; a cell wrapped over several lines keeps its line breaks
    line: int
    column: int
    anchor: str | None = None  # where it is in an office file; None for text files
    row_span: int = 1
    col_span: int = 1
    glued: bool = False  # text between known words of a line that lost its separators (form_glued)
    broken: bool = False  # the text breaks off right after it (a chunk of a preview ends inside a row)
    # Where each character of the text stands, counted from `column`, when the line it was read from lost
    # characters inside it (a pinyin gloss taken out of a page in traditional characters); () when it lost none.
    moved: tuple[int, ...] = field(default=(), repr=False, compare=False)
    # Nothing printed: asked many times per cell while a grid is read, so found once when the cell is
    # made (a cached_property takes a lock on its first look, which costs more than the answer).
    blank: bool = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        text: str,
        line: int,
        column: int,
        anchor: str | None = None,
        row_span: int = 1,
        col_span: int = 1,
        glued: bool = False,
        broken: bool = False,
        moved: tuple[int, ...] = (),
    ) -> None:
        # The fields written straight into the instance: what the frozen dataclass's own __init__ does
        # through object.__setattr__, one call per field, at a third of its cost (a document makes
        # some hundred thousand cells).
        fields = self.__dict__
        fields["text"], fields["line"], fields["column"], fields["anchor"] = text, line, column, anchor
        fields["row_span"], fields["col_span"], fields["glued"], fields["broken"] = row_span, col_span, glued, broken
        fields["moved"], fields["blank"] = moved, not text.strip()

    def _own_moves(self) -> tuple[int, ...]:
        # A cell cut from this one by `replace` with another text keeps a `moved` that is no longer its own
        # (one entry per character and one for the end): it is read as if nothing had moved.
        moved = self.moved
        return moved if len(moved) == len(self.text) + 1 else ()

    def column_of(self, offset: int) -> int:
        """The printed column of the character at `offset` in the text."""
        moved = self._own_moves()
        return self.column + (moved[min(offset, len(moved) - 1)] if moved else offset)

    def piece(self, start: int, end: int) -> Cell:
        """The cell of text[start:end], at its printed column. Only a piece that reaches the end of a broken cell's
        text is broken: the text breaks off after that piece, not after those before it (e02's glued last line
        "…市民满意度调查290%100%说明无注:1、…的自" stops inside the footnote, not inside the "100%" read before it)."""
        moved = self._own_moves()[start : end + 1]
        shifted = tuple(m - moved[0] for m in moved) if moved and moved[-1] - moved[0] != end - start else ()
        broken = self.broken and not self.text[end:].strip()
        return replace(self, text=self.text[start:end], column=self.column_of(start), moved=shifted, broken=broken)

    @property
    def located(self) -> Located:
        return Located(self.text.strip(), self.line, self.column, self.anchor)


@dataclass
class Row:
    """One row of a grid.  In a ruled grid (office formats) a merged cell stands in every slot it
    covers, so rows are as wide as the table; a grid recovered from text may be ragged."""

    cells: list[Cell]
    ruled: bool = False
    # A line of several `|` and nothing else: the empty cells that close a table row copied one
    # cell per line, so the end of that row.
    closes: bool = False
    # The reader saw this row start on a new page: not the rest of the row above that a page break cut
    # (the first row of a PDF table rebuilt from word positions in the columns of the page before's).
    whole: bool = False
    # Rebuilt from where the words of a PDF table printed without rulings stand: no line drew its cells.
    rebuilt: bool = False

    @property
    def filled(self) -> list[Cell]:
        """The printed cells, a cell merged over several columns once."""
        out: list[Cell] = []
        for c in self.cells:
            if not c.blank and not (out and out[-1] is c):
                out.append(c)
        return out

    @property
    def line(self) -> int:
        return self.cells[0].line if self.cells else 0

    def with_cells(self, cells: list[Cell]) -> Row:
        """A copy of this row holding `cells`: `dataclasses.replace(self, cells=cells)`, at a third of
        its cost (every row of a document is copied so while it is read)."""
        row = object.__new__(Row)
        row.__dict__.update(self.__dict__)
        row.cells = cells
        return row


@dataclass
class Grid:
    rows: list[Row] = field(default_factory=list)
    anchor: str | None = None  # "页3 表1", "Sheet1", "表2"

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    column: int
    anchor: str | None = None

    def as_row(self) -> Row:
        return Row([Cell(self.text, self.line, self.column, self.anchor)])


Block = Grid | Paragraph


@dataclass(frozen=True)
class LeftOut:
    """Content a reader did not read, named so that nothing is left out silently (a hidden sheet)."""

    message: str  # Chinese, one line
    anchor: str | None = None  # "下拉选项", "Sheet1!A12"


def rows_of(blocks: list[Block]) -> list[Row]:
    """All rows in reading order; a paragraph is a row of one cell."""
    out: list[Row] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.as_row())
        else:
            out.extend(block.rows)
    return out
