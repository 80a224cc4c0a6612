"""Labels merged down their rows in a table printed without rulings: which rows each one heads.

A sheet's 一级/二级 labels are merged down the rows they head and, most often, centred in them.  Printed
without gridlines, nothing shows where a label's block begins or ends: the label stands halfway down
it, beside a middle row or between two rows, and the rows above it belong to it as much as those
below.  Read line by line, the label opens a row of its own and covers only the rows after it.

Here a column is a label column when its text stands in fewer places than the table has rows (the rows
counted without it), and every column left of it is one too.  Its labels are taken out of the lines
before the rows are found, and the rows are cut into **blocks**, one per label, in order, each holding
its label within its vertical range, so that the labels stand where the sheet sets them: in the middle
of their blocks, or all at their top, or all at their foot (whichever fits the labels best).  A block
that a page break cuts is printed with its label where the whole block's middle falls, on another page
or outside the page (LibreOffice keeps the text there in the text layer): a label above the table's
first row heads the rows up to its block's end, one below its last row the rows from its block's start,
and the first block of a table that runs on from the page before is cut at the top by the page break.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpi_lint.read.pdf_unruled import _Line, _Piece

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Label:
    """One label: the pieces of one column standing one under the other, as a label wraps in its cell."""

    column: int
    x0: float
    x1: float
    top: float
    bottom: float
    apart: bool = False  # on lines of its own, beside no other cell's text

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def box(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True)
class Split:
    """A table's body read apart from its merged labels."""

    columns: int  # the label columns are the first `columns` ones
    lines: list[_Line]  # the body's lines without the labels' pieces (a line of labels only left out)
    labels: list[Label]


def split_labels(body: list[_Line], rows_of: Callable[[list[_Line]], list[list[_Line]]]) -> Split | None:
    """The body's merged label columns, their labels and the lines left without them; None when the
    first column holds text in as many places as the table has rows (a label typed in every row)."""
    found: Split | None = None
    widest = max((p.last_column for line in body for p in line.pieces), default=0)
    for columns in range(1, widest):
        lines = _without(body, columns)
        labels = _labels(body, columns)
        rows = rows_of(lines) if lines else []
        counts = [sum(1 for label in labels if label.column == c) for c in range(columns)]
        if not rows or not all(0 < n < len(rows) or _cut_beside_one(rows, labels, n) for n in counts):
            break
        found = Split(columns, lines, labels)
    # Labels standing beside a row's text may be typed in the first row of their rows (a merge lost,
    # or never made), or be a column's text wrapped at the top of its rows: read as they stand.  Labels
    # merged and centred in their rows stand apart from the rows' text (set at their foot or top) but
    # where a block's middle falls on a row's line: half of them at least.
    if found is None or 2 * sum(label.apart for label in found.labels) < len(found.labels):
        return None
    return found


def _cut_beside_one(rows: list[list[_Line]], labels: list[Label], count: int) -> bool:
    """The page holds one row of the table, and a label printed above or below it heads a block a
    page break cuts (its label where the whole block's middle falls)."""
    top, foot = rows[0][0].top, max(line.bottom for line in rows[0])
    return len(rows) == count == 1 and any(not top <= label.middle <= foot for label in labels)


def _is_label(piece: _Piece, columns: int) -> bool:
    return piece.last_column < columns


def _without(lines: list[_Line], columns: int) -> list[_Line]:
    from kpi_lint.read.pdf_unruled import line_of

    out = []
    for line in lines:
        pieces = [p for p in line.pieces if not _is_label(p, columns)]
        if pieces:
            kept = line_of(pieces)
            kept.columns = {c: p for c, p in line.columns.items() if not _is_label(p, columns)}
            out.append(kept)
    return out


def _labels(lines: list[_Line], columns: int) -> list[Label]:
    """The labels of the first `columns` columns: their pieces, those of one column one under the
    other no further apart than half a line joined (a label wrapped in its cell)."""
    out: list[Label] = []
    for c in range(columns):
        pieces = sorted(
            (
                (p, all(_is_label(q, columns) for q in line.pieces))
                for line in lines
                for p in line.pieces
                if _is_label(p, columns) and p.column == c
            ),
            key=lambda found: found[0].top,
        )
        for p, apart in pieces:
            last = out[-1] if out and out[-1].column == c else None
            if last is not None and p.top - last.bottom <= 0.5 * (p.bottom - p.top):
                out[-1] = Label(c, min(last.x0, p.x0), max(last.x1, p.x1), last.top, p.bottom, last.apart and apart)
            else:
                out.append(Label(c, p.x0, p.x1, p.top, p.bottom, apart))
    return out


