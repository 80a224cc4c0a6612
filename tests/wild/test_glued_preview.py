"""Self-evaluation rows a document-sharing preview glued into one run, with worded targets (issue 11, glued-preview).

y01 (南昌县 蚕茶卫生院 整体支出自评表, a 优知文库 preview of a .docx) prints "年度指标值 | 全年完成值 | 分值 | 得分 |
偏差及原因分析" glued: worded targets followed directly by their actuals and two small integers.
"""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Indicator
from kpi_lint.parse import parse
from tests.wild.rows import WILD

Y01 = WILD / "y01_jiangxi_healthcentre_dept_selfeval_glued.txt"


def _rows(name: str) -> dict[str, Indicator]:
    return {i.level3 or "": i for i in parse(WILD / name).indicators}


def _printed(ind: Indicator, field: str) -> str:
    """The text at a cell's span: the cell is where the page prints it."""
    span = ind.spans[field]
    line = Y01.read_text(encoding="utf-8").splitlines()[span.line - 1]
    return line[span.column - 1 : span.column - 1 + len(str(getattr(ind, field)))]


def test_rows_numbered_with_a_colon_are_cut_and_keep_their_numbering() -> None:
    # "任务1:诊断准确率95%以上97%55任务2:健康档案管理率100%完成33": the colons after 任务N were taken for prose,
    # and the cell was left as one name with no target.
    rows = _rows(Y01.name)
    first, second = rows["任务1:诊断准确率"], rows["任务2:健康档案管理率"]
    assert (first.level2, first.value, first.actual, first.weight, first.score) == ("质量指标", "95%以上", "97%", 5, 5)
    assert (second.value, second.actual, second.weight, second.score) == ("100%", "完成", 3, 3)
    assert (first.line, first.column, second.line, second.column) == (4, 148, 4, 167)


def test_a_worded_target_whose_actual_says_its_word_again_ends_there() -> None:
    # "任务1:门诊住院人次增加增372人次55": target 增加, actual 增372人次 (the actual opens with the target's word).
    row = _rows(Y01.name)["任务1:门诊住院人次"]
    assert (row.value, row.actual, row.weight, row.score) == ("增加", "增372人次", 5, 5)
    assert _printed(row, "value") == "增加" and _printed(row, "actual") == "增372人次"


def test_a_target_comparing_with_the_last_year_is_whole() -> None:
    # "业务收入超上年度增收27万元1313": was 业务收入超上年度增收 | 2 | 7万元 (KPI103 on a bare "2", wrong).
    rows = _rows(Y01.name)
    income = rows["业务收入"]
    assert (income.level2, income.value, income.actual, income.weight, income.score) == (
        "经济效益指标",
        "超上年度",
        "增收27万元",
        13,
        13,
    )
    assert (income.line, income.column) == (4, 251)
    assert _printed(income, "actual") == "增收27万元"
    # "…超上年2%达成目标值55": the comparison opens a figured target; 达成 opens the actual.
    managed = rows["任务2:特殊人群健康管理率"]
    assert (managed.value, managed.actual, managed.weight, managed.score) == ("超上年2%", "达成目标值", 5, 5)


def test_a_worded_target_after_a_name_ending_takes_its_points_and_deviation() -> None:
    # "任务1:医疗文书及时率按规定时限43个别人未及时完成": no actual printed; 4 | 3 are the points, not "43个".
    rows = _rows(Y01.name)
    late = rows["任务1:医疗文书及时率"]
    assert (late.value, late.actual, late.weight, late.score, late.deviation) == (
        "按规定时限",
        None,
        4,
        3,
        "个别人未及时完成",
    )
    update = rows["任务2:健康档案更新率"]
    assert (update.value, update.weight, update.score, update.deviation) == ("按规定时限", 3, 2, "录入有延迟")
    assert not [name for name in rows if "按规定时限" in name]


def test_the_words_are_lexicon_entries() -> None:
    hints = load_lexicon().vocabulary.glue_hints
    assert {"上年度", "上年"} <= set(hints.base_ends)
    assert "按规定" in hints.worded_openers
    assert {"增收", "超上年"} <= set(hints.target_starts)
    assert "达成" in hints.achieved_starts


def test_a_target_is_not_cut_off_inside_a_figure_its_unit_follows() -> None:
    # j07 (宁夏): "…指标3一级种薯繁育基地8000亩" (the text breaks off there) was read 分值 80 | 指标值 "0" | 实际 "0亩":
    # the target cut off a figure whose unit only the actual kept.
    row = _rows("j07_ningxia_agri_selfeval.txt")["一级种薯繁育基地"]
    assert row.parsed is not None
    assert (row.value, row.parsed.number, row.parsed.unit, row.weight) == ("8000亩", 8000, "亩", None)
