"""Two shapes of a printed table copied as text, on copies of the wild a03 (江西, 浮梁县林业局, 13 rows):

* the form's title printed again at a page's top inside the table ("- 2 -" ⏎ "部门整体支出绩效目标表保障服务"),
  the table going on under it: one form, all its rows (kpi_lint/parse/running_title.py) — and a new project's
  form under the same title still opens a project of its own;
* a row's last cell wrapped onto the next line with no page mark ("…| 该指标值数据合" ⏎ "理"): joined to that
  cell (break_rest.wrap_rest), while the one-cell lines of the wild set that follow a row are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kpi_lint.grid import Cell, Row
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.read.break_rest import page_rest, wrap_rest
from kpi_lint.read.source import read_source
from kpi_lint.read.text_grid import text_grid
from tests.wild.copies import GridRows, grid_as_layout, grid_as_tabs
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

A03 = WILD / "a03_jiangxi_forestry_dept_target.txt"
TITLE = "部门整体支出绩效目标表保障服务"  # a03's line 2: the title, run on into the first name of a list
HEADER = "| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 | |"
WANT = expected_rows(WILD / "expected" / f"{A03.stem}.csv")


def _lines() -> list[str]:
    return A03.read_text(encoding="utf-8").split("\n")


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _a03_with(tmp_path: Path, name: str, after: int, between: list[str], cut: bool = False) -> Path:
    """a03 with `between` printed after its line `after` (a row); `cut`: that row's last cell ends "…数据合"
    and its rest "理" follows the `between` lines."""
    lines = _lines()
    if cut:
        assert lines[after - 1].count("该指标值数据合理") == 1
        lines[after - 1] = lines[after - 1].replace("该指标值数据合理", "该指标值数据合")
        between = [*between, "理"]
    lines[after:after] = between
    return _write(tmp_path, name, lines)


def _one_form_whole(path: Path) -> None:
    doc = parse(path)
    assert [(p.name, len(p.indicators)) for p in doc.projects] == [("浮梁县林业局", 13)]
    assert score(parsed_rows(doc), WANT).f1 == 1.0
    assert all(i.description == "该指标值数据合理" for i in doc.indicators)


@pytest.mark.parametrize(
    ("name", "after", "between", "cut"),
    [
        ("after_first_row_cut", 22, ["- 2 -", TITLE], True),  # the kpi107-pagebreak note's copy (F1 0.56 before)
        ("after_first_row", 22, ["- 2 -", TITLE], False),
        ("mid_category", 28, ["", "- 2 -", "", TITLE, ""], False),
        ("header_again", 28, ["- 2 -", TITLE, HEADER], False),
        ("no_page_number", 28, [TITLE], False),
        ("before_next_category", 33, ["第 2 页 共 2 页", TITLE], False),  # 质量指标 comes next, not read yet
    ],
)
def test_a_running_title_inside_the_table_opens_no_new_form(
    tmp_path: Path, name: str, after: int, between: list[str], cut: bool
) -> None:
    _one_form_whole(_a03_with(tmp_path, name, after, between, cut))


def test_the_rows_after_a_running_title_keep_their_lines(tmp_path: Path) -> None:
    doc = parse(_a03_with(tmp_path, "lines", 22, ["- 2 -", TITLE], cut=True))
    first, second = doc.indicators[:2]
    assert (first.spans["description"].line, first.spans["description"].column) == (22, 45)
    assert (second.level2, second.level3, second.spans["level3"].line) == ("数量指标", "保障退休职工人数(人)", 26)


def _second_form(tmp_path: Path, name: str, second: list[str]) -> list[tuple[str, int]]:
    doc = parse(_write(tmp_path, name, [*_lines(), *second]))
    return [(p.name, len(p.indicators)) for p in doc.projects]


def test_a_new_project_under_the_same_title_is_a_form_of_its_own(tmp_path: Path) -> None:
    lines = _lines()
    facts = [line.replace("浮梁县林业局", "浮梁县林业局二") for line in lines[13:20]]  # 部门整体绩效目标 … 总目标
    assert _second_form(tmp_path, "facts", ["- 2 -", TITLE, *facts, *lines[20:]]) == [
        ("浮梁县林业局", 13),
        ("浮梁县林业局二", 13),
    ]
    # No facts: the header, then the first category again (产出指标, read already): a new table.
    assert [n for _, n in _second_form(tmp_path, "header", ["- 2 -", TITLE, *lines[20:]])] == [13, 13]
    assert [n for _, n in _second_form(tmp_path, "rows", ["- 2 -", TITLE, *lines[21:]])] == [13, 13]
    # Another header (no 度量单位 column) under the title: another table.
    other = [HEADER.replace(" 度量单位 |", ""), *(line.replace("| 人 |", "|") for line in lines[21:24])]
    assert len(_second_form(tmp_path, "other_header", ["- 2 -", TITLE, *other])) == 2


@pytest.mark.parametrize("after", [22, 26, 34])  # the first row (its labels printed), a later one, the last
def test_a_last_cell_wrapped_onto_the_next_line_is_read_whole(tmp_path: Path, after: int) -> None:
    path = _a03_with(tmp_path, f"wrap_{after}", after, [], cut=True)
    _one_form_whole(path)
    doc = parse(path)
    row = next(i for i in doc.indicators if i.spans["description"].line == after)
    assert row.description == "该指标值数据合理"


def _copy_wrapped(rows: GridRows, write: Callable[[GridRows], str]) -> str:
    """`rows` written by `write`, with the first indicator row's last cell wrapped after "数据合"."""
    text = write(rows).split("\n")
    line = next(n for n, printed in enumerate(text) if "保障在职职工人数(人)" in printed)
    text[line] = text[line].replace("该指标值数据合理", "该指标值数据合").rstrip()
    text.insert(line + 1, " " * 4 + "理")
    return "\n".join(text)


