"""PDF-text layout, step 4: which rows are 实施期 (left) and which 年度 (right).

A 申报表 prints each 二级指标 twice, left group then right group.  Markers
name the category and the side: the first printing of a 二级指标 opens its left
group, the next its right group; further printings (a category continued over
a page) alternate again.  Rows between a left marker and the right one are
left.  After the right marker, the evidence is, in order:

1. two rows on one printed line: the first is left, the second right;
2. (cut cells, 002) a 三级指标 wider than the right column is left; one glued
   to its value at the right column's width is right;
3. mirroring: the 年度 group restates the 实施期 one, so a 三级指标 already
   printed on one side and not yet on the other goes to the other side; in a
   wrapped table a row followed by an identical one is the left of that pair;
4. otherwise, in a wrapped table (000), the cells of both groups come out in
   reading order, so the next row belongs to the side whose printed column is
   shorter so far (counted in lines; ties go left); in a cut table (002), where
   the two rows of a table line share a printed line, a row alone on its line
   stays on the side of the last marker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, EmptyCategory, Form, Indicator, Located
from kpi_lint.parse.common import LEVEL2_PARENT, make_indicator, squash, undouble
from kpi_lint.parse.pdf_rows import Event, Level1, Marker, Row
from kpi_lint.parse.pdf_text import display_width

LEFT, RIGHT = "L", "R"
PERIOD_OF = {LEFT: PERIOD_IMPLEMENTATION, RIGHT: PERIOD_ANNUAL}
SATISFACTION = "服务对象满意度指标"


@dataclass
class Category:
    name: str
    level1: Located | None
    markers: list[tuple[str, Marker]] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=lambda: {LEFT: [], RIGHT: []})

    def height(self, side: str) -> int:
        return sum(r.height for r in self.rows[side])

    def marker(self, side: str) -> Marker | None:
        return next((m for s, m in self.markers if s == side), None)

    def count(self, side: str, key: str, cut: int | None) -> int:
        return sum(1 for r in self.rows[side] if _same(r.key, key, cut))


@dataclass
class SideAssigner:
    """Sorts the events of one indicator block into categories and sides."""

    wrapped: bool  # cells wrap (000) rather than being cut (002)
    right_width: int | None  # display width of the right column's cut cells
    categories: list[Category] = field(default_factory=list)

    def assign(self, events: list[Event]) -> None:
        by_name: dict[str, Category] = {}
        current: Category | None = None
        side = LEFT
        level1: Located | None = None
        for k, event in enumerate(events):
            if isinstance(event, Level1):
                level1 = event.located
            elif isinstance(event, Marker):
                current = by_name.get(event.name)
                if current is None:
                    parent = LEVEL2_PARENT[event.name]
                    loc = level1 if level1 is not None and squash(level1.text) == parent else None
                    current = Category(event.name, loc)
                    by_name[event.name] = current
                    self.categories.append(current)
                side = LEFT if len(current.markers) % 2 == 0 else RIGHT
                current.markers.append((side, event))
            elif current is not None:  # text before the first 二级指标 has no category to go to
                current.rows[self._side(current, side, event, events[k + 1 :])].append(event)

    def _side(self, cat: Category, side: str, row: Row, rest: list[Event]) -> str:
        if row.after_row_on_line:
            return RIGHT
        if row.before_row_on_line:
            return LEFT
        if not self.wrapped and row.level3 is not None and self.right_width is not None:
            if row.glued_at is None and display_width(row.key) > self.right_width:
                return LEFT
            if row.glued_at == self.right_width:
                return RIGHT
        if self.wrapped and side == LEFT:
            return LEFT
        if row.key:
            cut = None if self.wrapped else self.right_width
            left, right = cat.count(LEFT, row.key, cut), cat.count(RIGHT, row.key, cut)
            if left != right:
                return RIGHT if left > right else LEFT
            nxt = rest[0] if rest else None
            if self.wrapped and isinstance(nxt, Row) and nxt.key == row.key:
                return LEFT
        if not self.wrapped:
            return side
        return LEFT if cat.height(LEFT) <= cat.height(RIGHT) else RIGHT

    def indicators(self, path: str, project: str) -> list[Indicator]:
        out: list[Indicator] = []
        for side in (LEFT, RIGHT):
            for cat in self.categories:
                marker = cat.marker(side)
                for row in cat.rows[side]:
                    out.append(self._indicator(path, project, cat, side, marker, row))
        return out

    def _indicator(
        self, path: str, project: str, cat: Category, side: str, marker: Marker | None, row: Row
    ) -> Indicator:
        value = None
        if row.value is not None:
            loc = row.value.located
            value = Located(undouble(loc.text), loc.line, loc.column)
        first = row.toks[0]
        ind = make_indicator(
            path=path,
            project=project,
            form=Form.DECLARATION,
            period=PERIOD_OF[side],
            level1=LEVEL2_PARENT[cat.name],
            level2=cat.name,
            level3=row.level3.located if row.level3 else None,
            value=value,
            row_line=first.line,
            row_column=first.col,
            level1_cell=cat.level1,
            level2_cell=marker.located if marker is not None else None,
        )
        return ind

    def empty_categories(self) -> list[EmptyCategory]:
        out: list[EmptyCategory] = []
        for side in (LEFT, RIGHT):
            for cat in self.categories:
                marker = cat.marker(side)
                if marker is not None and not cat.rows[side]:
                    out.append(
                        EmptyCategory(
                            period=PERIOD_OF[side],
                            level1=LEVEL2_PARENT[cat.name],
                            level2=cat.name,
                            line=marker.located.line,
                            column=marker.located.column,
                        )
                    )
        return out

    def missing_end(self, events: list[Event], at_end_of_text: bool) -> str | None:
        """What a complete block would still have to print, or None when it is complete.

        A block is complete once both groups of 服务对象满意度指标 are printed and its
        last row has a value.  When the text itself stops there, a block ending on a
        marker is taken as cut too: a last group left empty is printed before a
        closing line ("负责人：", the next heading), not at the end of the text.
        """
        cat = next((c for c in self.categories if c.name == SATISFACTION), None)
        if cat is None:
            return "满意度指标"
        if cat.marker(RIGHT) is None:
            return "年度目标的满意度指标"
        last = events[-1] if events else None
        if isinstance(last, Row) and last.value is None:
            return "最后一行的指标值"
        if at_end_of_text and isinstance(last, Marker):
            return f"{last.name}下的指标"
        return None


def _same(a: str, b: str, cut: int | None) -> bool:
    """Equal 三级指标, or (cut cells) one the other cut at the right column's width."""
    if a == b:
        return bool(a)
    if cut is None or not a or not b:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_.startswith(short) and display_width(short) >= cut
