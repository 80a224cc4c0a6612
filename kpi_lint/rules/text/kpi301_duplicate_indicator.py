"""KPI301 duplicate-indicator."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._periods import paired_rows
from kpi_lint.rules.text._text import clean


def clipped_names(project: Project) -> set[str]:
    """The names of a row whose two periods print one the other cut short: the 实施期 "贫困人口参保县级财政补" beside
    the 年度 "贫困人口参保县" (KPI305 reports that cut). The form's cells were clipped at a fixed width, and the names
    sharing the clipped text may be different indicators (100% under 质量, 及时 under 时效): their repeating is the
    cut's doing, reported there."""
    names: set[str] = set()
    for a, b in paired_rows(project):
        one, other = clean(a.level3), clean(b.level3)
        if one and other and one != other and (one.startswith(other) or other.startswith(one)):
            names.update((one, other))
    return names


class DuplicateIndicator(Rule):
    """同一项目、同一期间内同一个三级指标出现两次。

    默认级别：警告 warning。

    **做什么**

    在一个项目的同一期间内（实施期 / 年度，或目标表、自评表的唯一期间），把三级指标名称统一全角半角、去掉空白后
    比较，报告每一个与前面重名的指标，并指回第一次出现的位置。读出来不像名称的三级指标（错位的"是"、类别标签的
    碎片、``unmeasured_actuals.txt`` 里的"完成"这类完成情况）不比较：那是读取错位，不是单位重复填写。另一期间
    把这个名称印得更短（实施期"贫困人口参保县级财政补"、年度"贫困人口参保县"：KPI305 报告截断）时也不报告：表格的
    单元格按定宽截断，共用这段文字的几行可能是不同的指标（质量下"100%"、时效下"及时"），重名是截断造成的，由 KPI305
    报告一次。
    原文停在名称这一格中的行（``Project.cut_cell``）不比较：名称可能在截断处之后接着写。

    **为什么不好**

    财预〔2015〕88号要求目标具体、可衡量：一个指标衡量一件事。两行同名，要么是复制粘贴的疏忽，要么是两个不同的
    指标被截成了同一个名字；自评表里同名指标打两次分，无法审核。被截断的单元格（KPI305）常使不同指标变成同名。

    **示例**（004，稳定脱贫人口居民医保个人缴费资助…，质量指标）::

        对稳定脱贫人口居民2023年医保个人缴费    =175元/人
        对稳定脱贫人口居民2023年医保个人缴费    5月底之前

    **改为**：每个指标有自己的名称::

        稳定脱贫人口居民医保个人缴费资助标准      =175元/人
        稳定脱贫人口居民医保个人缴费资助完成时间  不晚于5月底
    """

    code = "KPI301"
    name = "duplicate-indicator"
    title_zh = "指标重复"
    penalty = Penalty(Dimension.CONSISTENCY, 3, 9)
    severity = Severity.WARNING
    family = "text"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        first_seen: dict[tuple[str | None, str], Indicator] = {}
        statuses = {clean(s) for s in self.lexicon.unmeasured_actuals}
        clipped = clipped_names(project)
        for ind in project.indicators:
            key_name = clean(ind.level3)
            if not key_name or not self.readings.is_name(ind.level3) or key_name in statuses:
                continue  # a shifted cell ("是"), a piece of a label, a status ("完成") read as the name
            if project.cut_in(ind, "level3"):
                continue  # a name the text stops inside may go on past the name it equals so far
            first = first_seen.setdefault((ind.period, key_name), ind)
            if first is ind or key_name in clipped:
                continue  # the first time; or a name the other period prints cut short, clipped itself (KPI305)
            where = f"本项目{ind.period}目标中" if ind.period else "本项目中"
            message = (
                f"三级指标“{ind.level3}”在{where}重复出现（{first.place()}已有，指标值“{first.value or ''}”，"
                f"此处为“{ind.value or ''}”）。每个指标只衡量一件事：合并重复行，或写出能区分的完整名称，"
                f"如“…资助标准”与“…资助完成时间”。"
            )
            yield self.finding(doc, message, project=project, indicator=ind)
