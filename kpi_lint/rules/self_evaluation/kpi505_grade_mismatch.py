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
    """评价等级（优/良/中/差）与总分不符。

    默认级别：错误 error。

    **做什么**

    按指引的分档由印出的总分推出等级——``excellent``（90）以上为优，``good``（80）以上为良，``fair``（60）以上为中，
    以下为差——与印出的等级不同时报告。``suggestion`` 给出总分对应的等级。总分本身是否加得对归 KPI503。

    **为什么不好**

    财预〔2020〕10号的自评等级为优 ≥ 90、良 80–90、中 60–80、差 < 60。汇总统计数的是等级（"7个项目自评等级为优"）；
    等级高于自身总分所在档次，就夸大了结果。

    **示例**：样本中没有——004 的八个等级都与总分相符。若把 004 的某个总分配上更好的等级就会报告::

        总分  87.22  优

    **改为**（004，稳定脱贫人口居民医保个人缴费资助…）::

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
        yield self.finding(doc, message, project=project, at=loc, suggestion=expected)
