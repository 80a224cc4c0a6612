"""A row of a table printed without rulings that a page break cut, joined again (PDF).

Word and LibreOffice let a row break across pages: the foot of one page prints the first lines of
the row's cells, the top of the next the rest of those that wrapped.  The table rebuilt on the next
page (``pdf_unruled``) keeps the columns of the one before; when its first line continues the last
line there (``Foot.continued_by``), its first row is the rest of the row above: each of its cells is
added to the cell of the same column above, which keeps its place.

A ruled table prints the cut row in two rows of the same columns, closed at the page's foot and opened
again at the next page's top (under the table's header, when it repeats); pdfplumber finds two tables.
The row on the next page is the rest of the row cut at the foot (`RuledFoot.continued_by`) when each
of its printed cells stands in a column whose cell at the foot was full: its last line left no room
for the first word below (the test ``pdf_cell_wrap`` makes between a cell's lines), and no room was
left under that line for another (a cell whose text ends higher up than its row's foot ended there;
the page cut only the cells that reach it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kpi_lint.grid import Cell, Grid
from kpi_lint.read.pdf_cell_wrap import BBox, Lines, table_lines, wraps_into

_SAME_EDGE = 2.0  # points: two cells of one column on two pages stand at the same left and right edges


@dataclass(frozen=True)
class RuledFoot:
    """The last row of a ruled table that ends its page: each printed cell's box and lines."""

    cells: tuple[tuple[BBox, Lines], ...]

    @classmethod
    def of(cls, table: Any, chars: list[dict[str, Any]]) -> RuledFoot:
        return cls(tuple(_printed(table, len(table.rows) - 1, chars)))

    def continued_by(self, table: Any, row: int, chars: list[dict[str, Any]]) -> bool:
        """Row `row` of `table` (the first of the next page) holds the rest of cells cut here: it
        prints something, and each printed cell stands at the edges of a cell here that was full."""
        below = _printed(table, row, chars)
        return bool(below) and all(
            any(_same_column(box, above) and _full(above, lines, cell[0]) for above, lines in self.cells)
            for box, cell in below
        )


def _printed(table: Any, row: int, chars: list[dict[str, Any]]) -> list[tuple[BBox, Lines]]:
    """The cells of row `row` of a pdfplumber `table` that print something: box and lines."""
    boxes = list(table.rows[row].cells)
    lines = table_lines([boxes], chars)
    return [(box, lines[0, c]) for c, box in enumerate(boxes) if box is not None and lines.get((0, c))]


def _full(box: BBox, lines: Lines, below: list[dict[str, Any]]) -> bool:
    """The cell of `box` has no room left under its last line for another, nor on that line for the
    first word of `below`."""
    last = lines[-1]
    height = max(ch["bottom"] for ch in last) - min(ch["top"] for ch in last)
    return box[3] - max(ch["bottom"] for ch in last) < height and wraps_into(box, lines, below)


def _same_column(a: BBox, b: BBox) -> bool:
    return abs(a[0] - b[0]) <= _SAME_EDGE and abs(a[2] - b[2]) <= _SAME_EDGE


def join_cut_row(above: Grid, rest: Grid) -> None:
    """Adds the first row of `rest` to the last row of `above` (the same columns), and takes it out
    of `rest`."""
    if not above.rows or not rest.rows or len(above.rows[-1].cells) != len(rest.rows[0].cells):
        return
    last, tail = above.rows[-1], rest.rows.pop(0)
    joined: dict[int, Cell] = {}  # by the id of the cell above: a merged cell stands in several slots
    added: dict[int, int] = {}  # the id of a cell of the rest → the id of the cell above it joins
    for a, b in zip(last.cells, tail.cells, strict=True):
        if b.blank or id(b) in added:
            continue
        added[id(b)] = id(a)
        now = joined.get(id(a), a)
        joined[id(a)] = replace(now, text=_joined(now.text, b.text))
    whole = {id(a): joined[id(a)] for a in last.cells if id(a) in joined}
    last.cells = [whole.get(id(a), a) for a in last.cells]
    _spread(above, rest, whole, added)


def _spread(above: Grid, rest: Grid, whole: dict[int, Cell], added: dict[int, int]) -> None:
    """A cell merged down over the break (一级/二级 over rows on both pages) prints the rest of its text in
    the rows below the cut one too: those rows, and the rows above it on the page before, take the text
    joined, each its own copy (on its own line)."""
    by_anchor = {c.anchor: c.text for c in whole.values() if c.anchor}
    for row in above.rows[:-1]:
        row.cells = [
            replace(c, text=by_anchor[c.anchor]) if c.anchor in by_anchor and c.anchor is not None else c
            for c in row.cells
        ]
    for row in rest.rows:
        row.cells = [whole[added[id(c)]] if id(c) in added else c for c in row.cells]


def _joined(a: str, b: str) -> str:
    """A cell's text and its rest: a space between two Latin letters (a word wraps at a space)."""
    if not a.strip():
        return b
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return f"{a} {b}"
    return a + b
