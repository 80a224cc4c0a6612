"""A long table carried over pages: the form's title printed again with a continuation mark ("…绩效目标表（续）",
"续表", "（接上页）"), and its header printed again — as a row, or one cell per line — are the same form going on
(kpi_lint/parse/running_title.py, PAGE_MARK in kpi_lint/vocab.py); a title that names another project, or a
title with no mark followed by new facts, still opens a form of its own.

Two kinds of documents:

* tests/fixtures/continued_forms: a 项目支出绩效目标表 typed in Word (一级/二级 merged down their rows, 36 rows),
  printed to PDF by LibreOffice over two pages, and its text by pdftotext (-layout, -raw): one table whose header
  row repeats on each page, the table typed in two parts under "…目标表（续）" or "续表" with its header typed
  again, and two projects' forms one after the other (build.py there);
* copies of wild tables (c08, m03, c06, s04, e03, e05) with a page's top printed inside the table, in each layout the
  wild set copies tables in (pipes, tabs, one cell per line, columns aligned with spaces).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.running_title import title_key
from kpi_lint.vocab import PAGE_MARK, without_continued
from tests.wild.copies import grid_as_bars, grid_as_cell_lines, grid_as_layout, grid_as_tabs, grid_rows, page_top
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "continued_forms"
FIRST = "2023年高标准农田建设项目"
SECOND = "2023年农田水利设施维修养护项目"
# The rows typed (build.py's ROWS): the first, the first under the continuation title, the last.
ROW_1 = ("产出指标", "数量指标", "新建高标准农田面积", "≥12000亩")
ROW_15 = ("产出指标", "时效指标", "主体工程完工时间", "2023年10月底前")
ROW_36 = ("满意度指标", "服务对象满意度指标", "新型农业经营主体满意度", "≥90%")


def _squashed(text: str | None) -> str:
    return "".join((text or "").split())


def _rows(path: Path) -> list[list[tuple[str, str, str, str]]]:
    """Each project's rows as (一级, 二级, 三级, 指标值), white space taken out (pdftotext prints "2023 年")."""
    return [
        [(i.level1 or "", i.level2 or "", _squashed(i.level3), _squashed(i.value)) for i in p.indicators]
        for p in parse(path).projects
    ]


@pytest.mark.parametrize("stem", ["repeat", "continued", "continued_bare"])
@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt"])
def test_a_form_carried_over_pages_reads_as_one(stem: str, suffix: str) -> None:
    doc = parse(FIXTURES / f"{stem}{suffix}")
    assert [_squashed(p.name) for p in doc.projects] == [FIRST]
    (rows,) = _rows(FIXTURES / f"{stem}{suffix}")
    assert len(rows) == 36
    assert (rows[0], rows[14], rows[35]) == (ROW_1, ROW_15, ROW_36)
    assert len({r[2] for r in rows}) == 36  # no row read twice, no header read as a row
    assert all(r[1] for r in rows)  # every row keeps its 二级, the rows under the title printed again too


def test_the_rows_after_the_continuation_keep_their_places() -> None:
    text = (FIXTURES / "continued.layout.txt").read_text(encoding="utf-8").split("\n")
    title = next(n for n, line in enumerate(text, 1) if "目标表（续）" in line)
    row = parse(FIXTURES / "continued.layout.txt").indicators[14]
    line = text[row.line - 1]
    assert row.line == title + 2  # under the title and the header typed again
    assert (row.column, row.spans["value"].column) == (line.index("主体工程") + 1, line.index("2023 年 10") + 1)
    printed = parse(FIXTURES / "continued.pdf").indicators[14]
    assert printed.level3 == "主体工程完工时间"
    assert printed.spans["level3"].anchor == "页2 表1 行2 格3"  # page 2, under the header typed again


def test_pdftotext_raw_reads_the_continued_form_as_the_repeated_one() -> None:
    """-raw prints each row's cells apart by single spaces (and splits "2023 年 3 月底前" too), which the text
    reader cannot cut back into cells: both copies read alike, as one form — the continuation is no new form."""
    continued, repeat = _rows(FIXTURES / "continued.raw.txt"), _rows(FIXTURES / "continued_bare.raw.txt")
    assert len(continued) == len(repeat) == len(_rows(FIXTURES / "repeat.raw.txt")) == 1
    assert continued == repeat


@pytest.mark.parametrize("suffix", [".pdf", ".layout.txt", ".raw.txt"])
def test_two_forms_under_their_own_titles_stay_two(suffix: str) -> None:
    doc = parse(FIXTURES / f"two_forms{suffix}")
    assert len(doc.projects) == 2
    if suffix != ".raw.txt":  # -raw cuts "项目名称 2023 年…" at its first space
        assert [_squashed(p.name) for p in doc.projects] == [FIRST, SECOND]
        assert [len(p.indicators) for p in doc.projects] == [36, 36]


