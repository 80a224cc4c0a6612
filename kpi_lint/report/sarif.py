"""`--output-format sarif`: SARIF 2.1.0, for code-scanning dashboards.

The rules of the run go in tool.driver.rules (with their documentation as help
text); each result carries the finding's location and, in its property bag,
the fields SARIF has no place for (project, period, level1-3, value, suggestion).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import kpi_lint
from kpi_lint.baseline import fingerprint
from kpi_lint.model import ParseProblem
from kpi_lint.report import message_with_suggestion, occurrence_count, occurrence_spots
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.registry import rule_by_code

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROPERTIES = ("project", "period", "level1", "level2", "level3", "value", "suggestion", "anchor")


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


def _summary(rule: type[Rule]) -> str:
    doc = rule.doc()
    return doc.splitlines()[0] if doc else rule.name


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _summary(rule)},
        "fullDescription": {"text": rule.doc() or rule.name},
        "help": {"text": rule.doc() or rule.name},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"family": rule.family, "options": dict(rule.options)},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    message = message_with_suggestion(f)
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": _LEVEL[f.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }
        ],
        "partialFingerprints": {"kpiLintFinding/v1": fingerprint(f)},
        "properties": {key: getattr(f, key) for key in _PROPERTIES} | {"count": occurrence_count(f)},
    }
    if f.occurrences:  # a document-wide pattern (KPI302): every place it covers, in SARIF's own slot
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": line, "startColumn": column},
                },
            }
            | ({"properties": {"anchor": anchor}} if anchor else {})  # as the result's own properties.anchor
            for i, ((line, column), anchor) in enumerate(occurrence_spots(f))
        ]
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    return result


def _notification(problem: ParseProblem) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": problem.message},
        "properties": {"anchor": problem.anchor},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(problem.path)},
                    "region": {"startLine": max(1, problem.line), "startColumn": max(1, problem.column)},
                }
            }
        ],
    }


# Where the results go in the log's dump: a JSON string no finding can print (a NUL and a name).
_RESULTS_SLOT = "\0kpi-lint results"
_RESULTS_INDENT = " " * 8  # runs[0].results[i] sits four levels deep in the indent=2 dump


def write_sarif(
    out: TextIO, findings: Iterable[Finding], rules: Sequence[type[Rule]], problems: Sequence[ParseProblem] = ()
) -> None:
    """A SARIF 2.1.0 log with one run; `rules` are the rules that were run.

    Written result by result, never held as one string or one tree of every result: the same text as
    ``json.dumps(log, ensure_ascii=False, indent=2)`` plus a newline (a result's own lines indented
    four levels deeper; JSON strings hold no raw newline).  A list of findings is read twice, for
    the descriptors of rules not in `rules`; a stream (a run's) is read once: its rules must be in
    `rules`, as they are in `check`.
    """
    known = {r.code: r for r in rules}
    # A finding of a rule not passed in still gets its descriptor, when the findings can be read twice.
    for f in findings if isinstance(findings, Sequence) else ():
        if f.code not in known:
            rule = rule_by_code(f.code)
            if rule is not None:
                known[rule.code] = rule
    ordered = [known[c] for c in sorted(known)]
    index = {r.code: i for i, r in enumerate(ordered)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kpi-lint",
                        "version": kpi_lint.__version__,
                        "rules": [_descriptor(r) for r in ordered],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not problems,
                        "toolExecutionNotifications": [_notification(p) for p in problems],
                    }
                ],
                "results": _RESULTS_SLOT,
            }
        ],
    }
    head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(_RESULTS_SLOT, ensure_ascii=False))
    out.write(head)
    empty = True
    for f in findings:
        out.write("[\n" + _RESULTS_INDENT if empty else ",\n" + _RESULTS_INDENT)
        out.write(json.dumps(_result(f, index), ensure_ascii=False, indent=2).replace("\n", "\n" + _RESULTS_INDENT))
        empty = False
    out.write("[]" if empty else "\n" + _RESULTS_INDENT[:-2] + "]")
    out.write(tail + "\n")


def render_sarif(
    findings: Sequence[Finding], rules: Sequence[type[Rule]], problems: Sequence[ParseProblem] = ()
) -> str:
    """`write_sarif` into a string."""
    buffer = io.StringIO()
    write_sarif(buffer, findings, rules, problems)
    return buffer.getvalue()
