"""A table's header printed again at the top of a page where the table runs on (PDF).

Word lets the first rows of a table repeat at the top of every page the table runs on to (表格属性 ›
重复标题行, ``w:tblHeader``), and LibreOffice and Word print them so.  Read as they stand, they would be a
row of the table's body (a second header in the middle of it), and they would stand between the
foot of the page before and the rest of a row that the page break cut.  They are the header again:
the rows that repeat, cell by cell in the same columns, the first rows of the table as printed on
the page it started on are dropped; nothing is lost.

The first row repeated may be the table's title, a row of one cell ("部门整体支出绩效自评表"), alone or
with the header under it.  A new table that opens with the same title prints its own header rows
next (its year, its project's name); a title printed again over the rest of the table does not.
"""

from __future__ import annotations

from kpi_lint.grid import Row
from kpi_lint.lazy_re import lazy_compile

_SPACE = lazy_compile(r"\s+")
_FIGURES = lazy_compile(r"\d+")
_TITLE_CHARS = 4


def repeated_header(rows: list[Row], head: list[Row], printed: int) -> int:
    """How many of `rows` (a table's rows on the page it runs on to) repeat, one by one, `head` (the
    first rows of that table on the page it started on, which printed `printed` rows there): the
    same texts in the same columns, spaces and line breaks aside.  The table printed rows below its
    header first (else it is a new table).  Rows of one printed cell (a title) repeat the header
    only when the row after them does not open the table again (`_opens_again`)."""
    n = 0
    while n < min(len(rows), len(head), printed - 1) and _same(rows[n], head[n]):
        n += 1
    if n and all(len(h.filled) < 2 for h in head[:n]) and n < min(len(rows), len(head)):
        return 0 if _opens_again(rows[n], head[n]) else n
    return n


def _same(row: Row, head: Row) -> bool:
    """The same texts in the same order, the empty cells aside: a table rebuilt from word positions
    can split a page into more columns than the page it started on (a ragged table whose rows on
    that page are wider), and the repeated row then stands in cells of other numbers.  A few cells may
    print more after the heading: the rest of a cell merged down over the break (`tails`)."""
    if not head.filled or len(row.filled) != len(head.filled):
        return False
    pairs = list(zip(row.filled, head.filled, strict=True))
    longer = 0
    for a, b in pairs:
        mine, theirs = _text(a.text), _text(b.text)
        if mine != theirs:
            if len(theirs) < _TITLE_CHARS or not mine.startswith(theirs):
                return False
            longer += 1
    return longer * 2 < len(pairs)


def tails(rows: list[Row], head: list[Row]) -> dict[int, str]:
    """Column → the text printed after the heading in the header rows repeated on a page (`rows`, as
    printed there, `head` as on the page the table started on): a sheet printed with print titles draws
    the rest of a cell merged down over the page break (一级/二级) at the top of its piece, inside the
    repeated heading's cell ("一级指标" then "产出指标")."""
    out: dict[int, str] = {}
    for row, first in zip(rows, head, strict=False):
        if len(row.cells) != len(first.cells):
            continue
        for col, (cell, heading) in enumerate(zip(row.cells, first.cells, strict=True)):
            mine, theirs = _text(cell.text), _text(heading.text)
            if theirs and mine != theirs and mine.startswith(theirs) and col not in out:
                out[col] = mine[len(theirs) :]
    return out


def repeats_title(rows: list[Row], above: list[str]) -> bool:
    """The first of `rows` (a table without rulings running on at a page's top) is one cell that
    prints again whole lines printed above the table on the page it started on (`above`, in order):
    its title, set in a first row that repeats, which a narrow first column wraps into lines that
    stand there outside the rebuilt table.  Four characters at least."""
    if not rows or len(rows[0].filled) != 1:
        return False
    text = _text(rows[0].filled[0].text)
    lines = [_text(line) for line in above]
    return len(text) >= _TITLE_CHARS and any(
        text == "".join(lines[i:j]) for i in range(len(lines)) for j in range(i + 1, len(lines) + 1)
    )


def _opens_again(row: Row, head: Row) -> bool:
    """`row` begins as `head` does (the same first printed cell, figures aside: "(2021年度)" under
    "(2020年度)", "项目名称" before another project's name): a new table under the same title."""
    return bool(row.filled and head.filled) and (
        _FIGURES.sub("", _text(row.filled[0].text)) == _FIGURES.sub("", _text(head.filled[0].text))
    )


def _text(text: str) -> str:
    return _SPACE.sub("", text)
