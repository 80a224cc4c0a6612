"""Parsing: normalized text lines → Document / Project / Indicator."""

from kpi_lint.parse.document import parse, parse_source

__all__ = ["parse", "parse_source"]
