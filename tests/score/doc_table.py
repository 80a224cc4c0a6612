"""The penalty table as documented in docs/scoring.md, read independently of kpi_lint.score.table."""

from __future__ import annotations

import re
from functools import lru_cache

from kpi_lint.score.table import Dimension, Penalty, parse_dimension
from tests.corpus import ROOT

ROW = re.compile(r"^\| (KPI\d{3}) \| ([\w-]+) \| ([^|]+?) \| ([\d.]+) \| ([\d.]+) \|", re.M)


@lru_cache(maxsize=1)
def documented_penalties() -> dict[str, Penalty]:
    """code → Penalty for every project-level row (the document-level rows have '—' as dimension)."""
    text = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    table: dict[str, Penalty] = {}
    for code, _name, dimension, points, cap in ROW.findall(text):
        if dimension.startswith("—"):
            continue
        table[code] = Penalty(parse_dimension(dimension), float(points), float(cap))
    return table


def documented_weights() -> dict[Dimension, float]:
    text = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    return {
        parse_dimension(m.group(1)): float(m.group(2))
        for m in re.finditer(r"^\| ([\u4e00-\u9fff]+) [a-z]+ \| (\d+) \|", text, re.M)
    }
