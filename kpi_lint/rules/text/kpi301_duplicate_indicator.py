"""KPI301 duplicate-indicator."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean


class DuplicateIndicator(Rule):
    """The same 三级指标 appears twice in one project and period.

    Severity: warning.

    What it does
        Within one project and one period (实施期 / 年度 / the single period of a
        目标表 or 自评表), compares the 三级指标 names after folding full-width
        forms and white space, and reports every repeat of a name already listed,
        pointing back at the first occurrence.

    Why is this bad?
        财预〔2015〕88号 asks for targets that are specific and measurable: each
        indicator measures one thing.  Two rows with the same name are either a
        copy-paste slip or two different measures squeezed under one cut name, and
        in a 自评表 the same name scored twice cannot be audited.  Truncated cells
        (KPI305) often make distinct indicators collapse into one name.

    Example
        004 稳定脱贫人口居民医保个人缴费资助…, 质量指标::

            对稳定脱贫人口居民2023年医保个人缴费    =175元/人
            对稳定脱贫人口居民2023年医保个人缴费    5月底之前

    Use instead
        Give each indicator its own name::

            稳定脱贫人口居民医保个人缴费资助标准    =175元/人
            稳定脱贫人口居民医保个人缴费资助完成时间  不晚于5月底
    """

    code = "KPI301"
    name = "duplicate-indicator"
    title_zh = "指标重复"
    penalty = Penalty(Dimension.CONSISTENCY, 3, 9)
    severity = Severity.WARNING
    family = "text"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        first_seen: dict[tuple[str | None, str], Indicator] = {}
        for ind in project.indicators:
            key_name = clean(ind.level3)
            if not key_name:
                continue
            first = first_seen.setdefault((ind.period, key_name), ind)
            if first is ind:
                continue
            where = f"本项目{ind.period}目标中" if ind.period else "本项目中"
            message = (
                f"三级指标“{ind.level3}”在{where}重复出现（第{first.line}行已有，指标值“{first.value or ''}”，"
                f"此处为“{ind.value or ''}”）。每个指标只衡量一件事：合并重复行，或写出能区分的完整名称，"
                f"如“…资助标准”与“…资助完成时间”。"
            )
            yield self.finding(doc, message, project=project, indicator=ind)
