"""Each form in each office format parses to the same rows as its text source.

The fixtures (tests/fixtures/office/) were built the way departments build them: python-docx and
openpyxl tables with merged 一级/二级 cells and side-by-side periods, printed to PDF by LibreOffice.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.model import Form, Layout
from kpi_lint.parse import parse
from tests.wild.rows import expected_rows, parsed_rows

OFFICE = Path(__file__).resolve().parent.parent / "fixtures" / "office"
FORMS = ("declaration", "target", "selfeval", "approval", "dept", "regional", "cost101")
FORMATS = ("txt", "docx", "xlsx", "pdf", "html")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_the_rows_of_its_text_source(form: str, fmt: str) -> None:
    want = expected_rows(OFFICE / f"{form}.expected.csv")
    doc = parse(OFFICE / f"{form}.{fmt}")
    assert parsed_rows(doc) == want
    if fmt != "txt":
        assert parsed_rows(doc) == parsed_rows(parse(OFFICE / f"{form}.txt"))


@pytest.mark.parametrize("name", ["selfeval.xlsx.pdf", "dept.xlsx.pdf"])
def test_pdfs_printed_from_excel_read_the_same_rows(name: str) -> None:
    form = name.split(".")[0]
    assert parsed_rows(parse(OFFICE / name)) == expected_rows(OFFICE / f"{form}.expected.csv")


def test_positions_name_sheet_and_cell_page_and_table_row() -> None:
    xlsx = parse(OFFICE / "target.xlsx")
    first = xlsx.indicators[0]
    assert xlsx.layout is Layout.XLSX
    sheet_cell = first.spans["level3"].anchor
    assert sheet_cell is not None and "!" in sheet_cell and sheet_cell.split("!")[1][0] == "C"
    pdf = parse(OFFICE / "target.pdf")
    assert all((i.spans["level3"].anchor or "").startswith("页1 表") for i in pdf.indicators)
    docx = parse(OFFICE / "target.docx")
    assert (docx.indicators[0].spans["value"].anchor or "").startswith("表")
    html = parse(OFFICE / "target.html")
    assert " 行" in (html.indicators[0].spans["level3"].anchor or "")


def test_merged_levels_and_periods_of_a_declaration() -> None:
    doc = parse(OFFICE / "declaration.docx")
    (project,) = doc.projects
    assert project.form is Form.DECLARATION
    assert {i.period for i in doc.indicators} == {"实施期", "年度"}
    # The merged 二级 cell applies to every row under it.
    assert [i.level2 for i in doc.indicators[:4]] == ["数量指标"] * 4


def test_the_2021_template_puts_cost_indicators_under_a_first_level_group() -> None:
    doc = parse(OFFICE / "cost101.xlsx")
    cost = [i for i in doc.indicators if i.level1 == "成本指标"]
    assert {i.level2 for i in cost} >= {"经济成本指标", "社会成本指标"}
    assert not any("★" in (i.level3 or "") or (i.level3 or "").startswith("指标1") for i in doc.indicators)


def test_content_not_the_name_says_what_a_file_is(tmp_path: Path) -> None:
    disguised = tmp_path / "table.txt"
    disguised.write_bytes((OFFICE / "target.xlsx").read_bytes())
    assert parse(disguised).layout is Layout.XLSX
    image = tmp_path / "scan.pdf"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(InputError, match="图片文件"):
        parse(image)
    archive = tmp_path / "bundle.docx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "x")
    with pytest.raises(InputError, match="ZIP"):
        parse(archive)


def test_a_damaged_office_file_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    data = (OFFICE / "target.xlsx").read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    # Cut in half, as a download or a copy breaks off: said to be incomplete, not "damaged ZIP" (issue 11z).
    with pytest.raises(InputError, match=r"文件不完整.*Office 文件.*重新获取"):
        parse(broken)


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf", "html"])
def test_funds_of_a_declaration_per_period_and_source(fmt: str) -> None:
    (project,) = parse(OFFICE / f"declaration.{fmt}").projects
    funds = {(f.period, f.source): (f.amount, f.unit) for f in project.funds}
    assert funds[("实施期", "总额")] == (360.0, "万元")
    assert funds[("年度", "总额")] == (120.0, "万元")
    assert funds[("年度", "财政拨款")] == (100.0, "万元")
    assert funds[("实施期", "其他资金")] == (60.0, "万元")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf", "html"])
def test_funds_block_total_score_and_grade_of_a_self_evaluation(fmt: str) -> None:
    first, second = parse(OFFICE / f"selfeval.{fmt}").projects
    ex = first.execution
    assert ex is not None and ex.unit == "万元"
    assert (ex.budgeted, ex.full_year, ex.executed, ex.weight, ex.score) == (160.0, 160.0, 148.05, 10.0, 9.25)
    assert ex.rate == pytest.approx(92.53)
    assert first.total_score is not None and first.total_score.text == "98.51"
    assert first.grade is not None and first.grade.text == "优"
    assert second.total_score is not None and second.total_score.text == "92.23"


@pytest.mark.parametrize("fmt", FORMATS)
def test_project_facts_of_a_declaration(fmt: str) -> None:
    (project,) = parse(OFFICE / f"declaration.{fmt}").projects
    assert project.name == "沁水县医疗保障信息化建设及运维项目"
    assert project.department is not None and project.department.text == "[160]沁水县医疗保障局"
    assert project.implementer is not None and project.implementer.text == "沁水县医疗保险服务中心"
    assert project.duration is not None and project.duration.text == "3年（2023年—2025年）"
    assert project.goals["实施期"].text.startswith("到2025年底")
    assert project.goals["年度"].text.startswith("2023年完成20台终端设备")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf", "html"])
def test_goal_and_actual_summary_of_a_self_evaluation(fmt: str) -> None:
    first = parse(OFFICE / f"selfeval.{fmt}").projects[0]
    assert first.goals["年度"].text.startswith("保证城乡居民基本医疗保险工作的正常运行")
    assert first.actual_summary is not None and first.actual_summary.text.startswith("全年预算数为160万")


def test_parse_outputs_carry_the_office_position_of_every_cell() -> None:
    from kpi_lint.frame import indicator_record, positions

    doc = parse(OFFICE / "target.xlsx")
    first = doc.indicators[0]
    record = indicator_record(first)
    assert record["anchor"] == first.spans["level3"].anchor
    assert record["spans"]["value"][2].endswith(first.spans["value"].anchor.split("!")[1])  # type: ignore[union-attr]
    assert "value=" in positions(first) and "!" in positions(first)


def test_a_table_over_two_pages_without_its_header_repeated() -> None:
    pdf = parse(OFFICE / "multipage.pdf")
    assert len(pdf.indicators) == 60 and not pdf.problems
    last = pdf.indicators[-1]
    assert (last.level3, last.value, last.level2) == ("培训人次第60期", "≥159人次", "数量指标")
    assert (last.spans["level3"].anchor or "").startswith("页2")
    assert parsed_rows(pdf) == parsed_rows(parse(OFFICE / "multipage.docx"))


def test_a_table_nested_in_a_page_layout_table() -> None:
    (project,) = parse(OFFICE / "nested.html").projects
    assert project.name == "农村道路养护"
    assert [(i.level2, i.level3, i.value) for i in project.indicators] == [
        ("数量指标", "养护里程", "≥120公里"),
        ("数量指标", "桥梁检测座数", "12座"),
        ("服务对象满意度指标", "群众满意度", "≥95%"),
    ]
    assert project.indicators[1].spans["level3"].anchor == "表2 行4 格3"


def test_a_page_saved_as_xhtml_by_libreoffice() -> None:
    """LibreOffice's XHTML export: an XML declaration before <html>, <p>s and <span>s inside the cells."""
    doc = parse(OFFICE / "declaration.xhtml.html")
    assert doc.layout is Layout.HTML
    assert parsed_rows(doc) == expected_rows(OFFICE / "declaration.expected.csv")
    (project,) = doc.projects
    assert project.name == "沁水县医疗保障信息化建设及运维项目"


