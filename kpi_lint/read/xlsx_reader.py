"""Excel (.xlsx with openpyxl, .xls with python-calamine) → one grid per sheet.

Merged ranges stand in every slot they cover; a cell's place is "Sheet1!C12"."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from kpi_lint.grid import Block, Cell, Grid, Row
from kpi_lint.read.office_text import cell_text

Span = tuple[tuple[int, int], tuple[int, int]]  # (first row, first column), (last row, last column), 1-based


def read_xlsx(data: bytes) -> list[Block]:
    import openpyxl

    # Read-only mode streams the cells (values and number formats); the merged ranges come from
    # python-calamine, as openpyxl's full mode spends most of a workbook's time styling merged cells.
    book = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        merges = _merged_ranges(data)
        blocks: list[Block] = []
        line = 0
        for sheet in book.worksheets:
            grid = Grid(anchor=sheet.title)
            line = _fill(grid, _present_cells(sheet), merges.get(sheet.title, []), line)
            blocks.append(grid)
        return blocks
    finally:
        book.close()


def _present_cells(sheet: Any) -> dict[tuple[int, int], tuple[object, str]]:
    """(row, column) → (value, number format) of every cell the sheet's XML holds, empty or not."""
    from openpyxl.cell.read_only import EMPTY_CELL

    sheet.reset_dimensions()  # the cells present decide the extent, not the file's <dimension>
    present: dict[tuple[int, int], tuple[object, str]] = {}
    for r, row in enumerate(sheet.iter_rows(), start=1):
        for c, xl in enumerate(row, start=1):
            if xl is not EMPTY_CELL:
                present[(r, c)] = (xl.value, xl.number_format or "General")
    return present


def _fill(grid: Grid, present: dict[tuple[int, int], tuple[object, str]], ranges: list[Span], line: int) -> int:
    """Rows 1… of the sheet into `grid` (a merged range's text in every slot it covers); the last line used."""
    from openpyxl.utils import get_column_letter

    if not present:  # a sheet with no cell has no rows, merged or not
        return line
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for (r0, c0), (r1, c1) in ranges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                merged[(r, c)] = (r0, c0)
    height = max([r for r, _ in present] + [r1 for _, (r1, _) in ranges])
    width = max([c for _, c in present] + [c1 for _, (_, c1) in ranges])
    made: dict[tuple[int, int], Cell] = {}
    for r in range(1, height + 1):
        line += 1
        cells: list[Cell] = []
        for c in range(1, width + 1):
            top = merged.get((r, c), (r, c))
            if top not in made:
                value, number_format = present.get(top, (None, "General"))
                place = f"{grid.anchor}!{get_column_letter(top[1])}{top[0]}"
                made[top] = Cell(cell_text(value, number_format), line, c, place)
            cells.append(made[top])
        if any(not cell.blank for cell in cells):
            grid.rows.append(Row(cells, ruled=True))
    return line


def _merged_ranges(data: bytes) -> dict[str, list[Span]]:
    """Sheet name → its merged ranges, read by python-calamine (openpyxl's full reader if it refuses the file)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(BytesIO(data))
        out: dict[str, list[Span]] = {}
        for name in book.sheet_names:
            spans = book.get_sheet_by_name(name).merged_cell_ranges or []
            out[name] = [((r0 + 1, c0 + 1), (r1 + 1, c1 + 1)) for (r0, c0), (r1, c1) in spans]
        return out
    except Exception:  # calamine is stricter than openpyxl on some writers' files: read them fully
        import openpyxl

        full = openpyxl.load_workbook(BytesIO(data), data_only=True)
        return {
            ws.title: [((m.min_row, m.min_col), (m.max_row, m.max_col)) for m in ws.merged_cells.ranges]
            for ws in full.worksheets
        }


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
