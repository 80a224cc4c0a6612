"""A wild table in Word with its header row set to repeat on every page (重复标题行, `w:tblHeader`),
printed to PDF by LibreOffice, reads to its hand-checked rows: the header printed again at the top of
each page the table runs on to is not read as a row, and a row that a page break cut joins its rest
printed under that header.

a01 and j12 (ruled) open their table with a row of one cell, the form's title, which is the row set
to repeat: it is the header printed again too.  In b08 and j12 (ruled) a page break cuts rows: the
foot of a page prints the first lines of their cells, the next page (under the title) the rest; the
rest joins its row when the cells it continues had no room left at the foot.  n01 (ruled) ends page 2
with a row of which only its tallest cell reached the foot: the next page's first row is a row.
p10 without rulings: the title, wrapped in the narrow first column, stands above the rebuilt table on
page 1 and opens each later page where the table runs on; it is not the rest of a cut row.

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

HEADER = [
    "绩效指标(90分)",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "完成值",
    "权重",
    "得分",
    "未完成原因分析",
]


def _printed(stem: str, ruled: bool, tmp: Path) -> Path:
    (text,) = WILD.glob(f"{stem}_*.txt")
    rows = grid_rows(text.read_text(encoding="utf-8"))
    assert rows is not None
    source = tmp / f"{stem}.docx"
    source.write_bytes(grid_as_docx(rows, style="Table Grid" if ruled else None, repeat_header=True))
    profile = f"-env:UserInstallation={(tmp / 'profile').as_uri()}"  # its own profile: runs side by side
    subprocess.run(
        [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return tmp / f"{stem}.pdf"


def _rows(pdf: Path) -> list[tuple[list[str], str]]:
    """The texts of the rows of `pdf`'s tables (line breaks taken out) and each row's place."""
    return [
        ([c.text.replace("\n", "") for c in row.filled], row.filled[0].anchor or "")
        for block in read_pdf(pdf.read_bytes(), str(pdf))
        if isinstance(block, Grid)
        for row in block.rows
        if row.filled
    ]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "plain"])
def test_a_header_repeated_on_each_page_is_read_once(ruled: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed("m08", ruled, Path(tmp))
        pages = (
            int(
                subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
                .stdout.split("Pages:")[1]
                .split()[0]
            )
            if shutil.which("pdfinfo")
            else None
        )
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


def test_a_title_row_repeated_on_each_page_is_read_once() -> None:
    # a01 ruled (2 pages): the title "抗疫特别国债项目绩效目标表(打捆项目)", the table's first row and one
    # cell, is printed again over page 2's rows "时效指标 | 补贴发放及时率 | ≥95%" …; read as a row, it
    # opened a form of its own there, without a header, and those rows were lost.
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed("a01", True, Path(tmp))
        rows = _rows(pdf)
        doc = parse(pdf)
    titles = [place for texts, place in rows if texts == ["抗疫特别国债项目绩效目标表(打捆项目)"]]
    assert titles == ["页1 表1 行1 格1"]
    assert (["时效指标", "补贴发放及时率", "≥95%"], "页2 表1 行2 格1") in rows
    got = parsed_rows(doc)
    assert ("", "时效指标", "补贴期限", "2020.1.1-2020.12.31") in got
    assert ("", "服务对象满意度指标", "受益租户满意度", "≥95%") in got
    assert score(got, expected_rows(next((WILD / "expected").glob("a01_*.csv")))).f1 == 1.0


def test_a_ruled_row_cut_by_a_page_break_joins_its_rest_under_the_title() -> None:
    # j12 ruled (one table of 14 columns, 10 pages, its title "部门整体支出绩效自评表" printed on each):
    # "指标3:完" ends page 6, "成农村户用卫生厕所改造数量" opens page 7 under the title; the 年度总体
    # 目标's 实际完成情况 runs from page 2 to page 5, pages 3 and 4 holding nothing else.
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed("j12", True, Path(tmp))
        rows = _rows(pdf)
        doc = parse(pdf)
    assert [place for texts, place in rows if texts == ["部门整体支出绩效自评表"]] == ["页1 表1 行1 格1"]
    assert (["指标3:完成农村户用卫生厕所改造数量", "≥2000", "3061", "10", "10"], "页6 表1 行5 格1") in rows
    (goal,) = [texts for texts, _ in rows if texts[0].startswith("1.建设徽风皖韵美丽乡村")]
    assert goal[1].startswith("1.启动燕子河镇龙马村") and goal[1].endswith("确保2024年通过各级验收。")
    got = parsed_rows(doc)
    assert ("", "数量指标", "完成农村户用卫生厕所改造数量", "≥2000") in got
    assert ("", "时效指标", "完成户用卫生厕所改造验收时间", "11月前") in got
    assert score(got, expected_rows(next((WILD / "expected").glob("j12_*.csv")))).f1 == 1.0


@pytest.mark.parametrize("stem", ["b08", "n01"])
def test_a_ruled_row_at_a_page_foot_joins_the_next_page_only_when_cut(stem: str) -> None:
    # b08 ruled: "产出指标 | 质量指标 | 符合条件 | 享受补贴 | >=98 | …" ends page 2, its 三级指标's and 指标
    # 解释's rest "申报对象覆盖率 | 政策人数占符合条件申报对象总数的比例" opens page 3 under the repeated
    # header.  n01 ruled: "时效指标 | 可保证读者使用时长 | 全天候可用 | 全天候 | 10" ends page 2, only its
    # 三级指标 reaching the row's foot; "2022年全年 | ≥360天 | ≥360天" opening page 3 is a row.
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed(stem, True, Path(tmp))
        rows = _rows(pdf)
        doc = parse(pdf)
    texts = [t for t, _ in rows]
    if stem == "b08":
        (cut,) = [t for t, place in rows if t[:2] == ["产出指标", "质量指标"] and place.startswith("页2 ")]
        assert cut[2:5] == ["符合条件申报对象覆盖率", "享受补贴政策人数占符合条件申报对象总数的比例", ">=98"]
        assert not any(t[0] == "申报对象覆盖率" for t in texts)
        assert ("", "质量指标", "符合条件申报对象覆盖率", ">=98%(百分比)") in parsed_rows(doc)
    else:
        assert ["时效指标", "可保证读者使用时长", "全天候可用", "全天候", "10"] in texts
        assert (["2022年全年", "≥360天", "≥360天"], "页3 表1 行2 格1") in rows
    read = score(parsed_rows(doc), expected_rows(next((WILD / "expected").glob(f"{stem}_*.csv"))))
    assert read.true_positive == read.expected  # n01: one row more, "读者" of the 满意度 row taken for a 三级指标
    assert read.predicted == read.expected + (stem == "n01")


def test_a_title_row_repeated_over_a_table_without_rulings_is_not_a_cut_rest() -> None:
    # p10 without rulings (4 pages): "医疗救助补助资金转移支付项目绩效目标自评表" prints again at the top
    # of pages 2-4 in the table's first column, where a cut row's rest would stand.  It was joined to
    # page 1's last row ("资金管理情况医疗救助…自评表") and the real rest ("进措施") read as a row; on
    # page 3 it split the indicator header, and no table of indicators was found.
    with tempfile.TemporaryDirectory(prefix="printed-header-") as tmp:
        pdf = _printed("p10", False, Path(tmp))
        rows = _rows(pdf)
        doc = parse(pdf)
    title = "医疗救助补助资金转移支付项目绩效目标自评表"
    assert not any(title in text for texts, _ in rows for text in texts)  # read as loose lines on page 1
    assert any(
        texts == ["资金管理情况", "情况说明", "存在问题和改进措施"] and place.startswith("页1 ")
        for texts, place in rows
    )
    assert any(texts[:2] == ["分配科学性", "资金分配科学"] and place.startswith("页2 ") for texts, place in rows)
    got = parsed_rows(doc)
    assert ("", "数量指标", "享受医疗救助人次", "≥50000人次") in got
    assert score(got, expected_rows(next((WILD / "expected").glob("p10_*.csv")))).f1 == 1.0
