"""A two-row header copied one cell per line with rows apart (text copied from a web page or a PDF):
b08's 河北 self-evaluation prints "一级指标 … 预期指标值 … 自评得分" and under it "符号 | 单位(文字描述)"
(预期指标值's two cells) and "单项指标得分 | 权重占比(%) | 单项指标折算得分" (自评得分's three).  The
second header line fills the spans of the first, as a second header row does in a table printed a row
per line, and the row's unnamed explanation column (between its name and its signed target) is left
out as it is there.

e03's 福建 self-evaluation wraps two headings over its two header rows ("绩效" | "实际" over "目标值
完成值"): the second row's cells complete the first row's unnamed cells, in order."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.copies import grid_as_cell_lines, grid_copy
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

_STEM = "b08_hebei_civilaffairs_selfeval"
_WRAPPED = "e03_fujian_earthquake_dept_selfeval"


def test_second_header_line_fills_the_first_lines_spans(tmp_path: Path) -> None:
    copy = grid_copy(WILD / f"{_STEM}.txt", grid_as_cell_lines, ".txt", tmp_path)
    doc = parse(copy)
    rows = [(i.level1, i.level2, i.level3, i.value, i.actual) for i in doc.indicators]
    assert rows == [
        ("产出指标", "质量指标", "符合条件申报对象覆盖率", ">=98%(百分比)", "100%"),
        ("产出指标", "时效指标", "完成率", ">=99%(百分比)", "100%"),
        ("效益指标", "社会效益指标", "补贴发放率", ">=75%(百分比)", "100%"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", ">=95%(百分比)", "100%"),
    ]
    lines = copy.read_text(encoding="utf-8").split("\n")
    first = doc.indicators[0]
    assert lines[first.spans["level3"].line - 1] == "符合条件申报对象覆盖率"
    assert lines[first.spans["value"].line - 1] == ">= 98"  # the target's own cell; its unit follows
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{_STEM}.csv")).f1 == 1.0


def test_second_header_line_completes_wrapped_headings(tmp_path: Path) -> None:
    copy = grid_copy(WILD / f"{_WRAPPED}.txt", grid_as_cell_lines, ".txt", tmp_path)
    doc = parse(copy)
    rows = [(i.level2, i.level3, i.value, i.actual) for i in doc.indicators]
    # The text breaks off inside the third row's 评分标准: no row is made of what is left of it.
    assert rows == [
        ("数量指标", "抽查全市地震监测台站运维情况个数", "9个", "9个"),
        ("数量指标", "开展防震减灾科普“进基层”宣传活动场数", "10场", "11场"),
        ("数量指标", "协同相关部门开展防震减灾宣传活动场数", "6场", "7场"),
    ]
    lines = copy.read_text(encoding="utf-8").split("\n")
    second = doc.indicators[1]
    assert (lines[second.spans["value"].line - 1], lines[second.spans["actual"].line - 1]) == ("10场", "11场")
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{_WRAPPED}.csv")).f1 == 1.0
