"""The funds block of a 自评表 in the tab-rows layout → Execution.

The block is a header naming the columns (年初预算数 split into 目标申报数 /
预算编制数 on the row below, 全年预算数, 全年执行数, 资金结(转)余, 执行率, 得分),
a 资金总额 row and one row per source of money.  Cells shift and blank cells
come and go, so amounts are read as the sequence of numbers of a row, matched
to the column labels in the header's order.
"""

from __future__ import annotations

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Execution
from kpi_lint.parse.common import to_number
from kpi_lint.parse.rows_cells import Cell, Row, filled

# Header label → Execution field; checked in this order (执行率 before 执行数).
_LABEL_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("目标申报",), "declared"),
    (("预算编制",), "budgeted"),
    (("全年预算",), "full_year"),
    (("执行率",), "rate"),
    (("执行数",), "executed"),
    (("结", "余"), "balance"),
    (("分值",), "weight"),
    (("得分",), "score"),
)
# The printed template, used when the header is missing or unreadable.
DEFAULT_ORDER = ("declared", "budgeted", "full_year", "executed", "balance", "rate", "score")
_UNIT = lazy_compile(r"[(（]\s*(万元|元)\s*[)）]")


def is_fund_header(row: Row) -> bool:
    cells = filled(row)
    return bool(cells) and cells[0].key.startswith("项目资金")


def is_total_row(row: Row) -> bool:
    return any(cell.key.rstrip(":") in ("资金总额", "总额", "合计") for cell in filled(row))


def _field(key: str) -> str | None:
    for needles, name in _LABEL_FIELDS:
        if all(n in key for n in needles):
            return name
    return None


def column_order(header: Row, sub_header: Row | None) -> list[str]:
    """The Execution fields in the order the header prints their columns."""
    order: list[str] = []
    for cell in filled(header):
        if cell.key.startswith("项目资金"):
            continue  # the block label, which itself says 预算 and 执行
        if "年初预算" in cell.key:
            subs = [f for c in filled(sub_header or []) if (f := _field(c.key))]
            order.extend(subs or ["budgeted"])
        elif name := _field(cell.key):
            order.append(name)
    return order if len(order) >= 3 else list(DEFAULT_ORDER)


def fund_unit(header: Row) -> str:
    for cell in filled(header):
        m = _UNIT.search(cell.norm)
        if m:
            return m.group(1)
    return "万元"


def _amounts(row: Row) -> list[Cell]:
    return [cell for cell in filled(row) if to_number(cell.norm) is not None]


def _as_subsequence(short: list[Cell], long: list[Cell]) -> list[int] | None:
    """Positions in `long` of the amounts of `short`, in order, equal in value; None if they do not fit."""
    positions: list[int] = []
    j = 0
    for cell in short:
        value = to_number(cell.norm)
        while j < len(long) and to_number(long[j].norm) != value:
            j += 1
        if j == len(long):
            return None
        positions.append(j)
        j += 1
    return positions


def parse_execution(header: Row, sub_header: Row | None, amount_rows: list[Row]) -> Execution | None:
    """Execution from the 资金总额 row, completed from a source row that repeats its amounts.

    A total row that lacks cells (004: '资金总额:  50 50 50 50 0 100', no 得分) is
    completed only from a source row whose amounts contain the total's in order:
    that row then is the same money, so its 得分 is the project's.
    """
    order = column_order(header, sub_header)
    total = next((row for row in amount_rows if is_total_row(row)), None)
    sources = [row for row in amount_rows if row is not total and _amounts(row)]
    if total is None and len(sources) == 1:
        total, sources = sources[0], []
    if total is None:
        return None
    cells: list[Cell | None] = list(_amounts(total)[: len(order)])
    if len(cells) < len(order):
        for source in sources:
            src_amounts = _amounts(source)[: len(order)]
            positions = _as_subsequence([c for c in cells if c], src_amounts)
            if positions is None or len(src_amounts) <= len(cells):
                continue
            merged: list[Cell | None] = list(src_amounts)
            for pos, cell in zip(positions, cells, strict=True):
                merged[pos] = cell
            cells = merged
            break
    cells += [None] * (len(order) - len(cells))
    spans = {name: cell.located for name, cell in zip(order, cells, strict=True) if cell}
    values = {name: to_number(cell.norm) if cell else None for name, cell in zip(order, cells, strict=True)}
    label = next((c for c in filled(total) if to_number(c.norm) is None), filled(total)[0])
    return Execution(
        declared=values.get("declared"),
        budgeted=values.get("budgeted"),
        full_year=values.get("full_year"),
        executed=values.get("executed"),
        balance=values.get("balance"),
        rate=values.get("rate"),
        score=values.get("score"),
        weight=values.get("weight"),
        unit=fund_unit(header),
        line=label.line,
        column=label.column,
        spans=spans,
    )
