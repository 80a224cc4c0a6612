"""KPI506 execution-arithmetic."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Execution, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.self_evaluation._scores import execution_weight, fmt, rounding


def _printed(ex: Execution, field: str) -> str | None:
    loc = ex.spans.get(field)
    return loc.text if loc else None


class ExecutionArithmetic(Rule):
    """执行率 ≠ 执行数 / 预算数，结余 ≠ 预算数 − 执行数，或预算执行得分 ≠ 执行率 × 权重。

    默认级别：错误 error。

    **做什么**

    对自评表的资金部分做三项核对，各自允许 ``tolerance``（默认 0.01）或印出数字的舍入误差：

    * 执行率 = 全年执行数 / 全年预算数 × 100；
    * 资金结（转）余 = 全年预算数 − 全年执行数；
    * 得分 = 执行率 × 分值（不超过分值）；分值取印出的，没有则为 ``execution_weight``（默认 10）。没有读到分值、
      而印出的得分已超过默认分值时（湖北模板"得分 (20分*执行率)"：执行率 100% 得 20 分），说明这张表的分值不是
      默认值，得分不核对。

    每一项不符报告一条，位置在印出的数字上，``suggestion`` 给出正确数字。

    **为什么不好**

    指引（财预〔2020〕10号）按执行率给预算执行打分，占 100 分中的 10 分，表注把执行率定义为执行数除以全年预算数。
    执行率或结余算错，就错报了花了多少钱；得分不按执行率来，会改变总分乃至等级。

    **示例**：样本中没有——004 的八个资金部分都对得上。若表中照抄文字里的执行率（92.53）就会报告::

        全年预算数 89.614  全年执行数 77.659  结余 11.955  执行率 92.53  得分 9.25

    **改为**（004，城乡居民医疗保险工作经费：77.659 / 89.614 = 86.66%，× 10 = 8.67）::

        全年预算数 89.614  全年执行数 77.659  结余 11.955  执行率 86.66  得分 8.67
    """

    code = "KPI506"
    name = "execution-arithmetic"
    title_zh = "执行率计算有误"
    penalty = Penalty(Dimension.CONSISTENCY, 5, 10)
    severity = Severity.ERROR
    family = "self_evaluation"
    options: ClassVar[dict[str, Any]] = {"tolerance": 0.01, "execution_weight": 10.0}

    def _check(
        self, doc: Document, project: Project, ex: Execution, field: str, printed: float, expected: float, what: str
    ) -> Finding | None:
        if abs(printed - expected) <= rounding(_printed(ex, field), float(self.opts["tolerance"])):
            return None
        loc = ex.spans.get(field)
        places = max(2, len((_printed(ex, field) or "").partition(".")[2]))
        message = f"{what}，表中填 {fmt(printed)}，应为 {fmt(expected, places)}。请核对预算数、执行数后改正。"
        return self.finding(
            doc, message, project=project, at=loc, line=ex.line, column=ex.column, suggestion=fmt(expected, places)
        )

    def _weight_unknown(self, ex: Execution) -> bool:
        """No 分值 was read and the printed score is above the default one: the form gives budget execution
        another weight ("得分 (20分*执行率)", 湖北's 20 points), which was not read. A score cannot exceed
        its weight, so the default is plainly not this form's: the score is not checked against it."""
        default = float(self.opts["execution_weight"])
        return ex.weight is None and ex.score is not None and ex.score > default + 1e-9

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        ex = project.execution
        if ex is None:
            return
        budget, spent = ex.full_year, ex.executed
        checks: list[tuple[str, float | None, float | None, str]] = []
        if budget and spent is not None:
            rate = spent / budget * 100
            what = f"执行率应为执行数 {fmt(spent)} ÷ 全年预算数 {fmt(budget)} = {rate:.2f}%"
            checks.append(("rate", ex.rate, rate, what))
        if budget is not None and spent is not None:
            balance = budget - spent
            checks.append(
                ("balance", ex.balance, balance, f"资金结余应为全年预算数 {fmt(budget)} − 执行数 {fmt(spent)}")
            )
        if ex.rate is not None and not self._weight_unknown(ex):
            weight = execution_weight(ex, float(self.opts["execution_weight"]))
            score = min(ex.rate / 100, 1.0) * weight
            checks.append(("score", ex.score, score, f"预算执行得分应为执行率 {fmt(ex.rate)}% × 分值 {fmt(weight)}"))
        for field, printed, expected, what in checks:
            if printed is None or expected is None:
                continue
            finding = self._check(doc, project, ex, field, printed, expected, what)
            if finding is not None:
                yield finding
