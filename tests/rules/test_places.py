"""Messages that cite another place name it as the file shows it (kpi_lint.model.place_of / places_of).

A text file's places are its lines ("第12行"); an office file's are its anchors' rows ("表1 行10", "页1 表1 行6",
"目标表!C8") — never the running line a table's rows are numbered by inside the reader, which no reviewer sees.
Each rule's citation is checked on the real office fixtures (tests/fixtures/office*, wild_tables) in every format:
the positions come from the files; where a fixture has no such defect, one cell of the parsed document is changed
to make it, as a reviewer's copy of the form would have it.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from kpi_lint.model import Document, Located, place_of, places_of
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.context import PEERS, VAGUENESS
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OFFICE = FIXTURES / "office"
HABITS = FIXTURES / "office_habits"
WILD_TABLES = FIXTURES / "wild_tables"
WILD = FIXTURES.parent.parent / "corpus" / "wild"


def _findings(doc: Document, code: str) -> list[Finding]:
    """What rule `code` alone finds in `doc` (no peer index, no vagueness model)."""
    rule = rule_by_code(code)
    assert rule is not None
    found = run_rules([doc], [rule], RuleContext(documents=[doc], extras={PEERS: None, VAGUENESS: None}))
    return [f for f in found if f.code == code]


def _messages(doc: Document, code: str) -> list[str]:
    return [f.message for f in _findings(doc, code)]


# ---- the one wording -----------------------------------------------------------------------------------------


def test_a_place_is_a_line_in_text_and_the_anchors_row_in_an_office_file() -> None:
    assert place_of(12) == "第12行"
    assert place_of(40, "表1 行10 格6") == "表1 行10"
    assert place_of(7, "页1 表1 行6 格3 (237,160)") == "页1 表1 行6"  # a borderless PDF cell's corner is dropped
    assert place_of(3, "页4") == "页4"
    assert place_of(5, "段落5") == "段落5"
    assert place_of(12, "目标表!F12") == "目标表!F12"
    assert Located("≥95%", 12, 5).place == "第12行"
    assert Located("≥95%", 40, 6, "表2 行5 格3").place == "表2 行5"


@pytest.mark.parametrize(
    ("name", "row"), [("target.txt", "第8行"), ("target.docx", "表1 行5"), ("target.xlsx", "目标表!E7")]
)
def test_a_row_without_its_name_cell_is_placed_by_another_of_its_cells(name: str, row: str) -> None:
    ind = parse(OFFICE / name).projects[0].indicators[0]
    del ind.spans["level3"]  # a row printed with its 三级指标 cell empty
    assert ind.place() == row


def test_a_list_of_places_names_each_table_or_sheet_once() -> None:
    assert places_of([(8, None), (11, None), (15, None)]) == "第8、11、15行"
    assert places_of([(8, "表1 行8 格3"), (11, "表1 行11 格3"), (3, "表2 行3 格3")]) == "表1 行8、11；表2 行3"
    assert (
        places_of([(1, "页1 表1 行6 格3"), (2, "页1 表1 行9 格3"), (3, "页2 表1 行2 格3")])
        == "页1 表1 行6、9；页2 表1 行2"
    )
    assert places_of([(8, "Sheet1!C8"), (11, "Sheet1!C11"), (2, "Sheet2!C2")]) == "Sheet1!C8、C11；Sheet2!C2"
    # more than `shown`: "等" where the text files have always put it
    assert places_of([(n, None) for n in range(1, 15)], shown=3) == "第1、2、3等行"
    assert places_of([(n, f"表1 行{n} 格2") for n in range(1, 15)], shown=3) == "表1 行1、2、3等"
    # a place is named once, however many hits it holds ("共 3 处，在第7、9行"), and "等" counts places, not hits
    assert places_of([(7, None), (7, None), (9, None)]) == "第7、9行"
    assert places_of([(8, "表1 行8 格3"), (8, "表1 行8 格4"), (9, "表1 行9 格3")]) == "表1 行8、9"
    assert places_of([(1, None)] * 5 + [(2, None), (3, None)], shown=3) == "第1、2、3行"


TARGET_ROWS = {
    "target.txt": "第8、9、10、11、12、13、14、15、17、18行",
    "target.docx": "表1 行5、6、7、8、9、10、11、12、14、15",
    "target.html": "表1 行5、6、7、8、9、10、11、12、14、15",
    "target.pdf": "页1 表1 行5、6、7、8、9、10、11、12、14、15",
}


@pytest.mark.parametrize(
    ("name", "second_row"),
    [
        ("target.txt", "第9行"),
        ("target.docx", "表1 行6"),
        ("target.html", "表1 行6"),
        ("target.pdf", "页1 表1 行6"),
        ("target.xlsx", "目标表!C8"),
    ],
)
def test_kpi301_cites_the_first_of_two_same_names_where_the_file_prints_it(name: str, second_row: str) -> None:
    doc = parse(OFFICE / name)
    rows = doc.projects[0].indicators
    rows[3].level3 = rows[1].level3  # 违规问题整改到位率 renamed as the row two above it
    (message,) = _messages(doc, "KPI301")
    assert (
        f"三级指标“智能监控疑点数据核查条数”在本项目中重复出现（{second_row}已有，指标值“≥2000条”，此处为“≥95%”）"
        in message
    )


@pytest.mark.parametrize(
    ("name", "rows"), [*TARGET_ROWS.items(), ("target.xlsx", "目标表!F7、F8、F9、F10、F11、F12、F13、F14、F16、F17")]
)
def test_kpi107_lists_the_rows_of_one_basis_as_the_file_shows_them(name: str, rows: str) -> None:
    doc = parse(OFFICE / name)
    for ind in doc.projects[0].indicators:
        ind.basis = "合同"
    (message,) = _messages(doc, "KPI107")
    assert message.startswith(f"项目全部 10 行指标的指标值确定依据都写“合同”（在{rows}），这不是公认的标准")


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        # the text files keep their wording: each line whole
        ("target.txt", "第8行、第9行、第10行、第11行、第12行、第13行、第14行、第15行、第17行、第18行"),
        ("target.docx", TARGET_ROWS["target.docx"]),
        ("target.html", TARGET_ROWS["target.html"]),
        ("target.pdf", TARGET_ROWS["target.pdf"]),
        ("target.xlsx", "目标表!D7、D8、D9、D10、D11、D12、D13、D14、D16、D17"),  # the description cells
    ],
)
def test_kpi302_lists_the_descriptions_that_repeat_the_name_by_row(name: str, rows: str) -> None:
    doc = parse(OFFICE / name)
    for ind in doc.projects[0].indicators:
        ind.description = ind.level3
    (message,) = _messages(doc, "KPI302")
    assert f"有 10 个（1 个项目）的描述只是重复了三级指标名称（在{rows}）：这是整份文件的填写方式" in message


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("target.txt", "第8、9、10、11、12、13、14行"),
        ("target.docx", "表1 行5、6、7、8、9、10、11"),
        ("target.pdf", "页1 表1 行5、6、7、8、9、10、11"),
        ("target.xlsx", "目标表!C7、C8、C9、C10、C11、C12、C13"),
    ],
)
def test_kpi203_lists_the_category_names_by_row(name: str, rows: str) -> None:
    doc = parse(OFFICE / name)
    labels = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]
    for ind, label in zip(doc.projects[0].indicators, labels, strict=False):
        ind.level3 = label
        ind.description = None  # the fixtures' descriptions say what each row measures: KPI203 would say so (info)
    (message,) = _messages(doc, "KPI203")
    assert f"服务对象满意度指标；在{rows}）：指标名称一栏填的是类别" in message


def test_kpi203_cites_a_description_that_says_what_the_category_rows_measure() -> None:
    doc = parse(OFFICE / "target.docx")
    labels = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]
    for ind, label in zip(doc.projects[0].indicators, labels, strict=False):
        ind.level3 = label
    (message,) = _messages(doc, "KPI203")
    cited = "衡量什么写在指标描述一栏（如“对辖区定点医药机构开展现场检查的家数”）"
    assert f"在表1 行5、6、7、8、9、10、11），{cited}" in message
    assert message.endswith("这里只作提示。")


@pytest.mark.parametrize(
    ("name", "left", "right"),
    [
        ("declaration.txt", "第15行", "第15行"),
        ("declaration.docx", "表1 行12", "表1 行12"),
        ("declaration.html", "表1 行12", "表1 行12"),
        ("declaration.pdf", "页1 表1 行12", "页1 表1 行12"),
        ("declaration.xlsx", "申报表!D14", "申报表!H14"),
    ],
)
def test_kpi401_cites_the_implementation_period_row(name: str, left: str, right: str) -> None:
    doc = parse(OFFICE / name)
    project = doc.projects[0]
    assert project.duration is not None
    where = project.duration
    project.duration = Located("1年", where.line, where.column, where.anchor)  # the 3-year project made a 1-year one
    found = [f for f in _findings(doc, "KPI401") if f.level3 == "医保信息系统终端设备购置数量"]
    (finding,) = found
    assert f"与实施期“≥60台”（{left}“医保信息系统终端设备购置数量”）不一致" in finding.message
    assert finding.explain == f"实施期 {left} '≥60台'；年度 {right} '≥20台'"


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("selfeval.txt", "第4行"),
        ("selfeval.docx", "表1 行1"),
        ("selfeval.html", "表1 行1"),
        ("selfeval.pdf", "页1 表1 行1"),
        ("selfeval.xlsx", "城乡居民医疗保险工作经费!C3"),
    ],
)
def test_kpi303_cites_the_project_copied_where_its_name_is_printed(name: str, first: str) -> None:
    doc = parse(OFFICE / name)
    earlier, later = doc.projects
    later.indicators = earlier.indicators[:]  # the second project's rows copied from the first
    messages = _messages(doc, "KPI303")
    assert f"本项目的绩效指标与{first}项目“城乡居民医疗保险工作经费”的指标几乎相同" in "".join(messages)


# ---- on the files as they are --------------------------------------------------------------------------------


def test_kpi205_on_a_sheet_lists_the_cells_excel_names() -> None:
    (message,) = _messages(parse(HABITS / "noborder.xlsx"), "KPI205")
    # C18 "受益建档立卡贫困人口数≥**人": a hint without brackets counts too (issue 11-s52-fixes)
    assert "共 10 处，在Sheet1!C8、C11、C15、C16、C17、C18、C19、C20、C21、C22。" in message


def test_kpi205_names_a_line_of_several_placeholders_once_after_the_count() -> None:
    # g08 (宁夏, a township's target table) leaves "(≥株)"-style hints in several cells of its lines 7 and 9
    (message,) = _messages(parse(WILD / "g08_ningxia_township_target.txt"), "KPI205")
    assert "，共 8 处，在第7、9、11行。指标值已写明" in message  # was "共 8 处（第7、7、7、7、9、9、9、11行）"


def test_kpi205_on_a_pdf_lists_the_rows_its_own_anchor_counts() -> None:
    (finding,) = _findings(parse(HABITS / "noborder.xlsx.pdf"), "KPI205")
    assert finding.anchor == "页1 表1 行6 格3 (237,160)"
    # not the reader's running lines (第7、10、14…行), which the printed page does not show
    assert "共 10 处，在页1 表1 行6、9、13、14、15、16、17、18、19、20。" in finding.message


@pytest.mark.parametrize(
    ("path", "says"),
    [
        (OFFICE / "multipage.docx", "表格在表1 行61后随文本结束，最后读到的是“数量指标”"),
        (WILD_TABLES / "k02_chongqing_emergency_approval.pdf", "表格在页3 表1 行6后随文本结束，最后读到的是“数量指标”"),
        (WILD_TABLES / "m08_sichuan_justice_selfeval.pdf", "表格在页3 表1 行7后随文本结束，最后读到的是“质量指标”"),
        (
            WILD_TABLES / "borderless" / "e05_hunan_science_dept_target.word.pdf",
            "表格在页4 表1 行3中断：最后一行“选派”只有指标名称，没有指标值",
        ),
        (
            WILD_TABLES / "borderless" / "m03_anhui_agri_declaration.word.pdf",
            "表格在页4中断：最后一行“开展质”只有指标名称",
        ),
    ],
)
def test_a_table_that_breaks_off_is_placed_at_its_rows_anchor(path: Path, says: str) -> None:
    doc = parse(path)
    messages = [p.message for p in [*doc.problems, *doc.notes]]
    assert any(m.startswith(says) for m in messages), messages
    assert not any(re.search(r"第表|第页| 格\d", m) for m in messages)  # "第表1 行61 格4行" no more


def test_a_sheet_cut_under_its_header_is_noted_at_the_header_row(tmp_path: Path) -> None:
    # selfeval.xlsx's second project (a sheet of its own) with every row under its indicator header deleted
    book = openpyxl.load_workbook(OFFICE / "selfeval.xlsx")
    sheet = book["城乡医疗救助本级补助"]
    header = next(row[0].row for row in sheet.iter_rows() if any(cell.value == "三级指标" for cell in row))
    sheet.delete_rows(header + 1, sheet.max_row - header)
    book.save(cut := tmp_path / "selfeval_cut.xlsx")
    doc = parse(cut)
    (note,) = [p for p in [*doc.problems, *doc.notes] if "的表头之后随文本结束" in p.message]
    assert note.message.startswith("项目“城乡医疗救助本级补助”的指标表在城乡医疗救助本级补助!A11的表头之后随文本结束")
    assert note.anchor == f"城乡医疗救助本级补助!A{header}"  # the header row's first cell, as the finding's own
    assert note.line == 34  # the machine line stays the reader's running one
