"""二级 labels printed before the header of the table whose rows they label.

A spreadsheet flattened in no reading order may print its merged 二级 cells before the header row
("一级指标 二级指标 数量指标 产出指标 绩 效 指 标 质量指标 三级指标 指标值 永安真武庙戏台 1处 …"): the labels
are those of the rows after the header, in the order they cover them, but where one label's rows end
and the next one's begin is not printed.  Each label covers a run of rows, at least one, in order; the
cut chosen is the one under which the most rows hold a value of their label's kind (a count under 数量指标,
a rate under 质量指标, a date under 时效指标, money under 成本指标).  When two cuts fit as well, the text
does not say which is meant, and the rows keep no 二级.
"""

from __future__ import annotations

from itertools import combinations

from kpi_lint.vocab import COST, QUALITY, QUANTITY, TIMELINESS

# The kind of value each 产出 category's targets are written in (domain: a quantity is a count, a rate a
# percentage, a timeliness target a date, a cost money).
_KIND_OF = {QUANTITY: "count", QUALITY: "percent", TIMELINESS: "date", COST: "money"}
_MAX_CUTS = 2000  # ways of cutting the rows tried at most (labels and rows are few in any real table)


def spread(labels: list[str], kinds: list[str | None]) -> list[str] | None:
    """The label of each row, `labels` covering the rows (of value `kinds`) in order, each at least one;
    None when the rows are fewer than the labels or no one cut fits best."""
    labels = [label for i, label in enumerate(labels) if i == 0 or labels[i - 1] != label]
    rows, count = len(kinds), len(labels)
    if not labels or rows < count:
        return None
    if count == 1:
        return labels * rows
    best: list[str] | None = None
    best_fit, tied = -1, False
    for tried, cuts in enumerate(combinations(range(1, rows), count - 1), start=1):
        if tried > _MAX_CUTS:
            return None
        bounds = (0, *cuts, rows)
        spread_labels = [labels[j] for j in range(count) for _ in range(bounds[j], bounds[j + 1])]
        fit = sum(_KIND_OF.get(label) == kind for label, kind in zip(spread_labels, kinds, strict=True))
        if fit > best_fit:
            best, best_fit, tied = spread_labels, fit, False
        elif fit == best_fit:
            tied = True
    return None if tied else best


def kind_fits(label: str, kind: str | None) -> bool:
    """A row of value `kind` may stand under `label`: unless the label is a 产出 category whose kind is known
    and the value is of another 产出 category's kind (a date under 质量指标)."""
    own = _KIND_OF.get(label)
    return own is None or kind == own or kind not in _KIND_OF.values()
