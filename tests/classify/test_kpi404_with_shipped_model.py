"""KPI404 with the category model shipped in models/: fires on a misfiled deadline, not on a rate."""

from __future__ import annotations

from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import corpus_doc


def _kpi404(key: str) -> list[Finding]:
    rule = rule_by_code("KPI404")
    assert rule is not None
    doc = corpus_doc(key)
    return run_rules([doc], [rule], RuleContext(documents=[doc]))


def test_fires_on_004_deadline_filed_under_quality() -> None:
    found = [f for f in _kpi404("004") if f.value == "5月底之前"]
    assert len(found) == 1
    finding = found[0]
    assert (finding.level2, finding.level3) == ("质量指标", "对稳定脱贫人口居民2023年医保个人缴费")
    assert (finding.line, finding.column) == (729, 4)
    assert "时效指标" in finding.message and "分类模型" in finding.message
    assert finding.explain is not None and "置信度" in finding.explain


def test_silent_on_000_participation_rate_under_quality() -> None:
    assert not [f for f in _kpi404("000") if f.level3 == "城乡居民基本医疗保险参保率"]
