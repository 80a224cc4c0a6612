"""KPI106 on a name that states only a direction (wild g08's prose table): the message names the vague word."""

from __future__ import annotations

from kpi_lint.config import Config
from kpi_lint.parse import parse
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import CORPUS_DIR


def test_an_empty_target_whose_name_says_only_a_direction_names_the_word() -> None:
    doc = parse(CORPUS_DIR / "wild" / "g08_ningxia_township_target.txt")
    rule = rule_by_code("KPI106")
    assert rule is not None
    found = run_rules([doc], [rule], build_context([doc], Config()))
    messages = {f.message.split("：", 1)[0] for f in found}
    assert "三级指标“生态修复功能提高”没有填写指标值（名称里的“提高”只说了方向，不是目标）" in messages
    assert "三级指标“持续发展”没有填写指标值（名称里的“持续”只说了方向，不是目标）" in messages
