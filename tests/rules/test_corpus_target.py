"""Family 1 (the target value) on the real corpus: the findings a reviewer expects, none where a target is good."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kpi_lint.config import Config
from kpi_lint.model import Indicator
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext, Severity
from kpi_lint.rules.context import PEERS, VAGUENESS, build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code, select_rules
from tests.corpus import CORPUS_DIR, KEYS, all_corpus_docs, corpus_doc
from tests.rules.builder import build_document

VAGUE_WORDS = ("提高", "有效", "及时", "明显提高", "逐步扩展", "保障", "可持续", "体现", "共享", "全年")


def check(key: str, code: str, **extras: Any) -> list[Finding]:
    """`code`'s findings on one corpus document, on the lexicons alone unless extras say otherwise."""
    doc = corpus_doc(key)
    rule = rule_by_code(code)
    assert rule is not None
    context = RuleContext(documents=all_corpus_docs(), extras={PEERS: None, VAGUENESS: None, **extras})
    return run_rules([doc], [rule], context)


# ---- KPI101 vague-target -------------------------------------------------------------------------------------


def test_vague_values_across_the_corpus() -> None:
    values = {f.value for key in KEYS for f in check(key, "KPI101")}
    for word in VAGUE_WORDS:
        assert any(word in (v or "") for v in values), f"no KPI101 finding on a value with {word}"
    assert {"全年", "提高", "及时", "有效", "可持续", "保障", "体现", "共享", "逐步扩展", "明显提高"} <= values


def test_vague_timeliness_in_000_suggests_a_limit_per_claim_or_a_date() -> None:
    # A subsidy enjoyed all year round is continuous work (lexicons/continuous_work.txt): a limit per claim, not a
    # completion date (issue 11-s60-fixes); a payment whose name says it is completed keeps the date.
    found = [f for f in check("000", "KPI101") if f.level3 == "城乡居民享受补助时间"]
    assert [(f.period, f.value, f.line) for f in found] == [("实施期", "全年", 1132), ("年度", "全年", 1136)]
    assert all(f.severity is Severity.WARNING and f.suggestion == "N个工作日内" for f in found)
    assert "每次办理或响应的时限" in found[0].message
    [done] = [f for f in check("000", "KPI101") if f.level3 == "遗属困难补助发放完成时间"]
    assert done.severity is Severity.WARNING and done.suggestion == "不晚于2023年N月底"
    assert "日期或期限" in done.message


def test_severity_graded_effects_are_info() -> None:
    by_value = {(f.level3, f.value): f.severity for f in check("004", "KPI101")}
    assert by_value[("困难群众看病就医方便程度", "明显提高")] is Severity.INFO
    assert by_value[("医疗救助对象覆盖范围", "逐步扩展")] is Severity.INFO
    assert by_value[("保障相关人员医疗待遇", "保障")] is Severity.WARNING
    assert by_value[("共享改革发展成果", "共享")] is Severity.WARNING
    found_002 = [f for f in check("002", "KPI101") if f.value and f.value.startswith("明显提高")]
    assert found_002 and all(f.severity is Severity.INFO for f in found_002)


def test_severity_is_error_for_quantity_quality_cost() -> None:
    doc = build_document(
        {
            "project": {
                "indicators": [
                    ["年度", "产出指标", "质量指标", "医疗救助及时性", "及时"],
                    ["年度", "产出指标", "成本指标", "运行成本", "合理"],
                    ["年度", "产出指标", "数量指标", "救助人次", "提高"],
                ]
            }
        }
    )
    rule = rule_by_code("KPI101")
    assert rule is not None
    found = run_rules([doc], [rule], RuleContext(documents=[doc]))
    assert [(f.value, f.severity) for f in found] == [("及时", Severity.ERROR), ("提高", Severity.ERROR)]


def test_no_vague_or_unit_finding_on_measurable_targets() -> None:
    doc = corpus_doc("000")
    good = [
        i
        for i in doc.indicators
        if (i.level3, i.value) in {("城乡居民基本医疗保险参保人数", "170720人"), ("城乡居民基本医疗保险参保率", "≥95%")}
    ]
    assert len(good) == 4  # both rows in both periods
    flagged = {(f.line, f.column) for f in run_rules([doc], select_rules(["KPI1"], None), RuleContext())}
    assert not any(i.span("value") in flagged or i.span("level3") in flagged for i in good)


