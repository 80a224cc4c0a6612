"""A self-evaluation's glued rows (OCR'd or copied previews, no separator between cells): the actual often
says the target, or its closing words, again; a target may open with a comparison to a year
("同比2022年…"), a date target may be a month ("12月"), and the actual may open with what was done
("已完成"); a 二级 label may be printed twice (an OCR'd merged cell).  Each on the real file (q04, 宁夏 福彩中心
自评表) and on a glued row of another kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_glued import split_glued
from tests.wild.rows import WILD, printed_rows

SELF_EVAL = ["level3", "value", "actual", "deviation"]  # q04: 三级指标 年度指标值 全年完成值 未完成原因和改进措施


def _cells(text: str, roles: list[str], broken: bool = False) -> dict[str, str]:
    hints = load_lexicon().vocabulary.glue_hints
    found = split_glued(text, [(i, role) for i, role in enumerate(roles)], hints, broken)
    assert found is not None and len(found) == 1
    return {col[1]: text[start:end] for col, start, end in found[0]}


def test_the_glued_rows_of_q04_keep_their_targets_whole() -> None:
    rows = printed_rows(WILD / "q04_ningxia_welfarelottery_selfeval_ocr_glued.txt")
    assert ("时效指标", "完成时间", "12月") in rows
    assert ("经济效益指标", "拓展彩票销售渠道,捉升彩票销售量", "同比2022年销量显著提高") in rows
    assert ("社会效益指标", "提升彩票销量,筹集更多彩票公益金", "同比2022年销量显著提高") in rows
    # the text ends inside the actual: the target is whole before it
    assert ("可持续影响指标", "彩票系统信息化建设程度", "同比2022年销量显著提") in rows


@pytest.mark.parametrize(
    ("text", "roles", "expected"),
    [
        # a comparison to a year opens the target; the actual says its closing words again
        (
            "旅游接待人次同比2021年明显增加明显增加",
            SELF_EVAL,
            {"level3": "旅游接待人次", "value": "同比2021年明显增加", "actual": "明显增加"},
        ),
        # … but a figure target with its qualifier is whole: the words said twice stay the actual's
        (
            "培训合格率90%以上明显提高明显提高",
            SELF_EVAL,
            {"level3": "培训合格率", "value": "90%以上", "actual": "明显提高明显提高"},
        ),
        # a month is a date target; the actual opens with what was done
        (
            "资金拨付时间10月底前已完成8",
            ["level3", "value", "actual", "score"],
            {"level3": "资金拨付时间", "value": "10月底前", "actual": "已完成", "score": "8"},
        ),
        (
            "项目完工时间2024年6月底前已完成",
            SELF_EVAL,
            {"level3": "项目完工时间", "value": "2024年6月底前", "actual": "已完成"},
        ),
    ],
)
def test_a_glued_self_evaluation_row_is_cut_by_what_its_cells_say(
    text: str, roles: list[str], expected: dict[str, str]
) -> None:
    assert _cells(text, roles) == expected


def test_a_word_opening_a_target_is_no_target_alone() -> None:
    """ "…程度同比2022年销量显著提" (the text ends): 同比 opens the target, it is not the target."""
    cells = _cells("彩票系统信息化建设程度同比2022年销量显著提", SELF_EVAL, broken=True)
    assert cells["value"].startswith("同比2022年")


def test_q04_reads_every_row_with_its_label_printed_twice() -> None:
    # "产出指标数量指标数量指标福彩APP系统改版升级100%100%": the 二级 cell printed again before the row
    assert printed_rows(WILD / "q04_ningxia_welfarelottery_selfeval_ocr_glued.txt")[0] == (
        "数量指标",
        "福彩APP系统改版升级",
        "100%",
    )


def test_a_label_printed_twice_is_a_copy_before_a_row_and_the_name_before_a_bare_target(tmp_path: Path) -> None:
    form = tmp_path / "自评表.txt"
    form.write_text(
        "项目支出绩效自评表\n"
        "绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施\n"
        "产出指标数量指标数量指标培训人次200人次210人次\n"
        "质量指标培训合格率95%98%\n"
        "满意度指标服务对象满意度服务对象满意度≥90%95%\n",
        encoding="utf-8",
    )
    assert printed_rows(form) == [
        ("数量指标", "培训人次", "200人次"),
        ("质量指标", "培训合格率", "95%"),
        ("服务对象满意度指标", "服务对象满意度", "≥90%"),
    ]


def test_a_first_and_second_level_of_the_same_word_keep_both_levels(tmp_path: Path) -> None:
    """ "成本指标成本指标…", "满意度指标满意度指标…": the 一级 and the 二级 of one name, not a label printed twice."""
    form = tmp_path / "自评表.txt"
    form.write_text(
        "项目支出绩效自评表\n"
        "绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施\n"
        "产出指标数量指标培训人次200人次210人次\n"
        "成本指标成本指标人均培训成本≤500元480元\n"
        "满意度指标满意度指标参训人员满意度≥90%95%\n",
        encoding="utf-8",
    )
    assert [(i.level1, i.level2, i.level3, i.value) for i in parse(form).indicators] == [
        ("产出指标", "数量指标", "培训人次", "200人次"),
        ("产出指标", "成本指标", "人均培训成本", "≤500元"),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
    ]
