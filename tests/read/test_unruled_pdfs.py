"""Tables printed to PDF without rulings read to their hand-checked rows (kpi_lint.read.pdf_unruled).

tests/fixtures/wild_tables/build.py prints the tables of wild texts as LibreOffice prints them without
borders: a Word table with no table style (c06, m03, e05; n02 for a row cut by a page break) and an
Excel sheet with wrapped text, each row as tall as its text and the text at the foot of its cell,
printed without gridlines (k01, l07).  Cells wrap over several lines, and tables run over pages (c06's last
indicator row is cut by a page break).  A prose report typed as paragraphs and an image-only page are read as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.grid import Grid
from kpi_lint.parse import parse
from kpi_lint.read.pdf_reader import read_pdf
from tests.wild.rows import expected_rows, parsed_rows, score

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "fixtures" / "wild_tables" / "borderless"
TABLES = sorted([*HERE.glob("*.word.pdf"), *HERE.glob("*.sheet.pdf")])
PLACED = re.compile(r"^页\d+ 表\d+ 行\d+ 格\d+ \(\d+,\d+\)$")  # page, table, row, cell and the box's corner


def _at(anchor: str | None, where: str, x: int, y: int) -> bool:
    """`anchor` names the place `where` ("页2 表2 行2 格3") and a box whose corner is within 3 points of
    (x, y): the corner is where the columns' boundaries were placed, between the cells' texts."""
    found = re.match(r"^(.*) \((\d+),(\d+)\)$", anchor or "")
    if found is None:
        return False
    place, at_x, at_y = found.groups()
    return place == where and abs(int(at_x) - x) <= 3 and abs(int(at_y) - y) <= 3


def _expected(pdf: Path) -> list[tuple[str, str, str, str]]:
    return expected_rows(ROOT / "corpus" / "wild" / "expected" / f"{pdf.name.split('.')[0]}.csv")


@pytest.mark.parametrize("pdf", TABLES, ids=lambda p: p.name[:3] + p.suffixes[0])
def test_a_table_printed_without_rulings_reads_its_hand_checked_rows(pdf: Path) -> None:
    doc = parse(pdf)
    assert score(parsed_rows(doc), _expected(pdf)).f1 == 1.0
    assert all(PLACED.match(ind.anchor("value") or "") for ind in doc.indicators if ind.value)


def test_rows_values_and_places_of_a_word_table_without_borders() -> None:
    doc = parse(HERE / "c06_sichuan_marketreg_target.word.pdf")
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.level3, first.value) == ("产出指标", "成本指标", "检查差旅费", "470人/天")
    assert _at(first.anchor("level3"), "页2 表2 行2 格3", 204, 178)  # its name wraps: "检查差旅" ⏎ "费"
    assert _at(first.anchor("value"), "页2 表2 行2 格4", 266, 178)
    wrapped = next(i for i in doc.indicators if i.level2 == "质量指标")
    assert (wrapped.level3, wrapped.value) == ("食安委成员单位食品安全工作齐抓共管", "100%")  # five lines
    # The row cut by the page break: "…学化、规" at the foot of page 2, "范化" at the top of page 3.
    cut = next(i for i in doc.indicators if i.level2 == "可持续影响指标")
    assert (cut.level3, cut.value) == ("进一步提高食品安全工作科学化、规范化", "高中低")
    assert _at(cut.anchor("level3"), "页2 表2 行12 格3", 204, 645)
    last = doc.indicators[-1]
    assert (last.level2, last.level3) == ("服务对象满意度指标", "公众对食品安全满意度")
    assert _at(last.anchor("level3"), "页3 表1 行3 格3", 204, 120)


def test_the_rebuilt_grid_has_the_header_s_columns() -> None:
    path = HERE / "c06_sichuan_marketreg_target.word.pdf"
    grids = [b for b in read_pdf(path.read_bytes(), str(path)) if isinstance(b, Grid) and b.anchor == "页2 表2"]
    (grid,) = grids
    header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"]
    assert [c.text for c in grid.rows[0].cells] == header
    # "检查差旅" ⏎ "费": wrapped at the edge of its column, read as one text
    assert [c.text for c in grid.rows[1].cells[:4]] == ["产出指标", "成本指标", "检查差旅费", "470 人/天"]
    assert all(r.ruled for r in grid.rows)


def test_a_sheet_printed_without_gridlines_with_its_text_at_the_foot_of_each_cell() -> None:
    doc = parse(HERE / "k01_anhui_science_selfeval.sheet.pdf")
    first = doc.indicators[0]
    assert (first.level2, first.level3, first.value) == ("数量指标", "开展县域结对交流活动", "≥3次")
    assert _at(first.anchor("value"), "页1 表1 行14 格4", 220, 361)
    assert _at(first.anchor("level3"), "页1 表1 行14 格3", 164, 361)
    assert (first.actual, first.weight, first.score) == ("3", 10.0, 10.0)


def test_a_table_that_runs_on_over_pages_keeps_both_periods() -> None:
    doc = parse(HERE / "m03_anhui_agri_declaration.word.pdf")
    mid, year = doc.indicators[:2]
    assert (mid.period, mid.level3, mid.value) == ("中期", "鉴定校准实验室仪器", "≥57个")
    assert (year.period, year.level3, year.value) == ("年度", "鉴定校准实验室仪器", "≥57个")
    assert _at(mid.anchor("value"), "页4 表1 行2 格4", 213, 110)
    assert _at(year.anchor("value"), "页4 表1 行2 格7", 342, 110)


def test_a_prose_report_yields_no_table_rows() -> None:
    """Paragraphs of prose (one piece of text a line) are no table: no grid is rebuilt from them, and
    the report's indicators are read from its sentences as before."""
    path = HERE / "m02_tianjin_coastal_selfeval_prose.prose.pdf"
    blocks = read_pdf(path.read_bytes(), str(path))
    assert not any(isinstance(b, Grid) and "表" in (b.anchor or "") for b in blocks)
    found = set(parsed_rows(parse(path)))
    assert set(_expected(path)) <= found


