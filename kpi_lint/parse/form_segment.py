"""Cutting a run of cells printed one after another into indicator rows.

A table copied one cell per line, or flattened onto one line, loses its row boundaries, and empty
cells (an empty 偏差原因, a missing 度量单位) are not printed at all.  Between two 一级/二级 labels the
cells are cut into rows so that every row starts with a name and fills the columns a row is
expected to have; typed columns (计算符号, 度量单位, 分值, 得分) take only cells of their kind.  This is a
small dynamic programme: the cut with the fewest expected columns left empty wins.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.form_header import COMPARATOR_WORDS, DIRECTION_WORDS, SIGNS, TARGET_ROLES, fits, is_number
from kpi_lint.parse.numbering import INDICATOR_NUMBER, NUMBER_END
from kpi_lint.vocab import GRADES, WORDED_SIGNS, GlueHints, squash

Column = tuple[int, str]  # (column index, role)
Placed = list[tuple[Column, Cell]]

# Not a name: a sign, a percentage, or a short number with its unit ("1次", "24期", "60人").
_TARGET = lazy_compile(rf"^(?:[{SIGNS}]|\d+(?:\.\d+)?%$|\d+(?:\.\d+)?[^\d]{{0,3}}$)")
_NUMBERED = lazy_compile(rf"^\s*[★☆]*{INDICATOR_NUMBER}\s*{NUMBER_END}")
# Not a name either: the worded target "everyone it is owed to" (应保尽保, 应改尽改, 应补尽补).
_ALL_DUE = lazy_compile(r"^应(.{1,2})尽\1$")
# Columns a row may leave out without it being a different reading.
OPTIONAL = {"deviation", "note", "unnamed", "adjusted_value", "comparator", "unit"}
# Costs are counted in units of _UNIT; an optional column left empty inside a row costs one point, so
# that of two cuts that leave the same expected columns empty the one whose rows fill their columns wins.
_UNIT = 1000
_MISSING = 2 * _UNIT  # what an expected column left empty costs
_SKIPPED = 1  # what an optional column left empty before a row's last cell costs
_NO_HINTS = GlueHints()
_NAME_AS_TARGET = _UNIT  # a cell reading as a name, taken as a target (plainly_a_name): less than _MISSING
_INF = 10**9


def _fits(role: str, cell: Cell) -> bool:
    if cell.blank:
        return True
    if role == "level3":  # a name is not a bare number, a sign or a target ("≧90%", "=100%")
        text = squash(cell.text)
        worded = text in COMPARATOR_WORDS or _ALL_DUE.match(text) is not None
        return not is_number(text) and not worded and not _TARGET.match(text)
    if _NUMBERED.match(cell.text):  # "指标5:…" is numbered as a name: it begins a row
        return False
    return fits(role, cell.text)


def _sign(cell: Cell) -> bool:
    """A cell holding a comparison alone ("=", "≥", "不低于"), not a kind of target (定性, 正向)."""
    text = squash(cell.text)
    return text in COMPARATOR_WORDS and text not in DIRECTION_WORDS


def plainly_a_name(text: str, hints: GlueHints) -> bool:
    """A cell that reads as an indicator's name, never as a target: no figure, sign or date, no grade,
    not opening with a worded target's word (提高, 有所 … vague_words.txt) or a comparison, and ending as names end
    (率, 人数, 满意度 … name_units.txt): "资金拨付及时率" after a worded target ("按时完成") is the next
    row's name in a table cut after it, not the target of the row before."""
    if not hints.name_ends or len(text) < 4 or not text.endswith(hints.name_ends):
        return False
    if any(ch.isdigit() for ch in text) or any(ch in SIGNS or ch in "%％‰" for ch in text):
        return False
    if text in GRADES or text in COMPARATOR_WORDS:
        return False
    # "提高群众满意度", "不低于去年完成率": a worded target opens with its verb or comparison; inside a
    # name the same word is part of it ("资金拨付及时率").
    return not text.startswith((*hints.worded_ends, *hints.worded_starts, *WORDED_SIGNS))


