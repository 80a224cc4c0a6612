"""Excel (.xlsx with openpyxl, .xls with xlrd) → one grid per sheet.

Merged ranges stand in every slot they cover; a cell's place is "Sheet1!C12".  A cell reads as the
sheet shows it (its number format applied: 0.95 in "0%" is "95%", kpi_lint.read.number_format).

What the sheet does not show is not read, as it is not printed or published either: hidden and
very hidden sheets (most often the template's drop-down lists), hidden rows (a row hidden rather
than deleted) and hidden columns (internal codes).  Each one that holds text is named in a note
(`LeftOut`), so nothing is left out silently."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from kpi_lint.grid import Block, Cell, Grid, LeftOut, Row
from kpi_lint.read.number_format import zh_builtin
from kpi_lint.read.office_text import cell_text

Span = tuple[tuple[int, int], tuple[int, int]]  # (first row, first column), (last row, last column), 1-based
Present = dict[tuple[int, int], tuple[object, str]]  # (row, column) → (value, number format)


@dataclass
class Hidden:
    """The rows and columns (1-based) a sheet hides."""

    rows: set[int] = field(default_factory=set)
    columns: set[int] = field(default_factory=set)


@dataclass
class Sheets:
    blocks: list[Block]
    left_out: list[LeftOut]


def read_xlsx(data: bytes) -> Sheets:
    import openpyxl

    # Read-only mode streams the cells (values and number formats); the merged ranges come from
    # python-calamine, as openpyxl's full mode spends most of a workbook's time styling merged cells.
    book = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        merges = _merged_ranges(data)
        hidden = _hidden_rows_columns(data)
        out = Sheets([], [])
        line = 0
        for sheet in book.worksheets:
            present = _present_cells(sheet)
            if sheet.sheet_state != "visible":
                if any(_has_text(v) for v, _ in present.values()):
                    out.left_out.append(hidden_sheet(sheet.title))
                continue
            grid = Grid(anchor=sheet.title)
            line = _fill(grid, present, merges.get(sheet.title, []), line, hidden.get(sheet.title, Hidden()))
            out.left_out += _hidden_notes(sheet.title, present, hidden.get(sheet.title, Hidden()))
            out.blocks.append(grid)
        return out
    finally:
        book.close()


def hidden_sheet(name: str) -> LeftOut:
    return LeftOut(f"隐藏的工作表“{name}”未读取（打印和公开时看不到；如其中有要检查的指标，请取消隐藏后再检查）", name)


def _has_text(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _hidden_notes(name: str, present: Present, hidden: Hidden) -> list[LeftOut]:
    """A note for the hidden rows, one for the hidden columns, of a sheet, when they hold text."""
    from openpyxl.utils import get_column_letter

    notes: list[LeftOut] = []
    rows = sorted({r for (r, c), (v, _) in present.items() if r in hidden.rows and _has_text(v)})
    if rows:
        shown = "、".join(str(r) for r in rows[:5]) + ("等" if len(rows) > 5 else "")
        notes.append(LeftOut(f"工作表“{name}”的隐藏行未读取：第{shown}行（打印和公开时看不到）", f"{name}!A{rows[0]}"))
    columns = sorted({c for (r, c), (v, _) in present.items() if c in hidden.columns and _has_text(v)})
    if columns:
        letters = "、".join(get_column_letter(c) for c in columns[:5]) + ("等" if len(columns) > 5 else "")
        first = get_column_letter(columns[0])
        notes.append(LeftOut(f"工作表“{name}”的隐藏列未读取：{letters}列（打印和公开时看不到）", f"{name}!{first}1"))
    return notes


def _present_cells(sheet: Any) -> Present:
    """(row, column) → (value, number format) of every cell the sheet's XML holds, empty or not."""
    from openpyxl.cell.read_only import EMPTY_CELL

    sheet.reset_dimensions()  # the cells present decide the extent, not the file's <dimension>
    present: Present = {}
    for r, row in enumerate(sheet.iter_rows(), start=1):
        for c, xl in enumerate(row, start=1):
            if xl is not EMPTY_CELL:
                present[(r, c)] = _shown_value(xl.value, xl.number_format or "General", xl, sheet.parent.epoch)
    return present


