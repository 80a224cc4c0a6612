"""Wild files read only in part, each mended by a general mechanism (issue 9zg).

An outline numbers its tiers: a label of either tier ("三、满意度指标") numbered as the 一级 above it
("一、产出指标", "二、效益指标"), not as its 二级 ("(一)数量指标"), is a 一级 with no 二级 printed (f09)."""

from __future__ import annotations

from kpi_lint.grid import Cell
from kpi_lint.parse import parse
from kpi_lint.parse.form_block import _Levels, _outline_mark, _outline_tier
from kpi_lint.parse.form_cells import Kind
from tests.wild.rows import WILD


def test_f09_a_label_numbered_as_the_level1_above_is_a_level1() -> None:
    # f09 (宁夏 同心县 设施农业技术培训 绩效目标设定): "三、满意度指标" ⏎ "参训学员满意度≥95%。"
    doc = parse(WILD / "f09_ningxia_agri_target.txt")
    last = doc.indicators[-1]
    assert (last.level1, last.level2, last.level3, last.value) == ("满意度指标", None, "参训学员满意度", "≥95%")
    assert (last.line, last.column) == (26, 1)
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.value) == ("产出指标", "数量指标", "≧300人")
    assert [i.level2 for i in doc.indicators[4:8]] == ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]


def test_outline_marks() -> None:
    assert _outline_mark("三、满意度指标") == _outline_mark("一、产出指标") == ("", "一", "、")
    assert _outline_mark("(一)数量指标") == _outline_mark("（三）满意度指标") == ("(", "一", "")
    assert _outline_mark("2.满意度指标") == ("", "1", ".")
    assert _outline_mark("满意度指标") is None
    assert _outline_mark("三满意度") is None  # a numeral with no mark may be a word


def test_either_label_numbered_as_the_level2_stays_a_level2() -> None:
    levels = _Levels(Cell("一、产出指标", 1, 1), Cell("(一)数量指标", 2, 1))
    cells = [Cell("(三)满意度指标", 9, 1)]
    assert _outline_tier(cells, [Kind.EITHER], [Kind.LEVEL2], levels) == [Kind.LEVEL2]
    cells = [Cell("三、满意度指标", 9, 1)]
    assert _outline_tier(cells, [Kind.EITHER], [Kind.LEVEL2], levels) == [Kind.LEVEL1]
    # no numbering above, or the same numbering on both tiers: the outline says nothing
    flat = _Levels(Cell("产出指标", 1, 1), Cell("数量指标", 2, 1))
    assert _outline_tier(cells, [Kind.EITHER], [Kind.LEVEL2], flat) == [Kind.LEVEL2]