def _continued_with(tmp_path: Path, title: str, extra: list[str]) -> Path:
    """continued.layout.txt with its continuation title replaced by `title` and `extra` lines under it."""
    lines = (FIXTURES / "continued.layout.txt").read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if "目标表（续）" in line)
    lines[at : at + 1] = [title, *extra]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_continuation_naming_another_project_opens_its_form(tmp_path: Path) -> None:
    doc = parse(_continued_with(tmp_path, "2023 年农田水利设施维修养护项目支出绩效目标表（续）", []))
    assert [_squashed(p.name) for p in doc.projects] == [FIRST, SECOND[5:]]  # named by its title, the year left out
    assert [len(p.indicators) for p in doc.projects] == [14, 22]


def test_a_title_without_mark_and_new_facts_opens_a_new_form(tmp_path: Path) -> None:
    facts = ["项目名称          2023 年农田水利设施维修养护项目  主管部门              某县水利局"]
    doc = parse(_continued_with(tmp_path, "2023 年农田水利设施维修养护项目支出绩效目标表", facts))
    assert [_squashed(p.name) for p in doc.projects] == [FIRST, SECOND]
    assert [len(p.indicators) for p in doc.projects] == [14, 22]


def test_a_continuation_mark_then_another_projects_facts_opens_a_new_form(tmp_path: Path) -> None:
    facts = ["项目名称          2023 年农田水利设施维修养护项目  主管部门              某县水利局"]
    doc = parse(_continued_with(tmp_path, "续表", facts))
    assert [_squashed(p.name) for p in doc.projects] == [FIRST, SECOND]


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("续表", ""),
        ("续表1", ""),
        ("续上表", ""),
        ("（接上页）", ""),
        ("(接上页)", ""),
        ("（續表）", ""),
        ("承上表", ""),
        ("附表2 续表", "附表2"),
        ("XX项目支出绩效目标表（续）", "XX项目支出绩效目标表"),
        ("XX项目支出绩效自评表(续表)", "XX项目支出绩效自评表"),
        ("XX項目支出績效目標表（續）", "XX項目支出績效目標表"),
    ],
)
def test_continuation_marks(text: str, base: str) -> None:
    assert without_continued(text) == base
    assert bool(PAGE_MARK.match(text)) == (base in ("", "附表2"))  # a mark alone, or after the table's number


@pytest.mark.parametrize("text", ["持续表现良好", "手续办理时限", "继续教育培训人次", "XX项目支出绩效目标表"])
def test_no_continuation_mark(text: str) -> None:
    assert without_continued(text) is None
    assert not PAGE_MARK.match(text)


# Copies of wild tables with a page's top inside them ------------------------------------------------------

WRITERS = {"bars": grid_as_bars, "tabs": grid_as_tabs, "cells": grid_as_cell_lines, "layout": grid_as_layout}


@pytest.mark.parametrize("layout", sorted(WRITERS))
@pytest.mark.parametrize(
    "shape",
    [
        "title_continued",
        "title_continued_header",
        "title_continued_header_streamed",
        "mark",
        "mark_header",
        "mark_header_streamed",
        "page_header_streamed",
    ],
)
@pytest.mark.parametrize(
    "stem",
    [
        "c08_ningxia_forestry_declaration",
        "m03_anhui_agri_declaration",
        "c06_sichuan_marketreg_target",  # every row prints its 一级/二级
        "s04_yunnan_fertilizer_selfeval",  # "年度绩效目标 (80分)" printed left of the header
    ],
)
def test_a_wild_table_carried_over_a_page_reads_whole(tmp_path: Path, stem: str, shape: str, layout: str) -> None:
    source = WILD / f"{stem}.txt"
    rows = grid_rows(source.read_text(encoding="utf-8"))
    assert rows is not None
    carried, _ = page_top(rows, shape)
    path = tmp_path / f"{stem}.txt"
    path.write_text(WRITERS[layout](carried), encoding="utf-8")
    doc = parse(path)
    whole = parse(source)
    assert [p.name for p in doc.projects] == [p.name for p in whole.projects]
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{stem}.csv")).f1 == 1.0


@pytest.mark.parametrize("layout", sorted(WRITERS))
@pytest.mark.parametrize("stem", ["c06_sichuan_marketreg_target", "n02_hubei_housing_selfeval"])
def test_a_running_title_without_mark_in_any_layout(tmp_path: Path, stem: str, layout: str) -> None:
    """The title printed again as it was, with no mark and no header under it: c06's rows each print their
    一级/二级 (the first row under the title prints the labels of the row before it); n02 prints them once."""
    source = WILD / f"{stem}.txt"
    rows = grid_rows(source.read_text(encoding="utf-8"))
    assert rows is not None
    carried, after = page_top(rows, "mark")
    vocab = load_lexicon().vocabulary
    carried[after - 1] = [next(c for r in rows for c in r if 0 < len(c) < 60 and vocab.title_family(c))]
    path = tmp_path / f"{stem}.txt"
    path.write_text(WRITERS[layout](carried), encoding="utf-8")
    doc = parse(path)
    assert [p.name for p in doc.projects] == [p.name for p in parse(source).projects]
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{stem}.csv")).f1 == 1.0


