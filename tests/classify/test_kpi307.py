"""KPI307 model-flag: the reviewer's model, wired through RuleContext.extras."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kpi_lint.classify.persist import ModelError
from kpi_lint.rules.base import RuleContext, Severity
from kpi_lint.rules.context import CUSTOM_MODEL, FLAG_LABEL
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import ROOT, corpus_doc
from tests.rules.builder import build_document

CASES = ROOT / "tests" / "rules" / "KPI307.yml"


def _rule() -> Any:
    rule = rule_by_code("KPI307")
    assert rule is not None and rule.name == "model-flag" and rule.severity is Severity.INFO
    return rule


def _extras(raw: dict[str, str] | None) -> dict[str, Any]:
    """The YAML's model paths are relative to the repository root, like a reviewer's --model in the repo."""
    if not raw:
        return {}
    return {CUSTOM_MODEL: ROOT / raw["custom_model"], FLAG_LABEL: raw["flag_label"]}


def _yaml_cases() -> list[Any]:
    spec = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert spec["rule"] == "KPI307"
    return [pytest.param(case, id=case["name"]) for case in spec["cases"]]


@pytest.mark.parametrize("case", _yaml_cases())
def test_yaml_case_with_its_model(case: dict[str, Any]) -> None:
    doc = build_document(case)
    findings = run_rules([doc], [_rule()], RuleContext(documents=[doc], extras=_extras(case.get("extras"))))
    if case["expect"] == "pass":
        assert findings == [], case["why"]
    else:
        assert len(findings) == case.get("findings", len(findings)) and findings, case["why"]
        (f,) = findings
        assert f.code == "KPI307" and f.severity is Severity.INFO
        assert f.level3 == "对稳定脱贫人口居民2023年医保个人缴费" and f.line == 110 and f.path == "case.txt"
        assert f.message.startswith("自定义模型 category.skops 将此行判为“时效指标”（概率 ")
        assert int(f.message.split("（概率 ")[1].split("%")[0]) >= 80  # 81% with the shipped model


def test_flags_templated_rows_of_003_with_probability(templated_model: Path) -> None:
    doc = corpus_doc("003")
    ctx = RuleContext(documents=[doc], extras={CUSTOM_MODEL: templated_model, FLAG_LABEL: "模板化"})
    findings = run_rules([doc], [_rule()], ctx)
    flagged = {f.level3 for f in findings}
    assert {"生态影响", "项目实现功能", "提高效率", "预算控制率"} <= flagged
    assert not {"租赁面积", "调查意外伤害案件数量", "村级卫生室数量"} & flagged
    (eco, *_) = [f for f in findings if f.level3 == "生态影响"]
    (ind, *_) = [i for i in doc.indicators if i.level3 == "生态影响"]
    assert (eco.line, eco.column) == (ind.line, ind.column)
    assert "将此行判为“模板化”（概率 9" in eco.message and "三级指标“生态影响”" in eco.message
    assert eco.explain is not None
    assert eco.explain.startswith("templated.skops（custom，标签 具体、模板化）：模板化 0.9")


def test_min_probability_option_silences_unsure_votes(templated_model: Path) -> None:
    doc = corpus_doc("003")
    extras = {CUSTOM_MODEL: templated_model, FLAG_LABEL: "模板化"}
    loose = run_rules([doc], [_rule()], RuleContext(documents=[doc], extras=extras))
    strict = run_rules(
        [doc], [_rule()], RuleContext(documents=[doc], extras=extras, options={"KPI307": {"min_probability": 0.99}})
    )
    assert strict == [] and len(loose) > 40


def test_silent_without_a_model() -> None:
    doc = corpus_doc("003")
    assert run_rules([doc], [_rule()], RuleContext(documents=[doc], extras={CUSTOM_MODEL: None})) == []


def test_model_without_flag_label_is_an_input_error(templated_model: Path) -> None:
    doc = corpus_doc("003")
    with pytest.raises(ModelError, match="请加 --flag-label"):
        run_rules([doc], [_rule()], RuleContext(documents=[doc], extras={CUSTOM_MODEL: templated_model}))


def test_rule_doc_is_user_documentation() -> None:
    doc = _rule().doc()
    for heading in ("**做什么**", "**为什么不好**", "**示例**", "**改为**"):
        assert heading in doc
