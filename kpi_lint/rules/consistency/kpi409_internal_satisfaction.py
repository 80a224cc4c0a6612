"""KPI409 internal-satisfaction."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.once import once_across_periods
from kpi_lint.rules.target.common import SATISFACTION
from kpi_lint.vocab import SATISFACTION_L1, squash

RESPONDENTS = "internal_respondents.txt"


class InternalSatisfaction(Rule):
    """服务对象满意度调查的是本单位自己的人员（“单位人员满意度”“工作人员满意度”）。

    默认级别：warning。

    **做什么**

    满意度指标（服务对象满意度指标）下的三级指标，若调查对象是本单位人员——名称含
    ``lexicons/internal_respondents.txt`` 里的说法（单位人员、本单位、干部职工、机关工作
    人员、工作人员、干警 …）——报告出来。“参保职工”“教职工”这类可能正是服务对象
    的说法不在词表里。

    **为什么不好**

    财预〔2021〕101号：满意度指标反映服务对象或项目受益人对项目实施效果的满意程度。
    本单位人员是提供服务的一方，不是服务对象；问自己人满不满意，测不出项目给群众
    带来了什么，得分也几乎必然偏高。

    **示例**（002，2023年中央财政医疗服务与保障能力提升补助资金）::

        满意度指标 | 服务对象满意度指标 | 单位人员满意度 | ≥90%

    **改为**::

        满意度指标 | 服务对象满意度指标 | 参保群众对医保经办服务满意度 | ≥90%
    """

    code = "KPI409"
    name = "internal-satisfaction"
    title_zh = "满意度调查了本单位人员"
    penalty = Penalty(Dimension.RELEVANCE, 4, 8)
    severity = Severity.WARNING
    family = "consistency"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        words = sorted(self.lexicon.words(RESPONDENTS), key=len, reverse=True)  # longest word first
        for ind, _ in once_across_periods(self.readings.filled_targets(project), with_value=False):
            if ind.level2 != SATISFACTION and ind.level1 != SATISFACTION_L1:
                continue
            name = squash(ind.level3 or "")
            word = next((w for w in words if w in name), None)
            if word is None:
                continue
            message = (
                f"服务对象满意度指标“{ind.level3}”调查的是“{word}”——本单位自己的人员，不是服务对象。"
                "满意度指标应调查项目的服务对象或受益群众（如参保群众、救助对象、办事群众）。"
            )
            yield self.finding(doc, message, project=project, indicator=ind)
