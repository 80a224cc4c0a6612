"""Tables printed without rulings (a Word table whose borders were removed, a sheet printed without
gridlines), rebuilt from where their words stand on the page.

pdfplumber finds a table by its ruling lines; a borderless table has none, and its text read line by
line scatters each wrapped cell over several rows.  pdfplumber's own text strategy
(``vertical_strategy="text"``, ``horizontal_strategy="text"``) makes a row of every printed line and
merges a column whose words stand only in the header into its neighbour, so the table is rebuilt
here from pdfplumber's words:

* **lines**: words whose heights overlap (each on the line it overlaps most), the line as high as most
  of its text stands (a glyph of another font set a little higher does not stretch it);
* **pieces**: the words of a line closer than about half a character (one cell's text on that line;
  two cells stand their margins apart), unless the later word starts where a column starts on three
  lines or more (a sheet's cells can stand a space apart);
* **tables**: runs of lines without a gap of several lines, from the first line of two pieces or
  more to the last, with the wrapped lines of the last row; three such lines at least.  A run after a
  gap goes on with the table above when it stands in that table's columns and holds a line of two
  cells (not a title or a note) and no table of other columns: the gap was the blank space of a sheet
  row taller than its text (above the text set at the foot of its cells, below text set at the top);
  a label centred in its merged rows may stand alone in that space;
* **columns**: the boundary in each gap between the pieces of the header (the line with the most
  pieces) is where the fewest lines cross; a gap that three lines share and no line crosses adds
  one.  A piece over a boundary is cut at a gap between its words there, or spans the columns;
* **rows**: lines further apart than a cell's lines (rows set apart by spacing, or more than 1.8
  heights) are rows.  Otherwise a line goes on the row above when each cell it shares with the line
  above had no room left there for its first word (the cell wrapped), no cell of the row starts again
  after a line without it, and, for a table whose text stands at the top (or foot) of its rows, no
  cell starts below the row's first line (or ends above its last);
* **pages**: lines at the top of a page that stand in the columns of the previous page's last table
  go on with it (the rest of a row cut by the page break, with the table's blank columns).

Each table is returned as a pdfplumber ``Table`` of its cells' boxes, so it is read as a ruled one is
(``pdf_reader._grid``), each cell anchored by page, table, row, cell and its box's corner.  Known
limits: a merged label centred vertically in its rows stands on a row of its own (as in the text
path); a cell centred beside a wrapped one prints between two lines; a row whose every shared cell
ends exactly at its column's edge joins the row below; text in a cell with 1.5-line spacing reads
as one row per line.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field, replace
from itertools import accumulate, pairwise
from statistics import median
from typing import Any

from kpi_lint.read.pdf_merged_labels import Label, Split, blocks, split_labels

BBox = tuple[float, float, float, float]

_PIECE_GAP = 0.45  # words closer than this many characters' height are one cell's text
_LEFT_SET = 0.5  # the share of pieces starting at their column's start that makes text set to the left
_MIN_TABLE_LINES = 3  # lines of two cells or more a table needs
_ROW_GAP = 0.35  # a line further below the one above than a text line's pitch plus this many heights starts a row
_BREAK = 3.0  # a gap of this many lines' height between two lines ends a table
_LINE_PITCH = 1.8  # a wrapped cell's lines stand no further apart than this many heights
_SAME_LINE = 0.7  # words whose heights share this much of the shorter one stand on one line (middles 0.3 apart)
_SPACED = 1.9  # rows set apart by less than this many lines' pitch are set apart by spacing, not empty lines


@dataclass
class _Piece:
    x0: float
    x1: float
    top: float
    bottom: float
    first: float  # width of the first word that could not have been wrapped apart (a CJK character)
    column: int = 0
    last_column: int = 0
    gaps: list[tuple[float, float, float]] = field(default_factory=list)  # between its words: x0, x1, first


@dataclass
class _Line:
    pieces: list[_Piece]
    top: float
    bottom: float
    columns: dict[int, _Piece] = field(default_factory=dict)

    @property
    def height(self) -> float:
        return self.bottom - self.top


Edges = tuple[float, ...]  # a rebuilt table's left edge, the boundaries between its columns, its right edge


@dataclass(frozen=True)
class Foot:
    """Where a rebuilt table ends: its columns, its last printed line (placed in them) and how far
    right the text of each column reaches.  A table that a page break cuts runs on from here."""

    edges: Edges
    line: _Line
    rights: dict[int, float]
    align: str = ""  # where the rows set their text (_Rows.align)
    at_foot: bool = True  # no text follows the table on its page (but apart, a page number)
    starts: tuple[float, ...] = ()  # where the text of each column but the first starts, at the left
    under: int = 0  # how many rows the table holds under its header (all, for a table run on)

    def bounds(self, lines: list[_Line] | None = None) -> list[float]:
        """The boundaries between the columns for the lines that run on: text set to the left of its
        cells may reach up to where the next column's text starts (a wider cell on the next page goes
        past the middle of the gap seen here).  Given the `lines` that run on, a boundary moves there
        only when one of them crosses it."""
        inner = self.edges[1:-1]
        if not self.starts:
            return list(inner)
        return [
            max(b, s - 1) if lines is None or _crosses_at(lines, b) else b
            for b, s in zip(inner, self.starts, strict=True)
        ]

    def continued_by(self, line: _Line, reach: dict[int, float] | None = None) -> bool:
        """`line`, the first of the next page, holds the rest of cells cut at this foot: each of its
        cells stands in a column whose text reached the last line here with no room left there for
        the cell's first word (the cell wrapped at the page's end, as within a page).  `reach`: how far
        right the text of each column reaches on the next page (a cell's edge is the same there)."""
        if not line.columns or not self.at_foot or not self.under:  # a header row is not cut: rows follow
            return False
        for c, piece in line.columns.items():
            above = self.line.columns.get(c)
            if above is None:
                return False
            room = max(self.rights.get(c, above.x1), (reach or {}).get(c, 0.0)) - above.x1
            if room > piece.first + 0.5 * (piece.bottom - piece.top):
                return False
        return True


@dataclass
class Unruled:
    """A page's tables printed without rulings."""

    tables: list[Any]  # pdfplumber tables, top to bottom
    last: Foot | None  # where the last one ends
    runs_on: bool  # the first one runs on with the last table of the page before, in its columns
    cut: bool  # and its first row is the rest of that table's last row, cut by the page break
    carried: Foot | None = None  # where that table ended on the page before
    opening: list[_Line] = field(default_factory=list)  # the lines of the first one, when it runs on
    texts: dict[BBox, BBox] = field(default_factory=dict)  # a merged label's cell → where its text stands
    align: str = ""  # where the rows of the table run on from the page before set their text (_Rows.align)

    def cut_below(self, top: float) -> bool:
        """The row of the run-on table whose box starts at `top` (under a header printed again,
        ``pdf_repeated_header``) is the rest of the row cut at the page before's foot: its first line
        continues that foot (`Foot.continued_by`)."""
        line = next((line for line in self.opening if line.bottom > top + 0.5), None)
        return self.carried is not None and line is not None and self.carried.continued_by(line)


def unruled_tables(page: Any, ruled: list[BBox], carried: Foot | None = None, align: str = "") -> Unruled:
    """The tables printed on `page` without rulings, outside the ruled tables' boxes, as pdfplumber
    tables (their cells' boxes), and the columns of the last one.  `carried`: the columns of the last
    table of the page before.  The lines at the top of the page that stand in those columns run on
    with that table (the rest of a row cut by the page break, rows of one cell included), and keep
    all its columns (a column blank on this page is still a column).  Its first row is the rest of
    the row the page break cut when its first line continues `carried`'s last (`Foot.continued_by`).
    `align`: where the rows of a table set their text, when its lines here do not tell (`_Rows.align`;
    told by the rows of the same table on the next page)."""
    from pdfplumber.table import Table

    # Words apart by more than a point and a half: two cells of a sheet can stand closer than the 3
    # points pdfplumber allows inside a word.
    words = [w for w in page.extract_words(x_tolerance=1.5, return_chars=True) if not centred_in(w, ruled)]
    tables: list[Any] = []
    placed: list[dict[BBox, BBox]] = []  # for each table, where the text of its merged labels' cells stands
    last: Foot | None = None
    runs_on = cut = False
    opening: list[_Line] = []
    opening_align = ""
    printed = _lines(words)
    # A label merged down rows that a page break cuts is printed where its whole block's middle falls:
    # off this page (kept in the text layer, unseen), above or below it.  It heads the rows the page holds.
    lines = [line for line in printed if page.bbox[1] < line.bottom and line.top < page.bbox[3]]
    off_above = [line for line in printed if line.bottom <= page.bbox[1]]
    off_below = [line for line in printed if line.top >= page.bbox[3]]
    read: list[_Line] = []  # the lines of the last table made, when they end their run
    read_opens = False  # and that table opens a page it runs on to
    led = False  # the last table is the one run on from the page before, and it ends its run
    held: list[_Line] = []  # runs since, in its columns, of lines of one piece (a merged label)
    for k, run in enumerate(_runs(lines)):
        above = last if read or led else None  # a table the gap before `run` may stand inside
        resumes = above is not None and _resumes(run, above)
        if above is not None and not resumes and _one_piece_inside(run, above):
            held.extend(run)  # a label centred in its merged rows may stand in a tall row's blank space
            continue
        run, held = ([*held, *run] if resumes else run), []
        opens = k == 0 and carried is not None
        if carried is not None and (k == 0 or (led and resumes)):
            lead = _leading(run, carried)  # the page's first lines, or after a gap in the table they run on
            if lead:
                if k:
                    del tables[-1], placed[-1]
                opening = [*opening, *run[:lead]]
                cells, last, texts = _cells(opening, carried.bounds(opening), carried, beyond=off_above)
                opening_align = last.align
                tables.append(Table(page, cells))
                placed.append(texts)
                runs_on = True
                cut = carried.continued_by(opening[0], last.rights)
                run = run[lead:]
        led = runs_on and not run
        if read and resumes:
            del tables[-1], placed[-1]  # the gap was blank space inside the table (a tall row): made again as one
            run, opens = [*read, *run], read_opens
        made = _table(run, runs_on=opens, align=align) if run else None
        read = []
        if made is not None:
            tables.append(Table(page, made[0]))
            placed.append(made[2])
            last = made[1]
            read, read_opens = (run if made[1].line is run[-1] else []), opens
    beyond = [*held, *off_below]  # labels under the page's last table, of its rows the page break cuts
    if beyond and (read or led) and last is not None:
        remade = (
            _cells(opening, carried.bounds(opening), carried, beyond=[*off_above, *beyond])
            if led and carried is not None
            else _table(read, runs_on=read_opens, beyond=beyond, align=align)
        )
        if remade is not None and remade[2]:
            tables[-1], placed[-1], last = Table(page, remade[0]), remade[2], remade[1]
    if last is not None and lines:
        height = median(line.height for line in lines)
        below = [line.top - last.line.bottom for line in lines if line.top > last.line.bottom]
        last = replace(last, at_foot=all(gap > _BREAK * height for gap in below))
    texts = {b: at for table_texts in placed for b, at in table_texts.items()}
    return Unruled(tables, last, runs_on, cut, carried, opening, texts, opening_align)


def centred_in(obj: dict[str, Any], boxes: list[BBox]) -> bool:
    """The middle of a pdfplumber object (a word, a character) stands inside one of `boxes`."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


# Characters a line may not start with (closing marks) or end with (opening marks): a line breaks
# before the character in front of them, or before them (禁则).
_NO_START = set("，。、；：！？）】》」』”’,.;:!?)]%")
_NO_END = set("（【《「『“‘([")


def _first_width(word: dict[str, Any]) -> float:
    """How wide the first part of a word is that a line cannot break inside: one wide (CJK)
    character, with the opening marks before it and the closing marks after it, or the run of narrow
    ones before the first wide one."""
    chars = word.get("chars") or []
    if not chars:
        return float(word["x1"] - word["x0"])
    texts = [c["text"][:1] or " " for c in chars]
    end = 0
    while end < len(texts) - 1 and texts[end] in _NO_END:
        end += 1
    if _is_wide(texts[end]):
        end += 1
        while end < len(texts) and texts[end] in _NO_START:
            end += 1
    else:
        while end < len(texts) and not _is_wide(texts[end]):
            end += 1
    return float(chars[max(end, 1) - 1]["x1"] - chars[0]["x0"])


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    """Words grouped into printed lines (`_line_words`), each line's words into pieces."""
    lines = _line_words([_set(word) for word in words])
    starts = _column_starts(lines)
    out: list[_Line] = []
    for line in lines:
        pieces: list[_Piece] = []
        for word in line:
            height = float(word["bottom"] - word["top"])
            gap = word["x0"] - pieces[-1].x1 if pieces else 0.0
            close = pieces and gap <= _PIECE_GAP * max(height, pieces[-1].bottom - pieces[-1].top)
            if close and not (round(word["x0"]) in starts and gap >= 1):
                last_piece = pieces[-1]
                last_piece.gaps.append((last_piece.x1, float(word["x0"]), _first_width(word)))
                last_piece.x1 = max(last_piece.x1, float(word["x1"]))
                last_piece.top = min(last_piece.top, float(word["top"]))
                last_piece.bottom = max(last_piece.bottom, float(word["bottom"]))
                continue
            pieces.append(
                _Piece(
                    float(word["x0"]), float(word["x1"]), float(word["top"]), float(word["bottom"]), _first_width(word)
                )
            )
        out.append(line_of(pieces))
    return out


def line_of(pieces: list[_Piece]) -> _Line:
    """A printed line of `pieces`, as high as most of its text stands (`_extent`): a glyph set a little
    higher or lower (another font's ≥, ％ or digits, a superscript) does not stretch it."""
    top, bottom = _extent([(p.top, p.bottom, p.x1 - p.x0) for p in pieces])
    return _Line(pieces, top, bottom)


def _extent(boxes: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Where most of the text of `boxes` (top, bottom, width) stands: the medians of their tops and of
    their bottoms, each box counting as wide as it is."""

    def weighted_median(values: list[tuple[float, float]]) -> float:
        ordered = sorted(values)
        half = sum(w for _, w in ordered) / 2
        weights = accumulate(w for _, w in ordered)
        return next((v for (v, _), acc in zip(ordered, weights, strict=True) if acc >= half), ordered[-1][0])

    return weighted_median([(t, w) for t, _, w in boxes]), weighted_median([(b, w) for _, b, w in boxes])


def _set(word: dict[str, Any]) -> dict[str, Any]:
    """A word as high as most of its characters stand (`_extent`): pdfplumber's box spans them all."""
    chars = word.get("chars") or []
    if not chars:
        return word
    top, bottom = _extent([(float(c["top"]), float(c["bottom"]), float(c["x1"] - c["x0"])) for c in chars])
    return {**word, "top": top, "bottom": bottom}


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How much of the shorter of two vertical extents (top, bottom) the other covers, 0 to 1."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0])) / shorter if shorter > 0 else float(a == b)


def _line_words(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into printed lines: each joins the line its vertical extent overlaps most, when
    they share more than half the shorter of the two (a glyph offset by less than half a line, as
    another font's ≥ or digits stand, stays on its line; a cell's text set between two lines of its
    neighbour's does not join either).  A line stands where most of its words do (`_extent`); the
    words are placed a second time against the lines so found, in order of their middles."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"] + w["bottom"]) / 2):
        if lines and _overlap(_word_box(word), _words_extent(lines[-1])) >= _SAME_LINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    extents = [_words_extent(line) for line in lines]
    placed: list[list[dict[str, Any]]] = [[] for _ in lines]
    for k, line in enumerate(lines):
        near = range(max(k - 1, 0), min(k + 2, len(lines)))
        for word in line:
            best = max(near, key=lambda j: (_overlap(_word_box(word), extents[j]), j == k))
            placed[best if _overlap(_word_box(word), extents[best]) >= _SAME_LINE else k].append(word)
    out = [line for line in placed if line]
    for line in out:
        line.sort(key=lambda w: w["x0"])
    return out


def _word_box(word: dict[str, Any]) -> tuple[float, float]:
    return float(word["top"]), float(word["bottom"])


def _words_extent(words: list[dict[str, Any]]) -> tuple[float, float]:
    return _extent([(float(w["top"]), float(w["bottom"]), float(w["x1"] - w["x0"])) for w in words])


def _column_starts(lines: list[list[dict[str, Any]]]) -> set[int]:
    """Where the cells of a column start: the x (to the point) at which words start on three lines or
    more, each first on its line or far from the word before.  A sheet leaves the text of two cells
    only a space apart; where the columns start tells them apart."""
    counts: Counter[int] = Counter()
    for line in lines:
        at = {round(line[0]["x0"])}
        for before, word in pairwise(line):
            if word["x0"] - before["x1"] > _PIECE_GAP * (word["bottom"] - word["top"]):
                at.add(round(word["x0"]))
        counts.update(at)
    often = {x for x, n in counts.items() if n >= _MIN_TABLE_LINES}
    return {x + d for x in often for d in (-1, 0, 1)}


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """The lines in runs, cut where the page leaves a gap of several lines."""
    if not lines:
        return []
    height = median(line.height for line in lines)
    runs: list[list[_Line]] = [[lines[0]]]
    for above, line in pairwise(lines):
        if line.top - above.bottom > _BREAK * height:
            runs.append([line])
        else:
            runs[-1].append(line)
    return runs


def _leading(run: list[_Line], carried: Foot) -> int:
    """How many lines at the start of `run` stand in the columns of the table `carried`: no piece over
    a boundary between two columns (`Foot.bounds`) or far outside the table."""
    em = median(line.height for line in run)
    edges = carried.edges
    # Between two columns, from the middle of the gap seen (`Foot.edges`) to where the right one's text
    # started (`Foot.bounds`): a left-set cell may reach past the one, a centred one start before the other.
    spans = list(zip(edges[1:-1], carried.bounds(), strict=True))
    count = 0
    for line in run:
        outside = any(p.x0 < edges[0] - 2 * em or p.x1 > edges[-1] + 2 * em for p in line.pieces)
        if outside or any(p.x0 + 1 < min(span) and max(span) < p.x1 - 1 for p in line.pieces for span in spans):
            break
        count += 1
    return count


def _resumes(run: list[_Line], foot: Foot) -> bool:
    """`run`, after a gap of several lines' height, goes on with the table `foot` ends: its lines up to
    its first line of cells in two columns or more stand in that table's columns.  A sheet's row taller
    than its text (its height typed, or fitted to a wider font) leaves blank lines in the table: above
    the row's text when it is set at the foot of its cells (Excel's default), below it when set at the
    top.  A title, a note or a table of other columns after a gap crosses the columns or holds no such
    line, and stands apart."""
    bounds = foot.bounds()
    leading = _leading(run, foot)
    lead = run[:leading]
    if not any(len({sum(1 for b in bounds if b <= p.x0 + 1) for p in line.pieces}) >= 2 for line in lead):
        return False
    own = _table(deepcopy(run))  # a table of its own in other columns (a sheet's next block) stands apart
    if own is None:
        return True
    inner, starts = own[1].edges[1:-1], [p.x0 for line in run for p in line.pieces]

    def same(a: float, b: float) -> bool:  # no text starts between the two boundaries
        return not any(min(a, b) < x < max(a, b) for x in starts)

    if len(inner) == len(bounds) and all(same(a, b) for a, b in zip(inner, bounds, strict=True)):
        return True
    # Every line stands in the table's columns, and the few lines read alone (a tall row's text with a
    # label beside it) found no boundary of their own: each of theirs is one of the table's.
    return leading == len(run) and all(any(same(a, b) for b in bounds) for a in inner)


def _one_piece_inside(run: list[_Line], foot: Foot) -> bool:
    """Every line of `run` is of one piece, in a column of the table `foot` ends (no table of its own)."""
    return all(len(line.pieces) == 1 for line in run) and _leading(run, foot) == len(run)


class _Crossings:
    """How many lines of a table have a piece over each x (by half points)."""

    _STEP = 0.5

    def __init__(self, lines: list[_Line]) -> None:
        pieces = [p for line in lines for p in line.pieces]
        self.origin = min(p.x0 for p in pieces) - 2
        diff = [0] * (int((max(p.x1 for p in pieces) - self.origin) / self._STEP) + 4)
        for p in pieces:  # the pieces of one line do not overlap: each line counts once
            first = math.floor((p.x0 + 1 - self.origin) / self._STEP) + 1
            last = math.ceil((p.x1 - 1 - self.origin) / self._STEP) - 1
            if first <= last:
                diff[first] += 1
                diff[last + 1] -= 1
        self.counts = list(accumulate(diff))

    def at(self, x: float) -> int:
        i = round((x - self.origin) / self._STEP)
        return self.counts[i] if 0 <= i < len(self.counts) else 0


def _boundaries(region: list[_Line]) -> list[float]:
    """The x of each boundary between two columns, left to right: in each gap between two pieces of
    the line with the most pieces (the header; of several, the one whose boundaries cut the fewest
    lines, then whose gaps most lines share), and in each gap that three lines share, few others
    cross and no header piece stands over, the point the fewest lines of the table cross (a wrapped
    cell's lines of one piece count).  Of two in one gap, the header's or the least crossed."""
    multi = [line for line in region if len(line.pieces) >= 2]
    gaps = [(a.x1, b.x0) for line in multi for a, b in pairwise(line.pieces)]
    crossings = _Crossings(region)

    def fit(line: _Line) -> tuple[int, int]:
        """How few lines its boundaries cut, then how many gaps of other lines they stand in."""
        points = [q for a, b in pairwise(line.pieces) if (q := _quietest(crossings, a.x1, b.x0))]
        return -sum(q[1] for q in points), sum(1 for q in points for left, right in gaps if left <= q[0] <= right)

    widest = max(len(line.pieces) for line in multi)
    header = max((line for line in multi if len(line.pieces) == widest), key=fit)
    found: list[tuple[float, bool, int]] = []  # x, from the header, lines crossing
    for line in multi:
        for a, b in pairwise(line.pieces):
            best = _quietest(crossings, a.x1, b.x0)
            if best is None:
                continue
            x, crossed = best
            if line is header:
                found.append((x, True, crossed))
                continue
            # Another line's gap counts when it is the same one: a boundary between two of its cells.
            shared = sum(1 for left, right in gaps if left <= x <= right)
            under_header = any(p.x0 < x < p.x1 for p in header.pieces)
            if crossed == 0 and shared >= _MIN_TABLE_LINES and not under_header:
                found.append((x, False, crossed))
    found.sort()
    pieces = [p for line in region for p in line.pieces]
    out: list[tuple[float, bool, int]] = []
    for x, from_header, crossed in found:  # one boundary per gap between the pieces
        if out and not any(p.x0 >= out[-1][0] and p.x1 <= x for p in pieces):
            _, kept_header, kept_crossed = out[-1]
            if (from_header, -crossed) > (kept_header, -kept_crossed):
                out[-1] = (x, from_header, crossed)
            continue
        out.append((x, from_header, crossed))
    return [x for x, _, _ in out]


def _quietest(crossings: _Crossings, left: float, right: float) -> tuple[float, int] | None:
    """The middle of the least crossed stretch between `left` and `right`, and how many lines cross it."""
    if right - left < 1:
        return None
    steps = max(2, int(right - left))
    xs = [left + (right - left) * k / steps for k in range(steps + 1)]
    counts = [crossings.at(x) for x in xs]
    least = min(counts)
    at = [x for x, c in zip(xs, counts, strict=True) if c == least]
    # the widest run of the least crossed points; its middle
    runs: list[list[float]] = []
    for x in at:
        if runs and x - runs[-1][-1] <= (right - left) / steps + 1e-6:
            runs[-1].append(x)
        else:
            runs.append([x])
    run = max(runs, key=len)
    return (run[0] + run[-1]) / 2, least


def _place(region: list[_Line], bounds: list[float]) -> None:
    """Each piece's first and last column; each line's pieces by first column (pieces of one column
    on a line taken as one)."""
    for line in region:
        line.columns = {}
        line.pieces = [part for p in line.pieces for part in _split(p, bounds)]
        for p in line.pieces:
            p.column = sum(1 for b in bounds if b <= p.x0 + 1)
            p.last_column = sum(1 for b in bounds if b < p.x1 - 1)
            p.last_column = max(p.column, p.last_column)
            held = line.columns.get(p.column)
            if held is None:
                line.columns[p.column] = p
            else:
                line.columns[p.column] = _Piece(
                    held.x0,
                    max(held.x1, p.x1),
                    min(held.top, p.top),
                    max(held.bottom, p.bottom),
                    held.first,
                    held.column,
                    max(held.last_column, p.last_column),
                )


def _left_set(region: list[_Line]) -> bool:
    """Most pieces start where the others of their column start (text set to the left of its cells,
    as Word and Excel set it by default).  Centred text gives no column starts, and the room a line
    leaves at its column's edge says nothing of whether it wrapped: such a table is left to the text
    path, a row per line."""
    starts: dict[int, Counter[int]] = {}
    for line in region:
        for p in line.pieces:
            if p.column == p.last_column:
                starts.setdefault(p.column, Counter())[round(p.x0)] += 1
    total = sum(sum(c.values()) for c in starts.values())
    at_start = sum(max(c[x - 1] + c[x] + c[x + 1] for x in c) for c in starts.values())
    return at_start >= _LEFT_SET * total


def _split(piece: _Piece, bounds: list[float]) -> list[_Piece]:
    """A piece over a boundary, cut at the gap between its words at that boundary (two cells of
    centred text a space apart); as it is when it has no such gap (one cell over several columns)."""
    em = piece.bottom - piece.top
    for b in bounds:
        if not piece.x0 + 1 < b < piece.x1 - 1:
            continue
        near = [g for g in piece.gaps if g[0] - em <= b <= g[1] + em]
        if near:
            left, right, first = max(near, key=lambda g: g[1] - g[0])
            before = _Piece(
                piece.x0, left, piece.top, piece.bottom, piece.first, gaps=[g for g in piece.gaps if g[1] <= left]
            )
            after = _Piece(
                right, piece.x1, piece.top, piece.bottom, first, gaps=[g for g in piece.gaps if g[0] >= right]
            )
            return [*_split(before, bounds), *_split(after, bounds)]
    return [piece]


def _crosses(line: _Line, bounds: list[float] | tuple[float, ...]) -> bool:
    return any(p.x0 + 1 < x < p.x1 - 1 for p in line.pieces for x in bounds)


def _crosses_at(lines: list[_Line], x: float) -> bool:
    return any(_crosses(line, (x,)) for line in lines)


def _table(
    run: list[_Line], runs_on: bool = False, beyond: list[_Line] | None = None, align: str = ""
) -> tuple[list[BBox], Foot, dict[BBox, BBox]] | None:
    """The cells of the table in a run of lines: from its first line of two pieces or more to the
    last, with the lines of one piece between them and the wrapped lines of its last row; None when
    fewer than three lines stand in two columns or more.  `runs_on`: the run opens a page after a
    table printed without rulings, and its lines of one piece above may be its first row's.  `beyond`:
    labels printed apart from the table's rows (`_cells`); `align`: where the rows set their text when
    its lines do not tell."""
    multi = [i for i, line in enumerate(run) if len(line.pieces) >= 2]
    if len(multi) < _MIN_TABLE_LINES:
        return None
    region = run[multi[0] :]
    bounds = _boundaries(region)
    if not bounds:
        return None
    _place(region, bounds)
    aligned = [line for line in region if len({p.column for p in line.pieces}) >= 2]
    if len(aligned) < _MIN_TABLE_LINES or not _left_set(region):
        return None
    # After the last line of two cells, only the wrapped lines of the last row: lines of one piece
    # that stay inside one column, each a line's height or less below the one above.
    end = region.index(aligned[-1])
    height = median(line.height for line in region)
    while end + 1 < len(region):
        line = region[end + 1]
        if not _one_cell(line) or line.top - region[end].bottom > height:
            break
        end += 1
    table = region[: end + 1]
    above = _foot_set_start(run[: multi[0]], region, bounds, height, wrapped_only=not runs_on)
    return _cells([*above, *table], bounds, None, measured=table, beyond=beyond, align=align)


def _one_cell(line: _Line) -> bool:
    return len(line.pieces) == 1 and line.pieces[0].last_column == line.pieces[0].column


def _foot_set_start(
    before: list[_Line], region: list[_Line], bounds: list[float], height: float, wrapped_only: bool = False
) -> list[_Line]:
    """The first lines of the first row of `region` that stand above it: in a table whose text is
    set at the foot of its rows (a sheet's default), a wrapped cell of the first row starts lines
    above the row's other cells.  All the lines `before` it, when each is of one piece inside one
    column and a line's height or less above the next, and either (at the top of a page where the
    table runs on) in a column other than the first (a title stands at the left or over several
    columns), or (`wrapped_only`, anywhere) wrapped into the next line's piece of its column, with no
    room left for that piece's first word (a title stops where it ends, not at a column's edge)."""
    reader = _reader(region)
    if reader.align != "bottom":
        return []
    start = len(before)
    while start > 0:
        line = before[start - 1]
        _place([line], bounds)
        first = region[0] if start == len(before) else before[start]
        if not _one_cell(line) or first.top - line.bottom > height:
            break
        c = line.pieces[0].column
        # Wrapped into the line below; or, at the top of a page the table runs on to, any column but the first.
        joins = (c in first.columns and reader.wrapped(line, first, c, 0.5)) if wrapped_only else c != 0
        if not joins:
            break
        start -= 1
    return before if start == 0 else []


def _cells(
    region: list[_Line],
    bounds: list[float],
    carried: Foot | None,
    measured: list[_Line] | None = None,
    beyond: list[_Line] | None = None,
    align: str = "",
) -> tuple[list[BBox], Foot, dict[BBox, BBox]]:
    """The boxes of the cells of the rows of `region` in the columns `bounds` (as wide as the table
    `carried` at least, whose rows it continues), merged across the columns a piece spans, and the
    columns' edges.  `measured`: the lines that tell how the rows are read (`_reader`), when the
    first lines of `region` were taken into its first row from above it (`_foot_set_start`).  Labels
    merged down their rows (`pdf_merged_labels`) make one cell over the rows of their block; the box of
    each such cell maps to where its label's text stands (beside its rows, or off the page).  `beyond`:
    lines of one piece printed apart from the rows, above or below them, read only as such labels (of
    blocks a page break cuts)."""
    _place(region, bounds)
    beyond = [line for line in beyond or [] if len(line.pieces) == 1]
    _place(beyond, bounds)
    rights = carried.rights if carried is not None else None

    def reader_of(lines: list[_Line]) -> _Rows:
        reader = _reader(lines, rights)
        if not reader.align:  # a page's few rows may not tell; the table's rows before (or after) do
            reader.align = carried.align if carried is not None else align
        return reader

    whole = reader_of(measured or region)
    head = 0 if carried is not None else _header_end(region, whole)

    def split_at(head: int) -> Split | None:
        body = sorted([*region[head:], *beyond], key=lambda line: line.top)
        return split_labels(body, lambda lines: _rows(lines, reader_of(lines)))

    split = split_at(head)
    if split is not None and head and not whole.align:
        # labels standing between a cell's lines hid where the rows set their text: read without them,
        # the rows may tell, and the header's row ends where they say
        told = reader_of([*region[:head], *split.lines])
        if told.align:
            whole = replace(whole, align=told.align)
            if (again := _header_end(region, whole)) != head:
                head, split = again, split_at(again)
    merged = _Merged.of(region[:head], split, carried is not None, reader_of, whole) if split is not None else None
    if merged is None:
        reader = whole
        rows, kept = _rows(region, reader), region
    else:
        reader, rows, kept = merged.reader, merged.rows, [*region[:head], *merged.split.lines]
    left = min(p.x0 for line in region for p in line.pieces) - 1
    right = max(p.x1 for line in region for p in line.pieces) + 1
    if carried is not None:
        left, right = min(left, carried.edges[0]), max(right, carried.edges[-1])
    edges = (left, *bounds, right)
    cells: list[BBox] = []
    texts: dict[BBox, BBox] = {}  # a merged label's cell → where its text stands
    for k, row in enumerate(rows):
        top = min(line.top for line in row) - 1
        bottom = rows[k + 1][0].top - 1 if k + 1 < len(rows) else max(line.bottom for line in row) + 1
        spans = list(range(len(edges) - 1))  # span[c]: the first column of the cell holding column c
        for line in row:
            for p in line.columns.values():
                for c in range(p.column + 1, p.last_column + 1):
                    spans[c] = spans[p.column]
        for c in range(len(spans)):
            if merged is not None and merged.covers(k, c):
                head_of = merged.heads.get((k, c))
                if head_of is not None:  # a merged label's cell, down to its block's last row
                    end, label = head_of
                    foot = rows[end + 1][0].top - 1 if end + 1 < len(rows) else max(ln.bottom for ln in rows[end]) + 1
                    cells.append((edges[c], top, edges[c + 1], foot))
                    texts[cells[-1]] = label.box
            elif spans[c] == c:
                end = c
                while end + 1 < len(spans) and spans[end + 1] == c:
                    end += 1
                cells.append((edges[c], top, edges[end + 1], bottom))
    # the table's last line with text of its rows (a label printed below them is no row's)
    last = region[-1] if merged is None else next(ln for ln in reversed(region) if merged.holds_row_text(ln))
    under = len(rows) - (merged.first if merged is not None else len(_rows(region[:head], whole)) if head else 0)
    return (
        cells,
        Foot(
            edges,
            last,
            reader.rights,
            reader.align,
            starts=_starts(kept, bounds, carried.starts if carried else ()),
            under=under,
        ),
        texts,
    )


def _header_end(region: list[_Line], reader: _Rows) -> int:
    """The index of the first line under the table's header: the row of its first line with the most
    columns (the header names every column; a row under merged labels leaves theirs out)."""
    widest = max(len(line.columns) for line in region)
    first = next(line for line in region if len(line.columns) == widest)
    for row in _rows(region, reader):
        if any(line is first for line in row):
            return region.index(row[-1]) + 1
    return 0


@dataclass
class _Merged:
    """A table's rows read apart from its merged labels, and the block each label heads."""

    split: Split
    reader: _Rows
    rows: list[list[_Line]]  # the header's rows, then the body's
    first: int  # the first row of the body
    heads: dict[tuple[int, int], tuple[int, Label]]  # (row, column) → the block's last row and its label

    @classmethod
    def of(
        cls, head: list[_Line], split: Split, runs_on: bool, reader_of: Callable[[list[_Line]], _Rows], whole: _Rows
    ) -> _Merged | None:
        """`whole`: how the rows of the whole table, labels and all, are read (the header's rows, as before)."""
        reader = reader_of([*head, *split.lines])
        body = _rows(split.lines, reader)
        rows = [*(_rows(head, whole) if head else []), *body]
        bounds = _row_bounds(body, head[-1] if head else None, reader.align or _one_line_cells(body))
        heads: dict[tuple[int, int], tuple[int, Label]] = {}
        first = len(rows) - len(body)
        columns = [[label for label in split.labels if label.column == c] for c in range(split.columns)]
        found = blocks(columns, bounds, runs_on)
        if found is None:
            return None
        for c, (labels, starts) in enumerate(zip(columns, found, strict=True)):
            for s, end, label in zip(starts, [*starts[1:], len(body)], labels, strict=True):
                heads[first + s, c] = (first + end - 1, label)
        return cls(split, reader, rows, first, heads)

    def covers(self, row: int, column: int) -> bool:
        """The slot stands in a merged label's cell (a body row's label column)."""
        return row >= self.first and column < self.split.columns

    def holds_row_text(self, line: _Line) -> bool:
        return any(p.last_column >= self.split.columns for p in line.pieces)


def _one_line_cells(rows: list[list[_Line]]) -> str:
    """Where the rows set their text, from the cells of one line in rows of several: on the row's last
    line ("bottom", a sheet's default), its first ("top"), or between ("" too when no row tells)."""
    votes: Counter[str] = Counter()
    for row in rows:
        if len(row) < 2:
            continue
        for c in {c for line in row for c in line.columns}:
            at = [k for k, line in enumerate(row) if c in line.columns]
            if len(at) == 1:
                votes["top" if at[0] == 0 else "bottom" if at[0] == len(row) - 1 else ""] += 1
    return votes.most_common(1)[0][0] if votes else ""


def _row_bounds(body: list[list[_Line]], above: _Line | None, align: str) -> list[float]:
    """Where each row of `body` begins and the last ends, as a sheet's rows do: under the text of the
    row above when the text stands at the foot of its rows, at its first line when at the top, midway
    between otherwise."""
    tops = [row[0].top for row in body]
    foots = [max(line.bottom for line in row) for row in body]
    before = [above.bottom if above is not None else tops[0], *foots[:-1]]
    if align == "bottom":
        inner = before
    elif align == "top":
        inner = tops
    else:
        inner = [(a + b) / 2 for a, b in zip(before, tops, strict=True)]
    if above is None:
        inner[0] = tops[0]
    return [*inner, foots[-1]]


def _starts(region: list[_Line], bounds: list[float], before: tuple[float, ...] = ()) -> tuple[float, ...]:
    """Where the text of each column but the first starts, when it is set to the left there (more
    than half of its pieces start where the leftmost does); else the boundary before it (figures set
    to the right start anywhere).  A column with no text here (merged labels printed on another page)
    keeps where it started `before`, on the table's page before."""
    out = []
    for c, b in enumerate(bounds, start=1):
        xs = [p.x0 for line in region for p in line.pieces if p.column == c]
        if not xs and len(before) == len(bounds):
            out.append(before[c - 1])
            continue
        first = min(xs, default=b)
        out.append(first if sum(1 for x in xs if x - first <= 1) > _LEFT_SET * len(xs) else b)
    return tuple(out)


def _rows(region: list[_Line], reader: _Rows) -> list[list[_Line]]:
    """The lines of each table row."""
    rows: list[list[_Line]] = [[region[0]]]
    for line in region[1:]:
        row = rows[-1]
        if reader.goes_on(row, line):
            row.append(line)
        else:
            rows.append([line])
    return rows


def _reader(region: list[_Line], carried: dict[int, float] | None = None) -> _Rows:
    """How the lines of the table `region` (placed in its columns) make its rows.  `carried`: how far
    right each column's text reached on the page before, when the table runs on in its columns (a
    page's few lines can all stop short of a column's edge, and then every line looks wrapped)."""
    rights: dict[int, float] = dict(carried or {})
    for line in region:
        for c, p in line.columns.items():
            if p.last_column == c:
                rights[c] = max(rights.get(c, p.x1), p.x1)
    pitches = [_step(a, b) for a, b in pairwise(region)]
    shared = [_step(a, b) for a, b in pairwise(region) if set(a.columns) & set(b.columns)]
    pitch = min(shared) if shared else 0.0  # from one line of a cell to the next
    height = median(line.height for line in region)
    # A cell's lines stand no further apart than single-spaced text's; lines further apart are rows
    # even when no line is closer (a table of one-line rows set apart by spacing).
    reach = min(pitch + _ROW_GAP * height, _LINE_PITCH * height)
    # Rows set apart by space (a paragraph's spacing, a cell's margins): most lines further apart
    # than a cell's lines are so by the same spacing, less than an empty line's height.  Their lines
    # close together are one row.  Rows printed close together (a sheet's rows) are told apart by
    # where each cell's lines end (_Rows.goes_on).
    apart = [p for p in pitches if p > reach]
    spaced = len(apart) >= _MIN_TABLE_LINES and median(apart) < _SPACED * pitch
    reader = _Rows(rights, reach, spaced)
    reader.align = reader.alignment(region)
    return reader


def _step(above: _Line, line: _Line) -> float:
    """How far `line` stands below the line `above`: measured on the cells they share (a cell's lines
    are set in one font; two cells' fonts can stand a point apart), else on the lines."""
    shared = [line.columns[c].top - above.columns[c].top for c in line.columns if c in above.columns]
    return median(shared) if shared else line.top - above.top


@dataclass
class _Rows:
    """How the lines of a table make its rows."""

    rights: dict[int, float]  # how far right the text of each column reaches
    reach: float  # the furthest a line of a cell stands below the one before
    spaced: bool  # rows are set apart by space
    align: str = ""  # "top" or "bottom": where a sheet's rows set their cells' text; "" unknown

    def wrapped(self, above: _Line, line: _Line, c: int, slack: float) -> bool:
        """The text of column `c` on `line` could not have stood on the line above: no room there."""
        top_piece, piece = above.columns[c], line.columns[c]
        room = self.rights.get(c, top_piece.x1) - top_piece.x1
        return room <= piece.first + slack * (piece.bottom - piece.top)

    def alignment(self, region: list[_Line]) -> str:
        """Where the cells' text stands in its rows, from the lines surely wrapped within a cell: a
        cell starting below the row's first line is set to the foot of its row ("bottom"), one ending
        above the row's last line to the top ("top").  Two such lines at least, three to one."""
        top = bottom = 0
        for above, line in pairwise(region):
            shared = [c for c in line.columns if c in above.columns]
            if not shared or _step(above, line) > self.reach:
                continue
            if all(self.wrapped(above, line, c, -0.5) for c in shared):
                bottom += bool(set(line.columns) - set(above.columns))
                top += bool(set(above.columns) - set(line.columns))
        if bottom >= 2 and bottom >= 3 * top:
            return "bottom"
        if top >= 2 and top >= 3 * bottom:
            return "top"
        return ""

    def goes_on(self, row: list[_Line], line: _Line) -> bool:
        """True when `line` holds the wrapped rest of the cells of the row above."""
        above = row[-1]
        if _step(above, line) > self.reach:
            return False
        seen = {c for earlier in row for c in earlier.columns}
        if any(c in seen and c not in above.columns for c in line.columns):
            return False  # a cell of the row starts again after a line without it: a new row
        shared = [c for c in line.columns if c in above.columns]
        if not shared:
            return False
        if self.spaced:
            return True
        if self.align == "top" and set(line.columns) - seen:
            return False  # a cell starts below the row's first line: the row's text is set at the top
        if self.align == "bottom" and set(above.columns) - set(line.columns):
            return False  # a cell ends above the row's last line: the row's text is set at the foot
        # The line above had room for this word: the cell ended there.
        return all(self.wrapped(above, line, c, 0.5) for c in shared)
