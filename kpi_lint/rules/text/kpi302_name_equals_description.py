"""KPI302 name-equals-description."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean

# A unit in brackets ("机关运转率（%）") says nothing the name does not.
_BRACKETED = re.compile(r"[(（][^()（）]{0,6}[)）]")


def _core(text: str | None) -> str:
    return _BRACKETED.sub("", clean(text))


class NameEqualsDescription(Rule):
    """The 绩效指标描述 only repeats the 三级指标.

    Severity: warning.

    What it does
        For forms that print a 绩效指标描述 column (the 绩效目标表), reports rows
        whose description is the 三级指标 name again (compared after folding
        full-width forms, white space, edge punctuation and a bracketed unit).

    Why is this bad?
        The description is where a target becomes checkable: what is counted, from
        which source, how the rate is computed.  财预〔2015〕88号 and 财预〔2021〕101号
        ask for specific, measurable targets with a stated basis; a description that
        repeats the name adds nothing a reviewer or an evaluator can verify.

    Example
        003 2023医保局办公楼租赁费7.2万元, 数量指标::

            三级指标 租赁面积    绩效指标描述 租赁面积    指标值 717

    Use instead
        Say how the figure is measured (003 城乡居民意外伤害调查服务费 comes close)::

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
                if name and name == description:
                    repeats.append((project, ind))
        if not repeats:
            return
        share, least = float(self.opts["pattern_share"]), int(self.opts["pattern_min"])
        if len(repeats) >= least and len(repeats) >= share * described:
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
        anchors = [ind.anchor("description") for _, ind in repeats]
        if any(anchors):
            where = [a or str(line) for a, (line, _) in zip(anchors, places, strict=True)]
        else:
            where = [f"第{line}行" for line, _ in places]
        shown = "、".join(where[:12]) + (f" 等 {len(where)} 处" if len(where) > 12 else "")
        projects = {p.name for p, _ in repeats}
        message = (
            f"全文 {described} 个写了绩效指标描述的指标中，有 {len(repeats)} 个（{len(projects)} 个项目）"
            f"的描述只是重复了三级指标名称（{shown}）：这是整份文件的填写方式，不是个别疏漏。描述应说明统计口径、数据来源或计算方法，"
            f"如“全年委托调查的意外伤害住院案件数，以合同台账为准”，使指标可以核查。"
        )
        project, first = repeats[0]
        finding = self.finding(doc, message, project=project, indicator=first, span="description")
        finding.occurrences = places
        return finding
