"""A self-evaluation report that states its indicators in sentences and prints no table."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.prose_report import report_projects
from kpi_lint.read.blocks import read_blocks


def test_sentences_naming_target_and_actual_are_read_with_their_category(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "二、绩效目标完成情况\n"
        "(1)时效目标:人才驿站补助资金到位时间绩效目标值是2023年12月前,实际完成值为2023年12月前,目标完成率为100%,"
        "(2)成本目标:项目资金投入绩效目标值是10万元,实际完成值为0万元,目标完成率为0%,\n"
        "3.质量指标。补助发放准确率指标为100%实际完成值为98%慰问对象覆盖率指标为100%实际完成值为100%\n",
        encoding="utf-8",
    )
    (project,) = parse(report).projects
    rows = [(i.level2, i.level3, i.value, i.actual) for i in project.indicators]
    assert rows == [
        ("时效指标", "人才驿站补助资金到位时间", "2023年12月前", "2023年12月前"),
        ("成本指标", "项目资金投入", "10万元", "0万元"),
        ("质量指标", "补助发放准确率", "100%", "98%"),
        ("质量指标", "慰问对象覆盖率", "100%", "100%"),
    ]
    first = project.indicators[0]
    assert (first.spans["level3"].line, first.spans["level3"].column) == (2, 9)
    assert (first.spans["actual"].line, first.spans["actual"].column) == (2, 43)


def test_a_report_without_such_sentences_still_has_no_table(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    text = "2023年收到财政资金共2330.9万元,其中:中央资金1372.7万元。\n资金到位率为100%。\n"
    report.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="没有找到可解析的绩效目标表"):
        parse(report)


WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"


def test_targets_listed_after_a_goal_label_are_read_up_to_their_unit() -> None:
    # o02 (a township's road report, mirrored in traditional characters with pinyin glosses):
    # "(二)績效目標:道路硬化≥0.565km;項目(工程)驗收合格率≥100% ;受益貧困人口滿意度≥96%;
    # 受益建檔立卡貧困人口數(shù)≥23人改善村基礎(chǔ)設(shè)施,…" — no table, no category label.
    doc = parse(WILD / "o02_unknown_township_road_report_prose.txt")
    rows = [(i.level2, i.level3, i.value) for i in doc.indicators]
    assert rows == [
        (None, "道路硬化", "≥0.565km"),
        (None, "项目(工程)验收合格率", "≥100%"),
        (None, "受益贫困人口满意度", "≥96%"),
        (None, "受益建档立卡贫困人口数", "≥23人"),  # the sentence glued after the unit is not the value
    ]
    first, last = doc.indicators[0], doc.indicators[-1]
    assert (first.spans["level3"].line, first.spans["level3"].column) == (15, 9)
    # Printed columns: the gloss "(shù)" before "≥23人" is counted, as in the file.
    assert (last.spans["value"].line, last.spans["value"].column) == (15, 70)


def test_a_goal_label_followed_by_a_sentence_lists_no_targets() -> None:
    # a05's "(7)绩效目标:发挥绩效评价“指挥棒 ”的作用,…" is a sentence: nothing is read from it.
    source = read_blocks(WILD / "a05_anhui_health_declaration.txt").source
    assert source is not None
    assert report_projects(source, load_lexicon()) == []


@pytest.mark.parametrize(
    ("listed", "value"),
    [
        ("会议费21301人/天", "21301人/天"),  # one unit per another
        ("社区亩均财政资金投入1元/亩", "1元/亩"),
        ("人均补助标准979元/生·年", "979元/生·年"),
        ("托管服务器服务成本10320/年", "10320/年"),  # per year, its money unit left out
        ("住院救助人次45万", "45万"),  # a magnitude alone
        ("示范道路硬化150km", "150km"),
        ("审核结算时限12月底前", "12月底前"),
        ("护工培训补贴发放时限15天以内", "15天以内"),  # a span of time, not a unit of units.txt
        ("生猪存栏数量800头", "800头"),  # a measure word units.txt lacks
    ],
)
def test_a_listed_count_keeps_any_unit_a_department_prints(tmp_path: Path, listed: str, value: str) -> None:
    # p08's sentence with other names and units (bench/make_corpus.py varies it so): "具体指标。产出指标:
    # 全区县域商业建设行动试点县数量20个;2022年全区县域" is read whatever unit the figure carries.
    text = (WILD / "p08_guangxi_commerce_regional_selfeval_prose.txt").read_text(encoding="utf-8")
    report = tmp_path / "p08_variant.txt"
    report.write_text(text.replace("全区县域商业建设行动试点县数量20个", listed), encoding="utf-8")
    (indicator,) = parse(report).indicators
    assert (indicator.level1, indicator.level3, indicator.value) == ("产出指标", listed[: -len(value)], value)
    assert indicator.spans["value"].line == 11


def test_a_report_describing_projects_in_turn_reads_each_as_its_own() -> None:
    # u01: "(1)项目名称:单位自有资金,…绩效指标设置5个,分别为:申报缴纳个税职工人数25人,…" then
    # "(2)项目名称:从业资格考试工作经费单位自有资金,…" and its own five targets.
    doc = parse(WILD / "u01_yunnan_transportenforcement_selfeval_prose.txt")
    projects = [(p.name, p.line, p.column, len(p.indicators)) for p in doc.projects]
    assert projects == [("单位自有资金", 4, 9, 5), ("从业资格考试工作经费单位自有资金", 7, 9, 5)]
    second = [i.level3 for i in doc.projects[1].indicators]
    assert second[:2] == ["从业资格考试工作检查核查人数", "检查(核查)任务完成率"]


def test_an_enumeration_of_the_count_it_announces_keeps_its_worded_item() -> None:
    # u01: "绩效指标设置5个,分别为:…,完成预算执行支出进度11月30日前≧95%,职工个税正常申报缴纳,职工对…≧90%":
    # five announced, five clauses, the fourth with no figure: an indicator stated in words, no target.
    first = parse(WILD / "u01_yunnan_transportenforcement_selfeval_prose.txt").projects[0]
    worded = first.indicators[3]
    assert (worded.level3, worded.value, worded.line, worded.column) == ("职工个税正常申报缴纳", None, 5, 71)
    assert [i.level3 for i in first.indicators][2:] == [
        "完成预算执行支出进度11月30日前",
        "职工个税正常申报缴纳",
        "职工对个税办理工作的满意程度",
    ]


@pytest.mark.parametrize(
    "announced",
    [
        "绩效指标设置3个,分别为:养护里程120公里,道路通畅,群众满意度≥90%。",
        "设置绩效指标三项,分别为:养护里程120公里,道路通畅,群众满意度≥90%。",
    ],
)
def test_a_worded_clause_counts_only_where_the_count_is_announced(tmp_path: Path, announced: str) -> None:
    def listed(text: str) -> list[tuple[str, str | None]]:
        report = tmp_path / "自评报告.txt"
        report.write_text(f"乡村道路养护经费自评报告\n{text}\n", encoding="utf-8")
        (project,) = parse(report).projects
        return [(i.level3 or "", i.value) for i in project.indicators]

    assert listed(announced) == [("养护里程", "120公里"), ("道路通畅", None), ("群众满意度", "≥90%")]
    # four announced, three clauses: the count does not match, the worded clause is no indicator
    assert listed(announced.replace("3个", "4个").replace("三项", "四项")) == [
        ("养护里程", "120公里"),
        ("群众满意度", "≥90%"),
    ]


def test_a_report_naming_the_categories_its_list_covers() -> None:
    # u01 (2): "主要从数量指标、时效指标、质量指标、社会效益指标和满意度指标5个方面设置指标5个。分别是:…"
    second = parse(WILD / "u01_yunnan_transportenforcement_selfeval_prose.txt").projects[1]
    assert second.named_categories == ["数量指标", "时效指标", "质量指标", "社会效益指标", "服务对象满意度指标"]
    assert second.categories_named_at is not None
    assert (second.categories_named_at.line, second.categories_named_at.column) == (7, 166)
    assert parse(WILD / "u01_yunnan_transportenforcement_selfeval_prose.txt").projects[0].named_categories == []


def test_one_named_project_stays_the_report_project(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "(1)项目名称:乡村道路养护经费,主要用于道路养护。\n绩效指标设置2个,分别为:养护里程120公里,群众满意度≥90%。\n",
        encoding="utf-8",
    )
    (project,) = parse(report).projects
    assert [(i.level3, i.value) for i in project.indicators] == [("养护里程", "120公里"), ("群众满意度", "≥90%")]


@pytest.mark.parametrize(
    ("listed", "name", "value"),
    [
        ("项目建成后可持续影响年限10年", "项目建成后可持续影响年限", "10年"),
        ("对文化需求的可持续影响70元", "对文化需求的可持续影响", "70元"),  # a figure right after the word
    ],
)
def test_a_category_word_inside_a_listed_name_is_part_of_the_name(
    tmp_path: Path, listed: str, name: str, value: str
) -> None:
    # "项目建成后可持续影响年限" (a name of the wild tables) holds 可持续影响, a 二级 word: with words before it and
    # no colon after it, it is no label over a list.
    text = (WILD / "p08_guangxi_commerce_regional_selfeval_prose.txt").read_text(encoding="utf-8")
    report = tmp_path / "p08_variant.txt"
    report.write_text(text.replace("全区县域商业建设行动试点县数量20个", listed), encoding="utf-8")
    (indicator,) = parse(report).indicators
    assert (indicator.level1, indicator.level2, indicator.level3, indicator.value) == ("产出指标", None, name, value)


def test_sentences_naming_an_indicator_before_a_colon_under_a_category_heading() -> None:
    # u04: "(1)数量指标。" then one sentence per indicator, "开展工作督导: 一个季度开展工作督导一次,共4次。": the name
    # before the colon, the target after it, what was achieved ("共4次") after the comma in neither.
    doc = parse(WILD / "u04_yunnan_publichealth_selfeval_prose.txt")
    rows = [(i.level2, i.level3, i.value, i.line, i.column) for i in doc.projects[0].indicators]
    assert rows[:3] == [
        ("数量指标", "开展工作督导", "一个季度开展工作督导一次", 23, 1),
        ("数量指标", "开展绩效考核", "一个季度开展绩效考核一次", 24, 1),
        ("成本指标", "开展技术指导", "一个季度开展技术指导一次", 26, 1),
    ]
    assert rows[4] == ("社会效益指标", "及时发现隐患和薄弱环节", "一个季度报送一次", 30, 1)
    assert doc.projects[0].indicators[0].spans["value"].column == 9  # after "开展工作督导: "
    assert len(rows) == 6


def test_a_named_sentence_needs_a_category_heading_before_it(tmp_path: Path) -> None:
    # The same sentences under a heading that names no category state nothing a reader can file.
    text = (WILD / "u04_yunnan_publichealth_selfeval_prose.txt").read_text(encoding="utf-8")
    path = tmp_path / "u04_no_category.txt"
    path.write_text(text.replace("(1)数量指标。", "(1)工作情况。"), encoding="utf-8")
    names = [i.level3 for p in parse(path).projects for i in p.indicators]
    assert "开展工作督导" not in names
    assert "开展技术指导" in names  # under "(2)成本指标。", still read


def test_a_heading_sentence_ending_in_its_only_comparison_is_one_indicator() -> None:
    # u02: "6.可持续影响指标。降低交通事故损失,提升公路交通安全保障水平≥95%。": the clause before the comma has no
    # figure, so the whole sentence names the target.
    doc = parse(WILD / "u02_yunnan_roadsafety_selfeval_prose.txt")
    rows = [(i.level2, i.level3, i.value, i.line, i.column) for p in doc.projects for i in p.indicators]
    assert rows == [
        ("可持续影响指标", "降低交通事故损失,提升公路交通安全保障水平", "≥95%", 32, 11),
        ("服务对象满意度指标", "项目区群众满意度", "≥95%", 34, 13),
    ]


def test_a_figure_before_the_comparison_keeps_the_clauses_apart(tmp_path: Path) -> None:
    text = (WILD / "u02_yunnan_roadsafety_selfeval_prose.txt").read_text(encoding="utf-8")
    path = tmp_path / "u02_figure_before.txt"
    path.write_text(text.replace("降低交通事故损失,", "降低交通事故损失5起,"), encoding="utf-8")
    names = [i.level3 for p in parse(path).projects for i in p.indicators]
    assert names[0] == "提升公路交通安全保障水平"


def test_a_section_heading_line_over_a_paragraph_that_states_its_targets() -> None:
    # v05: "(二)项目绩效指标" on a line of its own, then a paragraph whose second sentence states the targets
    # ("全年有效监测数据获取率应大于或等于90%,确保风景区空气质量优良率达到90%以上,…"): the modal 应 and the
    # opening verb 确保 (glue_cues.txt 目标情态 / 目标前导) and the linking 达到 are in neither cell.
    doc = parse(WILD / "v05_anhui_ecoenv_monitoring_selfeval_prose.txt")
    rows = [
        (i.level2, i.level3, i.value, i.line, i.column, i.parsed.comparator if i.parsed else None)
        for p in doc.projects
        for i in p.indicators
    ]
    assert rows == [
        (None, "全年有效监测数据获取率", "大于或等于90%", 12, 108, "≥"),
        (None, "风景区空气质量优良率", "90%以上", 12, 131, "≥"),
    ]


def test_a_section_heading_needs_two_targets_in_its_paragraph(tmp_path: Path) -> None:
    # One comparison in the paragraph under the heading is a sentence about the goal, not its list.
    text = (WILD / "v05_anhui_ecoenv_monitoring_selfeval_prose.txt").read_text(encoding="utf-8")
    path = tmp_path / "v05_one_target.txt"
    path.write_text(text.replace(",确保风景区空气质量优良率达到90%以上", ""), encoding="utf-8")
    with pytest.raises(InputError):
        parse(path)


def test_a_category_heading_over_a_summary_and_a_list_apart_by_semicolons() -> None:
    # v03: "1.产出指标完成情况。该项指标完成100%。2021年森林防火期,我市共发生森林火灾3起,低于…控制指标82起;火案查处率
    # 100%;市级森林防火物资储备112万元,高于控制指标32万元;…": the summary states no indicator, each item of the list
    # is a name and its figure; the comparison with the control figure and the report's subject are in no cell.
    doc = parse(WILD / "v03_yunnan_forestry_selfeval_prose.txt")
    rows = [(i.level1, i.level2, i.level3, i.value, i.line, i.column) for p in doc.projects for i in p.indicators]
    assert rows == [
        ("产出指标", None, "发生森林火灾", "3起", 14, 37),
        ("产出指标", None, "火案查处率", "100%", 14, 64),
        ("产出指标", None, "市级森林防火物资储备", "112万元", 14, 74),
        ("效益指标", None, "森林受害面积", "93.24公顷", 15, 23),
        ("效益指标", None, "森林受害率", "0.0738‰", 15, 53),
    ]


def test_a_summary_sentence_alone_under_a_heading_states_no_indicator(tmp_path: Path) -> None:
    # Without its lists, v03 states only "该项指标完成100%。" under each heading: nothing to read as a row.
    lines = (WILD / "v03_yunnan_forestry_selfeval_prose.txt").read_text(encoding="utf-8").splitlines()
    kept = ["。".join(line.split("。")[:2]) + "。" if "指标完成情况" in line else line for line in lines]
    path = tmp_path / "v03_summaries_only.txt"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        parse(path)


def _stated_rows(tmp_path: Path, text: str) -> list[tuple[str | None, str | None, str | None]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return [(i.level2, i.level3, i.value) for p in parse(path).projects for i in p.indicators]


def test_a_numbered_heading_line_is_a_sentence_of_its_own(tmp_path: Path) -> None:
    # "(1)数量指标" printed on a line of its own, no full stop: it heads the list on the next line.
    text = "三、绩效目标完成情况\n(1)数量指标\n办理法律援助案件94件;调解各类纠纷数量1087件。\n"
    assert _stated_rows(tmp_path, text) == [
        ("数量指标", "办理法律援助案件", "94件"),
        ("数量指标", "调解各类纠纷数量", "1087件"),
    ]


def test_a_short_numbered_line_going_on_with_a_figure_is_no_heading(tmp_path: Path) -> None:
    # "(二)绩效目标:道路养护" wrapped before its figure: the sentence goes on, the figure is its target's.
    text = "(二)绩效目标:道路硬化\n≥0.565km;受益建档立卡贫困人口数≥23人。\n"
    assert _stated_rows(tmp_path, text) == [(None, "道路硬化", "≥0.565km"), (None, "受益建档立卡贫困人口数", "≥23人")]


def test_only_a_place_is_taken_for_the_reports_subject(tmp_path: Path) -> None:
    # "我市" opens what the city did; "本单位职工" is who is surveyed, part of the name (KPI409 reads it).
    text = "(1)满意度指标。\n本单位职工满意度≥90%;我市群众满意度≥95%。\n"
    assert _stated_rows(tmp_path, text) == [
        ("服务对象满意度指标", "本单位职工满意度", "≥90%"),
        ("服务对象满意度指标", "群众满意度", "≥95%"),
    ]
