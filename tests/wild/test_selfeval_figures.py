"""Self-evaluation tables whose rows come out as runs of figures after a name (wild set).

A flattened spreadsheet or a copied web page prints a row as "name target actual 分值 得分"; the
figures take the roles of the header columns in order, however the header itself was printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document
from kpi_lint.parse import parse

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"
# What a row of figures fills: its 二级, name, target, actual, 分值 and 得分.
FIGURES = ("level2", "level3", "value", "actual", "weight", "score")


def _read(stem: str) -> Document:
    return parse(WILD / f"{stem}.txt")


def _rows(doc: Document, fields: tuple[str, ...] = FIGURES) -> set[tuple[Any, ...]]:
    """Each indicator of `doc` as the tuple of its `fields`."""
    return {tuple(getattr(i, f) for f in fields) for i in doc.indicators}


def test_a_header_scattered_through_a_flattened_sheet_is_gathered() -> None:
    """k04 (山西 稷山, an xlsx flattened onto one line): "一级指标" … "指标值 完成值" … "二级指标 三级指标"
    … "分值 得分" come between the first rows' cells; the rows after them are read under that header."""
    doc = _read("k04_shanxi_health_selfeval")
    assert {
        ("数量指标", "建立预防接种证", "221人", "221人", 2, 2),
        ("数量指标", "适龄儿童疫苗接种率", "100.00%", "97.30%", 2, 1.9),
        ("数量指标", "0-36月龄中医药规范管理数", "1228人", "770人", 2, 1.8),
    } <= _rows(doc)
    assert len(doc.indicators) >= 20


def test_rows_before_the_first_label_take_the_category_the_template_puts_first() -> None:
    """Rows before a table's first 二级 label, when that label is 质量指标 (the second of 产出指标
    in levels.txt), are 数量指标 rows whose label was lost; further down the order nothing is guessed."""
    vocab = load_lexicon().vocabulary
    assert vocab.level2_before("质量指标") == "数量指标"
    assert vocab.level2_before("数量指标") is None
    assert vocab.level2_before("社会效益指标") == "经济效益指标"
    doc = _read("k04_shanxi_health_selfeval")
    first = doc.indicators[0]
    assert (first.level1, first.level2) == ("产出指标", "数量指标")
    assert "level2" not in first.spans  # not printed: no source position is made up for it


def test_a_word_wrapped_off_the_end_of_a_glued_cell_is_joined() -> None:
    """k07 (四川 阆中): "绩效指标一级" ⏎ "指标" ⏎ "二级指标三级指标指标值全年实际完成值…": the 一级 of the glued
    cell and the 指标 below spell 一级指标, so the header is one group and the glued rows are cut."""
    from kpi_lint.grid import Cell, Row
    from kpi_lint.parse.form_cells import join_wrapped_words

    vocab = load_lexicon().vocabulary
    rows = [Row([Cell("绩效指标一级", 1, 1)]), Row([Cell("指标", 2, 1)])]
    assert [c.text for r in join_wrapped_words(rows, vocab) for c in r.cells] == ["绩效指标", "一级指标"]
    # A cell that is not two words run together is left alone.
    rows = [Row([Cell("建设符合验收要求", 1, 1)]), Row([Cell("指标", 2, 1)])]
    assert [c.text for r in join_wrapped_words(rows, vocab) for c in r.cells] == ["建设符合验收要求", "指标"]
    doc = _read("k07_sichuan_transport_regional_selfeval")
    assert {
        (None, "质量指标", "建设符合验收要求", "20", "20"),
        (None, "时效指标", "按期完成投资", "10", "10"),
        (None, "服务对象满意度指标", "改善通行服务水平群众满意度", "20", "20"),
    } <= _rows(doc, ("period", "level2", "level3", "value", "actual"))


def test_two_bare_numbers_under_a_score_column_first_are_the_score_pair() -> None:
    """k03 (安徽 萧县): header 分值 | 年度指标值 | 全年实际值 | 得分; the ★ parent rows print "10 10" (分值 and
    得分, no target: their targets are the sub-rows'), the sub-rows "5.5亩 5.5亩" (target and actual)."""
    doc = _read("k03_anhui_township_agri_selfeval")
    assert {
        ("补助各类粮食作物种植面积", None, None, 10, 10),
        ("红薯种植面积", "5.5亩", "5.5亩", None, None),
        ("补助家畜家禽养殖数量", None, None, 10, 10),
        ("羊养殖数量", "283只", "283只", None, None),
    } <= _rows(doc, FIGURES[1:])
    # The last row, "★种植作物成活率 10 9", is where the page breaks off: a name and its scores only.
    assert [p.line for p in doc.problems] == [41]


def test_a_grade_wrapped_under_its_row_is_that_rows_actual() -> None:
    """j11: "可持续影响指标 | …机制健全性 | 定性 | 优良中低差 |" ⏎ "| 优 | 10 |": the grade and its score
    wrapped onto the next line; a grade alone is no indicator's name."""
    doc = _read("j11_unknown_railway_selfeval")
    assert "优" not in {i.level3 for i in doc.indicators}
    (row,) = [i for i in doc.indicators if i.level3 == "铁路沿线环境及安全整治管理机制健全性"]
    assert (row.value, row.actual) == ("优良中低差", "优")


