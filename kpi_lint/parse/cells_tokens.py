"""Cell-lines layout, step 1: lines → rows of cells and free text lines.

In a DOCX text extraction every table cell is one line starting with a tab,
an empty cell is a bare tab, and a blank line closes a table row.  A cell
that holds several paragraphs continues on lines *without* the tab:

* a wrapped or multi-paragraph text goes on directly below its first line;
* a vertically centred merged cell ("产出指标", "项目资金(元)") prints as a
  bare tab, blank paragraphs, then its text, directly followed by the next
  cell of the row.

Everything else without a tab (titles, headings, prose) is free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Located
from kpi_lint.parse.common import squash
from kpi_lint.parse.numbering import CHINESE_NUMERAL, NUMBER_STOP
from kpi_lint.read.source import SourceText

# A 绩效目标表 title ("1、…绩效目标表") starts a table; it is never the tail of a cell.
TITLE = lazy_compile(rf"^\s*(?:\d+\s*{NUMBER_STOP}\s*)?(?P<name>\S.*?)\s*绩效目标表\s*$")
# Paragraphs of one cell are joined without a separator (they are wrapped Chinese
# text), except before a new list item ("2.", "（3）", "四、" but not "5.9%"), which keeps its own line.
_LIST_ITEM = lazy_compile(rf"^\s*(?:\d+\s*(?:、|[.．](?!\d))|[（(]\s*\d+\s*[)）]|{CHINESE_NUMERAL}+、)")


@dataclass(frozen=True)
class Fragment:
    """One printed line of a cell (the text without the leading tab)."""

    text: str
    norm: str
    line: int
    column: int  # of the first printed character (after the tab and padding)


@dataclass
class Cell:
    line: int  # where the cell starts (its tab line)
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _join([f.text for f in self.fragments])

    @property
    def norm(self) -> str:
        return _join([f.norm for f in self.fragments])

    @property
    def key(self) -> str:
        """The folded text without spaces or a trailing colon: for matching labels."""
        return squash(self.norm).rstrip(":：")

    @property
    def empty(self) -> bool:
        return not self.fragments

    @property
    def located(self) -> Located:
        if not self.fragments:
            return Located("", self.line, 2)  # a bare tab: the (empty) cell starts after it
        first = self.fragments[0]
        return Located(self.text, first.line, first.column)


@dataclass
class Row:
    cells: list[Cell]

    @property
    def line(self) -> int:
        return self.cells[0].line

    @property
    def last_line(self) -> int:
        last = self.cells[-1]
        return last.fragments[-1].line if last.fragments else last.line

    @property
    def filled(self) -> list[Cell]:
        return [c for c in self.cells if not c.empty]

    @property
    def first_key(self) -> str:
        filled = self.filled
        return filled[0].key if filled else ""


@dataclass(frozen=True)
class TextLine:
    """A line outside any table, stripped; `column` is where its text starts."""

    text: str
    norm: str
    line: int
    column: int


Item = Row | TextLine


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and _LIST_ITEM.match(part):
            out += "\n"
        out += part
    return out


def _fragment(src: SourceText, index: int, start: int) -> Fragment | None:
    """The printed text of line `index` from character `start`, or None if blank."""
    raw, norm = src.lines[index], src.norm[index]
    body = raw[start:]
    text = body.strip()
    if not text:
        return None
    offset = start + len(body) - len(body.lstrip())
    end = offset + len(text)
    return Fragment(text, norm[offset:end], index + 1, offset + 1)


def _is_blank(line: str) -> bool:
    return not line.startswith("\t") and not line.strip()


def _run_ends_at_cell(src: SourceText, index: int) -> bool:
    """Whether the untabbed lines from `index` are directly followed by a cell line."""
    j = index
    while j < len(src) and not src.lines[j].startswith("\t") and src.lines[j].strip():
        j += 1
    return j < len(src) and src.lines[j].startswith("\t")


def tokenize(src: SourceText) -> list[Item]:
    """Split the source into table rows and free text lines, in order."""
    items: list[Item] = []
    row: Row | None = None
    blanks = 0
    for index, raw in enumerate(src.lines):
        if _is_blank(raw):
            blanks += 1
            continue
        if raw.startswith("\t"):
            if row is None or blanks:
                if row is not None:
                    items.append(row)
                row = Row([])
            cell = Cell(index + 1)
            frag = _fragment(src, index, 1)
            if frag:
                cell.fragments.append(frag)
            row.cells.append(cell)
        elif row is not None and _continues(src, index, row, blanks):
            frag = _fragment(src, index, 0)
            if frag:
                row.cells[-1].fragments.append(frag)
        else:
            if row is not None:
                items.append(row)
                row = None
            frag = _fragment(src, index, 0)
            if frag:
                items.append(TextLine(frag.text, frag.norm, frag.line, frag.column))
        blanks = 0
    if row is not None:
        items.append(row)
    return items


def _continues(src: SourceText, index: int, row: Row, blanks: int) -> bool:
    """Whether untabbed line `index` belongs to the last cell of `row`."""
    if TITLE.match(src.norm[index]):
        return False
    if not blanks:
        return True
    return row.cells[-1].empty and _run_ends_at_cell(src, index)
