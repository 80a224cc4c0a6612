"""A wild table in Word with its header row set to repeat on every page (重复标题行, `w:tblHeader`),
printed to PDF by LibreOffice, reads to its hand-checked rows: the header printed again at the top of
each page the table runs on to is not read as a row, and a row that a page break cut joins its rest
printed under that header.

m08 (one table of 11 columns, "绩效指标(90分) | 一级指标 | … | 未完成原因分析" first and once more in
the middle, where the form's indicator part starts) runs over 4 pages ruled, 5 without rulings.
Without rulings, the foot of page 4 prints the first lines of that second header row ("绩效指标(90" …
"未完成原因分"), the top of page 5 the repeated header, then the row's rest ("分)", "析").
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
from tests.wild.copies import grid_as_docx, grid_rows
from tests.wild.rows import expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

HEADER = ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值",
          "权重", "得分", "未完成原因分析"]


def _printed(stem: str, ruled: bool, tmp: Path) -> Path:
    (text,) = WILD.glob(f"{stem}_*.txt")
    rows = grid_rows(text.read_text(encoding="utf-8"))
    assert rows is not None
    source = tmp / f"{stem}.docx"
    source.write_bytes(grid_as_docx(rows, style="Table Grid" if ruled else None, repeat_header=True))
    profile = f"-env:UserInstallation={(tmp / 'profile').as_uri()}"  # its own profile: runs side by side
    subprocess.run([str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(source)],
                   check=True, capture_output=True, timeout=300)
    return tmp / f"{stem}.pdf"


def _rows(pdf: Path) -> list[tuple[list[str], str]]:
    """The texts of the rows of `pdf`'s tables (line breaks taken out) and each row's place."""
    return [([c.text.replace("\n", "") for c in row.filled], row.filled[0].anchor or "")
            for block in read_pdf(pdf.read_bytes(), str(pdf)) if isinstance(block, Grid)
            for row in block.rows if row.filled]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "plain"])
def test_a_header_repeated_on_each_page_is_read_once(ruled: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed("m08", ruled, Path(tmp))
        pages = int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout.split("Pages:")[1]
                    .split()[0]) if shutil.which("pdfinfo") else None
        rows = _rows(pdf)
        doc = parse(pdf)
    if pages is not None:
        assert pages == (4 if ruled else 5)  # the header printed again on 3 or 4 pages
    headers = [place for texts, place in rows if texts == HEADER]
    assert len(headers) == 2  # as in the source: the table's first row and the indicator part's
    assert headers[0].startswith("页1 表1 行1 ")
    assert headers[1].startswith("页4 ")  # cut by the page break without rulings: its rest joined
    budget = next(texts for texts, _ in rows if texts[0] == "总额")
    assert budget[7].startswith("1.预算执行率=预算执行")
    if not ruled:  # its rest under the header on the next page joins it
        assert budget[7].endswith("3.其他资金包括:社会投入资金、银行贷款.")
    read = parsed_rows(doc)
    assert ("", "质量指标", "完成安可产品购买并按要求支付资金", "=100") in read
    assert score(read, expected_rows(next((WILD / "expected").glob("m08_*.csv")))).f1 == 1.0


def test_a_header_repeated_over_a_ragged_table_read_as_several_is_read_once() -> None:
    # n02 without rulings (one Word table, its first row "项目名称 | 黄石市…经费" set to repeat, 5
    # pages): page 2 holds the first table's last rows and, after a wide gap, the indicator rows read
    # as a table of its own with more columns.  The header printed again on pages 3 to 5 is still the
    # first table's, and stands there in other columns than on page 1.
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed("n02", False, Path(tmp))
        rows = _rows(pdf)
        doc = parse(pdf)
    names = [place for texts, place in rows if texts[0] == "项目名称"]
    assert len(names) == 1 and names[0].startswith("页1 ")
    (output,) = [texts for texts, _ in rows if texts[0] == "产出指标"]  # its rest under page 3's header joined
    assert output[2] == "完成省级宣传片制作;完成实施方案的编制;完成自评估报告"
    got = parsed_rows(doc)
    assert ("", "质量指标", "通过专家评审", "通过") in got
    assert ("", "服务对象满意度指标", "群众满意度", "满意") in got
    assert score(got, expected_rows(next((WILD / "expected").glob("n02_*.csv")))).f1 == 1.0
