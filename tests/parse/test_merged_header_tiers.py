"""A two-row header in a real office table: "采集数据项" merged over two columns, "数据项1 | 数据项2"
under it, every other heading merged down over both rows (z01's evaluation form as Word or Excel
keeps it).  The merged cells stand in every slot they cover, so the bottom tier's other slots hold
the headings above them: the tier is header, never an indicator row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.parse.merged_tables import docx_table, xlsx_table

HEAD = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值"]
HEAD += ["采集数据项", "", "指标值"]
BODY = [
    ["项目产出", "25", "产出数量", "24", "进出境动植物检疫完成率", "%", "100%", "8", "", "", ""],
    ["", "", "", "", "食品化妆品检验检疫批次增长率", "%", "-0%", "8", "", "", ""],
    ["", "", "产出质量", "48", "输入性医学媒介生物截获率", "%", "100%", "5", "", "", ""],
]
TIER = {8: "数据项1", 9: "数据项2"}  # 0-based columns under 采集数据项
# Merged down (0-based first row, column, last row, column): every heading but the split one, and the
# 一级 / 二级 labels over the rows of their block.
MERGES = [(0, c, 1, c) for c in range(11) if c not in TIER] + [(0, 8, 0, 9), (2, 0, 4, 0), (2, 1, 4, 1), (2, 2, 3, 2)]
MERGES += [(2, 3, 3, 3)]


def _rows() -> list[list[str]]:
    tier = [TIER.get(c, "") for c in range(11)]
    return [HEAD, tier, *BODY]


def _xlsx(path: Path) -> Path:
    return xlsx_table(path, _rows(), MERGES)


def _docx(path: Path) -> Path:
    return docx_table(path, _rows(), MERGES)


@pytest.mark.parametrize("make", [_xlsx, _docx], ids=["xlsx", "docx"])
def test_the_bottom_tier_under_a_merged_heading_is_header(make: Callable[[Path], Path], tmp_path: Path) -> None:
    suffix = ".xlsx" if make is _xlsx else ".docx"
    doc = parse(make(tmp_path / f"form{suffix}"))
    assert doc is not None
    rows = [(i.level2, i.level3, i.value, i.line, i.anchor("level3")) for i in doc.indicators]
    # the rows' running numbers: the two header rows are lines 1 and 2; the places the reader names
    places = [f"Sheet!E{n}" if suffix == ".xlsx" else f"表1 行{n} 格5" for n in (3, 4, 5)]
    assert rows == [
        ("数量指标", "进出境动植物检疫完成率", "100%", 3, places[0]),
        ("数量指标", "食品化妆品检验检疫批次增长率", "-0%", 4, places[1]),
        ("质量指标", "输入性医学媒介生物截获率", "100%", 5, places[2]),
    ]
    assert not any("数据项" in (i.level3 or "") for i in doc.indicators)


@pytest.mark.parametrize("make", [_xlsx, _docx], ids=["xlsx", "docx"])
def test_a_labels_points_beside_it_are_not_the_rows(make: Callable[[Path], Path], tmp_path: Path) -> None:
    # 权重 beside 一级指标 (25) and 分值 beside 二级指标 (24, 48) score the labels;
    # each row's own 分值 follows its name.
    suffix = ".xlsx" if make is _xlsx else ".docx"
    doc = parse(make(tmp_path / f"form{suffix}"))
    assert doc is not None
    assert [(i.level3, i.weight) for i in doc.indicators] == [
        ("进出境动植物检疫完成率", 8.0),
        ("食品化妆品检验检疫批次增长率", 8.0),
        ("输入性医学媒介生物截获率", 5.0),
    ]
