"""Parsing: normalized text lines → Document / Project / Indicator.

`parse` and `parse_source` import the layout parsers on their first call, so that a module needing
one helper of this package (a canonical 二级 name for the CLI's help) does not load them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpi_lint.lexicon import Lexicon
    from kpi_lint.model import Document
    from kpi_lint.read.source import SourceText

__all__ = ["parse", "parse_source"]


def parse(path: str | Path, lexicon: Lexicon | None = None) -> Document:
    """Read and parse one disclosure file into a Document (`kpi_lint.parse.document.parse`)."""
    from kpi_lint.parse import document

    return document.parse(path, lexicon)


def parse_source(src: SourceText, lexicon: Lexicon | None = None) -> Document:
    """Parse decoded text lines into a Document (`kpi_lint.parse.document.parse_source`)."""
    from kpi_lint.parse import document

    return document.parse_source(src, lexicon)
