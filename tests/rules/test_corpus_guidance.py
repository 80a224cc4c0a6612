"""The checks the guidance asks for (issue 11), on real documents: the five samples and the wild set.

Each test names the document and the cell; the verdicts behind them are in the rule pages' examples.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext, Severity
from kpi_lint.rules.completeness._template import TEMPLATE_2015, TEMPLATE_2021, detect_template
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import CORPUS_DIR, corpus_doc

WILD = CORPUS_DIR / "wild"


@cache
def wild_doc(prefix: str) -> Document:
    (path,) = sorted(WILD.glob(f"{prefix}_*.txt"))
    return parse(Path(path))


def findings(doc: Document, code: str) -> list[Finding]:
    rule = rule_by_code(code)
    assert rule is not None
    return run_rules([doc], [rule], RuleContext(documents=[doc]))


def test_kpi107_003_one_finding_per_table_with_a_uniform_basis() -> None:
    found = findings(corpus_doc("003"), "KPI107")
    assert len(found) == 11  # every 目标表 of 003 gives one basis to all its rows
    first = found[0]
    assert (first.line, first.column, first.severity.value) == (1680, 2, "warning")
    assert "“合同”" in first.message and "8 行" in first.message
    question = next(f for f in found if f.line == 1824)
    assert "是否按预算完成" in question.message
    # "工作计划" is a plan standard: the same one on every row, 满意度 included, is only a hint.
    assert {f.severity.value for f in found if "工作计划" in f.message} == {"info"}


def test_kpi107_samples_without_a_basis_column_stay_clean() -> None:
    for key in ("000", "001", "002", "004"):
        assert findings(corpus_doc(key), "KPI107") == [], key


def test_kpi108_cost_floors() -> None:
    (found,) = findings(corpus_doc("001"), "KPI108")
    assert (found.line, found.value, found.period) == (750, "≥40.6元", "实施期")  # the 年度 copy stays silent
    (found,) = findings(wild_doc("d07"), "KPI108")
    assert (found.line, found.level3, found.value) == (33, "防疫室84平米", "≥1050元")


def test_kpi109_yes_no_given_a_number() -> None:
    (found,) = findings(corpus_doc("003"), "KPI109")
    assert (found.line, found.level3, found.value) == (1823, "是否全部救助", "≥90")
    (found,) = findings(wild_doc("d10"), "KPI109")
    assert (found.level3, found.value) == ("是否按时足额发放", "≥95%")


def test_kpi205_placeholders() -> None:
    goals = findings(corpus_doc("003"), "KPI205")
    assert len(goals) == 8 and all("目标内容" in f.message for f in goals)
    (hint,) = findings(wild_doc("a10"), "KPI205")
    # line 26 "受益建档立卡贫困人口数≥**人": a hint without brackets counts like one with
    assert (hint.line, hint.column) == (16, 1)
    assert "共 10 处，在第16、19、23、24、25、26、27、28、29、30行" in hint.message
    # g06 masks its unit and code ("[055]****"): its "≤****000元" is redacted, an info, the goal's "**" no place
    (stars,) = findings(wild_doc("g06"), "KPI205")
    assert (stars.line, stars.value, stars.severity) == (32, "≤****000元", Severity.INFO)
    assert "第18行“[055]****”" in stars.message and "无法核查" in stars.message and "共 " not in stars.message
    # c08 "苗木成活率(≥**%) | 85", t01 "公猪舍(≥**平方米) | 22.8": carry the hint's comparator and unit into the value
    (carry,) = findings(wild_doc("c08"), "KPI205")
    assert (carry.line, carry.suggestion, carry.severity) == (18, "≥85%", Severity.WARNING)
    assert "共 2 处，在第18、20行" in carry.message and "未写实" not in carry.message
    (carry,) = findings(wild_doc("t01"), "KPI205")
    assert (carry.line, carry.suggestion) == (143, "≥22.8平方米") and "共 19 处" in carry.message
    for key in ("000", "001", "002", "004"):
        assert findings(corpus_doc(key), "KPI205") == [], key


def test_kpi308_003_goal_written_three_times() -> None:
    (found,) = findings(corpus_doc("003"), "KPI308")
    assert (found.line, found.column) == (1806, 2)
    assert "提高困难群众就医保障" in found.message and "3 遍" in found.message


def test_kpi408_counts_and_rates_under_effects() -> None:
    found = findings(corpus_doc("003"), "KPI408")
    assert [(f.line, f.level3) for f in found] == [
        (1849, "提供服务次数"),
        (2140, "创新工作完成率"),
        (2289, "创新工作完成率"),
    ]
    assert findings(corpus_doc("002"), "KPI408") == []  # 参保重要政策知晓率 is an effect


def test_kpi409_staff_surveyed_as_service_objects() -> None:
    assert [(f.line, f.level3) for f in findings(corpus_doc("002"), "KPI409")] == [(952, "单位人员满意度")]
    assert [(f.line, f.level3) for f in findings(corpus_doc("000"), "KPI409")] == [(3014, "工作人员满意度")]
    assert findings(corpus_doc("004"), "KPI409") == []


def test_kpi410_002_top_project_six_rows_against_nineteen() -> None:
    found = findings(corpus_doc("002"), "KPI410")
    top = next(f for f in found if f.project == "2023年中央财政医疗服务与保障能力提升补助资金")
    assert "实施期共 6 行，年度共 19 行" in top.message and "成本指标 实施期 0 行、年度 6 行" in top.message
    assert findings(corpus_doc("001"), "KPI410") == []
    # 000: the 年度 column splits 11335人 into 371 + 8814 + 353 + 1797 人 — same total, only a hint.
    split = [f for f in findings(corpus_doc("000"), "KPI410") if f.line in (1314, 1531, 1776)]
    assert len(split) == 3 and {f.severity.value for f in split} == {"info"}


def test_kpi406_samples_dates_within_their_year() -> None:
    for key in ("000", "001", "002", "003", "004"):
        assert findings(corpus_doc(key), "KPI406") == [], key
    assert findings(wild_doc("c08"), "KPI406") == []  # 项目期 2022年3月-2023年11月, 完成时间 2023年底


def test_funds_source_labels_take_their_period_by_order() -> None:
    """corpus/wild/g06: "中期资金总额: | 170.00 | 年度资金总额: | 340.00" over "其中:财政拨款 | 170.00 |
    其中:财政拨款 | 340.00" — the k-th source label belongs to the k-th period, so no funds mismatch."""
    (project,) = wild_doc("g06").projects
    fiscal = {f.period: f.amount for f in project.funds if f.source == "财政拨款"}
    assert fiscal == {"中期": 170.0, "年度": 340.0}
    assert findings(wild_doc("g06"), "KPI407") == []


def test_template_detected_from_the_table() -> None:
    assert detect_template(corpus_doc("002").projects[0]) is TEMPLATE_2015
    # 004 prints "成本指标 | 成本指标 | 未填报": the older template, whatever its 一级 column says.
    assert {detect_template(p) for p in corpus_doc("004").projects} == {TEMPLATE_2015}
    # corpus/wild/f01 (湖南疾控): 成本指标 → 经济成本指标 "疾病预防控制中心经费 ≤70万元".
    (f01,) = wild_doc("f01").projects
    assert detect_template(f01) is TEMPLATE_2021
    assert findings(wild_doc("f01"), "KPI201") == []
