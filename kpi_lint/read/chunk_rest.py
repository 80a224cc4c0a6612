"""The rest of a cell that a document-sharing preview's chunk break cut, read from the next chunk.

A preview prints a document as numbered chunks ("1、…", "2、…") cut anywhere, even inside a word: the
first chunk ends "…85%80%70%70%按服务对象满", the next opens "2、意度评价邯财社2018126号提前下达…".  Where the
next chunk holds no word of the vocabulary, nothing marks where that cell's rest ends; but a chunk that
goes on to the next form prints its title again, and a title printed again repeats the opening of a
heading the document printed before ("1、邯财社2018126号提前下达…绩效目标表").  The rest of the cell is
the text before it: glued text, for the form reader to join to the cell the chunk before broke off
(``form_block`` carries that cell into it); the heading printed again is a cell of its own.
"""

from __future__ import annotations

import re

from kpi_lint.lazy_re import lazy_compile

# A heading opens a line, or follows a list number ("1、邯财社…", "2019年预算项目绩效目标 1、邯财社…").
_HEADING = lazy_compile(r"^\s*(?:\d{1,3}、\s*)?|(?<=\s)\d{1,3}、\s*")
_OPENING = 12  # characters of a heading's opening that, printed again, begin it again (no phrase of a cell is so long)
_WORDED = lazy_compile(r"[\u4e00-\u9fff]")


def heading_openings(lines: list[str]) -> set[str]:
    """The openings (their first `_OPENING` characters, spaces left out) of the headings `lines` print."""
    out: set[str] = set()
    for line in lines:
        for m in _HEADING.finditer(line):
            opening = re.sub(r"\s+", "", line[m.end() : m.end() + 2 * _OPENING])[:_OPENING]
            if len(opening) == _OPENING and _WORDED.search(opening):
                out.add(opening)
    return out


def chunk_rest(printed: str, folded: str, broken: str, before: list[str]) -> list[tuple[int, str, bool]] | None:
    """The cells of a chunk line that goes on with the cell `broken` the chunk before broke off inside a word
    (`inside_a_word`): the rest of that cell (glued), then, from where the line prints again the opening of a
    heading of the `before` lines, that heading (not glued); (column, text, glued) as ``text_grid.glued_cells``
    gives them.  None when the break fell between two words: the chunk need not go on with that cell."""
    lead = len(folded) - len(folded.lstrip())
    if not inside_a_word(broken.rstrip(), folded[lead:]):
        return None
    stop = _heading_again(folded, lead, heading_openings(before))
    out = [(lead, printed[lead:stop].strip(), True)] if folded[lead:stop].strip() else []
    if stop < len(folded) and folded[stop:].strip():
        out.append((stop, printed[stop:].strip(), False))
    return out


_REACH = 8  # characters either side of the break that the word it fell inside is looked for in


def inside_a_word(before: str, after: str) -> bool:
    """A break between `before` and `after` fell inside a word ("按服务对象满" | "意度评价": 满意度), as jieba
    cuts the text either side of it joined."""
    from kpi_lint.segment import plain_tokenizer  # jieba, only for a text a break cut inside a cell

    head, tail = before[-_REACH:], after[:_REACH]
    if not head or not tail:
        return False
    return any(s < len(head) < e for _, s, e in plain_tokenizer().tokenize(head + tail, HMM=False))


def _heading_again(folded: str, lead: int, openings: set[str]) -> int:
    """Where `folded` prints one of `openings` again after its first character; its end when it prints none."""
    found = [folded.find(opening, lead + 1) for opening in openings]
    return min((at for at in found if at > lead), default=len(folded))
