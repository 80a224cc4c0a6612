"""The funds block of a form, read from its row labels (``lexicons/fund_sources.txt``) and, for a
self-evaluation, from its header (``lexicons/fund_columns.txt``).

A declaration prints label/amount pairs, one pair per period ("实施期资金总额 | 360 | 年度资金总额 |
120", then "其中：财政拨款 | 300 | 其中：财政拨款 | 100"); a self-evaluation prints a header
(年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) and a row per source.  Amounts are kept as
printed with the number they literally say; the unit is the one the block names (万元 or 元).
The block's label may print what budget execution scores ("预算执行情况(万元)(20分)", the "(20分)" on
the line after it when a copy puts one cell per line): that is its 分值 when no column prints one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import PERIOD_ANNUAL, Execution, FundItem, Located
from kpi_lint.parse.common import to_number
from kpi_lint.vocab import Vocabulary, squash

_RATE_SLACK = 1.5  # points of 执行率 that rounding of printed figures may explain
_EXECUTION_FIELDS = ("budgeted", "full_year", "executed", "weight", "rate", "score")
# "预算执行情况(万元)(20分)": the label of the funds block, then the points of budget execution.
_LABEL = lazy_compile(r"预算执行情况?\s*(?:[(（][^()（）0-9]{0,6}[)）]\s*)*$")
_POINTS = lazy_compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_LABEL_AMOUNT = lazy_compile(r"[:：\s]\s*(\d[\d,]*(?:\.\d+)?)\s*$")
_UNIT_CELL = lazy_compile(r"[(（]万?元[)）]")
_SHARE = "其中"  # "其中：财政拨款": a source within the total above it
_LABELLED_POINTS = lazy_compile(r"预算执行情况?\s*(?:[(（][^()（）0-9]{0,6}[)）]\s*)*" + _POINTS.pattern)


@dataclass
class FundsReader:
    vocab: Vocabulary
    unit: str = "元"
    items: list[FundItem] = field(default_factory=list)
    execution: Execution | None = None
    _figures: list[tuple[int, str]] = field(default_factory=list)  # (column, figure) of a funds header
    _periods: list[tuple[int, str]] = field(default_factory=list)  # (column, period) of the totals row
    points: Located | None = None  # what the block's label says budget execution scores
    _label_ended: bool = False  # the last row ended with the block's label and no points
    # One cell per line: the fund labels of a two-period declaration met so far (source, period), and the last
    # one if its amount may be on the next line.
    _lone_labels: list[tuple[str, str | None]] = field(default_factory=list)
    _lone: tuple[str, str | None] | None = None
    _opened: bool = False  # the block's label (项目资金) seen: the labels after it are the block's

    def feed(self, row: Row) -> bool:
        """Read a row of the funds block; False when the row is not one."""
        cells = row.cells
        self._note_unit(cells)
        self._note_points(cells)
        filled = [c for c in cells if not c.blank]
        self._opened = self._opened or any(squash(c.text).startswith("项目资金") for c in filled)
        if len(filled) == 1 and self._opened and self._lone_cell(filled[0]):
            return True
        figures = [(i, self.vocab.fund_column(c.text)) for i, c in enumerate(cells) if not c.blank]
        named = [(i, f) for i, f in figures if f]
        if len(named) >= 3:
            self._figures = [(i, f) for i, f in named if f is not None]
            return True
        found = False
        sources = [self.vocab.fund_source(c.text) if not c.blank else None for c in cells]  # each cell asked once
        labels = [i for i, source in enumerate(sources) if source not in (None, "总额")]
        for i, (cell, source) in enumerate(zip(cells, sources, strict=True)):
            if source is None:
                continue
            if self._figures and self.execution is None and source == "总额":
                ex = self._execution(cells, i)
                self.execution = ex if _consistent(ex) else None
                found = True
                continue
            amount = next((c for c in cells[i + 1 :] if not c.blank), None)
            if amount is None or to_number(amount.text) is None:
                amount = _amount_in_label(cell, self.vocab)  # "年度资金总额:203", "其中:财政拨款 203": one cell
                if amount is None:
                    continue
            period = self._period(cell, i, source, labels)
            loc = amount.located
            self.items.append(
                FundItem(period, source, to_number(amount.text), loc.text, self.unit, loc.line, loc.column, loc.anchor)
            )
            found = True
        return found

    def _lone_cell(self, cell: Cell) -> bool:
        """A declaration copied one cell per line ("中期资金总额 ⏎ | ⏎ | ⏎ 年度资金总额 ⏎ | ⏎ 15 ⏎ | ⏎ 其中:财政拨款"):
        each label on a line of its own, its amount on the next line, an empty amount leaving no line.  Read only
        after the block's label (项目资金), once a lone total names the implementation period, the one a two-period
        declaration prints first: a flattened sheet that prints its labels in another order is not paired line by
        line.  A label naming no period (其中:财政拨款) is the k-th period's when it is the k-th such label.  True
        when read."""
        label, self._lone = self._lone, None
        source = self.vocab.fund_source(cell.text)
        if source is not None and to_number(cell.text) is None:
            period = _named_period(cell.text, self.vocab)
            if not self._lone_labels and not (source == "总额" and period not in (None, PERIOD_ANNUAL)):
                return False
            if period is None:
                totals = [p for s, p in self._lone_labels if s == "总额"]
                seen = sum(1 for s, _ in self._lone_labels if s == source)
                period = totals[seen] if seen < len(totals) else None
            self._lone = (source, period)
            self._lone_labels.append(self._lone)
            return True
        if label is None:
            return False
        text, unit = cell.text.strip(), self.unit
        if text.endswith("万") and (amount := to_number(text[:-1])) is not None:
            unit = "万元"  # "449.8万": the amount says its unit
        elif (amount := to_number(text)) is None:
            return False
        loc = cell.located
        self.items.append(FundItem(label[1], label[0], amount, loc.text, unit, loc.line, loc.column, loc.anchor))
        return True

    def _note_unit(self, cells: list[Cell]) -> None:
        for cell in cells:
            text = squash(cell.text)
            if not self.items and _UNIT_CELL.fullmatch(text):
                # "项目资金 ⏎ (万元)": the block label's unit on a line of its own
                self.unit = "万元" if "万" in text else "元"
            if "资金" in text or "单位" in text or "预算" in text:
                if "万元" in text:
                    self.unit = "万元"
                elif "(元)" in text or "（元）" in cell.text or text.endswith("元"):
                    self.unit = "元"

    def _note_points(self, cells: list[Cell]) -> None:
        """The points the block's label gives budget execution, in the label's cell or in the one after it."""
        filled = [c for c in cells if not c.blank]
        ended, self._label_ended = self._label_ended, False
        if self.points is not None or not filled:
            return
        first = filled[0]
        if ended and (m := _POINTS.fullmatch(first.text.strip())) is not None:
            self.points = self._placed(first, m, first.text.index(m.group()))
            return
        for cell in filled:
            if (m := _LABELLED_POINTS.search(cell.text)) is not None:
                self.points = self._placed(cell, m, 0)
                return
        self._label_ended = _LABEL.search(filled[-1].text.strip()) is not None

    @staticmethod
    def _placed(cell: Cell, m: re.Match[str], offset: int) -> Located:
        column = cell.column if cell.anchor else cell.column + offset + m.start(1)
        return Located(m.group(1), cell.line, column, cell.anchor)

    def read_execution(self) -> Execution | None:
        """The execution figures read, with the label's points as 分值 where no column printed one."""
        ex, points = self.execution, self.points
        if points is None or (ex is not None and ex.weight is not None):
            return ex
        if ex is None:
            ex = Execution.unread(self.unit, points.line, points.column)
        scored = replace(ex, weight=float(points.text), spans={**ex.spans, "weight": points})
        # A score above the points (m01: "104 103.97 99.97 19" read one column off): the figures did not line
        # up with the header; the points would only make a misreading look like an arithmetic error.
        return scored if _consistent(scored) else ex

    def _period(self, label: Cell, column: int, source: str, labels: list[int]) -> str | None:
        period = _named_period(label.text, self.vocab)
        if period is not None:
            if source == "总额":
                self._periods = [p for p in self._periods if p[0] != column] + [(column, period)]
            return period
        if len(self._periods) >= 2 and len(labels) == len(self._periods) and column in labels:
            # One source label per period in this row ("其中：财政拨款 | 170 | 其中：财政拨款 | 340"): the
            # k-th label is the k-th period's, whatever cells the totals row had before its labels.
            return sorted(self._periods)[labels.index(column)][1]
        before = [p for c, p in sorted(self._periods) if c <= column]
        return before[-1] if before else None

    def _execution(self, cells: list[Cell], label: int) -> Execution:
        """The total row under a self-evaluation's funds header, by column where the row lines up."""
        values: dict[str, Cell] = {}
        if len(cells) >= max(i for i, _ in self._figures) + 1:
            values = {f: cells[i] for i, f in self._figures if i > label and not cells[i].blank}
        if not values:
            numbers = [c for c in cells[label + 1 :] if not c.blank]
            values = {f: c for (_, f), c in zip(self._figures, numbers, strict=False)}
        first = cells[label]
        ex = Execution.unread(self.unit, first.line, first.column)
        for name, cell in values.items():
            if name in _EXECUTION_FIELDS:
                setattr(ex, name, to_number(cell.text))
                ex.spans[name] = Located(cell.text.strip(), cell.line, cell.column, cell.anchor)
        return ex


