"""kpi-lint: lint the performance targets (绩效目标) of Chinese budget disclosures."""

from kpi_lint.errors import InputError
from kpi_lint.frame import to_frame
from kpi_lint.model import Document, Form, Indicator, Layout, Project
from kpi_lint.parse import parse

__version__ = "0.1.0"
__all__ = ["Document", "Form", "Indicator", "InputError", "Layout", "Project", "parse", "to_frame"]
