"""A sheet row taller than its text, printed by LibreOffice, reads as one row (kpi_lint.read.pdf_unruled).

tests/fixtures/wrapped_rows/build.py types a 绩效目标表 of 40 indicator rows in Excel as departments
do (columns 14 characters wide, text wrapped, each row as tall as the typist guessed its text) and
prints it to PDF.  One row holds a long text (a 219-character 指标值确定依据, a 三级指标 name of one
or two sentences, a 指标值 with its explanation, or a name and a basis).  LibreOffice needs fewer
lines than the typist allowed, so the tall row leaves blank lines in the table: above its text (set
at the foot of its cells, Excel's default) or below it (``top23``, set at the top).  Before, a gap of
three lines there ended the table, and the tall row's wrapped lines were read as rows of their own
(basis23: 54 indicators instead of 40; basis21: 55; name2: 46, none right).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kpi_lint.model import Document
from kpi_lint.parse import parse

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "wrapped_rows"
sys.path.insert(0, str(HERE))
from build import LONG_BASIS, LONG_NAME, SHEETS, Sheet, indicator_rows  # noqa: E402

TYPED = [s for s in SHEETS if not s.merged]


def _rows(doc: Document) -> list[tuple[str | None, ...]]:
    return [(i.level1, i.level2, i.level3, i.value, i.basis) for i in doc.indicators]


@pytest.mark.parametrize("sheet", TYPED, ids=lambda s: s.stem)
def test_a_printed_sheet_with_a_tall_row_reads_the_rows_typed(sheet: Sheet) -> None:
    doc = parse(HERE / f"{sheet.stem}.pdf")
    assert _rows(doc) == [tuple(row) for row in indicator_rows(sheet)]


def test_the_tall_row_keeps_its_page_and_cells() -> None:
    doc = parse(HERE / "basis23.pdf")
    before, tall, after = doc.indicators[21:24]
    assert (tall.level3, tall.value, tall.basis) == ("救助人次第23批", "123人次", LONG_BASIS)
    # page 2 opens with rows 20-22; the tall row is its 4th, its box from its text's first line down
    assert tall.anchor("level3") == "页2 表1 行4 格3 (242,264)"
    assert tall.anchor("basis") == "页2 表1 行4 格5 (412,264)"
    assert before.anchor("value") == "页2 表1 行3 格4 (334,128)"
    assert (after.level3, after.anchor("level3")) == ("救助人次第24批", "页3 表1 行1 格3 (242,70)")


def test_a_tall_name_on_the_tables_first_page_is_one_row() -> None:
    doc = parse(HERE / "name8.pdf")
    tall = doc.indicators[7]
    assert (tall.level3, tall.value) == (f"{LONG_NAME}（第8批）" * 2, "108人次")
    assert tall.anchor("level3") == "页1 表1 行10 格3 (246,433)"
    assert doc.indicators[8].anchor("level3") == "页1 表1 行11 格3 (246,640)"


def test_two_tall_cells_of_one_row_read_whole() -> None:
    tall = parse(HERE / "two23.pdf").indicators[22]
    assert (tall.level3, tall.basis) == (f"{LONG_NAME}（第23批）", LONG_BASIS)
    assert tall.anchor("basis") == "页2 表1 行4 格5 (412,264)"


def test_merged_labels_do_not_cut_the_tall_row() -> None:
    """一级/二级 merged down their rows and centred: the label of a group that runs over pages stands
    where the whole group's middle falls (page 2 prints 产出指标 in the tall row's blank space; page 1
    keeps its labels below the page, page 3 above it).  The tall row still reads as one, and every row
    has its labels (pdf_merged_labels; before, 4 of 40 rows had theirs)."""
    doc = parse(HERE / "merged23.pdf")
    tall = next(i for i in doc.indicators if i.level3 == "救助人次第23批")
    assert (tall.value, tall.basis) == ("123人次", LONG_BASIS)
    assert tall.anchor("basis") == "页2 表1 行4 格5 (412,264)"
    assert not any(i.level3 and i.level3 in LONG_BASIS for i in doc.indicators)
    merged = next(s for s in SHEETS if s.stem == "merged23")
    assert _rows(doc) == [tuple(row) for row in indicator_rows(merged)]
