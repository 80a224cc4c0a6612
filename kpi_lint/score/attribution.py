"""Which project a finding belongs to.

Findings carry the project *name*, but names repeat inside a document (000 prints
"城乡医疗救助补助资金" twice), so the name is matched first and the line decides
between namesakes: a project owns the lines from its own line up to the next project's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kpi_lint.model import Document, Project
from kpi_lint.rules.base import Finding


@dataclass
class Attribution:
    by_project: dict[int, list[Finding]] = field(default_factory=lambda: defaultdict(list))  # id(project) → findings
    by_document: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))  # path → unattributed

    def of(self, project: Project) -> list[Finding]:
        return self.by_project.get(id(project), [])


def owner_by_line(projects: Sequence[Project], line: int) -> Project | None:
    """The last project that starts at or before `line`."""
    owner = None
    for project in sorted(projects, key=lambda p: p.line):
        if project.line <= line:
            owner = project
    return owner


def attribute(documents: Sequence[Document], findings: Sequence[Finding]) -> Attribution:
    result = Attribution()
    docs = {doc.path: doc for doc in documents}
    for finding in findings:
        doc = docs.get(finding.path)
        if doc is None or finding.project is None:
            result.by_document[finding.path].append(finding)
            continue
        namesakes = [p for p in doc.projects if p.name == finding.project]
        if len(namesakes) == 1:
            owner: Project | None = namesakes[0]
        else:
            owner = owner_by_line(namesakes or doc.projects, finding.line)
        if owner is None:
            result.by_document[finding.path].append(finding)
        else:
            result.by_project[id(owner)].append(finding)
    return result