def _shown_value(value: object, number_format: str, xl: Any, epoch: Any) -> tuple[object, str]:
    """A cell's value and number format, with the zh-CN built-in formats openpyxl leaves unnamed
    (a date in 'yyyy"年"m"月"d"日"' saved as format 31 reaches it as the serial 45657 in General)."""
    if number_format != "General" or isinstance(value, bool) or not isinstance(value, int | float):
        return value, number_format
    code = zh_builtin(getattr(getattr(xl, "style_array", None), "numFmtId", None))
    if code is None:
        return value, number_format
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value, epoch), code
    except (ValueError, OverflowError):
        return value, number_format


def _fill(grid: Grid, present: Present, ranges: list[Span], line: int, hidden: Hidden) -> int:
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
    columns = [c for c in range(1, width + 1) if c not in hidden.columns]
    made: dict[tuple[int, int], Cell] = {}
    for r in range(1, height + 1):
        line += 1
        if r in hidden.rows:
            continue
        cells: list[Cell] = []
        for c in columns:
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


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _hidden_rows_columns(data: bytes) -> dict[str, Hidden]:
    """Sheet name → the rows and columns it hides (`<row hidden="1">`, `<col min max hidden="1">`).

    openpyxl's read-only mode, which streams the cells, does not keep row and column dimensions
    (its full mode does, at several times the cost), so the two attributes are read here with lxml
    from the sheets' XML."""
    from lxml import etree

    out: dict[str, Hidden] = {}
    with zipfile.ZipFile(BytesIO(data)) as zf:
        names = set(zf.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return out
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        workbook = etree.fromstring(zf.read("xl/workbook.xml"))
        for sheet in workbook.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(_REL), "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            if part in names:
                with zf.open(part) as fh:
                    out[sheet.get("name", "")] = _hidden_in(etree.iterparse(fh, tag=(f"{_MAIN}row", f"{_MAIN}col")))
    return out


def _hidden_in(events: Iterable[tuple[str, Any]]) -> Hidden:
    hidden = Hidden()
    for _, element in events:
        if element.get("hidden") in ("1", "true"):
            if element.tag.endswith("}col"):
                hidden.columns.update(range(int(element.get("min", "0")), int(element.get("max", "0")) + 1))
            elif element.get("r"):
                hidden.rows.add(int(element.get("r")))
        element.clear()
    return hidden


def read_xls(data: bytes) -> Sheets:
    """An .xls workbook (BIFF), with xlrd: values through their number formats, merged ranges, and
    hidden sheets, rows and columns left out as in an .xlsx."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    try:
        out = Sheets([], [])
        line = 0
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            present: Present = {}
            for r in range(sheet.nrows):
                for c in range(sheet.ncols):
                    cell = sheet.cell(r, c)
                    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        continue
                    present[(r + 1, c + 1)] = (_xls_value(book, cell), _xls_format(book, cell))
            if sheet.visibility != 0:
                if any(_has_text(v) for v, _ in present.values()):
                    out.left_out.append(hidden_sheet(sheet.name))
                continue
            hidden = Hidden(
                {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden},
                {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden},
            )
            ranges = [((r0 + 1, c0 + 1), (r1, c1)) for r0, r1, c0, c1 in sheet.merged_cells]
            grid = Grid(anchor=sheet.name)
            line = _fill(grid, present, ranges, line, hidden)
            out.left_out += _hidden_notes(sheet.name, present, hidden)
            out.blocks.append(grid)
            book.unload_sheet(index)
        return out
    finally:
        book.release_resources()


def _xls_value(book: Any, cell: Any) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#错误")
    return cell.value


def _xls_format(book: Any, cell: Any) -> str:
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
    if xf is None:
        return "General"
    found = book.format_map.get(xf.format_key)
    if found is not None and found.format_str and found.format_str != "General":
        return str(found.format_str)
    return zh_builtin(xf.format_key) or "General"  # a zh-CN built-in date format named by id only
