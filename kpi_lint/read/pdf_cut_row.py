"""A row of a table printed without rulings that a page break cut, joined again (PDF).

Word and LibreOffice let a row break across pages: the foot of one page prints the first lines of
the row's cells, the top of the next the rest of those that wrapped.  The table rebuilt on the next
page (``pdf_unruled``) keeps the columns of the one before; when its first line continues the last
line there (``Foot.continued_by``), its first row is the rest of the row above: each of its cells is
added to the cell of the same column above, which keeps its place.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell, Grid


def join_cut_row(above: Grid, rest: Grid) -> None:
    """Adds the first row of `rest` to the last row of `above` (the same columns), and takes it out
    of `rest`."""
    if not above.rows or not rest.rows or len(above.rows[-1].cells) != len(rest.rows[0].cells):
        return
    last, tail = above.rows[-1], rest.rows.pop(0)
    joined: dict[int, Cell] = {}  # by the id of the cell above: a merged cell stands in several slots
    added: set[int] = set()
    for a, b in zip(last.cells, tail.cells, strict=True):
        if b.blank or id(b) in added:
            continue
        added.add(id(b))
        now = joined.get(id(a), a)
        joined[id(a)] = replace(now, text=_joined(now.text, b.text))
    last.cells = [joined.get(id(a), a) for a in last.cells]


def _joined(a: str, b: str) -> str:
    """A cell's text and its rest: a space between two Latin letters (a word wraps at a space)."""
    if not a.strip():
        return b
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return f"{a} {b}"
    return a + b
