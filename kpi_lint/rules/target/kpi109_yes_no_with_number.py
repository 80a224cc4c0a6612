"""KPI109 yes-no-with-number."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.once import once_across_periods
from kpi_lint.rules.target.common import is_satisfaction
from kpi_lint.vocab import squash

CUES = "yes_no_cues.txt"


class YesNoWithNumber(Rule):
    """是非类指标（是否…、有无…）却配了一个数值目标。

    默认级别：warning。

    **做什么**

    三级指标含“是否”“有无”“能否”（``lexicons/yes_no_cues.txt``），问的是“是/否”，
    指标值却写成数字或百分比（“≥90”“100%”）的，报告出来。

    **为什么不好**

    指标值要与指标相符（财预〔2021〕101号：取值与指标口径一致）。“是否全部救助”
    只能回答是或否；写“≥90”说不清是九成对象得到救助，还是九成把握做到——自评时
    （财预〔2020〕10号）无从核对，往往是套用“≥90”模板的结果。

    **示例**::

        产出指标 | 质量指标 | 是否全部救助 | ≥90

    **改为**（二选一）::

        产出指标 | 质量指标 | 是否全部救助 | 是
        产出指标 | 质量指标 | 符合条件对象救助覆盖率 | =100%

    满意度写成“是否满意 | 95%”的，消息请把指标改成满意度、保留百分比，不建议“是”；每个建议值都先经取值检查
    （kpi_lint.rules.fitting），该行的类别不收的“是”（时效、满意度）不给出。
    """

    code = "KPI109"
    name = "yes-no-with-number"
    title_zh = "是非指标配了数值"
    penalty = Penalty(Dimension.RELEVANCE, 3, 9)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = self.lexicon.words(CUES)
        for ind, parsed in once_across_periods(self.readings.filled_targets(project)):
            name = squash(ind.level3 or "")
            cue = next((c for c in cues if c in name), None)
            if cue is None or parsed.number is None or parsed.kind == "date":
                continue
            if is_satisfaction(ind):
                # "指标1:是否满意 | 95%": a satisfaction is a surveyed share; "是" would drop the target, not fix it
                message = (
                    f"三级指标“{ind.level3}”写成了“{cue}”类问题，指标值却是“{ind.value}”：满意度是调查得出的比率，"
                    "应把指标改成可计量的满意度（如“服务对象满意度”），保留百分比目标，不要改答“是”。"
                )
            else:
                message = (
                    f"三级指标“{ind.level3}”是“{cue}”类问题，只能回答“是/否”，指标值却是“{ind.value}”。"
                    "应写“是”（或“有”“达到”），或把指标改成可计量的比率、数量，如“…覆盖率 =100%”。"
                )
            yield self.finding(doc, message, project=project, indicator=ind, span="value", suggestion="是")
