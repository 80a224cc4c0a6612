"""Family 5 (self-evaluation) on 004, the corpus's 自评表: the findings a reviewer must get, and must not."""

from __future__ import annotations

from typing import Any

from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import corpus_doc

WORK_FUND = "城乡居民医疗保险工作经费"
MEDICAL_AID = "城乡医疗救助本级补助"
VETERANS = "离休干部、新中国成立前老工人等补贴"
SERVICE_POINT = "全国医疗保障服务示范点工作经费"
POVERTY = "稳定脱贫人口居民医保个人缴费资助和困难人群医保慢性病、“两病”门诊兜底救助"
VACCINE = "新冠病毒疫苗及接种费用县级财政补助资金"
AGENCY = "医疗救助代办服务费"
LONG_TERM_CARE = "长期护理保险财政补助资金"


def findings(code: str, key: str = "004", **options: Any) -> list[Finding]:
    rule = rule_by_code(code)
    assert rule is not None
    doc = corpus_doc(key)
    context = RuleContext(documents=[doc], options={code: options} if options else {})
    return run_rules([doc], [rule], context)


def test_declarations_have_no_self_evaluation_findings() -> None:
    for code in ("KPI501", "KPI502", "KPI503", "KPI504", "KPI505", "KPI506"):
        for key in ("000", "001", "002", "003"):
            assert findings(code, key) == [], (code, key)


# -- KPI501 score-inflation ----------------------------------------------------------------------


def test_kpi501_full_scores_on_missed_targets() -> None:
    found = {(f.project, f.level3): f for f in findings("KPI501")}
    assert set(found) == {
        (WORK_FUND, "宣传资料印刷份数"),  # ≥2万份 → ≥0.71万份, 5 of 5
        (WORK_FUND, "涉及乡镇个数"),  # =16家 → =15家
        (WORK_FUND, "临时人员人数"),  # ≥27人 → ≥23人
        (MEDICAL_AID, "资助参保人数"),  # ≥7851人 → ≥150人
        (MEDICAL_AID, "住院救助人次"),  # ≥4524人次 → ≥3109人次
        (SERVICE_POINT, "购置办公设备种类"),  # ≥11种 → ≥5种
        (POVERTY, "低保人员人数"),  # ≥6369人 → ≥6027人
        (POVERTY, "防返贫致贫检测对象人数"),  # ≥390人 → ≥364人
        (VACCINE, "2022年疫苗接种保障人数"),  # 调整后 >437112人 → >266901人
    }
    leaflets = found[(WORK_FUND, "宣传资料印刷份数")]
    assert leaflets.suggestion == "1.78"  # 0.71 / 2 × 5
    assert (leaflets.line, leaflets.column) == (576, 41)  # the 得分 cell
    assert found[(MEDICAL_AID, "资助参保人数")].suggestion == "0.11"


def test_kpi501_met_targets_and_upper_bounds_pass() -> None:
    flagged = {f.level3 for f in findings("KPI501")}
    assert "享受待遇人数" not in flagged  # ≤35人 met by ≤22人
    assert "门诊救助人次" not in flagged  # ≥19351 exceeded by ≥22665
    assert "购置办公设备数量" not in flagged  # ≥51台/套 exceeded by ≥55台/套
    assert "疫苗接种配套资金上交时间" not in flagged  # scored 5 of 10, not full


# -- KPI502 unmeasured-actual --------------------------------------------------------------------


def test_kpi502_phrases_as_actuals() -> None:
    found = findings("KPI502")
    assert len(found) == 32
    assert {f.project for f in found} == {p.name for p in corpus_doc("004").projects}
    timing = next(f for f in found if f.level3 == "医疗救助时间")
    assert timing.project == MEDICAL_AID and "“每月”" in timing.message
    assert (timing.line, timing.column) == (618, 22)  # the 实际完成值 cell
    phrases = {f.message.split("（")[1].split("）")[0] for f in found}
    assert {"达成预期指标", "部分达成预期指标", "部分达成预期指标并具有一定效果"} <= phrases


def test_kpi502_measured_actuals_pass() -> None:
    flagged = {(f.project, f.level3) for f in findings("KPI502")}
    assert (MEDICAL_AID, "门诊救助人次") not in flagged  # ≥22665人次
    assert (VACCINE, "疫苗接种覆盖率") not in flagged  # =100%


# -- KPI503 total-score-mismatch -----------------------------------------------------------------


def test_kpi503_totals_that_do_not_add_up() -> None:
    found = {f.project: f for f in findings("KPI503")}
    assert set(found) == {WORK_FUND, LONG_TERM_CARE}
    wages = found[WORK_FUND]
    assert (wages.line, wages.column, wages.suggestion) == (586, 10, "88.67")  # 80 + 8.67, printed 93.67
    care = found[LONG_TERM_CARE]
    assert care.suggestion == "80" and "保险缴纳时间" in care.message  # its 时效 row prints no 得分


# -- KPI504 weight-sum ---------------------------------------------------------------------------


def test_kpi504_weights_not_100() -> None:
    found = {f.project: f for f in findings("KPI504")}
    assert set(found) == {WORK_FUND, LONG_TERM_CARE}
    assert "合计 95" in found[WORK_FUND].message
    assert "成本 10" in found[WORK_FUND].message and "预算执行 10" in found[WORK_FUND].message
    assert "合计 90" in found[LONG_TERM_CARE].message  # no 成本指标 row at all


def test_kpi504_execution_weight_is_an_option() -> None:
    # With execution weighted 15, only the 95-point table reaches 100 … and the others overshoot.
    flagged = {f.project for f in findings("KPI504", execution_weight=15)}
    assert WORK_FUND not in flagged
    assert MEDICAL_AID in flagged


# -- KPI505 grade-mismatch -----------------------------------------------------------------------


def test_kpi505_004_grades_match_their_totals() -> None:
    # 93.67 优, 95 优, 95 优, 90.67 优, 87.22 良, 90 优, 90.19 优, 95 优
    assert findings("KPI505") == []


def test_kpi505_bands_are_options() -> None:
    found = findings("KPI505", good=88.0)
    assert [(f.project, f.suggestion) for f in found] == [(POVERTY, "中")]  # 87.22 below a raised 良 floor


# -- KPI506 execution-arithmetic -----------------------------------------------------------------


def test_kpi506_004_funds_blocks_are_consistent() -> None:
    # 77.659 / 89.614 = 86.66%, 89.614 − 77.659 = 11.955, 86.66% × 10 = 8.67; 72.225 / 325.398 = 22.2% …
    assert findings("KPI506") == []


def test_kpi506_a_tighter_tolerance_still_passes_only_through_rounding() -> None:
    # 22.196% printed as 22.2 passes on its own rounding (half a unit of the last decimal), not the tolerance
    assert findings("KPI506", tolerance=0.0) == []
