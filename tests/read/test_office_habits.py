"""Office files made the way departments make them (tests/fixtures/office_habits/, see its README).

Every file is read as the sheet / page shows it: percentages stored as numbers, dates stored as
dates, stacked projects, hidden sheets, rows and columns, print titles repeated on a page, nested
tables, header rows repeated over a page break, a sheet printed without rulings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi_lint.errors import InputError
from kpi_lint.model import Layout
from kpi_lint.parse import parse
from tests.wild.rows import expected_rows, parsed_rows

HABITS = Path(__file__).resolve().parent.parent / "fixtures" / "office_habits"
FILES = (
    "dept_formats.xlsx",
    "dept_formats.xls",
    "stacked.xlsx",
    "stacked.xls",
    "stacked.xlsx.pdf",
    "noborder.xlsx",
    "noborder.xlsx.pdf",
    "two_projects.docx",
    "two_projects.pdf",
    "nested.docx",
    "nested.permissions.pdf",
)


@pytest.mark.parametrize("name", FILES)
def test_every_habit_file_reads_its_expected_rows_in_order(name: str) -> None:
    doc = parse(HABITS / name)
    assert parsed_rows(doc) == expected_rows(HABITS / f"{name.split('.')[0]}.expected.csv")
    assert not doc.problems


def _row(name: str, level3: str) -> tuple[str, str, dict[str, str | None]]:
    doc = parse(HABITS / name)
    (ind,) = [i for i in doc.indicators if i.level3 == level3]
    return ind.level2 or "", ind.value or "", {k: v.anchor for k, v in ind.spans.items()}


@pytest.mark.parametrize("name", ["dept_formats.xlsx", "dept_formats.xls"])
def test_numbers_read_through_their_number_format_with_sheet_and_cell(name: str) -> None:
    # 0.95 in "0%" beside "≥" in the 计算符号 column; 4900 in "#,##0"; 1 in "0.00%"; 0.5 in "0.0".
    assert _row(name, "工资发放准确性(%)")[:2] == ("质量指标", "≥95%")
    _, value, where = _row(name, "湿地保有量(公顷)")
    assert (value, where["value"], where["level3"]) == ("=4,900公顷", "整体绩效目标!F10", "整体绩效目标!D10")
    assert _row(name, "林业产业(万亩)")[1] == "=0.5万亩"
    assert _row(name, "资金支付及时率")[1:] == ("=100.00%", _row(name, "资金支付及时率")[2])
    assert _row(name, "资金支付及时率")[2]["value"] == "项目绩效目标!F7"


@pytest.mark.parametrize("name", ["dept_formats.xlsx", "dept_formats.xls"])
def test_hidden_sheets_rows_and_columns_are_left_out_and_named(name: str) -> None:
    doc = parse(HABITS / name)
    # The hidden drop-down sheet's "≥ ≤ =" lists are no rows; the hidden row's stale 120 人 is not read.
    assert not any(i.level3 in ("≥", "≤", "=", ">", "<") for i in doc.indicators)
    assert [i.value for i in doc.indicators if i.level3 == "保障在职职工人数(人)"] == ["=116人"]
    notes = {(n.anchor, n.message) for n in doc.notes}
    hidden_sheet = "隐藏的工作表“下拉选项”未读取（打印和公开时看不到；如其中有要检查的指标，请取消隐藏后再检查）"
    assert ("下拉选项", hidden_sheet) in notes
    assert ("整体绩效目标!A18", "工作表“整体绩效目标”的隐藏行未读取：第18行（打印和公开时看不到）") in notes
    assert ("整体绩效目标!B1", "工作表“整体绩效目标”的隐藏列未读取：B列（打印和公开时看不到）") in notes
    assert all(n.severity == "warning" for n in doc.notes)


@pytest.mark.parametrize("name", ["stacked.xlsx", "stacked.xls"])
def test_projects_stacked_down_one_sheet_with_dates_and_percent_cells(name: str) -> None:
    doc = parse(HABITS / name)
    names = ["2025金安国际网球公开赛(国际系列赛事)", "库房消防设备改造安装工程", "学生伙食费"]
    assert [p.name for p in doc.projects] == names
    assert [len(p.indicators) for p in doc.projects] == [11, 8, 10]
    sheet = "2023年项目绩效目标"
    # dates stored as dates, shown through 'yyyy"年"m"月"d"日"' and "yyyy-mm-dd"
    assert _row(name, "项目完工时间") == (
        "时效指标",
        "2021年12月31日",
        {"level3": f"{sheet}!C35", "value": f"{sheet}!D35", "level1": f"{sheet}!A28", "level2": f"{sheet}!B35"},
    )
    assert _row(name, "任务完成时间")[1] == "2023-12-31"
    assert _row(name, "经费支出合规率")[1:] == (
        "100%",
        {"level3": f"{sheet}!C10", "value": f"{sheet}!D10", "level1": f"{sheet}!A8", "level2": f"{sheet}!B10"},
    )
    # 一级 typed with Alt+Enter ("产出\n指标") and merged over its whole group
    assert {i.level1 for i in doc.projects[0].indicators} == {"产出指标", "效益指标", "满意度指标"}
    # the funds total is a formula cell: its cached value is read
    first = doc.projects[0].fund("总额", "年度")
    assert first is not None and (first.amount, first.unit) == (1000.0, "万元")


def test_a_print_title_repeated_on_the_next_page_does_not_cut_the_table_off() -> None:
    doc = parse(HABITS / "stacked.xlsx.pdf")
    last = doc.projects[-1]
    assert last.name == "学生伙食费" and len(last.indicators) == 10
    cell = "页2 表1 行1 格"
    assert _row("stacked.xlsx.pdf", "学生补助标准") == (
        "经济成本指标",
        "17元/人.每天",
        {"level3": cell + "3", "value": cell + "4", "level1": cell + "1", "level2": cell + "2"},
    )
    assert not doc.notes


def test_a_sheet_printed_without_rulings_is_read_through_the_text_path() -> None:
    doc = parse(HABITS / "noborder.xlsx.pdf")
    assert doc.layout is Layout.PDF
    (project,) = doc.projects
    assert project.name == "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)"
    last = project.indicators[-1]
    assert (last.level2, last.value) == ("服务对象满意度指标", ">=90%")
    assert (last.level3 or "").startswith("游客满意度(≥")
    assert (last.spans["level3"].anchor or "").startswith("页1")


@pytest.mark.parametrize("name", ["two_projects.docx", "two_projects.pdf"])
def test_two_projects_with_headings_facts_in_paragraphs_and_a_repeated_header(name: str) -> None:
    doc = parse(HABITS / name)
    assert [p.name for p in doc.projects] == ["麻风病防治", "主体班"]
    assert [len(p.indicators) for p in doc.projects] == [12, 13]
    level2, value, where = _row(name, "群众幸福感")
    assert (level2, value) == ("服务对象满意度指标", "明显提升")
    if name.endswith(".pdf"):  # the table runs onto page 2 under its repeated header row
        assert where["level3"] == "页2 表1 行6 格3"
    else:
        assert where["level3"] == "表1 行13 格3"
    # a 三级 typed as several paragraphs in one cell reads as one name
    cost = [i for i in doc.projects[0].indicators if i.level2 == "成本指标"]
    assert [(i.level3 or "").replace("\n", "") for i in cost] == ["严控成本,严格按照项目资金落实各项工作,不扩大,不增债"]


def test_a_table_nested_in_a_cell_of_the_form() -> None:
    doc = parse(HABITS / "nested.docx")
    (project,) = doc.projects
    assert project.name == "3岁以下婴幼儿照护服务项目"
    assert _row("nested.docx", "每千人托位") == (
        "数量指标",
        "4.5",
        {"level3": "表2 行2 格3", "value": "表2 行2 格4", "level1": "表2 行2 格1", "level2": "表2 行2 格2"},
    )


def test_department_forms_are_named_for_their_unit() -> None:
    """The first sheet is a 部门整体 form: its unit; the second a 项目支出 form titled
    "项目支出绩效目标表（应急运维项目）": the project in brackets, not its unit (广西某单位)."""
    doc = parse(HABITS / "dept_formats.xlsx")
    assert [p.name for p in doc.projects] == ["浮梁县林业局", "应急运维项目"]
    assert doc.projects[1].department is not None or doc.projects[1].implementer is not None
    assert [len(p.indicators) for p in doc.projects] == [13, 6]


def test_a_pdf_that_only_forbids_copying_is_read() -> None:
    doc = parse(HABITS / "nested.permissions.pdf")
    assert [(i.level3, i.value) for i in doc.indicators][:2] == [("每千人托位", "4.5"), ("应补尽补率", "100%")]
    assert (doc.indicators[0].spans["value"].anchor or "").startswith("页1 表")


def test_a_pdf_that_needs_a_password_to_open_is_named() -> None:
    message = r"nested\.open_password\.pdf: PDF 设有打开密码（已加密），请提供不加密的文件后再检查"
    with pytest.raises(InputError, match=message):
        parse(HABITS / "nested.open_password.pdf")


def test_a_workbook_that_needs_a_password_to_open_is_named() -> None:
    with pytest.raises(InputError, match=r"加密的 Office 文件（设有打开密码），请去掉密码另存后再检查"):
        parse(HABITS / "noborder.password.xlsx")


def test_an_old_word_document_is_named_with_what_to_do() -> None:
    expected = r"Word 97-2003 文档或 WPS 文字旧格式文档（\.doc/\.wps），请用 Word 或 WPS 另存为 \.docx"
    with pytest.raises(InputError, match=expected):
        parse(HABITS / "two_projects.doc")


def test_an_old_word_document_among_others_exits_2_and_the_others_are_read() -> None:
    from kpi_lint.cli import app

    result = CliRunner().invoke(app, ["parse", str(HABITS / "two_projects.doc"), str(HABITS / "nested.docx")])
    assert result.exit_code == 2
    assert "two_projects.doc" in result.output and "另存为 .docx" in result.output
    assert "nested.docx" in result.output and "解析项目数 1" in result.output


def test_a_date_in_a_chinese_built_in_format_reads_as_a_date(tmp_path: Path) -> None:
    """Chinese Excel and WPS save their 年月日 date formats by id only (31, 57, 58), without a code;
    openpyxl knows no such id and hands over the serial number (45657) in General."""
    import datetime as dt

    import xlsxwriter

    path = tmp_path / "dates.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("时效")
    for row, format_id in enumerate((31, 57, 58, 14)):
        sheet.write_datetime(row, 0, dt.datetime(2024, 12, 31), book.add_format({"num_format": format_id}))
    book.close()
    from kpi_lint.grid import Grid
    from kpi_lint.read.blocks import read_blocks

    (grid,) = read_blocks(path).blocks
    assert isinstance(grid, Grid)
    assert [(r.cells[0].text, r.cells[0].anchor) for r in grid.rows] == [
        ("2024年12月31日", "时效!A1"),
        ("2024年12月", "时效!A2"),
        ("12月31日", "时效!A3"),
        ("2024/12/31", "时效!A4"),
    ]
