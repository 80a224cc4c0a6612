"""Pairing the 实施期 and 年度 rows of a 申报表 (not a rule module: no ``kpi`` prefix).

Both columns list "the same" indicators side by side, but the extraction cuts the
narrower 年度 column ("贫困人口参保县" for "贫困人口参保县级财政补"), and a column may
split one row into several.  So rows are paired within one 二级指标 by name: equal
names first, then names where one is a prefix of the other; rows left over stay
unpaired rather than being matched by position to an unrelated row.
"""

from __future__ import annotations

import re

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, Indicator, Project
from kpi_lint.rules.text._text import clean_cut

_YEARS = re.compile(r"(\d+)\s*年")
_CN_YEARS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def project_years(project: Project) -> int | None:
    """The project's duration in years from 项目期 ("1年") or 项目属性 ("一次性项目(1年结束)")."""
    for loc in (project.duration, project.attribute):
        if loc is None:
            continue
        m = _YEARS.search(loc.text)
        if m:
            return int(m.group(1))
        for word, years in _CN_YEARS.items():
            if f"{word}年" in loc.text:
                return years
    return None


def _related(a: str, b: str) -> bool:
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def paired_rows(project: Project) -> list[tuple[Indicator, Indicator]]:
    """(实施期 row, 年度 row) pairs of the same indicator, in table order."""
    left = [i for i in project.indicators if i.period == PERIOD_IMPLEMENTATION]
    right = [i for i in project.indicators if i.period == PERIOD_ANNUAL]
    pairs: list[tuple[Indicator, Indicator]] = []
    used: set[int] = set()
    for exact in (True, False):
        for a in left:
            if any(a is p[0] for p in pairs):
                continue
            name_a = clean_cut(a.level3)
            for j, b in enumerate(right):
                if j in used or b.level2 != a.level2:
                    continue
                name_b = clean_cut(b.level3)
                if (name_a == name_b and name_a) if exact else _related(name_a, name_b):
                    pairs.append((a, b))
                    used.add(j)
                    break
    pairs.sort(key=lambda p: (p[0].line, p[0].column))
    return pairs