def test_model_votes_are_explained_when_they_disagree() -> None:
    def always_specific(ind: Indicator) -> tuple[str, float]:
        return ("specific", 0.9)

    found = check("004", "KPI101", **{VAGUENESS: always_specific})
    assert len(found) == len(check("004", "KPI101"))  # the lexicon still decides
    assert all(f.explain and "词表：含糊" in f.explain and "模型：specific" in f.explain for f in found)


def test_model_alone_flags_what_the_lexicon_misses() -> None:
    def calls_comparisons_vague(ind: Indicator) -> tuple[str, float]:
        return ("vague", 0.93) if "上年" in (ind.value or "") else ("specific", 0.8)

    predictor: Callable[[Indicator], tuple[str, float]] = calls_comparisons_vague
    lexicon_only = {(f.level3, f.value) for f in check("002", "KPI101")}
    with_model = check("002", "KPI101", **{VAGUENESS: predictor})
    added = [f for f in with_model if (f.level3, f.value) not in lexicon_only]
    assert added and all("上年" in (f.value or "") for f in added)
    assert {f.value for f in added} >= {"上年度平价水平"}  # last year's level, no direction
    # …but a floor against last year's figure is checkable whatever the model says (budget_ceilings.txt 下限/基期)
    assert not {f.value for f in added} & {"大于上年度人次数", "不低于上年", "高于上年度平均水平"}
    assert all(f.explain and "未命中含糊词" in f.explain and "vague" in f.explain for f in added)
    # 数量指标 would be an error on the lexicon's word; the model alone is capped at warning.
    assert all(f.severity is Severity.WARNING for f in added if f.level2 == "数量指标")


# ---- KPI102 boilerplate-target -------------------------------------------------------------------------------


def test_003_every_table_is_one_template() -> None:
    found = check("003", "KPI102")
    assert len(found) == 11 == len(corpus_doc("003").projects)
    assert {f.project for f in found} == {p.name for p in corpus_doc("003").projects}
    assert {f.value for f in found} == {"≥95", ">90"}
    assert all("填满了" in f.message for f in found)
    assert all(check(k, "KPI102") == [] for k in ("000", "001", "002", "004"))


# ---- KPI103 missing-unit -------------------------------------------------------------------------------------


def test_003_thresholds_lack_units() -> None:
    found = check("003", "KPI103")
    assert len(found) > 50 and {f.value for f in found} <= {"≥95", ">90", "717"}
    by_name = {(f.project, f.level3): f for f in found}
    rent = next(p.name for p in corpus_doc("003").projects if "办公楼租赁费" in p.name)
    assert by_name[(rent, "租赁面积")].suggestion == "717平方米"
    # "≥95%" under 成本指标 is a value KPI104 flags (a cost target is an amount): the value checks drop it
    # (kpi_lint.rules.fitting) rather than offer a value the catalog would flag again
    assert by_name[(rent, "预算控制率")].suggestion is None
    assert by_name[(rent, "满意度")].suggestion == "≥95%"
    assert by_name[(rent, "生态影响")].suggestion is None  # no unit can be derived from a filler


def test_004_count_without_unit() -> None:
    found = check("004", "KPI103")
    assert [(f.level3, f.value, f.suggestion) for f in found] == [("2022年疫苗接种保障人数", ">437112", ">437112人")]


def test_a_spreadsheet_date_serial_is_named_as_such() -> None:
    """wild g02 (内蒙古 供销社 目标表) prints its 时效 targets as "=44,561": a spreadsheet's day number (2021-12-31)
    whose date format was lost on export — the message says which day it is, not that a unit is missing (finding
    review samples 1 and 11, partly: "应说日期损坏")."""
    doc = parse(CORPUS_DIR / "wild" / "g02_neimenggu_supplycoop_target.txt")
    rule = rule_by_code("KPI103")
    assert rule is not None
    found = run_rules([doc], [rule], RuleContext(documents=[doc], extras={PEERS: None, VAGUENESS: None}))
    dated = {(f.line, f.level3): f.message for f in found if f.value == "=44,561"}
    assert set(dated) == {(20, "项目财政资金到位时间"), (22, "工作计划按时完成时间")}
    assert all("序列号（44561 即 2021年12月31日）" in m and "不晚于2021年12月31日" in m for m in dated.values())
    assert any(f.value == "=8" and "“出差人数”以“人”计" in f.message for f in found)  # a count keeps its message


