"""The funds block of a project as the consistency rules read it (not a rule module: no ``kpi`` prefix):
amounts in 元, and whether a 资金总额 equals the sum of its sources."""

from __future__ import annotations

from itertools import groupby

from kpi_lint.model import FundItem, Project, yuan_per

TOTAL = "总额"
FISCAL = "财政拨款"  # may be printed beside its own breakdown (中央 / 省级 / 市县)
_FISCAL_PARTS = ("中央财政资金", "省级财政资金", "市县(区)财政资金")
TOLERANCE = 0.005  # share of the total that rounding of printed amounts may explain


def fund_yuan(item: FundItem) -> float | None:
    if item.amount is None:
        return None
    return item.amount * yuan_per(item.unit)


def source_sums(items: list[FundItem]) -> list[float]:
    """What the 总额 may equal: every source; or, when 财政拨款 is printed beside its breakdown,
    财政拨款 or its parts (never both) plus the other sources."""
    amounts = {f.source: fund_yuan(f) or 0.0 for f in items}
    everything = sum(amounts.values())
    if FISCAL in amounts and any(p in amounts for p in _FISCAL_PARTS):
        parts = sum(amounts.get(p, 0.0) for p in _FISCAL_PARTS)
        return [everything - parts, everything - amounts[FISCAL]]
    return [everything]


def sources_of(total: FundItem, project: Project) -> list[FundItem] | None:
    """The sources of the total's period; a source whose period was not read belongs to the only total.

    None when there are none with an amount, or when the block is ambiguous (one source printed twice
    for one period: the columns were not told apart), so that a reading slip is not reported as the
    form's arithmetic.
    """
    totals = [f for f in project.funds if f.source == TOTAL]
    sources = [f for f in project.funds if f.source != TOTAL]
    items = [f for f in sources if f.period == total.period]
    if len(totals) == 1:
        items += [f for f in sources if f.period is None and total.period is not None]
    keyed = sorted(items, key=lambda f: f.source)
    if any(len(list(group)) > 1 for _, group in groupby(keyed, key=lambda f: f.source)):
        return None
    if all(f.amount is None for f in items):
        return None
    return items


def total_disagrees(total: FundItem, project: Project, tolerance: float = TOLERANCE) -> float | None:
    """The sum of the sources when the 总额 differs from it (beyond `tolerance`), else None."""
    amount = fund_yuan(total)
    items = sources_of(total, project)
    if amount is None or items is None:
        return None
    sums = source_sums(items)
    slack = max(amount * tolerance, 0.01)
    return None if any(abs(s - amount) <= slack for s in sums) else sums[0]
