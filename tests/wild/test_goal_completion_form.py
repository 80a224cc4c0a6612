"""The old 目标设置/完成情况 form (江苏 2016: 目标名称 | 目标值 | 评价指标 | 标准值 | 目标完成值 | 评价指标值 |
权重分值 | 评分规则 | 得分, sections 一、投入目标 / 二、管理目标 / 三、产出目标 with 1.数量目标 under 产出): each row is
the target's name and value; the criterion beside it and its standard are the row's basis, not a second
row nor a second period."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from kpi_lint.read.source import read_source
from kpi_lint.read.text_grid import text_grid
from tests.wild.rows import WILD

_FORM = (
    "某县2016年度农村公路养护专项资金绩效目标自评表\n"
    "绩效目标设置情况 | | | | 绩效目标完成情况 | | | | |\n"
    "目标名称 | 目标值 | 评价指标 | 标准值 | 目标完成值 | 评价指标值 | 权重分值 | 评分规则 | 得分\n"
    "一、投入目标 | | | | | | | | |\n"
    "1.预算投入资金 | 120 | 预算完成率 | 100% | 120 | 100% | 2 | 预算完成率超出正负10%不得分 | 2\n"
    "三、产出目标 | | | | | | | | |\n"
    "1.数量目标 | | | | | | | | |\n"
    "农村公路养护里程 | 300公里 | 养护完成率 | ≥95% | 310公里 | 103% | 5 | 查阅资料,≥95%得5分 | 5\n"
    "2.质量目标 | | | | | | | | |\n"
    "养护路段优良率 | 80% | 路况检测合格率 | ≥90% | 85% | 92% | 5 | 查阅检测报告 | 5\n"
)


def test_the_jiangsu_form_copied_one_cell_per_line() -> None:
    # s05: every cell on its own line closed by a lone "|"; a second "|" closes a cell that printed nothing.
    doc = parse(WILD / "s05_jiangsu_publichealth_selfeval.txt")
    rows = [
        (i.period, i.level1, i.level2, i.level3, i.value, i.actual, i.line, i.span("value")) for i in doc.indicators
    ]
    assert rows == [
        (None, "成本指标", None, "预算投入资金", "6475", "6475", 33, (35, 1)),
        (None, "成本指标", None, "实际到位资金", "6475", "6475", 51, (53, 1)),
        (None, "成本指标", None, "实际支出", "6475", "6475", 69, (71, 1)),
        (None, "成本指标", None, "专款专用资金", "6475", "6475", 87, (89, 1)),
        (None, "过程管理指标", None, "资金管理情况", "专账核算", "专账核算", 115, (117, 1)),
        (None, "过程管理指标", None, "财务管理", "支出符合财务管理制度规定", "符合财务管理制度规定", 132, (134, 1)),
        (
            None,
            "过程管理指标",
            None,
            "项目管理情况",
            "(1)成立管理组织;(2)季度督导、半年度考核、年度考核;(3)季度通报",
            "有组织制度、考核制度、通报",
            150,
            (152, 1),
        ),
        (None, "产出指标", "数量指标", "居民电子健康档案建档数", "941250份", "1024410", 188, (190, 1)),
        (None, "产出指标", "数量指标", "0-6岁儿童健康管理数", "56950人", "68890", 206, (208, 1)),
    ]
    first = doc.indicators[0]
    assert (first.basis, first.weight, first.score) == ("预算完成率", 1.0, 1.0)
    # The text breaks off after the next row's name: that row is reported, not read as a note of the one before.
    assert [p.line for p in doc.problems] == [224]
    assert "孕产妇健康管理" in doc.problems[0].message


def test_the_same_form_as_bar_rows(tmp_path: Path) -> None:
    path = tmp_path / "自评表.txt"
    path.write_text(_FORM, encoding="utf-8")
    rows = [(i.level1, i.level2, i.level3, i.value, i.actual, i.basis, i.line) for i in parse(path).indicators]
    assert rows == [
        ("成本指标", None, "预算投入资金", "120", "120", "预算完成率", 5),
        ("产出指标", "数量指标", "农村公路养护里程", "300公里", "310公里", "养护完成率", 8),
        ("产出指标", "质量指标", "养护路段优良率", "80%", "85%", "路况检测合格率", 10),
    ]


def test_a_second_bar_closes_an_empty_cell(tmp_path: Path) -> None:
    # Only where nearly every line of text is closed by a lone "|": elsewhere a "|" line marks a row.
    path = tmp_path / "cells.txt"
    path.write_text("\n".join(["名称", "|", "目标", "|", "|", "完成", "|"] * 5) + "\n", encoding="utf-8")
    rows = text_grid(read_source(path)).rows
    assert [([c.text for c in r.cells], r.cells[0].line if r.cells else None) for r in rows[:6]] == [
        (["名称"], 1),
        ([], None),
        (["目标"], 3),
        ([], None),
        ([""], 5),
        (["完成"], 6),
    ]
