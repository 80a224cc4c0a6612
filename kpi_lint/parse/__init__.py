"""Parsing: normalized text lines → Document / Project / Indicator.

`parse` and `parse_source` are imported on first use, so that a module needing one helper of this
package (a canonical 二级 name for the CLI) does not load every layout parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpi_lint.parse.document import parse, parse_source

__all__ = ["parse", "parse_source"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        value = getattr(importlib.import_module("kpi_lint.parse.document"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kpi_lint.parse' has no attribute {name!r}")
