"""Wild files read only in part, each mended by a general mechanism (issue 9zg).

An outline numbers its tiers: a label of either tier ("三、满意度指标") numbered as the 一级 above it
("一、产出指标", "二、效益指标"), not as its 二级 ("(一)数量指标"), is a 一级 with no 二级 printed (f09).

A text cut short ends anywhere, as a preview's chunk does: its last glued cell may break off inside the last
row's actual, which says the row's target again ("…医疗服务" | "服务范围扩大" | "服务范", n05).

A block's side label (lexicons/block_labels.txt, five characters or more) glued between two rows is no part of
the next name (k05: "…2000 种次项目绩效指标汇总发生情况月报表次数 12 次…"); a cell alone reading "words(N分)" that
names no label is a heading of the evaluation's own frame with its points, no row (n06: "项目决策(10分)").

A document of several forms prints the title again for each: the words it printed before the title word at a
line's start ("省级部门预算项目支出" of "省级部门预算项目支出绩效目标表") are the title's where the text lost its
separators and they run on from the last row of the form before (f05: "…=99百分比省级部门预算项目支出绩效目标表…")."""

from __future__ import annotations

import re

from kpi_lint.grid import Cell
from kpi_lint.parse import parse
from kpi_lint.parse.form_block import _Levels, _outline_mark, _outline_tier
from kpi_lint.parse.form_cells import Kind
from kpi_lint.parse.form_glued import split_glued
from kpi_lint.read.text_grid import TitleHeads
from tests.wild.rows import WILD


def test_f09_a_label_numbered_as_the_level1_above_is_a_level1() -> None:
    # f09 (宁夏 同心县 设施农业技术培训 绩效目标设定): "三、满意度指标" ⏎ "参训学员满意度≥95%。"
    doc = parse(WILD / "f09_ningxia_agri_target.txt")
    last = doc.indicators[-1]
    assert (last.level1, last.level2, last.level3, last.value) == ("满意度指标", None, "参训学员满意度", "≥95%")
    assert (last.line, last.column) == (26, 1)
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.value) == ("产出指标", "数量指标", "≧300人")
    assert [i.level2 for i in doc.indicators[4:8]] == ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]


def test_outline_marks() -> None:
    assert _outline_mark("三、满意度指标") == _outline_mark("一、产出指标") == ("", "一", "、")
    assert _outline_mark("(一)数量指标") == _outline_mark("（三）满意度指标") == ("(", "一", "")
    assert _outline_mark("2.满意度指标") == ("", "1", ".")
    assert _outline_mark("满意度指标") is None
    assert _outline_mark("三满意度") is None  # a numeral with no mark may be a word


def test_either_label_numbered_as_the_level2_stays_a_level2() -> None:
    levels = _Levels(Cell("一、产出指标", 1, 1), Cell("(一)数量指标", 2, 1))
    cells = [Cell("(三)满意度指标", 9, 1)]
    assert _outline_tier(cells, [Kind.EITHER], [Kind.LEVEL2], levels) == [Kind.LEVEL2]
    cells = [Cell("三、满意度指标", 9, 1)]
    assert _outline_tier(cells, [Kind.EITHER], [Kind.LEVEL2], levels) == [Kind.LEVEL1]
    # no numbering above, or the same numbering on both tiers: the outline says nothing
    flat = _Levels(Cell("产出指标", 1, 1), Cell("数量指标", 2, 1))
    assert _outline_tier(cells, [Kind.EITHER], [Kind.LEVEL2], flat) == [Kind.LEVEL2]


def test_n05_the_break_inside_an_actual_saying_the_target_again() -> None:
    # n05 (襄阳市中心医院 自评表, glued): the text ends "…可持续为周边 群众提供医疗服务服务范围扩 大服务范"
    doc = parse(WILD / "n05_hubei_hospital_selfeval_glued.txt")
    last = doc.indicators[-1]
    assert (last.level2, last.level3) == ("可持续影响指标", "院区建成后,可持续为周边群众提供医疗服务")
    assert (last.value, last.actual) == ("服务范围扩大", "服务范")
    assert (last.line, last.column) == (20, 417)
    assert doc.indicators[-2].value == "5亿元"


def test_echo_cut_short_only_where_the_text_breaks_off() -> None:
    columns = [(0, "level3"), (1, "value"), (2, "actual"), (3, "score")]
    text = "群众满意度显著提升显著"

    def read(broken: bool) -> list[list[str]]:
        rows = split_glued(text, columns, broken=broken)
        assert rows is not None
        return [[f"{col[1]}={text[s:e]}" for col, s, e in row] for row in rows]

    assert read(True) == [["level3=群众满意度", "value=显著提升", "actual=显著"]]
    assert "value=显著提升" not in read(False)[0]  # whole, the text is cut as the DP finds it


