"""Excerpts of the wild set that stop inside their table are read as cut off (SOURCES.md says where)."""

from __future__ import annotations

import pytest

from kpi_lint.model import Project
from kpi_lint.parse import parse
from tests.corpus import CORPUS_DIR


def _project(stem: str, index: int = 0) -> Project:
    (path,) = sorted((CORPUS_DIR / "wild").glob(f"{stem}_*.txt"))
    return parse(path).projects[index]


@pytest.mark.parametrize(
    ("stem", "why"),
    [
        ("d03", "cut at 时效指标: the text ends with the label and the stub '指标' of '指标1:…'"),
        ("d06", "cut at the 效益 block: it ends with '绩 效 指 标 | 效益', a block label and the start of 效益指标"),
        ("f11", "a table without category columns (labels glued to the first name), cut inside its 4th value"),
        ("e10", "three rows of a form without categories, no satisfaction row, nothing after them"),
    ],
)
def test_a_table_that_ends_with_the_text_before_satisfaction_is_cut_off(stem: str, why: str) -> None:
    assert _project(stem).cut_off, why


@pytest.mark.parametrize("stem", ["d10", "b09"])
def test_a_form_without_categories_that_reaches_satisfaction_is_whole(stem: str) -> None:
    # d10 (重庆 一般性项目绩效目标表) ends its rows with "本土人才满意度", b09 with "服务对象满意度"
    assert not _project(stem).cut_off


@pytest.mark.parametrize(
    ("stem", "place", "why"),
    [
        ("aa03", (22, 17), "'| 成本指标 | 补助标准 | 15', last line, no `|` closing it as every row before"),
        ("p10", (26, 18), "'质量指标 | 医疗救助合规率 | 100' after rows ending '| |||': its cell not closed"),
    ],
)
def test_the_cell_the_text_stops_inside_is_marked(stem: str, place: tuple[int, int], why: str) -> None:
    project = _project(stem)
    assert project.cut_off and project.cut_cell == place, why
    (last,) = [i for i in project.indicators if i.span("value") == place]
    assert last is project.indicators[-1]


def test_a_cell_closed_on_its_own_line_and_left_open_at_the_end_is_marked() -> None:
    # b02 copies its table one cell per line, each closed by " |"; the text ends with ">=9" (受助对象满意度, likely
    # ">=90%") after "10 |". The table reached 满意度, so nothing is said to lie beyond it (not cut_off), but its
    # last value is cut.
    project = _project("b02")
    assert not project.cut_off and project.cut_cell == (149, 1)
    assert project.indicators[-1].value == ">=9"


@pytest.mark.parametrize("stem", ["e08", "d03"])
def test_a_table_cut_between_rows_marks_no_cell(stem: str) -> None:
    # e08 ends "质量指标 验收合格率 1" in space-separated columns (no `|` to close a cell); d03 stops at a label
    project = _project(stem)
    assert project.cut_off and project.cut_cell is None
