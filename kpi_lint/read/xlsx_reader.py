"""Excel (.xlsx with openpyxl, .xls with python-calamine) → one grid per sheet.

Merged ranges stand in every slot they cover; a cell's place is "Sheet1!C12"."""

from __future__ import annotations

from io import BytesIO

from kpi_lint.grid import Block, Cell, Grid, Row
from kpi_lint.read.office_text import cell_text


def read_xlsx(data: bytes) -> list[Block]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(BytesIO(data), data_only=True)
    blocks: list[Block] = []
    line = 0
    for sheet in book.worksheets:
        merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in sheet.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = (rng.min_row, rng.min_col)
        made: dict[tuple[int, int], Cell] = {}
        grid = Grid(anchor=sheet.title)
        for r, row in enumerate(sheet.iter_rows(), start=1):
            line += 1
            cells: list[Cell] = []
            for c, xl in enumerate(row, start=1):
                top = merged.get((r, c), (r, c))
                if top not in made:
                    src = sheet.cell(*top) if top != (r, c) else xl
                    text = cell_text(src.value, src.number_format or "General")
                    made[top] = Cell(text, line, c, f"{sheet.title}!{get_column_letter(top[1])}{top[0]}")
                cells.append(made[top])
            if any(not cell.blank for cell in cells):
                grid.rows.append(Row(cells, ruled=True))
        blocks.append(grid)
    return blocks


def read_xls(data: bytes) -> list[Block]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(BytesIO(data))
    blocks: list[Block] = []
    line = 0
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        grid = Grid(anchor=name)
        for r, values in enumerate(sheet.to_python(skip_empty_area=False), start=1):
            line += 1
            cells = [Cell(cell_text(v), line, c, f"{name}!{_column(c)}{r}") for c, v in enumerate(values, start=1)]
            if any(not cell.blank for cell in cells):
                grid.rows.append(Row(cells, ruled=True))
        blocks.append(grid)
    return blocks


def _column(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out
