"""A wild table pasted into Word or Excel line by line, or saved as a web page without its spans, reads
to its hand-checked rows (bench/copy_habits.py grid_docx, grid_xlsx, grid_page, cell_lines).

Pasting a web page's text into a table puts each printed line in a row of its own, from the left edge:
a header wrapped over two lines ("年度 | 实际" ⏎ "指标值 完成值") or a row wrapped after its name ("扶持发展…(个)"
⏎ "15 | 6 | 8.0") becomes two rows; a category label printed on a line of its own ("质量指标") stands in
the first column whatever that column is; a row that lost its merged project cells starts under them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.copies import (
    GridRows,
    as_excel_csv,
    cell_lines,
    grid_as_cell_lines,
    grid_as_docx,
    grid_as_page,
    grid_as_xlsx,
    grid_copy,
    grid_rows,
    padded,
    page_without_spans,
    paged,
)
from tests.wild.rows import Key, Score, expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"

WRITERS: dict[str, tuple[Callable[[GridRows], str | bytes], str]] = {
    "Word": (grid_as_docx, ".docx"),
    "Excel": (grid_as_xlsx, ".xlsx"),
    "page": (grid_as_page, ".html"),
}

# (file, writers, a row it must read) — each row was misread in that copy before.
CASES: list[tuple[str, tuple[str, ...], Key]] = [
    # "绩效 | 实际" ⏎ "目标值 完成值": the header's tails in a row of their own
    (
        "e03_fujian_earthquake_dept_selfeval",
        ("Word", "Excel", "page"),
        ("", "数量指标", "抽查全市地震监测台站运维情况个数", "9个"),
    ),
    ("f12_anhui_relics_selfeval", ("Word", "Excel", "page"), ("", "数量指标", "修缮建筑面积", "6000平方米")),
    # "质量指标" alone in the first column, which the header gives no role
    ("d09_anhui_township_selfeval", ("Word", "Excel", "page"), ("", "质量指标", "种植作物成活率", "95%")),
    (
        "n02_hubei_housing_selfeval",
        ("Word", "Excel", "page"),
        ("", "成本指标", "省级宣传片制作费、申报文本编制费、自评估报告编制费", "200万"),
    ),
    # a row wrapped after its name: its target and figures on the next row, from the left edge
    ("n04_yunnan_agri_selfeval", ("Word", "Excel"), ("", "数量指标", "扶持发展新型农业经营主体(个)", "15")),
    (
        "j11_unknown_railway_selfeval",
        ("Word", "Excel"),
        ("", "可持续影响指标", "铁路沿线环境及安全整治管理机制健全性", "优良中低差"),
    ),
    # "绩效指标 一级" ⏎ "指标": a header word wrapped onto the next row
    ("k03_anhui_township_agri_selfeval", ("Word", "Excel"), ("", "数量指标", "红薯种植面积", "5.5亩")),
    # rows that lost their five merged project cells: a target alone ("长期"), a row under the project columns
    (
        "g03_neimenggu_procuratorate_target",
        ("Word", "Excel"),
        ("", "可持续影响指标", "推动人民检察院业务装备建设的标准化规范化配置", "长期"),
    ),
    ("g03_neimenggu_procuratorate_target", ("Word", "Excel"), ("", "时效指标", "设备验收及时率", "大于等于98%")),
    # "质量指标 | 100% | 达到…" under 指标类型 | 指标名称 | 指标值 | 指标描述: the merged 一级 left out, the row
    # padded with an empty cell at its end
    ("g04_zhejiang_greening_declaration", ("Word", "Excel"), ("", "", "质量指标", "100%")),
    # a header that opens with a title cell ("四、年度绩效指标完成情况 | 一级指标 | …") above rows that do not
    ("b08_hebei_civilaffairs_selfeval", ("Word", "Excel"), ("", "质量指标", "符合条件申报对象覆盖率", ">=98%(百分比)")),
    (
        "b08_hebei_civilaffairs_selfeval",
        ("Word", "Excel"),
        ("", "服务对象满意度指标", "服务对象满意度", ">=95%(百分比)"),
    ),
]


def _copy(stem: str, writer: str, tmp_path: Path) -> Path:
    write, suffix = WRITERS[writer]
    return grid_copy(WILD / f"{stem}.txt", write, suffix, tmp_path)


def _changed(stem: str, change: Callable[[str], str], tmp_path: Path, suffix: str = ".txt") -> list[Key]:
    """The rows read from the wild text `stem` once `change` has re-laid it out and it is saved as `suffix`."""
    copy = tmp_path / f"{stem}{suffix}"
    copy.write_text(change((WILD / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    return parsed_rows(parse(copy))


def _score(got: list[Key], stem: str) -> Score:
    """`got` against the hand-checked rows of `stem`."""
    return score(got, expected_rows(WILD / "expected" / f"{stem}.csv"))


@pytest.mark.parametrize(
    ("stem", "writer", "row"),
    [(stem, writer, row) for stem, writers, row in CASES for writer in writers],
)
def test_a_table_pasted_line_by_line_reads_its_rows(stem: str, writer: str, row: Key, tmp_path: Path) -> None:
    got = parsed_rows(parse(_copy(stem, writer, tmp_path)))
    assert row in got
    assert _score(got, stem).f1 == 1.0


def test_a_csv_row_padded_after_its_merged_away_label_reads_its_rows(tmp_path: Path) -> None:
    # Excel's CSV pads "质量指标 | 100% | 达到绿化绿地全覆盖" with an empty field at its end: the 一级 was
    # merged away, so the row's cells stand one column left of theirs.
    stem = "g04_zhejiang_greening_declaration"
    got = _changed(stem, as_excel_csv, tmp_path, ".csv")
    assert ("", "", "质量指标", "100%") in got
    assert ("", "", "可持续性发展影响指标", "是") in got
    assert _score(got, stem).f1 == 1.0


def test_a_csv_row_opening_with_its_merged_labels_empty_reads_from_its_start(tmp_path: Path) -> None:
    # "| | 完成…考核及验收 | 11所 | 11所 |" saved as CSV: one empty field for the merged 一级/二级, then the
    # row, then the fields Excel pads it with up to the widest record (the allocation table below).
    stem = "s01_shanxi_nursingtraining_selfeval_ocr"
    got = _changed(stem, as_excel_csv, tmp_path, ".csv")
    assert ("", "数量指标", "完成2021年吕梁山护工培训就业质量考核及验收", "11所") in got
    assert ("", "时效指标", "考核任务完成及时", "1-6期培训结束后及时考核") in got
    # Every hand-checked row is read; the allocation table after it is still read on (its header is wider
    # than the indicators' only once the padding is left out).
    assert _score(got, stem).true_positive == 13


def test_a_subtotal_row_above_the_projects_is_no_indicator(tmp_path: Path) -> None:
    """b05 as a web page without spans: "820-马踏镇部门 | 8,827,620.53" (its empty cells left out) stands above the
    first project row of a table with 单位名称 | 项目名称 | 预算数 | 年度目标 columns; it is context, not a row."""
    stem = "b05_sichuan_township_application"
    got = _changed(stem, page_without_spans, tmp_path, ".html")
    assert not any(name == "820-马踏镇部门" for _, _, name, _ in got)
    assert ("", "社会效益指标", "维护社会稳定", "≥95%") in got
    assert _score(got, stem).f1 == 1.0


def test_a_label_on_the_line_before_a_name_without_target_keeps_the_row(tmp_path: Path) -> None:
    """c08 copied one cell per line: "生态效益 指标 (选填)" ⏎ "提高森林覆盖率,…" ⏎ (blank): the row has no
    target (a 申报表 left it empty) and its label stood on the line before it, not beside it."""
    stem = "c08_ningxia_forestry_declaration"
    got = _changed(stem, cell_lines, tmp_path)
    assert ("", "生态效益指标", "提高森林覆盖率,促进生物多样性保护。", "") in got
    assert ("", "可持续影响指标", "提高森林生态系统服务功能,显著改善项目区及周边地区的生态环境。", "") in got
    assert _score(got, stem).f1 == 1.0


def test_a_header_cell_cut_into_two_words_keeps_a_header_of_one_cell_per_line(tmp_path: Path) -> None:
    """k03's grid one cell per line: "绩效指标 一级" ⏎ "指标" ⏎ "二级指标" ⏎ …  The first line is cut into 绩效指标 and
    一级指标 (joined with the next line); the header is still one cell per line, so its rows are counted by
    cells, their figures under 分值 | 年度指标值 | 全年实际值 | 得分."""
    stem = "k03_anhui_township_agri_selfeval"
    got = _changed(stem, _grid_cell_lines, tmp_path)
    assert ("", "数量指标", "红薯种植面积", "5.5亩") in got
    assert ("", "数量指标", "补助各类粮食作物种植面积", "") in got
    assert _score(got, stem).f1 == 1.0


@pytest.mark.parametrize("stem", ["c02_hubei_education_target", "i03_hubei_edu_target"])
def test_padded_lines_keep_the_empty_cells_that_held_a_space(stem: str, tmp_path: Path) -> None:
    """A page copied one cell per line whose empty cells hold a space (" ") between blank lines, then every
    line padded with three spaces: the empty cells are the lines of four spaces, longer than the padding,
    and keep the 长期 | 年度 columns of each row apart."""
    got = _changed(stem, padded, tmp_path)
    assert _score(got, stem).f1 == 1.0
    if stem.startswith("c02"):
        assert ("年度", "数量指标", "重点建设工程安排数量", "2") in got


def _grid_cell_lines(text: str) -> str:
    rows = grid_rows(text)
    assert rows is not None
    return grid_as_cell_lines(rows)


def _double_spaced(text: str) -> str:
    return "\n\n".join(text.split("\n"))


# (file, change, a row it must read) — each row was misread in that copy before.
TEXT_CASES: list[tuple[str, Callable[[str], str], Key]] = [
    # rows of a name and its target, apart by blank lines: the blank lines end the rows
    ("d05_hubei_partyschool_approval", cell_lines, ("", "数量指标", "理论教育和党性教育课时比例", "70%")),
    # "=" ⏎ "100" with a 指标性质 column: the sign is no target, "100" is
    ("m08_sichuan_justice_selfeval", cell_lines, ("", "质量指标", "完成安可产品购买并按要求支付资金", "=100")),
    # no header above the excerpt: "=" ⏎ "6" ⏎ "万元" is one target; "优" ⏎ "10" the grade of the row above
    ("j11_unknown_railway_selfeval", _grid_cell_lines, ("", "成本指标", "安全隐患排查成本预算", "=6万元")),
    # a project's first row opens with its context (项目名称, 预算数, a long 年度目标) before its labels
    ("b05_sichuan_township_application", cell_lines, ("", "服务对象满意度指标", "辖区内群众满意度", "≥95%")),
    ("b05_sichuan_township_application", _grid_cell_lines, ("", "数量指标", "行政村数量", "=11个")),
    # "定性" ending a row, then "长期" ⏎ "15": the target and 分值 of that row
    (
        "g03_neimenggu_procuratorate_target",
        _grid_cell_lines,
        ("", "可持续影响指标", "推动人民检察院业务装备建设的标准化规范化配置", "长期"),
    ),
    # a name wrapped onto the next line, a blank line between
    (
        "f04_anhui_sports_target",
        _double_spaced,
        ("", "可持续影响指标", "打造金安国际网球公开赛等系列品牌赛事", "影响可持续"),
    ),
    # a report's sentence wrapped over lines, a blank line after each: the blank lines end no paragraph
    ("g09_guangxi_itops_target", _double_spaced, ("", "质量指标", "应急运维系统保障率", "≥80%")),
    # the row above the first labelled one, five lines up once blank lines stand between
    ("j11_unknown_railway_selfeval", _double_spaced, ("", "", "安全警示标志设置及时率", "=100%")),
    # "满意度指标" (a name of either tier) on its own line in a 指标类型 | 指标名称 table: the 一级
    ("g04_zhejiang_greening_declaration", cell_lines, ("", "", "服务对象或受益者满意度指标", "≥95%")),
    # "二、化肥减量增效田间试验" on its own line, after "一、示范区建立" was read as a row: the next row
    ("s04_yunnan_fertilizer_selfeval", cell_lines, ("", "数量指标", "化肥减量增效田间试验", "≧15组")),
    ("s04_yunnan_fertilizer_selfeval", _grid_cell_lines, ("", "时效指标", "项目按时完成率", "100%")),
]


@pytest.mark.parametrize(("stem", "change", "row"), TEXT_CASES)
def test_a_text_copy_reads_its_rows(stem: str, change: Callable[[str], str], row: Key, tmp_path: Path) -> None:
    got = _changed(stem, change, tmp_path)
    assert row in got
    expected = expected_rows(WILD / "expected" / f"{stem}.csv")
    if stem.startswith("g03"):
        # Its two projects are read as one (the first one's 项目名称 is not taken from its context yet).
        assert ("", "社会效益指标", "提升工作效率定性", "有效提升") in got
        assert not any(name in {"长期", "有效提升"} for _, _, name, _ in got)
    elif stem.startswith("j11") and change is _grid_cell_lines:
        # Its first row, before any label, is not read one cell per line (a lone name opens no list).
        assert ("", "可持续影响指标", "优", "10") not in got
        assert score(got, expected).true_positive == len(expected) - 1
    else:
        assert score(got, expected).f1 == 1.0


def test_a_label_with_a_word_said_twice_copied_one_cell_per_line_is_one_label(tmp_path: Path) -> None:
    """s04 (云南 化肥减量增效 自评表) prints its 二级 cell as "社会效益效益指标". Copied one cell per line, that line
    is the row's 二级 (社会效益指标), not 社会效益 and a row named "效益指标" with no target; the row under it keeps
    its name, target and place (line 119 of the copy, the line after the label's)."""
    stem = "s04_yunnan_fertilizer_selfeval"
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(cell_lines((WILD / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    doc = parse(copy)
    label_line = copy.read_text(encoding="utf-8").split("\n").index("社会效益效益指标") + 1
    row = next(i for i in doc.indicators if i.level3 == "受益农户数")
    assert (row.level1, row.level2, row.value, row.actual) == ("效益指标", "社会效益指标", "5000户", "5000户")
    assert (row.line, row.column) == (label_line + 1, 1)
    assert not any(i.level3 == "效益指标" for i in doc.indicators)
    assert _score(parsed_rows(doc), stem).f1 == 1.0


def test_a_row_of_scores_copied_one_cell_per_line_is_no_indicator(tmp_path: Path) -> None:
    """m06 (南开大学 自评 公示) prints under its table what each part scored: "预算绩效评价结果 | 考核节点进度完成率 |
    10分 | 项目采购节约率 | 10分" and "预算编制准确度 | 9分 | 绩效评价结果 | 29分". Copied one cell per line, the
    bare points stand on lines of their own between the names they score: those rows are no indicators (as
    points_awarded finds them in a row printed on one line), and the table's last rows keep their place."""
    stem = "m06_tianjin_university_selfeval"
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(_grid_cell_lines((WILD / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    lines = copy.read_text(encoding="utf-8").split("\n")
    doc = parse(copy)
    names = [i.level3 for i in doc.indicators]
    assert not {"预算绩效评价结果", "预算编制准确度", "考核节点进度完成率"} & set(names)
    last = doc.indicators[-1]
    assert (last.level2, last.level3, last.value) == ("服务对象满意度指标", "师生对实验室改造满意度", "≥95%")
    assert (last.line, last.column) == (lines.index("师生对实验室改造满意度") + 1, 1)
    assert _score(parsed_rows(doc), stem).f1 == 1.0


def test_the_first_row_after_a_header_closed_by_a_blank_line_may_open_with_its_context(tmp_path: Path) -> None:
    """g03's grid copied one cell per line: the header's cells (项目名称 … 分值), a blank line, then the first
    project's row: 业务装备经费 ⏎ 776001-扎赉特旗人民检察院 ⏎ 32-专项资金项目 ⏎ 1,030,700.00 ⏎ 保障…工作。 ⏎
    满意度指标(10分) ⏎ 服务对象满意度 ⏎ 使用人员满意度 ⏎ …  The blank line closed the header's row, so the cells
    before the row's first label are its context (单位, 类别, 预算数, 年度目标), as they are for the second
    project's row, not two indicator rows ("776001-扎赉特旗人民检察院 | 32-专项资金项目", "保障…工作。")."""
    stem = "g03_neimenggu_procuratorate_target"
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(_grid_cell_lines((WILD / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    lines = copy.read_text(encoding="utf-8").split("\n")
    doc = parse(copy)
    assert not any(i.level3 and i.level3.startswith(("776001", "保障我院")) for i in doc.indicators)
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.level3) == ("满意度指标", "服务对象满意度指标", "使用人员满意度")
    assert (first.line, first.column) == (lines.index("使用人员满意度") + 1, 1)


def test_a_target_after_its_kind_then_the_next_row_with_no_row_end_between(tmp_path: Path) -> None:
    """g03's grid one cell per line: "时效指标 ⏎ 采购计划完成时间 ⏎ 定性" ends a row (the 指标方向 cell empty), then
    "11月底之前 ⏎ 5 ⏎ 设备验收及时率 ⏎ 正向 ⏎ 大于等于 ⏎ 98 % ⏎ 5" with no blank line between: the first two cells are
    that row's target and 分值, the rest the next row (row_continues.target_after_kind on the part's first cells)."""
    stem = "g03_neimenggu_procuratorate_target"
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(_grid_cell_lines((WILD / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    lines = copy.read_text(encoding="utf-8").split("\n")
    doc = parse(copy)
    timed = next(i for i in doc.indicators if i.level3 == "采购计划完成时间")
    assert (timed.level2, timed.value, timed.weight) == ("时效指标", "11月底之前", 5.0)
    after = next(i for i in doc.indicators if i.level3 == "设备验收及时率")
    assert (after.level2, after.weight) == ("时效指标", 5.0)
    assert (after.line, after.column) == (lines.index("设备验收及时率") + 1, 1)
    assert not any(i.level3 == "11月底之前" for i in doc.indicators)
    assert _score(parsed_rows(doc), stem).f1 == 1.0


@pytest.mark.parametrize("stem", ["k02_chongqing_emergency_approval", "m06_tianjin_university_selfeval"])
def test_a_copy_one_cell_per_line_padding_every_line_keeps_its_rows_apart(stem: str, tmp_path: Path) -> None:
    """A grid copied one cell per line, rows apart by blank lines, then every line padded with the same spaces
    (a web page's cells ending in &nbsp;), blank lines too: the lines of spaces alone are those blank lines, not
    empty cells, however few they are (one per row of many cells); before, they were dropped and the rows ran
    together (k02 read 5 rows for its 2, m06 0.48)."""
    got = _changed(stem, lambda text: padded(_grid_cell_lines(text)), tmp_path)
    assert _score(got, stem).f1 == 1.0
    if stem.startswith("k02"):
        copy = tmp_path / f"{stem}.txt"
        lines = copy.read_text(encoding="utf-8").split("\n")
        row = next(i for i in parse(copy).indicators if i.level3 == "12350安全生产举报奖励次数")
        assert (row.level2, row.value) == ("数量指标", "≥5次")
        assert (row.line, row.column) == (lines.index("12350安全生产举报奖励次数   ") + 1, 1)


def test_a_page_number_inside_a_header_copied_one_cell_per_line_sets_no_row_apart(tmp_path: Path) -> None:
    """f12's grid one cell per line, "第 N 页 共 9 页" printed every 15 lines: one falls inside the header's first
    row ("二级指标 ⏎ 第 3 页 共 9 页 ⏎ 三级指标 ⏎ 年度 ⏎ 实际 …" ⏎⏎ "指标值 完成值").  The page number is no cell, and
    the line it took is no blank line: the header's second row ("指标值 完成值") still completes 年度 | 实际, so
    each row's target and actual stand in their columns (before, the skipped line counted as a second gap and
    the rows were misread: F1 0.32)."""
    stem = "f12_anhui_relics_selfeval"
    copy = tmp_path / f"{stem}.txt"
    copy.write_text(paged(_grid_cell_lines((WILD / f"{stem}.txt").read_text(encoding="utf-8"))), encoding="utf-8")
    lines = copy.read_text(encoding="utf-8").split("\n")
    doc = parse(copy)
    row = next(i for i in doc.indicators if i.level3 == "修缮建筑面积")
    assert (row.level2, row.value, row.actual) == ("数量指标", "6000平方米", "6000平方米")
    assert (row.weight, row.score) == (7.0, 7.0)
    assert (row.line, row.column) == (lines.index("指标2:修缮建筑面积") + 1, 1)
    assert _score(parsed_rows(doc), stem).f1 == 1.0
