"""一级/二级 labels glued onto the 三级指标 of a table that lost its separators are given back."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.grid import Cell
from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.parse.glued_labels import title_glued_before
from kpi_lint.vocab import OUTPUT, QUALITY, QUANTITY, SATISFACTION, SATISFACTION_L1, SUSTAINABLE, TIMELINESS
from tests.corpus import CORPUS_DIR, corpus_doc


def _wild_path(stem: str) -> Path:
    (path,) = sorted((CORPUS_DIR / "wild").glob(f"{stem}_*.txt"))
    return path


def _wild(stem: str) -> Document:
    return parse(_wild_path(stem))


def test_wild_i04_rows_get_their_labels_and_positions() -> None:
    # "产出指标数量指标农村义务教育学校改造覆盖率100%" (line 22), then "质量指标校舍维修改造质量合格率100%", …
    (project,) = _wild("i04").projects
    rows = [(i.line, i.column, i.level1, i.level2, i.level3, i.value) for i in project.indicators]
    assert rows[0] == (22, 9, OUTPUT, QUANTITY, "农村义务教育学校改造覆盖率", "100%")
    assert rows[1] == (23, 5, OUTPUT, QUALITY, "校舍维修改造质量合格率", "100%")
    assert rows[2][2:5] == (OUTPUT, QUALITY, "购置设施设备质量合格率")  # inherits, as a merged cell does
    assert rows[3][3:5] == (TIMELINESS, "预算资金当年下达率")
    assert rows[6][2:4] == ("效益指标", SUSTAINABLE)  # its name/value cut is the glued-row reader's
    assert rows[7][2:6] == (SATISFACTION_L1, SATISFACTION, "学生家长满意度", "≥90%")
    assert rows[8][3:6] == (SATISFACTION, "学校满意度", "≥90%")
    line = _wild_path("i04").read_text(encoding="utf-8").splitlines()[21]
    assert line[8:].startswith("农村义务教育学校改造覆盖率")  # column 9 is where the name starts


def test_a_form_without_label_columns_is_left_alone() -> None:
    # d10 (重庆 一般性项目绩效目标表) has no 一级/二级 at all, and no label inside its names
    project = _wild("d10").projects[0]
    assert project.indicators[0].level3 == "发放人数"
    assert all(i.level1 is None and i.level2 is None for i in project.indicators)


def test_a_table_read_with_its_label_columns_keeps_them() -> None:
    # 000's tables print their labels in their own cells: nothing is peeled
    doc = corpus_doc("000")
    assert all(not (i.level3 or "").startswith(("产出指标", "数量指标")) for i in doc.indicators)
    assert any(i.level2 == QUANTITY for i in doc.indicators)


def test_a_row_label_with_its_kind_in_brackets_is_peeled_with_the_category_after_it() -> None:
    # j03: the header's untitled first column (评价指标) prints "项目年度绩效目标(定量指标)", 评价内容 "制度指标".
    cell = Cell("项目年度绩效目标(定量指标)制度指标规章制度建立与否20", 17, 1)
    found = title_glued_before(cell)
    assert found is not None
    title, label, rest = found
    assert (title.text, title.column) == ("项目年度绩效目标(定量指标)", 1)
    assert label is not None and (label.text, label.column) == ("制度指标", 15)
    assert (rest.text, rest.column) == ("规章制度建立与否20", 19)
    # No bracketed kind: a name that only contains 指标 is left alone, and so is a bracket not ending in 指标.
    assert title_glued_before(Cell("环境指标改善率95%10", 3, 1)) is None
    assert title_glued_before(Cell("培训人数(人次)50010", 3, 1)) is None
    # The label's category may be missing: the name follows the label directly.
    found = title_glued_before(Cell("年度绩效指标（定性指标）群众满意度95%10", 3, 1))
    assert found is not None and found[1] is None and found[2].text == "群众满意度95%10"