# ---- KPI104 value-type-mismatch ------------------------------------------------------------------------------


def test_a_cost_figure_without_its_money_unit() -> None:
    """wild d12 (安徽 农业 目标表) "托管服务器服务成本 | 10320/年" (two rows below: "70000元/年"): the money unit is
    what is missing; the message says so and suggests "10320元/年" rather than calling the figure a count (finding
    review sample 8, partly: "应报缺单位（元）而不是类型不符")."""
    doc = parse(CORPUS_DIR / "wild" / "d12_anhui_agri_target.txt")
    rule = rule_by_code("KPI104")
    assert rule is not None
    found = run_rules([doc], [rule], RuleContext(documents=[doc], extras={PEERS: None, VAGUENESS: None}))
    cost = [f for f in found if f.value == "10320/年"]
    assert [(f.line, f.suggestion) for f in cost] == [(21, "10320元/年")]
    assert "只有数字，没有货币单位" in cost[0].message and "计数" not in cost[0].message


def test_002_count_in_percent() -> None:
    found = [f for f in check("002", "KPI104") if f.level2 == "数量指标"]
    expected = [("资助参保人次数", "≥99%", p) for p in ("实施期", "年度")] * 2
    assert [(f.level3, f.value, f.period) for f in found] == expected
    assert all(f.suggestion == "≥N人次" for f in found)


# ---- KPI105 implausible-target -------------------------------------------------------------------------------


def test_000_rate_written_at_least_100() -> None:
    found = [f for f in check("000", "KPI105") if f.level3 == "城乡医疗救助对象参保率"]
    assert [(f.line, f.value, f.suggestion, f.severity) for f in found] == [(1804, "≥100%", "=100%", Severity.INFO)]


def test_peer_outliers_with_the_peer_index() -> None:
    docs = all_corpus_docs()
    context = build_context(docs, Config())
    context.extras[VAGUENESS] = None
    rule = rule_by_code("KPI105")
    assert rule is not None
    found = [f for f in run_rules(docs, [rule], context) if "同类指标" in f.message]
    # 002 (离石区) sets 80–85% where the other counties set 90% and more.
    assert found and {f.path for f in found} == {str(corpus_doc("002").path)}
    for f in found:
        assert f.severity is Severity.INFO and f.value and f.value.startswith("≥")
        assert f.explain and "中位数" in f.explain and f.suggestion and f.suggestion.startswith("≥")
        assert float(f.suggestion[1:-1]) > float(f.value[1:-1])


# ---- KPI106 empty-target -------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["001", "002", "003", "004"])
def test_no_empty_targets_in_well_formed_tables(key: str) -> None:
    assert check(key, "KPI106") == []


def test_000_garbled_table_values_are_not_empty_targets() -> None:
    # Issue 11: the "离干…" table's values lost their 三级指标 to the extraction (a document note
    # reports it, "无法评分（原文错乱）"); they are not reported one by one as targets without a name.
    assert check("000", "KPI106") == []


def test_a_bare_points_like_figure_on_a_qualitative_row_is_a_missing_target() -> None:
    """wild k07 (四川 交通 自评表, no 分值 column) prints "建设符合验收要求 | 20 | 20", "按期完成投资 | 10 | 10": the
    author's points in the 指标值 column. The defect is a target not written (KPI106), not a unit left out: KPI103 is
    silent on these rows and KPI106 says the figure is likely the points (finding review samples 5, 8, 9, 11, partly:
    "这是分值，不是少了单位的目标"; sample 47 close call; issue 11-followups). The satisfaction row "群众满意度 | 20"
    calls for % and stays KPI103's."""
    doc = parse(CORPUS_DIR / "wild" / "k07_sichuan_transport_regional_selfeval.txt")
    rules = [rule_by_code("KPI103"), rule_by_code("KPI106")]
    assert all(rule is not None for rule in rules)
    context = RuleContext(documents=[doc], extras={PEERS: None, VAGUENESS: None})
    found = run_rules([doc], [r for r in rules if r is not None], context)
    points = {f.level3 for f in found if f.code == "KPI106" and "多半是该行的分值" in f.message}
    assert points == {
        "建设符合验收要求",
        "按期完成投资",
        "对经济发展的促进作用",
        "基本公共服务水平",
        "交通建设符合环评审批要求",
    }
    assert {f.level3 for f in found if f.code == "KPI103"} == {"改善通行服务水平群众满意度"}
