"""The score formula on hand-made projects: shares, penalties, caps, weights, grades, attribution."""

from __future__ import annotations

import pytest

from kpi_lint.rules.base import Severity
from kpi_lint.score import Dimension, ScoreConfig, score_documents
from kpi_lint.score.config import config_from_table
from tests.score.handmade import GOOD_ROWS, document, finding, project

NO_COST = [r for r in GOOD_ROWS if r[2] != "成本指标"]


def test_clean_project_scores_100_and_grade_you() -> None:
    report = score_documents([document(project(GOOD_ROWS))], [])
    (score,) = report.projects
    assert score.total == 100.0 and score.grade == "优"
    assert all(d.score == 100.0 and not d.penalties for d in score.dimensions.values())


def test_penalties_are_capped_per_code_and_mapped_to_their_dimension() -> None:
    doc = document(project(GOOD_ROWS))
    findings = [finding(doc, "KPI101", row=i) for i in range(6)]  # 6 × 4 = 24 points, cap 20
    findings.append(finding(doc, "KPI302", row=0))  # 一致性, 2 points
    (score,) = score_documents([doc], findings).projects
    measurability = score.dimensions[Dimension.MEASURABILITY]
    (line,) = measurability.penalties
    assert (line.code, line.count, line.raw, line.applied) == ("KPI101", 6, 24.0, 20.0)
    assert measurability.score == 80.0
    assert score.dimensions[Dimension.CONSISTENCY].score == 98.0
    assert score.total == pytest.approx((25 * 100 + 30 * 80 + 25 * 100 + 20 * 98) / 100)


def test_info_findings_count_half() -> None:
    doc = document(project(GOOD_ROWS))
    findings = [finding(doc, "KPI101", row=6, severity=Severity.INFO)]
    (score,) = score_documents([doc], findings).projects
    assert score.dimensions[Dimension.MEASURABILITY].score == 98.0


def test_relevance_caps_sum_to_90_and_dimensions_clamp_at_zero() -> None:
    doc = document(project(GOOD_ROWS))
    codes = ["KPI102", "KPI104", "KPI105", "KPI203", "KPI402", "KPI404"]  # caps 15+15+12+20+16+12 = 90
    findings = [finding(doc, code, row=i % 8) for code in codes for i in range(5)]
    (score,) = score_documents([doc], findings).projects
    assert score.dimensions[Dimension.RELEVANCE].score == 10.0
    filler = [["实施期", "效益指标", "生态效益指标", "生态影响", "≥95"]] * 3  # relevance share 0
    doc = document(project(filler))
    (score,) = score_documents([doc], [finding(doc, "KPI203", row=0)]).projects
    assert score.dimensions[Dimension.RELEVANCE].score == 0.0


def test_unknown_code_counts_by_its_family() -> None:
    doc = document(project(GOOD_ROWS))
    (score,) = score_documents([doc], [finding(doc, "KPI599", row=2), finding(doc, "KPI199", row=1)]).projects
    assert score.dimensions[Dimension.CONSISTENCY].score == 98.0  # KPI5xx: 2 points on 一致性
    assert score.dimensions[Dimension.MEASURABILITY].score == 98.0  # KPI1xx: 可衡量性


def test_project_with_cost_indicators_beats_the_same_project_without() -> None:
    with_cost = document(project(GOOD_ROWS, name="有成本"), path="a.txt")
    without = document(project(NO_COST, name="无成本"), path="b.txt")
    findings = [finding(without, "KPI201")]  # what the rule reports for the second one
    report = score_documents([with_cost, without], findings)
    a, b = report.projects
    assert a.total == 100.0
    assert b.dimensions[Dimension.COMPLETENESS].score == pytest.approx(100 * 6 / 7 - 15)
    assert a.total - b.total == pytest.approx(0.25 * (100 - (100 * 6 / 7 - 15)))
    # the measured share alone already orders them, without any finding
    a0, b0 = score_documents([with_cost, without], []).projects
    assert a0.total > b0.total


def test_weights_and_bands_from_settings() -> None:
    doc = document(project(GOOD_ROWS))
    findings = [finding(doc, "KPI101", row=i) for i in range(5)]  # measurability 80
    cfg = config_from_table(
        {"weights": {"可衡量性": 100, "完整性": 0, "相关性": 0, "一致性": 0}, "bands": {"A": 85, "B": 0}}
    )
    (score,) = score_documents([doc], findings, cfg).projects
    assert (score.total, score.grade) == (80.0, "B")
    cfg = config_from_table({"penalties": {"KPI101": {"points": 1}}})
    (score,) = score_documents([doc], findings, cfg).projects
    assert score.dimensions[Dimension.MEASURABILITY].score == 95.0


@pytest.mark.parametrize(
    ("total", "grade"),
    [(90.0, "优"), (89.96, "优"), (89.94, "良"), (80, "良"), (79.9, "中"), (60, "中"), (59.9, "差"), (0, "差")],
)
def test_default_bands(total: float, grade: str) -> None:
    assert ScoreConfig().grade(round(total, 1)) == grade


def test_findings_go_to_the_right_namesake_and_document_codes_to_the_document() -> None:
    doc = document(project(GOOD_ROWS, name="同名项目"), project(NO_COST, name="同名项目"))
    first, second = doc.projects
    findings = [
        finding(doc, "KPI101", project=1, row=2),
        finding(doc, "KPI204"),  # declared-count-mismatch: about the document
    ]
    report = score_documents([doc], findings)
    assert [len(s.findings) for s in report.projects] == [0, 1]
    assert report.projects[1].project is second and first.line < second.line
    assert [f.code for f in report.document_findings[doc.path]] == ["KPI204"]
