"""The years a project covers: its fiscal year and its 项目期 (not a rule module: no ``kpi`` prefix)."""

from __future__ import annotations

import re

from kpi_lint.model import Document, Project
from kpi_lint.vocab import squash

# A year as printed in a date: "2023年", "2023.1.1", "2023-12", "202001" (year and month run together).
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年|[.．/\-－](?=\d)|(?=(?:0[1-9]|1[0-2])(?!\d)))")
_RANGE = re.compile(r"[-－~～至到]")


def years_in(text: str | None) -> list[int]:
    """The years a printed value names, in order ("2022年3月-2023年11月" → [2022, 2023])."""
    return [int(m.group(1)) for m in YEAR.finditer(squash(text or ""))]


def fiscal_year(project: Project, doc: Document) -> int | None:
    """The budget year of a project: the year in its form's title ("2023年项目支出绩效目标申报表",
    "2022年度…自评表"), else the year the document names most."""
    if project.title is not None:
        years = years_in(project.title.text)
        if len(set(years)) == 1:
            return years[0]
    return doc.year


def project_span(project: Project) -> tuple[int, int] | None:
    """First and last year of the 项目期 when it prints dates ("2022年3月-2023年11月", "202001-202012")."""
    if project.duration is None:
        return None
    years = years_in(project.duration.text)
    if not years:
        return None
    if len(years) == 1 and _RANGE.search(project.duration.text):
        return None  # "2021-2023年": only one year is read as a date; better say nothing
    return min(years), max(years)
