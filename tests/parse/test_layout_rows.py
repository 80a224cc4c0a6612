"""The tab-rows layout parser on 004 (8 项目支出绩效自评表) and on small fixtures of its shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import Document, Form, Indicator, Layout, Located, Project
from kpi_lint.parse import parse, parse_source
from kpi_lint.read.source import source_from_text
from tests.corpus import corpus_doc, corpus_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# name → (indicator rows, 总分, 等级) as printed in 004.
EXPECTED_004 = {
    "城乡居民医疗保险工作经费": (10, "93.67", "优"),
    "城乡医疗救助本级补助": (10, "95", "优"),
    "离休干部、新中国成立前老工人等补贴": (8, "95", "优"),
    "全国医疗保障服务示范点工作经费": (8, "90.67", "优"),
    "稳定脱贫人口居民医保个人缴费资助和困难人群医保慢性病、“两病”门诊兜底救助": (12, "87.22", "良"),
    "新冠病毒疫苗及接种费用县级财政补助资金": (7, "90", "优"),
    "医疗救助代办服务费": (7, "90.19", "优"),
    "长期护理保险财政补助资金": (7, "95", "优"),
}


@pytest.fixture(scope="module")
def doc() -> Document:
    return corpus_doc("004")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return corpus_path("004").read_text(encoding="utf-8").splitlines()


def project(doc: Document, name: str) -> Project:
    (found,) = [p for p in doc.projects if p.name == name]
    return found


def indicator(proj: Project, level3: str, value: str | None = None) -> Indicator:
    (found,) = [i for i in proj.indicators if i.level3 == level3 and (value is None or i.value == value)]
    return found


def printed_at(lines: list[str], loc: Located) -> bool:
    return lines[loc.line - 1][loc.column - 1 :].startswith(loc.text)


# --- 004: the whole document ------------------------------------------------------------------


def test_004_is_tab_rows_with_eight_self_evaluations(doc: Document) -> None:
    assert doc.layout is Layout.TAB_ROWS
    assert [p.name for p in doc.projects] == list(EXPECTED_004)
    assert {p.form for p in doc.projects} == {Form.SELF_EVALUATION}
    assert doc.problems == []


@pytest.mark.parametrize("name", list(EXPECTED_004))
def test_004_counts_totals_and_grades(doc: Document, name: str) -> None:
    count, total, grade = EXPECTED_004[name]
    proj = project(doc, name)
    assert len(proj.indicators) == count
    assert proj.total_score is not None and proj.total_score.text == total
    assert proj.grade is not None and proj.grade.text == grade
    assert proj.department is not None and proj.department.text.startswith("160-高平市医疗")
    assert proj.implementer is not None and proj.implementer.text == "160002-高平市医疗保险服务中心"
    assert set(proj.goals) == {"年度"} and proj.actual_summary is not None
    assert proj.execution is not None and proj.execution.unit == "万元"


def test_004_every_span_points_at_its_printed_text(doc: Document, lines: list[str]) -> None:
    for proj in doc.projects:
        located = [proj.department, proj.implementer, proj.total_score, proj.grade, proj.actual_summary]
        located += [*proj.goals.values(), *proj.analysis.values()]
        assert proj.execution is not None
        located += list(proj.execution.spans.values())
        for ind in proj.indicators:
            located += list(ind.spans.values())
        for loc in located:
            assert loc is not None and printed_at(lines, loc), (proj.name, loc)
        for fig in proj.narrative:
            assert printed_at(lines, Located(fig.text, fig.line, fig.column)), fig
        assert lines[proj.line - 1][proj.column - 1 :].startswith(proj.name)


# --- 004: the first project in detail ---------------------------------------------------------


def test_004_header_of_first_project(doc: Document) -> None:
    proj = doc.projects[0]
    assert (proj.line, proj.column) == (567, 7)
    assert proj.department == Located("160-高平市医疗保障局", 568, 10)
    assert proj.implementer == Located("160002-高平市医疗保险服务中心", 568, 30)
    assert proj.goals["年度"].text.startswith("保证城乡居民基本医疗保险工作的正常运行")
    assert proj.goals["年度"].line == 574
    assert proj.actual_summary is not None
    assert proj.actual_summary.text.startswith("城乡居民工作经费项目资金全年预算数为160万元")


def test_004_execution_of_first_project(doc: Document) -> None:
    ex = doc.projects[0].execution
    assert ex is not None
    got = (ex.declared, ex.budgeted, ex.full_year, ex.executed, ex.balance, ex.rate, ex.score, ex.weight)
    assert got == (160, 160, 89.614, 77.659, 11.955, 86.66, 8.67, None)
    assert (ex.line, ex.column) == (571, 2)
    assert ex.spans["full_year"] == Located("89.614", 571, 16)
    assert ex.spans["score"] == Located("8.67", 571, 43)


def test_004_execution_score_falls_back_to_the_source_row(doc: Document) -> None:
    # 608 '资金总额:  50 50 50 50 0 100' prints no 得分; 609 (the only source) has 10.00.
    ex = project(doc, "城乡医疗救助本级补助").execution
    assert ex is not None
    assert (ex.full_year, ex.executed, ex.balance, ex.rate, ex.score) == (50, 50, 0, 100, 10)
    assert ex.spans["rate"] == Located("100", 608, 24)
    assert ex.spans["score"] == Located("10.00", 609, 31)
    new_crown = project(doc, "新冠病毒疫苗及接种费用县级财政补助资金").execution
    assert new_crown is not None
    assert (new_crown.declared, new_crown.full_year, new_crown.executed, new_crown.score) == (240, 38.58, 38.58, 10)


def test_004_indicator_row_of_first_project(doc: Document) -> None:
    ind = indicator(doc.projects[0], "宣传资料印刷份数")
    assert (ind.level1, ind.level2, ind.period) == ("产出指标", "数量指标", None)
    assert (ind.value, ind.adjusted_value, ind.actual) == ("≥2万份", "≥2万份", "≥0.71万份")
    assert (ind.weight, ind.score, ind.deviation) == (5.0, 5.0, "按需印刷")
    assert (ind.line, ind.column) == (576, 12)
    assert ind.spans["actual"] == Located("≥0.71万份", 576, 31)
    assert ind.spans["level2"] == Located("数量指标", 576, 7)
    assert ind.parsed is not None and ind.parsed.number == 2 and ind.parsed.unit == "万份"


def test_004_first_project_sums(doc: Document) -> None:
    proj = doc.projects[0]
    ex = proj.execution
    assert ex is not None and ex.score is not None
    weights = sum(i.weight or 0 for i in proj.indicators)
    scores = sum(i.score or 0 for i in proj.indicators)
    assert (weights, scores) == (85, 80)
    assert weights + 10 == 95  # the guidance's 10 for budget execution
    assert scores + ex.score == pytest.approx(88.67)  # printed 总分 93.67: KPI503's finding


def test_004_levels_are_inherited_by_blank_cells(doc: Document) -> None:
    proj = doc.projects[0]
    rows = [(i.line, i.level1, i.level2) for i in proj.indicators]
    assert rows[:3] == [(576, "产出指标", "数量指标"), (577, "产出指标", "数量指标"), (578, "产出指标", "数量指标")]
    assert rows[-2] == (584, "效益指标", "社会效益指标")
    assert rows[-1] == (585, "满意度指标", "服务对象满意度指标")
    assert "level2" not in indicator(proj, "涉及乡镇个数").spans  # inherited, not printed on the row


def test_004_narrative_of_first_project(doc: Document) -> None:
    figures = {(f.name, f.value, f.unit) for f in doc.projects[0].narrative}
    assert figures == {("预算数", 160, "万元"), ("执行数", 148.05, "万元"), ("执行率", 92.53, "%"), ("满意度", 90, "%")}
    first = doc.projects[0].narrative[0]
    assert (first.name, first.text, first.line, first.column) == ("预算数", "全年预算数为160万元", 574, 74)
    # stated both in 实际完成情况 (574) and in 项目实施和预算执行情况 (587)
    assert [f.line for f in doc.projects[0].narrative if f.name == "执行率"] == [574, 587]


def test_004_analysis_sections(doc: Document) -> None:
    analysis = doc.projects[0].analysis
    assert list(analysis) == [
        "项目实施和预算执行情况",
        "产出情况",
        "效益情况",
        "满意度情况",
        "主要经验做法",
        "项目管理中存在的主要问题及原因分析",
        "下一步改进措施及管理建议",
    ]
    assert analysis["满意度情况"] == Located("参保人员对医疗保障工作满意度明显提升，群众满意度为90%。", 590, 9)
    assert analysis["下一步改进措施及管理建议"].text == "无"


# --- 004: the shifted and odd rows ------------------------------------------------------------


def test_004_cost_rows_are_scored_indicators_and_empty_categories(doc: Document) -> None:
    for proj in doc.projects:
        cost = [i for i in proj.indicators if i.level2 == "成本指标"]
        if proj.name == "长期护理保险财政补助资金":
            assert cost == [] and proj.empty_categories == []  # no 成本指标 row at all
            continue
        (ind,) = cost
        assert (ind.level3, ind.value, ind.adjusted_value) == (None, "未填报", None)
        assert ind.actual is not None and ind.actual.startswith("部分达成预期指标")
        assert (ind.weight, ind.score) == (10, 5)
        (empty,) = proj.empty_categories
        assert (empty.level2, empty.note, empty.line) == ("成本指标", "未填报", ind.line)
    (first,) = [i for i in doc.projects[0].indicators if i.level2 == "成本指标"]
    assert (first.line, first.column, first.actual, first.deviation) == (
        582,
        2,
        "部分达成预期指标",
        "未设立成本指标，下一年度完善指标设置",
    )


def test_004_row_shifted_left(doc: Document) -> None:
    # 659 '共享改革发展成果→→→共享→共享→达成预期指标→15→15': the 三级指标 in the first cell
    ind = indicator(project(doc, "离休干部、新中国成立前老工人等补贴"), "共享改革发展成果")
    assert (ind.line, ind.column, ind.level1, ind.level2) == (659, 1, "效益指标", "社会效益指标")
    assert (ind.value, ind.adjusted_value, ind.actual, ind.weight, ind.score) == (
        "共享",
        "共享",
        "达成预期指标",
        15,
        15,
    )


def test_004_row_shifted_right(doc: Document) -> None:
    # 656 '→→→时效指标→医药费报销时间→每月→…': the 二级 printed in the 三级 column
    ind = indicator(project(doc, "离休干部、新中国成立前老工人等补贴"), "医药费报销时间")
    assert (ind.line, ind.column, ind.level1, ind.level2) == (656, 9, "产出指标", "时效指标")
    assert ind.spans["level2"] == Located("时效指标", 656, 4)
    assert (ind.value, ind.actual, ind.weight, ind.score) == ("每月", "达成预期指标", 10, 10)


def test_004_row_without_score(doc: Document) -> None:
    ind = indicator(project(doc, "长期护理保险财政补助资金"), "保险缴纳时间")
    assert (ind.line, ind.value, ind.actual, ind.weight, ind.score) == (837, "6月前", "达成预期指标", 10, None)


def test_004_header_shifted_into_first_row(doc: Document) -> None:
    # 799 prints the header one cell left; 800 carries the block label '绩效指标' in front
    ind = indicator(project(doc, "医疗救助代办服务费"), "聘请第三方商业保险公司数")
    assert (ind.line, ind.level1, ind.level2, ind.value, ind.weight) == (800, "产出指标", "数量指标", "=1家", 20)
    cut = indicator(project(doc, "医疗救助代办服务费"), "服务费支付划拨比例")
    assert (cut.value, cut.adjusted_value) == ("按救助金额的", "按救助金额的6%")  # kept as printed


def test_004_merged_level2_printed_on_its_middle_row_and_typos_kept(doc: Document) -> None:
    # 729 lines up with the header and prints no label; 730 prints the merged 时效指标 cell one cell
    # short (under the 一级 column): the label sits on the lower of the cell's two rows and is both's.
    proj = project(doc, "稳定脱贫人口居民医保个人缴费资助和困难人群医保慢性病、“两病”门诊兜底救助")
    rows = [(i.line, i.level1, i.level2, i.value) for i in proj.indicators if 727 <= i.line <= 731]
    assert rows == [
        (727, "产出指标", "质量指标", "=175元/人"),
        (728, "产出指标", "质量指标", "综合保障达到90%"),
        (729, "产出指标", "时效指标", "5月底之前"),
        (730, "产出指标", "时效指标", "全年开展"),
        (731, "成本指标", "成本指标", "未填报"),
    ]
    deadline = indicator(proj, "对稳定脱贫人口居民2023年医保个人缴费", "5月底之前")
    assert deadline.parsed is not None and deadline.parsed.kind == "date"
    assert "level2" not in deadline.spans  # the label is printed on 730 only
    assert indicator(proj, "对困难人群医保慢性病、“两病”门诊救助", "全年开展").spans["level2"] == Located(
        "时效指标", 730, 2
    )
    assert indicator(project(doc, "城乡医疗救助本级补助"), "应教尽教率").value == "=100%"
    assert project(doc, "离休干部、新中国成立前老工人等补贴").department == Located("160-高平市医疗保险局", 645, 10)


def test_004_narrative_that_differs_from_the_table(doc: Document) -> None:
    proj = project(doc, "稳定脱贫人口居民医保个人缴费资助和困难人群医保慢性病、“两病”门诊兜底救助")
    figures = {f.name: f.value for f in proj.narrative}
    assert figures == {"预算数": 400, "执行数": 146.827011, "执行率": 36.71, "满意度": 85}
    assert proj.execution is not None and (proj.execution.executed, proj.execution.rate) == (72.225, 22.2)
    assert "项目实施和预算执行情况及分析" in proj.analysis  # '项目实施和预算执行情况 及分析' as printed


# --- fixtures ---------------------------------------------------------------------------------


def test_small_fixture() -> None:
    doc = parse(FIXTURES / "tab_rows_small.txt")
    assert doc.layout is Layout.TAB_ROWS and doc.problems == []
    (proj,) = doc.projects
    assert (proj.name, proj.line, proj.column) == ("补助发放经费", 9, 7)
    assert proj.execution is not None
    ex = proj.execution
    assert (ex.declared, ex.full_year, ex.executed, ex.balance, ex.rate, ex.score) == (20, 20, 18, 2, 90, 9)
    assert ex.spans["score"] == Located("9.00", 14, 29)  # the 总额 row prints no 得分
    rows = [
        (i.line, i.level1, i.level2, i.level3, i.value, i.adjusted_value, i.actual, i.weight, i.score)
        for i in proj.indicators
    ]
    assert rows == [
        (18, "产出指标", "数量指标", "补助人数", "≥100人", "≥100人", "≥96人", 20, 18),
        (19, "产出指标", "数量指标", "补助发放次数", "=12次", "=12次", "=12次", 5, 5),
        (20, "产出指标", "时效指标", "补助发放时间", "每月10日前", "每月10日前", "达成预期指标", 10, 10),
        (21, "产出指标", "质量指标", "补助发放准确率", "=100%", "=100%", "=100%", 5, 5),
        (22, "成本指标", "成本指标", None, "未填报", None, "部分达成预期指标", 10, 5),
        (23, "效益指标", "社会效益指标", "参保群众待遇保障水平", "提高", "提高", "达成预期指标", 20, 20),
        (24, "效益指标", "社会效益指标", "待遇按时足额发放", "按时", "按时", "达成预期指标", 10, 10),
        (25, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "≥90%", "≥92%", 10, 10),
    ]
    assert proj.indicators[0].deviation == "部分人员迁出"
    assert (proj.indicators[2].line, proj.indicators[2].column) == (20, 9)  # shifted right
    assert (proj.indicators[6].line, proj.indicators[6].column) == (24, 1)  # shifted left
    (empty,) = proj.empty_categories
    assert (empty.level1, empty.level2, empty.note, empty.line, empty.column) == (
        "成本指标",
        "成本指标",
        "未填报",
        22,
        7,
    )
    assert proj.total_score == Located("92", 26, 10) and proj.grade == Located("优", 26, 13)
    assert proj.goals["年度"] == Located("按时足额发放补助，保障参保群众待遇。", 16, 2)
    assert list(proj.analysis) == ["项目实施和预算执行情况", "满意度情况", "项目管理中存在的主要问题及原因分析"]
    assert [(f.name, f.value, f.line, f.column) for f in proj.narrative] == [
        ("预算数", 20, 16, 30),
        ("执行数", 18, 16, 41),
        ("执行率", 90, 16, 52),
        ("预算数", 20, 27, 24),
        ("执行数", 18, 27, 35),
        ("执行率", 90, 27, 46),
        ("满意度", 92, 28, 21),
    ]


def test_small_fixture_in_gb18030_with_crlf_and_full_width_digits(tmp_path: Path) -> None:
    text = (FIXTURES / "tab_rows_small.txt").read_text(encoding="utf-8")
    text = text.replace("≥96人\t20\t18\t", "≥96人\t２０\t１８\t").replace("\n", "\r\n")
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = parse(path)
    assert doc.encoding == "gb18030"
    (proj,) = doc.projects
    first = proj.indicators[0]
    assert (first.line, first.level3, first.weight, first.score) == (18, "补助人数", 20, 18)
    assert first.spans["weight"] == Located("２０", 18, 34)
    assert len(proj.indicators) == 8


def test_truncated_table_is_a_problem_and_earlier_tables_survive() -> None:
    doc = parse(FIXTURES / "tab_rows_truncated.txt")
    assert [p.name for p in doc.projects] == ["补助发放经费"]
    assert len(doc.projects[0].indicators) == 8
    (problem,) = doc.problems
    assert (problem.line, problem.column) == (45, 1)
    assert problem.message == ("第45行处自评表不完整：“宣传印刷经费”（第31行起）缺少总分行，表格在此中断，该项目未解析")


def test_prose_naming_the_form_is_not_a_table() -> None:
    text = (FIXTURES / "tab_rows_small.txt").read_text(encoding="utf-8")
    text = text.replace("第五部分 附件\n", "第五部分 附件\n附件：项目支出绩效自评表\n")
    doc = parse_source(source_from_text(text, "prose.txt"))
    assert [p.name for p in doc.projects] == ["补助发放经费"]
    assert doc.problems == []
    assert doc.projects[0].indicators[0].line == 19  # one line further down


def test_merged_level2_printed_one_cell_short_takes_the_row_above() -> None:
    # The fixture prints 时效指标 right of its column (row 20): a label at the top of its cell, row 19
    # stays 数量指标 (test_small_fixture).  Printed one cell short, under the 一级 column, after row 19
    # that lines up and prints no label, the label is the merged cell's middle: row 19 is its too.
    text = (FIXTURES / "tab_rows_small.txt").read_text(encoding="utf-8")
    assert "\t\t\t时效指标\t补助发放时间" in text
    text = text.replace("\t\t\t时效指标\t补助发放时间", "\t时效指标\t补助发放时间")
    (proj,) = parse_source(source_from_text(text, "middle.txt")).projects
    assert [(i.line, i.level1, i.level2) for i in proj.indicators[:4]] == [
        (18, "产出指标", "数量指标"),  # the 数量指标 label's own row stays its
        (19, "产出指标", "时效指标"),
        (20, "产出指标", "时效指标"),
        (21, "产出指标", "质量指标"),
    ]
