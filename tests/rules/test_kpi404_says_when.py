"""A move to 时效 needs a row that says when (issue 11-kpi404): 当年 as "this year's" is no date.

n01 (湖北 library self-evaluation) prints 质量指标 "以最新资源面市 | 资源采购期以当年为主": the resources bought
should be recent, a quality of what is bought. The value parser read its 当年 as a date, and the category model moved
the row to 时效 (0.82; finding_review sample 36, wrong).
"""

from __future__ import annotations

import pytest

from kpi_lint.parse.values import mentions_date, parse_value
from kpi_lint.rules.consistency.kpi404_misfiled_indicator import calibration_gate
from tests.rules.test_corpus_guidance import findings, wild_doc

TIMELINESS = "时效指标"


@pytest.mark.parametrize(
    "printed",
    [
        "资源采购期以当年为主",  # n01 16: mostly this year's resources
        "以当年为准",
        "当年的资源占80%以上",
    ],
)
def test_this_years_is_no_date(printed: str) -> None:
    assert parse_value(printed).kind != "date"
    assert not mentions_date(printed)


@pytest.mark.parametrize("printed", ["当年", "当年完成", "当年内完成", "当月发放", "当年的12月底前"])
def test_this_year_as_a_time_stays_a_date(printed: str) -> None:
    assert parse_value(printed).kind == "date"
    assert mentions_date(printed)


def _row(level3: str, value: str) -> dict[str, str]:
    return {"level1": "产出指标", "level3": level3, "value": value, "kind": parse_value(value).kind}


def test_a_move_to_timeliness_needs_a_row_that_says_when() -> None:
    gate = calibration_gate({})
    # n01 16: nothing in the row says when; a model reading 采购期 moves nothing to 时效
    assert gate("质量指标", _row("以最新资源面市", "资源采购期以当年为主"), TIMELINESS) is None
    # rows of the reference run that do say when keep their move
    assert gate("质量指标", _row("按时发放", "≥1人/年"), TIMELINESS) == TIMELINESS  # b05 7: 按时
    assert gate("数量指标", _row("志鉴地情相关工作开展所需资金的供应时效", "100%"), TIMELINESS) == TIMELINESS  # b06 36
    assert gate("可持续影响指标", _row("保障期限", "2020年1月--2020年11月"), TIMELINESS) == TIMELINESS  # l01 17
    # u04 27: how often the project does something is an output count, not when (issue 11-precision2: sample 39 judged
    # the move to 时效 partly); a frequency whose name states a time still says when
    frequency = _row("开展考核评价", "一个季度开展考核评价一次")
    assert gate("成本指标", frequency, TIMELINESS) is None
    assert gate("成本指标", _row("考核完成时间", "一个季度开展考核评价一次"), TIMELINESS) == TIMELINESS
    # the gate is for 时效 only: another category claimed on the same row is not held back by it
    assert gate("时效指标", _row("以最新资源面市", "资源采购期以当年为主"), "质量指标") == "质量指标"


def test_n01_recency_of_resources_stays_under_quality() -> None:
    doc = wild_doc("n01")
    row = next(ind for ind in doc.indicators if ind.level3 == "以最新资源面市")
    assert (row.line, row.level2, row.value) == (16, "质量指标", "资源采购期以当年为主")
    assert row.parsed is not None and row.parsed.kind == "qualitative"
    assert [f.line for f in findings(doc, "KPI404")] == []  # main c31d98d reported 16:8, "属于时效指标 … 0.82"
