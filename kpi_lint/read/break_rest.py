"""The rest of a table cell that a page break or a preview's chunk break cut inside a word.

A text copied from a printed table breaks where its pages break: a row printed on one line ends
"…| 按服务对象满 |", a page number ("第 2 页 共 3 页", "- 3 -") or a form feed follows, and the next page
opens with the rest of that cell ("意度评价") before the next row.  A document-sharing preview prints a
document as numbered chunks ("1、…", "2、…") cut anywhere: the first chunk ends "…85%80%70%70%按服务对象满",
the next opens "2、意度评价邯财社2018126号提前下达…".  Either way the rest belongs to the cell the break
cut, which keeps its place (where its first part is printed); the break fell inside a word of the two
pieces joined (满|意度: 满意度), which a break between two cells does not.

Where the next chunk holds no word of the vocabulary, nothing marks where the cell's rest ends; but a chunk
that goes on to the next form prints its title again, and a title printed again repeats the opening of
a heading the document printed before ("1、邯财社2018126号提前下达…绩效目标表"): the rest of the cell is the
text before it (glued, for the form reader to join to the cell the chunk before broke off: ``form_block``
carries that cell into it), the heading printed again a cell of its own.

A row's last cell may also wrap onto the next line with no page mark at all ("…| 该指标值数据合" ⏎ "理"): a
text copy keeps the printed line's end.  Without a page mark a line of one cell is more often a line of its own
(a category's label, a title, a date or a number after a row), so the join asks more there (`wrap_rest`): the
row's cells were split by the separators the line printed (pipes, tabs, runs of spaces: a table's row, not a
sentence split at single spaces), and the break fell between two Chinese characters of one word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kpi_lint.grid import Cell, Row
from kpi_lint.han import HAN
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.vocab import CONTINUED

# A heading opens a line, or follows a list number ("1、邯财社…", "2019年预算项目绩效目标 1、邯财社…").
_HEADING = lazy_compile(r"^\s*(?:\d{1,3}、\s*)?|(?<=\s)\d{1,3}、\s*")
_OPENING = 12  # characters of a heading's opening that, printed again, begin it again (no phrase of a cell is so long)
_SPACES = lazy_compile(r"\s+")
_REACH = 8  # characters either side of the break that the word it fell inside is looked for in


def inside_a_word(before: str, after: str) -> bool:
    """A break between `before` and `after` fell inside a word ("按服务对象满" | "意度评价": 满意度), as jieba
    cuts the text either side of it joined; not between two words ("…绩效指标" | "预决算信息公开性")."""
    from kpi_lint.segment import plain_tokenizer  # jieba, only for a text a break cut inside a cell

    head, tail = before.rstrip()[-_REACH:], after.lstrip()[:_REACH]
    if not head or not tail:
        return False
    return any(s < len(head) < e for _, s, e in plain_tokenizer().tokenize(head + tail, HMM=False))


def page_rest(before: Row, cells: list[Cell], labels: re.Pattern[str] | None) -> Row | None:
    """`before` with the rest of its last printed cell joined, when `cells` (a line after a page break) are that
    rest: one cell, no 一级/二级 label opening it, going on inside a word with the last printed cell of a row of
    a table (two printed cells or more).  The joined cell keeps its place; None otherwise."""
    filled = [c for c in cells if not c.blank]
    printed = before.filled
    if len(filled) != 1 or len(printed) < 2:
        return None
    rest, last = filled[0], printed[-1]
    # A label printed with its characters spaced apart ("效 益 指 标") is a label still.
    if rest.glued or last.glued or (labels is not None and labels.match(_SPACES.sub("", rest.text))):
        return None
    if not inside_a_word(last.text, rest.text):
        return None
    joined = replace(last, text=last.text.rstrip() + rest.text.strip(), moved=())
    return before.with_cells([joined if c is last else c for c in before.cells])


def wrap_rest(before: Row, cells: list[Cell], labels: re.Pattern[str] | None) -> Row | None:
    """`before` with the rest of its last printed cell joined, when `cells` (the next line, no page mark between)
    are that rest wrapped: as `page_rest`, and the line broke between two Chinese characters (a figure or a date
    ends many a line, and runs on into a year or a number on the next: "2023-05-29" ⏎ "2022年度…")."""
    filled = [c for c in cells if not c.blank]
    printed = before.filled
    if len(filled) != 1 or not printed:
        return None
    head, tail = printed[-1].text.rstrip()[-1:], filled[0].text.lstrip()[:1]
    if not (HAN.match(head) and HAN.match(tail)):
        return None
    return page_rest(before, cells, labels)


_RUNNING_TITLE = 8  # a line of one cell printed again is a running title from this many characters
_TITLE_LENGTH = 80  # no title is longer (the form reader's bound)


class PageBreaks:
    """Where the pages of a text broke, as `text_grid` reads it line by line: `broke` once a page number or a
    form feed was read since the last row; a row printed again (a header row repeated at the top of a page, or
    after a page break a running title) is the page's furniture, which leaves open the row a break may have cut."""

    def __init__(self) -> None:
        self.broke = False
        self._seen: set[tuple[str, ...]] = set()
        self._cut: int | None = None  # the row a page break may have cut: the last one read that is no furniture
        self._rows = 0  # how many rows there were after the last one placed here (no other row came after it)
        self._separated = False  # the cells of that row were split by separators its line printed

    def place(self, rows: list[Row], cells: list[Cell], labels: re.Pattern[str] | None, separated: bool) -> None:
        """Add the row of `cells` to `rows`, or join it to the row the page broke inside (page_rest) or that
        wrapped its last cell onto this line (wrap_rest).  `separated`: the line printed separators between
        its cells (pipes, tabs, runs of spaces)."""
        key = tuple(c.text.strip() for c in cells if not c.blank)
        # A row printed again: a header repeated at a page's top; a line after a page break: a running title;
        # a title that says its table goes on from the page before ("…绩效目标表（续）"), a page break itself.
        again = key in self._seen and (len(key) > 1 or (self.broke and len("".join(key)) >= _RUNNING_TITLE))
        again = again or (len(key) == 1 and len(key[0]) <= _TITLE_LENGTH and CONTINUED.search(key[0]) is not None)
        self._seen.add(key)
        if len(rows) != self._rows:
            self._cut = None  # rows read otherwise came between (a row end, a stretch of glued cells)
        if again:
            rows.append(Row(cells))
            self.broke, self._rows = True, len(rows)
            return
        cut, rest = self._cut, None
        if cut is not None and self.broke:
            rest = page_rest(rows[cut], cells, labels)
        elif cut is not None and self._separated:
            rest = wrap_rest(rows[cut], cells, labels)
        if cut is not None and rest is not None:
            rows[cut] = rest
        else:
            rows.append(Row(cells))
            self._cut, self._separated = len(rows) - 1, separated
        self.broke, self._rows = False, len(rows)


