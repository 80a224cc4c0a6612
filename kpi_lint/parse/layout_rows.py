"""Layout parser stub: filled in by the layout work."""

from __future__ import annotations

from kpi_lint.model import Document
from kpi_lint.read.source import SourceText


def parse_tables(src: SourceText, doc: Document) -> None:
    """Append the projects found in `src` to `doc.projects` (problems to `doc.problems`)."""
    raise NotImplementedError
