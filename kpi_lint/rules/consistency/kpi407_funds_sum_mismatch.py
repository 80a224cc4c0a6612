"""KPI407 funds-sum-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, FundItem, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._funds import TOLERANCE, TOTAL, fund_yuan, sources_of, total_disagrees


class FundsSumMismatch(Rule):
    """资金总额不等于各来源之和（资金总额 ≠ 财政拨款 + 其他资金 …）。

    默认级别：error。

    **做什么**

    对申报表、目标表的项目资金栏，按期间（实施期、年度）把各来源——中央、省级、
    市县财政资金，财政拨款，上年结转，单位自筹，其他资金——加起来，与同一期间的
    资金总额比较（财政拨款与它的中央/省级/市县细分同时列出时只算一次）；相差超过
    ``tolerance``（默认 0.5%，至少 0.01 元）的报告在资金总额一格，写明各项金额。各
    来源都没填的不检查。

    **为什么不好**

    资金总额是绩效目标“适当性”审核（财预〔2015〕88号：资金与目标是否匹配）和成本
    指标核对（KPI403）的基数。总额与来源对不上，说明表中至少有一个数填错了——审核
    人无法知道项目到底有多少钱、钱从哪里来。

    **示例**（001，建档立卡参保人员县级补助：实施期资金总额印作“2,567.000”，
    而市县财政资金为 2,567,000 元）::

        实施期资金总额：| 2,567.000
        其中：市县财政资金 | 2,567,000

    **改为**::

        实施期资金总额：| 2,567,000
        其中：市县财政资金 | 2,567,000
    """

    code = "KPI407"
    name = "funds-sum-mismatch"
    title_zh = "资金总额与来源不符"
    penalty = Penalty(Dimension.CONSISTENCY, 8, 8)
    severity = Severity.ERROR
    family = "consistency"
    options: ClassVar[dict[str, Any]] = {"tolerance": TOLERANCE}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        for total in project.funds:
            if total.source != TOTAL or total.amount is None:
                continue
            summed = total_disagrees(total, project, float(self.opts["tolerance"]))
            items = sources_of(total, project)
            if summed is not None and items is not None:
                yield self._finding(doc, project, total, items, summed)

    def _finding(
        self, doc: Document, project: Project, total: FundItem, items: list[FundItem], summed: float
    ) -> Finding:
        label = f"{total.period}资金总额" if total.period else "资金总额"
        parts = " + ".join(f"{f.source} {f.text}" for f in items if f.amount)
        parts = parts or "各来源均为 0"
        amount = fund_yuan(total) or 0.0
        message = (
            f"{label}“{total.text}”{total.unit}与各来源之和不符：{parts}，合计 {summed:,.2f} 元，"
            f"总额为 {amount:,.2f} 元。资金总额应等于各来源之和，请核对哪个数填错了。"
        )
        finding = self.finding(
            doc,
            message,
            project=project,
            line=total.line,
            column=total.column,
            period=total.period,
            explain=f"总额 {amount:,.2f} 元；来源合计 {summed:,.2f} 元",
        )
        finding.anchor = total.anchor
        return finding
