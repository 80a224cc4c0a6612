"""Writing findings: one module per output format (text, json_out, sarif, csv_out, github).

Every format carries the same fields, those of a finding in rules.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kpi_lint.model import ParseProblem
from kpi_lint.rules.base import Finding, Severity

# The fields of a finding, in the order rules.md lists them.
FIELDS = (
    "code",
    "name",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "project",
    "period",
    "level1",
    "level2",
    "level3",
    "value",
    "suggestion",
    "anchor",
    "count",
    "occurrences",
)
# A problem with the input itself (unreadable file, table cut off) in the machine formats: a
# record with the finding fields, code KPI000, so that a CSV or JSON consumer sees it too.
INPUT_ERROR_CODE = "KPI000"
INPUT_ERROR_NAME = "input-error"


def problem_record(problem: ParseProblem) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(FIELDS)
    record.update(
        code=INPUT_ERROR_CODE,
        name=INPUT_ERROR_NAME,
        severity=problem.severity,
        message=problem.message,
        path=problem.path,
        line=problem.line,
        column=problem.column,
        anchor=problem.anchor,
    )
    return record


def message_with_suggestion(finding: Finding) -> str:
    """The message, then the suggestion in brackets: one line, for the annotation formats (SARIF, GitHub)."""
    return finding.message + (f"（建议：{finding.suggestion}）" if finding.suggestion else "")


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as a flat record with exactly the FIELDS (no --explain evidence).

    `count` is how many places the finding stands for (1, or the rows of a document-wide pattern,
    KPI302) and `occurrences` those places as {"line", "column"} (empty for a one-place finding), each with
    its "anchor" too in an office file, as the finding's own `anchor` beside its line and column."""
    data = finding.to_dict()
    data["count"] = occurrence_count(finding)
    data["occurrences"] = [
        {"line": line, "column": column} | ({"anchor": anchor} if anchor else {})
        for (line, column), anchor in occurrence_spots(finding)
    ]
    return {key: data[key] for key in FIELDS}


def occurrence_spots(finding: Finding) -> list[tuple[tuple[int, int], str | None]]:
    """Each place of a pattern finding with its anchor in an office file (None in a text file)."""
    anchors = finding.occurrence_anchors or [None] * len(finding.occurrences)
    return list(zip(finding.occurrences, anchors, strict=True))


def occurrence_count(finding: Finding) -> int:
    """How many places a finding stands for: its occurrences, or its one place."""
    return len(finding.occurrences) or 1


def occurrence_places(finding: Finding) -> str:
    """The places of a pattern finding joined by "; " ("" for a one-place finding): "line:column" in a text file,
    the anchor in an office file ("表1 行8 格4", "目标表!C8"), as the finding's own location names it."""
    return "; ".join(anchor or f"{line}:{column}" for (line, column), anchor in occurrence_spots(finding))


def occurrence_heading(finding: Finding) -> str:
    """What the places of `occurrence_places` are, for a label: "（行:列）" in a text file, "" in an office file."""
    return "" if finding.occurrence_anchors else "（行:列）"


@dataclass(frozen=True)
class RunSummary:
    """What was checked, for the text summary."""

    files: int  # files parsed and checked
    projects: int
    failed: int  # files that could not be read or held no table
    indicators: int | None = None  # indicator rows read in all; None when not counted
    baselined: int = 0  # findings a --baseline file hid (known before)
    baseline: str | None = None  # that file


class Tally:
    """What the summaries say of a run's findings, counted as they pass on their way to a report:
    how many, per severity, and per rule code its kebab id, Chinese name and severities."""

    def __init__(self) -> None:
        self.total = 0
        self.severities: Counter[Severity] = Counter()
        self._codes: dict[str, Counter[Severity]] = {}
        self._names: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Tally:
        tally = cls()
        for _ in tally.counting(findings):
            pass
        return tally

    def counting(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """`findings` as they come, each counted as it passes."""
        for f in findings:
            self.total += 1
            self.severities[f.severity] += 1
            self._codes.setdefault(f.code, Counter())[f.severity] += 1
            self._names[f.code] = f.name
            self._titles[f.code] = f.title_zh or f.name
            yield f

    def by_code(self) -> list[tuple[str, str, Counter[Severity]]]:
        """(code, name, severities) per rule code, by code; `name` is the stable kebab-case id."""
        return [(code, self._names[code], self._codes[code]) for code in sorted(self._codes)]

    def titles(self) -> dict[str, str]:
        """code → the rule's Chinese name (what people read), the kebab id when a finding has none."""
        return dict(self._titles)


def counts_by_code(findings: Iterable[Finding]) -> list[tuple[str, str, Counter[Severity]]]:
    """(code, name, severities) per rule code, by code; `name` is the stable kebab-case id."""
    return Tally.of(findings).by_code()


def titles_by_code(findings: Iterable[Finding]) -> dict[str, str]:
    """code → the rule's Chinese name (what people read), the kebab id when a finding has none."""
    return Tally.of(findings).titles()
