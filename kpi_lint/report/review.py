"""What a reviewer's outputs (the workbook, the review page) share: findings laid onto the tables as printed.

Each document's findings are given to their project (kpi_lint.score.attribution) and, within the
project, to the cell of the indicator table whose printed position they name
(kpi_lint.score.present.mark_findings); what names no cell stays with the project or the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.report.headers import FIELD_LABELS_ZH
from kpi_lint.rules.base import Finding, Severity, location
from kpi_lint.score.attribution import attribute
from kpi_lint.score.present import cells_of, mark_findings

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# The column a project's table gains when some of its rows are not taken as data (Indicator.reading).
READING_CELL = ("reading", FIELD_LABELS_ZH["reading"])


@dataclass
class ProjectReview:
    path: str  # the document's
    project: Project
    findings: list[Finding]  # every finding about the project, in reading order
    columns: tuple[tuple[str, str], ...]  # (attribute, heading) of the indicator table as printed
    cells: dict[tuple[int, str], list[Finding]]  # (row, attribute) → findings marking that cell
    loose: list[Finding]  # about the project as a whole (no cell of the table)

    @property
    def name(self) -> str:
        return self.project.name

    def cell_of(self, finding: Finding) -> tuple[int, str] | None:
        for key, found in self.cells.items():
            if any(f is finding for f in found):
                return key
        return None

    @property
    def where(self) -> str:
        """Where the project starts in its file."""
        return location(self.path, self.project.line, self.project.column, self.project.anchor)


@dataclass
class DocumentReview:
    document: Document
    projects: list[ProjectReview]
    loose: list[Finding] = field(default_factory=list)  # about the document, not one project

    @property
    def findings(self) -> list[Finding]:
        everything = [*self.loose, *(f for p in self.projects for f in p.findings)]
        return sorted(everything, key=lambda f: f.sort_key)


def row_where(ind: Indicator) -> str:
    """Where a row is printed, without the file: "900:18" in a text file, "Sheet1!C12" or "页3 表1 行4" otherwise."""
    loc = ind.spans.get("level3")
    return loc.where if loc else f"{ind.line}:{ind.column}"


def row_location(path: str, ind: Indicator) -> str:
    """Where an indicator row is printed (its 三级指标 cell)."""
    line, column = ind.span("level3")
    return location(path, line, column, ind.anchor("level3"))


def cell_location(path: str, ind: Indicator, attribute: str) -> str:
    loc = ind.spans.get(attribute)
    if loc is None:
        return row_location(path, ind)
    return location(path, loc.line, loc.column, loc.anchor)


def _project_review(path: str, project: Project, findings: list[Finding]) -> ProjectReview:
    columns = cells_of(project.form)
    if any(ind.reading for ind in project.indicators):  # rows listed but not taken as data say so
        columns += (READING_CELL,)
    shown = {name for name, _ in columns}
    marks = mark_findings(project.indicators, findings)
    cells: dict[tuple[int, str], list[Finding]] = {}
    for (row, name), found in marks.cells.items():
        # a finding on a field the printed table has no column for marks the row's 三级指标
        key = (row, name if name in shown else "level3")
        cells.setdefault(key, []).extend(found)
    ordered = sorted(findings, key=lambda f: f.sort_key)
    return ProjectReview(path, project, ordered, columns, cells, sorted(marks.loose, key=lambda f: f.sort_key))


def review_documents(documents: Sequence[Document], findings: Sequence[Finding]) -> list[DocumentReview]:
    """One DocumentReview per document, in the given order; findings of unknown files are dropped."""
    split = attribute(documents, list(findings))
    reviews = []
    for doc in documents:
        projects = [_project_review(doc.path, p, list(split.of(p))) for p in doc.projects]
        loose = sorted(split.by_document.get(doc.path, []), key=lambda f: f.sort_key)
        reviews.append(DocumentReview(doc, projects, loose))
    return reviews
