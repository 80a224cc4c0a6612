"""A wild table printed to PDF by LibreOffice without rulings, a row of it cut by a page break, reads
to its hand-checked rows (bench/copy_habits.py grid_pdf_plain, grid_pdf_sheet).

* e03 as a Word table without borders: the foot of page 4 prints the first lines of the row
  "开展防震减灾科普“进基层”宣传活动场数 | 10场 | 11场 | 本指标满分6分,…进社区活动", the top of page
  5 the rest of its 评分标准 ("场数达10场得6分,…扣完为止。") above the next row ("协同相关部门…").
  The rest joins its row; the next row stays a row of its own.
* k02 as a sheet printed without gridlines: the sheet sets its text at the foot of its rows, so the
  row "社会成本指标 | 0 | 0.00% | 0 | …" opens page 2 with the first three lines of its wrapped
  指标解释 above the row's other cells; they are that row's, not loose lines.
* b01, s04 as sheets: a page the table runs on to reads its rows with what the page before told of
  the table (how far right each column's text reaches, that rows set their text at the foot).
* a01 as a sheet: page 2 opens with a cell wider than any of its column on page 1; it still stands
  in the table's columns (its text, set to the left, stops before the next column's starts), and
  it is a row of its own, not the rest of page 1's last row.
* j11, b05 as sheets: a table's first row whose wrapped cell starts lines above its other cells (the
  text set at the foot), at a page's top in the first column (j11) or after a gap mid-page (b05).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from kpi_lint.grid import Grid
from kpi_lint.parse import parse
from kpi_lint.read.pdf_reader import read_pdf
from tests.wild.copies import grid_as_docx, grid_as_xlsx, grid_rows
from tests.wild.rows import expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _printed(stem: str, sheet: bool, tmp: Path) -> Path:
    (text,) = WILD.glob(f"{stem}_*.txt")
    rows = grid_rows(text.read_text(encoding="utf-8"))
    assert rows is not None
    source = tmp / (f"{stem}.xlsx" if sheet else f"{stem}.docx")
    source.write_bytes(grid_as_xlsx(rows, wrapped=True) if sheet else grid_as_docx(rows, style=None))
    profile = f"-env:UserInstallation={(tmp / 'profile').as_uri()}"  # its own profile: runs side by side
    subprocess.run(
        [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return tmp / f"{stem}.pdf"


def _row_texts(pdf: Path, first: str) -> list[str]:
    """The texts of the row of `pdf`'s tables whose first filled cell reads `first` (its wrapped lines
    joined), and its place."""
    for block in read_pdf(pdf.read_bytes(), str(pdf)):
        if isinstance(block, Grid):
            for row in block.rows:
                if row.filled and row.filled[0].text.replace("\n", "") == first:
                    return [c.text for c in row.filled] + [row.filled[0].anchor or ""]
    return []


def test_the_rest_of_a_row_cut_by_a_page_break_joins_its_row() -> None:
    with tempfile.TemporaryDirectory(prefix="printed-break-") as tmp:
        pdf = _printed("e03", sheet=False, tmp=Path(tmp))
        cut = _row_texts(pdf, "开展防震减灾科普“进基层”宣传活动场数")
        after = _row_texts(pdf, "协同相关部门开展防震减灾宣传活动场数")
        doc = parse(pdf)
    basis = "本指标满分6分,开展防震减灾科普进社区活动场数达10场得6分,少一场扣1分,扣完为止。"
    assert cut[1:4] == ["10场", "11场", basis]
    assert cut[-1].startswith("页4 ")  # the row keeps the place of its first part
    assert after[1:4] == ["6场", "7场", "本指标满分6分,协同有关部门开展防震减"]
    assert after[-1].startswith("页5 ")
    rows = parsed_rows(doc)
    assert ("", "数量指标", "开展防震减灾科普“进基层”宣传活动场数", "10场") in rows
    assert ("", "数量指标", "协同相关部门开展防震减灾宣传活动场数", "6场") in rows
    assert score(rows, expected_rows(next((WILD / "expected").glob("e03_*.csv")))).f1 == 1.0


def test_a_foot_set_row_opening_a_page_takes_its_wrapped_lines_above() -> None:
    with tempfile.TemporaryDirectory(prefix="printed-break-") as tmp:
        pdf = _printed("k02", sheet=True, tmp=Path(tmp))
        row = _row_texts(pdf, "社会成本指标")
        doc = parse(pdf)
    assert row[1:5] == ["0", "0.00%", "0", "反映实施相关项目对社会发展、公共福利等方面可能造成的负面影响"]
    assert row[-1].startswith("页2 ")
    rows = parsed_rows(doc)
    assert ("", "数量指标", "12350安全生产举报奖励次数", "≥5次") in rows
    assert score(rows, expected_rows(next((WILD / "expected").glob("k02_*.csv")))).f1 == 1.0


def test_rows_of_a_sheet_running_on_a_page_keep_apart_by_the_columns_reach_before() -> None:
    # b01 as a sheet: page 2 runs on in the table's columns with a few short one-line rows whose
    # texts all stop short of where their columns' texts reach on page 1; measured on page 2 alone
    # each looked wrapped onto the next line and 时效指标/成本指标/效益指标 read as one row.
    with tempfile.TemporaryDirectory(prefix="printed-break-") as tmp:
        pdf = _printed("b01", sheet=True, tmp=Path(tmp))
        page2 = [
            [c.text for c in row.filled]
            for block in read_pdf(pdf.read_bytes(), str(pdf))
            if isinstance(block, Grid)
            for row in block.rows
            if row.filled and (row.filled[0].anchor or "").startswith("页2 ")
        ]
        doc = parse(pdf)
    assert ["时效指标", "补助发放及时率", "补助发放及时率", "100百分比"] in page2
    assert ["成本指标", "参审案件补助", "参审案件补助", "100元"] in page2
    assert ["效益指标"] in page2
    rows = parsed_rows(doc)
    assert ("", "时效指标", "补助发放及时率", "100百分比") in rows
    assert ("", "成本指标", "参审案件补助", "100元") in rows
    assert score(rows, expected_rows(next((WILD / "expected").glob("b01_*.csv")))).f1 == 1.0


def test_a_sheet_running_on_a_page_keeps_its_rows_text_set_at_their_foot() -> None:
    # s04 as a sheet: its rows set their text at the foot (told on page 1).  Page 2's own few lines do
    # not tell, and there "四、农户施肥情况" (the first line of the wrapped first cell of the row
    # "四、农户施肥情况调查(户) | ≧300户") was read as the rest of the row above it.
    with tempfile.TemporaryDirectory(prefix="printed-break-") as tmp:
        pdf = _printed("s04", sheet=True, tmp=Path(tmp))
        doc = parse(pdf)
    rows = parsed_rows(doc)
    assert ("", "数量指标", "土样植株化验", "≧60个") in rows
    assert ("", "数量指标", "农户施肥情况调查(户)", "≧300户") in rows
    assert score(rows, expected_rows(next((WILD / "expected").glob("s04_*.csv")))).f1 == 1.0


def test_a_sheet_running_on_with_a_wider_cell_keeps_its_columns() -> None:
    # a01 as a sheet: page 1 ends with the row "产出指标 | 数量指标 | 补贴非营利性民办幼儿园数量 | 20个";
    # page 2 opens with "补贴民办园租用面" ⏎ "积 | 26970.7平方米".  Its first line reaches past the
    # middle of the gap between columns 1 and 2 seen on page 1 (col 1's text reached 106 points there,
    # col 2's starts at 153): it was read as a loose line, and the row as "积 | 26970.7平方米".  Had it
    # run on, the room page 1 showed in column 1 would have joined it to the row above.
    with tempfile.TemporaryDirectory(prefix="printed-break-") as tmp:
        pdf = _printed("a01", sheet=True, tmp=Path(tmp))
        first = _row_texts(pdf, "补贴民办园租用面积")
        above = _row_texts(pdf, "产出指标")
        doc = parse(pdf)
    assert first[1:] == ["26970.7平方米", first[-1]] and first[-1].startswith("页2 ")
    assert above[1:4] == ["数量指标", "补贴非营利性民办幼儿园数量", "20个"]
    rows = parsed_rows(doc)
    assert ("", "数量指标", "补贴民办园租用面积", "26970.7平方米") in rows
    assert score(rows, expected_rows(next((WILD / "expected").glob("a01_*.csv")))).f1 == 1.0


@pytest.mark.parametrize("stem", ["j11", "b05", "n04"])
def test_a_tables_first_row_set_at_the_foot_takes_its_wrapped_lines_above(stem: str) -> None:
    # j11 opens page 1 with "安全警示标志设置" ⏎ "及时率 | = | 100 | % | 100 | 5"; b05's second table (after
    # a gap) with the 6 lines "包括必要的办公用" … above "基层组织活动经费 | 660,000.00 | 活动开展,…".  The
    # lines above a table's first line of two cells each reach their column's edge, so the cell wrapped
    # on: they are the first row's.  n04 opens with "01525910-3-/" ⏎ "索引号 | 2022-0803002 | 发布机构"; the
    # rows below are read as before (the lines taken from above do not measure how rows are told apart).
    with tempfile.TemporaryDirectory(prefix="printed-break-") as tmp:
        pdf = _printed(stem, sheet=True, tmp=Path(tmp))
        first = {"j11": "安全警示标志设置及时率", "b05": "基层组织活动经费", "n04": "索引号"}[stem]
        row = _row_texts(pdf, first)
        doc = parse(pdf)
    if stem == "j11":
        assert row[1:6] == ["=", "100", "%", "100", "5"]
    elif stem == "b05":
        assert row[2] == (
            "包括必要的办公用品费、水电费、报刊费等村社区办公经费,"
            "基层党组织开展组织活动、党员干部教育培训,"
            "群团活动开展,组织活动场所维护等。"
        )
    else:
        assert row[1:4] == ["01525910-3-/2022-0803002", "发布机构", "施甸县农业农村局"]
        assert ("", "数量指标", "扶持发展新型农业经营主体(个)", "15") in parsed_rows(doc)
    assert row[-1].startswith("页1 ")
    assert score(parsed_rows(doc), expected_rows(next((WILD / "expected").glob(f"{stem}_*.csv")))).f1 == 1.0
