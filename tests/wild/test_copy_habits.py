"""The same real document, copied the way people and tools copy text, reads to the same rows.

Each case takes a wild file that reads exactly and changes it as a copy or an extraction would:
every line padded with spaces (a web page's cells end in spaces or &nbsp;), a page number printed
where a page broke — inside a table, between a cell and the rest of it, inside a wrapped header.
The rows must stay the hand-checked ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.copies import full_width, padded, paged
from tests.wild.rows import expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"

# One file per text shape: cells separated by blank lines, cells ending in "|", space-separated
# cells with wrapped labels, a one-cell-per-line table whose rows end in "|" lines.
SHAPES = [
    "a02_hunan_agri_declaration",
    "b02_anhui_civilaffairs_selfeval",
    "c05_sichuan_marketreg_selfeval",
    "d10_chongqing_township_target",
    "f04_anhui_sports_target",
]


def _rows_after(stem: str, change: object, tmp_path: Path) -> tuple[float, int]:
    text = (WILD / f"{stem}.txt").read_text(encoding="utf-8")
    copied = tmp_path / f"{stem}.txt"
    copied.write_text(change(text), encoding="utf-8")  # type: ignore[operator]
    result = score(parsed_rows(parse(copied)), expected_rows(WILD / "expected" / f"{stem}.csv"))
    return result.f1, result.expected


@pytest.mark.parametrize("stem", SHAPES)
def test_every_line_padded_with_spaces(stem: str, tmp_path: Path) -> None:
    """A copy that pads every line, blank ones too: a line of spaces is then a blank line, not an
    empty cell (which it is in a text that also has truly empty lines)."""
    assert _rows_after(stem, lambda t: t, tmp_path)[0] == 1.0
    assert _rows_after(stem, padded, tmp_path)[0] == 1.0


@pytest.mark.parametrize("stem", SHAPES)
def test_page_numbers_printed_inside_the_table(stem: str, tmp_path: Path) -> None:
    """ "第 N 页 共 9 页" every 15 lines: between rows, between a cell and its wrapped rest, inside a
    header wrapped over lines ("一级 ⏎ 第 2 页 共 9 页 ⏎ 指标")."""
    f1, rows = _rows_after(stem, paged, tmp_path)
    assert rows > 0
    assert f1 == 1.0


@pytest.mark.parametrize(
    "stem",
    [
        "a09_sichuan_water_selfeval",  # a row glued together: "安装坡面水标尺10≥266米…"
        "b09_chongqing_subdistrict_dept_target",  # glued rows under a glued header
        "e02_hunan_grain_selfeval",
        "n03_neimenggu_veterans_regional_selfeval_prose",  # a report in sentences
        "s05_jiangsu_publichealth_selfeval",  # a criterion listed "(１)…;(２)…" is no section heading
    ],
)
def test_figures_typed_full_width(stem: str, tmp_path: Path) -> None:
    """Figures typed full-width ("１０≥２６６米", as an input method leaves them) are cut and read as
    plain ones; each value keeps its printed characters."""
    assert _rows_after(stem, full_width, tmp_path)[0] == 1.0
    values = [ind.value or "" for ind in parse(tmp_path / f"{stem}.txt").indicators]
    assert any("０" in v or "％" in v or "１" in v for v in values)


def test_no_break_spaces_between_a_figure_and_its_unit(tmp_path: Path) -> None:
    """A web page's &nbsp; between cells: "25 % 9.5" with no-break spaces is cut as with plain ones, the
    unit given to the 度量单位 column ("9.5%", not "9.5")."""
    stem = "e10_chongqing_commerce_dept_selfeval"
    f1, rows = _rows_after(stem, lambda t: t.replace(" ", "\u00a0"), tmp_path)
    assert rows > 0
    assert f1 == 1.0


@pytest.mark.parametrize(
    "stem",
    [
        "e02_hunan_grain_selfeval",  # a document-sharing preview: chunks "2、…", "3、…"
        "n07_unknown_fishery_selfeval_ocr",  # … its labels read out of order ("出标产指")
    ],
)
def test_every_line_indented(stem: str, tmp_path: Path) -> None:
    """A copy that indents every line: a preview's chunk marks ("    2、…") are still chunk marks, so a
    row broken between two chunks is joined again."""

    def indent(text: str) -> str:
        return "\n".join("    " + line if line.strip() else line for line in text.splitlines())

    assert _rows_after(stem, indent, tmp_path)[0] == 1.0
