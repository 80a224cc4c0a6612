"""KPI505 grade-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.self_evaluation._scores import fmt, number

GRADES = ("优", "良", "中", "差")


class GradeMismatch(Rule):
    """The grade (优/良/中/差) does not match 总分.

    Severity: error.

    What it does
        Derives the grade from the printed 总分 with the guidance's bands — 优 from
        ``excellent`` (90), 良 from ``good`` (80), 中 from ``fair`` (60), 差 below —
        and reports a printed grade that differs.  ``suggestion`` holds the grade
        the total earns.  Whether the 总分 itself adds up is KPI503's job.

    Why is this bad?
        财预〔2020〕10号 grades self-evaluations 优 ≥ 90, 良 80–90, 中 60–80,
        差 < 60.  The grade is what summaries count ("7个项目自评等级为优"); a grade
        above the band of its own total overstates the result.

    Example
        The corpus has none: all eight 004 grades match their totals.  A table
        printing 004's total with a better grade would fail::

            总分  87.22  优

    Use instead
        004 稳定脱贫人口居民医保个人缴费资助…::

            总分  87.22  良
    """

    code = "KPI505"
    name = "grade-mismatch"
    title_zh = "评价等级与得分不符"
    penalty = Penalty(Dimension.CONSISTENCY, 5, 5)
    severity = Severity.ERROR
    family = "self_evaluation"
    options: ClassVar[dict[str, Any]] = {"excellent": 90.0, "good": 80.0, "fair": 60.0}

    def grade_for(self, total: float) -> str:
        for grade, floor in zip(GRADES, (self.opts["excellent"], self.opts["good"], self.opts["fair"]), strict=False):
            if total >= float(floor) - 1e-9:
                return grade
        return GRADES[-1]

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        total = number(project.total_score)
        if total is None or project.grade is None:
            return
        printed = fold(project.grade.text).strip()
        if printed not in GRADES:
            return
        expected = self.grade_for(total)
        if printed == expected:
            return
        printed_total = project.total_score.text if project.total_score else fmt(total)
        message = (
            f"总分 {printed_total} 对应等级“{expected}”，表中却填“{printed}”。"
            f"按财预〔2020〕10号：优≥90，良80–90，中60–80，差<60。"
        )
        loc = project.grade
        yield self.finding(doc, message, project=project, line=loc.line, column=loc.column, suggestion=expected)
