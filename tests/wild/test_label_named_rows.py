"""Rows whose names read like labels.  A 三级指标 named like a category ("社会成本指标") after a name of
either tier ("成本指标": a 一级 of the 2021 template, a 二级 of the older one), in a row that
lost its merged 一级: the row's name is the second label when what follows it can open no row ("定量", a
figure) (m04, 湖南 价格认证中心 部门整体绩效目标表).
A name said twice and nothing else is a label row, no indicator (b08)."""

from __future__ import annotations

from tests.wild.rows import WILD, printed_rows


def test_m04_reads_the_row_named_like_a_category() -> None:
    rows = printed_rows(WILD / "m04_hunan_pricecert_dept_target_traditional.txt")
    assert ("成本指标", "社会成本指标", "100%") in rows
    assert ("时效指标", "工作安排时间", "按月安排") in rows
    assert ("社会效益指标", "保证单位正常运转", "应保尽保") in rows


def test_b08_a_name_said_twice_alone_is_no_row() -> None:
    # b08 (河北 民政 自评表) ends with "预算执行率 预算执行率": the template's 一级 and 二级 of a row left empty
    rows = printed_rows(WILD / "b08_hebei_civilaffairs_selfeval.txt")
    assert all(level3 != "预算执行率" for _, level3, _ in rows)
    assert ("服务对象满意度指标", "服务对象满意度", ">=95%(百分比)") in rows


def test_j05_a_target_said_twice_is_still_a_row() -> None:
    # j05 (四川 民政): "时效指标 | 2020年 | 2020年", a target in the name column too, is read as printed
    rows = printed_rows(WILD / "j05_sichuan_civilaffairs_dept_selfeval.txt")
    assert ("时效指标", "2020年", "2020年") in rows
