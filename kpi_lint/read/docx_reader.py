"""Word (.docx) → blocks, with python-docx.  Merged cells (gridSpan, vMerge) stand in every slot
they cover; a cell's place is "表T 行R 格C"."""

from __future__ import annotations

from io import BytesIO

from kpi_lint.grid import Block, Cell, Grid, Paragraph, Row


def read_docx(data: bytes) -> list[Block]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(BytesIO(data))
    blocks: list[Block] = []
    line = 0
    tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            text = item.text.strip()
            line += 1
            if text:
                blocks.append(Paragraph(text, line, 1, f"段落{line}"))
        elif isinstance(item, Table):
            tables += 1
            grid = Grid(anchor=f"表{tables}")
            seen: dict[object, Cell] = {}  # keyed by the cell's XML element: a merged cell is one element
            for r, row in enumerate(item.rows):
                line += 1
                cells: list[Cell] = []
                for c, tc in enumerate(row.cells):
                    key = tc._tc
                    if key not in seen:
                        seen[key] = Cell(tc.text, line, c + 1, f"表{tables} 行{r + 1} 格{c + 1}")
                    cells.append(seen[key])
                grid.rows.append(Row(cells, ruled=True))
            blocks.append(grid)
    return blocks
