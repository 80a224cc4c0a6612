"""The rows of an indicator block → records (一级, 二级 and the data cells of each period group).

A row is read by position when its cells line up with the header (office tables, where merged
cells fill every slot they cover, and tab-separated rows that print empty cells).  Otherwise it
is read by content: 一级/二级 labels are recognised by name and the cells after them fill the
group's data columns in header order.  This also reads rows that lost their merged cells (a web
page copied as text prints a merged 一级 only in its first row) and blocks printed one cell per
line, where a row ends when its group's columns are full or a new label comes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.common import to_number
from kpi_lint.parse.form_cells import Kind, kind_of, resolve
from kpi_lint.parse.form_glued import ends_the_table, glued_rows
from kpi_lint.parse.form_header import COMPARATOR_WORDS, DIRECTION_WORDS, Group, Header, fits, is_number
from kpi_lint.parse.form_record import Record
from kpi_lint.parse.form_segment import OPTIONAL, Placed, assign, plainly_a_name, segment, starts_row
from kpi_lint.parse.glued_labels import labels_glued_before, own_category, title_glued_before
from kpi_lint.parse.labels_before import spread
from kpi_lint.parse.list_items import (
    NUMBERED_ITEM,
    TARGET_START,
    bracketed_item,
    labelled_item,
    list_item,
    whole_rows,
)
from kpi_lint.parse.numbering import CHINESE_NUMERAL, NUMBER_END, NUMBER_STOP
from kpi_lint.parse.row_continues import (
    awarded,
    bare_points,
    grade_below,
    over_the_page,
    points_awarded,
    target_after_kind,
    wrapped_line,
)
from kpi_lint.parse.row_layout import LABEL_KINDS, RowLayout, first_level, trimmed
from kpi_lint.vocab import Vocabulary, label_key, squash, strip_marks


@dataclass
class _Levels:
    level1: Cell | None = None
    level2: Cell | None = None


class BlockReader:
    """Reads indicator rows under one header, keeping the 一级/二级 each group is in."""

    def __init__(self, header: Header, vocab: Vocabulary) -> None:
        self.header = header
        self.vocab = vocab
        self.levels = [_Levels() for _ in header.groups]
        self.records: list[Record] = []
        self._pending: list[list[tuple[tuple[int, str], Cell]]] = [[] for _ in header.groups]
        self._cursor = [0 for _ in header.groups]
        self._group = 0
        # One period group printed one cell at a time: cells wait here until a label or a row mark,
        # then are cut into rows together (form_segment).
        self._run: list[Cell] | None = [] if header.streamed and len(header.groups) == 1 else None
        self._marks: list[int] = []  # positions in the run where a row mark (a line of `|`) stood
        self._row_ends: set[int] = set()  # … and where the mark closed a row (`||||`)
        # Where in the run a cell of bare points ("10分", no cell of the run) stood: after the cell before it.
        self._points_at: list[int] = []
        self._last_kind: Kind | None = None
        self._rows_glued = False  # a cell of this table held rows that lost their separators
        self.finished = False  # a cell of glued rows ended with what follows the table (notes, a section)
        self._project: Cell | None = None
        self._last_label: Cell | None = None
        # A list that writes its targets in brackets ("机柜数量(≥77台)") writes its worded ones so too.
        self._bracketed_targets = False
        # Items of a list read so far: numbered "指标N:" with their target in brackets, and the others.
        self._numbered_items = 0
        self._other_items = 0
        self._first_level2: tuple[int, Cell] | None = None  # the first 二级 label, and the rows read before it
        # Cells each in one slot of their own in a ruled row (an office table's cell, merged over no other
        # column): a name there with its target cells blank is a row whose target was left empty, where a
        # note under the table is one cell merged across it or text outside it.
        self.own_slot: set[int] = set()
        self.labels_met: list[Cell] = []  # the 二级 labels read, in order
        # 二级 labels printed before the header (labels_before.spread), and how to tell a value's kind.
        self.labels_before: list[str] = []
        self.value_kind: Callable[[str], str] | None = None
        # A ruled row of this table started at the left edge, under the 一级/二级 columns: the table was
        # pasted into Word or Excel row by row, its rows' merged cells left out.
        self._pasted = False
        self._context_at: int | None = None  # where the cells of the run before a row's label begin
        self._glued_records: list[Record] = []  # records cut from rows that lost their separators

    # -- public ----------------------------------------------------------------
    @property
    def pasted(self) -> bool:
        """Rows of this table were pasted into Word or Excel from the left edge: their cells need not stand
        under their columns."""
        return self._pasted

    def add_row(self, row: Row) -> None:
        if self._continues(row) or self._over_the_page(row) or points_awarded(row):
            return
        whole = trimmed(row, self.header)
        if row.ruled and not row.rebuilt:
            self.own_slot.update(id(c) for c in row.cells if not c.blank and row.cells.count(c) == 1)
        filled = [i for i, c in enumerate(whole) if not c.blank]
        if not row.ruled and len(filled) == 1:
            at = filled[0]
            titled = title_glued_before(whole[at]) if self._untitled_before_names else None
            if titled is not None:
                _, label, rest = titled  # the title column's label is the table's own heading, no indicator's
                self._titled_row(label, rest)
                return
            whole = [*whole[:at], *labels_glued_before(whole[at], self.vocab), *whole[at + 1 :]]
        cells = _without_numbering(whole, self.vocab)
        # A row short of the table's width once its numbering is left out lost its merged leading
        # cells: its place says nothing, its cells are read by what they are.
        shifted = len(cells) < len(whole) and len(cells) < self.header.width
        if self.header.implicit and not self.header.streamed:
            cells = join_split_targets(cells)
        layout = RowLayout(cells, self.header, self.vocab)
        self._pasted = self._pasted or (row.ruled and layout.starts_left)
        if row.ruled and layout.labels_astray:
            # "质量指标" alone in the first column of a table pasted in row by row: the rows below are in
            # that category, wherever the label stands.
            self._by_content([c for c in cells if not c.blank])
            self.flush()
            return
        if not shifted and layout.lines_up(row.ruled, self._pasted):
            self._positional(cells)
        elif not self._context_only(layout):
            self._by_content(cells)
            if not self.header.streamed:
                self.flush()

    @property
    def _untitled_before_names(self) -> bool:
        """The header prints a column before its 三级指标 that it gives no role, and no 一级/二级 column (a
        glued "评价指标评价内容指标名称…" whose first words are the table's own): its rows' labels stand there."""
        roles = self.header.roles
        if "level3" not in roles or len(self.header.groups) != 1:
            return False
        group = self.header.groups[0]
        return group.level1 is None and group.level2 is None and None in roles[: roles.index("level3")]

    def _titled_row(self, label: Cell | None, rest: Cell) -> None:
        """A row that lost its separators, opening with the row label of the header's untitled column
        (glued_labels.title_glued_before; that label, a heading over the table's rows as 绩效指标 is in the
        template, is left out): `label`, the category after it, is the 二级 of the rows below (one of the
        table's own when the vocabulary does not know it, kept as printed); `rest` is read as any glued row."""
        if label is not None:
            kind = kind_of(label, self.vocab)
            self._label(label, kind if kind in (Kind.LEVEL1, Kind.LEVEL2) else Kind.LEVEL2)
        self._by_content(labels_glued_before(rest, self.vocab))
        if not self.header.streamed:
            self.flush()

    def widen(self, header: Header) -> bool:
        """Read on under `header`, the same one group with more columns (a header whose last words
        came after the block's first cells); False when it does not fit the rows read so far."""
        if self.records or len(header.groups) != len(self.header.groups) or header.streamed != self.header.streamed:
            return False
        self.header = header
        return True

    def _continues(self, row: Row) -> bool:
        """A line wrapped off the row above (row_continues.wrapped_line): one of text, never a row of a
        table printed by position unless it is a line pasted into one (_pasted_line)."""
        filled = row.filled
        if (row.ruled and not self._pasted_line(row)) or self.header.streamed or not filled or not self.records:
            return False
        last = self.records[-1]
        return wrapped_line(last, self.header.groups[last.group], filled, self.vocab)

    def _pasted_line(self, row: Row) -> bool:
        """See RowLayout.pasted_line."""
        return RowLayout(trimmed(row, self.header), self.header, self.vocab).pasted_line(self._pasted)

    def _over_the_page(self, row: Row) -> bool:
        """See row_continues.over_the_page."""
        return bool(self.records) and over_the_page(self.records[-1], row, self.vocab)

    def row_break(self, closes: bool = False) -> None:
        """A mark between rows (a line holding only `|`): ends a record that has its name and target.
        `closes`: a line of several `|`, the empty cells that close a row."""
        if self._run is not None:
            if self._run and (not self._marks or self._marks[-1] != len(self._run)):
                self._marks.append(len(self._run))
            if closes:
                self._row_ends.add(len(self._run))  # before any cell of the run: the run opens a row
            return
        pending = self._pending[self._group]
        roles = {role for (_, role), cell in pending if not cell.blank}
        if self.header.streamed and "level3" in roles and roles & {"value", "actual"}:
            self._emit(self._group)
            self._group = (self._group + 1) % len(self.header.groups)

    def flush(self, text_ends: bool = False) -> None:
        """Read what waits.  `text_ends`: the text ends here, perhaps inside the table's last row."""
        self._cut_run(text_ends)
        for g in range(len(self._pending)):
            self._emit(g)
        self._group = 0

    def _met_level2(self, cell: Cell) -> None:
        if self._first_level2 is None:
            self._first_level2 = (len(self.records), cell)

    def weigh_lone_numbers(self) -> None:
        """Rows that lost their separators, under a header that prints 分值 after 目标值: a bare number
        alone at a row's end could stand in either column.  When every other row cut so gives its 分值
        (two at least: the table scores every row, it leaves no 分值 empty) and the rows that do not
        give one hold only a bare number, no unit, where the target would be, that number is the row's
        分值 and the row prints no target ("规章制度建立与否20" among "享受资助人数达到预计值2100 | 10"): a
        target is what a row may leave out (a yes/no row), its points are not."""
        roles = self.header.groups[0].roles
        if len(self.header.groups) != 1 or "weight" not in roles or "value" not in roles:
            return
        if roles.index("weight") < roles.index("value"):
            return
        kept = {id(r) for r in self.records}
        glued = [r for r in self._glued_records if id(r) in kept]
        weighed = [r for r in glued if "weight" in r.data]
        lone = [r for r in glued if "weight" not in r.data and _bare_points(r)]
        if len(weighed) < 2 or len(weighed) + len(lone) != len(glued):
            return
        for record in lone:
            record.data["weight"] = record.data.pop("value")

    def name_leading_rows(self) -> None:
        """Rows read before the block's first 二级 label, when that label is the second 二级 of its 一级
        (质量指标, listed after 数量指标 in levels.txt): they are the first one's, whose label the
        excerpt or a flattened spreadsheet lost.  Further down the order the rows could be of any
        of the 二级 before; they are left without one.  Labels printed before the header
        (`labels_before`) are given to those rows first."""
        if self._spread_labels_before():
            return
        if self._first_level2 is None:
            return
        (at, cell), self._first_level2 = self._first_level2, None
        label = self.vocab.canonical_level2(cell.text)
        before = self.vocab.level2_before(label)
        if before is None or self.vocab.level2_before(before) is not None:
            return
        parent = self.vocab.parent_of(label)
        for record in self.records[:at]:
            level1 = self.vocab.canonical_level1(record.level1.text) if record.level1 else None
            if record.level2 is None and level1 in (None, parent):
                record.inferred_level2 = before

    def _spread_labels_before(self) -> bool:
        """The rows before the block's first 二级 label, none labelled, under the 二级 labels printed before its
        header (labels_before.spread); True when they were given them."""
        if not self.labels_before or self.value_kind is None:
            return False
        at = self._first_level2[0] if self._first_level2 is not None else len(self.records)
        rows = self.records[:at]
        if not rows or any(r.level2 is not None for r in rows):
            return False
        value_kind = self.value_kind
        kinds = [value_kind(r.data["value"].text) if "value" in r.data else None for r in rows]
        labels = spread(self.labels_before, kinds)
        if labels is None:
            return False
        for record, label in zip(rows, labels, strict=True):
            record.inferred_level2 = label
        return True

    def numbers_names(self, numbering: re.Pattern[str]) -> bool:
        """A name read in this table, or waiting in its run, opens with `numbering` ("一、示范区建立"): the
        table numbers its rows so, and the next number ("二、…") on a line of its own is a row, no section."""
        names = [r.data["level3"].text for r in self.records if "level3" in r.data]
        return any(numbering.match(text) for text in [*names, *(c.text for c in self._run or [])])

    @property
    def awaits_name(self) -> bool:
        """The last cell read (one cell per line) was a 一级 or 二级 label: the next is its first row's name."""
        return self._run is not None and self._last_kind in (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER)

    @property
    def mid_row(self) -> bool:
        """One cell per line, rows ended by blank lines, and two cells or more read since the last row
        ended, none a sentence: the next cell is in the same row (a long 年度目标 is no text after the
        table; a line of prose after it, "部门绩效评价结果。", opens no row)."""
        if not self._run or not self._row_ends:
            return False
        since = self._run[max(self._row_ends) :]
        return len(since) >= 2 and not any(c.text.rstrip().endswith("。") for c in since)

    @property
    def open_record(self) -> bool:
        """A record is being filled (one cell per line) and lacks cells."""
        return any(self._pending) or bool(self._run)

    def _cut_run(self, text_ends: bool = False) -> None:
        """Cut the waiting cells into rows.  Row marks are row boundaries, unless they stand between
        nearly every cell, where they only separate cells.  `text_ends`: the text ends with the run,
        whose last row may have been cut after any of its cells."""
        run, marks, ends, points = self._run or [], self._marks, self._row_ends, self._points_at
        self._run, self._marks, self._row_ends = ([] if self._run is not None else None), [], set()
        self._points_at = []
        context, self._context_at = self._context_at, None
        if not run:
            return
        cuts = [m for m in marks if 0 < m < len(run)]
        printed = sum(not c.blank for c in run)  # a cell that printed nothing has no mark of its own
        if len(cuts) * 10 >= (printed - 1) * 7:
            cuts = [m for m in cuts if m in ends]  # separators between cells; only row ends stay
        # A mark before a cell that cannot begin a row (a sign, a number) stood for an empty cell.
        cuts = [m for m in cuts if starts_row(run[m])]
        columns = self.header.groups[0].data
        for start, end in zip([0, *cuts], [*cuts, len(run)], strict=True):
            part = run[start:end]
            if self.header.implicit:
                part = join_split_targets(part)  # "= | 6 | 万元" one cell per line, no header to name them
            last = self.records[-1] if self.records and start in ends else None
            if last is not None and part and grade_below(last, self.header.groups[last.group], part):
                continue  # "优 | 10" after a row ending in its worded target: that row's grade and score
            if last is not None and part:
                taken = self._target_after_kind(last, part)
                if taken == len(part):
                    continue
                # "11月底之前 | 5 | 设备验收及时率 | 正向 …": that row's target and 分值, then the next row
                start, part = start + taken, part[taken:]
            if start == context and end == len(run):
                self._note_project(part)
                continue
            if start in ends and end in ends and self._wider_row(part):
                break  # another table, printed after the indicators: nothing after it is theirs
            if start in ends and end in ends and _points_given(run, start, end, points):
                continue  # what each item scored, a row printed one cell per line (points_awarded)
            if start in {0, *ends} and self.header.streamed:
                # A row's start, as a row printed on one line: its unnamed explanation left out (the
                # run holds no labels: its cells are the row's own, a name "服务对象满意度" among them).
                kinds = [Kind.BLANK if c.blank else Kind.DATA for c in part]
                part = _without_explanation(part, kinds, self.header.groups[0])[0]
            if end in ends and start in {0, *ends} and self._whole_row(part, columns):
                continue
            piece: list[Cell] = []
            carried: Cell | None = None
            for at, cell in enumerate(part):
                # A list with no header holds a name and its target, or a name alone; a glued table row more.
                glued = None
                if self.header.implicit:
                    # a name whose target stands alone on the next line ("…传播,减少毒品的使用" ⏎ "90%")
                    named = at + 1 < len(part) and TARGET_START.match(part[at + 1].text) is not None
                    glued = labelled_item(cell, self.vocab) or self._list_item(cell, columns, named)
                elif carried is None and cell.broken and cell.glued and at + 1 < len(part) and part[at + 1].glued:
                    carried = cell  # the chunk broke off inside a row: it goes on in the next cell
                    continue
                if glued is None and not self.header.implicit:
                    glued = self._run_glued(cell, columns, carried)
                if glued is None and carried is not None:
                    piece.append(carried)
                carried = None
                if glued is None:
                    piece.append(cell)
                    continue
                for placed in [*segment(piece, columns, self.vocab.glue_hints), *glued]:
                    self._record(0, placed)
                piece = []
            # The text broke off inside the last row of a table whose header it printed (a list with
            # no header gives no columns to have been cut short of).
            cut_short = text_ends and end == len(run) and not self.header.implicit
            for placed in segment(piece, columns, self.vocab.glue_hints, open_end=cut_short):
                self._record(0, placed)

    def _wider_row(self, part: list[Cell]) -> bool:
        """A row between row ends (one cell per line, rows apart) with more printed cells than the header
        has printed headings and no 一级/二级 label: a wider table after the indicators ("序号 | 学校性质 |
        培训机构 | … | 备注"), as _another_table finds it in a table printed a row per line.  Two cells
        more at least: a cell wrapped onto a second line of its own adds one."""
        filled = [c for c in part if not c.blank]
        if self.header.implicit or not self.records or len(filled) < self.header.printed_width + 2:
            return False
        return not any(kind_of(c, self.vocab) in LABEL_KINDS for c in filled)

    def _target_after_kind(self, last: Record, part: list[Cell]) -> int:
        """How many cells `part` opens with that are the target and figures of the row before it, which ended
        after the kind of its target (row_continues.target_after_kind): all of them, or those before a cell
        that begins the next row; 0 when none."""
        group = self.header.groups[last.group]
        for k in range(len(part), 1, -1):
            if (k == len(part) or starts_row(part[k])) and target_after_kind(last, group, part[:k], self.vocab):
                return k
        return 0

    def _run_glued(self, cell: Cell, columns: list[tuple[int, str]], carried: Cell | None) -> list[Placed] | None:
        """The rows in a cell that lost its separators: one found between header words, or, once
        such a cell was met, a later line of the same table (a chunk break starts a new line, and
        the words that marked the first one do not come again) when it cuts into whole rows."""
        if not cell.glued and not self._rows_glued:
            return None
        found = glued_rows(cell, columns, self.vocab.glue_hints, carried)
        if found is None or not (cell.glued or whole_rows(found)):
            return None
        self._rows_glued = True
        self.finished = self.finished or ends_the_table(cell)
        return found

    def _list_item(self, cell: Cell, columns: list[tuple[int, str]], named: bool = False) -> list[Placed] | None:
        """One line of a list with no header (list_items), read as the list has written its items so far:
        once one bracketed its target, worded brackets are targets; after two items or more, all
        "指标N:name(target)", an unnumbered line is no item ([])."""
        bracketed = bracketed_item(cell, columns, worded=self._bracketed_targets)
        if bracketed is not None:
            self._bracketed_targets = True
            if NUMBERED_ITEM.match(cell.text):
                self._numbered_items += 1
            else:
                self._other_items += 1
            return bracketed
        if self._numbered_items >= 2 and not self._other_items and not NUMBERED_ITEM.match(cell.text):
            return []  # every item so far was "指标N:name(target)": an unnumbered line after them is no item
        self._other_items += 1
        return list_item(cell, columns, named)

    def _whole_row(self, cells: list[Cell], columns: list[tuple[int, str]]) -> bool:
        """Cells between two row ends are one row: the header's columns take them in order; cells
        beyond its width (an 实际完成值 a header-less excerpt has no column for) are left out."""
        filled = [c for c in cells if not c.blank]
        if len(filled) < 2 or any(c.glued for c in filled):
            return False
        # The first cell is the name by its place, even one that reads like a target ("2020年").
        found = assign(filled[: len(columns)], columns, named=True)
        if found is None:
            return False
        self._record(0, found[1])
        return True

    # -- position --------------------------------------------------------------
    def _context_only(self, layout: RowLayout) -> bool:
        """A row before the table's first category, in a table with a 项目名称 column, holding only
        context cells (RowLayout.context_only): a department's subtotal above its projects, no indicator."""
        if self.header.streamed or self.header.project_column is None or self.records:
            return False
        if any(levels.level1 is not None or levels.level2 is not None for levels in self.levels):
            return False
        return layout.context_only

    def _positional(self, cells: list[Cell]) -> None:
        if self._section_row(cells):
            return
        self._note_project(cells[: self._first_level])
        used: set[int] = set()
        for g, group in enumerate(self.header.groups):
            levels = self.levels[g]
            label_cells = [cells[col] for col in (group.level1, group.level2) if col is not None and col < len(cells)]
            self._take_labels(levels, label_cells, one_tier=group.level1 is not None and group.level2 is None)
            own = cells[group.level2] if group.level2 is not None and group.level2 < len(cells) else None
            if own is not None and kind_of(own, self.vocab) is Kind.DATA and own_category(own.text):
                self._met_level2(own)  # "制度指标" in the 二级 column: a category of the table's own
                levels.level2 = own
            placed: list[tuple[tuple[int, str], Cell]] = []
            for col, role in group.data:
                if col >= len(cells) or (id(cells[col]) in used and not cells[col].blank):
                    continue  # a cell merged across columns is read once
                used.add(id(cells[col]))
                placed.append(((col, role), cells[col]))
            self._record(g, placed)

    def _section_row(self, cells: list[Cell]) -> bool:
        """A row holding only a 一级 or 二级 label ("一、投入目标 | | |", "1.数量目标 | | |") in a table with no
        一级/二级 column: a heading over the rows below it, which takes their labels."""
        groups = self.header.groups
        if len(groups) != 1 or groups[0].level1 is not None or groups[0].level2 is not None:
            return False
        filled = [c for c in cells if not c.blank]
        if len(filled) != 1 or kind_of(filled[0], self.vocab) not in (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER):
            return False
        self._take_labels(self.levels[0], filled)
        return True

    def _under_wide(self, levels: _Levels) -> bool:
        return levels.level1 is not None and self.vocab.is_wide(self.vocab.canonical_level1(levels.level1.text))

    def _take_labels(self, levels: _Levels, cells: list[Cell], one_tier: bool = False) -> None:
        """`one_tier`: the table has a 一级 column and no 二级 one (指标类型 | 指标名称 | 指标值): a name of
        either tier in it ("满意度指标", beside "产出指标") is its 一级."""
        raw = [kind_of(c, self.vocab) for c in cells]
        kinds = [Kind.LEVEL1 if one_tier and r is Kind.EITHER else k for r, k in zip(raw, resolve(raw), strict=True)]
        for cell, kind in zip(cells, kinds, strict=True):
            if kind is Kind.LEVEL1 and self._under_wide(levels) and levels.level1 is not cell:
                kind = Kind.LEVEL2
            if kind is Kind.LEVEL1:
                _set_level1(levels, cell, self.vocab)
            elif kind is Kind.LEVEL2:
                self._met_level2(cell)
                levels.level2 = cell

    # -- content ---------------------------------------------------------------
    def _by_content(self, cells: list[Cell]) -> None:
        raw = [kind_of(c, self.vocab) for c in cells]
        if self._run is None and _heading_with_points(cells, raw):
            return  # "项目决策(10分)" alone: a heading of the evaluation's own and its points, no row
        kinds = _own_labels(cells, _named_like_a_label(cells, raw, resolve(raw)), self.header)
        kinds = self._one_tier_level1(raw, kinds)
        kinds = _outline_tier(cells, raw, kinds, self.levels[0])
        if self._run is not None and kinds:
            # One cell per line, one period: a 二级 right under the same 二级 is a name that reads like
            # its category ("成本指标" ⏎ "成本"); an empty category is followed by another one.
            last = self._last_label
            same = (  # "满意度指标" ⏎ "服务对象满意度指标" is 一级 then 二级: the second names more
                last is not None
                and self.vocab.canonical_level2(cells[0].text) == self.vocab.canonical_level2(last.text)
                and len(label_key(cells[0].text)) < len(label_key(last.text))
            )
            if kinds[0] is Kind.LEVEL2 and self._last_kind is Kind.LEVEL2 and same:
                kinds[0] = Kind.DATA
            elif kinds[0] is Kind.LEVEL1 and self._last_kind is Kind.LEVEL1:
                kinds[0] = Kind.LEVEL2  # 实施效果指标 ⏎ 产出指标 (the 发改 template), as resolve() does in a row
            self._last_kind = next((k for k in reversed(kinds) if k is not Kind.BLOCK), self._last_kind)
            self._last_label = cells[0] if kinds[0] is Kind.LEVEL2 else self._last_label
        groups = self.header.groups
        data = [i for i, k in enumerate(kinds) if k is Kind.DATA]
        # A row that lost its separators: the labels it opens with (cut off by text_grid), then the rest glued.
        alone = len(data) == 1 and len(groups) == 1 and not self.header.streamed and data[0] == len(cells) - 1
        if alone and self._glued(cells[-1], list(zip(cells[:-1], kinds[:-1], strict=True))):
            return
        if len(data) > 1 and len(groups) == 1 and not self.header.streamed and all(cells[i].glued for i in data):
            self._glued_between_labels(cells, kinds)
            return
        if not self.header.streamed and len(groups) == 1:
            cells, kinds = _unjoin(cells, kinds, groups[0])
            data = [i for i, k in enumerate(kinds) if k is Kind.DATA]
        lone = len(data) == 1 and len(cells[data[0]].text.split()) == 2
        lone = lone and not _BRACKETED_UNIT.match(cells[data[0]].text.split()[1])  # "新型经营主体助农增收 (元)"
        if lone and not self.header.streamed and groups[0].width >= 2:
            # "宣传教育 覆盖全区所有人员": a name and its value separated by one space.
            i = data[0]
            cells = [*cells[:i], *_split_cell(cells[i]), *cells[i + 1 :]]
            kinds = resolve([kind_of(c, self.vocab) for c in cells])
        explanation: Cell | None = None
        if not self.header.streamed and len(groups) == 1:
            cells, kinds, explanation = _without_explanation(cells, kinds, groups[0])
            cells, kinds = _without_merged_blanks(cells, kinds, groups[0])
        first_label = next((i for i, k in enumerate(kinds) if k in (Kind.LEVEL1, Kind.LEVEL2)), None)
        has_levels = groups[0].level1 is not None or groups[0].level2 is not None
        if first_label and has_levels and not self.header.streamed and not any(self._pending):
            # Cells before the row's first label are the row's context (项目名称, 预算数), not indicator data.
            self._note_project(cells[:first_label])
            cells, kinds = cells[first_label:], kinds[first_label:]
        for cell, kind in zip(cells, kinds, strict=True):
            if kind is Kind.BLOCK:
                if self._run is not None and bare_points(cell.text):
                    self._points_at.append(len(self._run))
                continue
            if self._label(cell, kind):
                continue
            if kind is Kind.BLANK and self.header.streamed and len(cells) > 1:
                continue  # padding of a copied web table; only a line holding one empty cell is an empty cell
            if self._run is not None:
                self._run.append(cell)
                continue
            if not self._place(self._group, cell):
                self._emit(self._group)
                self._group = (self._group + 1) % len(groups)
                self._place(self._group, cell)
            if explanation is not None and _placed_as(self._pending[self._group], cell, "level3"):
                # the unnamed explanation column beside the name (河北): the row's description, with its place
                self._pending[self._group].append(((_UNNAMED_COLUMN, "description"), explanation))
                explanation = None

    def _one_tier_level1(self, raw: list[Kind], kinds: list[Kind]) -> list[Kind]:
        """In a table with a 一级 column and no 二级 one (指标类型 | 指标名称 | 指标值) that has printed its
        一级 labels ("产出指标", "效益指标"), a name of either tier ("满意度指标") not right after a 一级 is
        the 一级 of the rows that follow when it stands alone on its line (one cell per line), as
        _take_labels reads it by position; after a 一级 it is the row's name."""
        group = self.header.groups[0]
        if len(self.header.groups) != 1 or group.level1 is None or group.level2 is not None:
            return kinds
        if self.levels[0].level1 is None or sum(k not in (Kind.BLANK, Kind.BLOCK) for k in raw) != 1:
            return kinds  # only a name alone on its line: "成本 | 年度预算220万元" is a row of its own
        out = list(kinds)
        before = self._last_kind
        for i, r in enumerate(raw):
            if r is Kind.EITHER and out[i] is Kind.DATA and before is not Kind.LEVEL1:
                out[i] = Kind.LEVEL1
            if out[i] not in (Kind.BLANK, Kind.BLOCK):
                before = out[i]
        return out

    def _label(self, cell: Cell, kind: Kind) -> bool:
        """Take `cell` as the 一级/二级 of the rows that follow; False when it is no label."""
        if kind is Kind.LEVEL1 and self._under_wide(self.levels[self._group]):
            kind = Kind.LEVEL2
        if kind not in (Kind.LEVEL1, Kind.LEVEL2):
            return False
        if kind is Kind.LEVEL2 and self._run is not None and len(self._run) == 1 and _own_level1(self._run[0]):
            # One name alone before a 二级 label: a 一级 of the province's own ("项目决策").
            _set_level1(self.levels[0], self._run.pop(), self.vocab)
        self._context_before_label()
        self._cut_run()
        if self._pending[self._group]:
            self._emit(self._group)
            self._group = (self._group + 1) % len(self.header.groups)
        levels = self.levels[self._group]
        if kind is Kind.LEVEL1:
            _set_level1(levels, cell, self.vocab)
        else:
            self._met_level2(cell)
            self.labels_met.append(cell)
            levels.level2 = cell
        return True

    def own_level2(self, cell: Cell) -> bool:
        """A word of the header's name columns printed in the 二级 column between the rows of a table
        copied one cell per line ("满意度指标" ⏎ "具体指标" ⏎ "教师满意度"): the template's own 二级 cell,
        kept as printed.  A label read as a 二级 just before it (满意度指标 names both tiers) is its 一级.
        False when the table has no 二级 column or has read no row yet."""
        if self._run is None or not self.records or self.header.groups[0].level2 is None:
            return False
        if len(squash(cell.text)) < _OWN_LEVEL2:
            return False  # "指标" alone is more likely the tail of a label wrapped in its cell
        levels = self.levels[self._group]
        label = levels.level2
        if self.awaits_name and label is not None and self.vocab.canonical_level1(label.text):
            _set_level1(levels, label, self.vocab)
        self._label(cell, Kind.LEVEL2)
        self._last_kind = Kind.LEVEL2
        return True

    def _context_before_label(self) -> None:
        """One cell per line, each row ended by a blank line: the cells of a row before its first 一级/二级
        label (单位名称, 项目名称, 预算数, 年度目标 of a project's first row) are its context, not an
        indicator row of their own — that would have ended before the label."""
        if not self._run or not self._row_ends:
            return
        start = max(self._row_ends)
        if start < len(self._run):
            self._context_at = start  # unless they are the rest of the row above (_cut_run)

    def _note_project(self, context: list[Cell]) -> None:
        """The 项目名称 a row prints in its context columns, from there on the rows' project."""
        col = self.header.project_column
        if col is None:
            return
        # A row that left out leading context cells (merged 单位名称) lines up from the right.
        at = col - (self._first_level - len(context))
        if 0 <= at < len(context) and not context[at].blank:
            self._project = context[at]

    @property
    def _first_level(self) -> int:
        return first_level(self.header)

    def _glued_between_labels(self, cells: list[Cell], kinds: list[Kind]) -> None:
        """A stretch of a table that lost its separators, cut at its labels: the text between two
        labels is the rows under the first ("质量指标 | 名称100%100%名称100%100% | 时效指标 | …").
        A clause after a target that states what was achieved ("布防飞机数量≥6架 | 实际布防6架") is
        that row's actual in prose, not a row of its own (glue_cues.txt 实际开头)."""
        after_target = False
        for cell, kind in zip(cells, kinds, strict=True):
            if kind is Kind.BLOCK or self._label(cell, kind):
                after_target = False
                continue
            if after_target and _achieved(cell.text, self.vocab.glue_hints.achieved_starts):
                after_target = False
                continue
            after_target = True
            self._emit(0)
            if not self._glued(cell) and not self._place(0, cell):
                self._emit(0)
                self._place(0, cell)
        self._emit(0)

    def _glued(self, cell: Cell, labels: Iterable[tuple[Cell, Kind]] = ()) -> bool:
        """A row printed as one run of text with no separators ("预算执行率10%=100"): cut by kinds,
        under the `labels` printed before it."""
        found = self._glued_rows(cell)
        if not found:
            return False
        self.finished = self.finished or ends_the_table(cell)
        for label, kind in labels:
            self._label(label, kind)
        for placed in found:
            read = len(self.records)
            self._record(0, placed)
            self._glued_records.extend(self.records[read:])
        return True

    def _glued_rows(self, cell: Cell) -> list[Placed] | None:
        text = strip_marks(cell.text)  # "指标4.不合格产品处置率": the numbering is not a glued number
        worded = self.vocab.glue_hints.worded_ends
        if " " in text or not (any(ch.isdigit() for ch in text) or (worded and text.endswith(worded))):
            return None
        return glued_rows(cell, self.header.groups[0].data, self.vocab.glue_hints)

    def holds_rows(self, cell: Cell) -> bool:
        """A long cell that lost its separators is several rows of this table, not prose after it:
        it cuts into two or more rows each with a name and a target, or into one row that fills every
        column of a wide header (a row of 名称 | 描述 | four grades' standards | 依据 runs long)."""
        found = self._glued_rows(cell) if cell.glued else None
        if found is None:
            return False
        return whole_rows(found) or (len(found) == 1 and self._fills_wide_header(found[0]))

    def _fills_wide_header(self, placed: Placed) -> bool:
        required = {col for col, role in self.header.groups[0].data if role not in OPTIONAL}
        return len(required) >= _WIDE_HEADER and required <= {col for (col, _), _ in placed}

    def _place(self, g: int, cell: Cell) -> bool:
        """Put `cell` in the next column of group `g` it fits; False when the record is full.

        Typed columns that a row may leave out (计算符号, 度量单位, 分值, 得分 …) are passed over
        when the cell cannot be theirs, so "检查差旅费 470人/天 2" fills 三级, 指标值 and 权重.
        """
        columns = self.header.groups[g].data
        i = self._cursor[g]
        while i < len(columns) and not cell.blank and not fits(columns[i][1], cell.text):
            i += 1
        if i >= len(columns):
            return False
        self._pending[g].append((columns[i], cell))
        self._cursor[g] = i + 1
        return True

    def _emit(self, g: int) -> None:
        placed = self._pending[g]
        if not placed:
            return
        self._pending[g] = []
        self._cursor[g] = 0
        self._record(g, placed)

    def _record(self, g: int, placed: list[tuple[tuple[int, str], Cell]]) -> None:
        """A record of group `g` from its (column, role) → cell pairs, under the group's current levels."""
        group: Group = self.header.groups[g]
        levels = self.levels[g]
        record = Record(g, levels.level1, levels.level2, project=self._project)
        label_points = group.label_points
        for (col, role), cell in placed:
            if cell.blank or col in label_points:
                continue  # a label's points hold their column (a row read by content keeps its cells in place)
            if role == "value" and col in group.value_periods:
                record.extra_values[group.value_periods[col]] = cell
            elif role == "place_value":
                record.places.append(cell)
            elif role == "comparator" and "comparator" in record.data:
                # Two sign columns (指标性质 "正向" | 指标方向 "大于等于"): the comparison is the one kept.
                if squash(record.data["comparator"].text) in DIRECTION_WORDS:
                    record.data["comparator"] = cell
            else:
                record.data.setdefault(role, cell)
        _scores_only(record, group)
        if _label_said_twice(record, self.vocab):
            return
        if record.data or record.extra_values:
            self.records.append(record)


def _points_given(run: list[Cell], start: int, end: int, points: list[int]) -> bool:
    """The row run[start:end], read one cell per line, with the bare points that stood between its cells
    (at `points`: after the cell before each), says what each item scored ("预算绩效评价结果 ⏎ 考核节点进度完成率 ⏎
    10分 ⏎ 项目采购节约率 ⏎ 10分"): two points or more, each right after a cell of words (row_continues.awarded)."""
    texts = [squash(c.text) for c in run[start:end]]
    inside = [p - start for p in points if start < p <= end]
    return awarded(texts, inside)


def _bare_points(record: Record) -> bool:
    """The record's target is a bare number that could be points (no unit, no sign, at most 100) and
    it has no actual, 得分 or further targets that would make it a target after all."""
    value = record.data.get("value")
    if value is None or record.extra_values or {"actual", "score"} & set(record.data):
        return False
    text = squash(value.text)
    number = to_number(text) if is_number(text) and "%" not in text else None
    return number is not None and 0 < number <= _MOST_POINTS


_MOST_POINTS = 100  # an evaluation's points add up to 100
# Columns a row must fill for one long glued cell to be a row, not prose: a sentence cut by kind fills few.
_WIDE_HEADER = 5


def _label_said_twice(record: Record, vocab: Vocabulary) -> bool:
    """A row holding one name twice and nothing else ("预算执行率 | 预算执行率", the template's 一级 and
    二级 of a row left empty): a name is no target, so the row is no indicator.  A target said twice
    ("2020年 | 2020年") is one."""
    name, value = record.data.get("level3"), record.data.get("value")
    if name is None or value is None or set(record.data) != {"level3", "value"} or record.extra_values:
        return False
    text = squash(name.text)
    return text == squash(value.text) and plainly_a_name(text, vocab.glue_hints)


# A cell that only numbers the row: "目标1", "指标2:", "1、", "(3)" (a bare "1" may be a figure).
_ROW_NUMBER = lazy_compile(
    rf"^(?:(?:目标|指标|序号)\s*\d{{1,2}}\s*{NUMBER_END}?|\d{{1,2}}\s*{NUMBER_STOP}|[(（]\d{{1,2}}[)）])$"
)
_NAME_LIKE = lazy_compile(r"^[^\d≥≤<>=≧≦＞＜%]*[\u4e00-\u9fff]{2}")


def _without_numbering(cells: list[Cell], vocab: Vocabulary) -> list[Cell]:
    """A cell that only numbers its row ("投入 | 成本目标 | 目标1 | 发放… | 100%", the old Fujian
    template; "指标1" elsewhere), before any figure of the row, is no name when a name-like cell
    follows: it is left out, so the name stands in the name's column."""
    for i, cell in enumerate(cells):
        text = squash(cell.text)
        if not _ROW_NUMBER.match(text):
            if any(ch.isdigit() for ch in text):
                return cells  # a figure before it: the numbering of a row stands before its data
            continue
        following = next((c for c in cells[i + 1 :] if not c.blank), None)
        named = following is not None and _NAME_LIKE.match(squash(following.text)) is not None
        if named and following is not None and kind_of(following, vocab) is Kind.DATA:
            return [*cells[:i], *cells[i + 1 :]]
        return cells
    return cells


def _scores_only(record: Record, group: Group) -> None:
    """A self-evaluation row that prints two bare numbers under 分值 | 指标值 | 实际值 | 得分 gave its
    分值 and 得分: the score columns are filled on every scored row, the target and actual may be
    left empty (a parent row whose targets are its sub-rows', "★补助各类粮食作物种植面积 10 10").
    Read in order, the second number would be a target with no actual beside it."""
    roles, data = group.roles, record.data
    if "weight" not in data or "value" not in data or {"actual", "score"} & set(data) or "score" not in roles:
        return
    if roles.index("weight") > roles.index("value") or not is_number(squash(data["value"].text)):
        return
    weight, second = to_number(data["weight"].text), to_number(data["value"].text)
    if weight is None or second is None or second > weight:
        return  # a 得分 never exceeds its 分值: the second number is a target after all
    data["score"] = data.pop("value")


_OWN_LEVEL2 = 4  # characters of a template's own 二级 wording ("具体指标")


def _set_level1(levels: _Levels, cell: Cell, vocab: Vocabulary) -> None:
    """A new 一级 ends the 二级 it had; the same 一级 printed again on the next row does not, nor
    does the 一级 of the 二级 being read when none was printed before (a merged cell's label printed
    on a middle row of its rows: "数量指标 | 名称 …" ⏎ … ⏎ "产出指标 | 名称 …")."""
    if levels.level1 is None:
        level2 = vocab.canonical_level2(levels.level2.text) if levels.level2 is not None else None
        if level2 is None or vocab.parent_of(level2) != vocab.canonical_level1(cell.text):
            levels.level2 = None
    elif levels.level1.text.split() != cell.text.split():
        levels.level2 = None
    levels.level1 = cell


# A heading with the points its rows carry ("项目决策(10分)", "顼目产出(30分)"): no name, no target.
_HEADING_POINTS = lazy_compile(r"[^\d()（）]{2,12}[(（]\d+(?:\.\d+)?分[)）]")


def _heading_with_points(cells: list[Cell], raw: list[Kind]) -> bool:
    """The row holds one cell, no label the vocabulary knows, and it reads "words(N分)": a heading of the
    evaluation's own frame ("项目决策(10分)", "顼目产出(30分)") with the points of the rows under it."""
    filled = [c for c, k in zip(cells, raw, strict=True) if k is not Kind.BLANK]
    if len(filled) != 1 or raw.count(Kind.DATA) != 1:
        return False
    return _HEADING_POINTS.fullmatch(squash(filled[0].text)) is not None


# How a label is numbered in an outline: "一、" / "(一)" / "1、" / "1." / "(1)" (the numeral's kind and its marks).
_OUTLINE_MARK = lazy_compile(rf"^\s*([(（]?)\s*(?:({CHINESE_NUMERAL}{{1,3}})|(\d{{1,2}}))\s*([)）、.．]?)")


def _outline_mark(text: str) -> tuple[str, str, str] | None:
    """The style of the numbering `text` opens with, None if none: ("(", "一", ")") for "(三)", ("", "1", "、")
    for "2、"; a bracket or a mark after the numeral is needed (a bare "三" may be a word)."""
    m = _OUTLINE_MARK.match(text)
    if m is None or not (m[1] or m[4]) or (m[1] and m[4] not in ")）"):
        return None
    return ("(" if m[1] else "", "一" if m[2] else "1", "" if m[4] in ")）" else "、" if m[4] == "、" else ".")


def _outline_tier(cells: list[Cell], raw: list[Kind], kinds: list[Kind], levels: _Levels) -> list[Kind]:
    """A label of either tier ("三、满意度指标") numbered as the 一级 above it is ("一、产出指标", "二、效益指标")
    and not as its 二级 ("(一)数量指标") is a 一级 of its own: the outline's numbering says the tier."""
    if levels.level1 is None or levels.level2 is None:
        return kinds
    above, below = _outline_mark(levels.level1.text), _outline_mark(levels.level2.text)
    if above is None or above == below:
        return kinds
    out = list(kinds)
    for i, (cell, r) in enumerate(zip(cells, raw, strict=True)):
        if r is Kind.EITHER and out[i] is Kind.LEVEL2 and _outline_mark(cell.text) == above:
            out[i] = Kind.LEVEL1
    return out


def _named_like_a_label(cells: list[Cell], raw: list[Kind], kinds: list[Kind]) -> list[Kind]:
    """ "成本指标 | 社会成本指标 | 定量 | 100 | %": a name of either tier (成本指标 is a 一级 of the 2021
    template and a 二级 of the older one) before a 二级, and after them data no row can open with (a
    value type, a figure).  The row has no name unless the 二级 is it: the first label is the 二级,
    the second the 三级指标 that reads like a category."""
    out = list(kinds)
    filled = [i for i, k in enumerate(kinds) if k is not Kind.BLANK]
    for a, b, c in zip(filled, filled[1:], filled[2:], strict=False):
        labels = raw[a] is Kind.EITHER and kinds[a] is Kind.LEVEL1 and kinds[b] is Kind.LEVEL2
        if labels and kinds[c] is Kind.DATA and not starts_row(cells[c]):
            out[a], out[b] = Kind.LEVEL2, Kind.DATA
    return out


def _split_cell(cell: Cell) -> list[Cell]:
    head, tail = cell.text.split()
    at = cell.text.index(tail, len(head))
    return [replace(cell, text=head), replace(cell, text=tail, column=cell.column + at)]


def _own_labels(cells: list[Cell], kinds: list[Kind], header: Header) -> list[Kind]:
    """A row with more data cells than the header has columns holds 二级 labels of a province's own
    ("预算(或投资规模)控制指标"): cells named "…指标" are taken as such until the row fits."""
    group = header.groups[0]
    if not header.implicit and group.level1 is not None and group.level2 is None and len(header.groups) == 1:
        # 指标类型 | 指标名称 | 指标值: a table of two levels, its names the 二级 categories themselves
        # ("产出指标 | 数量指标 | 375万平方米"): a 二级 name stands in the name column.
        kinds = [Kind.DATA if k is Kind.LEVEL2 else k for k in kinds]
    capacity = sum(g.width for g in header.groups)
    data = [i for i, k in enumerate(kinds) if k is Kind.DATA]
    if header.streamed or len(data) <= capacity:
        return kinds
    out = list(kinds)
    extra = len(data) - capacity
    for i in data:
        key = label_key(cells[i].text)
        if extra and key.endswith("指标") and 3 <= len(key) <= 20:
            out[i] = Kind.LEVEL2
            extra -= 1
    return out


_BRACKETED_UNIT = lazy_compile(r"^[(（][^()（）]{1,6}[)）]$")  # "(元)", "（个）" ending a name: its unit
_SPLIT_UNIT = lazy_compile(r"^(?:%|‰|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2})?)$")


def join_split_targets(cells: list[Cell]) -> list[Cell]:
    """A target printed over three cells with no header to name them ("= | 6 | 万元", "≥ | 90 | %"),
    joined into one; a 指标性质 ("定性") before a worded target is left out of it."""
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        sign = squash(cell.text)
        if sign in COMPARATOR_WORDS and i + 1 < len(cells):
            if sign in DIRECTION_WORDS:
                i += 1  # "定性 | 优良中低差": the kind of target, not part of it
                continue
            if is_number(cells[i + 1].text):
                parts = [cell, cells[i + 1]]
                if i + 2 < len(cells) and _SPLIT_UNIT.match(squash(cells[i + 2].text)):
                    parts.append(cells[i + 2])
                out.append(replace(cell, text="".join(squash(p.text) for p in parts)))
                i += len(parts)
                continue
        out.append(cell)
        i += 1
    return out


def _own_level1(cell: Cell) -> bool:
    """Whether a lone cell before a 二级 label can be a 一级 of the province's own: a short word."""
    text = squash(cell.text)
    return not cell.glued and 2 <= len(text) <= 8 and not any(ch.isdigit() for ch in text)


_SIGN_NUMBER = lazy_compile(r"^(?P<a>\S+)\s(?P<b>\S+)$")  # a single space, a no-break one too


def _unjoin(cells: list[Cell], kinds: list[Kind], group: Group) -> tuple[list[Cell], list[Kind]]:
    """Cells that single spaces split and the text step joined back ("25 %", ">= 98"), split again
    when the header has a column of their own for the sign or the unit and the row has room."""
    roles = set(group.roles)
    room = group.width - sum(1 for k in kinds if k is Kind.DATA)
    if room <= 0 or not roles & {"comparator", "unit"}:
        return cells, kinds
    out_cells: list[Cell] = []
    out_kinds: list[Kind] = []
    for cell, kind in zip(cells, kinds, strict=True):
        m = _SIGN_NUMBER.match(cell.text.strip()) if kind is Kind.DATA and room > 0 else None
        if m:
            a, b = m.group("a"), m.group("b")
            sign_first = "comparator" in roles and fits("comparator", a) and not is_number(a)
            unit_last = "unit" in roles and is_number(a) and fits("unit", b)
            if sign_first or unit_last:
                at = cell.text.index(b, cell.text.index(a) + len(a))
                out_cells += [replace(cell, text=a), replace(cell, text=b, column=cell.column + at)]
                out_kinds += [Kind.DATA, Kind.DATA]
                room -= 1
                continue
        out_cells.append(cell)
        out_kinds.append(kind)
    return out_cells, out_kinds


_EXPLANATION = 8  # an explanation of the indicator is a phrase at least this long, with no figure
_UNIT_GLOSS = lazy_compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]$")  # "%(百分比)": a unit with its name in words
_SIGN_LED = lazy_compile(r"\s*(?:>=|<=|[≥≤<>=≧≦])")  # a target led by its comparison sign (">= 98", "≥")
_ANY_SIGN = lazy_compile(r"[≥≤<>=≧≦＞＜]|不低于|不少于|不高于|不超过|大于|小于")


def _achieved(text: str, starts: tuple[str, ...]) -> bool:
    """A clause of prose stating what was achieved: it opens with an achieved word ("实际布防6架",
    "已完成100%"), holds a figure and no comparison (a target named "实际完成飞行小时数/计划小时数≥80%"
    is compared)."""
    text = text.strip()
    return bool(starts) and text.startswith(starts) and any(ch.isdigit() for ch in text) and not _ANY_SIGN.search(text)


def _without_merged_blanks(cells: list[Cell], kinds: list[Kind], group: Group) -> tuple[list[Cell], list[Kind]]:
    """Empty cells opening a row whose other cells are exactly the group's data ("| | name | target |
    actual |", an OCR'd table marking its merged 一级 and 二级 by empty cells): the merged labels, not an
    empty name before the name.  Empty cells after them pad the row to a wider table's width (an office
    copy holding a table of more columns after the indicators) and are left out with them."""
    lead = next((i for i, k in enumerate(kinds) if k is not Kind.BLANK), len(kinds))
    end = max((i + 1 for i, k in enumerate(kinds) if k is not Kind.BLANK), default=lead)
    rest = kinds[lead:end]
    if lead and rest and rest[0] is Kind.DATA and len(rest) == group.width and Kind.BLANK not in rest:
        return cells[lead:end], rest
    return cells, kinds


_UNNAMED_COLUMN = -1  # the column of a cell the header names no role for (an explanation beside the name)


def _placed_as(placed: list[tuple[tuple[int, str], Cell]], cell: Cell, role: str) -> bool:
    """`cell` was just placed in the column of `role`."""
    return bool(placed) and placed[-1][1] is cell and placed[-1][0][1] == role


def _without_explanation(
    cells: list[Cell], kinds: list[Kind], group: Group
) -> tuple[list[Cell], list[Kind], Cell | None]:
    """A row that prints an explanation between its name and a target led by its own sign cell
    ("符合条件申报对象覆盖率 | 享受补贴政策人数占…的比例 | >= 98 | %(百分比)"), under a header with no
    column for it (河北's template leaves it unnamed): the explanation is no target, so it is taken out of
    the cells placed by column and given back apart (the row's 指标说明, its description);
    the unit printed in a cell of its own after the target is the target's."""
    if any(role in ("description", "basis") for _, role in group.data):
        return cells, kinds, None
    data = [i for i, k in enumerate(kinds) if k is Kind.DATA]
    if len(data) < 3:
        return cells, kinds, None
    name, after = data[0], data[1]
    text = squash(cells[after].text)
    signed = after + 1 < len(cells) and _SIGN_LED.match(cells[after + 1].text) is not None
    if not signed or len(text) < _EXPLANATION or any(ch.isdigit() for ch in text) or name + 1 != after:
        return cells, kinds, None
    target, rest = cells[after + 1], after + 2
    unit = _UNIT_GLOSS.sub("", squash(cells[rest].text)) if rest < len(cells) else ""
    if _SPLIT_UNIT.match(unit) and squash(target.text)[-1:].isdigit():
        target, rest = replace(target, text=squash(target.text) + squash(cells[rest].text)), rest + 1
    explanation = cells[after]
    return [*cells[:after], target, *cells[rest:]], [*kinds[:after], Kind.DATA, *kinds[rest:]], explanation
