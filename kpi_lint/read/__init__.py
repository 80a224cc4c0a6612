"""Reading: bytes of any supported format → normalized text lines.

Reading is separate from table parsing so that new formats (PDF, DOCX, XLSX)
only add a reader here; the table parsers see the same `SourceText`.
"""

from kpi_lint.read.files import iter_input_files
from kpi_lint.read.source import SourceText, read_source

__all__ = ["SourceText", "iter_input_files", "read_source"]