def test_two_column_words_run_together_in_a_header_are_two_columns() -> None:
    """j09 (湖北 新洲, a doc-sharing preview): "实际完成值" ⏎ "分值得分" ⏎ "偏差原因分析及改进措施"; the run
    "分值得分" is the 分值 and 得分 columns, so "50件50件2020" is target, actual, 分值 20 and 得分 20.  The
    template's empty numbered slots glued after a row ("…2020指标2:", "指标1:指标2:") are no rows."""
    vocab = load_lexicon().vocabulary
    assert vocab.run_of_column_words("分值得分") == ["分值", "得分"]
    assert vocab.run_of_column_words("分值") is None and vocab.run_of_column_words("演出设备成本") is None
    doc = _read("j09_hubei_opera_selfeval")
    assert {
        ("数量指标", "更新剧团老化、损坏的音", "50件", "50件", 20, 20),
        ("成本指标", "演出设备成本件/件", "2万元", "2万元", 20, 18),
        ("服务对象满意度指标", "演出人员满意度", "100%", "100%", 20, 20),
    } <= _rows(doc)
    assert not any("指标1:" in (i.value or "") or "指标2:" in (i.level3 or "") for i in doc.indicators)


def test_a_total_glued_to_its_full_marks_is_read_as_the_score() -> None:
    """j09: "总分10098" is the total row's 满分 100 and 得分 98 run together; the score is read, placed where its
    digits start.  A figure that is no such pair stays as printed."""
    from kpi_lint.model import Located
    from kpi_lint.parse.score_glued import unglued_total

    doc = _read("j09_hubei_opera_selfeval")
    total = doc.projects[0].total_score
    assert total is not None and (total.text, total.line, total.column) == ("98", 3, 150)
    for kept in ("100", "98.5", "1005", "10001", "105", "110", "20098"):
        assert unglued_total(Located(kept, 1, 1)).text == kept
    assert unglued_total(Located("10095.5", 1, 1)).text == "95.5"


def test_the_points_a_funds_label_gives_budget_execution_are_its_weight() -> None:
    """h02 (云南 保山, one cell per line): "预算执行情况(万元)" ⏎ "(20分)": budget execution scores 20 on this form,
    though no column prints a 分值 and its row of figures was not read; n07 prints the same label in one glued cell."""
    h02 = _read("h02_yunnan_veterans_selfeval").projects[0].execution
    assert h02 is not None and h02.weight == 20 and h02.score is None
    assert (h02.spans["weight"].line, h02.spans["weight"].column) == (29, 2)
    n07 = _read("n07_unknown_fishery_selfeval_ocr").projects[0].execution
    assert n07 is not None and n07.weight == 20
    n01 = _read("n01_hubei_library_selfeval").projects[0].execution
    assert n01 is not None and (n01.weight, n01.score) == (20, 20)


def test_a_glued_funds_block_printing_its_rate_as_a_ratio_is_cut_by_it() -> None:
    """n07 (an OCR'd preview): "预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120": no "%",
    the rate is B/A as a ratio; the one cut where 执行数/预算数 gives it and 得分 is within the label's 20 points is
    1.56 | 1.56 | 1 | 20.  The column word inside "(20分*执行率)" is no column of its own."""
    ex = _read("n07_unknown_fishery_selfeval_ocr").projects[0].execution
    assert ex is not None
    assert (ex.budgeted, ex.executed, ex.rate, ex.score, ex.weight) == (1.56, 1.56, 100, 20, 20)
    assert (ex.spans["rate"].text, ex.spans["rate"].line, ex.spans["rate"].column) == ("1", 3, 209)
    assert (ex.spans["score"].text, ex.spans["score"].column) == ("20", 210)


def test_a_name_pushed_ahead_of_the_figures_before_it_gets_them_back() -> None:
    """k04: "指标24:传染病及突发公共卫生事件报告 | 数 | 指标25:家庭医生签约率 | 14例 14例 2 2 | 24694人 22584人 2
    1.7": the first name wrapped ("…报告" ⏎ "数"), so the next row's name came before its figures."""
    assert {
        ("传染病及突发公共卫生事件报告数", "14例", "14例", 2, 2),
        ("家庭医生签约率", "24694人", "22584人", 2, 1.7),
    } <= _rows(_read("k04_shanxi_health_selfeval"), FIGURES[1:])


def test_rows_above_the_first_labelled_row_of_an_excerpt_are_read() -> None:
    """j11 starts inside its table: "安全警示标志设置及时率 | = | 100 | % | 100 | 5", then
    "成本指标 | 安全隐患排查成本预算 | = | 6 | 万元 | 6 | 5" opens the header-less block; the row above has
    as many cells as the labelled one has after its label, so it is a row of the table (its 二级 was
    above the excerpt: left empty)."""
    doc = _read("j11_unknown_railway_selfeval")
    first = doc.indicators[0]
    assert (first.level2, first.level3, first.value, first.line) == (None, "安全警示标志设置及时率", "=100%", 1)
    names = [i.level3 for i in doc.indicators[:3]]
    assert names == ["安全警示标志设置及时率", "安全隐患排查成本预算", "警示标志设置成本预算"]


def test_files_of_this_shape_read_exactly() -> None:
    """k03 (★ parent rows with only 分值/得分) and j11 (a grade wrapped under its row, a row above the first
    labelled one) give every hand-checked row."""
    from tests.wild.rows import expected_rows, parsed_rows, score

    for stem in ("k03_anhui_township_agri_selfeval", "j11_unknown_railway_selfeval"):
        result = score(parsed_rows(parse(WILD / f"{stem}.txt")), expected_rows(WILD / "expected" / f"{stem}.csv"))
        assert result.f1 == 1.0, f"{stem}: P {result.precision:.2f} R {result.recall:.2f}"
