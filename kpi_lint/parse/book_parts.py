"""A text printing tables of several layouts one after another: each layout's tables read by its reader.

A province's or county's budget book (预算公开) prints many projects' tables in one document, and they
need not share a layout: a 申报表 typed as tab rows, then 目标表 exported one cell per line, then a
self-evaluation copied from a PDF.  The text is read with the reader its layout calls for (the legacy
reader of the layout most of it shows, or the form reader); a reader of one layout reads nothing of a
table in another.  So the text is cut at each form title (a short line naming 申报表 / 目标表 / 自评表,
``form_titles.txt``), and the stretches of consecutive parts where that reading found no indicator are
read again on their own, each with the reader its own layout calls for, and so on inside them.  A text
whose every titled part was read (any text of one layout) is read exactly as before.  A stretch is read in
place, the lines before it blanked, so that every position (and every line a message quotes) stays the
line and column of the whole text.  The cost: one reading of the text up to each stretch, so a book whose
layout changes at every project reads in time ~ changes × length (stretches of one layout read together
mix readers: a PDF's legacy reading and copied tables of the same signature need different readers).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Document, Layout
from kpi_lint.parse.detect import detect_layout
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import Vocabulary

# The reader of a text in one layout: (text, lexicon, whether a text with no table may be read as a
# report stating its targets in sentences, the layout or None to detect it) → the document it reads.
LayoutReader = Callable[[SourceText, Lexicon, bool, Layout | None], Document]

_CELL_BREAK = lazy_compile(r"[\t|]")
_MAX_TITLE = 80  # a title is a line of its own, not a sentence naming a form


def read_parts(src: SourceText, lexicon: Lexicon, read: LayoutReader) -> Document:
    """The projects of `src`, the tables its reading left unread read again by their own layout's reader."""
    doc = read(src, lexicon, True, None)
    starts = title_lines(src, lexicon.vocabulary)
    if not starts:
        return doc
    return _fill_unread(src, doc, starts, len(src), lexicon, read)


def _fill_unread(
    src: SourceText, doc: Document, starts: list[int], end: int, lexicon: Lexicon, read: LayoutReader
) -> Document:
    """`doc` (read from the lines of `src` before `end`) with the stretches of titled parts (`starts`) it
    read nothing in read again on their own."""
    stretches = _unread_stretches(src, doc, starts, end)
    if not stretches or (stretches == [(starts[0], end)] and _read_nothing(doc)):
        return doc  # everything read, or nothing: the text's one reading
    # What the reading said of the stretches (a table "cut off" that it could not read) gives way to
    # what their own reading says.
    doc.problems = [p for p in doc.problems if not _within(p.line, stretches)]
    doc.notes = [p for p in doc.notes if not _within(p.line, stretches)]
    for a, b in stretches:
        inside = [s for s in starts if a <= s < b]
        # The layout of the stretch's first table: the lines after its last one may be the next
        # document's front matter, in another layout (a budget summary one cell per line).
        layout = _layout(src, a, inside[1] if len(inside) > 1 else b)
        part = read(_blanked(src, a, b), lexicon, False, layout)
        part = _fill_unread(src, part, inside, b, lexicon, read) if part.projects else part
        doc.projects.extend(part.projects)
        doc.problems.extend(part.problems)
        doc.notes.extend(part.notes)
    doc.projects.sort(key=lambda p: p.line)
    doc.problems.sort(key=lambda p: p.line)
    doc.notes.sort(key=lambda p: p.line)
    return doc


def _within(line: int, stretches: list[tuple[int, int]]) -> bool:
    """Whether the 1-based `line` lies in one of the stretches (0-based line indexes, end excluded)."""
    return any(a < line <= b for a, b in stretches)


def _read_nothing(doc: Document) -> bool:
    return not any(p.indicators for p in doc.projects)


def _unread_stretches(src: SourceText, doc: Document, starts: list[int], end: int) -> list[tuple[int, int]]:
    """The runs of consecutive titled parts (from a title to the next, 0-based line indexes) that `doc`
    read nothing of: no indicator, and, in the last part, no error (a table the text breaks off in, cut
    before its rows, is what its reader saw of it: the text ends there; inside the text such an error may
    be a reader's view of a table in another layout)."""
    read = sorted({i.line - 1 for p in doc.projects for i in p.indicators})
    judged = sorted({p.line - 1 for p in doc.problems if p.severity == "error"})
    ends = [*starts[1:], end]
    stretches: list[tuple[int, int]] = []
    for a, b in zip(starts, ends, strict=True):
        if _any_in(read, a, b):
            continue
        if b == len(src) and _any_in(judged, a, b):
            continue
        if stretches and stretches[-1][1] == a:
            stretches[-1] = (stretches[-1][0], b)
        else:
            stretches.append((a, b))
    return stretches


def _any_in(lines: list[int], a: int, b: int) -> bool:
    """Whether the sorted `lines` hold one in a..b-1."""
    k = bisect.bisect_left(lines, a)
    return k < len(lines) and lines[k] < b


def _layout(src: SourceText, a: int, b: int) -> Layout:
    """The layout lines a..b-1 show (their positions are not read)."""
    return detect_layout(replace(src, lines=src.lines[a:b], norm=src.norm[a:b], origins={}))


def title_lines(src: SourceText, vocab: Vocabulary) -> list[int]:
    """The indexes of the lines that are a form's title: one or two cells, short, no sentence."""
    found = []
    for index, line in enumerate(src.norm):
        cells = [c.strip() for c in _CELL_BREAK.split(line) if c.strip()]
        if not cells or len(cells) > 2:
            continue
        text = " ".join(cells)
        if len(text) <= _MAX_TITLE and "。" not in text and vocab.title_family(text) is not None:
            found.append(index)
    return found


def _blanked(src: SourceText, start: int, end: int) -> SourceText:
    """The text up to line end-1 with the lines before `start` emptied: a part read in place."""
    blank = [""] * start
    return replace(src, lines=blank + src.lines[start:end], norm=blank + src.norm[start:end])
