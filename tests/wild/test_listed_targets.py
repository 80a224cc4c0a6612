"""Targets that list several counted parts, each named ("自愿咨询检测1000人次以上,艾滋病人检测600人次以上,…"),
glued to the indicator's name: the whole list is the target, not its last part (f11, 湖南 祁东县疾控中心
部门整体绩效目标表)."""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse.form_glued import split_glued
from tests.wild.rows import WILD, printed_rows


def _cells(text: str, roles: list[str]) -> dict[str, str]:
    hints = load_lexicon().vocabulary.glue_hints
    found = split_glued(text, [(i, role) for i, role in enumerate(roles)], hints, False)
    assert found is not None and len(found) == 1
    return {col[1]: text[start:end] for col, start, end in found[0]}


def test_f11_reads_the_listed_target_whole() -> None:
    rows = printed_rows(WILD / "f11_hunan_cdc_dept_target.txt")
    assert (
        "数量指标",
        "全年检测次数",
        "自愿咨询检测1000人次以上,艾滋病人检测600人次以上,结核病人筛查600人次以上",
    ) in rows
    assert ("数量指标", "免疫规划知识培训次数", "2次以上") in rows


def test_a_listed_target_is_cut_after_the_name_not_inside_it() -> None:
    cells = _cells("年度培训人次县级培训200人次,乡级培训500人次,村级培训800人次", ["level3", "value"])
    assert cells == {"level3": "年度培训人次", "value": "县级培训200人次,乡级培训500人次,村级培训800人次"}


def test_a_scoring_rule_is_no_listed_target() -> None:
    # j01 (湖南 特殊教育学校): "…生活质量有所提升残疾学生生活质量良好得10分,一般得8分,差得0分" lists points, not targets
    rows = printed_rows(WILD / "j01_hunan_specialedu_target.txt")
    assert ("社会效益指标", "残疾学生生活质量", "有所提升") in rows
