"""Glued self-evaluation rows cut by what the header says of its columns, on the real files.

l06 (重庆 融媒体中心 部门整体自评表, an OCR'd preview): 指标名称 计量单位 指标性质 年初指标值 调整指标值
"年成值全完值" (全年完成值 read column by column, its centred 值 in both columns) 得分系数(%) 指标权重(分)
指标得分(分) 是否核心指标, every row glued to the next.  g10 (重庆 梁平区 林业局): 指标名称 计量单位 指标性质
指标值 指标权重(分) 全年完成值 指标得分(分) 说明, the figures of each row one run of digits ("901010010").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Indicator
from kpi_lint.parse import parse
from kpi_lint.parse.form_glued import split_glued
from kpi_lint.vocab import scrambles
from tests.wild.rows import WILD

L06 = WILD / "l06_chongqing_media_dept_selfeval.txt"
G10 = WILD / "g10_chongqing_forestry_dept_selfeval.txt"
DEPT = ["level3", "unit", "comparator", "value", "adjusted_value", "actual", "ratio", "weight", "score", "note"]
FORESTRY = ["level3", "unit", "comparator", "value", "weight", "actual", "score", "note"]


def _by_name(path: Path) -> dict[str, Indicator]:
    return {i.level3 or "": i for i in parse(path).indicators}


def _at(path: Path, ind: Indicator, field: str) -> str:
    """The printed text at the place a field of `ind` says it starts."""
    line, column = ind.span(field)
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :]


def _rows(text: str, roles: list[str], broken: bool = False) -> list[dict[str, str]]:
    hints = load_lexicon().vocabulary.glue_hints
    found = split_glued(text, [(i, role) for i, role in enumerate(roles)], hints, broken)
    assert found is not None
    return [{col[1]: text[start:end] for col, start, end in row} for row in found]


def test_the_scrambled_header_names_the_actual_and_the_coefficient_columns() -> None:
    vocab = load_lexicon().vocabulary
    assert vocab.run_of_column_words("年成值全完值得分系数(%)") == ["年成值全完值", "得分系数"]
    assert scrambles({"全年完成值": "actual"})["年成值全完值"] == "全年完成值"


def test_l06_rows_around_a_worded_kind_and_a_target_said_twice() -> None:
    rows = _by_name(L06)
    assert len(rows) == 19
    # "管理制度健全性性标定指高高100%33否": 指标性质 定性指标 read out of order, 高 as target and as actual
    ind = rows["管理制度健全性"]
    assert (ind.value, ind.actual, ind.weight, ind.score) == ("高", "高", 3, 3)
    assert _at(L06, ind, "level3").startswith("管理制度健全性性标定指高高100%33否")
    assert _at(L06, ind, "value").startswith("高高100%33否")
    worded = (rows["资金使用合规性"].value, rows["资产管理安全"].value, rows["预决算信息公开性"].value)
    assert worded == ("好", "好", "高")


def test_l06_a_unit_cell_between_the_name_and_its_target() -> None:
    rows = _by_name(L06)
    # "组织宣传活动次数次到0次43次…": 次数 | 次 (计量单位) | 到0次 (an OCR'd 30次, labelled as printed)
    ind = rows["组织宣传活动次数"]
    assert (ind.value, ind.actual) == ("到0次", "43次")
    assert _at(L06, ind, "value").startswith("到0次43次100%1010是")
    # "份第O份20份": OCR printed the target's zero as the letter O; it stays as printed, read as a count in 份
    made = rows["制作宣传品数量"]
    assert made.value == "第O份"
    parsed = made.parsed
    assert parsed is not None
    assert (parsed.number, parsed.unit, parsed.kind) == (0, "份", "count")
    # "播发稿件数量tot扁2200篇…": the unit cell OCR made letters of (篇) is still the unit's
    assert (rows["播发稿件数量"].value, rows["播发稿件数量"].actual) == ("2200篇", "2859篇")
    assert rows["党性教育培训次数"].value == "26次"


def test_l06_a_row_with_no_target_keeps_its_points() -> None:
    """ "“三公经费变动率%100%22否": 100% is the 得分系数 (2 × 100% = 2 points), no target was set."""
    rows = _by_name(L06)
    ind = rows["“三公经费变动率"]
    assert not ind.value
    assert (ind.weight, ind.score) == (2, 2)
    assert rows["财政供养人员控制率"].value == "100%"


def test_g10_every_row_cut_out_of_its_run_of_figures() -> None:
    rows = _by_name(G10)
    assert {name: (ind.value, ind.weight) for name, ind in rows.items()} == {
        "天然林和公益林管护当期任务完成率": ("90%", 10),
        "国家级公益林管护面积": ("28万亩", 10),
        "森林抚育(营林)面积": ("21万亩", 10),
        "天保工程区森林资源管护面积": ("250万亩", 10),
        "森林火灾受害率": ("0.9%", 10),
        "主要林业有害生物成灾率": ("0.4%", 10),  # its actual and score run into the next row, cut off
    }
    assert all(ind.score == 10 for name, ind in rows.items() if name != "主要林业有害生物成灾率")
    ind = rows["天保工程区森林资源管护面积"]
    assert _at(G10, ind, "level3").startswith("天保工程区森林资源管护面积万亩250105010")
    assert _at(G10, ind, "value").startswith("250105010森林火灾")
    assert rows["国家级公益林管护面积"].actual == "8"


@pytest.mark.parametrize(
    ("text", "roles", "expected"),
    [
        # the coefficient agrees with the points after it: 5 × 80% = 4
        (
            "档案数字化率%90%80%80%54否",
            DEPT,
            [
                {
                    "level3": "档案数字化率",
                    "unit": "%",
                    "value": "90%",
                    "actual": "80%",
                    "ratio": "80%",
                    "weight": "5",
                    "score": "4",
                    "note": "否",
                }
            ],
        ),
        # a unit in its own cell after a name's ending: 数量 | 台 | 12台
        (
            "采购设备数量台12台12台100%33是",
            DEPT,
            [
                {
                    "level3": "采购设备数量",
                    "unit": "台",
                    "value": "12台",
                    "actual": "12台",
                    "ratio": "100%",
                    "weight": "3",
                    "score": "3",
                    "note": "是",
                }
            ],
        ),
        # a row scores no more than its points, and the table's usual points win a tie
        (
            "培训人数人3002030010场地面积平方米500204808",
            FORESTRY,
            [
                {"level3": "培训人数", "unit": "人", "value": "300", "weight": "20", "actual": "300", "score": "10"},
                {"level3": "场地面积", "unit": "平方米", "value": "500", "weight": "20", "actual": "480", "score": "8"},
            ],
        ),
    ],
)
def test_rows_glued_in_other_words(text: str, roles: list[str], expected: list[dict[str, str]]) -> None:
    rows = _rows(text, roles)
    assert rows == expected


def test_a_known_misprint_of_a_label_cuts_a_glued_line() -> None:
    """n06: "…严格执行相关管理制度6顼目产出(30分)数量指标…": 顼目产出 is 项目产出 (typos.txt 顼目 → 项目)."""
    vocab = load_lexicon().vocabulary
    assert vocab.word_pattern is not None and vocab.word_pattern.search("制度6顼目产出(30分)")
    assert vocab.canonical_level1("顼目产出") == vocab.canonical_level1("项目产出") == "产出指标"


J03 = WILD / "j03_hebei_edu_evaltable.txt"


def test_an_evaluation_table_reads_its_points_as_points_and_peels_its_own_row_labels() -> None:
    """j03 (河北 宁晋县 高中助学金, 绩效评价指标表): "评价指标评价内容指标名称指标说明目标值分值备注" over rows
    that lost their separators.  The first, "项目年度绩效目标(定量指标)制度指标规章制度建立与否20", opens with
    the label of the header's untitled column and a category of the table's own; its 20 is its 分值 (every
    other row gives one: "享受资助人数达到预计值210010" is 2100 and 10), and it prints no target."""
    rows = [(i.line, i.level2, i.level3, i.value, i.weight) for i in parse(J03).indicators]
    assert rows == [
        (17, "制度指标", "规章制度建立与否", None, 20),
        (18, "数量指标", "享受资助人数", "2100", 10),
        (19, "数量指标", "资金支出率", "95%", 10),
        (20, "质量指标", "建档立卡学生全面覆盖", "100%", 10),
        (21, "质量指标", "资助对象满意度", "95%以上", 10),
        (22, "时效指标", "及时发放率", "100%", 20),
        (23, "成本指标", "资助标准达标率", "100%", 20),
    ]
    assert sum(weight or 0 for *_, weight in rows) == 100  # the table's 总分
    first = parse(J03).indicators[0]
    printed = J03.read_text(encoding="utf-8").split("\n")[16]
    assert printed[first.span("level3")[1] - 1 :].startswith("规章制度建立与否20")
    assert printed[first.span("level2")[1] - 1 :].startswith("制度指标规章")
    assert printed[first.span("weight")[1] - 1 :] == "20"
