"""Where a row's cells stand against its header: the layout facts the block reader decides by.

A table reaches the form reader in many shapes.  An office table prints every slot its merged
cells cover, so its rows line up with the header and are read by position.  A table pasted into
Word or Excel row by row, a web page copied as text or a CSV export loses its merged 一级/二级
cells: its rows start at the left edge, their labels stand in the wrong columns, and their cells
must be read by what they are.  `RowLayout` answers, once per row, the questions that tell the two
apart; `BlockReader` (form_block) only chooses what to do with the answers.
"""

from __future__ import annotations

from kpi_lint.grid import Cell, Row
from kpi_lint.parse.form_cells import Kind, from_left_edge, kind_of
from kpi_lint.parse.form_header import Header, fits
from kpi_lint.parse.glued_labels import own_category
from kpi_lint.vocab import Vocabulary

LABEL_KINDS = (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER)  # what a label cell holds


def first_level(header: Header) -> int:
    """The first column of the indicator itself (its 一级, 二级 or 三级); the ones before are context."""
    return min(c for g in header.groups for c in (g.level1, g.level2, g.data[0][0]) if c is not None)


def trimmed(row: Row, header: Header) -> list[Cell]:
    """The row's cells without the empty ones at its end that are no cell of the table: beyond the
    header's width, or padding (see `_padding`)."""
    cells = list(row.cells)
    while cells and cells[-1].blank and (len(cells) > header.width or _padding(row, header, len(cells) - 1)):
        cells.pop()
    return cells


def _padding(row: Row, header: Header, col: int) -> bool:
    """An empty cell at the end of an unruled row as wide as a header that ends in unnamed columns
    (a CSV record, padded by the export to its widest record): under those columns, or anywhere in a
    row that opens with an empty cell (its merged labels), whose cells then stand from its start."""
    roles = header.roles
    if row.ruled or roles[-1] is not None or len(row.cells) < len(roles):
        return False
    return all(r is None for r in roles[col:]) or row.cells[0].blank


