"""A cell merged down over a page break, at the top of the page it runs on to.

A sheet printed by LibreOffice (and Excel) splits a cell merged over rows (一级/二级 over the rows a page
break parts) into two pieces.  The piece on the next page has no ruling at its top, so pdfplumber finds no
cell there, and the cell's text is printed a second time *above* the table, outside every ruling, where it
would be read as a line of text of its own.  The table's top is closed over those columns, and the text
printed right above them, inside them, becomes the cells' text (the twin of ``pdf_reader._open_at_foot``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpi_lint.read.pdf_unruled import BBox

_SLACK = 1.0  # points: a ruling this close to the table's top, or to a column's edge, meets it
_LEADING = 1.0  # a line printed this many of its heights above the table (or the line below) still belongs


@dataclass
class OpenTop:
    """The page's tables, the first one closed at its top, and the text its open cells print above it."""

    tables: list[Any]
    texts: dict[BBox, str] = field(default_factory=dict)  # a first-row cell's box → the text printed above it
    areas: list[BBox] = field(default_factory=list)  # where that text stands: not a line of text of the page


def closed_at_top(page: Any, tables: list[Any]) -> OpenTop:
    """`tables` as found, or with the page's first ruled table found again with a ruling along its top where
    its columns had none and text stands right above them."""
    if not tables:
        return OpenTop(tables)
    first = min(tables, key=lambda t: t.bbox[1])
    x0, top, x1, _ = first.bbox
    gaps = _unruled_spans(page.edges, x0, x1, top)
    ruled_somewhere = sum(g1 - g0 for g0, g1 in gaps) < x1 - x0 - _SLACK  # else no ruling at all: a title above
    lines = _lines_above(page, gaps, top) if gaps and ruled_somewhere else []
    if not lines:
        return OpenTop(tables)
    ruling = {"object_type": "h_edge", "orientation": "h", "x0": x0, "x1": x1, "top": top, "bottom": top}
    ruling.update(width=x1 - x0, height=0.0)
    found = page.find_tables({"explicit_horizontal_lines": [ruling]})
    again = min(found, key=lambda t: t.bbox[1]) if found else None
    if again is None or abs(again.bbox[1] - top) > _SLACK or not again.rows:
        return OpenTop(tables)
    from pdfplumber.utils import extract_text

    chars = [ch for line in lines for ch in line["chars"]]
    out = OpenTop([again if t is first else t for t in tables])
    for box in again.rows[0].cells:
        if box is None or not any(g0 - _SLACK <= box[0] and box[2] <= g1 + _SLACK for g0, g1 in gaps):
            continue
        inside = [ch for ch in chars if box[0] <= (ch["x0"] + ch["x1"]) / 2 <= box[2]]
        if inside:
            out.texts[tuple(box)] = extract_text(inside)  # type: ignore[index]
            out.areas.append((box[0], min(ch["top"] for ch in inside) - _SLACK, box[2], box[1]))
    return out if out.texts else OpenTop(tables)


def _unruled_spans(edges: list[dict[str, Any]], x0: float, x1: float, top: float) -> list[tuple[float, float]]:
    """The stretches of the table's top, between `x0` and `x1`, that no horizontal ruling covers."""
    covered = sorted((e["x0"], e["x1"]) for e in edges if e["orientation"] == "h" and abs(e["top"] - top) <= _SLACK)
    spans: list[tuple[float, float]] = []
    at = x0
    for a, b in covered:
        if a - at > _SLACK:
            spans.append((at, min(a, x1)))
        at = max(at, b)
    if x1 - at > _SLACK:
        spans.append((at, x1))
    return spans


def _lines_above(page: Any, gaps: list[tuple[float, float]], top: float) -> list[dict[str, Any]]:
    """The lines of text right above the table's top that stand wholly inside its unruled stretches, from
    the table up to the first line that does not, or one well apart that is printed on the page: LibreOffice
    centres the text in the whole merged cell, so a long one prints it above the page's top edge."""
    above = [line for line in page.extract_text_lines() if line["bottom"] <= top + _SLACK]
    taken: list[dict[str, Any]] = []
    floor = top
    for line in sorted(above, key=lambda line: -line["bottom"]):
        height = line["bottom"] - line["top"]
        if floor - line["bottom"] > _LEADING * height and line["bottom"] > 0:
            break  # well apart, and on the page (a cell taller than the page part prints its text beyond its top)
        if not any(g0 - _SLACK <= line["x0"] and line["x1"] <= g1 + _SLACK for g0, g1 in gaps):
            break
        taken.append(line)
        floor = min(floor, line["top"])
    return taken
