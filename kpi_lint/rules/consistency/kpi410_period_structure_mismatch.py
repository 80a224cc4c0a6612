"""KPI410 period-structure-mismatch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, Document, Form, Indicator, Project
from kpi_lint.parse.values import base_unit, scaled
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.completeness.kpi201_missing_cost_indicator import is_cost, is_filled
from kpi_lint.rules.consistency._periods import project_years
from kpi_lint.rules.consistency._years import project_span
from kpi_lint.rules.target.common import name_cues
from kpi_lint.vocab import LEVEL2_NAMES


class PeriodStructureMismatch(Rule):
    """一年期项目的实施期与年度指标结构不同（行数、二级指标不一致）。

    默认级别：warning。

    **做什么**

    对项目期为一年的申报表（项目期“1年”、项目属性“一次性项目（1年结束）”，或项目期
    起止在同一年），按二级指标数一数实施期和年度各填了几行指标；有二级指标的行数
    不同，报告一次，列出每个不同的二级指标两期各几行。一栏只是把另一栏的一行拆成几行、
    合计相同（000：实施期 11335人，年度 371+8814+353+1797人）时，降为 info。某一期整类缺失的数量、质量、
    时效、效益、满意度指标由 KPI202 报告，这里只在说明中带过；两期都有的指标取值
    不同由 KPI401 报告。

    **为什么不好**

    一年期项目的实施期就是这一年度，两栏是同一套目标（财预〔2015〕88号申报表的
    填报说明）。一栏 6 行、没有成本指标，另一栏 19 行，说明两栏是分别拼凑的：审核
    时不知道以哪一栏为准，自评时（财预〔2020〕10号）也对不上。

    **示例**（002，2023年中央财政医疗服务与保障能力提升补助资金：实施期 6 行、
    没有成本指标，年度 19 行，含 6 行成本指标）::

        实施期 | 数量指标 | 召开医保工作政府信息工作会 | ≥2次
        年度   | 数量指标 | 购置电脑数量 | ≥2台 … 组织宣传活动次数 | ≥3次（6 行）
        年度   | 成本指标 | 会议费 | 20000元 … 设备购置费 | 16200元（6 行）

    **改为**：两栏填同一套指标和取值（一年期项目的实施期目标即年度目标）。
    """

    code = "KPI410"
    name = "period-structure-mismatch"
    title_zh = "两期指标结构不一致"
    penalty = Penalty(Dimension.CONSISTENCY, 5, 5)
    severity = Severity.WARNING
    family = "consistency"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        if project.form is not Form.DECLARATION or project.cut_off:
            return
        span = project_span(project)
        if project_years(project) != 1 and not (span is not None and span[0] == span[1]):
            return
        if not {PERIOD_IMPLEMENTATION, PERIOD_ANNUAL} <= set(project.periods):
            return
        cues = name_cues(self.lexicon)
        rows = {
            period: [i for i in project.indicators if i.period == period and is_filled(i, cues)]
            for period in (PERIOD_IMPLEMENTATION, PERIOD_ANNUAL)
        }
        counts = {period: Counter(_category(i) for i in found) for period, found in rows.items()}
        left, right = counts[PERIOD_IMPLEMENTATION], counts[PERIOD_ANNUAL]
        differ = [c for c in _ordered(left, right) if left[c] != right[c]]
        # A category one period lacks entirely is KPI202's finding (cost: KPI201's when both lack it).
        own = [c for c in differ if (left[c] and right[c]) or c == "成本指标"]
        if not own or not (left and right):
            return
        parts = "；".join(f"{c} 实施期 {left[c]} 行、年度 {right[c]} 行" for c in differ)
        message = (
            f"一年期项目的实施期与年度指标结构不同：实施期共 {sum(left.values())} 行，年度共 "
            f"{sum(right.values())} 行（{parts}）。一年期项目两栏是同一套目标，应填相同的指标和取值。"
        )
        # One column splits a row of the other into parts with the same total (000: 11335人 in the
        # 实施期, 371 + 8814 + 353 + 1797 人 in the 年度): the targets agree, only the layout differs.
        split = all(_same_total(rows[PERIOD_IMPLEMENTATION], rows[PERIOD_ANNUAL], c) for c in own)
        if split:
            message += "两栏合计相同，只是一栏把指标拆成了几行：宜统一拆分方式。"
        first = own[0]
        fewer = PERIOD_IMPLEMENTATION if left[first] < right[first] else PERIOD_ANNUAL
        at = _first(rows[fewer], first) or _first(
            rows[PERIOD_ANNUAL if fewer == PERIOD_IMPLEMENTATION else PERIOD_IMPLEMENTATION], first
        )
        yield self.finding(doc, message, project=project, indicator=at, severity=Severity.INFO if split else None)


def _category(ind: Indicator) -> str:
    return "成本指标" if is_cost(ind) else (ind.level2 or "（未分类）")


def _ordered(left: Counter[str], right: Counter[str]) -> list[str]:
    names = set(left) | set(right)
    order = {name: i for i, name in enumerate(LEVEL2_NAMES)}
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


def _same_total(left: list[Indicator], right: list[Indicator], category: str) -> bool:
    """Whether a category's amounts add up to the same total, in one unit, in both columns."""
    totals = []
    for rows in (left, right):
        values = [i.parsed for i in rows if _category(i) == category]
        if not values or any(v is None or v.number is None for v in values):
            return False
        units = {base_unit(v) for v in values if v is not None}
        if len(units) != 1:
            return False
        totals.append((sum(scaled(v) or 0.0 for v in values if v is not None), units.pop()))
    return totals[0][1] == totals[1][1] and abs(totals[0][0] - totals[1][0]) < 1e-6


def _first(rows: list[Indicator], category: str) -> Indicator | None:
    return next((i for i in rows if _category(i) == category), None)
