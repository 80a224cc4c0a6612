"""Writing findings: one module per output format (text, json_out, sarif, csv_out, github).

Every format carries the same fields, those of a finding in rules.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from kpi_lint.model import ParseProblem
from kpi_lint.rules.base import Finding, Severity

# The fields of a finding, in the order rules.md lists them.
FIELDS = (
    "code", "name", "severity", "message", "path", "line", "column", "project", "period",
    "level1", "level2", "level3", "value", "suggestion", "anchor", "count", "occurrences",
)
# A problem with the input itself (unreadable file, table cut off) in the machine formats: a
# record with the finding fields, code KPI000, so that a CSV or JSON consumer sees it too.
INPUT_ERROR_CODE = "KPI000"
INPUT_ERROR_NAME = "input-error"


def problem_record(problem: ParseProblem) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(FIELDS)
    record.update(
        code=INPUT_ERROR_CODE, name=INPUT_ERROR_NAME, severity=problem.severity, message=problem.message,
        path=problem.path, line=problem.line, column=problem.column, anchor=problem.anchor,
    )
    return record


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as a flat record with exactly the FIELDS (no --explain evidence).

    `count` is how many places the finding stands for (1, or the rows of a document-wide pattern,
    KPI302) and `occurrences` those places as {"line", "column"} (empty for a one-place finding)."""
    data = finding.to_dict()
    data["count"] = occurrence_count(finding)
    data["occurrences"] = [{"line": line, "column": column} for line, column in finding.occurrences]
    return {key: data[key] for key in FIELDS}


def occurrence_count(finding: Finding) -> int:
    """How many places a finding stands for: its occurrences, or its one place."""
    return len(finding.occurrences) or 1


def occurrence_places(finding: Finding) -> str:
    """The places of a pattern finding as "line:column" joined by "; " ("" for a one-place finding)."""
    return "; ".join(f"{line}:{column}" for line, column in finding.occurrences)


@dataclass(frozen=True)
class RunSummary:
    """What was checked, for the text summary."""

    files: int  # files parsed and checked
    projects: int
    failed: int  # files that could not be read or held no table
    baselined: int = 0  # findings a --baseline file hid (known before)
    baseline: str | None = None  # that file


def counts_by_code(findings: list[Finding]) -> list[tuple[str, str, Counter[Severity]]]:
    """(code, name, severities) per rule code, by code; `name` is the stable kebab-case id."""
    names: dict[str, str] = {}
    table: dict[str, Counter[Severity]] = {}
    for f in findings:
        names[f.code] = f.name
        table.setdefault(f.code, Counter())[f.severity] += 1
    return [(code, names[code], table[code]) for code in sorted(table)]


def titles_by_code(findings: list[Finding]) -> dict[str, str]:
    """code → the rule's Chinese name (what people read), the kebab id when a finding has none."""
    return {f.code: f.title_zh or f.name for f in findings}
