"""A table saved as comma-separated values (Excel's or WPS's "另存为 CSV"), read with the csv module.

A CSV export prints every row with the same number of fields, quotes a field holding a comma, a
quote or a line break ("指标1,\"≥95%\",…"), and may run one field over several lines.  Such a text
is recognised by its shape — most records split by the csv module into the same number of fields,
three or more — not by its name, since a copy may be saved as .txt.  Each field becomes a cell
placed at its printed line and column, so the form reader reads it as any other grid.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator

from kpi_lint.grid import Cell, Row

_MIN_FIELDS = 3  # a table has at least a name, a target and one more column
_MIN_RECORDS = 3
_SAME_WIDTH = 0.8  # the share of records an export prints with the same number of fields


def _records(lines: list[str]) -> Iterator[tuple[int, int, list[str]]]:
    """Each record with the 0-based indices of the line it starts on and of the line after it."""
    reader = csv.reader(line + "\n" for line in lines)
    start = 0
    for fields in reader:
        yield start, reader.line_num, fields
        start = reader.line_num


def looks_like_csv(lines: list[str]) -> bool:
    """Most records split into the same number of fields, three or more, and no line is separated
    by tabs or `|` instead."""
    if any("\t" in line or "|" in line for line in lines):
        return False
    try:
        widths = [len(fields) for _, _, fields in _records(lines) if any(f.strip() for f in fields)]
    except csv.Error:
        return False
    if len(widths) < _MIN_RECORDS:
        return False
    width, count = Counter(widths).most_common(1)[0]
    return width >= _MIN_FIELDS and count >= _SAME_WIDTH * len(widths)


def _raw_length(value: str, quoted: bool) -> int:
    """How many characters a field takes in the file: its value, and for a quoted field the two
    quotes and one more for each quote doubled inside it (csv.QUOTE_MINIMAL, as Excel writes)."""
    return len(value) + 2 + value.count('"') if quoted else len(value)


def csv_rows(lines: list[str]) -> list[Row]:
    """One row per record, each field a cell at the line and column where its text is printed."""
    rows: list[Row] = []
    for start, end, fields in _records(lines):
        raw = "\n".join(lines[start:end])
        at = 0  # offset of the current field in the record's raw text
        cells: list[Cell] = []
        for value in fields:
            quoted = raw.startswith('"', at)
            text_at = at + 1 if quoted else at
            line = start + raw.count("\n", 0, text_at)
            column = text_at - (raw.rfind("\n", 0, text_at) + 1)
            cells.append(Cell(value.strip(), line + 1, column + len(value) - len(value.lstrip()) + 1))
            at += _raw_length(value, quoted) + 1  # and the comma after it
        if any(not c.blank for c in cells):
            rows.append(Row(cells))
    return rows
