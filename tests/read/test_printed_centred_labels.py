"""一级/二级 labels merged down their rows and centred, in sheets printed without gridlines
(kpi_lint.read.pdf_merged_labels, pdf_unruled, pdf_reader).

tests/fixtures/centred_labels/build.py types the sheets as departments do (openpyxl, labels merged and
centred) and prints them with LibreOffice.  A label stands halfway down its block, beside a middle row
or between two rows; a block a page break cuts has its label where the whole block's middle falls, on
another page or outside the page.  Before, a label covered only the rows after it (blocks1to8: 16 of
36 rows with their labels right; declare 16 of 44; landscape 6 of 30), and a page holding only the
table's header and a row or two lost the 依据 column or the first rows (opening0/1/2: 0, 5, 5 of 13).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.read.pdf_merged_labels import Label, blocks
from kpi_lint.read.pdf_unruled import _lines

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "centred_labels"
sys.path.insert(0, str(HERE.parent))  # the builder as centred_labels.build (wrapped_rows has a build.py too)
from centred_labels.build import SHEETS, Sheet, indicator_rows  # noqa: E402

# The long 二级 labels the form reader reads as the vocabulary's names.
CANON = {"社会效益指标（含群众获得感）": "社会效益指标", "社会公众或服务对象满意度指标": "服务对象满意度指标"}
# Read whole; the others are known limits (see test_known_limits).
WHOLE = ["blocks1to8", "blocks8to1", "middle", "landscape", "declare", "ruled", "ruledself", "opening0"]
WHOLE += ["opening1", "opening2", "opening1self", "top"]


def _typed(sheet: Sheet) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for level1, level2, name, *rest in indicator_rows(sheet):
        head = (level1, CANON.get(level2, level2), name)
        if sheet.form == "target":
            out.append((None, *head, rest[0], rest[1]))
        elif sheet.form == "declare":
            out += [("实施期", *head, rest[0], None), ("年度", *head, rest[1], None)]
        else:
            out.append((None, *head, rest[0], rest[1], float(rest[2]), float(rest[3])))
    return out


def _read(sheet: Sheet, doc: Document) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for i in doc.indicators:
        head = (i.period, i.level1, i.level2, i.level3, i.value)
        if sheet.form == "selfeval":
            out.append((*head, i.actual, i.weight, i.score))
        else:
            out.append((*head, i.basis))
    return out


@pytest.mark.parametrize("sheet", [s for s in SHEETS if s.stem in WHOLE], ids=lambda s: s.stem)
def test_a_printed_sheet_with_centred_merged_labels_reads_the_rows_typed(sheet: Sheet) -> None:
    doc = parse(HERE / f"{sheet.stem}.pdf")
    assert _read(sheet, doc) == _typed(sheet)


def test_a_label_heads_the_rows_above_it_and_below_it() -> None:
    """blocks1to8: 质量指标 (rows 2-3) stands between its two rows; 时效指标 (rows 4-6) beside row 5.
    The label's cell is the block's, anchored at its first row."""
    doc = parse(HERE / "blocks1to8.pdf")
    rows = [(i.level2, i.level3) for i in doc.indicators[:7]]
    assert rows == [
        ("数量指标", "救助对象第1项"),
        ("质量指标", "救助对象第2项"),
        ("质量指标", "救助对象第3项"),
        ("时效指标", "救助对象第4项"),
        ("时效指标", "救助对象第5项"),
        ("时效指标", "救助对象第6项"),
        ("成本指标", "救助对象第7项"),
    ]
    third = doc.indicators[2]
    assert third.anchor("level2") == "页1 表1 行4 格2 (139,190)"
    assert third.anchor("level3") == "页1 表1 行5 格3 (246,220)"
    assert doc.indicators[14].anchor("level2") == "页1 表1 行13 格2 (139,460)"


def test_a_block_cut_by_a_page_break_keeps_its_label_on_both_pages() -> None:
    """blocks1to8: 社会效益指标 (rows 16-21) runs from page 1 onto page 2, 效益指标 (rows 16-28) too;
    their labels stand on page 1 (and again above page 2's top, outside the page)."""
    doc = parse(HERE / "blocks1to8.pdf")
    social = [i for i in doc.indicators if i.level2 == "社会效益指标"]
    assert [i.level3 for i in social] == [f"救助对象第{k}项" for k in range(16, 22)]
    assert {(i.anchor("level3") or "")[:2] for i in social} == {"页1", "页2"}
    assert all(i.level1 == "效益指标" for i in doc.indicators[15:28])


def test_a_page_ending_under_the_header_leaves_the_first_row_whole() -> None:
    """opening0: a long facts block leaves only the header on page 1.  The first line of page 2 is the
    first indicator row, not the rest of a header cell cut by the page break."""
    doc = parse(HERE / "opening0.pdf")
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.level3, first.value, first.basis) == (
        "产出指标",
        "数量指标",
        "救助对象第1项",
        "101人次",
        "按临时救助标准评价",
    )
    assert first.anchor("level3") == "页2 表1 行1 格3 (250,70)"


