"""KPI302 name-equals-description."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project, office_anchors, place_of, places_of
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean

# A unit in brackets ("机关运转率（%）") says nothing the name does not.
_BRACKETED = re.compile(r"[(（][^()（）]{0,6}[)）]")


def _core(text: str | None) -> str:
    return _BRACKETED.sub("", clean(text))


class NameEqualsDescription(Rule):
    """绩效指标描述只是重复三级指标名称。

    默认级别：警告 warning。

    **做什么**

    对印有"绩效指标描述"列的表（绩效目标表），报告描述与三级指标名称相同的行（统一全角半角、去掉空白、
    首尾标点和括号中的单位后比较）。原文停在描述这一格中（``Project.cut_cell``）的不报告：描述可能在截断处之后接着写。

    **为什么不好**

    描述是让目标可检验的地方：数什么、依据什么来源、比率怎么算。财预〔2015〕88号、财预〔2021〕101号要求目标
    具体、可衡量并有依据；照抄名称的描述没有给审核人或评价人任何可核实的信息。

    **示例**（003，2023医保局办公楼租赁费7.2万元，数量指标）::

        三级指标 租赁面积    绩效指标描述 租赁面积    指标值 717

    **改为**：说明数字怎么得来（003 城乡居民意外伤害调查服务费接近这样）::

        三级指标 调查意外伤害案件数量
        绩效指标描述 全年委托调查的意外伤害住院案件数，以调查合同台账为准
    """

    code = "KPI302"
    name = "name-equals-description"
    title_zh = "指标描述照抄指标名"
    penalty = Penalty(Dimension.CONSISTENCY, 2, 10)
    severity = Severity.WARNING
    family = "text"

    options: ClassVar[dict[str, Any]] = {
        # A repeat on at least this share of the document's described rows (and on at least
        # `pattern_min` rows) is the document's habit, not a slip per row: one finding lists the lines.
        "pattern_share": 0.5,
        "pattern_min": 5,
    }

    def check_document(self, doc: Document) -> Iterator[Finding]:
        repeats: list[tuple[Project, Indicator]] = []
        described = 0
        for project in doc.projects:
            for ind in project.indicators:
                name, description = _core(ind.level3), _core(ind.description)
                described += bool(description)
                # a description the text stops inside (Project.cut_cell) may go on past the name it repeats so far
                if name and name == description and not project.cut_in(ind, "description"):
                    repeats.append((project, ind))
        if not repeats:
            return
        if self.is_habit(len(repeats), described):
            yield self._pattern(doc, repeats, described)
            return
        for project, ind in repeats:
            message = (
                f"绩效指标描述“{ind.description}”只是重复了三级指标名称。描述应说明统计口径、数据来源或计算方法，"
                f"如“全年委托调查的意外伤害住院案件数，以合同台账为准”，使指标可以核查。"
            )
            yield self.finding(doc, message, project=project, indicator=ind, span="description")

    def _pattern(self, doc: Document, repeats: list[tuple[Project, Indicator]], described: int) -> Finding:
        places = [ind.span("description") for _, ind in repeats]
        spots = [(line, ind.anchor("description")) for (line, _), (_, ind) in zip(places, repeats, strict=True)]
        if any(anchor for _, anchor in spots):
            shown = places_of(spots)  # "表1 行8、9、12": the rows as the office file shows them
        else:
            lines = list(dict.fromkeys(line for line, _ in places))  # a line named once
            more = f" 等 {len(places)} 处" if len(lines) > 12 else ""
            shown = "、".join(place_of(line) for line in lines[:12]) + more
        projects = {p.name for p, _ in repeats}
        message = (
            f"全文 {described} 个写了绩效指标描述的指标中，有 {len(repeats)} 个（{len(projects)} 个项目）"
            f"的描述只是重复了三级指标名称（在{shown}）：这是整份文件的填写方式，不是个别疏漏。描述应说明统计口径、数据来源或计算方法，"
            f"如“全年委托调查的意外伤害住院案件数，以合同台账为准”，使指标可以核查。"
        )
        project, first = repeats[0]
        finding = self.finding(doc, message, project=project, indicator=first, span="description")
        finding.occurrences = places
        finding.occurrence_anchors = office_anchors([anchor for _, anchor in spots])
        return finding
