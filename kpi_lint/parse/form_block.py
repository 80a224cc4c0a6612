"""The rows of an indicator block → records (一级, 二级 and the data cells of each period group).

A row is read by position when its cells line up with the header (office tables, where merged
cells fill every slot they cover, and tab-separated rows that print empty cells).  Otherwise it
is read by content: 一级/二级 labels are recognised by name and the cells after them fill the
group's data columns in header order.  This also reads rows that lost their merged cells (a web
page copied as text prints a merged 一级 only in its first row) and blocks printed one cell per
line, where a row ends when its group's columns are full or a new label comes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kpi_lint.grid import Cell, Row
from kpi_lint.parse.form_cells import Kind, kind_of, resolve
from kpi_lint.parse.form_header import Group, Header
from kpi_lint.vocab import Vocabulary


@dataclass
class Record:
    """One indicator row of one period group, before it becomes an Indicator."""

    group: int
    level1: Cell | None
    level2: Cell | None
    data: dict[str, Cell] = field(default_factory=dict)
    extra_values: dict[str, Cell] = field(default_factory=dict)  # period → value cell (one group, several periods)


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
        self._pending: list[list[Cell]] = [[] for _ in header.groups]
        self._group = 0

    # -- public ----------------------------------------------------------------
    def add_row(self, row: Row) -> None:
        cells = self._trimmed(row)
        if self._lines_up(cells, row.ruled):
            self._positional(cells)
        else:
            self._by_content(cells)
            if not self.header.streamed:
                self.flush()

    def flush(self) -> None:
        for g in range(len(self._pending)):
            self._emit(g)
        self._group = 0

    @property
    def open_record(self) -> bool:
        """A record is being filled (one cell per line) and lacks cells."""
        return any(self._pending)

    # -- position --------------------------------------------------------------
    def _trimmed(self, row: Row) -> list[Cell]:
        cells = list(row.cells)
        while len(cells) > self.header.width and cells and cells[-1].blank:
            cells.pop()
        return cells

    def _lines_up(self, cells: list[Cell], ruled: bool) -> bool:
        """True when the row can be read by column position."""
        width = self.header.width
        if ruled and len(cells) == width:
            return True
        if len(cells) > width or len(cells) < 2:
            return False
        first = self.header.groups[0]
        name_col = next((col for col, role in first.data if role == "level3"), None)
        if name_col is None or name_col >= len(cells):
            return False
        if len(cells) < width and self.header.streamed:
            return False
        kinds = [kind_of(c, self.vocab) for c in cells]
        for group in self.header.groups:
            for col in (group.level1, group.level2):
                if col is not None and col < len(cells) and kinds[col] is Kind.DATA:
                    return False
        return kinds[name_col] in (Kind.DATA, Kind.BLANK) or len(cells) == width

    def _positional(self, cells: list[Cell]) -> None:
        used: set[int] = set()
        for g, group in enumerate(self.header.groups):
            levels = self.levels[g]
            label_cells = [cells[col] for col in (group.level1, group.level2) if col is not None and col < len(cells)]
            self._take_labels(levels, label_cells)
            placed: list[tuple[tuple[int, str], Cell]] = []
            for col, role in group.data:
                if col >= len(cells) or (id(cells[col]) in used and not cells[col].blank):
                    continue  # a cell merged across columns is read once
                used.add(id(cells[col]))
                placed.append(((col, role), cells[col]))
            self._record(g, placed)

    def _take_labels(self, levels: _Levels, cells: list[Cell]) -> None:
        kinds = resolve([kind_of(c, self.vocab) for c in cells])
        for cell, kind in zip(cells, kinds, strict=True):
            if kind is Kind.LEVEL1:
                _set_level1(levels, cell)
            elif kind is Kind.LEVEL2:
                levels.level2 = cell

    # -- content ---------------------------------------------------------------
    def _by_content(self, cells: list[Cell]) -> None:
        kinds = resolve([kind_of(c, self.vocab) for c in cells])
        groups = self.header.groups
        data = [i for i, k in enumerate(kinds) if k is Kind.DATA]
        lone = len(data) == 1 and len(cells[data[0]].text.split()) == 2
        if lone and not self.header.streamed and groups[0].width >= 2:
            # "宣传教育 覆盖全区所有人员": a name and its value separated by one space.
            i = data[0]
            cells = [*cells[:i], *_split_cell(cells[i]), *cells[i + 1 :]]
            kinds = [*kinds[:i], Kind.DATA, Kind.DATA, *kinds[i + 1 :]]
        first_label = next((i for i, k in enumerate(kinds) if k in (Kind.LEVEL1, Kind.LEVEL2)), None)
        has_levels = groups[0].level1 is not None or groups[0].level2 is not None
        if first_label and has_levels and not self.header.streamed and not any(self._pending):
            # Cells before the row's first label are the row's context (项目名称, 预算数), not indicator data.
            cells, kinds = cells[first_label:], kinds[first_label:]
        for cell, kind in zip(cells, kinds, strict=True):
            if kind is Kind.BLOCK:
                continue
            if kind in (Kind.LEVEL1, Kind.LEVEL2):
                if self._pending[self._group]:
                    self._emit(self._group)
                    self._group = (self._group + 1) % len(groups)
                levels = self.levels[self._group]
                if kind is Kind.LEVEL1:
                    _set_level1(levels, cell)
                else:
                    levels.level2 = cell
                continue
            if kind is Kind.BLANK and not self._pending[self._group] and self.header.streamed:
                continue
            if len(self._pending[self._group]) >= groups[self._group].width:
                self._emit(self._group)
                self._group = (self._group + 1) % len(groups)
            self._pending[self._group].append(cell)

    def _emit(self, g: int) -> None:
        cells = self._pending[g]
        if not cells:
            return
        self._pending[g] = []
        self._record(g, list(zip(self.header.groups[g].data, cells, strict=False)))

    def _record(self, g: int, placed: list[tuple[tuple[int, str], Cell]]) -> None:
        """A record of group `g` from its (column, role) → cell pairs, under the group's current levels."""
        group: Group = self.header.groups[g]
        levels = self.levels[g]
        record = Record(g, levels.level1, levels.level2)
        for (col, role), cell in placed:
            if cell.blank:
                continue
            if role == "value" and col in group.value_periods:
                record.extra_values[group.value_periods[col]] = cell
            else:
                record.data.setdefault(role, cell)
        if record.data or record.extra_values:
            self.records.append(record)


def _set_level1(levels: _Levels, cell: Cell) -> None:
    """A new 一级 ends the 二级 it had; the same 一级 printed again on the next row does not."""
    if levels.level1 is None or levels.level1.text.split() != cell.text.split():
        levels.level2 = None
    levels.level1 = cell


def _split_cell(cell: Cell) -> list[Cell]:
    head, tail = cell.text.split()
    at = cell.text.index(tail, len(head))
    return [replace(cell, text=head), replace(cell, text=tail, column=cell.column + at)]
