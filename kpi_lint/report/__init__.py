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
    "level1", "level2", "level3", "value", "suggestion", "anchor",
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
    """A finding as a flat record with exactly the FIELDS (no --explain evidence)."""
    data = finding.to_dict()
    return {key: data[key] for key in FIELDS}


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
