"""Family 3 (text quality and duplication) on the real corpus: the findings a reviewer must get, and must not."""

from __future__ import annotations

from typing import Any

from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import corpus_doc


def findings(key: str, code: str, **options: Any) -> list[Finding]:
    rule = rule_by_code(code)
    assert rule is not None
    doc = corpus_doc(key)
    context = RuleContext(documents=[doc], options={code: options} if options else {})
    return run_rules([doc], [rule], context)


def rows(found: list[Finding]) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.project, f.period, f.level3) for f in found}


# -- KPI301 duplicate-indicator ------------------------------------------------------------------


def test_kpi301_repeated_name_in_004_self_evaluation() -> None:
    found = findings("004", "KPI301")
    project = "稳定脱贫人口居民医保个人缴费资助和困难人群医保慢性病、“两病”门诊兜底救助"
    assert rows(found) == {
        (project, None, "对稳定脱贫人口居民2023年医保个人缴费"),
        (project, None, "对困难人群医保慢性病、“两病”门诊救助"),
    }
    by_value = {f.value: f for f in found}
    assert set(by_value) == {"5月底之前", "全年开展"}  # the second occurrence is reported
    assert "第727行" in by_value["5月底之前"].message and "=175元/人" in by_value["5月底之前"].message


def test_kpi301_cut_names_collapse_in_001() -> None:
    # 年度 prints "贫困人口参保县" for the 数量, 时效 and 成本 rows (297, 315, 324), 实施期 "贫困人口参保县级财政补":
    # the form clipped its cells, each row's two periods print one the other cut short (KPI305). The shared names are
    # the clip's doing, not repeats (finding review: 315 wrong, 303 partly, 312 wrong) — KPI301 stays silent on them
    # (issue 11l; before, 315 and 324 were reported here and dropped in a full run as KPI305's rows).
    found = [f for f in findings("001", "KPI301") if f.project == "建档立卡参保人员县级补助"]
    assert not [f for f in found if f.level3 in ("贫困人口参保县", "贫困人口参保县级财政补")]


def test_kpi301_silent_where_names_are_distinct() -> None:
    assert findings("000", "KPI301") == []
    assert findings("003", "KPI301") == []


# -- KPI302 name-equals-description --------------------------------------------------------------


def test_kpi302_one_finding_for_003s_document_wide_pattern() -> None:
    # 85 of 003's 91 described rows repeat the name: the document's habit, reported once with the lines.
    (found,) = findings("003", "KPI302")
    assert "有 85 个（11 个项目）" in found.message
    assert len(found.occurrences) == 85
    assert (found.line, found.column) == (1678, 2)  # the first 绩效指标描述 cell, not the name cell
    assert found.occurrences[0] == (1678, 2)
    assert (1829, 2) in found.occurrences  # 冀财社159号 "就否按时救助 | 就否按时救助"


def test_kpi302_per_row_when_the_repeat_is_not_the_documents_pattern() -> None:
    # With the pattern threshold out of reach every repeat is its own finding, located on its row.
    found = findings("003", "KPI302", pattern_min=1000)
    lease = {f.level3 for f in found if f.project == "2023医保局办公楼租赁费7.2万元"}
    assert lease == {
        "租赁面积",
        "提高服务质量",
        "按时拨付",
        "预算控制率",
        "提高效率",
        "项目实现功能",
        "生态影响",
        "满意度",
    }
    assert {f.project for f in found} == {p.name for p in corpus_doc("003").projects}  # every table does it
    assert len(found) == 85
    assert all(not f.occurrences for f in found)


def test_kpi302_passes_003_rows_with_a_real_description() -> None:
    found = rows(findings("003", "KPI302", pattern_min=1000))
    assert ("城乡居民意外伤害调查服务费10万元", None, "调查意外伤害案件数量") not in found
    assert not any(level3 in ("是否全部救助", "成本控制率", "支付完成率") for _, _, level3 in found)


def test_kpi302_needs_a_description_column() -> None:
    for key in ("000", "001", "002", "004"):
        assert findings(key, "KPI302") == []


# -- KPI303 copied-across-projects ---------------------------------------------------------------


def test_kpi303_000_duplicate_medical_aid_tables() -> None:
    found = findings("000", "KPI303")
    by_line = {(f.line, f.project): f for f in found}
    assert set(by_line) == {
        (1420, "城乡医疗救助补助资金"),  # indicator set of the second 城乡医疗救助补助资金
        (1503, "城乡医疗救助补助资金"),  # its 实施期 总体目标
        (1642, "城乡医疗救助县级配套"),
        (1747, "城乡医疗救助县级配套"),
        (3111, "医疗服务与保障能力提升补助资金(医疗保障服务能力提升部分)下线"),  # 实施期 aim of 沁财社字6号
    }
    assert "第1202行" in by_line[(1420, "城乡医疗救助补助资金")].message
    assert "第2374行" in by_line[(3111, "医疗服务与保障能力提升补助资金(医疗保障服务能力提升部分)下线")].message
    # the aim to write is described, not given as 000's own figures ("为8814名脱贫人口…", issue 11aa)
    aims = [f for f in found if f.line in (1503, 3111)]
    assert len(aims) == 2
    assert all("为哪些对象、做成多少、达到什么水平" in f.message for f in aims)
    assert not [f.message for f in found if "8814" in f.message]


