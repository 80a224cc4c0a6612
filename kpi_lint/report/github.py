"""`--output-format github`: GitHub Actions workflow commands, one annotation per finding.

``::warning file=…,line=…,col=…,title=KPI101 vague-target::message``
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from kpi_lint.report import message_with_suggestion
from kpi_lint.rules.base import Finding, Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    # The escaping GitHub's runner applies to workflow-command data.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(f: Finding) -> str:
    message = message_with_suggestion(f)
    props = f"file={_property(f.path)},line={f.line},col={f.column},title={_property(f'{f.code} {f.name}')}"
    return f"::{_LEVEL[f.severity]} {props}::{_data(message)}\n"


def write_github(out: TextIO, findings: Iterable[Finding]) -> None:
    """One workflow command a line, written as each finding comes."""
    for f in findings:
        out.write(_command(f))


def render_github(findings: Sequence[Finding]) -> str:
    return "".join(_command(f) for f in findings)