def blocks(columns: Sequence[Sequence[Label]], bounds: Sequence[float], open_top: bool) -> list[list[int]] | None:
    """For the labels of each column (top to bottom), the first row of each one's block, the rows'
    boundaries being `bounds` (the first row's top, between each two rows, the last row's foot).  Each
    block holds its label within its range, its middle as near the label's as the rows allow.  A block
    a page break cuts is printed with its label where the whole block's middle falls: the first
    (when its label stands above the first row, or the table runs on from the page before, `open_top`)
    began above, so its label stands no lower than the middle of its rows here; the last may run on
    below, so its label stands no higher.  None when the labels cannot share the rows so."""
    out: list[list[int]] = []
    inner: set[int] | None = None
    for labels in reversed(columns):  # the innermost (rightmost) column first
        # A label heads whole blocks of the column to its right (a 一级 label the rows of its 二级
        # labels): its blocks start where theirs do, when they can; else as its own labels tell.
        found = (_shared(labels, bounds, open_top, inner) if inner is not None else None) or _shared(
            labels, bounds, open_top
        )
        if found is None:
            return None
        out.append(found)
        inner = set(found)
    return out[::-1]


def _shared(
    labels: Sequence[Label], bounds: Sequence[float], open_top: bool, allowed: set[int] | None = None
) -> list[int] | None:
    """The first row of each label's block, the labels as near their blocks' middles as they can be
    (each block starting at one of `allowed`, when given)."""
    n, m = len(bounds) - 1, len(labels)
    if not m or m > n:
        return None
    inf = (float("inf"), 0.0)
    # cost[j][b]: the least misplacement of the first j labels over the first b rows, to the point (as
    # a page places its text), then the last label's distance from its block's middle (the table may
    # end on this page: a tie among sharings goes to the one that closes it); came[j][b]: where the
    # j-th block starts then
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    came = [[0] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = (0.0, 0.0)
    for j, label in enumerate(labels):
        slack = label.bottom - label.top
        cut_above = j == 0 and (open_top or label.middle < bounds[0])
        last = j == m - 1  # the table may run on past the page's foot
        for a in range(n):
            top = bounds[a]
            if cost[j][a] == inf or (label.middle < top - slack and not cut_above):
                continue
            for b in range(a + 1, n + 1):
                foot = bounds[b]
                if (b == n) != last or (label.middle > foot + slack and not last):
                    continue
                if b < n and allowed and b not in allowed:
                    continue
                off = label.middle - (top + foot) / 2  # below the block's middle when positive
                miss = abs(off)
                if cut_above:
                    miss = max(off, 0.0) if not last else 0.0
                elif last:
                    miss = -min(off, 0.0)
                here = (cost[j][a][0] + round(miss), abs(off) if last else 0.0)
                if here < cost[j + 1][b]:
                    cost[j + 1][b] = here
                    came[j + 1][b] = a
    if cost[m][n] == inf:
        return None
    starts = [0] * m
    b = n
    for j in range(m, 0, -1):
        starts[j - 1] = b = came[j][b]
    return starts if _centred(labels, bounds, open_top, starts) else None


def _centred(labels: Sequence[Label], bounds: Sequence[float], open_top: bool, starts: list[int]) -> bool:
    """Each label of a block the page does not cut stands within half a row of its block's middle: the
    rows tell where a block's middle is no closer than that.  Labels that stand further off are no
    centred labels of merged rows (a table's first column, typed, its cells wrapped)."""
    pitch = median(b - a for a, b in pairwise(bounds))
    ends = [*starts[1:], len(bounds) - 1]
    for j, (label, a, b) in enumerate(zip(labels, starts, ends, strict=True)):
        cut = (j == 0 and (open_top or label.middle < bounds[0])) or j == len(labels) - 1
        if not cut and abs(label.middle - (bounds[a] + bounds[b]) / 2) > pitch / 2:
            return False
    return True
