"""KPI503 total-score-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.self_evaluation._scores import fmt, number, rounding, scored_rows


class TotalScoreMismatch(Rule):
    """总分不等于各指标得分与预算执行得分之和。

    默认级别：错误 error。

    **做什么**

    把每一指标行的得分（包括"未填报"的成本指标行）与预算执行的得分相加，与印出的总分比较，允许 ``tolerance``
    （默认 0.01）或印出总分的舍入误差。有分值没有得分的行按 0 计，并在消息中点名。``suggestion`` 给出算出的总分。

    没有读到预算执行得分时，它不是 0 分：总分比指标得分合计多出的部分不超过预算执行可得的分（表上印出的，如
    "预算执行情况(20分)"；否则 100 减各指标分值之和，分值不全时取 ``execution_weight``，默认 10）就不报告——
    摘录可能从资金表之后开始（m08 "绩效指标(90分)"，
    合计 100 = 指标 90 + 预算执行 10）。没有一行有得分、也没有预算执行得分的表是评分方案（j03 "绩效评价指标表"：
    目标值和分值），它的"总分"是分值合计，没有可核对的得分，不报告。有一行印着目标值和实际完成值、却既没读到分值
    也没读到得分（n07 "100%10…" 的得分与后面的文字粘在一起），它的得分同样不是 0：总分高于算出的和时不报告。

    **为什么不好**

    总分决定等级（财预〔2020〕10号：优 ≥ 90，良 80–90，中 60–80，差 < 60），也是公开和比较的数字。总分不是各项
    之和就无法审核；总分高于各项之和，会使项目得到其分项不支持的更好等级。

    **示例**（004，城乡居民医疗保险工作经费：指标得分 80 + 预算执行 8.67 = 88.67，但）::

        总分  93.67  优

    **改为**（004，城乡医疗救助本级补助：指标得分 85 + 预算执行 10 = 95）::

        总分  95  优
    """

    code = "KPI503"
    name = "total-score-mismatch"
    title_zh = "总分与分项不符"
    penalty = Penalty(Dimension.CONSISTENCY, 10, 10)
    severity = Severity.ERROR
    family = "self_evaluation"
    options: ClassVar[dict[str, Any]] = {"tolerance": 0.01, "execution_weight": 10.0}

    def _execution_share(self, project: Project, rows: list[Indicator]) -> float:
        """What the budget execution may score: its 分值 as the form prints it ("预算执行情况(20分)"), else
        100 less the indicators' 分值 when every row prints one (m08's "绩效指标(90分)" leaves 10), else
        ``execution_weight`` (财预〔2020〕10号: 10)."""
        if project.execution is not None and project.execution.weight is not None:
            return project.execution.weight
        if rows and all(ind.weight is not None for ind in rows):
            return max(0.0, 100.0 - sum(ind.weight or 0.0 for ind in rows))
        return float(self.opts["execution_weight"])

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        total = number(project.total_score)
        rows = scored_rows(project)
        if total is None or project.total_score is None or not rows:
            return
        read = project.execution is not None and project.execution.score is not None
        if not read and all(ind.score is None for ind in rows):
            return  # a scoring scheme (分值 only, j03's 评价指标表): its 总分 adds up 分值, there are no scores
        indicator_sum = sum(ind.score or 0.0 for ind in rows)
        execution = project.execution.score if project.execution and project.execution.score is not None else 0.0
        computed = indicator_sum + execution
        slack = rounding(project.total_score.text, float(self.opts["tolerance"]))
        if abs(computed - total) <= slack:
            return
        if not read and 0 < total - indicator_sum <= self._execution_share(project, rows) + slack:
            return  # the budget-execution score was not read: not a 0, it may well make up the difference
        if total > computed and any(ind.score is not None for ind in rows) and _unread(project):
            return  # rows whose score was not read (no 分值 either): not 0s, the sum is not of every row
        unscored = [ind.level3 or ind.level2 or "?" for ind in rows if ind.score is None]
        missing = f"；其中“{'、'.join(unscored)}”有分值无得分，按0计" if unscored else ""
        message = (
            f"总分 {project.total_score.text} 与各项得分之和不符：指标得分合计 {fmt(indicator_sum)} + 预算执行得分 "
            f"{fmt(execution)} = {fmt(computed)}{missing}。总分应等于各指标得分与预算执行得分之和，等级按总分确定。"
        )
        loc = project.total_score
        yield self.finding(
            doc,
            message,
            project=project,
            at=loc,
            suggestion=fmt(computed, 2),
            explain="；".join(f"{ind.level3 or ind.level2}: {ind.score}" for ind in rows) + f"；预算执行: {execution}",
        )


def _unread(project: Project) -> bool:
    """Some indicator row prints a target and an actual but neither 分值 nor 得分 was read, while other rows'
    scores were: a table with a score column whose figure on that row the reading lost (n07's "100%10…")."""
    return any(ind.weight is None and ind.score is None and ind.value and ind.actual for ind in project.indicators)
