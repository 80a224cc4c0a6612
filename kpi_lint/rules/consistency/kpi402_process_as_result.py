"""KPI402 process-as-result."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean

# What to measure instead, by 二级指标 (the guidance's examples, worded for these projects).
_INSTEAD = {
    "成本指标": "如“人均补助标准 ≤175元/人”或“宣传资料单位成本 ≤10元/份”",
    "时效指标": "如“补助资金发放完成时间 不晚于6月底”",
    "质量指标": "如“救助对象资格审核合格率 =100%”",
    "数量指标": "如“资助参保人数 ≥7851人”",
}
_DEFAULT_INSTEAD = "如受益人数、补助标准、完成时间或服务对象满意度"


class ProcessAsResult(Rule):
    """A budget-process measure is used as a performance indicator (资金到位率, 预算执行率, 按时拨付, 预算控制率).

    Severity: warning.

    What it does
        Reports a 三级指标 that contains a budget-process measure listed in
        ``lexicons/process_measures.txt`` (资金到位率, 预算执行率, 预算执行, 按时拨付,
        预算控制率, 资金拨付率, 支出进度 …).  The longest listed measure found is
        named in the message.

    Why is this bad?
        The guidance (财预〔2020〕10号) scores budget execution separately: in the
        self-evaluation 预算执行率 carries its own 10 points.  As an indicator it
        says that money was spent, not what the money achieved, so the 产出 and
        效益 targets the project is judged on are missing; 财预〔2021〕101号 lists
        these measures as not to be used as output or effect indicators.

    Example
        003 2023医保局办公楼租赁费7.2万元::

            成本指标  预算控制率  ≥95
            时效指标  按时拨付    ≥95

    Use instead
        What the rent buys and when::

            成本指标  办公用房年租金  ≤7.2万元
            时效指标  租金支付完成时间  不晚于6月底
    """

    code = "KPI402"
    name = "process-as-result"
    title_zh = "过程当作结果"
    penalty = Penalty(Dimension.RELEVANCE, 8, 16)
    severity = Severity.WARNING
    family = "consistency"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        measures = sorted({fold(m) for m in self.lexicon.process_measures}, key=len, reverse=True)
        for ind in project.indicators:
            name = clean(ind.level3)
            hit = next((m for m in measures if m and m in name), None)
            if hit is None:
                continue
            instead = _INSTEAD.get(ind.level2 or "", _DEFAULT_INSTEAD)
            message = (
                f"三级指标“{ind.level3}”是预算过程指标（{hit}），不是绩效结果：预算执行在自评中另行计分（预算执行率10分）。"
                f"应改为反映本项目产出或效益的指标，{instead}。"
            )
            yield self.finding(doc, message, project=project, indicator=ind)