def test_kpi303_002_medical_aid_transfers_share_rows_and_aim() -> None:
    found = findings("002", "KPI303")
    assert [(f.project, f.line) for f in found] == [
        ("提前下达2023年省级财政医疗救助补助资金", 1039),
        ("提前下达2023年省级财政医疗救助补助资金", 1073),
    ]
    assert all("2023年中央财政医疗救助补助资金预算的通知" in f.message for f in found)


def test_kpi303_003_boilerplate_tables_are_not_copies() -> None:
    # 003's tables share generic rows (生态影响 ≥95, 满意率 ≥95): KPI102's business, not copies.
    # The closest pair (能力提升 vs 通用设备) shares 4 of 8 rows, below the 0.7 threshold.
    assert findings("003", "KPI303") == []
    assert findings("003", "KPI303", set_similarity=0.5) != []  # the threshold, not the data, keeps it silent


def test_kpi303_single_project_documents_and_self_evaluations() -> None:
    assert findings("001", "KPI303") == []
    assert findings("004", "KPI303") == []


# -- KPI304 restated-name ------------------------------------------------------------------------


def test_kpi304_002_overviews_restate_the_name() -> None:
    found = findings("002", "KPI304")
    assert {(f.project, f.line, f.period) for f in found} == {
        ("2023年中央财政医疗服务与保障能力提升补助资金", 862, None),  # 项目概况 == name
        ("2023年中央财政医疗服务与保障能力提升补助资金", 874, "实施期"),  # 如期完成<name>各项指标
        ("2023年中央财政医疗救助补助资金预算的通知", 983, None),
        ("提前下达2023年省级财政医疗救助补助资金", 1061, None),
    }
    assert all(f.message.startswith(("项目概况", "总体目标")) for f in found)
    # what to write is described, not given as one project's figures ("按每人77元标准为170720名…", issue 11aa)
    assert all("资金用于什么、服务对象及人数、资金额、预期的产出或效益" in f.message for f in found)
    assert not [f.message for f in found if "170720" in f.message or "77元" in f.message]


def test_kpi304_silent_on_substantive_overviews() -> None:
    for key in ("000", "001", "003", "004"):
        assert findings(key, "KPI304") == [], key


# -- KPI305 truncated-text -----------------------------------------------------------------------


def test_kpi305_001_annual_column_cut() -> None:
    found = findings("001", "KPI305")
    by_line = {f.line: f for f in found}
    cut = by_line[297]  # 数量指标 年度
    # the 实施期 cell is cut too, at its column's fixed width (11 characters): none to offer (issue 11-s60-fixes)
    assert (cut.period, cut.level3, cut.suggestion) == ("年度", "贫困人口参保县", None)
    assert "实施期同一行的“贫困人口参保县级财政补”也不完整" in cut.message
    assert by_line[716].level3 == "城乡居民县级财2"  # a stray OCR digit does not hide the cut
    assert by_line[799].suggestion == "城乡居民的满意度"
    assert by_line[740].period == "实施期" and "以“的”结尾" in by_line[740].message
    assert len(found) == 17


def test_kpi305_002_and_004_cuts() -> None:
    found_002 = {(f.line, f.level3) for f in findings("002", "KPI305")}
    assert (900, "召开医保工作政府信") in found_002
    assert (1013, "门诊，住院医疗费用") in found_002
    found_004 = findings("004", "KPI305")
    assert [(f.project, f.value, f.suggestion) for f in found_004] == [
        ("医疗救助代办服务费", "按救助金额的", "按救助金额的6%"),
    ]


def test_kpi305_not_on_ordinary_names() -> None:
    assert findings("000", "KPI305") == []  # 000's names match across columns
    assert findings("003", "KPI305") == []  # one period, short generic names
    levels = {f.level3 for f in findings("001", "KPI305")}
    assert "建档立卡贫困户满意度" not in levels  # the longer, 实施期 cell is never the one reported


# -- KPI306 typo ---------------------------------------------------------------------------------


def test_kpi306_001_typos_with_corrections() -> None:
    found = findings("001", "KPI306")
    assert {(f.line, f.suggestion) for f in found} == {
        (265, "…将各级财政投入的资助原建档立卡贫困人…"),  # 咨助, 实施期 总体目标
        (268, "…题得到普遍缓解。自2022年起，按2021…"),  # 白2022, 年度 总体目标
        (341, "缓解建档立卡贫困户参保"),  # 级解, a 三级指标
        (459, "总体目标"),  # 日标: the printed row label of the second project
    }


def test_kpi306_004_and_003_typos() -> None:
    found = findings("004", "KPI306")
    assert ("城乡医疗救助本级补助", "应救尽救率") in {(f.project, f.suggestion) for f in found}
    assert {f.suggestion for f in findings("003", "KPI306")} == {"是否按时救助"}
    assert [f.suggestion for f in findings("002", "KPI306")] == ["上年度平均水平"]


def test_kpi306_silent_on_clean_text() -> None:
    assert findings("000", "KPI306") == []
