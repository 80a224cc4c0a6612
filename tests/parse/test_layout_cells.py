"""The cell-lines layout parser on 001 (申报表), 003 (目标表) and small fixtures of the same layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, Document, Form, Indicator, Layout, Project
from kpi_lint.parse import parse, parse_source
from kpi_lint.read.source import source_from_text
from tests.corpus import corpus_doc, corpus_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SMALL = FIXTURES / "cell_lines_small.txt"
TRUNCATED = FIXTURES / "cell_lines_truncated.txt"

IMPL, ANNUAL = PERIOD_IMPLEMENTATION, PERIOD_ANNUAL


def find(project: Project, period: str | None, level3: str) -> Indicator:
    (ind,) = [i for i in project.indicators if i.period == period and i.level3 == level3]
    return ind


def rows(project: Project, period: str | None) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(i.level1, i.level2, i.level3, i.value) for i in project.indicators if i.period == period]


def small_lines() -> list[str]:
    return SMALL.read_text(encoding="utf-8").split("\n")


def parse_lines(lines: list[str], name: str) -> Document:
    return parse_source(source_from_text("\n".join(lines), name))


# --- 001: three 申报表 with 实施期 and 年度 side by side --------------------------------------


def test_001_has_three_declarations_of_the_six_declared() -> None:
    doc = corpus_doc("001")
    assert doc.layout is Layout.CELL_LINES
    assert doc.declared_projects == 6
    assert [p.name for p in doc.projects] == [
        "建档立卡参保人员县级补助",
        "临财社[2021]13号文件关于下达2021年中央财政医疗服务与保障能力提升补助资金的通知",
        "2022年城乡居民县级财政补助",
    ]
    assert {p.form for p in doc.projects} == {Form.DECLARATION}
    assert [len(p.indicators) for p in doc.projects] == [16, 11, 16]
    assert [(p.line, p.column) for p in doc.projects] == [(192, 2), (387, 2), (619, 2)]
    assert doc.problems == []


def test_001_first_project_quantity_row_both_periods() -> None:
    project = corpus_doc("001").projects[0]
    impl = find(project, IMPL, "建档立卡贫困户人数")
    annual = project.indicators[1]  # the same row, 年度 column: "建档立卡贫困户" also names two later rows
    assert (annual.period, annual.level3) == (ANNUAL, "建档立卡贫困户")
    assert (impl.level1, impl.level2, impl.value) == ("产出指标", "数量指标", "19141人")
    assert (annual.level1, annual.level2, annual.value) == ("产出指标", "数量指标", "19141人")
    assert (impl.line, impl.column) == (285, 2)
    assert impl.span("value") == (286, 2)
    assert (annual.line, annual.column) == (288, 2)
    assert annual.span("value") == (289, 2)
    # "产出指标" is a merged cell printed without its tab, below two blank paragraphs.
    assert impl.span("level1") == (283, 1)
    assert impl.span("level2") == (284, 2)
    assert annual.span("level2") == (287, 2)
    assert impl.parsed is not None and (impl.parsed.number, impl.parsed.unit) == (19141.0, "人")


def test_001_cost_row_disagrees_between_periods() -> None:
    project = corpus_doc("001").projects[0]
    impl = find(project, IMPL, "贫困人口参保县级财政人")
    annual = [i for i in project.indicators if i.period == ANNUAL and i.level2 == "成本指标"]
    assert (impl.level2, impl.value, impl.line, impl.column) == ("成本指标", "134元", 321, 2)
    assert [(i.level3, i.value, i.span("value")) for i in annual] == [("贫困人口参保县", "34元", (325, 2))]


def test_001_truncated_cells_and_typos_are_kept() -> None:
    project = corpus_doc("001").projects[0]
    social = find(project, IMPL, "级解建档立卡贫困户参保")
    assert (social.level1, social.level2, social.value) == ("效益指标", "社会效益指标", "有效")
    assert social.span("level1") == (330, 1)
    satisfied = find(project, IMPL, "建档立卡贫困户满意度")
    assert (satisfied.level1, satisfied.level2, satisfied.value) == ("满意度指标", "服务对象满意度指标", "≥99%")
    assert satisfied.span("value") == (369, 2)
    # "服务对象满意度指" is cut in the 年度 column: the name is canonical, the span keeps the print.
    (annual,) = [i for i in project.indicators if i.period == ANNUAL and i.level1 == "满意度指标"]
    assert (annual.level2, annual.span("level2")) == ("服务对象满意度指标", (370, 2))
    assert [i.level3 for i in project.indicators if i.period == IMPL and i.level2 == "数量指标"] == [
        "建档立卡贫困户人数",
        "贫困人口参保县级财政补",
    ]
    assert find(project, ANNUAL, "贫困人口参保县4").level2 == "质量指标"


def test_001_first_project_rows_in_order() -> None:
    project = corpus_doc("001").projects[0]
    assert rows(project, ANNUAL) == [
        ("产出指标", "数量指标", "建档立卡贫困户", "19141人"),
        ("产出指标", "数量指标", "贫困人口参保县", "100%"),
        ("产出指标", "质量指标", "贫困人口参保县4", "100%"),
        ("产出指标", "时效指标", "贫困人口参保县", "及时"),
        ("产出指标", "成本指标", "贫困人口参保县", "34元"),
        ("效益指标", "社会效益指标", "缓解建档立卡贫", "有效"),
        ("效益指标", "可持续影响指标", "建档立卡贫困户", "可持续"),
        ("满意度指标", "服务对象满意度指标", "建档立卡贫困户", "≥99%"),
    ]
    assert project.periods == [IMPL, ANNUAL]


def test_001_funds_keep_the_printed_text() -> None:
    project = corpus_doc("001").projects[0]
    impl_total = project.fund("总额", IMPL)
    annual_total = project.fund("总额", ANNUAL)
    assert impl_total is not None and annual_total is not None
    # "2,567.000" is read as the number it says; the rules compare it with 年度 2,567,000.
    assert (impl_total.text, impl_total.amount, impl_total.unit) == ("2,567.000", 2567.0, "元")
    assert (impl_total.line, impl_total.column) == (210, 2)
    assert (annual_total.text, annual_total.amount, annual_total.line) == ("2,567,000", 2567000.0, 212)
    local = project.fund("市县(区)财政资金", IMPL)
    assert local is not None and (local.amount, local.line) == (2567000.0, 228)
    other = project.fund("其他资金", ANNUAL)
    assert other is not None and (other.text, other.amount, other.line) == ("", None, 242)
    assert [f.source for f in project.funds if f.period == IMPL] == [
        "总额",
        "中央财政资金",
        "省级财政资金",
        "市县(区)财政资金",
        "单位自筹",
        "其他资金",
    ]
    second = corpus_doc("001").projects[1]
    assert [(f.period, f.amount) for f in second.funds if f.source == "总额"] == [(IMPL, 119000.0), (ANNUAL, 0.0)]


def test_001_particulars_and_goals() -> None:
    first, second, third = corpus_doc("001").projects
    assert first.department is not None and first.department.text == "109-古县医疗保障局"
    assert first.implementer is not None and (first.implementer.text, first.implementer.line) == ("古县医疗保障局", 197)
    assert first.attribute is not None and first.attribute.text == "一次性项目(1年结束)"
    assert first.duration is not None and first.duration.text == "1年"
    assert first.measures is not None and first.measures.text == "按照医疗救助资金的规定补助。"
    assert first.plan is not None and first.plan.line == 257
    impl, annual = first.goals[IMPL], first.goals[ANNUAL]
    assert (impl.line, impl.column, annual.line, annual.column) == (265, 2, 268, 2)
    # The goal cell spans three printed lines: wrapped text is joined without a separator.
    assert "“基本医疗有保障”突出问题彻底消除" in impl.text
    assert "将各级财政投入的咨助原建档立卡贫困人口参保补助资金" in impl.text
    assert impl.text.endswith("补充医疗")
    assert "白2022年起" in annual.text
    # "总体日标" (sic) is still the goal row; its 年度 cell is empty.
    goal = second.goals[IMPL]
    assert (goal.line, goal.text) == (
        460,
        "1、有效提升综合监管、宣传引导、经办服务等医疗保障服务能力。2、提升医保信息化水平。",
    )
    assert ANNUAL not in second.goals
    assert third.goals[IMPL].line == 692


def test_001_empty_categories_with_their_period() -> None:
    first, second, _third = corpus_doc("001").projects
    assert [(e.period, e.level1, e.level2, e.line, e.column) for e in first.empty_categories] == [
        (IMPL, "效益指标", "经济效益指标", 331, 2),
        (ANNUAL, "效益指标", "经济效益指标", 334, 2),
        (IMPL, "效益指标", "生态效益指标", 349, 2),
        (ANNUAL, "效益指标", "生态效益指标", 352, 2),
    ]
    # The second project fills in no 年度 indicator at all: every 年度 category is empty.
    assert second.periods == [IMPL]
    assert [e.level2 for e in second.empty_categories if e.period == ANNUAL] == [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    ]
    assert [e.level2 for e in second.empty_categories if e.period == IMPL] == ["经济效益指标", "生态效益指标"]


def test_001_continued_rows_inherit_level2_per_period() -> None:
    second = corpus_doc("001").projects[1]
    hired = find(second, IMPL, "聘请第三方机构开展稽查")
    assert (hired.level1, hired.level2, hired.value, hired.line) == ("产出指标", "成本指标", "100000元/年", 543)
    assert hired.span("level2") == (533, 2)
    third = corpus_doc("001").projects[2]  # its header prints "级指标" for 一级指标
    assert find(third, ANNUAL, "城乡居民县级财2").value == "71707人"


# --- 003: eleven 绩效目标表, one period, with 描述 and 确定依据 --------------------------------------

NAMES_003 = [
    "2023医保局办公楼租赁费7.2万元",
    "城乡居民意外伤害调查服务费10万元",
    "冀财社【2021】159号关于提前下达2022年中央财政医疗救助补助资金预算的通知",
    "冀财社（2022）172号  关于提前下达2023年省级财政城乡社会保险代办员补助资金的通知（医保",
    "冀财社（2022）218号关于提前下达2023年中央财政医疗服务与保障能力提升补助资金预算的通知",
    "医保局村级卫生网络费8.28万元",
    "医保局骨干网络建设维护费7.37万元",
    "医保局慢性病签订工作经费3万元",
    "医疗保障局保软件维护及局域网服务费10万元",
    "医疗保障局医保所通用设备5万元",
    "医疗保障局医保所住院探视2.5万元",
]


def test_003_has_eleven_target_tables() -> None:
    doc = corpus_doc("003")
    assert doc.layout is Layout.CELL_LINES
    assert [p.name for p in doc.projects] == NAMES_003
    assert {p.form for p in doc.projects} == {Form.TARGET}
    assert [len(p.indicators) for p in doc.projects] == [8, 8, 7, 9, 8, 8, 8, 9, 9, 8, 9]
    assert {i.period for i in doc.indicators} == {None}
    assert [(p.line, p.column) for p in doc.projects][:4] == [(1662, 3), (1733, 3), (1804, 3), (1870, 3)]
    assert doc.projects[9].column == 4  # "10、"
    assert doc.problems == []


def test_003_first_project_rental_area() -> None:
    project = corpus_doc("003").projects[0]
    area = project.indicators[0]
    assert (area.level1, area.level2, area.level3) == ("产出指标", "数量指标", "租赁面积")
    assert (area.value, area.description, area.basis) == ("717", "租赁面积", "合同")
    assert (area.line, area.column) == (1677, 2)
    assert area.span("description") == (1678, 2)
    assert area.span("value") == (1679, 2)
    assert area.span("basis") == (1680, 2)
    assert area.span("level1") == (1675, 2)
    assert project.target_text is not None
    assert (project.target_text.text, project.target_text.line) == ("1.目标内容1提高优质的医保环境服务质量", 1664)
    assert project.goals == {}
    assert [(i.level2, i.level3, i.value) for i in project.indicators[-2:]] == [
        ("生态效益指标", "生态影响", "≥95"),
        ("服务对象满意度指标", "满意度", "≥95"),
    ]


def test_003_project_without_cost_row() -> None:
    doc = corpus_doc("003")
    without = [p.name for p in doc.projects if not any(i.level2 == "成本指标" for i in p.indicators)]
    assert without == ["冀财社【2021】159号关于提前下达2022年中央财政医疗救助补助资金预算的通知"]
    project = doc.projects[2]
    assert [i.level2 for i in project.indicators] == [
        "数量指标",
        "质量指标",
        "时效指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "服务对象满意度指标",
    ]
    assert project.empty_categories == []
    # Its goal has three numbered paragraphs; each keeps its own line.
    assert project.target_text is not None
    assert project.target_text.text == "1.提高困难群众就医保障\n2.提高困难群众就医保障\n3.提高困难群众就医保障"
    assert find(project, None, "是否全部救助").description == "困难人群是否全部救助"


def test_003_procurement_table_is_not_a_project() -> None:
    doc = corpus_doc("003")
    # The 政府采购 table (项目名称 at line 2481) follows the last 目标表, which ends at line 2462.
    assert max(p.line for p in doc.projects) == 2388
    assert max(i.line for i in doc.indicators) == 2459
    assert doc.projects[-1].indicators[-1].basis == "工作计划"


# --- fixtures of my own making -----------------------------------------------------------------


def test_small_fixture_declaration() -> None:
    doc = parse(SMALL)
    assert doc.layout is Layout.CELL_LINES
    assert doc.problems == []
    assert [(p.name, p.form, p.line, p.column) for p in doc.projects] == [
        ("示例县居民医保参保补助", Form.DECLARATION, 6, 2),
        ("示例县医保经办设备购置3万元", Form.TARGET, 129, 3),
    ]
    decl = doc.projects[0]
    assert rows(decl, IMPL) == [
        ("产出指标", "数量指标", "补助参保人数", "25000人"),
        ("产出指标", "数量指标", "参保率", "≥95%"),
        ("产出指标", "成本指标", "人均补助标准", "5元/人"),
        ("效益指标", "社会效益指标", "群众就医负担", "有所减轻"),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%"),
    ]
    assert rows(decl, ANNUAL)[0] == ("产出指标", "数量指标", "补助参保人数", "24800人")
    assert rows(decl, ANNUAL)[3] == ("效益指标", "社会效益指标", "群众就医负担", "减轻")
    # Row 77-80 leaves out the label, 一级 and both 二级 cells: aligned from the header.
    rate = find(decl, ANNUAL, "参保率")
    assert (rate.line, rate.column, rate.span("value"), rate.span("level2")) == (79, 2, (80, 2), (73, 2))
    assert find(decl, IMPL, "补助参保人数").span("level1") == (69, 1)
    assert [(e.period, e.level2, e.line) for e in decl.empty_categories] == [
        (IMPL, "经济效益指标", 95),
        (ANNUAL, "经济效益指标", 98),
    ]
    assert [(f.period, f.source, f.amount, f.unit, f.line) for f in decl.funds] == [
        (IMPL, "总额", 12.5, "万元", 24),
        (ANNUAL, "总额", 12.5, "万元", 26),
        (IMPL, "中央财政资金", 0.0, "万元", 30),
        (ANNUAL, "中央财政资金", 0.0, "万元", 32),
        (IMPL, "市县(区)财政资金", 12.5, "万元", 36),
        (ANNUAL, "市县(区)财政资金", 12.5, "万元", 38),
        (IMPL, "其他资金", None, "万元", 42),
        (ANNUAL, "其他资金", None, "万元", 44),
    ]
    assert decl.goals[IMPL].text == "完成全县居民参保补助，参保率稳定在95%以上。"
    assert (decl.goals[ANNUAL].text, decl.goals[ANNUAL].line) == ("完成本年度居民参保补助。", 55)
    assert decl.department is not None and decl.department.text == "201-示例县医疗保障局"
    assert decl.overview is not None and decl.overview.line == 47


def test_small_fixture_target_table() -> None:
    target = parse(SMALL).projects[1]
    assert target.target_text is not None
    assert target.target_text.text == "1.购置经办设备3台\n2.保障窗口业务正常办理"
    assert [(i.level1, i.level2, i.level3, i.description, i.value, i.basis) for i in target.indicators] == [
        ("产出指标", "数量指标", "购置设备数量", "采购经办设备", "3台", "计划标准"),
        ("产出指标", "质量指标", "设备验收合格率", "验收合格", "100%", "行业标准"),
        ("产出指标", "质量指标", "设备故障率", "故障次数占比", "≤2%", "历史标准"),
        ("产出指标", "时效指标", "完成采购时间", "采购完成时间", "2023年6月底前", "计划标准"),
        ("效益指标", "社会效益指标", "窗口办理效率", "平均办理时长", "缩短10%", "历史标准"),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "问卷调查满意度", "≥90%", "计划标准"),
    ]
    # Row 157-160 leaves out the 一级 and 二级 cells; both continue from above.
    broken = find(target, None, "设备故障率")
    assert (broken.line, broken.span("basis"), broken.span("level2"), broken.span("level1")) == (
        157,
        (160, 2),
        (151, 2),
        (144, 2),
    )
    assert [(e.period, e.level1, e.level2, e.line, e.column) for e in target.empty_categories] == [
        (None, "效益指标", "生态效益指标", 177, 2)
    ]


def test_table_cut_inside_a_row_is_a_problem() -> None:
    doc = parse(TRUNCATED)
    assert [p.name for p in doc.projects] == ["示例县居民医保参保补助"]
    assert len(doc.projects[0].indicators) == 10
    assert [(p.line, p.column, p.message) for p in doc.problems] == [
        (
            153,
            1,
            "第153行处绩效指标表不完整：项目“示例县医保经办设备购置3万元”最后一行（第151行）"
            "只有3个单元格，至少应有4个，已读到1个指标，未计入结果",
        )
    ]


def test_table_cut_between_rows_is_a_problem() -> None:
    doc = parse_lines(small_lines()[:161], "cut_between_rows.txt")
    assert [p.name for p in doc.projects] == ["示例县居民医保参保补助"]
    assert [p.message for p in doc.problems] == [
        "第160行处绩效指标表不完整：项目“示例县医保经办设备购置3万元”在文件末尾中断，未见满意度指标，"
        "已读到3个指标，未计入结果"
    ]


def test_table_cut_before_its_header_is_a_problem() -> None:
    doc = parse_lines(small_lines()[:140], "cut_in_header.txt")
    assert len(doc.projects) == 1
    (problem,) = doc.problems
    assert problem.line == 140  # the last line of the file: the header row is cut after 描述
    assert problem.message.startswith("第140行处绩效指标表不完整：项目“示例县医保经办设备购置3万元”没有绩效指标")


def test_unreadable_row_inside_a_table_is_skipped_and_reported() -> None:
    lines = small_lines()
    del lines[158:160]  # row 157-160 keeps only 三级 and 描述
    doc = parse_lines(lines, "short_row.txt")
    target = doc.projects[1]
    assert len(target.indicators) == 5
    assert [(p.line, p.message) for p in doc.problems] == [
        (157, "第157行处绩效指标行无法读取：项目“示例县医保经办设备购置3万元”该行只有2个单元格，至少应有4个，已跳过")
    ]


@pytest.mark.parametrize("key", ["001", "003"])
def test_every_span_points_at_its_printed_cell(key: str) -> None:
    lines = corpus_path(key).read_text(encoding="utf-8").split("\n")
    doc = corpus_doc(key)
    spans = [loc for ind in doc.indicators for loc in ind.spans.values()]
    spans += [loc for p in doc.projects for loc in (*p.goals.values(), p.target_text, p.overview) if loc]
    assert len(spans) > 150
    for loc in spans:
        # A cell of several paragraphs starts with its first printed line.
        assert loc.text.startswith(lines[loc.line - 1][loc.column - 1 :].strip()), loc
