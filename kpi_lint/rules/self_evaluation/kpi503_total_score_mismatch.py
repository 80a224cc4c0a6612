"""KPI503 total-score-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.self_evaluation._scores import fmt, number, rounding, scored_rows


class TotalScoreMismatch(Rule):
    """总分 differs from the sum of the indicator scores and the execution score.

    Severity: error.

    What it does
        Adds the 得分 of every indicator row (the 未填报 成本指标 row included) and
        the 得分 of budget execution, and compares the sum with the printed 总分,
        allowing ``tolerance`` (default 0.01) or the rounding of the printed total.
        A row with a 分值 but no 得分 counts 0 and is named in the message.
        ``suggestion`` holds the computed total.

    Why is this bad?
        The 总分 decides the grade (财预〔2020〕10号: 优 ≥ 90, 良 80–90, 中 60–80,
        差 < 60) and is what is published and compared.  A total that is not the
        sum of its parts cannot be audited; a total above the sum moves projects
        into a better grade than their own scores support.

    Example
        004 城乡居民医疗保险工作经费: indicator scores 80 + execution 8.67 = 88.67, but::

            总分  93.67  优

    Use instead
        004 城乡医疗救助本级补助: indicator scores 85 + execution 10 = 95::

            总分  95  优
    """

    code = "KPI503"
    name = "total-score-mismatch"
    title_zh = "总分与分项不符"
    penalty = Penalty(Dimension.CONSISTENCY, 10, 10)
    severity = Severity.ERROR
    family = "self_evaluation"
    options: ClassVar[dict[str, Any]] = {"tolerance": 0.01}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        total = number(project.total_score)
        rows = scored_rows(project)
        if total is None or project.total_score is None or not rows:
            return
        indicator_sum = sum(ind.score or 0.0 for ind in rows)
        execution = project.execution.score if project.execution and project.execution.score is not None else 0.0
        computed = indicator_sum + execution
        if abs(computed - total) <= rounding(project.total_score.text, float(self.opts["tolerance"])):
            return
        unscored = [ind.level3 or ind.level2 or "?" for ind in rows if ind.score is None]
        missing = f"；其中“{'、'.join(unscored)}”有分值无得分，按0计" if unscored else ""
        message = (
            f"总分 {project.total_score.text} 与各项得分之和不符：指标得分合计 {fmt(indicator_sum)} + 预算执行得分 "
            f"{fmt(execution)} = {fmt(computed)}{missing}。总分应等于各指标得分与预算执行得分之和，等级按总分确定。"
        )
        loc = project.total_score
        yield self.finding(
            doc, message, project=project, line=loc.line, column=loc.column, suggestion=fmt(computed, 2),
            explain="；".join(f"{ind.level3 or ind.level2}: {ind.score}" for ind in rows) + f"；预算执行: {execution}",
        )
