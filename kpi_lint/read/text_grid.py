"""Text → grid: the cells of every line, whatever shape the text extraction or web copy took.

Each non-blank line becomes one row.  Its cells are split by what separates them on that line:

* tabs (tab-separated rows; a line of one tab-prefixed cell is a one-cell row, a bare tab an
  empty cell, as Word's text export prints them);
* ``|`` (pipe and Markdown tables; ``|---|`` rules are dropped);
* runs of two or more spaces or an ideographic space (space-aligned columns, cells separated by
  runs of spaces);
* otherwise the line is one cell (one cell per line, with or without blank lines between).

Rows keep the printed line and column of every cell.  Whether a row is a whole table row or one
cell of it is left to the form reader, which reads both.
"""

from __future__ import annotations

import re

from kpi_lint.grid import Cell, Grid, Row
from kpi_lint.read.source import SourceText

_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPACES = re.compile(r"(?: {2,}|\u3000+| ?\t ?)")


def _split(text: str, sep: re.Pattern[str] | str) -> list[tuple[int, str]]:
    """(0-based start, text) of each piece of `text` between separators."""
    pieces: list[tuple[int, str]] = []
    start = 0
    matches = sep.finditer(text) if isinstance(sep, re.Pattern) else re.finditer(re.escape(sep), text)
    for m in matches:
        pieces.append((start, text[start : m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    return pieces


def line_cells(printed: str, folded: str) -> list[tuple[int, str]]:
    """The cells of one line as (0-based column, printed text), split by the line's separator."""
    if "\t" in folded:
        body = folded.rstrip("\t ")
        if body.startswith("\t") and "\t" not in body.lstrip("\t"):  # one tab-prefixed cell (Word export)
            col = len(folded) - len(folded.lstrip("\t "))
            return [(col, printed[col:].rstrip())]
        pieces = _split(folded, "\t")
    elif "|" in folded:
        pieces = _split(folded, "|")
        if pieces and not pieces[0][1].strip():
            pieces = pieces[1:]
        if pieces and not pieces[-1][1].strip():
            pieces = pieces[:-1]
    else:
        stripped = folded.strip()
        if not stripped:
            return []
        lead = len(folded) - len(folded.lstrip())
        pieces = [(lead + s, t) for s, t in _split(stripped, _SPACES)]
    out: list[tuple[int, str]] = []
    for start, text in pieces:
        lead = len(text) - len(text.lstrip())
        out.append((start + lead, printed[start + lead : start + len(text.rstrip())] if text.strip() else ""))
    return out


def text_grid(src: SourceText) -> Grid:
    """One grid holding a row per non-blank line of `src`."""
    rows: list[Row] = []
    for i, (printed, folded) in enumerate(zip(src.lines, src.norm, strict=True)):
        if not folded.strip() and "\t" not in folded:
            continue
        if _PIPE_RULE.match(folded) and "-" in folded:
            continue
        cells = [Cell(text, i + 1, col + 1) for col, text in line_cells(printed, folded)]
        if cells:
            rows.append(Row(cells))
    return Grid(rows)
