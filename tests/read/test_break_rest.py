"""The rest of a table cell that a page break or a preview's chunk break cut inside a word joins that cell,
which keeps its place (kpi_lint/read/break_rest.py).

* l04 (河北 2019, a doc-sharing preview): the first chunk ends inside row 3's basis ("…按服務對象滿"), the
  second opens "2、意度評價" and goes on with the next table's title printed again ("邯財社2018126號…");
* a03 (江西, one `|` row a line) copied with a page break inside a row's last cell: a page number, a form
  feed or the header row printed again at the next page's top, then the rest of the cell;
* a Word table whose basis cell runs over three pages, printed to PDF by LibreOffice, ruled and without
  borders: the PDF reader already joins it (pdf_cut_row), pinned here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.read.break_rest import chunk_rest, heading_openings, inside_a_word
from kpi_lint.read.source import read_source
from kpi_lint.read.text_grid import text_grid
from tests.wild.copies import grid_as_docx
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

L04 = WILD / "l04_hebei_civilaffairs_target_traditional.txt"
A03 = WILD / "a03_jiangxi_forestry_dept_target.txt"


def test_l04_basis_cut_by_the_chunk_break_is_read_whole_at_its_place() -> None:
    doc = parse(L04)
    last = doc.indicators[-1]
    assert (last.level3, last.value, last.basis) == ("救助对象对救助工作满意度(%)", "85%", "按服务对象满意度评价")
    basis = last.spans["basis"]
    assert (basis.line, basis.column) == (16, 679)  # where its first part is printed, as before the join
    line = L04.read_text(encoding="utf-8").split("\n")[15]
    assert line[basis.column - 1 :].startswith("按服務(wù)對(duì)象滿")
    # The other rows' bases were whole and stay so.
    assert [i.basis for i in doc.indicators[:2]] == ["按临时救助标准评价", "按临时救助标准评价"]


def test_l04_second_chunk_is_the_rest_of_the_cell_then_the_title_printed_again() -> None:
    vocab = load_lexicon().vocabulary
    grid = text_grid(read_source(L04), vocab.word_pattern, vocab.label_pattern, vocab.header_cover, vocab.header_tail)
    chunk = [(c.text, c.column, c.glued) for row in grid.rows for c in row.cells if c.line == 18]
    # "2、意度評(píng)價(jià)邯…": the rest after the chunk's number, the title where 邯 is printed (column 18).
    assert chunk == [("意度评价", 3, True), ("邯财社2018126号提前下达2019年中央财政困难群众救助补(b", 18, False)]


def test_a_break_falls_inside_a_word_or_between_two() -> None:
    assert inside_a_word("按服务对象满", "意度评价邯财社")  # 满意度
    assert inside_a_word("三级指标分值按三级指标个数平", "均确定(15分")  # 平均 (x03's chunk break)
    assert inside_a_word("送优秀青年演", "员到省市专业院")  # 演员 (j09's)
    assert not inside_a_word("0%33否资金使用合规性好好100%55否绩效指标", "预决算信息公开性高高")  # l06's: two cells
    assert not inside_a_word("粮食储备设备维护及安全性", "高高满意度指标")  # e02's
    assert not inside_a_word("", "意度评价")


def test_a_chunk_that_goes_on_between_two_words_is_no_rest_of_the_cell() -> None:
    assert chunk_rest("预决算信息公开性高高", "预决算信息公开性高高", "…否绩效指标", []) is None


def test_the_rest_of_a_chunk_ends_where_a_heading_is_printed_again() -> None:
    before = ["1、2019年预算项目绩效目标 1、邯财社2018126号提前下达2019年中央财政预算指标绩效目标表…按服务对象满"]
    assert heading_openings(before) == {"2019年预算项目绩效目", "邯财社2018126号提"}  # 12 characters each
    line = "  意度评价邯财社2018126号提前下达"  # "2、" blanked: the chunk's number is no part of a cell (text_grid)
    cells = [(2, "意度评价", True), (6, "邯财社2018126号提前下达", False)]
    assert chunk_rest(line, line, "按服务对象满", before) == cells
    # No heading printed again: the whole chunk is the cell's rest.
    assert chunk_rest("  意度评价", "  意度评价", "按服务对象满", before) == [(2, "意度评价", True)]


def _a03_broken(tmp_path: Path, name: str, between: list[str], rest: str = "理") -> Path:
    """a03 with a page break inside the last printed cell of its first indicator row (line 22,
    "… | 该指标值数据合理 | |"): that row ends "该指标值数据合", the `between` lines follow, then `rest`."""
    lines = A03.read_text(encoding="utf-8").split("\n")
    assert lines[21].endswith("| 该指标值数据合理 | |")
    lines[21] = lines[21].replace("该指标值数据合理", "该指标值数据合")
    lines[22:22] = [*between, rest]
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "between", "rest"),
    [
        ("page_number", ["第 2 页 共 5 页"], "理"),
        ("dashed_number", ["", "- 2 -", ""], "理"),
        ("form_feed", [], "\f理"),
        ("form_feed_alone", ["\f"], "理"),
        ("header_again", ["| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 | |"], "理"),
    ],
)
def test_a_row_cut_by_a_page_break_reads_whole(tmp_path: Path, name: str, between: list[str], rest: str) -> None:
    doc = parse(_a03_broken(tmp_path, name, between, rest))
    first = doc.indicators[0]
    assert (first.level3, first.value, first.description) == ("保障在职职工人数(人)", "=116人", "该指标值数据合理")
    place = first.spans["description"]
    assert (place.line, place.column) == (22, 45)  # the cell's place on the page where it begins
    want = expected_rows(WILD / "expected" / f"{A03.stem}.csv")
    assert score(parsed_rows(doc), want).f1 == 1.0  # no row of the rest alone ("理")
    assert len(doc.indicators) == len(parse(A03).indicators)


def test_a_running_title_after_the_page_number_leaves_the_cut_row_open(tmp_path: Path) -> None:
    """The title of line 2 printed again at the next page's top: the rest still joins the row the page cut.
    (The form reader reads the title as the page's running title: tests/read/test_running_title.py.)"""
    path = _a03_broken(tmp_path, "running_title", ["- 2 -", "部门整体支出绩效目标表保障服务"])
    vocab = load_lexicon().vocabulary
    grid = text_grid(read_source(path), vocab.word_pattern, vocab.label_pattern, vocab.header_cover, vocab.header_tail)
    rows = {row.line: [c.text for c in row.filled] for row in grid.rows if 22 <= row.line <= 26}
    assert rows == {
        22: ["产出指标", "数量指标", "保障在职职工人数(人)", "=", "116", "人", "该指标值数据合理"],
        24: ["部门整体支出绩效目标表保障服务"],
        26: ["保障退休职工人数(人)", "=", "81", "人", "该指标值数据合理"],
    }


def test_a_line_after_a_page_break_that_opens_between_two_words_is_a_row_of_its_own(tmp_path: Path) -> None:
    """The page broke after a whole cell: the next page's first line is not joined to it."""
    doc = parse(_a03_broken(tmp_path, "between_words", ["第 2 页 共 5 页"], "另附说明"))
    assert doc.indicators[0].description == "该指标值数据合"


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# A basis too long for one page: wherever the row starts, its cell runs on over the page breaks.
SURVEY = "以问卷调查方式取得满意和较满意的救助对象数量占调研对象总数的比率，"
LONG_BASIS = "按服务对象满意度评价：" + SURVEY * 14 + "结果报县民政局备案。"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("style", ["Table Grid", None], ids=["ruled", "borderless"])
def test_a_word_cell_printed_over_three_pages_reads_whole_at_its_first_page(tmp_path: Path, style: str | None) -> None:
    rows = [["项目支出绩效目标表"], ["项目名称", "城乡困难群众救助"]]
    rows.append(["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"])
    rows += [["产出指标", "数量指标", f"救助人次第{i}批", f"{100 + i}人次", "按临时救助标准评价"] for i in range(1, 13)]
    rows.append(["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥85%", LONG_BASIS])
    rows.append(["产出指标", "时效指标", "救助资金发放及时率", "100%", "按计划标准"])
    source = tmp_path / "long_basis.docx"
    source.write_bytes(grid_as_docx(rows, style=style))
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "long_basis.pdf"
    with pdfplumber.open(pdf) as opened:
        pages = [(page.extract_text() or "").replace("\n", "") for page in opened.pages]
    starts = [n for n, text in enumerate(pages, 1) if "按服务对象" in text]
    ends = [n for n, text in enumerate(pages, 1) if "备案" in text]
    assert len(starts) == 1 and ends and ends[0] > starts[0]  # the cell is printed over a page break
    doc = parse(pdf)
    assert [i.level3 for i in doc.indicators][-2:] == ["救助对象满意度", "救助资金发放及时率"]
    row = doc.indicators[-2]
    assert (row.value, row.basis) == ("≥85%", LONG_BASIS)
    assert (row.spans["basis"].anchor or "").startswith(f"页{starts[0]} ")
    assert len(doc.indicators) == 14
