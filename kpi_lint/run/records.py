"""What a file task sends back: findings and a small peer record, not the whole document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kpi_lint.errors import InputError
from kpi_lint.model import Document, ParseProblem, Project
from kpi_lint.read.files import Skipped
from kpi_lint.rules.base import Finding


@dataclass
class FileResult:
    """One input file after its file task: a document (or peer record) and local findings, or an error."""

    path: str
    document: Document | None = None  # the peer record (check, cluster) or the whole document (score)
    error: InputError | None = None  # the file could not be read: reported as one line, exit 2
    findings: list[Finding] = field(default_factory=list)  # of the local rules, sorted


def peer_project(project: Project) -> Project:
    """A project as the peer rules, the peer index and the suggestions read it: name, place, units,
    funds (peers of a similar size), indicators, empty categories.

    Dropped: the narrative, the aims and the other texts of the form (only the rules that look at
    one document read them, and they ran in the file task).
    """
    return Project(
        name=project.name,
        form=project.form,
        line=project.line,
        column=project.column,
        anchor=project.anchor,
        department=project.department,  # place names for the text normalizer
        implementer=project.implementer,  # the unit a document speaks for
        funds=project.funds,  # suggestions come from peers of a similar size
        execution=project.execution,
        indicators=project.indicators,
        empty_categories=project.empty_categories,
        cut_off=project.cut_off,
        garbled=project.garbled,  # the garbled table's rows are not judged one by one
    )


def peer_record(doc: Document) -> Document:
    """The document cut down for the cross-document work of the parent (peer index, peer rules, clusters).

    Problems and notes stay: the parent reports them, as for a document parsed in-process.
    """
    return replace(doc, narrative=[], projects=[peer_project(p) for p in doc.projects])


@dataclass
class Loaded:
    """The inputs of a run as read: documents (or peer records), files not read, files not of a kind read."""

    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # files in a folder of a kind not read

    @property
    def problems(self) -> list[ParseProblem]:
        """Every input problem of the run: files not read, tables cut off inside read files, then
        damaged content that was read (garbled tables, a table ending before its last category), as warnings."""
        unread = [ParseProblem(e.path, e.line or 1, 1, e.message) for e in self.errors]
        problems = [p for doc in self.documents for p in doc.problems]
        notes = [p for doc in self.documents for p in doc.notes]
        return unread + problems + notes

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(doc.problems for doc in self.documents)
