"""One defect, one finding: a 申报表 prints the same indicator in its 实施期 and 年度 columns.

A defect of the indicator itself (its name, or a value both columns share) is reported once, at
the first period's cell; the other period's copy of the same row stays silent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from kpi_lint.model import Indicator
from kpi_lint.rules.text._text import clean_cut

T = TypeVar("T")


def once_across_periods(
    items: Iterable[tuple[Indicator, T]], *, with_value: bool = True
) -> Iterator[tuple[Indicator, T]]:
    """`items` without a later period's copy of a row already seen (same 二级, name and, by default, value).

    A name cut short by the narrower column ("参保人员对医保服务" for "参保人员对医保服务的满意度")
    counts as the same name.
    """
    # (二级, value) → (period, name) of the rows seen: a row is compared only with those it could repeat
    seen: dict[tuple[str | None, str], list[tuple[str | None, str]]] = {}
    for ind, extra in items:
        name = clean_cut(ind.level3)
        value = clean_cut(ind.value) if with_value else ""
        same_cells = seen.setdefault((ind.level2, value), [])
        if ind.period is not None and any(period != ind.period and _same_name(name, n) for period, n in same_cells):
            continue
        same_cells.append((ind.period, name))
        yield ind, extra


def _same_name(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))
