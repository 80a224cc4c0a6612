"""Word (.docx) → blocks, with python-docx.  Merged cells (gridSpan, vMerge) stand in every slot
they cover; a cell's place is "表T 行R 格C"."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from kpi_lint.grid import Block, Cell, Grid, Paragraph, Row

if TYPE_CHECKING:
    from docx.oxml.table import CT_Tc
    from docx.table import Table


def read_docx(data: bytes) -> list[Block]:
    """Paragraphs and tables in document order.  A table nested in a cell (a form pasted into the
    cell of a layout table) is a grid of its own, numbered after the table holding it, and the
    outer cell keeps only its own paragraphs."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(BytesIO(data))
    blocks: list[Block] = []
    counter = {"line": 0, "table": 0}
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            text = item.text.strip()
            counter["line"] += 1
            if text:
                blocks.append(Paragraph(text, counter["line"], 1, f"段落{counter['line']}"))
        elif isinstance(item, Table):
            blocks += _table_grids(item, counter)
    return blocks


def _table_grids(table: Table, counter: dict[str, int]) -> list[Block]:
    """The grid of `table`, then the grids of the tables nested in its cells."""
    from docx.table import _Cell

    counter["table"] += 1
    number = counter["table"]
    grid = Grid(anchor=f"表{number}")
    seen: dict[object, Cell] = {}  # keyed by the cell's XML element: a merged cell is one element
    inner: list[_Cell] = []
    for r, slots in enumerate(_grid_slots(table)):
        counter["line"] += 1
        cells: list[Cell] = []
        for c, tc in enumerate(slots):
            if tc not in seen:
                cell = _Cell(tc, table)
                seen[tc] = Cell(cell.text, counter["line"], c + 1, f"表{number} 行{r + 1} 格{c + 1}")
                if tc.tbl_lst:
                    inner.append(cell)
            cells.append(seen[tc])
        grid.rows.append(Row(cells, ruled=True))
    out: list[Block] = [grid]
    for cell in inner:
        for nested in cell.tables:
            out += _table_grids(nested, counter)
    return out


def _grid_slots(table: Table) -> list[list[CT_Tc]]:
    """The `w:tc` element standing in each layout-grid slot of each row: what python-docx's
    `_Row.cells` gives (a cell spanning columns in each, a vertically merged cell's top in each row
    it covers), found in one pass over the rows.  python-docx looks each merged cell's top up
    through the rows above it with XPath, which costs as much as the rest of the reading."""
    slots: list[list[CT_Tc]] = []
    above: dict[int, CT_Tc] = {}  # grid offset → the top cell of the `w:tc` starting there in the row above
    for r, row in enumerate(table.rows):
        tr = row._tr
        starts: dict[int, CT_Tc] = {}
        cells: list[CT_Tc] = []
        offset = tr.grid_before
        for tc in tr.tc_lst:
            span = tc.grid_span
            merged = tc.vMerge == "continue"
            if span < 1 or (merged and (r == 0 or offset not in above)):
                # A cell python-docx may not resolve (it would raise): read the table its own way.
                return [[cell._tc for cell in each.cells] for each in table.rows]
            top = above[offset] if merged else tc
            starts.setdefault(offset, top)
            cells.extend([top] * top.grid_span)
            offset += span
        slots.append(cells)
        above = starts
    return slots