def chunk_rest(printed: str, folded: str, broken: str, before: list[str]) -> list[tuple[int, str, bool]] | None:
    """The cells of a chunk line (its number blanked) that goes on with the cell `broken` the chunk before broke
    off inside a word (`inside_a_word`): the rest of that cell (glued), then, from where the line prints again
    the opening of a heading of the `before` lines, that heading (not glued); (column, text, glued) as
    ``text_grid.glued_cells`` gives them.  None when the break fell between two words: the chunk need not go on
    with that cell."""
    lead = len(folded) - len(folded.lstrip())
    if not inside_a_word(broken, folded[lead:]):
        return None
    stop = _heading_again(folded, lead, heading_openings(before))
    out = [(lead, printed[lead:stop].strip(), True)] if folded[lead:stop].strip() else []
    if stop < len(folded) and folded[stop:].strip():
        out.append((stop, printed[stop:].strip(), False))
    return out


def heading_openings(lines: list[str]) -> set[str]:
    """The openings (their first `_OPENING` characters, spaces left out) of the headings `lines` print."""
    out: set[str] = set()
    for line in lines:
        for m in _HEADING.finditer(line):
            opening = _SPACES.sub("", line[m.end() : m.end() + 2 * _OPENING])[:_OPENING]
            if len(opening) == _OPENING and HAN.search(opening):
                out.add(opening)
    return out


def _heading_again(folded: str, lead: int, openings: set[str]) -> int:
    """Where `folded` prints one of `openings` again after its first character; its end when it prints none."""
    found = [folded.find(opening, lead + 1) for opening in openings]
    return min((at for at in found if at > lead), default=len(folded))
