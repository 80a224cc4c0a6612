"""A document-sharing preview prints a file as numbered chunks cut anywhere ("2、…社会效益" ⏎ "3、指标效果显著…"):
a 二级 label broken off at a chunk's end is read where it begins, and its rest ("指标") is no part of the
next chunk's first name (n06, 宁夏 银川 第六中学 自评表, OCR'd)."""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from kpi_lint.read.source import SourceText, fold
from kpi_lint.read.text_grid import text_grid
from tests.wild.rows import WILD, printed_rows


def test_n06_reads_the_name_after_a_label_broken_over_two_chunks() -> None:
    rows = printed_rows(WILD / "n06_ningxia_school_selfeval_ocr.txt")
    assert ("社会效益指标", "效果显著", "改善学校的办学条件") in rows
    assert ("成本指标", "绿化、水电费等成本", "M.8万元") in rows


def test_the_rest_of_the_label_keeps_the_columns_of_the_line() -> None:
    vocab = load_lexicon().vocabulary
    first = "1、" + "项目名称初中公用经费" * 40 + "指标2:社会效益"
    lines = [first, "2、指标效果显著15改善学校的办学条件"]
    src = SourceText("chunks.txt", "utf-8", lines, [fold(x) for x in lines])
    grid = text_grid(src, vocab.word_pattern, vocab.label_pattern)
    second = [c for row in grid.rows for c in row.cells if c.line == 2]
    assert second and second[0].text.startswith("效果显著")
    assert second[0].column == len("2、指标") + 1
