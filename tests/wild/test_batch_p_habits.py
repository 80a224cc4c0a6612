"""Habits of real disclosures first met in wild batch p (read after all reader work, then made
development data): each mechanism on a batch p file and on a second text with the same habit."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"


def _rows(path: Path) -> list[tuple[str | None, str | None, str | None]]:
    return [(i.level2, i.level3, i.value) for i in parse(path).indicators]


def test_an_achieved_figure_stated_after_a_target_in_prose_is_no_row() -> None:
    # p03: "数量指标:布防飞机数量≥6架,实际布防6架;飞机飞行时长≥928小时,实际飞行时长909.93小时。"
    assert _rows(WILD / "p03_yunnan_emergency_regional_selfeval_prose.txt") == [
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
    assert _rows(report) == [
        ("数量指标", "培训农民人数", "≥300人"),
        ("数量指标", "新建示范基地", "≥2个"),
        ("质量指标", "培训合格率", "≥90%"),
    ]
