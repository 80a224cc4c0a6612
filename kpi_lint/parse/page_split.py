"""A table row that a page break cut in two, joined again (PDF).

Word and LibreOffice let a row break across pages: the foot of one page prints the first lines of
each cell ("成本指 | 经济成"), the top of the next the rest ("标(0-20)分 | 本指标").  pdfplumber reads
them as the last row of one table and the first row of another.  When a cell's two pieces together
spell a 一级/二级 label that the first piece alone does not, the two rows are one row: each cell
takes its second piece after its first, and keeps the first piece's place.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.vocab import Vocabulary

_FIRST_ROW = lazy_compile(r"^页\d+ 表\d+ 行1 ")  # the anchor of a PDF table's first row (kpi_lint.read.pdf_reader)
_PAGE = lazy_compile(r"^页(\d+)")


def page_of(cell: Cell) -> int | None:
    """The page a cell of a PDF is on (its anchor opens with "页N"); None for other files."""
    found = _PAGE.match(cell.anchor or "")
    return int(found.group(1)) if found else None


def join_page_splits(rows: list[Row], vocab: Vocabulary) -> list[Row]:
    out: list[Row] = []
    for row in rows:
        before = out[-1] if out else None
        if before is not None and _split(before, row, vocab):
            out[-1] = before.with_cells([_joined(a, b) for a, b in zip(before.cells, row.cells, strict=True)])
        else:
            out.append(row)
    return out


def _split(before: Row, row: Row, vocab: Vocabulary) -> bool:
    if row.whole or not (before.ruled and row.ruled and row.cells and len(before.cells) == len(row.cells)):
        return False
    top, foot = page_of(row.cells[0]), page_of(before.cells[0])
    if not _FIRST_ROW.match(row.cells[0].anchor or "") or top is None or foot is None or top != foot + 1:
        return False
    label = vocab.is_level_label
    return any(
        not (a.blank or b.blank or a is b) and label(a.text + b.text) and not label(a.text)
        for a, b in zip(before.cells, row.cells, strict=True)
    )


def _joined(a: Cell, b: Cell) -> Cell:
    if b.blank or a is b:
        return a
    if a.blank:
        return b
    return replace(a, text=a.text + b.text)
