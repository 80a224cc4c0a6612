"""The prose of a 自评表: 项目绩效分析 sections and the figures they state.

The figures (预算数, 执行数, 执行率, 满意度) are what KPI405 compares with the
table, so each keeps the line and column where its phrase starts.
"""

from __future__ import annotations

import re

from kpi_lint.model import Located, NarrativeFigure
from kpi_lint.parse.common import squash
from kpi_lint.parse.rows_cells import Row, filled
from kpi_lint.read.source import fold

# Merged left-hand cells of the analysis block, printed on its first row.
_BLOCK_LABELS = ("项目绩效分析", "自评结果分析")

_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
# Who was surveyed, so that the figure's phrase starts at '群众满意度为90%'.
_SURVEYED = r"(?:受益群众|群众|服务对象|救助对象|参保人员|受益人群)?"
# (figure name, pattern); group 1 is the number, group 2 (when present) the unit.
_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 全年预算数 / 预算数, not 年初预算数 (a different figure of the table)
    ("预算数", re.compile(r"(?:全年)?(?<!年初)预算数\s*(?:为|是|:)?\s*" + _NUMBER + r"\s*(万元|元)")),
    ("执行数", re.compile(r"(?:全年)?执行数\s*(?:为|是|:)?\s*" + _NUMBER + r"\s*(万元|元)")),
    ("执行率", re.compile(r"(?:预算)?执行率\s*(?:为|是|达到|达|:)?\s*" + _NUMBER + r"\s*%")),
    ("满意度", re.compile(_SURVEYED + r"满意度\s*(?:为|是|达到|达)\s*" + _NUMBER + r"\s*%")),
)


def is_analysis_start(row: Row) -> bool:
    cells = filled(row)
    return bool(cells) and cells[0].key.startswith(_BLOCK_LABELS[0])


def parse_analysis(rows: list[Row]) -> dict[str, Located]:
    """Section name (white space removed) → its text, for rows '…→section→→text→…'."""
    sections: dict[str, Located] = {}
    for row in rows:
        cells = [cell for cell in filled(row) if cell.key not in _BLOCK_LABELS]
        if len(cells) < 2:
            continue  # a section printed without its text
        sections.setdefault(squash(cells[0].text), cells[1].located)
    return sections


def figures_in(text: Located) -> list[NarrativeFigure]:
    """The figures a single-line text states, each at the column where its phrase starts."""
    norm = fold(text.text)
    found: list[NarrativeFigure] = []
    for name, pattern in _FIGURES:
        for m in pattern.finditer(norm):
            unit = m.group(2) if m.lastindex and m.lastindex >= 2 else "%"
            found.append(
                NarrativeFigure(
                    name=name,
                    value=float(m.group(1).replace(",", "")),
                    unit=unit,
                    text=text.text[m.start() : m.end()],
                    line=text.line,
                    column=text.column + m.start(),
                    anchor=text.anchor,
                )
            )
    return sorted(found, key=lambda f: f.column)
