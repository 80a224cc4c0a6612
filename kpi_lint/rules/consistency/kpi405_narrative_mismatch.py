"""KPI405 narrative-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import MONEY_SCALE, PERIOD_ANNUAL, Document, NarrativeFigure, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency.kpi401_period_mismatch import fund_yuan

_SCALE = {**MONEY_SCALE, "%": 1.0}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def printed_decimals(figure: NarrativeFigure) -> int:
    """Decimals the narrative printed the figure with ("8.51万元" → 2), for rounding tolerance."""
    for m in _NUMBER.finditer(figure.text):
        raw = m.group(0).replace(",", "")
        if abs(float(raw) - figure.value) < 1e-9:
            return len(raw.partition(".")[2])
    return 0


class NarrativeMismatch(Rule):
    """文字中的数字与表格中的同一数字不符。

    默认级别：错误 error。

    **做什么**

    把从项目文字部分（项目绩效分析、实际完成情况、绩效管理情况）读出的数字与表格中同名的数字比较：

    ========  ==============================================
    预算数     自评表资金部分的全年预算数
    执行数     全年执行数
    执行率     执行率（%）
    资金       申报表的年度资金总额（否则为全年预算数）
    ========  ==============================================

    金额在元与万元之间换算；差额在文字所写精度之内（"8.51万元"对应 8.507）或在 ``tolerance``（按文字的单位 0.01）
    之内的是四舍五入，不算不符。

    **为什么不好**

    自评（财预〔2020〕10号）按这些数字给预算执行打分（预算执行率占 100 分中的 10 分）。文字报告的执行比表格高，
    要么分数错，要么说明错，公开报告的读者会被误导花了多少钱。

    **示例**（004，城乡居民医疗保险工作经费）：表格为全年预算数 89.614、全年执行数 77.659、执行率 86.66；
    文字却说"全年预算数为160万元，全年执行数为148.05万元，执行率为92.53%"。

    **改为**（004，全国医疗保障服务示范点工作经费）：表格 15 / 8.507 / 56.71，文字"全年预算数为15万元，
    全年执行数为8.51万元，执行率为56.71%"。
    """

    code = "KPI405"
    name = "narrative-mismatch"
    title_zh = "文字与表格不符"
    penalty = Penalty(Dimension.CONSISTENCY, 5, 15)
    severity = Severity.ERROR
    family = "consistency"
    options: ClassVar[dict[str, Any]] = {"tolerance": 0.01}

    def table_figure(self, project: Project, name: str) -> tuple[float, str, str] | None:
        """(value, unit, label) of the table figure a narrative figure of `name` restates."""
        ex = project.execution
        if ex is not None:
            value = {"预算数": ex.full_year, "执行数": ex.executed, "执行率": ex.rate, "资金": ex.full_year}.get(name)
            label = {"预算数": "全年预算数", "执行数": "全年执行数", "执行率": "执行率", "资金": "全年预算数"}.get(name)
            if value is not None and label:
                return value, "%" if name == "执行率" else ex.unit, label
        if name == "资金":
            item = project.fund("总额", PERIOD_ANNUAL) or project.fund("总额")
            amount = fund_yuan(item) if item else None
            if item is not None and amount is not None:
                return amount, "元", f"{item.period or ''}资金总额"
        return None

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        for figure in project.narrative:
            table = self.table_figure(project, figure.name)
            if table is None:
                continue
            value, unit, label = table
            if (unit == "%") != (figure.unit == "%") or figure.unit not in _SCALE or unit not in _SCALE:
                continue
            in_prose_unit = value * _SCALE[unit] / _SCALE[figure.unit]
            tolerance = max(float(self.opts["tolerance"]), 0.5 * 10 ** -printed_decimals(figure))
            if abs(in_prose_unit - figure.value) <= tolerance + 1e-9:
                continue
            message = (
                f"文字说明写“{figure.text.strip()}”（{figure.name} {figure.value:g}{figure.unit}），"
                f"但表中{label}为 {value:g}{unit}。同一数字在说明和表格中必须一致：核对后改正其中错误的一处。"
            )
            yield self.finding(
                doc,
                message,
                project=project,
                at=figure,
                explain=(
                    f"说明 {figure.value:g}{figure.unit}；表格 {value:g}{unit}（折合 {in_prose_unit:g}{figure.unit}）"
                ),
            )