def starts_row(cell: Cell) -> bool:
    """Whether a row can begin with `cell` (its 三级指标 name)."""
    return not cell.blank and _fits("level3", cell)


def assign(
    cells: list[Cell],
    columns: list[Column],
    named: bool = False,
    hints: GlueHints = _NO_HINTS,
    open_end: bool = False,
) -> tuple[int, Placed] | None:
    """The cheapest in-order placement of `cells` in `columns` (cost: expected columns left empty).
    `named`: the first cell is the row's name by its place, whatever it reads like ("2020年").
    `open_end`: the text broke off after these cells; the columns after the last one cost nothing."""
    k, m = len(cells), len(columns)
    if not k or k > m or cells[0].blank or columns[0][1] != "level3":
        return None
    if not named and not _fits(columns[0][1], cells[0]):
        return None

    signed = any(role == "comparator" for _, role in columns)

    def fits_at(a: int, b: int) -> bool:
        if named and a == 0 and b == 0:
            return True
        # A sign alone ("=", "≥") is no target where the table has a column for it (指标性质, 计算符号).
        return _fits(columns[b][1], cells[a]) and not (signed and columns[b][1] in TARGET_ROLES and _sign(cells[a]))

    def name_as_target(a: int, b: int) -> int:
        """What taking cells[a] as the target columns[b] costs when it reads as a name: less than a
        column left empty, so a row's name in a target column is possible, but in a tie the name
        begins the next row (a table cut after it)."""
        role = columns[b][1]
        return _NAME_AS_TARGET if role in TARGET_ROLES and plainly_a_name(squash(cells[a].text), hints) else 0

    # best[a][b]: cost of placing cells[a:] in columns[b:]
    best = [[_INF] * (m + 1) for _ in range(k + 1)]
    for b in range(m + 1):
        best[k][b] = 0 if open_end else sum(_MISSING for _, role in columns[b:] if role not in OPTIONAL)
    for a in range(k - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            skip = best[a][b + 1] + (_SKIPPED if columns[b][1] in OPTIONAL else _MISSING)
            take = best[a + 1][b + 1] + name_as_target(a, b) if fits_at(a, b) else _INF
            best[a][b] = min(skip, take)
    if best[0][0] >= _INF:
        return None
    placed: Placed = []
    a = b = 0
    while a < k:
        if fits_at(a, b) and best[a][b] == best[a + 1][b + 1] + name_as_target(a, b):
            placed.append((columns[b], cells[a]))
            a += 1
        b += 1
    return best[0][0], placed


def _names_ahead(
    cells: list[Cell], i: int, columns: list[Column], hints: GlueHints
) -> tuple[int, int, list[Placed]] | None:
    """Two numbered names one after the other, then the figures of both rows ("指标24:…报告 | 数 |
    指标25:家庭医生签约率 | 14例 | 14例 | 2 | 2 | 24694人 | 22584人 | 2 | 1.7"): a name wrapped onto a
    second line of its cell pushed the next row's name ahead of its own figures.  The figures are
    dealt to the names in order, half each; a short word between the names is the first one's tail.
    Returns (end, cost, rows) or None."""
    n = len(cells)
    if not _NUMBERED.match(cells[i].text):
        return None
    k = i + 1
    while k < n and k - i <= 2 and not _NUMBERED.match(cells[k].text) and _is_tail(cells[k]):
        k += 1
    if k >= n or not _NUMBERED.match(cells[k].text):
        return None
    end = k + 1
    while end < n and not starts_row(cells[end]):
        end += 1
    figures = [c for c in cells[k + 1 : end] if not c.blank]
    if not figures or len(figures) % 2:
        return None
    first = cells[i]
    if k > i + 1:
        first = replace(first, text=first.text + "".join(c.text.strip() for c in cells[i + 1 : k]))
    half = len(figures) // 2
    rows: list[Placed] = []
    cost = 0
    for name, own in ((first, figures[:half]), (cells[k], figures[half:])):
        found = assign([name, *own], columns, hints=hints)
        if found is None:
            return None
        cost += found[0]
        rows.append(found[1])
    return end, cost, rows


def _is_tail(cell: Cell) -> bool:
    """A word or two wrapped off a name ("数" of "…报告数"): short, and no figure."""
    text = squash(cell.text)
    return 0 < len(text) <= 2 and not any(ch.isdigit() for ch in text) and _fits("level3", cell)


def segment(
    cells: list[Cell], columns: list[Column], hints: GlueHints = _NO_HINTS, open_end: bool = False
) -> list[Placed]:
    """Cut `cells` into rows over `columns`; cells that cannot start a row are left out.
    `hints`: how names end and worded targets read, so that a plain name is no row's target.

    A free-text column (绩效标准, 指标说明) the cut fills in some rows and leaves empty in others may be one
    the author left empty throughout ("指标名称 | 绩效目标 | 绩效标准" with no standard written): the next
    row's name was taken for it.  The cells are cut again without that column; that cut is kept when it
    places every cell, leaves no expected column empty and finds more rows.

    `open_end`: the text breaks off after the cells, perhaps inside a row: the last row's missing
    columns cost nothing (a row cut after its name is then a row of its own, not a note of the one before).
    """
    cost, rows = _cut_rows(cells, columns, hints, open_end)
    filled_cells = sum(1 for c in cells if not c.blank)
    for role in _UNWRITTEN:
        filled = [any(r == role for (_, r), _ in row) for row in rows]
        if len(rows) < 2 or all(filled) or not any(filled):
            continue
        fewer = [c for c in columns if c[1] != role]
        again, rows_again = _cut_rows(cells, fewer, hints, open_end)
        placed = sum(1 for row in rows_again for _, c in row if not c.blank)
        if again < _UNIT <= cost and placed == filled_cells and len(rows_again) > len(rows):
            rows, columns, cost = rows_again, fewer, again
    return rows


_UNWRITTEN = ("basis", "description")  # free-text columns an author may leave empty in every row


def _cut_rows(
    cells: list[Cell], columns: list[Column], hints: GlueHints, open_end: bool = False
) -> tuple[int, list[Placed]]:
    """The cheapest cut of `cells` into rows over `columns`, and its cost."""
    n = len(cells)
    cost = [_INF] * (n + 1)
    back: list[tuple[int, list[Placed] | None]] = [(0, None)] * (n + 1)
    cost[0] = 0
    for i in range(n):
        if cost[i] >= _INF:
            continue
        # Leaving a cell out is possible but dear, unless it is empty (padding) or a bare number (a
        # 序号, a score wrapped off its row): only when no row can start with it.
        drop = 0 if cells[i].blank else _UNIT if is_number(cells[i].text) else _MISSING * len(columns)
        if cost[i] + drop < cost[i + 1]:
            cost[i + 1], back[i + 1] = cost[i] + drop, (i, None)
        for j in range(i + 1, min(n, i + len(columns)) + 1):
            found = assign(cells[i:j], columns, hints=hints, open_end=open_end and j == n)
            if found is None:
                continue
            total = cost[i] + found[0]
            if total < cost[j]:
                cost[j], back[j] = total, (i, [found[1]])
        ahead = _names_ahead(cells, i, columns, hints)
        if ahead is not None and cost[i] + ahead[1] < cost[ahead[0]]:
            cost[ahead[0]], back[ahead[0]] = cost[i] + ahead[1], (i, ahead[2])
    rows: list[Placed] = []
    j = n
    while j > 0:
        i, placed = back[j]
        if placed is not None:
            rows.extend(placed[::-1])
        j = i
    return cost[n], rows[::-1]
