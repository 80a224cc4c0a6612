"""Tables the reader did not get whole (kpi_lint.parse.reading_gaps), on real disclosures of the wild set."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import GARBLED_GRADE, Document
from kpi_lint.parse import parse
from kpi_lint.parse.document import _finish as finish
from kpi_lint.parse.document import _read_as_forms as read_as_forms
from kpi_lint.parse.reading_gaps import mark_reading_gaps
from kpi_lint.read.blocks import read_blocks
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.context import PEERS, VAGUENESS
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code

WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"


def _table_reader_alone(stem: str) -> Document:
    lexicon = load_lexicon()
    src = read_blocks(WILD / f"{stem}.txt").source
    assert src is not None
    return finish(read_as_forms(src, lexicon), lexicon, src.lines, excerpt=True)


@pytest.mark.parametrize(
    ("stem", "rows"),
    [
        # a PDF preview flattened onto one line: wrapped cells read apart ("服务外" | "包企业数量 | 3": the
        # wrapped tail ends as names end, so it is read as a name, not as the value of "服务外")
        ("n08_unknown_commerce_selfeval_pdf", 15),
        # a page flattened column by column ("合同结算条款完成率 | 费用结算及时性")
        ("f06_shanghai_sports_selfeval", 5),
    ],
)
def test_a_self_evaluation_with_no_result_on_any_row_is_garbled(stem: str, rows: int) -> None:
    # The table reader alone (parse_source reads both as flattened blocks since, kpi_lint.parse.flat_table:
    # f06 whole, n08 as nothing): its misreading is still marked garbled.
    doc = _table_reader_alone(stem)
    (project,) = doc.projects
    assert project.garbled and len(project.indicators) == rows
    notes = [n.message for n in doc.notes if "各栏没有对齐" in n.message]
    assert len(notes) == 1 and f"{rows} 个指标行都读不出实际完成值、分值或得分" in notes[0]
    assert GARBLED_GRADE in notes[0]


def test_a_self_evaluation_with_results_is_not_garbled() -> None:
    # 自评表 whose rows read their 实际完成值 and 得分 ("补贴渔船数 | 6 | 6 | 20")
    doc = parse(WILD / "n07_unknown_fishery_selfeval_ocr.txt")
    assert not any(p.garbled for p in doc.projects)


@pytest.mark.parametrize(
    ("stem", "labels"),
    [
        # the excerpt ends inside the benefit rows: "…效益指标 森林资源生长因害损失量 有效减少…对促进"
        ("k05_central_forestry_declaration_sample", "“效益指标”"),
        # a report whose headings are not rows, cut at "4.社会效益指标。体现党和政"
        ("n03_neimenggu_veterans_regional_selfeval_prose", "“社会效益指标”"),
        # a glued preview that ends inside "满意度指标(20分)服务对象满意度种薯繁育企业、种植农户调"
        ("j07_ningxia_agri_selfeval", "“可持续影响指标”、“服务对象满意度指标”"),
    ],
)
def test_a_category_printed_after_the_last_row_read_marks_the_table_cut(stem: str, labels: str) -> None:
    doc = parse(WILD / f"{stem}.txt")
    last = doc.projects[-1]
    assert last.cut_off and not last.garbled
    notes = [n.message for n in doc.notes if "没有读全" in n.message]
    assert len(notes) == 1 and f"其后原文印有{labels}，但没有读出其下的指标行" in notes[0]


@pytest.mark.parametrize(
    ("stem", "note_word"),
    [
        # d05 ends with the approval's 资金管理指标 rows: not a category of the performance template
        ("d05_hubei_partyschool_approval", "没有读全"),
        # b08 ends with the Hebei template's "预算执行率 预算执行率" row, its other cells empty: nothing follows
        # its value
        ("b08_hebei_civilaffairs_selfeval", "少了格"),
    ],
)
def test_what_ends_a_whole_table_is_no_cut(stem: str, note_word: str) -> None:
    doc = parse(WILD / f"{stem}.txt")
    assert not any(p.cut_off for p in doc.projects)
    assert not any(note_word in n.message for n in doc.notes)


def test_a_last_row_shorter_than_every_other_row_is_a_cut_inside_it() -> None:
    # b05 ends "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 " where each row above goes on to
    # "| 正向指标 |": the excerpt stops inside the last project's last row
    doc = parse(WILD / "b05_sichuan_township_application.txt")
    first, last = doc.projects
    assert last.cut_off and not first.cut_off
    assert [i.value for i in last.indicators][-1] == "=11个"
    (note,) = [n for n in doc.notes if "少了格" in n.message]
    assert note.line == 17 and note.message.startswith("表格在第17行中断：最后一行“行政村数量”读到“10”为止")


def test_a_self_evaluation_that_prints_no_result_column_is_not_garbled() -> None:
    # n08 as the table reader alone reads it, checked against its own text with the "实际完成值 (B)" heading
    # taken out: nothing then says that the rows should hold results, so rows without any are no sign of
    # columns misread
    doc = _table_reader_alone("n08_unknown_commerce_selfeval_pdf")
    text = (WILD / "n08_unknown_commerce_selfeval_pdf.txt").read_text(encoding="utf-8")
    assert "实际完成值 (B)" in text and doc.projects[0].garbled
    doc.projects[0].garbled = False
    mark_reading_gaps(doc, text.replace("实际完成值 (B)", "").splitlines(), load_lexicon().vocabulary, excerpt=True)
    assert not doc.projects[0].garbled
    mark_reading_gaps(doc, text.splitlines(), load_lexicon().vocabulary, excerpt=True)
    assert doc.projects[0].garbled


def _completeness_findings(doc: Document) -> list[Finding]:
    rules = [rule for rule in map(rule_by_code, ("KPI201", "KPI202")) if rule is not None]
    return run_rules([doc], rules, RuleContext(documents=[doc], extras={PEERS: None, VAGUENESS: None}))


@pytest.mark.parametrize(
    ("stem", "stop", "tail", "last_row"),
    [
        # a prose report cut inside its list of targets: "具体指标。产出指标:…试点县数量20个;2022年全区县域"
        ("p08_guangxi_commerce_regional_selfeval_prose", 11, "“…0个;2022年全区县域”", 11),
        # a 自评表 cut inside its first row's 未完成原因和改进措施 cell, at the lead-in "改进措施:"
        ("p09_hubei_ecoenv_regional_selfeval", 113, "“…改进措施:”", 109),
    ],
)
def test_a_text_that_stops_mid_sentence_marks_the_table_cut(stem: str, stop: int, tail: str, last_row: int) -> None:
    doc = parse(WILD / f"{stem}.txt")
    (project,) = doc.projects
    assert project.cut_off and len(project.indicators) == 1
    (note,) = [n for n in doc.notes if "句子没有写完" in n.message]
    assert note.line == stop and note.severity == "warning"
    assert note.message.startswith(f"表格（或列出指标的文字）在第{stop}行中断：原文在{tail}处句子没有写完")
    assert f"最后读到的指标在第{last_row}行" in note.message
    # the categories after the break are not reported missing (sample 11 judged the 9 findings wrong)
    assert _completeness_findings(doc) == []


def test_a_text_that_stops_with_its_sentence_closed_is_no_cut() -> None:
    # p09 as read, checked against its own text with the cut cell closed ("…改进措施:" → "…改进措施:无。")
    path = WILD / "p09_hubei_ecoenv_regional_selfeval.txt"
    doc = parse(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    doc.projects[0].cut_off, doc.notes = False, []
    mark_reading_gaps(doc, [*lines[:-1], lines[-1] + "无。"], load_lexicon().vocabulary, excerpt=True)
    assert not doc.projects[0].cut_off and not doc.notes


@pytest.mark.parametrize(
    ("stem", "missing"),
    [
        # m05's 半年监控表 is closed by its "注: 1.完成目标可能性:…" note, which the excerpt cuts ("4.相")
        ("m05_hubei_heritage_monitor", {"数量指标", "质量指标", "时效指标", "服务对象满意度指标"}),
        # h04's table is closed by "合计100" and its signature row, which ends "项目负责人:财务负责人:"
        ("h04_unknown_funds_selfeval", {"成本指标", "质量指标", "服务对象满意度指标"}),
    ],
)
def test_a_cut_after_what_closes_the_table_is_no_cut_of_the_table(stem: str, missing: set[str]) -> None:
    doc = parse(WILD / f"{stem}.txt")
    assert not any(p.cut_off for p in doc.projects)
    assert not any("句子没有写完" in n.message for n in doc.notes)
    # the categories the table lacks stay reported (judged right in samples 6 and 8)
    assert missing <= {f.level2 for f in _completeness_findings(doc)}


def test_a_text_that_stops_inside_a_category_heading_marks_the_table_cut() -> None:
    # v01, a prose self-evaluation saved cut off: its list "1、产出数量指标:…。" … "4、社会效益指标:…。" ends
    # "5、满意度指" — the heading of the satisfaction section cut inside its word (finding review sample 22)
    doc = parse(WILD / "v01_anhui_disabled_regional_selfeval_prose.txt")
    (project,) = doc.projects
    assert project.cut_off and project.cut_at == "服务对象满意度指标" and len(project.indicators) == 8
    (note,) = [n for n in doc.notes if "没有写完就结束了" in n.message]
    assert (note.line, note.column, note.severity) == (16, 7, "warning")
    assert note.message.startswith("列出指标的文字在第16行中断：原文在“5、满意度指”处")
    assert "最后读到的指标在第15行，“服务对象满意度指标”及模板中排在其后的类别可能在截断处之后" in note.message
    # the satisfaction the break hides is not reported missing (wrong in sample 22); 质量, which the list of
    # categories before the break passes over (数量, 时效, 成本, 社会效益), still is (right)
    assert [f.level2 for f in _completeness_findings(doc)] == ["质量指标"]


@pytest.mark.parametrize(
    ("ending", "cut"),
    [
        (["5、满意度"], True),  # the heading alone, the section under it lost
        (["5、满意度指标:服务对象满意度年初指标值为不低于90%,全年实际完成值95%。"], False),  # the list finished
        (["5、满意度指标:服务对象满意度年初指标值为不低于90%,全年实际完成值95%。", "三、结论", "项目绩效良好"], False),
        (["三、存在的问题"], False),  # a heading of the report that names no category
        (["镜湖区残疾人联合会"], False),  # a signature
        (["2024年3月15日"], False),  # a date
        (["总分 100"], False),  # a total
    ],
)
def test_only_a_text_that_stops_inside_its_list_of_categories_is_cut(
    ending: list[str], cut: bool, tmp_path: Path
) -> None:
    # v01's own text with its cut last line "5、满意度指" put in other endings
    lines = (WILD / "v01_anhui_disabled_regional_selfeval_prose.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "5、满意度指"
    path = tmp_path / "v01.txt"
    path.write_text("\n".join([*lines[:-1], *ending]) + "\n", encoding="utf-8")
    doc = parse(path)
    assert doc.projects[-1].cut_off is cut
    assert any("没有写完就结束了" in n.message for n in doc.notes) is cut
