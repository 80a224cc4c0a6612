"""Habits of real disclosures first met in wild batch r (read once unseen, wild-r.md, then made
development data): each mechanism on its batch r file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.rows import WILD


def test_the_old_target_template_one_cell_per_line() -> None:
    # r01: header 指标类型 / 指标名称 / 绩效目标 / 绩效标准, 一级 产出 / 成效 / 效率 (海南 2016).
    doc = parse(WILD / "r01_hainan_archives_target_evalreport.txt")
    rows = [(i.level1, i.level3, i.value) for i in doc.indicators]
    assert rows[0] == (
        "产出指标",
        "编印《海口市人民政府公报》及其合订本、光盘",
        "编印《海口市人民政府公报》每月3000本,一年12期,年底编印《海口市人民政府公报》合订本及光盘。",
    )
    outcome = (
        "效益指标",
        "向社会公开政府公开信息和记录市领导政务活动信息",
        "向社会公开政府公开信息及记录市领导政务活动信息",
    )
    assert outcome in rows
    assert rows[-1] == ("产出指标", "项目资金到位率", "全")


def test_the_old_template_in_another_table_under_a_goal_heading(tmp_path: Path) -> None:
    table = tmp_path / "目标表.txt"
    table.write_text(
        "项目绩效目标表\n\n项目名称:村级档案规范化建设\n\n(一)中长期绩效目标\n\n"
        "指标类型\n\n指标名称\n\n绩效目标\n\n产出指标\n\n档案整理卷数\n\n≥5000卷\n\n"
        "成效指标\n\n档案利用满意度\n\n≥90%\n\n效率指标\n\n资金到位率\n\n100%\n",
        encoding="utf-8",
    )
    doc = parse(table)
    assert [(i.level1, i.level3, i.value) for i in doc.indicators] == [
        ("产出指标", "档案整理卷数", "≥5000卷"),
        ("效益指标", "档案利用满意度", "≥90%"),
        ("产出指标", "资金到位率", "100%"),
    ]