def test_f04s_second_form_under_the_same_title_is_no_part_of_the_first() -> None:
    """f04 prints its second project's form under the same title, then "(2025年度)" and "项目责任人:" one cell per
    line (its table is not in the excerpt): a label awaiting its value is no row of the table before."""
    doc = parse(WILD / "f04_anhui_sports_target.txt")
    assert [(p.name, len(p.indicators)) for p in doc.projects] == [("2025金安国际网球公开赛(国际系列赛事)", 11)]
    assert doc.indicators[-1].level3 == "群众满意度"


_STREAMED = ["title_continued_header_streamed", "mark_header_streamed", "page_header_streamed"]


def _carried(tmp_path: Path, stem: str, shape: str, layout: str) -> Path:
    rows = grid_rows((WILD / f"{stem}.txt").read_text(encoding="utf-8"))
    assert rows is not None
    carried, _ = page_top(rows, shape)
    path = tmp_path / f"{stem}.{shape}.{layout}.txt"
    path.write_text(WRITERS[layout](carried), encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", sorted(WRITERS))
@pytest.mark.parametrize("shape", [*_STREAMED, "mark_header"])
def test_a_header_with_headings_wrapped_over_two_rows_printed_again(tmp_path: Path, shape: str, layout: str) -> None:
    """e03's header prints "绩效 | 实际" over "目标值 完成值" under a label "年度绩效指标完成情况" left of it; printed
    again one cell per line at a page's top, the look-ahead joins the halves into 绩效目标值 / 实际完成值 (a header
    of the table's columns), so the label over it is no row and the row under it keeps its 一级/二级."""
    doc = parse(_carried(tmp_path, "e03_fujian_earthquake_dept_selfeval", shape, layout))
    assert len(doc.projects) == 1
    assert [(i.level1, i.level2, "".join((i.level3 or "").split()), i.value) for i in doc.indicators] == [
        ("产出指标", "数量指标", "抽查全市地震监测台站运维情况个数", "9个"),
        ("产出指标", "数量指标", "开展防震减灾科普“进基层”宣传活动场数", "10场"),
        ("产出指标", "数量指标", "协同相关部门开展防震减灾宣传活动场数", "6场"),
    ]


@pytest.mark.parametrize("layout", sorted(WRITERS))
@pytest.mark.parametrize("shape", [*_STREAMED, "mark_header", "title_header", "title_header_streamed"])
def test_a_label_wrapped_in_its_cell_printed_again_with_the_header(tmp_path: Path, shape: str, layout: str) -> None:
    """e05's label left of its header, "部门整体 支出年度 绩效目标" (wrapped in its cell), prints as three words apart
    (one cell per line: on the first page too) over the header printed again, after a mark or the title printed
    again as it was: it is no row, and the row under the header is the table's."""
    stem = "e05_hunan_science_dept_target"
    doc = parse(_carried(tmp_path, stem, shape, layout))
    assert len(doc.projects) == 1
    assert not [i for i in doc.indicators if "部门整体" in (i.level3 or "")]
    assert score(parsed_rows(doc), expected_rows(WILD / "expected" / f"{stem}.csv")).f1 == 1.0


@pytest.mark.parametrize("layout", sorted(WRITERS))
@pytest.mark.parametrize("shape", ["title", "title_header", "title_header_streamed"])
def test_a_labelled_title_printed_again_without_its_label(tmp_path: Path, shape: str, layout: str) -> None:
    """c08 (a web page's copy) prints its title under a label, "标 题: | 项目支出绩效目标申报表"; the title printed
    again at a page's top has no label: the same title, and the table goes on (its last five rows were lost)."""
    stem = "c08_ningxia_forestry_declaration"
    doc = parse(_carried(tmp_path, stem, shape, layout))
    assert [(p.name, len(p.indicators)) for p in doc.projects] == [("原州区2022年南部水源涵养林建设项目", 11)]
    assert doc.indicators[-1].level2 == "可持续影响指标"
    assert (doc.indicators[-1].level3 or "").startswith("提高森林生态系统服务功能")


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("标 题:|项目支出绩效目标申报表", "项目支出绩效目标申报表"),
        ("项目名称：XX项目绩效目标表（2023年度）", "XX项目绩效目标表(2023年度)"),
        ("XX项目 支出绩效目标表", "ＸＸ项目支出绩效目标表"),
    ],
)
def test_a_title_printed_again_with_a_label_spaces_or_other_widths_is_the_same(first: str, again: str) -> None:
    vocab = load_lexicon().vocabulary
    assert title_key(first, vocab) == title_key(again, vocab)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("XX项目绩效目标表", "YY项目绩效目标表"),
        ("项目支出绩效目标表:XX项目", "项目支出绩效目标表:YY项目"),  # the colon after a title word: no label
    ],
)
def test_titles_that_differ_in_words_stay_different(one: str, other: str) -> None:
    vocab = load_lexicon().vocabulary
    assert title_key(one, vocab) != title_key(other, vocab)
