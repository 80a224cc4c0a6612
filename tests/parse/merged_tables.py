"""Word and Excel tables with merged cells, written as departments' forms are, for the readers' tests."""

from __future__ import annotations

from pathlib import Path

# (first row, first column, last row, last column), 0-based within the table
Merge = tuple[int, int, int, int]


def docx_table(path: Path, rows: list[list[str]], merges: list[Merge], title: str | None = None) -> Path:
    """A Word file holding one ruled table of `rows` (a title paragraph above it when given)."""
    import docx

    document = docx.Document()
    if title is not None:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for r0, c0, r1, c1 in merges:
        top = table.cell(r0, c0)
        keep = top.text
        top.merge(table.cell(r1, c1)).text = keep  # Word's merge joins the texts; the top one is kept
    document.save(str(path))
    return path


def xlsx_table(path: Path, rows: list[list[str]], merges: list[Merge], title: str | None = None) -> Path:
    """An Excel file whose sheet holds `rows` (a title row above them when given); whole numbers as numbers."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if title is not None:
        sheet.append([title])
    for row in rows:
        sheet.append([int(t) if t.isdigit() else (t or None) for t in row])
    top = 1 if title is None else 2
    for r0, c0, r1, c1 in merges:
        sheet.merge_cells(start_row=r0 + top, start_column=c0 + 1, end_row=r1 + top, end_column=c1 + 1)
    book.save(path)
    return path
