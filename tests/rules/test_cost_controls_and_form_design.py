"""The causes sample 53 found, on the wild documents it found them in (issue 11-s53-fixes).

Each document is checked by the whole catalog in the context `kpi-lint check` builds (the shipped classifiers, one
rule deferring to another), so what is asserted is what a reviewer reads.
"""

from __future__ import annotations

from functools import cache

from kpi_lint.config import Config
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, Severity
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from tests.corpus import CORPUS_DIR


@cache
def _checked(name: str) -> tuple[Finding, ...]:
    doc = parse(CORPUS_DIR / "wild" / name)
    return tuple(run_rules([doc], list(all_rules()), build_context([doc], Config())))


def _at(name: str, code: str, line: int) -> list[Finding]:
    return [f for f in _checked(name) if f.code == code and f.line == line]


def test_a_per_diem_cost_that_lost_its_yuan_is_read_as_a_price() -> None:
    """c06 (四川 甘孜 市场监管): "检查差旅费 | 470 | 人/天", "培训费 | 320 | 人/天" under 成本 — per-diem standards
    with 元 left out (sample 53, partly: called a count, offered "≤N元")."""
    found = [f for f in _checked("c06_sichuan_marketreg_target.txt") if f.code == "KPI104" and f.level2 == "成本指标"]
    assert [(f.line, f.suggestion, f.severity) for f in found] == [
        (8, "470元/人·天", Severity.WARNING),
        (9, "320元/人·天", Severity.WARNING),
    ]
    assert all("只有数字和计量单位，没有货币单位" in f.message and "计数" not in f.message for f in found)


def test_a_price_bounded_by_the_market_price_is_a_checkable_cost_control() -> None:
    """j07 (宁夏 种薯 自评表) "种薯采购价格不高于市场价 | 是" (sample 53, partly; sample 49 the same)."""
    [found] = _at("j07_ningxia_agri_selfeval.txt", "KPI104", 5)
    assert found.severity == Severity.INFO
    assert "是可核查的成本控制目标（以参照价格或标准为上限），但没有写出成本金额" in found.message
    assert "与成本指标不符" not in found.message


def test_a_price_bounded_by_the_set_price_stays_under_cost() -> None:
    """f02 (宁夏 疾控 批复表) "成本指标 | 按照物价部门定价标准采购 | 100%": KPI404 no longer moves it to 质量 (sample 53
    and 48, partly); KPI104 asks for the amount, at info level."""
    assert not _at("f02_ningxia_cdc_approval.txt", "KPI404", 38)
    [found] = _at("f02_ningxia_cdc_approval.txt", "KPI104", 40)
    assert (found.level3, found.value, found.severity) == ("按照物价部门定价标准采购", "100%", Severity.INFO)
    assert "可核查的成本控制目标" in found.message


def test_an_economic_to_social_move_of_a_percentage_is_a_hint() -> None:
    """x01 (重庆 乡镇 党建) "经济效益指标 | 改善了农民生产生活条件 | 100%" → 社会效益: a hint like j01's opposite
    move of a worded value (sample 53, partly)."""
    [found] = _at("x01_chongqing_township_partybuilding_target.txt", "KPI404", 40)
    assert found.severity == Severity.INFO
    assert "也可归入社会效益指标" in found.message and "指标值不是金额时两种归法常都说得通" in found.message
    assert "请移到" not in found.message  # a hint offers the other category, it asks for no move
    [worded] = _at("j01_hunan_specialedu_target.txt", "KPI404", 45)  # "残疾学生家庭负担率 | 有所减轻"
    assert worded.severity == Severity.INFO


def test_a_form_that_prints_no_satisfaction_row_is_noted_as_its_design() -> None:
    """w02 (湖北 文物保护): 年度绩效总目标 prints 产出指标 and 效益指标 rows only (sample 53, partly); w03 (海南
    规划展览馆, 产出 / 成效) is the same kind of form."""
    for name in ("w02_hubei_relics_target_prosecells.txt", "w03_hainan_exhibitionhall_target_traditional.txt"):
        [found] = [f for f in _checked(name) if f.code == "KPI202" and f.level2 == "服务对象满意度指标"]
        assert found.severity == Severity.INFO, name
        assert "表式只设产出、效益两栏一级指标，没有满意度一栏（表式如此，不是填报遗漏）" in found.message
