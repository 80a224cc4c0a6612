"""Whether a row is the rest of the record above it, and if so adding it there.

A row of a table may be printed over two lines or two pages: its name on one line and its target,
grade or scores on the next (a web page copied as text, a PDF whose cell wrapped), or its long
texts cut by a page break.  Each function here decides one such case for the row read last
(`last`, in its period group `group`) and, when it holds, fills that record's empty roles with
the cells and returns True; otherwise it changes nothing.  `BlockReader` (form_block) asks them
before reading a row as a row of its own.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.form_cells import Kind, kind_of
from kpi_lint.parse.form_header import DIRECTION_WORDS, Group, fits, is_number
from kpi_lint.parse.form_record import Record
from kpi_lint.parse.page_split import page_of
from kpi_lint.vocab import CONJUNCTION_FIRST, GRADES, Vocabulary, squash, strip_marks

MAX_WRAPPED_TARGET = 10  # a target printed alone under its name is short ("有效提升", "≥95%")
_CARRIED_ROLES = ("level3", "description", "basis", "deviation", "note")  # texts a page break may cut
_CARRIED_TARGETS = ("value", "actual")  # … and targets, with the name beside them
_POINTS = lazy_compile(r"^\d+(?:\.\d+)?分$")
_CLAUSES = lazy_compile(r"[;；]")  # clauses of a remark ("免疫效果好;检疫符合"); a name is one phrase


def name_only(last: Record) -> bool:
    """The row read last printed its name (and perhaps a 指标性质 word) and nothing after it."""
    return "level3" in last.data and not set(last.data) - {"level3", "comparator"} and not last.extra_values


def wrapped_line(last: Record, group: Group, filled: list[Cell], vocab: Vocabulary) -> bool:
    """A line wrapped off the row above, added to that row: its target alone (see target_below), its
    grade (grade_below), the rest of it (rest_below), or numbers only (its 分值 / 权重 / 得分)."""
    if target_below(last, group, filled, vocab) or grade_below(last, group, filled):
        return True
    if rest_below(last, group, filled, vocab) or name_tail_below(last, filled):
        return True
    if note_below(last, group, filled, vocab):
        return True
    missing = [(col, role) for col, role in group.data if role in ("weight", "score") and role not in last.data]
    if not all(fits("weight", c.text) for c in filled) or len(filled) > len(missing):
        return False
    for (_, role), cell in zip(missing, filled, strict=False):
        last.data[role] = cell
    return True


def name_tail_below(last: Record, filled: list[Cell]) -> bool:
    """A line opening with a conjunction ("及检疫率") under a row that has its name: the name wrapped onto
    a line of its own ("各种强制免疫率、屠宰率 ⏎ 100% ⏎ 及检疫率", its target centred beside its two lines
    printed between them).  No name begins with 及 or 以及; the tail goes back onto the name."""
    if len(filled) != 1 or "level3" not in last.data or CONJUNCTION_FIRST.match(squash(filled[0].text)) is None:
        return False
    _carry_onto(last, "level3", filled[0])
    return True


def note_below(last: Record, group: Group, filled: list[Cell], vocab: Vocabulary) -> bool:
    """A line of clauses ("免疫效果好;检疫符合") under a row that has its name and target, in a table whose
    备注/说明 column comes after the target: that row's remark, printed on a line of its own; a further
    line of clauses ("提高成活率;让肉") is the rest of the remark, wrapped.  A name is one phrase: a line
    holding a ；opens no row here.  (A 。 is no mark of a remark: a text's prose may follow the table.)"""
    roles = group.roles
    if len(filled) != 1 or "level3" not in last.data or "value" not in last.data or "note" not in roles:
        return False
    if "value" not in roles or roles.index("note") < roles.index("value"):
        return False
    cell = filled[0]
    if kind_of(cell, vocab) is not Kind.DATA or not _CLAUSES.search(cell.text):
        return False
    _carry_onto(last, "note", cell)
    return True


def _carry_onto(last: Record, role: str, cell: Cell) -> None:
    """`cell`, a line of its own, is the rest of `last`'s cell under `role` (or the whole of it, if none yet)."""
    held = last.data.get(role)
    last.data[role] = cell if held is None else replace(held, text=held.text.rstrip() + cell.text.strip())


def over_the_page(last: Record, row: Row, vocab: Vocabulary) -> bool:
    """The rest of the row above, printed at the top of the next page: a ruled row on another page
    than the record before it, whose cells stand only in the columns of that record's texts (its
    name, a note), none under a label or a figure.  Each piece is added to the cell above it."""
    if not row.ruled or row.whole:
        return False
    pages = {page_of(c) for c in last.data.values()}
    page = page_of(row.cells[0])
    if page is None or None in pages or page in pages or not last.data.get("value"):
        return False
    # Matched by the column each cell stands in: the rows of a table need not line up with its header.
    by_column = {cell.column: role for role, cell in last.data.items()}
    pieces = [(by_column.get(c.column, ""), c) for c in row.filled]
    roles = {role for role, _ in pieces}
    # A written target ("6月份完成宣传片制作;9" ⏏ "月份完成文本;…") is cut too, when the name above it
    # was cut with it and the row above holds a figure column (分值, 得分, 单位 …) that this line
    # leaves empty: a name and a target alone may be the next row, whole.
    figures = set(last.data) - {*_CARRIED_ROLES, *_CARRIED_TARGETS}
    words = all(kind_of(c, vocab) is Kind.DATA for _, c in pieces)  # "成本指标" opens the next rows
    carried = (*_CARRIED_ROLES, *_CARRIED_TARGETS) if "level3" in roles and figures and words else _CARRIED_ROLES
    if not pieces or any(role not in carried for role in roles):
        return False
    for role, cell in pieces:
        last.data[role] = replace(last.data[role], text=last.data[role].text + cell.text)
    return True


def target_below(last: Record, group: Group, filled: list[Cell], vocab: Vocabulary) -> bool:
    """A row that printed only its name, then its target alone on the next line ("长期",
    "11月底之前"): the target is the row's.  Only a short cell that is no label can be one."""
    sign = last.data.get("comparator")
    if sign is not None and squash(sign.text) not in DIRECTION_WORDS:
        return False  # "定性" may stand beside the name; a comparison would have its number
    if len(filled) != 1 or not name_only(last):
        return False
    cell = filled[0]
    text = squash(cell.text)
    if kind_of(cell, vocab) is not Kind.DATA or not 0 < len(text) <= MAX_WRAPPED_TARGET:
        return False
    if "value" not in group.roles:
        return False
    last.data["value"] = cell
    return True


def rest_below(last: Record, group: Group, filled: list[Cell], vocab: Vocabulary) -> bool:
    """A row that printed only its name, then the rest of it on the next line ("扶持发展新型农业经营
    主体 (个) |" ⏎ "15 | 6 | 8.0"): its target and the figures after it, in column order. The
    target must read as one (a figure or a comparison), so that a next row is never taken."""
    group_roles = group.roles
    if len(filled) < 2 or not name_only(last) or "level3" not in group_roles:
        return False
    roles = [role for role in group_roles[group_roles.index("level3") + 1 :] if role not in last.data]
    if "value" not in roles or len(filled) > len(roles) or not is_number(squash(strip_marks(filled[0].text))):
        return False
    placed = list(zip(filled, roles, strict=False))
    if any(kind_of(c, vocab) is not Kind.DATA or not fits(role, c.text) for c, role in placed):
        return False
    for cell, role in placed:
        last.data[role] = cell
    return True


def target_after_kind(last: Record, group: Group, part: list[Cell], vocab: Vocabulary) -> bool:
    """A row that printed its name and the kind of its target ("定性") and ended there, then its
    target and figures as a row of their own ("长期 | 15"): they are that row's, its target first,
    the numbers in its empty 分值/得分 columns."""
    sign = last.data.get("comparator")
    if sign is None or squash(sign.text) not in DIRECTION_WORDS or len(part) < 2:
        return False
    missing = [role for role in ("weight", "score") if role in group.roles and role not in last.data]
    numbers = part[1:]
    if len(numbers) > len(missing) or not all(is_number(c.text) for c in numbers):
        return False
    if not target_below(last, group, part[:1], vocab):
        return False
    for role, cell in zip(missing, numbers, strict=False):
        last.data[role] = cell
    return True


def grade_below(last: Record, group: Group, filled: list[Cell]) -> bool:
    """A line holding a grade and numbers ("优 | 10") under a row that has its target but no
    实际完成值: the rest of that row, wrapped (a grade alone is no indicator's name)."""
    if squash(filled[0].text) not in GRADES or not all(is_number(c.text) for c in filled[1:]):
        return False
    if "level3" not in last.data or not {"value", "comparator"} & set(last.data) or "actual" in last.data:
        return False
    last.data["actual"] = filled[0]
    # The numbers after it fill the row's empty score columns, the last ones first (a lone one is 得分).
    numbers = filled[1:]
    missing = [role for role in ("weight", "score") if role in group.roles and role not in last.data]
    if numbers and len(numbers) <= len(missing):
        for role, cell in zip(missing[len(missing) - len(numbers) :], numbers, strict=True):
            last.data[role] = cell
    return True


def points_awarded(row: Row) -> bool:
    """A row of what each item scored ("预算绩效评价结果 | 考核节点进度完成率 | 10分 | 项目采购节约率 | 10分"),
    printed under a table: two points or more, each right after a cell of words with no figure (the item
    it scores).  An indicator row's figures follow its name in turn (target, actual), not one each."""
    texts = [squash(c.text) for c in row.filled]
    return awarded(texts, [i for i, t in enumerate(texts) if _POINTS.match(t)])


def bare_points(text: str) -> bool:
    """`text` is points and nothing else ("10分", "9.5分")."""
    return _POINTS.match(squash(text)) is not None


def awarded(texts: list[str], points: list[int]) -> bool:
    """Points stand at `points` among the cells `texts` of one row, two or more, each right after a cell of
    words with no figure: the row says what each item scored (points_awarded)."""
    return len(points) >= 2 and all(i > 0 and not any(ch.isdigit() for ch in texts[i - 1]) for i in points)
