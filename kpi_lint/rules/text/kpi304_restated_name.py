"""KPI304 restated-name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Located, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean


class RestatedName(Rule):
    """项目概况、总体目标或项目设立必要性只是复述项目名称。

    默认级别：警告 warning。

    **做什么**

    把这几项文字与项目名称比较（统一全角半角，去掉空白和首尾标点）。文字就是名称、是名称的一部分，或只是在名称外
    加了几个字、名称占全文至少 ``name_share``（默认 0.7）时报告。

    **为什么不好**

    财预〔2015〕88号的目标审核看相关性和适当性：资金与项目要交付的东西是否匹配？项目概况只有标题时无从判断；
    "如期完成<项目名称>各项指标"这样的总体目标没有说出任何结果。

    **示例**（002，2023年中央财政医疗救助补助资金预算的通知）::

        项目名称 2023年中央财政医疗救助补助资金预算的通知
        项目概况 2023年中央财政医疗救助补助资金预算的通知

    **改为**：写明资金做什么、为谁做、做多少（000，城乡居民医疗保险县级配套）::

        项目概况 …2023年按每人缴费77元计算，我县共170720人需要城乡居民医保县级财政补助，
                 共计需13140000元。
    """

    code = "KPI304"
    name = "restated-name"
    title_zh = "概况复述项目名称"
    penalty = Penalty(Dimension.CONSISTENCY, 5, 10)
    severity = Severity.WARNING
    family = "text"
    options: ClassVar[dict[str, Any]] = {"name_share": 0.7, "min_part": 4}

    def _restates(self, name: str, text: str) -> bool:
        if not name or not text:
            return False
        if name in text:
            return len(name) / len(text) >= float(self.opts["name_share"])
        # The text is only a piece of the name ("医疗救助补助资金").
        return len(text) >= int(self.opts["min_part"]) and text in name

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        name = clean(project.name)
        fields: list[tuple[str, Located, str | None]] = []
        if project.overview:
            fields.append(("项目概况", project.overview, None))
        if project.necessity:
            fields.append(("项目设立必要性", project.necessity, None))
        for goal_period, goal in project.goals.items():
            fields.append(("总体目标", goal, goal_period))
        for label, loc, period in fields:
            if not self._restates(name, clean(loc.text)):
                continue
            where = f"{label}（{period}）" if period else label
            message = (
                f"{where}“{loc.text.strip()}”只是重复了项目名称“{project.name}”，没有说明资金用途、对象、规模或预期结果。"
                f"应写明做什么、为谁、多少钱、达到什么结果：资金用于什么、服务对象及人数、资金额、预期的产出或效益。"
            )
            yield self.finding(doc, message, project=project, at=loc, period=period)
