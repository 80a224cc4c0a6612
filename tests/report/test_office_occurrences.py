"""The places of a document-wide pattern (KPI302, KPI203) are named as an office file shows them, in every format.

`Finding.occurrences` keeps each place's running (line, column), which sort the places; `occurrence_anchors` keeps
each place's anchor in an office file ("表1 行5 格4", "目标表!D7") and stays empty in a text file.  The text report,
the review page and the CSV/workbook column name the anchors where there are some; JSON gives each occurrence its
"anchor" beside its line and column (as the finding's own record does), SARIF each related location its
`properties.anchor` (as the result's own properties); the score's one copy per place is placed at its anchor.
The fixtures are the real office forms of tests/fixtures/office; their descriptions are set to the indicator
names (the defect KPI302 reports), as a department's copy of the form would have them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from lxml import html as lxml_html
from rich.console import Console

from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.report import occurrence_places
from kpi_lint.report.csv_out import render_csv
from kpi_lint.report.json_out import render_json
from kpi_lint.report.review_page import write_review_pages
from kpi_lint.report.sarif import render_sarif
from kpi_lint.report.text import print_findings
from kpi_lint.rules.base import Finding, Rule, RuleContext
from kpi_lint.rules.context import PEERS, VAGUENESS
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.score.run import score_documents

OFFICE = Path(__file__).resolve().parent.parent / "fixtures" / "office"
DOCX_PLACES = [f"表1 行{row} 格4" for row in (5, 6, 7, 8, 9, 10, 11, 12, 14, 15)]  # the description cells


def _pattern(name: str, code: str = "KPI302") -> tuple[Document, Finding]:
    """`name` parsed with every description a copy of its row's name, and the one finding `code` gives."""
    doc = parse(OFFICE / name)
    for ind in doc.projects[0].indicators:
        ind.description = ind.level3
    context = RuleContext(documents=[doc], extras={PEERS: None, VAGUENESS: None})
    (finding,) = [f for f in run_rules([doc], [rule_of(code)], context) if f.code == code]
    return doc, finding


def rule_of(code: str) -> type[Rule]:
    rule = rule_by_code(code)
    assert rule is not None
    return rule


def test_a_pattern_in_a_word_file_keeps_each_places_anchor() -> None:
    _, finding = _pattern("target.docx")
    assert finding.occurrences[:2] == [(7, 4), (8, 4)]  # the running positions: what sorts them
    assert finding.occurrence_anchors == DOCX_PLACES
    assert occurrence_places(finding) == "; ".join(DOCX_PLACES)


def test_a_pattern_in_a_text_file_keeps_no_anchors_and_lists_line_and_column() -> None:
    _, finding = _pattern("target.txt")
    assert finding.occurrence_anchors == []
    assert occurrence_places(finding).startswith("8:24; 9:16; ")


def test_the_text_report_lists_the_cells_of_a_sheet() -> None:
    _, finding = _pattern("target.xlsx")
    out = io.StringIO()
    print_findings(Console(file=out, color_system=None, width=400), [finding])
    (shown,) = [line.strip() for line in out.getvalue().splitlines() if line.strip().startswith("出现:")]
    assert shown == "出现: 10 处 — " + "; ".join(f"目标表!D{row}" for row in (7, 8, 9, 10, 11, 12, 13, 14, 16, 17))


def test_json_gives_each_occurrence_its_anchor_in_an_office_file_only() -> None:
    _, in_word = _pattern("target.docx")
    (record,) = json.loads(render_json([in_word]))
    assert record["occurrences"][0] == {"line": 7, "column": 4, "anchor": "表1 行5 格4"}
    assert record["occurrences"][-1] == {"line": 17, "column": 4, "anchor": "表1 行15 格4"}
    _, in_text = _pattern("target.txt")
    (record,) = json.loads(render_json([in_text]))
    assert record["occurrences"][0] == {"line": 8, "column": 24}  # the text file's record as it was


def test_sarif_gives_each_related_location_of_a_pdf_its_anchor() -> None:
    _, finding = _pattern("target.pdf")
    (result,) = json.loads(render_sarif([finding], [rule_of("KPI302")]))["runs"][0]["results"]
    first = result["relatedLocations"][0]
    assert first["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 4}
    assert first["properties"] == {"anchor": "页1 表1 行5 格4"}
    assert result["properties"]["anchor"] == "页1 表1 行5 格4"  # the result's own, the same wording


def test_csv_lists_the_anchors_of_an_html_file() -> None:
    _, finding = _pattern("target.html")
    (row,) = csv.DictReader(io.StringIO(render_csv([finding])))
    assert row["occurrences"] == "; ".join(DOCX_PLACES)


def test_the_review_page_lists_the_anchors_without_the_line_column_heading(tmp_path: Path) -> None:
    doc, finding = _pattern("target.docx")
    (page,) = write_review_pages(tmp_path / "审核.html", [doc], [finding], [])
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    (shown,) = tree.xpath("//p[@class='occurrences']/text()")
    assert shown == "出现 10 处：" + "; ".join(DOCX_PLACES)


def test_the_score_places_each_copy_of_a_pattern_at_its_anchor() -> None:
    doc, finding = _pattern("target.docx")
    report = score_documents([doc], [finding])
    copies = [f for score in report.projects for f in score.findings if f.code == "KPI302"]
    assert [(f.line, f.anchor) for f in copies] == [
        (line, place) for (line, _), place in zip(finding.occurrences, DOCX_PLACES, strict=True)
    ]
    assert all(f.occurrences == [] and f.occurrence_anchors == [] for f in copies)