@pytest.mark.parametrize("write", [grid_as_tabs, grid_as_layout], ids=["tabs", "layout"])
def test_a_wrapped_last_cell_in_a_tab_or_space_aligned_copy(tmp_path: Path, write: Callable[[GridRows], str]) -> None:
    lines = _lines()
    rows = [[lines[1]], *([c.strip() for c in line.strip().strip("|").split("|")] for line in lines[13:])]
    path = _write(tmp_path, "copy", [_copy_wrapped(rows, write)])
    assert parse(path).indicators[0].description == "该指标值数据合理"
    assert score(parsed_rows(parse(path)), WANT).f1 == 1.0


def _row(*texts: str) -> Row:
    return Row([Cell(text, 1, 1 + 10 * n) for n, text in enumerate(texts)])


def test_a_wrap_breaks_between_two_chinese_characters_of_one_word() -> None:
    labels = load_lexicon().vocabulary.label_pattern
    joined = wrap_rest(_row("保障在职职工人数(人)", "=", "116", "该指标值数据合"), [Cell("理", 2, 1)], labels)
    assert joined is not None and joined.filled[-1].text == "该指标值数据合理"
    # Lines of the wild set after a row that the page-break join would take for a rest: a date, a time or a
    # number before a year (s04, l02, j03, l07, k06), a category label printed spaced out (m05).
    pairs = [
        (("- 日期", "2023-05-29"), "2022年度项目支出绩效自评表"),
        (("发布时间", "2024-07-09 11:10"), "2024年项目绩效目标表"),
        (("索引号", "606877482923"), "2019年度宁晋县高中助学金项目绩效评价"),
        (("4、动物卫生监督执法", "2017.05"), "5、强制扑杀和免疫副"),
        (("成本", "年度预算220万元", "确定能"), "效 益 指 标"),
    ]
    for cells, line in pairs:
        assert wrap_rest(_row(*cells), [Cell(line, 2, 1)], labels) is None, line
    # After a page mark the digits' join stands (n07's "10|0%"); the label spaced out is no rest there either.
    assert page_rest(_row("满意度", "10"), [Cell("0%", 2, 1)], labels) is not None
    assert page_rest(_row("成本", "年度预算220万元", "确定能"), [Cell("效 益 指 标", 2, 1)], labels) is None


@pytest.mark.parametrize(
    ("stem", "line"),
    [
        ("m07_guangdong_highered_special_target", 24),  # "…弥补我省高等教" ⏎ "育不平衡 持续": single spaces
        ("g09_guangxi_itops_target", 7),  # "…设 1条满意" ⏎ "度指标:职工满意度≥90%。": prose at single spaces
        ("m05_hubei_heritage_monitor", 22),  # "| 确定能 |" ⏎ "效 益 指 标 |"
    ],
)
def test_one_cell_lines_of_the_wild_set_after_a_row_stay_rows(stem: str, line: int) -> None:
    vocab = load_lexicon().vocabulary
    src = read_source(WILD / f"{stem}.txt")
    grid = text_grid(src, vocab.word_pattern, vocab.label_pattern, vocab.header_cover, vocab.header_tail)
    assert any(row.line == line and row.filled for row in grid.rows)