def test_a_page_whose_title_and_facts_stand_in_divs_and_br_lines(tmp_path: Path) -> None:
    """A CMS page: the title in a <div>, the facts as <br>-separated lines, scripts and styles around."""
    page = tmp_path / "cms.html"
    page.write_text(
        "<html><head><style>.t{}</style><script>var a='项目名称：假';</script></head><body>"
        "<div class='nav'>首页 &gt; 预算公开</div>"
        "<div class='title'>2024年高标准农田建设补助绩效目标表</div>"
        "<div class='info'>主管部门：某县农业农村局<br/>实施单位：某县农田建设中心</div>"
        "<table border='1'><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>"
        "<tr><td rowspan='2'>产出指标</td><td>数量指标</td><td>建设高标准农田面积</td><td>≥1.2万亩</td></tr>"
        "<tr><td>时效指标</td><td>完工时间</td><td>2024年12月底前</td></tr>"
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>受益农户满意度</td><td>≥90%</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    doc = parse(page)
    (project,) = doc.projects
    assert project.name == "高标准农田建设补助"
    assert project.department is not None and project.department.text == "某县农业农村局"
    assert project.implementer is not None and project.implementer.text == "某县农田建设中心"
    assert [(i.level2, i.level3, i.value) for i in project.indicators] == [
        ("数量指标", "建设高标准农田面积", "≥1.2万亩"),
        ("时效指标", "完工时间", "2024年12月底前"),
        ("服务对象满意度指标", "受益农户满意度", "≥90%"),
    ]


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "docx"])
def test_funds_carry_the_office_position_of_their_cell(fmt: str) -> None:
    (project,) = parse(OFFICE / f"declaration.{fmt}").projects
    total = project.fund("总额", "实施期")
    assert total is not None and total.anchor is not None
    assert total.anchor == ("申报表!E6" if fmt == "xlsx" else total.anchor)
    assert fmt == "xlsx" or total.anchor.startswith(("页1 表1", "表1"))


def test_a_finding_on_a_project_figure_points_at_its_sheet_and_cell(tmp_path: Path) -> None:
    """KPI503 reports the 总分 cell: in a workbook that is Sheet!Cell, in every output."""
    import openpyxl

    from kpi_lint.rules.base import RuleContext
    from kpi_lint.rules.engine import run_rules
    from kpi_lint.rules.registry import rule_by_code

    first = parse(OFFICE / "selfeval.xlsx").projects[0]
    assert first.total_score is not None and first.total_score.anchor is not None
    sheet, cell = first.total_score.anchor.split("!")
    book = openpyxl.load_workbook(OFFICE / "selfeval.xlsx")
    book[sheet][cell] = 99.99  # a total that is not the sum of its parts
    changed = tmp_path / "selfeval.xlsx"
    book.save(changed)
    doc = parse(changed)
    rule = rule_by_code("KPI503")
    assert rule is not None
    (finding,) = [f for f in run_rules([doc], [rule], RuleContext(documents=[doc])) if f.project == first.name]
    assert finding.anchor == f"{sheet}!{cell}"
    assert finding.location == f"{changed}!{sheet}!{cell}"
