"""A form's title or header printed again inside its table at a page's top: the table goes on, no new form.

A text copied from a printed table carries what each page prints at its top, often the form's title
("部门整体支出绩效目标表…", after the page number "- 2 -") and the header row set to repeat, between two rows of
one table.  A new project's form may begin a page under the same title and header too, so the title alone says
nothing; what follows it does.  A new form prints its facts (项目名称, 部门名称: …) or its header and then its
first category again (产出指标, a label its table before it read already).  A table going on prints its rows on,
straight away or under its header printed again, and its first row there opens with no label (the page cut it
inside a category) or with a category the table had not read yet.

What follows is read in whatever layout the copy gave it: the header printed again as a row, or one cell per
line (a table streamed cell by cell), and so is the first row after it; page numbers and the marks that a table
goes on ("续表", "（接上页）") are no part of it.  A header printed one cell per line has its headings wrapped over
two rows joined by the words they make ("绩效" … "目标值" → 绩效目标值), and the label printed beside it may come cut
at its spaces.  A title printed again is the same title when it differs only in spaces, widths, punctuation or a
label before it ("标 题:", title_key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import pairwise

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.form_cells import Kind
from kpi_lint.parse.form_header import cell_roles, is_header, with_name_column
from kpi_lint.parse.form_line import Line
from kpi_lint.vocab import PAGE_MARK, Vocabulary, label_key, squash

_LABELS = (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER)
_LEAD_IN = lazy_compile(r"[：:]\s*$")  # "项目责任人:": a label whose value follows; no indicator's name ends so
_LABELLED = lazy_compile(r"^([^:：]{1,8})[:：]")  # "标题:", "项目名称:" printed before a title
_NOT_WORD = lazy_compile(r"[\W_]+")
_ROW_CELLS = 4  # cells of a row printed one per line looked at: its labels, its name and a target
WRAPPED_HALF = 4  # the top half of a heading wrapped over two header rows: a word or two ("绩效", "实际")
LOOK = 40  # rows looked at after a title or a header printed again (a header one cell per line, blank lines)


def title_key(text: str, vocab: Vocabulary) -> str:
    """A title as compared with itself printed again at a page's top: full- and half-width forms folded,
    without spaces and punctuation, and without a label printed before it ("标 题:", "项目名称:" — the words
    before a colon, when they name no form and a form's title follows them).  A web page's copy prints its
    title under such a label, the pages of the document printed under it without."""
    key = squash(text)
    label = _LABELLED.match(key)
    if label and vocab.title_family(label[1]) is None and vocab.title_family(key[label.end() :]) is not None:
        key = key[label.end() :]
    return _NOT_WORD.sub("", key)


def _printed(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows that print something other than a page's furniture (its number, the mark that a table goes
    on), with the row ends (blank rows) of a table copied one cell per line."""
    for row in rows:
        if not row.cells:
            yield row
            continue
        text = " ".join(c.text.strip() for c in row.filled)
        if text and not PAGE_MARK.match(text):
            yield row


def what_follows(rows: Iterable[Row], vocab: Vocabulary, under_header: bool = False) -> tuple[Line | None, Line | None]:
    """The header printed again at the head of `rows` (None when there is none) and the first row after it,
    each as one line: a row of cells, or cells printed one per line gathered (a header's words while they name
    columns; a row's first cells up to the end of its row).  The first row is gathered from one-cell lines only
    under a header (printed here, or just before `rows`: `under_header`): without one, such lines are as likely
    a new form's headings and labels ("(2025年度)", "项目责任人:")."""
    header: Line | None = None
    header_read = False
    words: list[Cell] = []  # a header's words printed one per line
    cells: list[Cell] = []  # the first row's cells printed one per line
    printed = _label_over_header_out(_halves_joined(list(_printed(rows)), vocab), vocab)
    for row in printed:
        filled = row.filled
        if not filled:
            if cells:
                break  # the end of the first row, printed one cell per line
            continue
        if not header_read:
            if len(filled) >= 2 and not words:
                line = Line(row, vocab)
                if not is_header(line.roles):
                    return None, line
                header, header_read = line, True
                continue
            if len(filled) == 1 and cell_roles(filled, vocab)[0] is not None:
                words.append(filled[0])
                continue
            header_read = True
            if words:
                header = _gathered(words, vocab)
                if header is None:
                    return None, None  # column words that name no header: a heading, not a table's header
        if len(filled) >= 2:
            if cells:
                break
            return header, Line(row, vocab)
        if header is None and not under_header:
            return None, None
        cells.append(filled[0])
        if len(cells) == _ROW_CELLS:
            break
    if not header_read and words:
        return _gathered(words, vocab), None
    return header, (Line(Row(cells), vocab) if cells else None)


def _halves_joined(rows: list[Row], vocab: Vocabulary) -> list[Row]:
    """`rows` with a header printed one cell per line whose headings wrapped over two header rows joined: the
    top halves ("绩效", "实际": short words that name no column) among the header's words, the bottom halves
    printed after its last word ("目标值 完成值", one line or several), each half joined in order to the bottom
    half that makes with it a heading the vocabulary lists as a whole ("绩效目标值", "实际完成值").  Unchanged
    when the header's lines hold no such halves, or the halves make no known headings."""
    halves: list[int] = []  # the lines of the top halves
    run: list[int] = []  # the header's lines, from its first word
    lines = 0
    for i, row in enumerate(rows):
        filled = row.filled
        if not filled:
            continue
        lines += 1
        words = [w for c in filled for w in c.text.split()]
        if all(vocab.column_role(w) is not None for w in words):
            run.append(i)
        elif not run and lines == 1:
            continue  # a label printed over the header (_label_over_header_out)
        elif run and len(words) == 1 and len(squash(words[0])) <= WRAPPED_HALF:
            halves.append(i)
            run.append(i)
        else:
            break
    if not halves:
        return rows
    tails = [i for i in run if i > halves[-1]]
    for start in range(len(tails)):  # the bottom halves: the last words of the header's lines
        bottom = [w for i in tails[start:] for c in rows[i].filled for w in c.text.split()]
        if len(bottom) != len(halves):
            continue
        joined = [rows[h].filled[0].text.strip() + w for h, w in zip(halves, bottom, strict=True)]
        if not all(vocab.columns.get(label_key(j)) for j in joined):
            return rows
        out = {h: Row([replace(rows[h].filled[0], text=j)]) for h, j in zip(halves, joined, strict=True)}
        gone = set(tails[start:])
        return [out.get(i, row) for i, row in enumerate(rows) if i not in gone]
    return rows


def _label_over_header_out(rows: list[Row], vocab: Vocabulary) -> list[Row]:
    """`rows` without a first line of one label that names no column over a header's row or first word: a label
    printed over or beside the header ("年度绩效目标 (80分)", "绩效指标", "部门整体 支出年度 绩效目标" cut at its
    spaces), printed again with it."""
    filled = [row for row in rows if row.filled]
    if len(filled) < 2 or not _a_label(filled[0].filled, vocab):
        return rows
    return [row for row in rows if row is not filled[0]] if _names_columns(filled[1], vocab) else rows


def one_label(filled: list[Cell], vocab: Vocabulary) -> bool:
    """`filled` print one label: one or two cells ("年度绩效目标 | (80分)"), or the words of a label wrapped in
    its cell, its lines joined by single spaces ("部门整体 支出年度 绩效目标"), cut apart at them: one character
    apart on one line, a column word at most among them (a header's row names several)."""
    if len(filled) <= 2:
        return True
    if not all(b.line == a.line and b.column == a.column + len(a.text) + 1 for a, b in pairwise(filled)):
        return False
    return sum(1 for role in cell_roles(filled, vocab) if role is not None) <= 1


def _a_label(filled: list[Cell], vocab: Vocabulary) -> bool:
    """`filled` print one label that names no column (one cell, or its words cut apart: one_label)."""
    if len(filled) == 1:
        return cell_roles(filled, vocab)[0] is None
    return one_label(filled, vocab) and vocab.column_role(" ".join(c.text for c in filled)) is None


def _names_columns(row: Row, vocab: Vocabulary) -> bool:
    """`row` is a header's row, or a header's first word printed on a line of its own."""
    roles = cell_roles(row.filled, vocab)
    return is_header(roles) if len(roles) > 1 else roles[0] is not None


def _gathered(cells: list[Cell], vocab: Vocabulary) -> Line | None:
    line = Line(Row(cells), vocab)
    return line if is_header(line.roles) else None


def runs_on(
    ahead: Iterable[Row],
    header_roles: list[str | None],
    labels: tuple[set[str], set[str]],
    vocab: Vocabulary,
    is_fact: Callable[[str], bool],
    under_header: bool = False,
) -> bool:
    """The rows `ahead` of a title or header printed again go on with the table under `header_roles` that read
    the `labels` (canonical 一级/二级: all read, and the last row's): a row of that table, or that table's header
    printed again and such a row, in any layout.  `under_header`: `ahead` are the rows under a header printed
    again."""
    header, first = what_follows(ahead, vocab, under_header)
    if header is not None and not same_columns(_named(header), header_roles):
        return False  # another table's header
    return first is not None and _a_row_going_on(first, labels, vocab, is_fact)


def header_follows(ahead: Iterable[Row], header_roles: list[str | None], vocab: Vocabulary) -> bool:
    """The rows `ahead` open with the header of `header_roles` printed again, in any layout."""
    header, _ = what_follows(ahead, vocab)
    return header is not None and same_columns(_named(header), header_roles)


def _a_row_going_on(
    line: Line, labels: tuple[set[str], set[str]], vocab: Vocabulary, is_fact: Callable[[str], bool]
) -> bool:
    filled = line.filled
    if len(filled) < 2 or is_header(line.roles) or any(line.facts):
        return False  # a heading, a line of prose, a header, a fact's label ("项目名称"): no row of the table
    if any(is_fact(c.text) or _LEAD_IN.search(c.text) for c in filled):
        return False  # facts ("部门名称:浮梁县林业局"; a label awaiting its value: "项目责任人:")
    if vocab.title_family(" ".join(c.text.strip() for c in filled)) is not None:
        return False
    opening = []
    for cell, kind in zip(filled, line.kinds, strict=True):
        if kind not in _LABELS:
            break
        opening.append(vocab.canonical_level2(cell.text) or vocab.canonical_level1(cell.text) or squash(cell.text))
    if len(opening) == len(filled):
        return False  # labels alone: a heading as much as a row
    read, last = labels
    # No label read yet; or the labels of the row before, printed again over the page's first row (a table whose
    # rows each print their 一级/二级, as a sheet does): a new table starts over at a category read before.
    return not read & set(opening) or (bool(opening) and set(opening) <= last)


def _named(line: Line) -> list[str | None]:
    return with_name_column(list(line.row.cells), line.roles)[1]


def same_columns(roles: list[str | None], other: list[str | None]) -> bool:
    """Two headers name the same columns: the same header printed again, not another table's.  The 一级 heading
    may be read apart from it (a cell merged down beside the header, "绩效指标" over "一级指标")."""
    one, two = {r for r in roles if r}, {r for r in other if r}
    return one == two or one | {"level1"} == two | {"level1"}
