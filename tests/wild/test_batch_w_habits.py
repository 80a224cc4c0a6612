"""Wild batch w (read blind at F1 0.64): one test per reading cause fixed on the real file (helper wild-w)."""

from __future__ import annotations

from kpi_lint.parse import parse
from tests.wild.rows import WILD, printed_rows

W01 = WILD / "w01_shanxi_relics_declaration_glued.txt"
W02 = WILD / "w02_hubei_relics_target_prosecells.txt"


def test_w02_a_category_cell_then_a_cell_of_targets_apart_by_semicolons() -> None:
    # "年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次;编制文物宣传资料数量3个;…文物展品安全保障率≥96%。 |":
    # the cell after the 一级 label lists its targets as a colon opens a list in prose (was: no table found).
    doc = parse(W02)
    rows = [(i.level1, i.level2, i.level3, i.value) for i in doc.indicators]
    assert ("产出指标", None, "开展文物安全巡查频次", "8次") in rows
    assert ("产出指标", None, "文物保护项目验收合格率", "≥86%") in rows
    assert ("效益指标", None, "文物保护修缮个数", "≥5个") in rows
    assert len(rows) == 8  # "文物保护名录和数据库基本健全" (a state, no figure) is not read
    first = doc.indicators[0]
    assert (first.line, first.column) == (7, 18)
    # The list is its cell: the next cell's words ("资金拨付对象 | 市文化和旅游局") are no clause of it.
    assert not any("资金" in (i.level3 or "") for i in doc.indicators)


def test_w02_a_sentence_closed_before_its_cell_separator_is_no_cut_excerpt() -> None:
    # The text ends "…对所有的文物案件立案调查。 |": the sentence is closed, the " |" is the table's cell end.
    doc = parse(W02)
    assert not any("中断" in note.message for note in doc.notes)
    assert not doc.projects[0].cut_off


def test_w01_the_goal_cell_printed_again_after_a_page_break_is_no_row() -> None:
    # Page 2 of the flattened sheet repeats the merged 年度目标 cell: "主要用于文物修缮、宣传、文创 护人员经费、
    # 办公经费" (the goal is "主要用于文物修缮、宣传、文创产品开发、文物保护人员经费、办公经费等等支出").
    rows = printed_rows(W01)
    assert not any(name == "主要用于文物修缮、宣传、文创" for _, name, _ in rows)
    assert ("质量指标", "文物安全巡查覆盖率", "100%") in rows
    # the first page's rows: their merged labels stand before the header, and are theirs (parse/labels_before.py)
    assert ("数量指标", "永安真武庙戏台", "1处") in rows
