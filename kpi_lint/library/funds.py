"""A project's funds (资金总额) in 元, with where it is printed, and its sector words.

Suggestions pick peers of similar size and sector and scale amounts to the project's funds.
The funds come from the 项目资金 block (总额, the 年度 figure first: it is what the year's
targets are bought with), else the sum of the sources, else the 自评表's 全年预算数, else an
amount printed in the project name ("办公楼租赁费7.2万元").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kpi_lint.lexicon import Lexicon, read_keyed
from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, Document, FundItem, Project, yuan_per
from kpi_lint.parse.values import parse_value, scaled
from kpi_lint.rules.base import location

TOTAL = "总额"
_PERIOD_ORDER = (PERIOD_ANNUAL, None, PERIOD_IMPLEMENTATION)
_NAME_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|亿元|元)$")
SECTORS_FILE = "sectors.txt"


@dataclass(frozen=True)
class Funds:
    amount: float  # 元
    text: str  # as printed ("13140000元", "89.614万元")
    location: str


def _yuan(item: FundItem) -> float | None:
    if item.amount is None or item.amount <= 0:
        return None
    return item.amount * yuan_per(item.unit)


def project_funds(project: Project, path: str) -> Funds | None:
    """The project's funds in 元, or None when nothing is printed."""
    for period in _PERIOD_ORDER:
        total = next((f for f in project.funds if f.source == TOTAL and f.period == period and _yuan(f)), None)
        if total is not None:
            where = location(path, total.line, total.column, None)
            return Funds(_yuan(total) or 0.0, f"{total.text}{total.unit}", where)
    for period in _PERIOD_ORDER:
        parts = [f for f in project.funds if f.source != TOTAL and f.period == period and _yuan(f)]
        if parts:
            first = parts[0]
            amount = sum(_yuan(f) or 0.0 for f in parts)
            return Funds(amount, f"{amount:g}元", location(path, first.line, first.column, None))
    ex = project.execution
    if ex is not None:
        budget: float | None = next((v for v in (ex.full_year, ex.budgeted, ex.declared) if v), None)
        if budget:
            return Funds(budget * yuan_per(ex.unit), f"{budget:g}{ex.unit}", location(path, ex.line, ex.column, None))
    match = _NAME_AMOUNT.search(project.name)
    if match:
        named = scaled(parse_value(match.group(0)))
        if named:
            return Funds(named, match.group(0), location(path, project.line, project.column, project.anchor))
    return None


@lru_cache(maxsize=8)
def sector_words(directory: Path) -> tuple[tuple[str, str], ...]:
    """Every (word, sector) of lexicons/sectors.txt, longest word first (words of one length in the file's order)."""
    pairs = [(word, sector) for sector, words in read_keyed(directory, SECTORS_FILE).items() for word in words]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def project_sectors(project: Project, doc: Document | None, lexicon: Lexicon) -> frozenset[str]:
    """The sectors (lexicons/sectors.txt) named by the project's name; when it names none, by its 主管部门, 实施单位
    and the document's unit. The name says what the money buys; a unit says who administers it, and a unit may run
    funds of another sector (a 人社局's 普惠金融 loan subsidy) or be the finance bureau's desk ("社保股" for a
    医疗保障局's funds): it tells the sector only of a project whose name does not."""
    named = _sectors_in(project.name, lexicon)
    if named:
        return named
    places = (project.department, project.implementer, doc.department if doc else None)
    return _sectors_in(" ".join(loc.text for loc in places if loc), lexicon)


def _sectors_in(joined: str, lexicon: Lexicon) -> frozenset[str]:
    # Longest word first, and a word read is blanked out: a shorter word inside it is part of that word, not one
    # of its own (环境卫生 is urban sanitation's 环卫, not 卫生健康's 卫生), as a reader segments a name.
    named = set()
    for word, sector in sector_words(lexicon.directory):
        if word in joined:
            named.add(sector)
            joined = joined.replace(word, "\0" * len(word))
    return frozenset(named)
