"""`--output-format json`: a list of findings with exactly the fields of rules.md."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from kpi_lint.model import ParseProblem
from kpi_lint.report import Tally, finding_record, problem_record
from kpi_lint.rules.base import Finding


def _records(findings: Iterable[Finding], problems: Sequence[ParseProblem]) -> Iterator[dict[str, Any]]:
    yield from (finding_record(f) for f in findings)
    yield from (problem_record(p) for p in problems)


def write_json(out: TextIO, findings: Iterable[Finding], problems: Sequence[ParseProblem] = ()) -> None:
    """The findings, then one KPI000 record per input problem (a file not read, a table cut off).

    Written record by record, never held as one string: the same text as
    ``json.dumps(records, ensure_ascii=False, indent=2)`` plus a newline (a record's own lines
    indented one level deeper; JSON strings hold no raw newline).
    """
    empty = True
    for record in _records(findings, problems):
        out.write("[\n  " if empty else ",\n  ")
        out.write(json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        empty = False
    out.write("[]\n" if empty else "\n]\n")


def render_json(findings: Sequence[Finding], problems: Sequence[ParseProblem] = ()) -> str:
    """`write_json` into a string."""
    buffer = io.StringIO()
    write_json(buffer, findings, problems)
    return buffer.getvalue()


def render_statistics_json(tally: Tally) -> str:
    """`--statistics --output-format json`: one object per rule code."""
    rows = [
        {"code": code, "name": name, "count": sum(sev.values()), **{s.value: n for s, n in sev.items()}}
        for code, name, sev in tally.by_code()
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
