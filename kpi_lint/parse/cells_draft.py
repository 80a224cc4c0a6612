"""Cell-lines layout: one table being read, from its title or 项目名称 row to its end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kpi_lint.model import Form, FundItem, Located, ParseProblem, Project, place_of
from kpi_lint.parse.cells_block import Block, block_periods, header_columns, is_header
from kpi_lint.parse.cells_meta import (
    DEFAULT_PERIODS,
    FOOTER_LABELS,
    fund_unit,
    goal_cells,
    goal_order,
    is_goal_row,
    read_funds,
    read_meta,
)
from kpi_lint.parse.cells_tokens import Cell, Row

if TYPE_CHECKING:
    from kpi_lint.vocab import Vocabulary


@dataclass
class Draft:
    """A table read so far.  It becomes a Project only if it has an indicator block."""

    path: str
    name: Located | None
    from_title: bool  # opened by a "…绩效目标表" title line rather than a 项目名称 row
    last_line: int
    vocab: Vocabulary  # the lexicon folder's words (periods.txt for goal and funds periods)
    meta: dict[str, Located] = field(default_factory=dict)
    funds: list[FundItem] = field(default_factory=list)
    goal_order: list[str] = field(default_factory=list)
    goals: list[Cell] = field(default_factory=list)
    goal_label: Located | None = None  # the printed 总体目标 label ("总体日标" in 001)
    target_text: Located | None = None
    block: Block | None = None
    # Rows typical of a performance form; a 项目名称 table without any (政府采购) is not one.
    markers: int = 0
    closed: bool = False  # its footer or the text after it was reached
    _fund_unit: str | None = field(default=None, init=False)  # set while inside the 项目资金 rows

    def awaits_name(self) -> bool:
        """A title seen, but nothing of its table yet: a 项目名称 row names this table."""
        return self.from_title and self.block is None and self.markers == 0

    def feed_text(self) -> None:
        if self.block is not None:
            self.closed = True  # DOCX tables hold no free text: the block is over

    def feed(self, row: Row) -> None:
        if self.closed:
            return
        self.last_line = row.last_line
        if self.block is not None:
            if row.first_key.startswith(FOOTER_LABELS):
                self.closed = True
            else:
                self.block.feed(row)
            return
        if is_header(row):
            self._open_block(row)
        elif self._read_funds(row):
            self.markers += 1
        elif order := goal_order(row, self.vocab.periods):
            self.goal_order = order
        elif is_goal_row(row):
            self.goals = goal_cells(row)
            label = next(c for c in row.cells if not c.empty)
            self.goal_label = label.located
            self.markers += 1
        elif row.first_key == "绩效目标" and len(row.cells) > 1:
            self.target_text = _located(row.cells[1:])
            self.markers += 1
        elif meta := read_meta(row):
            self.meta.update(meta)
            self.markers += 1

    def _read_funds(self, row: Row) -> bool:
        unit = fund_unit(row.filled[0]) if row.filled else None
        if unit:
            self._fund_unit = unit
        if self._fund_unit is None:
            return False
        # A source label naming no period ("其中：中央财政资金") is the period of the total printed in its place
        # ("续建期资金总额 | … | 年度资金总额 | …"): the goals that name the periods come after the funds.
        totals = [item.period for item in self.funds if item.source == "总额" and item.period is not None]
        items = read_funds(row, self._fund_unit, self.goal_order or totals or DEFAULT_PERIODS, self.vocab)
        if not items:
            self._fund_unit = None  # the funds block is over
            return False
        self.funds.extend(items)
        return True

    def _open_block(self, row: Row) -> None:
        columns = header_columns(row)
        form, periods = block_periods(columns, list(self.goal_order))
        project = self.name.text if self.name else ""
        self.block = Block(self.path, project, form, columns, periods)

    def finish(self, at_end: bool) -> tuple[Project | None, list[ParseProblem]]:
        """The Project (None if not a performance table or cut off) and the problems met."""
        if self.block is None and self.markers == 0:
            return None, []
        what = f"项目“{self.name.text}”" if self.name else "未写项目名称的表格"
        if self.block is None:
            return None, [self._incomplete(f"{what}没有绩效指标（未见一级/二级/三级指标表头）")]
        block = self.block
        block.finish()
        cut_short = block.last_row_bad and not self.closed
        # A short row the table goes on after is skipped; a short row the table stops at means it was cut.
        unread = block.bad_rows[:-1] if cut_short else block.bad_rows
        problems = [
            ParseProblem(
                self.path, row.line, 1, f"{place_of(row.line)}处绩效指标行无法读取：{what}该行{reason}，已跳过"
            )
            for row, reason in unread
        ]
        cut = self._cut_reason(block, at_end, cut_short)
        if cut:
            problems.append(self._incomplete(f"{what}{cut}，已读到{len(block.indicators)}个指标，未计入结果"))
            return None, problems
        if self.name is None:
            problems.append(self._incomplete("表前没有项目名称，未计入结果"))
            return None, problems
        return self._project(block), problems

    def _cut_reason(self, block: Block, at_end: bool, cut_short: bool) -> str | None:
        if cut_short:
            row, reason = block.bad_rows[-1]
            return f"最后一行（{place_of(row.line)}）{reason}"
        if not block.indicators and not block.empty_categories:
            return "表头之后没有指标行"
        if at_end and not self.closed and not block.reached_satisfaction:
            return "在文件末尾中断，未见满意度指标"
        return None

    def _incomplete(self, detail: str) -> ParseProblem:
        """The table stops where it should go on: named by the last line read."""
        line = self.last_line
        return ParseProblem(self.path, line, 1, f"{place_of(line)}处绩效指标表不完整：{detail}")

    def _project(self, block: Block) -> Project:
        assert self.name is not None
        project = Project(name=self.name.text, form=block.form, line=self.name.line, column=self.name.column)
        for attr, loc in self.meta.items():
            setattr(project, attr, loc)
        project.funds = self.funds
        if block.form is Form.DECLARATION:
            order = self.goal_order or DEFAULT_PERIODS
            for period, cell in zip(order, self.goals, strict=False):
                if not cell.empty:
                    project.goals[period] = cell.located
        if self.goal_label is not None:
            project.labels["总体目标"] = self.goal_label
        project.target_text = self.target_text or (_located(self.goals) if block.form is Form.TARGET else None)
        project.indicators = block.indicators
        project.empty_categories = block.empty_categories
        return project


def _located(cells: list[Cell]) -> Located | None:
    """The first filled cell: the value cell after a label."""
    return next((c.located for c in cells if not c.empty), None)
