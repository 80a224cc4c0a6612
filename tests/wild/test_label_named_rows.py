"""Rows whose names read like labels.  A 三级指标 named like a category ("社会成本指标") after a name of
either tier ("成本指标": a 一级 of the 2021 template, a 二级 of the older one), in a row that
lost its merged 一级: the row's name is the second label when what follows it can open no row ("定量", a
figure) (m04, 湖南 价格认证中心 部门整体绩效目标表).
A name said twice and nothing else is a label row, no indicator (b08); nor is a row of the points each
item scored (m06).  In a table with a 一级 column and no 二级 one, a name of either tier there is 一级 (g04)."""

from __future__ import annotations

from kpi_lint.parse import parse
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


def test_m06_a_row_of_points_awarded_is_no_indicator() -> None:
    # m06 (南开大学 自评公示) prints under its table "预算绩效评价结果 | 考核节点进度完成率 | 10分 | 项目采购节约率 |
    # 10分" and "预算编制准确度 | 9分 | 绩效评价结果 | 29分": what each item scored, no indicators
    rows = printed_rows(WILD / "m06_tianjin_university_selfeval.txt")
    assert len(rows) == 9
    assert rows[-1] == ("服务对象满意度指标", "师生对实验室改造满意度", "≥95%")


def test_g04_a_label_of_either_tier_in_the_only_label_column_is_the_one_tier() -> None:
    # g04 (浙江 绿化养护 申报表): "指标类型 | 指标名称 | 指标值", "满意度指标 | 服务对象或受益者满意度指标 | ≥95%":
    # 满意度指标 stands where 产出指标 and 效益指标 stand, a 一级 with no 二级 printed
    doc = parse(WILD / "g04_zhejiang_greening_declaration.txt")
    last = doc.indicators[-1]
    assert (last.level1, last.level2, last.value) == ("满意度指标", None, "≥95%")
    assert last.level3 == "服务对象或受益者满意度指标"
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.level3) == ("产出指标", None, "数量指标")