def test_k05_a_side_label_glued_between_rows_is_no_part_of_a_name() -> None:
    # k05 (国家林业局 申报表 样例, flattened DOC preview): the merged side cell "项目绩效指标" printed mid-rows
    doc = parse(WILD / "k05_central_forestry_declaration_sample.txt")
    rows = [(i.level1, i.level3, i.value, i.line, i.column) for i in doc.indicators]
    assert ("产出指标", "汇总发生情况月报表次数", "12次", 20, 92) in rows
    assert ("产出指标", "上报发生情况月报数据的林业有害生物种次", "2000种次", 20, 52) in rows
    assert not any("绩效指标" in (i.level3 or "") for i in doc.indicators)
    assert len(rows) == 10


def test_n06_a_heading_with_its_points_is_no_row() -> None:
    # n06 (银川市 自评表, OCR'd preview): "…(B)得分未完成原因分析及改进措施项目决策(10分)项目目标完整性4…"
    doc = parse(WILD / "n06_ningxia_school_selfeval_ocr.txt")
    assert not any("项目决策" in (i.level3 or "") or "分)" in (i.value or "") for i in doc.indicators)
    rows = [(i.level2, i.level3, i.value, i.line, i.column) for i in doc.indicators]
    assert ("数量指标", "保障人数", "2370人", 3, 109) in rows
    assert ("成本指标", "绿化、水电费等成本", "M.8万元", 3, 254) in rows


def test_f05_a_title_printed_again_takes_its_words_back_from_the_last_row() -> None:
    # f05 (甘肃 嘉峪关 博物馆 绩效目标表, OCR'd preview of two forms)
    doc = parse(WILD / "f05_gansu_museum_target.txt")
    last = doc.indicators[-1]
    assert (last.level2, last.level3, last.value) == ("服务对象满意度指标", "服务对象满意度%", "=99百分比")
    assert (last.line, last.column) == (4, 280)
    assert len(doc.indicators) == 10


def test_title_heads() -> None:
    tokens = re.compile("绩效目标表|项目名称")
    heads = TitleHeads(lambda word: word.endswith("表"), tokens)
    heads.learn("省级部门预算项目支出绩效目标表(2023年度)项目名称XX")
    text = "满意度=99%省级部门预算项目支出绩效目标表2023年度"
    at = text.index("绩效目标表")
    assert heads.start(text, 0, at) == text.index("省级")
    # the line opens with the title: its words before the title word are the title's, a list number aside (l06
    # "1、部门整体绩效自评表主管部门…", issue 11-s51-fixes; before, the head was cut off as a cell of its own)
    assert heads.start("省级部门预算项目支出绩效目标表", 0, 10) == 0
    assert heads.start("1、部门整体绩效自评表", 0, 6) == 2
    assert heads.start("1、2023年绩效自评表", 0, 9) == 9  # a figure is no title's word: nothing to take back
    assert heads.start("满意度=99%市级项目支出绩效目标表", 0, 14) == 14  # words never printed before a title
    other = TitleHeads(lambda word: word.endswith("表"), tokens)
    other.learn("项目名称XX省级部门预算项目支出绩效目标表")  # the line opens with no title word
    assert other.start(text, 0, at) == at


def test_j09_a_heading_wrapped_at_the_end_of_the_excerpt_is_no_row() -> None:
    """j09 (湖北 新洲 楚剧团, a preview cut after the second project's header): "…分 值得 分偏差原因分析 及改进" —
    the last heading (偏差原因分析及改进措施) wrapped and cut by the excerpt; its piece "及改进" begins that
    longer heading with the word before it, so it is the heading's, not a row's name (before: a row
    "及改进" with no target, and "最后读到的是“及改进”")."""
    from kpi_lint.lexicon import load_lexicon

    vocab = load_lexicon().vocabulary
    text = "偏差原因分析 及改进"
    assert vocab.header_tail(text, 0, 0, 6, len(text)) == [(0, len(text))]
    assert vocab.header_tail("偏差原因分析 其他", 0, 0, 6, 9) == [(0, 6)]  # no longer heading begins so
    doc = parse(WILD / "j09_hubei_opera_selfeval.txt")
    rows = [(i.level2, i.level3, i.value, i.line, i.column) for i in doc.indicators]
    assert not any("及改进" in (name or "") for _, name, _, _, _ in rows)
    assert ("服务对象满意度指标", "演出人员满意度", "100%", 3, 122) in rows
    assert len(rows) == 5
    assert not any("及改进" in n.message for n in doc.notes)
