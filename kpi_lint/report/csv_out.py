"""`--output-format csv`: one finding a row, the fields of rules.md as columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from kpi_lint.model import ParseProblem
from kpi_lint.report import FIELDS, finding_record, problem_record
from kpi_lint.rules.base import Finding


def render_csv(findings: Sequence[Finding], problems: Sequence[ParseProblem] = ()) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for f in findings:
        writer.writerow({k: "" if v is None else v for k, v in finding_record(f).items()})
    for p in problems:
        writer.writerow({k: "" if v is None else v for k, v in problem_record(p).items()})
    return out.getvalue()
