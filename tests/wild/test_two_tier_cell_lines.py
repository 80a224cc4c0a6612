"""A two-row header copied one cell per line with rows apart (text copied from a web page or a PDF):
b08's 河北 self-evaluation prints "一级指标 … 预期指标值 … 自评得分" and under it "符号 | 单位(文字描述)"
(预期指标值's two cells) and "单项指标得分 | 权重占比(%) | 单项指标折算得分" (自评得分's three).  The
second header line fills the spans of the first, as a second header row does in a table printed a row
per line, and the row's unnamed explanation column (between its name and its signed target) is left
out as it is there."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.copies import grid_as_cell_lines, grid_copy
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

_STEM = "b08_hebei_civilaffairs_selfeval"


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
