"""`--output-format json`: a list of findings with exactly the fields of rules.md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from kpi_lint.model import ParseProblem
from kpi_lint.report import counts_by_code, finding_record, problem_record
from kpi_lint.rules.base import Finding


def render_json(findings: Sequence[Finding], problems: Sequence[ParseProblem] = ()) -> str:
    """The findings, then one KPI000 record per input problem (a file not read, a table cut off)."""
    records = [finding_record(f) for f in findings] + [problem_record(p) for p in problems]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def render_statistics_json(findings: Sequence[Finding]) -> str:
    """`--statistics --output-format json`: one object per rule code."""
    rows = [
        {"code": code, "name": name, "count": sum(sev.values()), **{s.value: n for s, n in sev.items()}}
        for code, name, sev in counts_by_code(list(findings))
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