def _amount_in_label(cell: Cell, vocab: Vocabulary) -> Cell | None:
    """The amount a fund label's own cell ends with, after a colon or a space, when the cell opens as the form's
    fund labels do (with its period, a word of periods.txt, or 其中): not a run of other words that happens to hold
    one ("省商务厅资金总额:…")."""
    m = _LABEL_AMOUNT.search(cell.text)
    if m is None or cell.anchor is not None:
        return None
    key = squash(cell.text)
    if not key.startswith(_SHARE) and _named_period(key, vocab) is None:
        return None
    return replace(cell, text=m.group(1), column=cell.column + m.start(1))


def _named_period(label: str, vocab: Vocabulary) -> str | None:
    """The period a fund label opens with, a word of periods.txt standing before a funds word ("实施期资金总额" →
    实施期, "年度资金总额" → 年度); None if it names none ("长期护理保险财政补助资金": 长期 begins the fund's name)."""
    return vocab.periods.opening_period(squash(label), vocab.funds_openings)


def _consistent(ex: Execution) -> bool:
    """Whether the figures read under the header hang together; a row whose cells did not line up
    with the header would otherwise report an arithmetic error the form does not have."""
    base = ex.full_year if ex.full_year else ex.budgeted
    computed = ex.executed / base * 100 if ex.executed is not None and base else None
    if ex.rate is not None and computed is not None and abs(computed - ex.rate) > _RATE_SLACK:
        return False
    if ex.weight is not None and (ex.weight > 100 or (ex.score is not None and ex.score > ex.weight + 0.01)):
        return False
    return ex.rate is None or 0 <= ex.rate <= 200
