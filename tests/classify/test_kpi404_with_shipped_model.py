"""KPI404 with the category model shipped in models/: fires on a misfiled deadline, not on a rate."""

from __future__ import annotations

import pytest

from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.consistency import kpi404_misfiled_indicator
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import KEYS, corpus_doc


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


def test_corpus_findings_with_the_shipped_model() -> None:
    found = {(key, f.line, f.level3, f.value) for key in KEYS for f in _kpi404(key)}
    assert found == {
        ("001", 722, "城乡居民住院就医报销比", "≥70%"),  # a ratio under 数量指标
        ("001", 725, "城乡居民住院就", "≥70%"),  # the same row, its name cut by the extraction
        # Not 002's 政策知晓率 filed as satisfaction: the model says 社会效益 with 0.77 only, below 0.8 (its
        # 一级, 满意度指标, pulls the other way); `check` still reports it from the peers
        # (tests/rules/test_kpi404_peers.py).
        # 003's template effect rows: 提高效率 filed under 经济效益 (corpus/labels/categories.csv keeps it
        # there: an efficiency gain can be read as economic) → 社会效益, doubtful; 社会影响力 under 可持续影响.
        ("003", 1705, "提高效率", "≥95"),
        ("003", 1842, "提高效率", ">90"),
        ("003", 1934, "社会影响力", "≥95"),
        ("003", 2360, "提高效率", "≥95"),
        ("003", 2431, "提高效率", "≥95"),
        ("004", 654, "医药费报销完成率", "=100%"),
        ("004", 727, "对稳定脱贫人口居民2023年医保个人缴费", "=175元/人"),  # a per-head amount: 成本指标
        ("004", 729, "对稳定脱贫人口居民2023年医保个人缴费", "5月底之前"),
        ("004", 835, "保险缴纳达标率", "=100%"),
    }


def test_labels_the_model_predicts_poorly_are_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """Moves into 经济效益 / 可持续影响 (card precision 0.55 / 0.53, cross-validated by document) stay silent;
    raising the bar silences more."""
    labels = {f.message.split("看起来属于")[1].split("（")[0] for key in KEYS for f in _kpi404(key)}
    assert labels.isdisjoint({"经济效益指标", "可持续影响指标"})
    monkeypatch.setattr(kpi404_misfiled_indicator, "load_label_precision", lambda: {"时效指标": 0.5})
    assert not [f for f in _kpi404("004") if f.value == "5月底之前"]
