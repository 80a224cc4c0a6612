"""The measured shares of the four dimensions, on hand-made projects."""

from __future__ import annotations

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.score.dimensions import (
    measure_completeness,
    measure_consistency,
    measure_measurability,
    measure_relevance,
)
from tests.score.handmade import GOOD_ROWS, document, project

LEX = load_lexicon()


def test_good_project_measures_full_everywhere() -> None:
    proj = document(project(GOOD_ROWS)).projects[0]
    assert measure_completeness(proj, LEX).share == 1.0
    assert measure_measurability(proj, LEX).share == 1.0
    assert measure_relevance(proj, LEX).share == 1.0
    consistency = measure_consistency(proj, LEX)
    assert (consistency.share, consistency.possible) == (1.0, 1.0)  # the cost breakdown adds up: one check


def test_completeness_counts_cost_only_with_money() -> None:
    rows = [r for r in GOOD_ROWS if r[2] != "成本指标"] + [["实施期", "产出指标", "成本指标", "预算执行", "≥95"]]
    m = measure_completeness(document(project(rows)).projects[0], LEX)
    assert (m.measured, m.possible) == (6.0, 7.0)  # 5 categories + 立项依据 of 6 + 1
    assert [n.text for n in m.notes] == ["没有以金额表示的成本指标"]


def test_completeness_basis_of_target_table_is_per_row() -> None:
    rows = [
        {"level2": "数量指标", "level3": "服务器数量", "value": "≥2台", "basis": "工作计划"},
        {"level2": "质量指标", "level3": "正常使用率", "value": "≥95%"},
    ]
    m = measure_completeness(document(project(rows, form="目标表")).projects[0], LEX)
    assert (m.measured, m.possible) == pytest.approx((2.5, 7.0))  # 数量 + 质量 filled, basis on 1 of 2 rows


def test_measurability_credits() -> None:
    rows = [
        ["实施期", "产出指标", "数量指标", "a", "≥2次"],  # 1
        ["实施期", "产出指标", "质量指标", "b", "≥95"],  # 0.5: no unit
        ["实施期", "产出指标", "时效指标", "c", "每月"],  # 0.5: date word without a number
        ["实施期", "产出指标", "时效指标", "g", "全年"],  # 0: the value parser reads it as qualitative, vague
        ["实施期", "效益指标", "社会效益指标", "d", "明显提高"],  # 0.5: graded wording
        ["实施期", "效益指标", "社会效益指标", "e", "提高"],  # 0
        ["实施期", "产出指标", "时效指标", "f", "不晚于6月底"],  # 1
    ]
    m = measure_measurability(document(project(rows)).projects[0], LEX)
    assert (m.measured, m.possible) == (3.5, 7.0)
    assert len(m.notes) == 5


def test_relevance_flags_filler_process_and_wrong_kind() -> None:
    rows = [
        ["实施期", "产出指标", "数量指标", "资助参保人次数", "≥99%"],  # a count in %
        ["实施期", "产出指标", "数量指标", "住院救助人次数", "大于上年度人次数"],  # words: measurability only
        ["实施期", "产出指标", "成本指标", "预算执行率", "100%"],  # process measure
        ["实施期", "效益指标", "生态效益指标", "生态影响", "≥95"],  # filler
        ["实施期", "产出指标", "时效指标", "完成时间", "不晚于6月底"],  # fits
    ]
    m = measure_relevance(document(project(rows)).projects[0], LEX)
    assert (m.measured, m.possible) == (2.0, 5.0)
    reasons = " ".join(n.text for n in m.notes)
    assert "预算过程指标" in reasons and "类别名或空话" in reasons and "数量指标不符" in reasons


class _Peers:
    """A peer index that finds one value implausible (the clustering module's interface)."""

    def outlier(self, indicator: object) -> object:
        return getattr(indicator, "value", None) == "≥10000份"


def test_relevance_uses_the_peer_index_when_given() -> None:
    proj = document(project(GOOD_ROWS)).projects[0]
    m = measure_relevance(proj, LEX, _Peers())
    assert (m.measured, m.possible) == (7.0, 8.0)
    assert "同类项目" in m.notes[0].text and "同类项目" in m.basis


def test_consistency_cost_breakdown_against_funds() -> None:
    rows = [r for r in GOOD_ROWS if r[3] != "印刷费"] + [["实施期", "产出指标", "成本指标", "印刷费", "45000元"]]
    m = measure_consistency(document(project(rows)).projects[0], LEX)
    assert m.share == pytest.approx(1 - 75000 / 150000)  # 75,000 of 150,000 元 accounted for
    assert "75,000" in m.notes[0].text


def test_consistency_ignores_unit_prices_and_single_amounts() -> None:
    unit_price = [r for r in GOOD_ROWS if r[2] != "成本指标"] + [
        ["实施期", "产出指标", "成本指标", "宣传资料单位成本", "10元/份"],
        ["实施期", "产出指标", "成本指标", "稽查费", "100000元"],
    ]
    single = [r for r in GOOD_ROWS if r[3] != "印刷费"]
    for rows in (unit_price, single):
        m = measure_consistency(document(project(rows)).projects[0], LEX)
        assert (m.share, m.possible) == (1.0, 0.0)


def test_consistency_periods_of_a_one_year_project() -> None:
    rows = [
        ["实施期", "产出指标", "成本指标", "贫困人口参保县级财政人均补助", "134元"],
        ["年度", "产出指标", "成本指标", "贫困人口参保县级财政人", "34元"],  # truncated name: still a pair
        ["实施期", "产出指标", "数量指标", "参保人数", "19141人"],
        ["年度", "产出指标", "数量指标", "参保人数", "19141人"],
    ]
    proj = document(project(rows, funds=[])).projects[0]
    assert measure_consistency(proj, LEX).share == 0.5
    proj.duration = None  # a multi-year project may change its values from year to year
    assert measure_consistency(proj, LEX).possible == 0.0