def test_a_scanned_page_is_named_a_scan() -> None:
    with pytest.raises(InputError, match=r"PDF 没有文字层（可能是扫描件），需先 OCR 识别为文字"):
        parse(HERE / "scan.pdf")


def test_a_written_target_cut_by_a_page_break_is_joined_with_its_name() -> None:
    """n02's table without borders: the 时效 row's name and its written target both break at the foot of
    page 2 ("上半年完成宣传片制作;" | "6月份完成宣传片制作;9") and go on at the top of page 3
    ("下半年完成实施方案" | "月份完成文本;11月完成专家评审"). Both halves are the one row's, kept at page 2."""
    doc = parse(HERE / "n02_hubei_housing_selfeval.pagecut.pdf")
    timely = [i for i in doc.indicators if i.level3 and i.level3.startswith("上半年")]
    assert [(i.level3, i.value) for i in timely] == [
        ("上半年完成宣传片制作;下半年完成实施方案", "6月份完成宣传片制作;9月份完成文本;11月完成专家评审")
    ]
    assert (timely[0].anchor("level3") or "").startswith("页2 表2 行6 格2")
    assert (timely[0].anchor("value") or "").startswith("页2 表2 行6 格3")
    assert len(doc.indicators) == 8


def test_a_whole_row_at_the_top_of_a_page_is_not_joined_to_the_row_above() -> None:
    """e05's table without borders (三级 | 指标值 only): "科普宣传活动次数 | 3次" opens page 4. A name and a
    target at a page's top are carried onto the row above only when that row has a figure column this
    line leaves empty; here the row is whole, and stays a row of its own."""
    doc = parse(HERE / "e05_hunan_science_dept_target.word.pdf")
    rows = [(i.level3, i.value) for i in doc.indicators]
    assert rows[4:6] == [("科技活动周举办次数", "1次"), ("科普宣传活动次数", "3次")]
    assert (doc.indicators[5].anchor("level3") or "").startswith("页4 表1 行1 格1")