class RowLayout:
    """One row's cells against the header: which are filled, what kind each is (computed once, when
    first asked) and where its labels stand.  Every predicate reads the same cells."""

    def __init__(self, cells: list[Cell], header: Header, vocab: Vocabulary) -> None:
        self.cells = cells
        self.header = header
        self.vocab = vocab
        self.first_level = first_level(header)
        self._kinds: dict[int, Kind] = {}

    def kind(self, i: int) -> Kind:
        """The kind of the cell in column `i` (a label, a datum, a blank)."""
        if i not in self._kinds:
            kind = kind_of(self.cells[i], self.vocab)
            if kind is Kind.DATA and self.own_level2_at(i):
                kind = Kind.LEVEL2
            self._kinds[i] = kind
        return self._kinds[i]

    def own_level2_at(self, i: int) -> bool:
        """A category of the table's own no list knows ("制度指标"), printed in a 二级 column: a label, not a
        name standing left of its column."""
        return any(g.level2 == i for g in self.header.groups) and own_category(self.cells[i].text)

    def _kind_at(self, col: int | None) -> Kind | None:
        return self.kind(col) if col is not None and col < len(self.cells) else None

    @property
    def filled(self) -> list[int]:
        """The columns of the cells that print something."""
        return [i for i, c in enumerate(self.cells) if not c.blank]

    @property
    def end(self) -> int:
        """One past the last printed cell (the row's width when it prints nothing)."""
        return max((i + 1 for i in self.filled), default=self.header.width)

    # -- where the row starts --------------------------------------------------
    @property
    def starts_left(self) -> bool:
        """A name or a figure under the 一级/二级 column of the first group, or a label under a context
        column before them (项目名称, 预算数): the row starts at the left edge instead of under its
        columns, its merged cells left out."""
        group = self.header.groups[0]
        kinds = [self._kind_at(col) for col in (group.level1, group.level2)]
        context = [self.kind(i) for i in range(min(self.first_level, len(self.cells)))]
        return Kind.DATA in kinds or any(k in LABEL_KINDS for k in context)

    def pasted_line(self, pasted: bool) -> bool:
        """A ruled row that is a line of text pasted into a Word or Excel table row by row: its cells
        stand from the left edge, stop short of the table's end and do not fit the columns there (a
        row wrapped over two lines is then two rows of the table).  `pasted`: as for `lines_up`."""
        end = len(self.filled)
        if not from_left_edge(self.cells) or end >= self.header.width - 1:
            return False
        # By position it would misread, or hold nothing of an indicator (only the context columns before it).
        return end <= self.first_level or not self.lines_up(True, pasted)

    # -- where the labels stand ------------------------------------------------
    @property
    def labels_left(self) -> bool:
        """The row's 一级/二级 labels stand left of their columns: a label under a column the header
        gives no role, and no 一级 under the 一级 column (a header row that opens with a title cell of its
        own, "四、年度绩效指标完成情况 | 一级指标 | …", above rows that do not)."""
        group = self.header.groups[0]
        roles = self.header.roles
        if group.level1 is None or group.level1 >= len(self.cells):
            return False
        before = [i for i in range(min(self.first_level, len(self.cells))) if roles[i] is None]
        return any(self.kind(i) in LABEL_KINDS for i in before) and self.kind(group.level1) not in (
            Kind.LEVEL1,
            Kind.BLANK,
        )

    @property
    def level1_merged_away(self) -> bool:
        """A 二级 name under the 一级 column of a table with no 二级 column, in a row that stops short of
        the table's end: the 一级 was merged away and the row's cells stand one column left of theirs."""
        return any(group.level2 is None and self._kind_at(group.level1) is Kind.LEVEL2 for group in self.header.groups)

    @property
    def labels_astray(self) -> bool:
        """A row holding 一级/二级 labels alone, one of them in a column that is no group's 一级/二级
        ("质量指标" alone in the first column of a table pasted in row by row)."""
        filled = self.filled
        if not filled or any(self.kind(i) not in LABEL_KINDS for i in filled):
            return False
        levels = {col for g in self.header.groups for col in (g.level1, g.level2) if col is not None}
        return any(i not in levels for i in filled)

    @property
    def context_only(self) -> bool:
        """No label and no more printed cells than the context columns before the 一级 ("820-马踏镇部门 |
        8,827,620.53", a department's subtotal above its projects, its empty cells left out)."""
        filled = self.filled
        return 0 < len(filled) <= self.first_level and all(self.kind(i) is Kind.DATA for i in filled)

    def misfits(self, end: int) -> bool:
        """A cell before `end` that cannot stand in the column it is in (a unit under 指标性质, a name
        under 指标值)."""
        roles = self.header.roles
        return any(
            not (c.blank or roles[i] is None or fits(roles[i] or "", c.text)) for i, c in enumerate(self.cells[:end])
        )

    # -- the decision ----------------------------------------------------------
    def lines_up(self, ruled: bool, pasted: bool) -> bool:
        """True when the row can be read by column position.  `pasted`: a ruled row of this table
        started at the left edge (the table was pasted in row by row, its merged cells left out)."""
        cells = self.cells
        width = self.header.width
        if ruled and len(cells) == width:
            # A ruled row is read by position, unless its cells stop short of the table's end: a table
            # typed or pasted into Word/Excel row by row, whose rows lost their merged 一级/二级 cells and
            # start at the left edge, is read as rows of text are.
            end = self.end
            if pasted and end <= self.first_level:
                return False  # in a table pasted from the left edge, a row that stops before its labels
            if end == width:
                return not self.labels_left
            return not (self.starts_left or self.misfits(end) or self.level1_merged_away)
        if len(cells) > width or len(cells) < 2 or any(c.glued for c in cells):
            return False  # text that lost its separators is cut by kinds, not read by position
        if cells[-1].blank and self.starts_left:
            return False  # a row of text padded with empty cells (tabs) up to the table's width
        first = self.header.groups[0]
        name_col = next((col for col, role in first.data if role == "level3"), None)
        if name_col is None or name_col >= len(cells):
            return False
        if len(cells) < width and self.header.streamed:
            return False
        for group in self.header.groups:
            for col in (group.level1, group.level2):
                if self._kind_at(col) is Kind.DATA:
                    return False
        # A row padded with empty cells to the table's width (a CSV export) is as short as its last printed cell.
        if (len(cells) < width or cells[-1].blank) and self.level1_merged_away:
            return False
        if self.kind(name_col) not in (Kind.DATA, Kind.BLANK) and len(cells) != width:
            return False
        # Each cell must be able to stand in the column it would fall in (no number in 计算符号, no
        # label under a column the header gives no role, such as a 绩效指标 title column).
        roles = self.header.roles
        return all(
            c.blank or (fits(roles[i] or "", c.text) if roles[i] is not None else self.kind(i) is Kind.DATA)
            for i, c in enumerate(cells)
        )
