"""KPI504 weight-sum."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.self_evaluation._scores import execution_weight, fmt, is_self_evaluation, scored_rows


class WeightSum(Rule):
    """各指标分值（含预算执行）合计不是 100。

    默认级别：错误 error。

    **做什么**

    把自评表每一指标行的分值与预算执行的权重相加——预算执行用印出的分值，没有则用 ``execution_weight``
    （默认 10，即指引中预算执行率的权重）——合计不等于 ``expected_total``（100，误差 0.01 以内）时报告。
    表上没有印出预算执行的分值、而各指标分值合计已是 100 时不报告：转移支付区域自评表把 100 分全部分给指标。
    消息按一级指标列出分项，并与指引的权重对照。
    印有权重的申报表或目标表没有预算执行得分：各指标权重合计应为 100，或在为预算执行留出 10 分时为 90。
    在原文中被截断的表不求和。

    **为什么不好**

    财预〔2020〕10号原则上规定权重为预算执行率 10、产出 50、效益 30、满意度 10，合计 100，等级（优 ≥ 90……）
    也以百分制为前提。权重合计 95，项目最高到不了 100，总分和等级也无法与其他项目比较；缺了成本指标行，常常连带
    少了它的 10 分。

    **示例**（004，城乡居民医疗保险工作经费）：产出 35 + 成本 10 + 效益 30 + 满意度 10 + 预算执行 10 = 95。

    **改为**（004，城乡医疗救助本级补助）：产出 40 + 成本 10 + 效益 30 + 满意度 10 + 预算执行 10 = 100。
    """

    code = "KPI504"
    name = "weight-sum"
    title_zh = "权重合计不符"
    penalty = Penalty(Dimension.CONSISTENCY, 5, 5)
    severity = Severity.ERROR
    family = "self_evaluation"
    options: ClassVar[dict[str, Any]] = {"expected_total": 100.0, "execution_weight": 10.0, "tolerance": 0.01}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        if project.cut_off:
            return  # the table breaks off: the weights of the rows beyond the break are not there to add
        rows = [ind for ind in scored_rows(project) if ind.weight is not None]
        if not rows:
            return
        by_level1: dict[str, float] = {}
        for ind in rows:
            key = (ind.level1 or "其他").removesuffix("指标")
            by_level1[key] = by_level1.get(key, 0.0) + (ind.weight or 0.0)
        if not is_self_evaluation(project):
            yield from self._declared(doc, project, rows, by_level1)
            return
        ex = project.execution
        expected = float(self.opts["expected_total"])
        tolerance = float(self.opts["tolerance"])
        if (ex is None or ex.weight is None) and abs(sum(by_level1.values()) - expected) <= tolerance:
            return  # no execution score printed, and the indicators carry all 100 points (转移支付区域自评表)
        execution = execution_weight(ex, float(self.opts["execution_weight"]))
        by_level1["预算执行"] = execution
        total = sum(by_level1.values())
        if abs(total - expected) <= tolerance:
            return
        parts = " + ".join(f"{name} {fmt(weight)}" for name, weight in by_level1.items())
        message = (
            f"各项分值合计 {fmt(total)}，不是 {fmt(expected)}（{parts}）。按财预〔2020〕10号，分值原则上为"
            f"预算执行率10、产出50、效益30、满意度10，合计100；缺项（如未填报的成本指标）也应保留其分值。"
        )
        yield self.finding(
            doc,
            message,
            project=project,
            indicator=rows[0],
            span="weight",
            explain=f"指标分值 {fmt(total - execution)}；预算执行分值 {fmt(execution)}"
            + ("（按规则选项取值）" if ex is None or ex.weight is None else ""),
        )

    def _declared(
        self, doc: Document, project: Project, rows: list[Indicator], by_level1: dict[str, float]
    ) -> Iterator[Finding]:
        """A 申报表 or 目标表 that prints 权重: the indicators' own weights, with no execution score.

        They sum to 100, or to 90 when the form leaves budget execution its 10 points for the
        self-evaluation; anything else cannot be scored on the 100-point scale.
        """
        total = sum(by_level1.values())
        expected = float(self.opts["expected_total"])
        execution = float(self.opts["execution_weight"])
        tolerance = float(self.opts["tolerance"])
        if any(abs(total - good) <= tolerance for good in (expected, expected - execution)):
            return
        parts = " + ".join(f"{name} {fmt(weight)}" for name, weight in by_level1.items())
        message = (
            f"各指标权重合计 {fmt(total)}（{parts}），既不是 {fmt(expected)}，"
            f"也不是留出预算执行 {fmt(execution)} 分后的 "
            f"{fmt(expected - execution)}：自评时无法按百分制计分。请按各指标的重要程度重新分配权重。"
        )
        yield self.finding(doc, message, project=project, indicator=rows[0], span="weight")
