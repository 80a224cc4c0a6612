"""KPI105 on a rate over 100% whose leading "2" is a misread "≥" (wild e02's preview): the message says so."""

from __future__ import annotations

from kpi_lint.config import Config
from kpi_lint.parse import parse
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import CORPUS_DIR


def test_a_rate_over_100_that_reads_as_a_misread_sign_says_so() -> None:
    doc = parse(CORPUS_DIR / "wild" / "e02_hunan_grain_selfeval.txt")
    rule = rule_by_code("KPI105")
    assert rule is not None
    found = [f for f in run_rules([doc], [rule], build_context([doc], Config())) if "290%" in f.message]
    assert [(f.line, f.column, f.suggestion) for f in found] == [(5, 55, "≥90%")]
    assert "若原表写的是“≥90%”，是“≥”被识别成了“2”" in found[0].message
