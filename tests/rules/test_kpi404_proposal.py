"""KPI404 carries the category it proposes (Finding.moves_to): what it says and what KPI202 reads."""

from __future__ import annotations

from kpi_lint.config import Config
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.vocab import SATISFACTION
from tests.rules.builder import build_document


def test_a_satisfaction_measure_is_proposed_for_satisfaction_whatever_its_subject() -> None:
    # wild l02 / c01: the category model reads 空气质量 and says 生态效益 (0.96); the row measures satisfaction.
    doc = build_document(
        {
            "project": {
                "indicators": [
                    [None, "效益指标", "社会效益指标", "服务周期内,市民对空气质量改善的满意程度", "85%"],
                ]
            }
        }
    )
    rule = rule_by_code("KPI404")
    assert rule is not None
    findings = run_rules([doc], [rule], build_context([doc], Config(), [rule]))
    assert [f.moves_to for f in findings] == [SATISFACTION]
    assert "请移到服务对象满意度指标" in findings[0].message
    assert "moves_to" not in findings[0].to_dict()  # data between rules, not a field of the record
