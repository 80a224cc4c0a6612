"""A lone cost amount read as a unit standard (KPI403): the quantities it may be paid for, and a figure off by a power
of ten.

A cost row "演出设备成本件/件 2万元" is a price per 件, not the project's cost: it is multiplied by the 数量 rows that
count 件 — each alone, and all of them together, since one price per item covers every item the project buys (j09:
50件 of worn equipment replaced, 100件 added; sample 59). A product that misses the funds by exactly a power of ten
(2万元 × 150件 = 3,000,000 元 against 30万元) points at a slip of the unit or the decimal point, not at a budget that
was never costed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kpi_lint.model import Indicator

Count = tuple[Indicator, float, str]  # a 数量 row, its number in base units, its base unit
HEADS = frozenset({"人", "名", "位"})  # one head, however the count names it
# The powers of ten a slip may put between two figures: a place of the decimal point (10) up to the 万 of 万元 written
# as 元 (10,000), the largest scale word a cost cell carries.
_SLIPS = (1, 2, 3, 4)


def _unit_key(unit: str) -> str:
    return "人" if unit in HEADS else unit


@dataclass(frozen=True)
class Quantity:
    """What a unit cost is multiplied by: one 数量 row, or the sum of the rows that count the same unit."""

    rows: tuple[Count, ...]

    @property
    def number(self) -> float:
        return sum(n for _, n, _ in self.rows)

    @property
    def summed(self) -> bool:
        return len(self.rows) > 1

    def describe(self) -> str:
        """ "更新音响设备 50件", or "同以件计的 2 行数量之和 150件（更新音响设备 50件 + 新添灯光设备 100件）"."""
        if not self.summed:
            ind, _, _ = self.rows[0]
            return f"{ind.level3 or '数量'} {ind.value}"
        unit = self.rows[0][2]
        parts = " + ".join(f"{ind.level3 or '数量'} {ind.value}" for ind, _, _ in self.rows)
        return f"同以{unit}计的 {len(self.rows)} 行数量之和 {self.number:g}{unit}（{parts}）"


def quantities(counts: list[Count]) -> list[Quantity]:
    """The sums of the rows of each unit counted by two rows or more (heads as one unit), then each row alone."""
    by_unit: dict[str, list[Count]] = {}
    for count in counts:
        by_unit.setdefault(_unit_key(count[2]), []).append(count)
    sums = [Quantity(tuple(rows)) for rows in by_unit.values() if len(rows) > 1]
    return sums + [Quantity((count,)) for count in counts]


def power_slip(fits: Callable[[float], bool], *, below: bool = False) -> int | None:
    """The power of ten e (1 … 4) such that the figure divided by 10**e fits, or None: `fits(10.0**e)` says whether it
    does. Costs above the funds by a power of ten cannot be a part of them, so the gap is a slip; costs below them by
    one (e −1 … −4, only when `below`) are a slip only when the row says it is the whole cost ("项目总成本"), else
    they may be the one item listed of several (a 5万元 training line in a 50万元 project)."""
    powers = [e for k in _SLIPS for e in ((k, -k) if below else (k,))]
    return next((e for e in powers if fits(10.0**e)), None)


def times_words(e: int) -> str:
    """How a figure 10**e times another says so: "10 倍", "1/100"."""
    return f"{10**e:,} 倍" if e > 0 else f"1/{10 ** (-e):,}"
