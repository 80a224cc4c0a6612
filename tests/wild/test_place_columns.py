"""Fujian's template: 指标方向 (a comparator column) followed by one target column per place
("指标方向 | 笏石街道办 | 埭头镇"), in a grid and glued into one line (wild p01)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.parse import parse
from kpi_lint.parse.form_header import place_names
from tests.wild.rows import WILD, printed_rows

_ENDS = ("街道办事处", "街道办", "办事处", "街道", "社区", "镇", "乡", "村", "县", "区", "市", "旗")


# p01's table re-laid out as tab rows (the same cells, the notice around it left out).
_P01_TAB = (
    "秀屿区2025年省级第七批水利专项资金绩效目标表\n"
    "项目名称\t省级第七批水利专项资金\n"
    "一级指标\t二级指标\t三级指标\t指标解释\t指标方向\t笏石街道办\t埭头镇\n"
    "成本指标\t经济成本指标\t省级财政专项资金投入成本控制率(%)\t反映省级财政专项资金投入成本控制情况\t≤\t100%\t100%\n"
    "产出指标\t数量指标\t开展修复工程(个)\t反映防洪水利设施水毁修复项目开展情况\t≥\t1\t1\n"
    "\t质量指标\t已建工程是否存在质量问题\t当年已完工项目是否在检查中发现质量问题\t是/否\t否\t否\n"
    "\t时效指标\t截至2026年12月底,项目开展率(%)\t反映修复开展情况\t≥\t100%\t100%\n"
)


def _as_pipes(text: str) -> str:
    lines = text.splitlines()
    return "".join(f"| {' | '.join(line.split(chr(9)))} |\n" if "\t" in line else line + "\n" for line in lines)


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_place_columns_after_the_direction_give_direction_and_figure_in_a_grid(tmp_path: Path, layout: str) -> None:
    table = tmp_path / "目标表.txt"
    table.write_text(_P01_TAB if layout == "tabs" else _as_pipes(_P01_TAB), encoding="utf-8")
    assert printed_rows(table) == [
        ("经济成本指标", "省级财政专项资金投入成本控制率(%)", "≤100%"),
        ("数量指标", "开展修复工程(个)", "≥1"),
        ("质量指标", "已建工程是否存在质量问题", "否"),  # 是/否 is the kind of the row, as 定性 is
        ("时效指标", "截至2026年12月底,项目开展率(%)", "≥100%"),
    ]


def test_places_that_disagree_give_the_first_place_target(tmp_path: Path) -> None:
    # One row per indicator, as p01 is labelled; the first place column is the row's target, and a
    # warning names the figures that differ.
    table = tmp_path / "目标表.txt"
    table.write_text(
        "一级指标\t二级指标\t三级指标\t指标解释\t指标方向\t城关镇\t洋中乡\n"
        "产出指标\t数量指标\t新建堤防长度(公里)\t反映堤防建设情况\t≥\t2\t1.5\n",
        encoding="utf-8",
    )
    doc = parse(table)
    assert [(i.level2, i.level3, i.value) for i in doc.indicators] == [("数量指标", "新建堤防长度(公里)", "≥2")]
    (note,) = [n for n in doc.notes if "各地目标值不同" in n.message]
    assert "（2 / 1.5）" in note.message and note.line == 2 and note.severity == "warning"


def test_place_columns_in_the_glued_page() -> None:
    # p01: "…指标解释指标方向笏石街道办埭头镇成本指标经济成本指标省级…控制率(%)反映…情况≤100%100%产出指标…"
    # The cut "效益指标社会效益指标是" is no row.
    assert printed_rows(WILD / "p01_fujian_water_target_glued.txt") == [
        ("经济成本指标", "省级财政专项资金投入成本控制率(%)", "≤100%"),
        ("数量指标", "开展修复工程(个)", "≥1"),  # "≥11": one figure per township, not 11
        # "…质量问题当年已完工项目是否…": the yes-no question's name ends with its noun (名称结尾 问题)
        ("质量指标", "已建工程是否存在质量问题", "否"),
        ("时效指标", "截至2026年12月底,项目开展率(%)", "≥100%"),
    ]


def test_a_heading_of_places_glued_is_one_column_per_place() -> None:
    assert place_names("笏石街道办埭头镇", _ENDS) == [(0, "笏石街道办"), (5, "埭头镇")]
    assert place_names("城关镇", _ENDS) == [(0, "城关镇")]
    assert place_names("备注", _ENDS) is None  # a heading that names no place
    assert place_names("合计金额", _ENDS) is None


def test_a_name_after_a_worded_target_begins_the_next_row_in_a_cut_table(tmp_path: Path) -> None:
    # One cell per line, cut after a name: "资金拨付及时率" ends as names end (率), with no figure, so it is
    # the next row's name (cut, reported), not the target of "按时完成" read as a name before it.
    table = tmp_path / "目标表.txt"
    table.write_text(
        "项目支出绩效目标表\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n培训人数\n200人\n"
        "时效指标\n资金拨付时间\n按时完成\n资金拨付及时率\n",
        encoding="utf-8",
    )
    doc = parse(table)
    assert [(i.level2, i.level3, i.value) for i in doc.indicators] == [
        ("数量指标", "培训人数", "200人"),
        ("时效指标", "资金拨付时间", "按时完成"),
    ]
    assert any("表格在第13行中断" in p.message for p in doc.problems)
