"""Habits of real disclosures first met in wild batch p (read after all reader work, then made
development data): each mechanism on a batch p file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.rows import WILD, printed_rows


def test_an_achieved_figure_stated_after_a_target_in_prose_is_no_row() -> None:
    # p03: "数量指标:布防飞机数量≥6架,实际布防6架;飞机飞行时长≥928小时,实际飞行时长909.93小时。"
    assert printed_rows(WILD / "p03_yunnan_emergency_regional_selfeval_prose.txt") == [
        ("数量指标", "布防飞机数量", "≥6架"),
        ("数量指标", "飞机飞行时长", "≥928小时"),
        ("质量指标", "实际完成飞行小时数/计划小时数", "≥80%"),  # a name opening with 实际, compared: a row
    ]


def test_an_achieved_clause_is_no_row_in_another_report_too(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "(二)绩效指标完成情况\n"
        "数量指标:培训农民人数≥300人,实际培训326人;新建示范基地≥2个,已完成2个。\n"
        "质量指标:培训合格率≥90%,实际合格率95%。\n",
        encoding="utf-8",
    )
    assert printed_rows(report) == [
        ("数量指标", "培训农民人数", "≥300人"),
        ("数量指标", "新建示范基地", "≥2个"),
        ("质量指标", "培训合格率", "≥90%"),
    ]


def test_a_cell_numbering_the_row_is_not_its_name() -> None:
    # p07 (2017 Fujian template): "投入 成本目标 目标1 发放省直困难、高龄台胞 100% 按实际情况发放" ⏎
    # "目标2 开展丰收节活动、… 100% 100%" under "绩效目标 评价指标 绩效内容 绩效标准 全年绩效目标".
    assert printed_rows(WILD / "p07_fujian_taiwancompatriots_target.txt") == [
        ("成本指标", "发放省直困难、高龄台胞", "按实际情况发放"),
        ("成本指标", "开展丰收节活动、夏令营活动、台胞技能培训、定居台胞困难大学生助学金", "100%"),
        (
            "数量指标",
            "困难台胞、高龄台胞困难补助受益",
            "困难台胞432人、高龄台胞1792人、困难学生助学95人、困难台胞技能培训91人",
        ),
        ("数量指标", "争取台湾民心、增进乡情", "开展丰收节活动1次、夏令营活动1次、台胞技能培训2期"),
    ]


def test_a_numbering_cell_before_the_name_in_another_table(tmp_path: Path) -> None:
    table = tmp_path / "目标表.txt"
    table.write_text(
        "项目支出绩效目标表\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值\n"
        "产出指标 | 数量指标 | 指标1 | 培训农民人数 | ≥300人\n"
        "指标2 | 新建示范基地 | ≥2个\n"
        "效益指标 | 社会效益指标 | 1、 | 农民增收 | 明显提升\n",
        encoding="utf-8",
    )
    assert printed_rows(table) == [
        ("数量指标", "培训农民人数", "≥300人"),
        ("数量指标", "新建示范基地", "≥2个"),
        ("社会效益指标", "农民增收", "明显提升"),
    ]


def test_a_goal_listed_in_prose_as_names_and_counts_is_read_up_to_what_was_achieved() -> None:
    # p04: "…残疾人康复项目目标:资助精神病患者服药230人,“0-6”残疾儿童康复救助39人,辅具适配200人,
    # 假肢安装及基本康复服务21实际完成:资助精神病患者服药230人,…" — the achieved list is no row.
    doc = parse(WILD / "p04_hunan_disabled_selfeval_prose.txt")
    assert [(i.level2, i.level3, i.value) for i in doc.indicators] == [
        (None, "资助精神病患者服药", "230人"),
        (None, "“0-6”残疾儿童康复救助", "39人"),
        (None, "辅具适配", "200人"),
        (None, "假肢安装及基本康复服务", "21"),
    ]
    first = doc.indicators[0]
    assert (first.spans["level3"].line, first.spans["level3"].column) == (10, 32)
    assert (first.spans["value"].line, first.spans["value"].column) == (10, 41)


def test_a_list_under_a_level1_label_and_its_colon_has_no_level2() -> None:
    # p08: "具体指标。产出指标:全区县域商业建设行动试点县数量20个;2022年全区县域" (the page cut there).
    doc = parse(WILD / "p08_guangxi_commerce_regional_selfeval_prose.txt")
    assert [(i.level1, i.level2, i.level3, i.value) for i in doc.indicators] == [
        ("产出指标", None, "全区县域商业建设行动试点县数量", "20个"),
    ]


def test_names_and_counts_listed_in_another_report(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "二、绩效目标\n"
        "年度目标:新建村级卫生室12个,培训乡村医生300人次,配备急救设备45台。实际完成:新建村级卫生室12个。\n"
        "效益指标:带动就业人数80人,受益人口1.2万人。\n"
        "经济效益指标合计100\n",  # no colon: a name and a count glued in a flattened table are no list
        encoding="utf-8",
    )
    doc = parse(report)
    assert [(i.level1, i.level3, i.value) for i in doc.indicators] == [
        (None, "新建村级卫生室", "12个"),
        (None, "培训乡村医生", "300人次"),
        (None, "配备急救设备", "45台"),
        ("效益指标", "带动就业人数", "80人"),
        ("效益指标", "受益人口", "1.2万人"),
    ]


def test_a_worded_target_is_no_name_when_a_table_is_cut_after_it() -> None:
    # p05, one cell per line, cut after the next name: "…危房改造户数" ⏎ "应改尽改" ⏎ "7度以上抗震设防地区".
    doc = parse(WILD / "p05_chongqing_housing_regional.txt")
    assert [(i.level2, i.level3, i.value) for i in doc.indicators] == [
        ("数量指标", "农村低收入群体等重点对象危房改造户数", "应改尽改"),
    ]


def test_an_all_due_target_in_another_table_cut_after_the_next_name(tmp_path: Path) -> None:
    table = tmp_path / "目标表.txt"
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "产出指标",
        "数量指标",
        "特困人员救助供养人数",
        "360人",
        "低保对象参保资助率",
        "应保尽保",
        "城乡低保对象",
    ]
    table.write_text("\n\n".join(cells) + "\n", encoding="utf-8")
    assert [(i.level3, i.value) for i in parse(table).indicators] == [
        ("特困人员救助供养人数", "360人"),
        ("低保对象参保资助率", "应保尽保"),
    ]


def test_an_achieved_clause_in_a_goal_list_of_counts_is_no_row(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "二、绩效目标\n年度目标:新建村级卫生室12个,培训乡村医生≥300人次,实际培训326人次,配备急救设备45台,已完成45台。\n",
        encoding="utf-8",
    )
    assert [(i.level3, i.value) for i in parse(report).indicators] == [
        ("新建村级卫生室", "12个"),
        ("培训乡村医生", "≥300人次"),
        ("配备急救设备", "45台"),
    ]
