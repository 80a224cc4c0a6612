"""A web page whose table left its merged cells out instead of spanning them.

Some CMS editors and converters write a merged 一级/二级 cell only in its first row and simply
drop it from the rows below, with no ``rowspan``: those rows are shorter than the table and their
cells sit left of their columns.  Such a row is read by what its cells hold, as a row of copied text
is.  The pages here are real wild tables written out that way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.grid import Grid
from kpi_lint.parse import parse
from kpi_lint.read.blocks import read_blocks
from tests.wild.copies import page_without_spans
from tests.wild.rows import expected_rows, parsed_rows

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"


@pytest.mark.parametrize(
    "stem", ["a01_tianjin_edu_target", "c08_ningxia_forestry_declaration", "d12_anhui_agri_target"]
)
def test_rows_that_dropped_their_merged_cells_read_their_hand_checked_rows(stem: str, tmp_path: Path) -> None:
    page = tmp_path / f"{stem}.html"
    page.write_text(page_without_spans((WILD / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    assert sorted(parsed_rows(parse(page))) == sorted(expected_rows(WILD / "expected" / f"{stem}.csv"))
    grids = [b for b in read_blocks(page).blocks if isinstance(b, Grid)]
    short = [row for grid in grids for row in grid.rows if not row.ruled]
    assert short and all(c.anchor and c.anchor.startswith("表") for row in short for c in row.cells)
