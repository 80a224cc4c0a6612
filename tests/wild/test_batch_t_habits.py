"""Habits of real disclosures first met in wild batch t (read once unseen, wild-t.md, then made
development data): each mechanism on its batch t file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.rows import WILD


def test_batch_t_rows_as_printed() -> None:
    # t01: one cell per line, ten blank lines between rows, the unit only in the name's placeholder.
    doc = parse(WILD / "t01_yunnan_supplycoop_pigfarm_selfeval.txt")
    rows = [(i.level2, i.level3, i.value) for i in doc.indicators]
    assert len(rows) == 19
    assert rows[0] == ("数量指标", "公猪舍(≥平方米)", "22.8")  # the template's ** placeholder dropped
    assert rows[-1] == ("数量指标", "种母猪(≥头)", "20")
    # t02: a unit column before the target, which repeats the unit.
    doc = parse(WILD / "t02_chongqing_livestock_regional_mirror.txt")
    assert [(i.level2, i.level3, i.value) for i in doc.indicators] == [
        ("数量指标", "猪肉产量稳定率", "≥95%"),
        ("数量指标", "能繁母猪稳定率", "90%"),
    ]


def test_a_vertical_label_whose_last_character_shares_a_line_with_a_wrapped_category() -> None:
    # t04: "效" ⏎ "益" ⏎ "指" ⏎ "标 经济效益" ⏎ "指标 全年影院观影人数 ≥4万人次 …": 效益指标 ends inside the
    # line that starts 经济效益指标; its 指 and 标 were read as a name and a value.
    doc = parse(WILD / "t04_anhui_film_regional_selfeval_tender.txt")
    assert [(i.level1, i.level2, i.level3, i.value) for i in doc.indicators] == [
        ("产出指标", "数量指标", "维护电影放映设备数量", "≥5套"),
        ("产出指标", "质量指标", "提升放映质量", "明显"),
        ("效益指标", "经济效益指标", "全年影院观影人数", "≥4万人次"),
        ("效益指标", "经济效益指标", "影院营业收入", "≥150万元"),
    ]


def test_the_same_habit_in_another_table(tmp_path: Path) -> None:
    table = tmp_path / "自评表.txt"
    table.write_text(
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分\n"
        "产\n出\n指\n标 数量\n指标 培训人数 ≥200人 215人 20 20\n"
        "时效指标 完成时限 2024年12月前 2024年11月 10 10\n"
        "满\n意\n度\n指\n标 服务对象\n满意度指标 学员满意度 ≥90% 96% 10 10\n",
        encoding="utf-8",
    )
    rows = [(i.level1, i.level2, i.level3, i.value) for i in parse(table).indicators]
    assert rows == [
        ("产出指标", "数量指标", "培训人数", "≥200人"),
        ("产出指标", "时效指标", "完成时限", "2024年12月前"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
    ]
