"""Suggestions pass the catalog's own value checks before they are offered (kpi_lint.rules.fitting), on wild files."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]


def _findings(name: str, code: str) -> list[Finding]:
    doc = parse(ROOT / "corpus" / "wild" / name)
    rules = [r for r in all_rules() if r.code == code]
    return run_rules([doc], rules, RuleContext(documents=[doc]))


def _at(found: list[Finding], line: int) -> Finding:
    return next(f for f in found if f.line == line)


def test_a_satisfaction_asked_as_yes_no_is_not_offered_yes() -> None:
    found = _findings("p02_shanxi_medinsurance_selfeval.txt", "KPI109")
    satisfied = next(f for f in found if f.level3 == "指标1:是否满意")
    assert satisfied.suggestion is None  # "是" under 满意度 is what KPI104 flags
    assert "保留百分比目标" in satisfied.message
    assert next(f for f in found if f.level3 == "指标1:资金是否全部纳入医保统筹").suggestion == "是"  # under 质量
    assert (
        next(f for f in found if f.level3 == "指标1:资金是否全部及时纳入").suggestion is None
    )  # "是" under 时效: KPI104


def test_a_rate_printed_1_takes_the_rows_printed_percentage() -> None:
    found = _findings("b06_fujian_chronicles_dept_target.txt", "KPI103")
    assert _at(found, 39).suggestion == "90%"  # "90%(计划标准)" in the row's other column
    assert _at(found, 40).suggestion == "100%"  # "100%(计划标准)"
    assert _findings("e08_anhui_disabled_target.txt", "KPI103")[0].suggestion is None  # nothing beside "1"


def test_a_points_table_offers_no_percentage() -> None:
    found = _findings("k07_sichuan_transport_regional_selfeval.txt", "KPI103")
    row = _at(found, 136)
    assert row.suggestion is None
    assert "像是各行的分值" in row.message
