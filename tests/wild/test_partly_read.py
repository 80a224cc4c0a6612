"""Wild files read only in part, each mended by a general mechanism (issue 9zg).

An outline numbers its tiers: a label of either tier ("三、满意度指标") numbered as the 一级 above it
("一、产出指标", "二、效益指标"), not as its 二级 ("(一)数量指标"), is a 一级 with no 二级 printed (f09).

A text cut short ends anywhere, as a preview's chunk does: its last glued cell may break off inside the last
row's actual, which says the row's target again ("…医疗服务" | "服务范围扩大" | "服务范", n05)."""

from __future__ import annotations

from kpi_lint.grid import Cell
from kpi_lint.parse import parse
from kpi_lint.parse.form_block import _Levels, _outline_mark, _outline_tier
from kpi_lint.parse.form_cells import Kind
from kpi_lint.parse.form_glued import split_glued
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


def test_n05_the_break_inside_an_actual_saying_the_target_again() -> None:
    # n05 (襄阳市中心医院 自评表, glued): the text ends "…可持续为周边 群众提供医疗服务服务范围扩 大服务范"
    doc = parse(WILD / "n05_hubei_hospital_selfeval_glued.txt")
    last = doc.indicators[-1]
    assert (last.level2, last.level3) == ("可持续影响指标", "院区建成后,可持续为周边群众提供医疗服务")
    assert (last.value, last.actual) == ("服务范围扩大", "服务范")
    assert (last.line, last.column) == (20, 417)
    assert doc.indicators[-2].value == "5亿元"


def test_echo_cut_short_only_where_the_text_breaks_off() -> None:
    columns = [(0, "level3"), (1, "value"), (2, "actual"), (3, "score")]
    text = "群众满意度显著提升显著"

    def read(broken: bool) -> list[list[str]]:
        rows = split_glued(text, columns, broken=broken)
        assert rows is not None
        return [[f"{col[1]}={text[s:e]}" for col, s, e in row] for row in rows]

    assert read(True) == [["level3=群众满意度", "value=显著提升", "actual=显著"]]
    assert "value=显著提升" not in read(False)[0]  # whole, the text is cut as the DP finds it
