"""Cell-lines layout, step 2: the label/value rows above an indicator block.

A 申报表 prints its particulars as label cell, value cell pairs
("主管部门及代码 | 109-古县医疗保障局 | 实施单位 | 古县医疗保障局"), its funds
as one label/value pair per period on each row, and its 总体目标 as a
label followed by one cell per period.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, FundItem, Located
from kpi_lint.parse.cells_tokens import Cell, Row
from kpi_lint.parse.common import to_number
from kpi_lint.period_words import PeriodWords

if TYPE_CHECKING:
    from kpi_lint.vocab import Vocabulary

# Label (folded, no spaces, no trailing colon) → Project attribute.
META_LABELS: dict[str, str] = {
    "主管部门及代码": "department",
    "主管部门": "department",
    "实施单位": "implementer",
    "预算单位": "implementer",
    "项目属性": "attribute",
    "项目期": "duration",
    "项目概况": "overview",
    "立项依据": "legal_basis",
    "项目设立必要性": "necessity",
    "保证项目实施的制度、措施": "measures",
    "项目实施计划": "plan",
}
FOOTER_LABELS = ("负责人", "经办人", "联系电话", "填报日期", "填报人")
DEFAULT_PERIODS = [PERIOD_IMPLEMENTATION, PERIOD_ANNUAL]


def read_meta(row: Row) -> dict[str, Located]:
    """The particulars a row holds as label/value pairs (empty values left out)."""
    found: dict[str, Located] = {}
    for index, cell in enumerate(row.cells[:-1]):
        attr = META_LABELS.get(cell.key)
        value = row.cells[index + 1]
        if attr and not value.empty and value.key not in META_LABELS:
            found[attr] = value.located
    return found


def goal_order(row: Row, words: PeriodWords) -> list[str] | None:
    """['实施期', '年度'] from the header row "实施期目标 | 年度目标" (each cell a word of `words`, then 目标), else
    None."""
    periods = []
    for cell in row.filled:
        period = words.opening_period(cell.key) if cell.key.endswith("目标") else None
        if period is None:
            return None
        periods.append(period)
    return periods or None


def is_goal_row(row: Row) -> bool:
    # "总体日标" (an OCR slip for 总体目标) must still be read: match the stem only.
    return row.first_key.startswith("总体")


def goal_cells(row: Row) -> list[Cell]:
    """The cells after the 总体目标 label, one per period."""
    cells = row.cells
    start = next(i for i, c in enumerate(cells) if not c.empty) + 1
    return cells[start:]


def fund_unit(cell: Cell) -> str | None:
    """'项目资金(元)' → '元'; None when the cell does not open a funds block."""
    if not cell.key.startswith("项目资金"):
        return None
    return "万元" if "万元" in cell.key else "元"


def fund_source(key: str) -> str | None:
    if "资金总额" in key or key in ("总额", "合计"):
        return "总额"
    for stem, source in (
        ("中央", "中央财政资金"),
        ("省级", "省级财政资金"),
        ("市县", "市县(区)财政资金"),
        ("自筹", "单位自筹"),
        ("其他资金", "其他资金"),
    ):
        if stem in key:
            return source
    return None


def read_funds(row: Row, unit: str, periods: list[str], vocab: Vocabulary) -> list[FundItem]:
    """The label/value pairs of one funds row; the n-th pair is the n-th period, unless its label opens with a
    period word of periods.txt before a funds word ("实施期资金总额")."""
    items: list[FundItem] = []
    cells = row.cells
    index = 0
    while index < len(cells) - 1:
        source = fund_source(cells[index].key)
        if source is None:
            index += 1
            continue
        value = cells[index + 1]
        period = vocab.periods.opening_period(cells[index].key, vocab.funds_openings) or _nth(periods, len(items))
        loc = value.located
        # The printed text is kept; the amount is what it literally says ("2,567.000" → 2567.0).
        items.append(FundItem(period, source, to_number(value.norm), loc.text, unit, loc.line, loc.column))
        index += 2
    return items


def _nth(periods: list[str], position: int) -> str | None:
    return periods[position] if position < len(periods) else None
