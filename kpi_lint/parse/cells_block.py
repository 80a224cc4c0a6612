"""Cell-lines layout, step 3: the indicator block of one table.

The header row names the columns; every later row is read against it.  A
row of a merged-cell table may leave out the cells of a 一级/二级 that
continues from the row above, so a short row is aligned to the header by
dropping those columns (the label column first, then 一级, then 二级).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, EmptyCategory, Form, Indicator, Located
from kpi_lint.parse.cells_tokens import Cell, Row
from kpi_lint.parse.common import LEVEL2_PARENT, canonical_level1, canonical_level2, make_indicator, squash

# Column kinds.  LABEL is the merged "绩效指标" cell some 申报表 put in front.
LABEL, L1, L2, L3, DESC, VALUE, BASIS = "label", "level1", "level2", "level3", "description", "value", "basis"
_DATA_KINDS = (L3, DESC, VALUE, BASIS)
_SATISFACTION = ("满意度指标", "服务对象满意度指标")


@dataclass(frozen=True)
class Column:
    index: int  # position in the header row (keeps two unnamed columns apart)
    kind: str
    group: int  # period group (0, 1) for L2 onwards; -1 for LABEL and L1


def _column_kind(key: str) -> str:
    # Order matters: "指标值确定依据" holds "指标值", a cut "级指标" is the 一级 header.
    if "二级" in key:
        return L2
    if "三级" in key:
        return L3
    if "依据" in key:
        return BASIS
    if "描述" in key:
        return DESC
    if "指标值" in key:
        return VALUE
    if "一级" in key or key == "级指标":
        return L1
    return LABEL


def is_header(row: Row) -> bool:
    keys = {_column_kind(c.key) for c in row.filled}
    return {L2, L3, VALUE} <= keys


def header_columns(row: Row) -> list[Column]:
    columns: list[Column] = []
    group = -1
    for index, cell in enumerate(row.cells):
        kind = _column_kind(cell.key)
        if kind == L2 or (kind in _DATA_KINDS and group < 0):
            group += 1
        columns.append(Column(index, kind, group if kind not in (LABEL, L1) else -1))
    return columns


def align(cells: list[Cell], columns: list[Column]) -> dict[Column, Cell] | None:
    """Map the cells of a data row to header columns; None if the row cannot fit."""
    if len(cells) >= len(columns):
        return dict(zip(columns, cells[len(cells) - len(columns) :], strict=True))
    cols = list(columns)
    for kind in (LABEL, L1):
        while len(cols) > len(cells) and any(c.kind == kind for c in cols):
            cols.remove(next(c for c in cols if c.kind == kind))
    if len(cols) == len(cells):
        return dict(zip(cols, cells, strict=True))
    level2 = [c for c in cols if c.kind == L2]
    drop = len(cols) - len(cells)
    if drop > len(level2):
        return None
    best: tuple[int, dict[Column, Cell]] | None = None
    for dropped in combinations(level2, drop):
        kept = [c for c in cols if c not in dropped]
        mapping = dict(zip(kept, cells, strict=True))
        score = sum(_fits(col, cell) for col, cell in mapping.items())
        if best is None or score > best[0]:
            best = (score, mapping)
    return best[1] if best else None


def _fits(column: Column, cell: Cell) -> int:
    """+1 when a cell looks like it belongs in its column, -1 when it clearly does not."""
    is_level2 = canonical_level2(cell.norm) is not None
    if column.kind == L2:
        return 1 if is_level2 or cell.empty else -1
    return -1 if is_level2 else 0


@dataclass
class _Category:
    """One printed 二级 cell of one period group, and how many indicators it got."""

    level1: str | None
    level2: str
    cell: Cell
    count: int = 0


def _level2_name(cell: Cell) -> str:
    """The canonical 二级 name; an unknown one is kept as printed (without padding)."""
    return canonical_level2(cell.norm) or squash(cell.text)


@dataclass
class Block:
    """The indicator rows of one table, read one at a time."""

    path: str
    project: str
    form: Form
    columns: list[Column]
    periods: list[str | None]
    indicators: list[Indicator] = field(default_factory=list)
    empty_categories: list[EmptyCategory] = field(default_factory=list)
    bad_rows: list[tuple[Row, str]] = field(default_factory=list)
    last_row_bad: bool = False
    _level1: Cell | None = field(default=None, init=False)  # the 一级 cell in force (merged downwards)
    _categories: dict[int, _Category | None] = field(default_factory=dict, init=False)  # per period group

    @property
    def reached_satisfaction(self) -> bool:
        """Every template ends with 满意度指标: a block that stops before it was cut off."""
        levels = [(i.level1, i.level2) for i in self.indicators] + [(e.level1, e.level2) for e in self.empty_categories]
        return any(level1 in _SATISFACTION or level2 in _SATISFACTION for level1, level2 in levels)

    def feed(self, row: Row) -> None:
        if not row.filled:
            return  # a spacer row of bare tabs
        mapping = align(row.cells, self.columns)
        if mapping is None:
            needed = len([c for c in self.columns if c.kind not in (LABEL, L1, L2)])
            self.bad_rows.append((row, f"只有{len(row.cells)}个单元格，至少应有{needed}个"))
            self.last_row_bad = True
            return
        self.last_row_bad = False
        by_kind = {(col.kind, col.group): cell for col, cell in mapping.items()}
        level1 = next((cell for (kind, _g), cell in by_kind.items() if kind == L1 and not cell.empty), None)
        if level1 is not None:
            self._close_categories()
            self._level1 = level1
        for group in sorted({g for (_k, g) in by_kind if g >= 0}):
            self._feed_group(group, by_kind)

    def finish(self) -> None:
        self._close_categories()
        # Categories close when the next one opens, so restore the printed order.
        self.empty_categories.sort(key=lambda e: (e.line, e.column))

    def _period(self, group: int) -> str | None:
        return self.periods[group] if group < len(self.periods) else None

    def _level1_name(self, level2: str | None) -> str | None:
        if self._level1 is not None:
            return canonical_level1(self._level1.norm) or squash(self._level1.text)
        return LEVEL2_PARENT.get(level2 or "")

    def _feed_group(self, group: int, by_kind: dict[tuple[str, int], Cell]) -> None:
        level2_cell = by_kind.get((L2, group))
        if level2_cell is not None and not level2_cell.empty:
            self._close_category(group)
            level2 = _level2_name(level2_cell)
            self._categories[group] = _Category(self._level1_name(level2), level2, level2_cell)
        category = self._categories.get(group)
        data = {kind: by_kind.get((kind, group)) for kind in _DATA_KINDS}
        if all(cell is None or cell.empty for cell in data.values()):
            return
        level2_name = category.level2 if category else None
        anchor = next(cell for cell in data.values() if cell is not None and not cell.empty)
        ind = make_indicator(
            path=self.path,
            project=self.project,
            form=self.form,
            period=self._period(group),
            level1=self._level1_name(level2_name),
            level2=level2_name,
            level3=_located(data[L3]),
            value=_located(data[VALUE]),
            row_line=anchor.located.line,
            row_column=anchor.located.column,
            # The printed 一级/二级 cells, which may sit rows above (merged cells).
            level1_cell=self._level1.located if self._level1 is not None else None,
            level2_cell=category.cell.located if category is not None else None,
            description=_located(data[DESC]),
            basis=_located(data[BASIS]),
        )
        if category is not None:
            category.count += 1
        self.indicators.append(ind)

    def _close_category(self, group: int) -> None:
        category = self._categories.get(group)
        if category is not None and category.count == 0:
            loc = category.cell.located
            self.empty_categories.append(
                EmptyCategory(self._period(group), category.level1, category.level2, loc.line, loc.column)
            )
        self._categories[group] = None

    def _close_categories(self) -> None:
        for group in list(self._categories):
            self._close_category(group)


def _located(cell: Cell | None) -> Located | None:
    return cell.located if cell is not None and not cell.empty else None


def block_periods(columns: list[Column], goal_order: list[str]) -> tuple[Form, list[str | None]]:
    """The form and the period of each column group, from the header."""
    groups = sorted({c.group for c in columns if c.group >= 0})
    if len(groups) >= 2:
        order = goal_order or [PERIOD_IMPLEMENTATION, PERIOD_ANNUAL]
        return Form.DECLARATION, [order[g] if g < len(order) else None for g in groups]
    return Form.TARGET, [None]
