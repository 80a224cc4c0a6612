"""The 计量单位 column as printed is kept on the Indicator (issue 11-census-fixes): a form that sets yes/no questions
prints "是/否" there, and the rules read the 指标值 "是" as the answer to that question."""

from __future__ import annotations

from kpi_lint.frame import indicator_record
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Indicator
from kpi_lint.parse import parse
from kpi_lint.rules.target.common import answers_yes_no, asked_yes_no
from tests.corpus import CORPUS_DIR

Z01 = CORPUS_DIR / "wild" / "z01_ciq_epidemic_project_evaluation_webform.txt"


def _rows() -> dict[str, Indicator]:
    return {ind.level3 or "": ind for ind in parse(Z01).indicators}


def test_the_evaluation_forms_unit_column_is_kept_with_its_place() -> None:
    rows = _rows()
    drill = rows["组织口岸重大动物疫情应急处置演练或培训"]
    assert drill.value == "是" and drill.printed_unit == "是/否"
    assert drill.span("printed_unit") == (23, 21)
    rate = rows["进出境动植物检疫完成率"]
    assert rate.value == "100%" and rate.printed_unit == "%"
    record = indicator_record(drill)
    assert record["printed_unit"] == "是/否" and record["spans"]["printed_unit"] == [23, 21]


def test_a_row_the_form_asks_yes_or_no_is_answered_by_its_value() -> None:
    rows = _rows()
    cues = load_lexicon().words("yes_no_cues.txt")
    asked = [name for name, ind in rows.items() if asked_yes_no(ind)]
    assert "建立并及时完善进出境重大动物疫情应急管理体系" in asked and "项目预算资金是否被核减" in asked
    assert len(asked) == 13  # every row whose 计量单位 cell prints 是/否
    # no 是否 in the name: the form's unit alone makes it a question, and 是 its answer
    assert answers_yes_no(rows["组织口岸重大动物疫情应急处置演练或培训"], cues)
    assert not answers_yes_no(rows["进出境动植物检疫完成率"], cues)
