"""KPI502 unmeasured-actual."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi_lint.model import Document, Project
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean

_DIGIT = re.compile(r"\d")


class UnmeasuredActual(Rule):
    """The actual is a phrase ("达成预期指标") instead of a measured value.

    Severity: warning.

    What it does
        Reports a 实际完成值 that contains no figure and holds one of the phrases of
        ``lexicons/unmeasured_actuals.txt`` (达成预期指标, 部分达成预期指标, 达到预期,
        已完成 …).  The message names the target the figure should be measured
        against.

    Why is this bad?
        财预〔2020〕10号 scores each indicator by comparing the actual with the
        target; "达成预期指标" is a verdict, not a measurement, so the score cannot
        be checked and a missed target (KPI501) cannot even be seen.  A timeliness
        target needs the date reached, a count the number achieved.

    Example
        004 城乡医疗救助本级补助::

            医疗救助时间  每月  每月  达成预期指标  10  10

    Use instead
        The measured value in the target's terms::

            医疗救助时间  每月  每月  12个月均按月救助  10  10
            救助对象满意度  ≥85%  ≥85%  85%  10  10
    """

    code = "KPI502"
    name = "unmeasured-actual"
    title_zh = "实际完成值缺失"
    penalty = Penalty(Dimension.MEASURABILITY, 4, 20)
    severity = Severity.WARNING
    family = "self_evaluation"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        phrases = sorted({fold(p) for p in self.lexicon.unmeasured_actuals if p}, key=len, reverse=True)
        for ind in project.indicators:
            actual = clean(ind.actual)
            if not actual or _DIGIT.search(actual):
                continue
            hit = next((p for p in phrases if p in actual), None)
            if hit is None:
                continue
            target = ind.adjusted_value or ind.value
            parsed = parse_value(target)
            if parsed.kind in ("empty", "qualitative"):
                # Nothing to measure against: the target itself must become measurable first (KPI101).
                against = f"指标值“{target}”本身也不可衡量，应先量化指标值，再" if target else "应先填写指标值，再"
            else:
                against = f"应对照指标值“{target}”"
            message = (
                f"实际完成值“{ind.actual}”是结论性套话（{hit}），不是实测值。"
                f"{against}填写实际达到的数值、日期或比例，如“12月25日”“3109人次”“85%”，以便核对得分。"
            )
            yield self.finding(doc, message, project=project, indicator=ind, span="actual")
