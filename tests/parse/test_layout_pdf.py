"""The PDF-text layout parser on 000, 002 and a small fixture of the same layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, Document, Form, Indicator, Layout, Located, Project
from kpi_lint.parse import parse, parse_source
from kpi_lint.read.source import source_from_text
from tests.corpus import corpus_doc, corpus_path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "pdf_text_small.txt"


def project(doc: Document, name: str) -> Project:
    (found,) = [p for p in doc.projects if p.name == name]
    return found


def rows(proj: Project, period: str, level2: str) -> list[tuple[str | None, str | None]]:
    return [(i.level3, i.value) for i in proj.indicators if i.period == period and i.level2 == level2]


def row(proj: Project, period: str, level3: str) -> Indicator:
    (found,) = [i for i in proj.indicators if i.period == period and i.level3 == level3]
    return found


def empties(proj: Project) -> set[tuple[str | None, str]]:
    return {(e.period, e.level2) for e in proj.empty_categories}


def truncated(path: Path, lines: int) -> Document:
    text = "\n".join(path.read_text(encoding="utf-8").split("\n")[:lines])
    return parse_source(source_from_text(text, f"{path.name}[:{lines}]"))


# --- 000 -------------------------------------------------------------------------------------


def test_000_reads_the_twelve_declared_projects() -> None:
    doc = corpus_doc("000")
    assert doc.layout is Layout.PDF_TEXT
    assert doc.declared_projects == 12
    assert [p.name for p in doc.projects] == [
        "城乡居民医疗保险县级配套",
        "城乡医疗救助补助资金",
        "城乡医疗救助补助资金",
        "城乡医疗救助县级配套",
        "大学生基本医疗保险补贴",
        "离干、伤残军人、新中国成立前老工人医疗费",
        "沁财社字【2022】6号医疗服务与能力提升补助资金(医疗保障服务能力提升部分)",
        "信息化建设网络维护费",
        "医保工作经费",
        "医疗服务与保障能力提升补助资金(医疗保障服务能力提升部分)下线",
        "遗属困难补助",
        "长期护理保险费",
    ]
    assert all(p.form is Form.DECLARATION for p in doc.projects)
    counts = [(len(p.indicators), sum(1 for i in p.indicators if i.period == PERIOD_ANNUAL)) for p in doc.projects]
    assert counts == [(10, 5), (13, 8), (13, 8), (13, 8), (14, 7), (11, 5), (10, 5), (10, 5), (15, 7), (24, 13),
                      (10, 5), (12, 6)]  # fmt: skip


def test_000_first_project_indicators_both_periods() -> None:
    proj = corpus_doc("000").projects[0]
    assert proj.name == "城乡居民医疗保险县级配套"
    assert (proj.line, proj.column) == (996, 6)
    for period in (PERIOD_IMPLEMENTATION, PERIOD_ANNUAL):
        assert rows(proj, period, "数量指标") == [("城乡居民基本医疗保险参保人数", "170720人")]
        assert rows(proj, period, "质量指标") == [("城乡居民基本医疗保险参保率", "≥95%")]
        assert rows(proj, period, "时效指标") == [("城乡居民享受补助时间", "全年")]
        assert rows(proj, period, "社会效益指标") == [("提高城乡居民对医疗保险政策的知晓度", "提高")]
        assert rows(proj, period, "服务对象满意度指标") == [("参保城乡居民满意度", "≥95%")]
    assert {i.level1 for i in proj.indicators} == {"产出指标", "效益指标", "满意度指标"}


def test_000_first_project_cell_positions() -> None:
    proj = corpus_doc("000").projects[0]
    left = row(proj, PERIOD_IMPLEMENTATION, "城乡居民基本医疗保险参保人数")
    right = row(proj, PERIOD_ANNUAL, "城乡居民基本医疗保险参保人数")
    assert (left.line, left.column) == (1098, 1)  # "城乡居民基" / "本医疗保险" / "参保人数"
    assert left.spans["value"] == Located("170720人", 1102, 1)
    assert left.spans["level2"] == Located("数量指标", 1097, 1)
    assert (right.line, right.column) == (1103, 1)
    assert right.spans["value"] == Located("170720人", 1107, 1)
    assert right.spans["level2"] == Located("数量指标", 1102, 9)  # "170720人 数量指标"
    timely = row(proj, PERIOD_IMPLEMENTATION, "城乡居民享受补助时间")
    assert timely.spans["value"] == Located("全年", 1132, 1)  # printed "全年全年"
    social = row(proj, PERIOD_ANNUAL, "提高城乡居民对医疗保险政策的知晓度")
    assert (social.line, social.spans["value"].line) == (1163, 1169)
    assert social.spans["level2"] == Located("社会效益指标", 1159, 1)  # wrapped "社会效益指" / "标"
    satisfied = row(proj, PERIOD_IMPLEMENTATION, "参保城乡居民满意度")
    assert (satisfied.line, satisfied.column) == (1187, 1)
    assert satisfied.parsed is not None and satisfied.parsed.kind == "percent"


def test_000_first_project_empty_categories() -> None:
    proj = corpus_doc("000").projects[0]
    assert empties(proj) == {
        (period, level2)
        for period in (PERIOD_IMPLEMENTATION, PERIOD_ANNUAL)
        for level2 in ("成本指标", "经济效益指标", "生态效益指标", "可持续影响指标")
    }
    cost = {e.period: (e.line, e.column) for e in proj.empty_categories if e.level2 == "成本指标"}
    assert cost == {PERIOD_IMPLEMENTATION: (1138, 1), PERIOD_ANNUAL: (1138, 6)}  # "成本指标 成本指标"


def test_000_first_project_header_funds_and_text() -> None:
    proj = corpus_doc("000").projects[0]
    assert proj.department == Located("207-沁水县医疗保障局", 998, 9)
    assert proj.implementer == Located("沁水县医疗保障局", 998, 27)
    assert proj.attribute == Located("一次性项目（1年结束）", 1000, 6)
    assert proj.duration == Located("1年", 1000, 22)
    total = proj.fund("总额", PERIOD_IMPLEMENTATION)
    assert total is not None and total.amount == 13140000.0 and total.text == "13,140,000"
    assert (total.line, total.column, total.unit) == (1009, 1, "元")
    annual = proj.fund("总额", PERIOD_ANNUAL)
    assert annual is not None and (annual.amount, annual.line, annual.column) == (13140000.0, 1009, 20)
    county = proj.fund("市县(区)财政资金", PERIOD_ANNUAL)
    assert county is not None and (county.amount, county.line) == (13140000.0, 1029)
    assert [f.amount for f in proj.funds if f.source == "其他资金"] == [None, None]
    assert len(proj.funds) == 12
    assert proj.overview is not None and proj.overview.line == 1043
    assert proj.overview.text.endswith("我县共170720人需要城乡居民医保县级财政补助，共计需13140000元。")
    assert proj.legal_basis is not None
    assert (
        proj.legal_basis.text
        == "晋城市医疗保障局、财政局、税务局《关于做好2021年城乡居民基本医疗保障工作的通知》（晋市医保发【2021】18号）"
    )
    assert proj.plan is not None and proj.plan.text.startswith("2023年1月1日至2023年12月31日")
    goal = "通过对城乡居民医疗保险的补助，提高了我县城乡居民医疗保险的参保率，有效减轻了城乡居民的经济负担，并保障城乡居民及时享受医疗保险待遇。"  # noqa: E501
    assert proj.goals[PERIOD_IMPLEMENTATION] == Located(goal, 1080, 1)
    assert proj.goals[PERIOD_ANNUAL] == Located(goal, 1085, 1)


def test_000_right_column_with_more_rows_than_the_left() -> None:
    """The 年度 column splits the 11335 people into four rows beside one tall 实施期 cell."""
    proj = corpus_doc("000").projects[1]
    assert rows(proj, PERIOD_IMPLEMENTATION, "数量指标") == [
        ("易返贫致贫人员建档立卡贫困人口低保、五保人员", "11335人")
    ]
    assert rows(proj, PERIOD_ANNUAL, "数量指标") == [
        ("易返贫致贫人数", "371人"),
        ("贫困人口", "8814人"),
        ("特困人口", "353人"),
        ("低保人员", "1797人"),
    ]
    assert row(proj, PERIOD_ANNUAL, "贫困人口").spans["value"] == Located("8814人", 1329, 6)


def test_000_wrapped_and_doubled_values() -> None:
    doc = corpus_doc("000")
    students = project(doc, "大学生基本医疗保险补贴")
    assert rows(students, PERIOD_ANNUAL, "时效指标") == [
        ("大学毕业生享受基本医疗保险", "2023年全年"),
        ("大学生医疗补助发放时间", "2023年12月前"),  # "2023年12月" / "前"
    ]
    upgrade = project(doc, "医疗服务与保障能力提升补助资金(医疗保障服务能力提升部分)下线")
    drg = row(upgrade, PERIOD_IMPLEMENTATION, "推行医保支付方式改革和DRG试点")
    assert drg.value == "全面推开"  # "全面推开全" / "面推开", doubled
    assert drg.spans["value"] == Located("全面推开", 3207, 1)
    care = project(doc, "长期护理保险费")
    assert rows(care, PERIOD_IMPLEMENTATION, "成本指标") == [("长期护理人员标准（元）", "67元")]
    assert rows(care, PERIOD_ANNUAL, "成本指标") == [("长期护理人员标准（元）", "67元/人/年")]
    assert rows(care, PERIOD_ANNUAL, "时效指标") == [("长期护理人员保险支付时间", "全年2023年12月底")]


def test_000_pairs_rows_by_mirroring() -> None:
    proj = project(corpus_doc("000"), "医疗服务与保障能力提升补助资金(医疗保障服务能力提升部分)下线")
    quality = ["医保信息系统验收合格率", "定点医疗机构监督检查覆盖率", "医保人才培训合格率", "医保信息系统正常运行率",
               "推行医保支付方式改革和DRG试点"]  # fmt: skip
    assert [r[0] for r in rows(proj, PERIOD_IMPLEMENTATION, "质量指标")] == quality
    assert sorted(r[0] or "" for r in rows(proj, PERIOD_ANNUAL, "质量指标")) == sorted(quality)
    # The 满意度 block is printed again after a page break: its rows stay in one category.
    assert rows(proj, PERIOD_ANNUAL, "服务对象满意度指标") == [
        ("医保人员满意度", "≥90%"),
        ("参保人员对医保服务的满意度", "≥90%"),
    ]


def test_000_overlaid_title_gives_the_name() -> None:
    doc = corpus_doc("000")
    proj = doc.projects[5]
    assert proj.name == "离干、伤残军人、新中国成立前老工人医疗费"
    assert (proj.line, proj.column) == (2214, 27)
    assert proj.department == Located("207-沁水县医疗保障局", 2156, 1)  # labels printed before their values
    assert proj.attribute == Located("一次性项目（1年结束）", 2158, 1)
    assert proj.implementer == Located("沁水县医疗保障局", 2164, 1)
    assert proj.necessity == Located("帮助解决抚恤优", 2212, 1)
    total = proj.fund("总额", PERIOD_IMPLEMENTATION)
    assert total is not None and (total.amount, total.line) == (803000.0, 2172)  # printed before its label
    assert row(proj, PERIOD_IMPLEMENTATION, "离休干部、二等乙级伤残军人数").value == "60人"
    assert not any("新中国" in (i.level3 or "") for i in doc.indicators)  # ghosts of the overlay
    # The printed values whose 三级指标 the overlay wiped out are kept, without a 三级指标.
    assert rows(proj, PERIOD_ANNUAL, "质量指标")[0] == (None, "≥100%")
    assert doc.problems == []  # the name is recovered and every table is complete


def test_000_every_indicator_points_at_its_cell() -> None:
    src = corpus_path("000").read_text(encoding="utf-8").split("\n")
    for ind in corpus_doc("000").indicators:
        for name in ("level3", "value"):
            loc = ind.spans.get(name)
            if loc is None:
                continue
            printed = src[loc.line - 1][loc.column - 1 :]
            assert printed.startswith(loc.text[:2]), (ind, name)


# --- 002 -------------------------------------------------------------------------------------


def test_002_reads_three_projects() -> None:
    doc = corpus_doc("002")
    assert doc.layout is Layout.PDF_TEXT
    assert [p.name for p in doc.projects] == [
        "2023年中央财政医疗服务与保障能力提升补助资金",
        "2023年中央财政医疗救助补助资金预算的通知",
        "提前下达2023年省级财政医疗救助补助资金",
    ]
    assert [len(p.indicators) for p in doc.projects] == [25, 13, 16]
    assert doc.problems == []


def test_002_cost_rows_add_up_to_the_funds() -> None:
    proj = corpus_doc("002").projects[0]
    cost = rows(proj, PERIOD_ANNUAL, "成本指标")
    assert cost == [
        ("会议费", "20000元"),
        ("宣传费", "20000元"),
        ("邮电费", "12000元"),
        ("培训费", "30000元"),
        ("印刷费", "51800元"),
        ("设备购置费", "16200元"),
    ]
    amounts = [i.parsed.number for i in proj.indicators if i.level2 == "成本指标" and i.parsed]
    total = proj.fund("总额", PERIOD_ANNUAL)
    assert total is not None and total.amount == 150000.0 == sum(a or 0 for a in amounts)
    assert row(proj, PERIOD_ANNUAL, "会议费").spans["value"] == Located("20000元", 920, 5)
    assert (PERIOD_IMPLEMENTATION, "成本指标") in empties(proj)


def test_002_two_rows_on_one_line() -> None:
    proj = corpus_doc("002").projects[0]
    left = row(proj, PERIOD_IMPLEMENTATION, "DRG试点进展模拟运行时间")
    right = row(proj, PERIOD_ANNUAL, "任务完成时间")
    assert (left.value, left.line, left.column) == ("不晚于6月底", 916, 6)
    assert (right.value, right.line, right.column) == ("不晚于2023年年底", 916, 32)
    assert right.spans["level2"] == Located("时效指标", 916, 27)


def test_002_cut_cells_glued_to_their_values() -> None:
    proj = corpus_doc("002").projects[0]
    assert rows(proj, PERIOD_IMPLEMENTATION, "数量指标") == [("召开医保工作政府信息工作会", "≥2次")]
    cut = row(proj, PERIOD_ANNUAL, "召开医保工作政府信")  # the 年度 column is cut at 9 characters
    assert (cut.value, cut.line, cut.column) == ("≥2次", 900, 18)
    assert cut.spans["value"] == Located("≥2次", 900, 27)
    assert rows(proj, PERIOD_ANNUAL, "质量指标") == [("医保信息系统正常运", "≥90%"), ("医保设备购置验收合", "≥90%")]
    assert rows(proj, PERIOD_ANNUAL, "社会效益指标") == [
        ("提高单位职工工作效", "有效提高"),
        ("参保重要政策知晓率", "≥90%"),
    ]
    assert rows(proj, PERIOD_IMPLEMENTATION, "服务对象满意度指标") == [("参保人员对医保服务的满意度", "≥90%")]
    relief = corpus_doc("002").projects[1]
    assert rows(relief, PERIOD_IMPLEMENTATION, "质量指标") == [("门诊，住院医疗费用救助比例", "上年度平价水平")]
    assert rows(relief, PERIOD_ANNUAL, "质量指标") == [("门诊，住院医疗费用", "高于上年度平均水平")]


def test_002_count_given_as_percent_and_wrapped_values() -> None:
    doc = corpus_doc("002")
    for proj in doc.projects[1:]:
        for period in (PERIOD_IMPLEMENTATION, PERIOD_ANNUAL):
            assert ("资助参保人次数", "≥99%") in rows(proj, period, "数量指标")
    advance = doc.projects[2]
    assert rows(advance, PERIOD_ANNUAL, "经济效益指标") == [("减轻困难群众医疗费", "有效缓解困难群众医疗费用")]
    assert rows(advance, PERIOD_ANNUAL, "社会效益指标") == [("困难群众看病就医方", "明显提高看病群众的方便程度")]


def test_002_header_and_goals() -> None:
    proj = corpus_doc("002").projects[0]
    assert proj.overview is not None and proj.overview.text == proj.name  # a restated name
    assert proj.legal_basis == Located("吕财社（2023）25号 离财社（2023）1025号", 864, 6)
    assert proj.department == Located("906-社保股", 842, 9)
    central = proj.fund("中央财政资金", PERIOD_IMPLEMENTATION)
    assert central is not None and (central.amount, central.line, central.column) == (150000.0, 852, 11)
    assert proj.goals[PERIOD_IMPLEMENTATION].text == "如期完成2023年中央财政医疗服务与保障能力提升补助资金各项指标"
    assert proj.goals[PERIOD_ANNUAL].line == 876
    assert proj.goals[PERIOD_ANNUAL].text.endswith("有效提升综合监管，宣传引导、经办服")


# --- a fixture of the same layout ------------------------------------------------------------


def test_fixture_two_projects() -> None:
    doc = parse(FIXTURE)
    assert doc.layout is Layout.PDF_TEXT and doc.declared_projects == 2 and doc.problems == []
    first, second = doc.projects
    assert (first.name, first.line, first.column) == ("医保经办能力提升", 12, 6)
    assert first.implementer == Located("某某县医疗保障事务中心", 14, 27)
    for period in (PERIOD_IMPLEMENTATION, PERIOD_ANNUAL):
        assert [(i.level2, i.level3, i.value) for i in first.indicators if i.period == period] == [
            ("数量指标", "经办人员培训人次", "120人次"),
            ("数量指标", "政策宣传资料印制份数", "≥5000份"),
            ("质量指标", "培训考核合格率", "≥90%"),
            ("时效指标", "培训完成时间", "2024年12月底前"),
            ("成本指标", "人均培训费用", "200元"),
            ("社会效益指标", "经办服务能力", "提升"),
            ("服务对象满意度指标", "参保群众满意度", "≥95%"),
        ]
    assert row(first, PERIOD_ANNUAL, "经办服务能力").spans["value"] == Located("提升", 170, 1)
    assert (row(first, PERIOD_ANNUAL, "培训完成时间").line, row(first, PERIOD_IMPLEMENTATION, "培训完成时间").line) == (
        132,
        125,
    )
    assert first.overview == Located("用于医保经办窗口人员培训和政策宣传资料印制，共计80000元。", 58, 1)
    assert (
        first.goals[PERIOD_IMPLEMENTATION].text
        == "通过开展经办人员培训和政策宣传，提升经办服务能力，让参保群众办事更方便。"
    )
    assert first.goals[PERIOD_ANNUAL].line == 81
    assert second.name == "城乡居民门诊慢特病待遇保障"
    assert rows(second, PERIOD_IMPLEMENTATION, "数量指标") == [("门诊慢特病待遇享受人数", "2500人")]
    assert rows(second, PERIOD_ANNUAL, "数量指标") == [("高血压患者人数", "1500人"), ("糖尿病患者", "1000人")]
    assert rows(second, PERIOD_ANNUAL, "时效指标") == [("待遇支付时间", "全年")]
    assert rows(second, PERIOD_ANNUAL, "社会效益指标") == [("减轻患者门诊费用负担", "有效减轻")]
    assert {(PERIOD_IMPLEMENTATION, "成本指标"), (PERIOD_ANNUAL, "成本指标")} <= empties(second)
    funds = {(f.period, f.source): f.amount for f in second.funds}
    assert funds[(PERIOD_ANNUAL, "省级财政资金")] == 200000.0 and funds[(PERIOD_IMPLEMENTATION, "其他资金")] is None


# --- tables cut off --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lines", "kept", "cut_name"),
    [
        (FIXTURE, 320, ["医保经办能力提升"], "城乡居民门诊慢特病待遇保障"),
        (corpus_path("000"), 1390, ["城乡居民医疗保险县级配套"], "城乡医疗救助补助资金"),
    ],
)
def test_table_cut_off_is_reported_and_the_rest_kept(path: Path, lines: int, kept: list[str], cut_name: str) -> None:
    doc = truncated(path, lines)
    assert [p.name for p in doc.projects] == kept
    (problem,) = doc.problems
    assert problem.line == lines
    assert problem.message == f"第{lines}行处绩效指标表不完整：项目“{cut_name}”的表格在此中断，缺少满意度指标"


def test_table_cut_inside_the_satisfaction_row() -> None:
    doc = truncated(FIXTURE, 351)  # ends with the 年度 marker "服务对象满" / "意度指标", before its row
    assert [p.name for p in doc.projects] == ["医保经办能力提升"]
    assert [p.message for p in doc.problems] == [
        "第351行处绩效指标表不完整：项目“城乡居民门诊慢特病待遇保障”的表格在此中断，缺少服务对象满意度指标下的指标"
    ]
