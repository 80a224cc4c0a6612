"""Habits of real disclosures first met in wild batch s (read once unseen, wild-s.md, then made
development data): each mechanism on its batch s file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from tests.wild.rows import WILD


def test_counted_targets_in_ten_thousands_and_a_rate_linked_by_da() -> None:
    # s03: "数量指标:甘蔗良种推广1.8万亩;…" (万 before the unit) and "覆盖率达≥90%" (达 is in neither cell).
    doc = parse(WILD / "s03_yunnan_sugarcane_selfeval_prose.txt")
    rows = [(i.level2, i.level3, i.value) for i in doc.indicators]
    assert rows[:4] == [
        ("数量指标", "甘蔗良种推广", "1.8万亩"),
        ("数量指标", "甘蔗机械化深翻开沟", "1.17万亩"),
        ("质量指标", "糖料甘蔗脱毒、健康种苗覆盖率", "≥90%"),
        ("质量指标", "机械化深翻开沟覆盖率", "≥95%"),
    ]


def test_the_same_habits_in_another_report(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "某县2023年油茶产业项目绩效自评报告\n\n(二)具体绩效目标\n\n"
        "数量指标:新造油茶林2.5万亩;低产林改造0.8万亩。\n\n"
        "质量指标:造林成活率达到≥85%;苗木合格率达100%。\n",
        encoding="utf-8",
    )
    rows = [(i.level2, i.level3, i.value) for i in parse(report).indicators]
    assert rows == [
        ("数量指标", "新造油茶林", "2.5万亩"),
        ("数量指标", "低产林改造", "0.8万亩"),
        ("质量指标", "造林成活率", "≥85%"),
        ("质量指标", "苗木合格率", "100%"),
    ]


def test_a_category_label_with_a_word_printed_twice() -> None:
    # s04: 二级 printed "社会效益效益指标"; q04 printed "数量指标" twice in one cell.
    vocab = load_lexicon().vocabulary
    assert vocab.canonical_level2("社会效益效益指标") == "社会效益指标"
    assert vocab.canonical_level2("数量指标数量指标") == "数量指标"
    assert vocab.canonical_level2("受益农户数") is None
    doc = parse(WILD / "s04_yunnan_fertilizer_selfeval.txt")
    last = doc.indicators[-1]
    assert (vocab.canonical_level2(last.level2), last.level3, last.value) == ("社会效益指标", "受益农户数", "5000户")


def test_rows_marking_their_merged_labels_by_empty_cells() -> None:
    # s01: OCR'd `|` rows; "| | name | target | actual |" under a row that printed its 一级 and 二级.
    doc = parse(WILD / "s01_shanxi_nursingtraining_selfeval_ocr.txt")
    rows = [(i.level2, i.level3, i.value) for i in doc.indicators]
    assert ("数量指标", "完成2021年吕梁山护工培训就业质量考核及验收", "11所") in rows
    assert ("质量指标", "参训学员结业考核通过率", "100%") in rows
    assert ("社会效益指标", "提高参训学员技术水平", "基本提高") in rows


def test_empty_merged_cells_in_another_table(tmp_path: Path) -> None:
    table = tmp_path / "自评.txt"
    table.write_text(
        "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
        "产出指标 | 产出数量 | 培训人数 | 500人 | 480人 |\n"
        "| | 培训班次 | 10期 | 10期 |\n"
        "| 产出质量 | 结业率 | 95% | 96% |\n"
        "| | 考核合格率 | 90% | 92% |\n",
        encoding="utf-8",
    )
    rows = [(i.level2, i.level3, i.value) for i in parse(table).indicators]
    assert rows == [
        ("数量指标", "培训人数", "500人"),
        ("数量指标", "培训班次", "10期"),
        ("质量指标", "结业率", "95%"),
        ("质量指标", "考核合格率", "90%"),
    ]


def test_the_indicator_table_ends_where_a_wider_table_begins() -> None:
    # s01: the schools' allocation table ("序号 | 学校性质 | 培训机构 | … | 补助资金 | 备注", 9 cells under a
    # 5-column indicator header) printed after the indicators is not read on as 满意度 rows.
    doc = parse(WILD / "s01_shanxi_nursingtraining_selfeval_ocr.txt")
    rows = [(i.level2, i.level3, i.value) for i in doc.indicators]
    assert len(rows) == 13
    assert rows[-1] == ("服务对象满意度指标", "参培学员满意度", "95%及以上")
    assert not any(name in ("序号", "合格人数", "培训补助标准(元/人)") for _, name, _ in rows)


def test_a_wider_table_after_the_indicators_of_another_form(tmp_path: Path) -> None:
    table = tmp_path / "自评.txt"
    table.write_text(
        "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
        "产出指标 | 产出数量 | 培训人数 | 500人 | 480人 |\n"
        "满意度指标 | 满意度 | 学员满意度 | 90% | 93% |\n"
        "序号 | 乡镇 | 承办学校 | 补助标准(元/人) | 培训人数 | 合格人数 | 补助资金 | 备注 |\n"
        "1 | 城关镇 | 县职业学校 | 2000 | 200 | 190 | 38 | |\n",
        encoding="utf-8",
    )
    rows = [(i.level2, i.level3, i.value) for i in parse(table).indicators]
    assert rows == [("数量指标", "培训人数", "500人"), ("服务对象满意度指标", "学员满意度", "90%")]


def test_a_target_word_and_an_actual_word_each_right_before_its_figure() -> None:
    # s02: "数量指标。养老金领取人数全年平均数年初任务数101974人,全年完成值103119人;…" (no 为 / 是 / colon).
    doc = parse(WILD / "s02_neimenggu_pension_regional_selfeval_prose.txt")
    rows = [(i.level1, i.level2, i.level3, i.value, i.actual) for i in doc.indicators]
    assert rows == [
        ("产出指标", "数量指标", "养老金领取人数全年平均数", "101974人", "103119人"),
        ("产出指标", "数量指标", "全年缴费人数", "216786人", "201201人"),
    ]
    assert doc.indicators[1].span("level3") == (15, 44)


def test_unglued_target_and_actual_words_in_another_report(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "某县2022年困难群众救助补助资金绩效自评报告\n\n1.产出指标。\n"
        "数量指标。特困人员救助供养人数年度任务数1200人,实际完成值1185人。\n"
        "质量指标。救助资金发放准确率目标值≥98%,完成值99%。\n"
        "时效指标。资金发放及时率指标为100%,实际完成值为100%。\n",
        encoding="utf-8",
    )
    rows = [(i.level2, i.level3, i.value, i.actual) for i in parse(report).indicators]
    assert rows == [
        ("数量指标", "特困人员救助供养人数", "1200人", "1185人"),
        ("质量指标", "救助资金发放准确率", "≥98%", "99%"),
        ("时效指标", "资金发放及时率", "100%", "100%"),
    ]


def test_an_item_named_by_a_category_label() -> None:
    # s03: "服务对象满意度指标:服务对象满意度≥80%。": the label followed straight by a comparison and a
    # figure is the item's name, not a second heading.
    doc = parse(WILD / "s03_yunnan_sugarcane_selfeval_prose.txt")
    last = doc.indicators[-1]
    row = (last.level1, last.level2, last.level3, last.value)
    assert row == ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥80%")
    assert (last.line, last.column, last.spans["value"].column) == (34, 11, 18)
    assert len(doc.indicators) == 7


def test_an_item_named_by_a_label_in_another_report(tmp_path: Path) -> None:
    report = tmp_path / "自评报告.txt"
    report.write_text(
        "某县2023年茶叶产业项目绩效自评报告\n\n(二)具体绩效目标\n\n"
        "数量指标:新建茶园1200亩;改造低产茶园800亩。\n\n满意度指标:满意度达到≥95%。\n",
        encoding="utf-8",
    )
    rows = [(i.level2, i.level3, i.value, i.line, i.column) for i in parse(report).indicators]
    assert rows == [
        ("数量指标", "新建茶园", "1200亩", 5, 6),
        ("数量指标", "改造低产茶园", "800亩", 5, 16),
        ("服务对象满意度指标", "满意度", "≥95%", 7, 7),
    ]
