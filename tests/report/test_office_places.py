"""The reviewer's pages show an office file's places as the file shows them, not the reader's running lines."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from kpi_lint.config import Config
from kpi_lint.parse import parse
from kpi_lint.report.review_page import write_review_pages
from kpi_lint.report.scorecard_html import write_html
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from kpi_lint.score.present import scorecard_names, shown_path
from kpi_lint.score.run import score_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CUT_PDF = FIXTURES / "wild_tables" / "borderless" / "e05_hunan_science_dept_target.word.pdf"


def test_an_input_problem_of_a_pdf_is_placed_at_its_anchor_on_the_review_page(tmp_path: Path) -> None:
    doc = parse(CUT_PDF)
    (problem,) = doc.problems
    findings = run_rules([doc], all_rules(), build_context([doc], Config()))
    (page,) = write_review_pages(tmp_path / "审核.html", [doc], findings, doc.problems)
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    (item,) = tree.xpath("//li[@class='problem-input']")
    assert (problem.line, problem.column) == (33, 1)  # the machine fields keep the reader's running line
    where = f"{shown_path(str(CUT_PDF))}:页4 表1 行3 格1 (89,193)"  # shown as the page prints it, not ":33:1"
    assert item.xpath("string(span[@class='loc'])") == where
    assert "表格在页4 表1 行3中断：最后一行“选派”只有指标名称" in item.text_content()


def test_the_scorecard_numbers_office_rows_as_the_file_shows_them(tmp_path: Path) -> None:
    docs = [parse(FIXTURES / "office" / "target.docx"), parse(FIXTURES / "office" / "target.xlsx")]
    findings = run_rules(docs, all_rules(), build_context(docs, Config()))
    write_html(score_documents(docs, findings), tmp_path)
    names = scorecard_names(docs, ".html")
    rows = {}
    for doc in docs:
        tree = lxml_html.fromstring((tmp_path / names[doc.path]).read_text(encoding="utf-8"))
        rows[Path(doc.path).suffix] = tree.xpath("//table[@class='indicators']/tbody/tr/td[@class='loc']/text()")
    assert rows[".docx"][:3] == ["表1 行5", "表1 行6", "表1 行7"]
    assert rows[".xlsx"][:3] == ["目标表!C7", "目标表!C8", "目标表!C9"]
