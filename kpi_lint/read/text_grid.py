"""Text → grid: the cells of every line, whatever shape the text extraction or web copy took.

Each non-blank line becomes one row.  Its cells are split by what separates them on that line:

* tabs (tab-separated rows; a line of one tab-prefixed cell is a one-cell row, a bare tab an
  empty cell, as Word's text export prints them);
* ``|`` (pipe and Markdown tables; ``|---|`` rules are dropped);
* runs of two or more spaces or an ideographic space (space-aligned columns, cells separated by
  runs of spaces);
* single spaces, when they split the line into three or more cells, or into a name and a
  value-looking cell ("参保人数 170720人"); a comparator or unit standing alone ("≥ 95 %") is
  joined back to its number;
* otherwise the line is one cell (one cell per line, with or without blank lines between).

Rows keep the printed line and column of every cell.  Whether a row is a whole table row or one
cell of it is left to the form reader, which reads both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from kpi_lint.grid import Cell, Grid, Row
from kpi_lint.han import HAN
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.read.break_rest import PageBreaks, chunk_rest
from kpi_lint.read.csv_grid import csv_rows, looks_like_csv
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import PAGE_MARK, WORDED_SIGNS

_PIPE_RULE = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPACES = re.compile(r"(?: {2,}|\u3000+| ?\t ?)")
# No indicator table is wider than this; a line with more cells holds a whole table.
MAX_COLUMNS = 24
_LONE_PIPE = lazy_compile(r"^[\s|]*\|[\s|]*$")
_COMPARATOR = lazy_compile(r"^(?:[<>=≥≤≧≦＞＜]=?|>=|<=|=>|=<|≥=|不低于|不少于|不高于|不超过|大于|小于|约)$")
_NUMBER = lazy_compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
_UNIT = lazy_compile(r"^(?:%|‰|[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{1,2}/[\u4e00-\u9fff]{1,2}|%\(百分比\)|\([^)]*\))$")
_VALUE_START = lazy_compile(r"^(?:[<>=≥≤≧≦＞＜]|\d|不低于|不少于|不高于|不超过|达到)|%$")


def _split(text: str, sep: re.Pattern[str] | str) -> list[tuple[int, str]]:
    """(0-based start, text) of each piece of `text` between separators."""
    pieces: list[tuple[int, str]] = []
    start = 0
    if isinstance(sep, str):  # a literal separator ("\t", "|"): str.split cuts where finditer would match
        for piece in text.split(sep):
            pieces.append((start, piece))
            start += len(piece) + len(sep)
        return pieces
    for m in sep.finditer(text):
        pieces.append((start, text[start : m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    return pieces


def _unclosed_pipe_row(lines: list[str], i: int) -> bool:
    """Line `i` does not close its last cell with `|` where the line before it does: a row of a pipe table
    ("| 成本指标 | 补助标准 | 15" after "| … | >=100% |"), or a cell of a table copied one cell per line, each closed
    by " |" (">=9" after "10 |")."""
    body = lines[i].strip()
    if "\t" in lines[i] or body.endswith("|"):
        return False
    before = next((line.strip() for line in reversed(lines[:i]) if line.strip()), "")
    return "\t" not in before and before.endswith("|")


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
        if len(pieces) == 1 and " " in stripped:
            pieces = _single_spaced(stripped, lead) or pieces
    out: list[tuple[int, str]] = []
    for start, text in pieces:
        lead = len(text) - len(text.lstrip())
        out.append((start + lead, printed[start + lead : start + len(text.rstrip())] if text.strip() else ""))
    return out


def _depth(text: str) -> int:
    """How many brackets `text` leaves open."""
    return sum(text.count(o) for o in "(（[【") - sum(text.count(c) for c in ")）]】")


def _single_spaced(text: str, lead: int) -> list[tuple[int, str]] | None:
    """Cells separated by single spaces, with lone comparators and units joined to their number.

    A space inside brackets ("数量( ≥**个 )") does not separate cells.
    """
    pieces: list[tuple[int, str]] = []
    for start, piece in _split(text, " "):
        if not piece:
            continue
        if pieces:
            prev_start, prev = pieces[-1]
            unit_after_number = _NUMBER.match(prev) and _UNIT.match(piece) and len(pieces) >= 2
            if _depth(prev) > 0 or _COMPARATOR.match(prev) or unit_after_number:
                pieces[-1] = (prev_start, text[prev_start : start + len(piece)])
                continue
        pieces.append((start, piece))
    if len(pieces) >= 3 or (len(pieces) == 2 and _VALUE_START.search(pieces[1][1])):
        return [(lead + s, t) for s, t in pieces]
    return None


_ROW_TAIL = lazy_compile(r"\d|[<>=≥≤≧≦]")
_SENTENCE = re.compile(r"[。；;：:]")
_LIST_SEP = re.compile(r"[:：]")  # a list after a label's colon is cut at ;。 but holds no second colon


def leading_labels(folded: str, labels: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """The 一级/二级 labels a line that lost its separators opens with, when the rest reads as a
    row ("质量指标补贴覆盖率对…覆盖率100%历史标准")."""
    if labels is None:
        return []
    found: list[tuple[int, int]] = []
    at = len(folded) - len(folded.lstrip())
    while (m := labels.match(folded, at)) is not None:
        found.append(m.span())
        at = m.end()
    lead = _LEAD_IN.match(folded, at)
    rest = folded[lead.end() if lead else at :].strip().rstrip("。;；")
    # The rest must be a row, or after a colon a list of rows ("数量指标:名称≥1万株;名称≥85%"): a
    # name first (not "(50分)" nor the "5%95" of a name that is itself a label), no sentence, and a
    # number or a sign unless both 一级 and 二级 open the line.
    if len(found) >= 2 and not rest:
        if _one_label_said_twice(folded, found, labels):
            return []  # one label with a piece of it said twice ("社会效益效益指标"): one cell
        return found  # labels alone, glued ("效益指标经济效益指标")
    if not found or not HAN.match(rest) or (_LIST_SEP if lead else _SENTENCE).search(rest):
        return []
    if len(found) < 2 and not _ROW_TAIL.search(rest):  # one label and words: a heading, unless a figure follows
        return []
    return found


# The fewest characters two glued labels must share for the second to be the first said on ("社会效益|效益指标").
_SAID_ON = 2


def _one_label_said_twice(folded: str, found: list[tuple[int, int]], labels: re.Pattern[str]) -> bool:
    """Two labels alone on a line, the second opening with the first's last words, that are one label
    once those words are said only once: "社会效益" + "效益指标" is "社会效益指标" with "效益" doubled (a
    merged cell's text run twice, or OCR), one cell, not a 二级 followed by a 一级."""
    if len(found) != 2:
        return False
    first, second = (folded[a:b] for a, b in found)
    return any(
        first.endswith(second[:k]) and labels.fullmatch(first + second[k:]) is not None
        for k in range(_SAID_ON, min(len(first), len(second)))
    )


class TitleHeads:
    """What a document prints before its form title's own words ("省级部门预算项目支出" of "省级部门预算项目支出
    绩效目标表"), learnt where a line opens with a title.  A document of several forms prints the title again
    for each; where the text lost its separators, the words before the title word then run on from the last
    row of the form before ("…=99百分比省级部门预算项目支出绩效目标表…"): they are the title's, not that row's."""

    def __init__(self, is_title: Callable[[str], bool], tokens: re.Pattern[str]) -> None:
        self.is_title = is_title
        self.tokens = tokens  # the vocabulary's words (Vocabulary.word_pattern): a line's first word
        self._heads: set[str] = set()

    def learn(self, folded: str, words: list[tuple[int, int]] | None = None) -> None:
        """A line whose first word is a title word: the few words before it are the title's.  `words`: where
        the vocabulary's words stand in the line, when they were found already (glued_cells needs them)."""
        if words is None:
            found = self.tokens.search(folded)
            first = found.span() if found is not None else None
        else:
            first = words[0] if words else None
        if first is None or not self.is_title(folded[first[0] : first[1]]):
            return
        head = _OPENING_NUMBER.sub("", folded[: first[0]]).strip()
        if _TITLE_HEAD.fullmatch(head):
            self._heads.add(head)

    def start(self, folded: str, floor: int, at: int) -> int:
        """Where the title whose word starts at `at` begins: before the longest head learnt that the text
        between `floor` and `at` ends with, when other text stands before that head."""
        before = folded[floor:at].rstrip()
        if floor == 0:
            # The line opens with the title, its own words glued to the first field label after it ("1、部门整体
            # 绩效自评表主管部门财政处室…"): what stands before the title word, a list number aside, is the title's.
            own = _OPENING_NUMBER.sub("", before).strip()
            if own and _TITLE_HEAD.fullmatch(own):
                return len(before) - len(own)
        for head in sorted(self._heads, key=len, reverse=True):
            if before.endswith(head) and before[: -len(head)].strip():
                return floor + len(before) - len(head)
        return at


def word_spans(folded: str, tokens: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the vocabulary's words (`tokens`) stand in a line, in order: found once for the passes over it."""
    return [m.span() for m in tokens.finditer(folded)]


# A title's own words before its form word: words only, no figure, no sentence mark ("省级部门预算项目支出").
_TITLE_HEAD = lazy_compile(r"[\u4e00-\u9fff()（）]{4,20}")
# The number a preview or a list puts before a line ("1、", "2."): not a word of the title after it.
_OPENING_NUMBER = lazy_compile(r"^\s*\d{1,3}\s*[、.．]\s*")

HeaderCover = Callable[[str], "list[tuple[int, int]] | None"]
HeaderTail = Callable[[str, int, int, int, int], "list[tuple[int, int]]"]


def glued_cells(
    printed: str,
    folded: str,
    tokens: re.Pattern[str] | None,
    labels: re.Pattern[str] | None = None,
    header: HeaderCover | None = None,
    words: int = 3,
    tails: HeaderTail | None = None,
    titles: TitleHeads | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> list[tuple[int, str, bool]] | None:
    """A line that lost its separators, cut at the words of the vocabulary it holds.

    A line holding three or more such words (a header or a whole table glued together; `words`:
    fewer, in a line known to have lost its separators) is cut at each; so is a line that `header`
    (``Vocabulary.header_cover``) finds to be nothing but header words, short ones included; a row
    of a glued table is cut after the labels it opens with.  The text between the words is kept as
    glued cells for the form reader to cut by kind.  `tails` (``Vocabulary.header_tail``)
    is what a word may have glued right after it: a unit in brackets it keeps, short header words
    cut as words of their own; `titles` where a title printed again for the next form begins; `spans`
    where the words `tokens` finds stand in `folded`, when they were found already (word_spans).
    """
    if tokens is None:
        return None
    found = _with_tails(spans if spans is not None else word_spans(folded, tokens), folded, tails)
    if titles is not None:
        found = [
            (titles.start(folded, found[k - 1][1] if k else 0, a), b) if titles.is_title(folded[a:b]) else (a, b)
            for k, (a, b) in enumerate(found)
        ]
    if "《" in folded:  # a word inside a document's title (《…资金管理办法》) is the title's, no cell
        found = [(a, b) for a, b in found if folded.rfind("《", 0, a) <= folded.rfind("》", 0, a)]
    if len(found) < words and header is not None:
        lead = len(folded) - len(folded.lstrip())
        spans = header(folded.strip())
        found = [(lead + a, lead + b) for a, b in spans] if spans else found
    if len(found) < words:
        found = leading_labels(folded, labels)
        if not found:
            return None
    out: list[tuple[int, str, bool]] = []
    at = 0
    for k, (start, end) in enumerate(found):
        if start > at and folded[at:start].strip():
            out.extend(_items(printed, folded, at, start))
        if k and start == found[k - 1][1] and _said_again(folded, found[k - 1], (start, end), labels):
            # A label printed twice: before a row, a copy of the cell above (OCR of a merged cell);
            # before a bare target ("服务对象满意度服务对象满意度%=99"), the row's name, the label's words.
            at = end if HAN.match(folded, end) else start
            continue
        out.append((start, printed[start:end], False))
        at = end
    if folded[at:].strip():
        out.extend(_items(printed, folded, at, len(folded)))
    return out


def _moved(origins: tuple[int, ...], column: int, size: int) -> tuple[int, ...]:
    """Where each character of a cell of `size` at `column` of a line that lost characters is printed, counted
    from the first (and where its end is); () when none was lost inside it."""
    end = min(column + size, len(origins) - 1)
    if origins[end] - origins[column] == end - column:
        return ()
    return tuple(origins[min(column + k, len(origins) - 1)] - origins[column] for k in range(size + 1))


def _said_again(folded: str, before: tuple[int, int], word: tuple[int, int], labels: re.Pattern[str] | None) -> bool:
    """The word at `word` is the 一级/二级 label found right `before` it, printed again."""
    first, second = folded[before[0] : before[1]], folded[word[0] : word[1]]
    return first == second and labels is not None and labels.fullmatch(second) is not None


def _with_tails(found: list[tuple[int, int]], folded: str, tails: HeaderTail | None) -> list[tuple[int, int]]:
    """The words found, each with what `tails` finds glued to it (between the last word and the next)."""
    if tails is None:
        return found
    out: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(found):
        floor = out[-1][1] if out else 0
        out.extend(tails(folded, floor, start, end, found[k + 1][0] if k + 1 < len(found) else len(folded)))
    return out


# What joins a label to the list written after it: a colon or a comma, maybe after a short tail of
# the label ("社会效益目标:").
_LEAD_IN = lazy_compile(r"\s*(?:[^\s\d:：,，;；。]{1,2}(?=[:：]))?[:：,，]\s*")
# Items of such a list end at ;。 or at a comma right after a target ("≥80万元,促使…").
_ITEM_SEP = lazy_compile(r"[;；。,，]")
_ENDS_TARGET = lazy_compile(rf"(?:[<>=≥≤≧≦]|{'|'.join(WORDED_SIGNS)}|达到)\s*\d[^()（）]*$")


def _items(printed: str, folded: str, start: int, end: int) -> list[tuple[int, str, bool]]:
    """The glued text between two words: one cell, or, after a label's colon ("数量指标:名称≥1万株;
    名称≥85%;"), the items of a list written as prose, a cell each."""
    if not folded[start:end].strip(" *＊"):
        return []  # "一级指标*二级指标*": the mark of a required field, no cell
    lead = _LEAD_IN.match(folded, start, end)
    if lead is None:
        return [(start, printed[start:end].strip(), True)]
    out: list[tuple[int, str, bool]] = []
    at = lead.end()
    for m in [*_ITEM_SEP.finditer(folded, at, end), None]:
        if m is not None and m.group() in ",，" and not _ENDS_TARGET.search(folded, at, m.start()):
            continue  # a comma inside a name ("种植数量,黄金蜜种植数量≥1万株")
        stop = m.start() if m is not None else end
        piece = printed[at:stop]
        if piece.strip():
            out.append((at + len(piece) - len(piece.lstrip()), piece.strip(), True))
        at = m.end() if m is not None else end
    return out


_BRACKET_PATH = lazy_compile(r"^\s*【([^【】]+?)\s*[-—－/]\s*([^【】]+)】\s*$")


def _bracket_path(printed: str, folded: str) -> list[tuple[int, str]] | None:
    """A heading "【产出指标-数量指标】" (a list printed with no table): its two parts as two cells."""
    m = _BRACKET_PATH.match(folded)
    if not m:
        return None
    return [(m.start(1), printed[m.start(1) : m.end(1)]), (m.start(2), printed[m.start(2) : m.end(2)])]


def double_spaced(lines: list[str]) -> bool:
    """A blank line after (nearly) every line of text: a copy that double-spaced its lines, whose blank
    lines end no cell and no paragraph."""
    filled = sum(1 for line in lines if line.strip())
    followed = sum(1 for line, after in pairwise(lines) if line.strip() and not after.strip())
    return filled > 0 and followed * 10 >= filled * 9


def _logical_lines(src: SourceText) -> list[tuple[int, str, str]]:
    """The lines of `src` as (index, printed, folded); where nearly every line ends its cell with
    "|", a line that does not is a cell wrapped onto the next line, and is joined to it (a page
    number is left out: it is no cell)."""
    lines = list(zip(src.lines, src.norm, strict=True))
    texts = [f.strip() for _, f in lines if f.strip() and not _LONE_PIPE.match(f) and not PAGE_MARK.match(f)]
    ended = [t for t in texts if t.endswith("|") and t.count("|") == 1]
    if not texts or len(ended) * 10 < len(texts) * 6:
        return [(i, p, f) for i, (p, f) in enumerate(lines)]
    spaced = double_spaced(src.norm)  # a blank line after every line ends no cell
    out: list[tuple[int, str, str]] = []
    start: int | None = None
    for i, (printed, folded) in enumerate(lines):
        if PAGE_MARK.match(folded):
            continue  # a page break between a cell and the rest of it wrapped onto the next page
        if start is not None and spaced and not folded.strip():
            continue
        wrapped = folded.strip() and "|" not in folded
        if start is not None:
            _, p0, f0 = out[-1]
            out[-1] = (start, p0 + "\n" + printed, f0 + "\n" + folded)
            if not wrapped:
                start = None
            continue
        out.append((i, printed, folded))
        if wrapped:
            start = i
    return out


# A document-sharing site previews a file as numbered chunks of about a thousand characters each
# ("1、…", "2、…"), cut anywhere, even inside a word.
_CHUNK = lazy_compile(r"^\s*(\d{1,3})、")  # indented too: a copy may indent every line
_CHUNK_LENGTH = 300
# A line that lost its separators and runs this long is a stretch of a document (facts, header and
# rows), not one row of a table.
_STRETCH_LENGTH = 300
# At least this many words of the vocabulary broken by a space: one may be a real gap between cells.
_BROKEN_WORDS = 2
# At least this many figures standing apart ("100% 10"): the spaces then separate cells.
_SPACED_FIGURES = lazy_compile(r"[\d%] (?=[\d<>=≥≤])")
_SEPARATED_FIGURES = 2
# A text with a line of spaces for every this many lines puts them between its cells (padded blank lines).
_PADDED_BLANKS = 3


def _unwrapped(folded: str, tokens: re.Pattern[str] | None, chunk: bool = False) -> tuple[str, list[int]] | None:
    """A line that lost its separators but kept the spaces where the words of its cells were
    wrapped ("数量 指标", "管理制 度严格执行率": a document previewed as one run of text): the line
    without its single spaces, and the column of each of its characters in the line.  None when
    the spaces break no more than one word of the vocabulary, so they may separate cells, unless
    the line is a `chunk` of a document-sharing preview: a run of text whatever its spaces."""
    body = folded.strip()
    if tokens is None or "\t" in body or "|" in body or _SPACES.search(body):
        return None
    if len(_SPACED_FIGURES.findall(body)) >= _SEPARATED_FIGURES:
        return None  # "=100% 100% 10 10": spaces stand between the figures, so they separate cells
    columns = [i for i, ch in enumerate(folded) if ch != " "]
    kept = _at_columns(folded, columns)
    broken = sum(
        1 for m in tokens.finditer(kept) if columns[m.end() - 1] - columns[m.start()] != m.end() - 1 - m.start()
    )
    return (kept, columns) if broken >= _BROKEN_WORDS or chunk else None


def _at_columns(line: str, columns: list[int]) -> str:
    """The characters of `line` at `columns`."""
    return "".join(line[i] for i in columns)


_LABEL_REACH = 12  # characters either side of a chunk boundary a label crossing it may take


def _label_rest_out(tail: str, printed: str, folded: str, labels: re.Pattern[str] | None) -> tuple[str, str]:
    """A chunk that goes on with the rest of a label the chunk before broke off inside ("…指标2:社会效益" ⏎
    "3、指标效果显著15…"): the label is read where it begins, so its rest is no part of the next cell's text
    and is left out here (blanked, so the columns of the line stay where they are printed)."""
    if labels is None or not tail:
        return printed, folded
    start = len(folded) - len(folded.lstrip())
    window = tail + folded[start : start + _LABEL_REACH]
    rest = 0
    for m in labels.finditer(window):
        if m.start() < len(tail) < m.end() and labels.fullmatch(tail[m.start() :]):
            rest = m.end() - len(tail)
    if not rest:
        return printed, folded
    cut = start + rest
    return " " * cut + printed[cut:], " " * cut + folded[cut:]


def _chunk_mark(folded: str, last: int) -> int:
    """The number of the chunk mark a line opens with ("2、…"), or 0: a document-sharing preview
    prints a long first chunk, then the others in order after it."""
    m = _CHUNK.match(folded)
    if m is None:
        return 0
    n = int(m.group(1))
    return n if (n == 1 and len(folded) >= _CHUNK_LENGTH) or (last and n == last + 1) else 0


_MIN_CELL_ROWS = 5  # blank lines that end rows: at least so many rows
# … of this many cells on average (a name and its target); a blank line after every line is spacing.
_CELLS_PER_ROW = 2


def _spaces_are_cells(lines: list[str]) -> bool:
    """A line of spaces is an empty cell, not a blank line between cells: in a text that has truly
    empty lines too, or where such lines are few.  A copy that pads every line with spaces has no
    empty line, and one that puts a blank line between cells has about one for each line of text."""
    spaces = sum(1 for line in lines if line and not line.strip() and "\t" not in line)
    if _padded_throughout(lines):
        return False
    return any(not line for line in lines) or spaces * _PADDED_BLANKS < len(lines)


def _padded_throughout(lines: list[str]) -> bool:
    """Every line ends with the same few spaces, the lines of spaces alone hold just those (a copy that padded
    every line, a web page's cells ending in &nbsp;): its lines of spaces are its blank lines, however few."""
    widths = {len(line) for line in lines if line and not line.strip(" ")}
    if len(widths) != 1:
        return False
    width = widths.pop()
    texts = [line for line in lines if line.strip()]
    return bool(texts) and all(len(line) - len(line.rstrip(" ")) == width for line in texts)


def _padding(lines: list[str]) -> int | None:
    """The spaces a copy padded every line with (a web page's cells ending in &nbsp;), when its blank
    lines all hold the same few spaces: the commonest line of spaces, if at least half of the lines of
    spaces are that one.  A line of more spaces than that held a space of its own: an empty cell."""
    spaces = Counter(len(line) for line in lines if line and not line.strip(" "))
    if not spaces:
        return None
    width, count = spaces.most_common(1)[0]
    return width if count * 2 >= sum(spaces.values()) and len(spaces) > 1 else None


def _blank_lines_end_rows(lines: list[str]) -> bool:
    """A table copied one cell per line whose rows stand apart by a blank line (a browser's copy):
    nearly every line one cell, and runs of two lines or more (a name and its target) between blank lines
    on average: a blank line after every line is spacing, not rows."""
    filled = [line for line in lines if line.strip()]
    runs = sum(1 for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip()))
    if runs < _MIN_CELL_ROWS or len(filled) < _CELLS_PER_ROW * runs:
        return False
    single = sum(1 for line in filled if "\t" not in line.strip() and "|" not in line and "  " not in line.strip())
    return single >= 0.9 * len(filled)


def _pipes_close_cells(lines: list[str]) -> bool:
    """A table copied one cell per line, each cell closed by a line holding one `|` (a web page's cells
    each followed by its border): nearly every line of text is followed by such a line, so a second
    one right after it closes a cell that printed nothing."""
    filled = [line.strip() for line in lines if line.strip()]
    texts = [i for i, line in enumerate(filled) if not _LONE_PIPE.match(line)]
    if len(texts) < _MIN_CELL_ROWS * _CELLS_PER_ROW:
        return False
    closed = sum(1 for i in texts if i + 1 < len(filled) and filled[i + 1] == "|")
    return closed >= 0.9 * len(texts)


def text_grid(
    src: SourceText,
    tokens: re.Pattern[str] | None = None,
    labels: re.Pattern[str] | None = None,
    header: HeaderCover | None = None,
    tails: HeaderTail | None = None,
    is_title: Callable[[str], bool] | None = None,
) -> Grid:
    """One grid holding a row per non-empty line of `src`; a line holding only `|` is a row with no cells.

    `tokens` (the vocabulary's words, ``Vocabulary.word_pattern``) lets lines that lost every
    separator be cut at the words they hold; `labels` (``Vocabulary.label_pattern``) lets a row of
    such a table be cut after the 一级/二级 labels it opens with, and `header` a header row;
    `tails` (``Vocabulary.header_tail``) finds what is glued right after such a word; `is_title` tells a
    form title's word (TitleHeads).
    """
    if looks_like_csv(src.lines):
        return Grid(csv_rows(src.lines))
    rows: list[Row] = []
    chunk = 0
    tail = ""  # the end of the last chunk line: a label it breaks off inside goes on in the next chunk
    spaces_are_cells = _spaces_are_cells(src.norm)
    padding = None if spaces_are_cells else _padding(src.norm)
    blank_ends_rows = _blank_lines_end_rows(src.norm)
    pipes_close_cells = _pipes_close_cells(src.norm)
    after_pipe = False  # the last line read was a lone `|`
    page = PageBreaks()
    last_line = max((i for i, line in enumerate(src.norm) if line.strip()), default=-1)
    titles = TitleHeads(is_title, tokens) if is_title is not None and tokens is not None else None
    for i, printed, folded in _logical_lines(src):
        if folded.startswith("\f"):  # a form feed opens a page's first line, or stands on a line of its own
            page.broke = True
            if not folded.strip():
                continue
        padded_cell = padding is not None and len(folded) > padding and not folded.strip(" ")
        if not folded or (not spaces_are_cells and not padded_cell and not folded.strip() and "\t" not in folded):
            # A blank line, or one of spaces that holds no empty cell (a copy padded every line with them).
            if blank_ends_rows and rows and rows[-1].cells:
                rows.append(Row([], closes=True))  # the end of a row copied one cell per line
            continue
        if folded.strip():
            last, chunk = chunk, _chunk_mark(folded, chunk)
            if chunk:  # the number of a chunk is no part of a cell
                blank = " " * (len(folded) - len(folded.lstrip()) + len(f"{chunk}、"))
                printed, folded = blank + printed[len(blank) :], blank + folded[len(blank) :]
                if last:
                    printed, folded = _label_rest_out(tail, printed, folded, labels)
                tail = folded.rstrip()[-_LABEL_REACH:]
        if not folded.strip() and "\t" not in folded:
            # A line of spaces between blank lines is an empty cell of a table copied one cell per line.
            rows.append(Row([Cell("", i + 1, 1)]))
            continue
        if PAGE_MARK.match(folded):
            page.broke = True
            continue  # a page break, even inside a row or a header wrapped over lines
        if _LONE_PIPE.match(folded):
            if pipes_close_cells and after_pipe and folded.strip() == "|":
                rows.append(Row([Cell("", i + 1, 1)]))  # the border of a cell that printed nothing
                continue
            after_pipe = True
            # A row boundary of a table copied one cell per line (see form_block.row_break).
            rows.append(Row([], closes=folded.count("|") >= 2))
            continue
        after_pipe = False
        if _PIPE_RULE.match(folded) and "-" in folded:
            continue
        pieces = _bracket_path(printed, folded) or line_cells(printed, folded)
        # A line of one cell is looked into for the words it holds (glued_cells) as its first one is (titles):
        # the vocabulary's pattern runs over it once.
        spans = word_spans(folded, tokens) if len(pieces) == 1 and tokens is not None else None
        if titles is not None:
            titles.learn(folded, spans)
        glued = None
        if len(pieces) == 1:
            # A preview's later chunk goes on with the run of text the first one began, which lost its separators:
            # every word of the vocabulary it holds is cut at, however few ("…长期在外|生态效益指标|绿化、节能…").
            words = 1 if chunk > 1 else 3
            glued = glued_cells(printed, folded, tokens, labels, header, words, tails, titles, spans)
            if glued is None and chunk > 1 and rows and rows[-1].cells and rows[-1].cells[-1].broken:
                # A chunk holding no word of the vocabulary that goes on with the glued text the chunk before
                # broke off inside a word ("…按服务对象满" ⏎ "2、意度评价…"): glued text too, the rest of that cell.
                glued = chunk_rest(printed, folded, rows[-1].cells[-1].text, src.norm[:i])
        unwrapped = _unwrapped(folded, tokens, chunk > 0) if len(pieces) > 1 else None
        if unwrapped is not None:
            kept, columns = unwrapped
            found = glued_cells(_at_columns(printed, columns), kept, tokens, labels, header, 1, tails)
            glued = [(columns[col], text, flag) for col, text, flag in found] if found else None
        at = src.printed_column
        if glued:
            origins = src.origins.get(i)
            cells = [
                Cell(text, i + 1, at(i, col) + 1, glued=flag, moved=_moved(origins, col, len(text)) if origins else ())
                for col, text, flag in glued
            ]
            if (chunk or i == last_line) and cells[-1].glued:
                # A preview's chunk ends anywhere, even inside a row; so does a text cut short (its last line).
                cells[-1] = replace(cells[-1], broken=True)
        else:
            cells = [Cell(text, i + 1, at(i, col) + 1) for col, text in pieces]
            if i == last_line and cells and _unclosed_pipe_row(src.norm, i):
                # "| 成本指标 | 补助标准 | 15" as the text's last line, the rows before it closed with `|`: this
                # row's closing `|` never came, so its last cell may have been cut with the text ("15" of "1500元").
                cells[-1] = replace(cells[-1], broken=True)
        stretch = glued and (unwrapped is not None or len(folded.strip()) >= _STRETCH_LENGTH)
        if len([c for c in cells if not c.blank]) > MAX_COLUMNS or stretch:
            # A whole table flattened onto one line, or a run of text that lost its separators (its
            # facts, header and rows in one stretch): its cells in reading order, one per row.
            rows.extend(Row([c]) for c in cells if not c.blank)
        elif cells:
            # Cells split by the separators the line printed (not glued text, not a sentence's single spaces).
            separated = not glued and ("\t" in folded or "|" in folded or _SPACES.search(folded.strip()) is not None)
            page.place(rows, cells, labels, separated)
            continue
        page.broke = False
    return Grid(rows)
