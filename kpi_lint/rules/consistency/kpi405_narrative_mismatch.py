"""KPI405 narrative-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import PERIOD_ANNUAL, Document, NarrativeFigure, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency.kpi401_period_mismatch import fund_yuan

_SCALE = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "%": 1.0}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def printed_decimals(figure: NarrativeFigure) -> int:
    """Decimals the narrative printed the figure with ("8.51万元" → 2), for rounding tolerance."""
    for m in _NUMBER.finditer(figure.text):
        raw = m.group(0).replace(",", "")
        if abs(float(raw) - figure.value) < 1e-9:
            return len(raw.partition(".")[2])
    return 0


class NarrativeMismatch(Rule):
    """A figure stated in the text differs from the same figure in the table.

    Severity: error.

    What it does
        Compares the figures the parser read from a project's prose (项目绩效分析,
        实际完成情况, 绩效管理情况) with the table figure of the same name:

        ========  ==============================================
        预算数     全年预算数 of the 自评表 funds block
        执行数     全年执行数
        执行率     执行率 (%)
        资金       年度资金总额 of a 申报表 (else the 全年预算数)
        ========  ==============================================

        Amounts are converted between 元 and 万元; a difference within the
        precision the prose printed ("8.51万元" for 8.507) or ``tolerance`` (0.01
        in the prose's unit) is rounding, not a mismatch.

    Why is this bad?
        The self-evaluation (财预〔2020〕10号) scores budget execution from these
        figures (预算执行率 weighs 10 of 100 points).  When the prose reports a
        higher execution than the table, either the score or the explanation is
        wrong, and a reader of the published report is misled about how much of
        the money was spent.

    Example
        004 城乡居民医疗保险工作经费: the table prints 全年预算数 89.614, 全年执行数
        77.659, 执行率 86.66; the prose says "全年预算数为160万元，全年执行数为148.05万元，
        执行率为92.53%".

    Use instead
        004 全国医疗保障服务示范点工作经费: table 15 / 8.507 / 56.71, prose "全年预算数为15万元，
        全年执行数为8.51万元，执行率为56.71%".
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
                doc, message, project=project, line=figure.line, column=figure.column,
                explain=(
                    f"说明 {figure.value:g}{figure.unit}；表格 {value:g}{unit}（折合 {in_prose_unit:g}{figure.unit}）"
                ),
            )
