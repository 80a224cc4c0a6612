"""kpi-lint: lint the performance targets (绩效目标) of Chinese budget disclosures."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Bound here, not lazily: the subpackage kpi_lint.parse would otherwise take the name `parse` once
# imported.  The subpackage is light; its parsers load on the first call.
from kpi_lint.parse import parse

__version__ = "0.1.0"
__all__ = ["Document", "Form", "Indicator", "InputError", "Layout", "Project", "parse", "to_frame"]

# The public API, imported on first use: `kpi-lint --version` and every command module import this
# package, and the parsers and pandas behind it would otherwise load before any of them runs.
_EXPORTS = {
    "Document": "kpi_lint.model",
    "Form": "kpi_lint.model",
    "Indicator": "kpi_lint.model",
    "Layout": "kpi_lint.model",
    "Project": "kpi_lint.model",
    "InputError": "kpi_lint.errors",
    "to_frame": "kpi_lint.frame",
}

if TYPE_CHECKING:
    from kpi_lint.errors import InputError
    from kpi_lint.frame import to_frame
    from kpi_lint.model import Document, Form, Indicator, Layout, Project


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value  # looked up once
        return value
    raise AttributeError(f"module 'kpi_lint' has no attribute {name!r}")
