"""`--output-format csv`: one finding a row, the fields of rules.md as columns.

`--header en` (the default for CSV) keeps the field names scripts read; `--header zh` writes the
Chinese headings of kpi_lint.report.headers, adds the rule's Chinese name after its code and
writes severities as words (错误/警告/提示).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import TextIO

from kpi_lint.model import ParseProblem
from kpi_lint.report import FIELDS, finding_record, occurrence_places, problem_record
from kpi_lint.report.headers import HeaderLanguage, headers, value_word
from kpi_lint.rules.base import Finding

# With Chinese headings the rule's Chinese name stands beside its code.
FIELDS_ZH = (FIELDS[0], "title_zh", *FIELDS[1:])
INPUT_ERROR_TITLE = "输入错误"


def write_csv(
    out: TextIO,
    findings: Iterable[Finding],
    problems: Sequence[ParseProblem] = (),
    language: HeaderLanguage = HeaderLanguage.en,
) -> None:
    """The findings a row each, then the input problems; written row by row."""
    fields = FIELDS_ZH if language is HeaderLanguage.zh else FIELDS
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers(fields, language))
    # a pattern finding's places in one cell: "12:3; 15:3" (JSON keeps them as a list)
    records = ({**finding_record(f), "title_zh": f.title_zh, "occurrences": occurrence_places(f)} for f in findings)
    for record in chain(records, ({**problem_record(p), "title_zh": INPUT_ERROR_TITLE} for p in problems)):
        writer.writerow(["" if record[k] is None else value_word(k, record[k], language) for k in fields])


def render_csv(
    findings: Sequence[Finding], problems: Sequence[ParseProblem] = (), language: HeaderLanguage = HeaderLanguage.en
) -> str:
    """`write_csv` into a string."""
    out = io.StringIO()
    write_csv(out, findings, problems, language)
    return out.getvalue()
