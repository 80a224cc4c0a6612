"""KPI401 period-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import (
    PERIOD_ANNUAL,
    PERIOD_IMPLEMENTATION,
    Document,
    Form,
    Indicator,
    ParsedValue,
    Project,
)
from kpi_lint.parse.values import base_unit, scaled
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._funds import fund_yuan, total_disagrees
from kpi_lint.rules.consistency._periods import paired_rows, project_years
from kpi_lint.rules.text._text import clean


def _same_unit(a: str | None, b: str | None) -> bool:
    """ "元" and "元/人/年" name the same money, one more precisely; "元" and "万元" were scaled already."""
    a, b = a or "", b or ""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def _comparator(value: ParsedValue) -> str:
    # A rate cannot exceed 100%: "≥100%" and "100%" set the same target (KPI105 reports the "≥").
    if value.kind == "percent" and value.number == 100 and value.comparator in (None, "≥"):
        return "="
    return value.comparator or "="


def same_value(a: Indicator, b: Indicator) -> bool:
    """Whether two printed values say the same ("≥95%" and "≥ 95 %" do; "134元" and "34元" do not)."""
    if clean(a.value) == clean(b.value):
        return True
    pa, pb = a.parsed, b.parsed
    if pa is None or pb is None or pa.number is None or pb.number is None:
        return False
    return (
        scaled(pa) == scaled(pb)
        and _same_unit(base_unit(pa), base_unit(pb))
        and _comparator(pa) == _comparator(pb)
        and pa.number_high == pb.number_high
    )


class PeriodMismatch(Rule):
    """一年期项目中，同一指标的实施期值与年度值不同。

    默认级别：错误 error。

    **做什么**

    申报表的项目期 / 项目属性表明项目为期一年（"1年"、"一次性项目(1年结束)"）时，把每一行实施期指标与同一指标的
    年度行配对（同一二级指标，名称相同或一个是另一个的截断），两值不同时报告年度单元格。数值换算到基本单位并带
    比较符比较（"≥95%"等于"≥ 95 %"，"2万份"等于"20000份"）。实施期资金总额与年度资金总额同样比较，
    除非其中一个与它自己的来源合计不符（那是 KPI407 的发现，报告在印错的单元格上）。
    只印在一栏的行交给 KPI106。原文停在其中一个值这一格中的（``Project.cut_cell``）不比较：两值只差在被截去的部分。

    **为什么不好**

    一年期项目的实施期就是预算年度：两栏描述的是同一个目标（财预〔2015〕88号要求年度目标是实施期目标的当年部分）。
    两个值不同，说明其中一个有误，审核人也不知道将按哪个评价。

    **示例**（001，建档立卡参保人员县级补助，项目期 1年，成本指标）::

        实施期 贫困人口参保县级财政人  134元    年度 贫困人口参保县  34元

    **改为**：两栏填相同的值::

        实施期 贫困人口参保县级财政补助人均标准  134元    年度 同左  134元
    """

    code = "KPI401"
    name = "period-mismatch"
    title_zh = "年度与实施期不符"
    penalty = Penalty(Dimension.CONSISTENCY, 4, 16)
    severity = Severity.ERROR
    family = "consistency"

    def _funds(self, project: Project, doc: Document) -> Iterator[Finding]:
        left = project.fund("总额", PERIOD_IMPLEMENTATION)
        right = project.fund("总额", PERIOD_ANNUAL)
        if left is None or right is None:
            return
        a, b = fund_yuan(left), fund_yuan(right)
        if a is None or b is None or a == b:
            return
        if total_disagrees(left, project) is not None or total_disagrees(right, project) is not None:
            return  # one total disagrees with its own sources: that is the defect (KPI407), reported there
        message = (
            f"一年期项目的实施期资金总额“{left.text}”{left.unit}与年度资金总额“{right.text}”{right.unit}不一致。"
            f"项目期为1年时两者是同一笔资金，应填相同金额。"
        )
        yield self.finding(
            doc,
            message,
            project=project,
            at=right,
            period=PERIOD_ANNUAL,
            explain=f"实施期 {a:,.2f} 元，年度 {b:,.2f} 元",
        )

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        if project.form is not Form.DECLARATION or project_years(project) != 1:
            return
        yield from self._funds(project, doc)
        for left, right in paired_rows(project):
            if not clean(left.value) or not clean(right.value) or same_value(left, right):
                continue
            if project.cut_in(left, "value") or project.cut_in(right, "value"):
                continue  # a value the text stops inside differs from its whole twin only by what was cut
            message = (
                f"一年期项目中，三级指标“{right.level3}”的年度指标值“{right.value}”与实施期“{left.value}”"
                f"（{left.place()}“{left.level3}”）不一致。项目期为1年时两列是同一个目标，应填相同的值。"
            )
            yield self.finding(
                doc,
                message,
                project=project,
                indicator=right,
                span="value",
                explain=f"实施期 {left.place()} {left.value!r}；年度 {right.place()} {right.value!r}",
            )