def test_a_header_and_one_row_on_a_page_read_as_the_next_page_tells() -> None:
    """opening1: page 1 holds the header and one row, whose 依据 (set at the foot of its cell) prints
    its first line beside the header; page 2's rows show the text set at the foot, so the line is
    the row's.  The row's labels, printed where their blocks' middles fall (page 2, and below page
    1's foot), are the labels of the block that opens page 2."""
    doc = parse(HERE / "opening1.pdf")
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.level3, first.basis) == (
        "产出指标",
        "数量指标",
        "救助对象第1项",
        "按临时救助标准评价",
    )
    assert (first.anchor("level3") or "").startswith("页1 ")
    assert (first.anchor("level2") or "").startswith("页2 表1 行1 格2")
    assert all(i.basis == "按临时救助标准评价" for i in doc.indicators)


def test_a_glyph_set_higher_than_its_line_stays_in_its_row() -> None:
    """top: text set at the top of its rows; "≥86%" (DejaVu Sans beside Noto CJK) prints 2.6 points
    higher than the text beside it.  It stretched its line, the smallest pitch between a cell's lines
    read 11.4 for lines 16 apart, and every row split (0 of 23 rows right)."""
    doc = parse(HERE / "top.pdf")
    sixth = doc.indicators[5]
    read = "|".join(str(x) for x in (sixth.level1, sixth.level2, sixth.level3, sixth.value, sixth.basis))
    assert read == "产出指标|质量指标|救助对象第6项经县乡两级审核确认并按时足额发放的人次|≥86%|按临时救助标准评价"
    assert [sixth.anchor(k) for k in ("level2", "value")] == ["页1 表1 行8 格2 (139,359)", "页1 表1 行8 格4 (348,359)"]
    assert [i.value for i in doc.indicators[17:20]] == ["≥98%", "≥99%", "≥80%"]
    assert (doc.indicators[17].anchor("value") or "").startswith("页2 表1 行6 ")


def _word(text: str, x0: float, top: float, height: float = 11.0) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x0 + 11.0 * len(text), "top": top, "bottom": top + height}


def test_a_line_stands_where_most_of_its_text_does() -> None:
    """An offset glyph joins the line it overlaps most and does not stretch it; a word offset by
    more than a third of a line (a label centred between two rows) stands on a line of its own."""
    words = [_word("救助对象", 50, 100.0), _word("≥86%", 150, 97.4), _word("按临时救助标准", 250, 100.0)]
    (line,) = _lines(words)
    assert (line.top, line.bottom) == (100.0, 111.0)
    assert [p.top for p in line.pieces] == [100.0, 97.4, 100.0]
    # Lines printed close (pitch 12): a word 2 points low overlaps the first most.
    words = [_word("一二三", 50, 100.0), _word("四五六", 50, 112.0), _word("七", 150, 102.0)]
    assert [[round(p.x0) for p in line.pieces] for line in _lines(words)] == [[50, 150], [50]]
    words = [_word("数量指标", 50, 100.0), _word("救助对象", 150, 104.5)]
    assert [round(line.top, 1) for line in _lines(words)] == [100.0, 104.5]


def test_known_limits() -> None:
    """Rows of one line whose text nothing shows to stand at their foot (selfeval, page 2) are measured
    from the middle of the gaps between them: one row of two (可持续影响指标) goes to the next block.
    The ruled sheet whose first page holds the header and one row (opening1ruled) leaves that row's
    labels, printed below the page's foot, unread."""
    selfeval = next(s for s in SHEETS if s.stem == "selfeval")
    read, typed = _read(selfeval, parse(HERE / "selfeval.pdf")), _typed(selfeval)
    assert [k for k, (a, b) in enumerate(zip(read, typed, strict=True)) if a != b] == [20]
    ruled = parse(HERE / "opening1ruled.pdf").indicators
    assert (ruled[0].level1, ruled[0].level2, ruled[0].level3) == (None, None, "救助对象第1项")
    assert [(i.level1, i.level2) for i in ruled[1:3]] == [("产出指标", "数量指标")] * 2


def _label(middle: float, column: int = 1) -> Label:
    return Label(column, 0.0, 40.0, middle - 5, middle + 5, apart=True)


def test_blocks_centre_each_label_in_its_rows() -> None:
    bounds = [float(y) for y in range(0, 301, 30)]  # ten rows of 30 points
    # blocks of 1, 3 and 6 rows: middles at 15, 75 and 210
    assert blocks([[_label(15), _label(75), _label(210)]], bounds, open_top=False) == [[0, 1, 4]]
    # an outer column's blocks start where the inner column's do: 0-3 and 4-9
    outer = [_label(60, 0), _label(210, 0)]
    assert blocks([outer, [_label(15), _label(75), _label(210)]], bounds, open_top=False) == [[0, 4], [0, 1, 4]]


def test_blocks_cut_by_the_page_hold_their_labels_off_their_rows() -> None:
    bounds = [float(y) for y in range(0, 301, 30)]
    # the first label above the page (its block began on the page before); the last block closes the
    # table here when its label stands in its middle
    assert blocks([[_label(-200), _label(105), _label(240)]], bounds, open_top=True) == [[0, 1, 6]]
    # the last label below the page (its block runs on): the block before is centred on its own
    assert blocks([[_label(45), _label(400)]], bounds, open_top=False) == [[0, 3]]
    # a label nowhere near the middle of any rows it could head is no centred label
    assert blocks([[_label(15), _label(22), _label(270)]], bounds, open_top=False) is None
