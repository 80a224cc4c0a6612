"""JSON, CSV, SARIF, GitHub and text findings are written record by record, as exactly as one dump of
the list did.

Real findings of sample 000 (text rules and input problems, among them a garbled table) and of no
findings at all; the reference is `json.dumps` / `csv.writer` over the whole list at once.  Each
writer is given a one-shot iterator, as a run's findings come from its store.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from kpi_lint.cli.common import load_documents
from kpi_lint.config import Config
from kpi_lint.model import ParseProblem
from kpi_lint.report import FIELDS, finding_record, occurrence_places, problem_record
from kpi_lint.report.csv_out import FIELDS_ZH, INPUT_ERROR_TITLE, write_csv
from kpi_lint.report.github import render_github, write_github
from kpi_lint.report.headers import HeaderLanguage, headers, value_word
from kpi_lint.report.json_out import render_json, write_json
from kpi_lint.report.sarif import render_sarif, write_sarif
from kpi_lint.report.text import print_findings
from kpi_lint.rules.base import Finding
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code, select_rules
from tests.corpus import corpus_path


@pytest.fixture(scope="module")
def found() -> tuple[list[Finding], list[ParseProblem]]:
    loaded = load_documents([corpus_path("000")], progress=False)
    rules = select_rules(["KPI3"], [])
    findings = run_rules(loaded.documents, rules, build_context(loaded.documents, Config(), rules))
    return findings, list(loaded.problems)


def test_json_is_the_dump_of_the_whole_list(found: tuple[list[Finding], list[ParseProblem]]) -> None:
    findings, problems = found
    assert len(findings) >= 5 and problems and {f.code for f in findings} >= {"KPI303"}
    records = [finding_record(f) for f in findings] + [problem_record(p) for p in problems]
    out = io.StringIO()
    write_json(out, findings, problems)
    assert out.getvalue() == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(out.getvalue()) == records
    assert render_json([]) == "[]\n" == json.dumps([], indent=2) + "\n"


@pytest.mark.parametrize("language", [HeaderLanguage.en, HeaderLanguage.zh])
def test_csv_is_the_whole_table(found: tuple[list[Finding], list[ParseProblem]], language: HeaderLanguage) -> None:
    findings, problems = found
    fields = FIELDS_ZH if language is HeaderLanguage.zh else FIELDS
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    writer.writerow(headers(fields, language))
    records = [{**finding_record(f), "title_zh": f.title_zh, "occurrences": occurrence_places(f)} for f in findings]
    records += [{**problem_record(p), "title_zh": INPUT_ERROR_TITLE} for p in problems]
    for record in records:
        writer.writerow(["" if record[k] is None else value_word(k, record[k], language) for k in fields])
    out = io.StringIO()
    write_csv(out, findings, problems, language)
    assert out.getvalue() == expected.getvalue()
    assert len(list(csv.reader(io.StringIO(out.getvalue())))) == len(findings) + len(problems) + 1


def test_sarif_is_the_dump_of_the_whole_log(found: tuple[list[Finding], list[ParseProblem]]) -> None:
    findings, problems = found
    rules = select_rules(["KPI3"], [])
    out = io.StringIO()
    write_sarif(out, iter(findings), rules, problems)
    text = out.getvalue()
    log = json.loads(text)
    assert text == json.dumps(log, ensure_ascii=False, indent=2) + "\n"  # the canonical dump of its content
    (run,) = log["runs"]
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in findings]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": findings[0].line,
        "startColumn": findings[0].column,
    }
    assert [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]] == [
        p.message for p in problems
    ]
    assert text == render_sarif(findings, rules, problems)
    empty = render_sarif([], rules)
    assert (
        json.loads(empty)["runs"][0]["results"] == []
        and empty == json.dumps(json.loads(empty), indent=2, ensure_ascii=False) + "\n"
    )


def test_sarif_describes_a_rule_not_passed_in_when_given_a_list(
    found: tuple[list[Finding], list[ParseProblem]],
) -> None:
    findings, _ = found
    rules = [r for r in select_rules(["KPI3"], []) if r.code != "KPI303"]
    log = json.loads(render_sarif(findings, rules))
    described = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "KPI303" in described and rule_by_code("KPI303") is not None
    index = described.index("KPI303")
    assert {r["ruleIndex"] for r in log["runs"][0]["results"] if r["ruleId"] == "KPI303"} == {index}


def test_github_and_text_read_a_stream_as_a_list(found: tuple[list[Finding], list[ParseProblem]]) -> None:
    findings, _ = found
    out = io.StringIO()
    write_github(out, iter(findings))
    assert out.getvalue() == render_github(findings) and out.getvalue().count("\n") == len(findings)
    streamed, listed = io.StringIO(), io.StringIO()
    print_findings(Console(file=streamed, color_system=None), iter(findings))
    print_findings(Console(file=listed, color_system=None), findings)
    assert streamed.getvalue() == listed.getvalue()
    assert streamed.getvalue().count(" KPI303 ") == sum(f.code == "KPI303" for f in findings)
