"""KPI404's thresholds calibrated on out-of-fold predictions (kpi_lint.classify.calibration, issue 11s)."""

from __future__ import annotations

from kpi_lint.classify.calibration import NEVER, Call, calibrate, threshold_for
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.consistency.kpi404_misfiled_indicator import MisfiledIndicator, calibration_gate
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import corpus_doc


def _call(predicted: str, probability: float, right: bool) -> Call:
    truth = predicted if right else "数量指标"
    return Call("x", "名称", "1", "数量指标", predicted, predicted, probability, truth)


def test_smallest_threshold_reaching_the_target_with_enough_calls() -> None:
    # 质量: 10 calls at ≥ 0.9, 9 right (0.90); two more wrong at 0.6 and 0.7 pull the lower thresholds below 0.9.
    quality = [_call("质量指标", 0.9 + 0.005 * i, i != 0) for i in range(10)]
    quality += [_call("质量指标", 0.6, False), _call("质量指标", 0.7, False)]
    rare = [_call("时效指标", 0.99, False)]  # too few calls for a threshold of its own
    cal = calibrate(quality + rare)
    assert cal.per_label["质量指标"] == 0.71
    assert "时效指标" not in cal.per_label
    assert cal.overall is None  # pooled, 时效's wrong call at 0.99 keeps every threshold below 0.9 with 10+ calls
    card = cal.to_dict()
    assert threshold_for(card, "质量指标") == 0.71
    assert threshold_for(card, "时效指标") == NEVER  # the overall threshold: none reaches the target


def test_a_label_that_never_reaches_the_target_is_never_claimed() -> None:
    calls = [_call("社会效益指标", 0.95, i % 2 == 0) for i in range(12)]
    cal = calibrate(calls).to_dict()
    assert cal["per_label"] == {"社会效益指标": None}
    assert threshold_for(cal, "社会效益指标") == NEVER


def test_the_gate_is_the_rule_bar_the_probability() -> None:
    gate = calibration_gate({})
    row = {"level1": "产出指标", "level3": "对稳定脱贫人口居民2023年医保个人缴费", "value": "5月底之前", "kind": "date"}
    assert gate("质量指标", row, "时效指标") == "时效指标"
    assert gate("时效指标", row, "时效指标") is None  # filed where the model puts it
    # a completion rate under 数量 fits where it was filed (lexicons/completion_words.txt)
    rate = {"level1": "产出指标", "level3": "医药费报销完成率", "value": "=100%", "kind": "percent"}
    assert gate("数量指标", rate, "质量指标") is None
    # a row under 可持续影响 is not moved to another 效益 by its subject
    lasting = {"level1": "效益指标", "level3": "社会影响力", "value": "≥95", "kind": "number"}
    assert gate("可持续影响指标", lasting, "社会效益指标") is None
    assert calibration_gate({"时效指标": 0.5})("质量指标", row, "时效指标") is None  # below min_label_precision


def test_shipped_card_calibration_is_read_only_when_asked() -> None:
    """The shipped card's calibration finds no threshold (train + dev out-of-fold moves are ~0.5 right), so with
    `use_calibration` the model alone moves nothing; by default the rule keeps `min_probability` 0.8."""
    rule = rule_by_code("KPI404")
    assert rule is not None
    doc = corpus_doc("003")

    def deadline(options: dict[str, object]) -> list[str]:  # "就否按时救助 >90" under 质量 (on time: 时效)
        context = RuleContext(documents=[doc], options={"KPI404": options} if options else {})
        return [f.message for f in run_rules([doc], [rule], context) if f.level3 == "就否按时救助" and f.line == 1828]

    assert len(deadline({})) == 1
    assert deadline({"use_calibration": True}) == []
    assert len(deadline({"use_calibration": True, "min_probability": 0.8})) == 1  # a configured threshold wins
    assert (
        MisfiledIndicator(RuleContext(options={"KPI404": {"use_calibration": True}})).min_probability("时效指标")
        == NEVER
    )
