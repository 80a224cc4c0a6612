"""Telling the three text-extraction layouts apart from the lines alone."""

from __future__ import annotations

from kpi_lint.model import Layout
from kpi_lint.read.source import SourceText

_FORM_TITLES = ("绩效目标申报表", "绩效目标表", "绩效自评表")


def detect_layout(src: SourceText) -> Layout:
    """Pick the layout whose signature dominates the lines around the tables.

    * tab-rows: a table row per line, so indicator rows carry 4+ tabs;
    * cell-lines: a cell per line, so most table lines are a tab and one cell;
    * pdf-text: no tabs at all around the tables, cells wrapped over lines.
    """
    rows = cells = table_lines = 0
    in_tables = False
    for line in src.norm:
        if not in_tables and any(title in line for title in _FORM_TITLES):
            in_tables = True
        if not in_tables:
            continue
        table_lines += 1
        tabs = line.count("\t")
        if tabs >= 4 and sum(1 for c in line.split("\t") if c.strip()) >= 3:
            rows += 1
        elif line.startswith("\t") and tabs == 1:
            cells += 1
    if not in_tables:
        return Layout.UNKNOWN
    if rows >= 5 and rows >= cells:
        return Layout.TAB_ROWS
    if cells >= 20:
        return Layout.CELL_LINES
    return Layout.PDF_TEXT
