"""Cells of a row printed a line each, wrapped (issue 9zi).

A name wrapped over two lines of its cell, its short target centred beside them, is printed name-head,
target, name-tail: the tail opens with a conjunction (及, 以及; no name does) and goes back onto the name
(k06: "各种强制免率、屠宰率" ⏎ "100%" ⏎ "及检疫率").  A line of clauses (holding ；) under a row that has its
name and target, in a table with a 备注/说明 column after the target, is that row's remark, and a further line
of clauses its wrapped rest ("免疫效果好;检疫符合" ⏎ "提高成活率;让肉"): no row of its own."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from tests.wild.rows import WILD

K06 = WILD / "k06_hunan_livestock_special_target.txt"


def test_k06_name_wrapped_around_its_target_and_remark_lines() -> None:
    doc = parse(K06)
    rows = [(i.level2, i.level3, i.value, i.line, i.column) for i in doc.indicators]
    # the first row whole; the remark's lines (48-50) open no row; "质量指标产品质量得到保 | 操" is left as read
    assert rows[0] == ("数量指标", "各种强制免率、屠宰率及检疫率", "100%", 46, 1)
    assert doc.indicators[0].spans["value"].line == 47
    assert not any(i.line in (48, 49, 50) for i in doc.indicators)
    assert not any((i.level3 or "").startswith(("及", "提高成活率")) for i in doc.indicators)


def test_a_plain_name_line_after_a_row_still_opens_a_row(tmp_path: Path) -> None:
    # the same table, its remark lines replaced by a next row printed a cell per line
    text = K06.read_text(encoding="utf-8").replace("免疫效果好;检疫符合\n提高成活率;让肉\n", "动物免疫密度\n95%\n")
    path = tmp_path / "k06_variant.txt"
    path.write_text(text, encoding="utf-8")
    rows = [(i.level3, i.value) for i in parse(path).indicators]
    assert rows[:2] == [("各种强制免率、屠宰率及检疫率", "100%"), ("动物免疫密度", "95%")]


def test_a_remark_line_without_a_remark_column_is_no_remark(tmp_path: Path) -> None:
    # header without 备注: the clause line is not taken as a remark of the row above
    text = K06.read_text(encoding="utf-8").replace("二级指标指标内容指标值备注", "二级指标指标内容指标值")
    path = tmp_path / "k06_no_note.txt"
    path.write_text(text, encoding="utf-8")
    rows = [(i.level3, i.value) for i in parse(path).indicators]
    assert rows[:2] == [("各种强制免率、屠宰率及检疫率", "100%"), ("免疫效果好;检疫符合", "提高成活率;让肉")]


def test_a_line_of_prose_after_the_last_row_is_no_remark() -> None:
    # s02 (锡林郭勒盟 养老保险 自评报告): "质量指标。符合条件的城乡老年居民养老金" ends the text; a 。 marks no remark,
    # so the table is still reported as cut there, the rows before it kept
    doc = parse(WILD / "s02_neimenggu_pension_regional_selfeval_prose.txt")
    assert [(i.level3, i.value) for i in doc.indicators] == [
        ("养老金领取人数全年平均数", "101974人"),
        ("全年缴费人数", "216786人"),
    ]
    cut = [p for p in [*doc.problems, *doc.notes] if "表格在第16行中断" in p.message]
    assert [(p.line, p.column) for p in cut] == [(16, 1)]
    assert "质量指标。符合条件的城乡老年居民养老金" in cut[0].message
