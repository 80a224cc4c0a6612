"""KPI103 missing-unit."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import (
    DATE,
    TIMELINESS,
    UNITLESS,
    cannot_carry_rate,
    expected_unit,
    filled_targets,
    is_generic_threshold,
    is_satisfaction,
    name_cues,
    name_unit,
)


class MissingUnit(Rule):
    """A numeric target has no unit or % where one is needed.

    Default severity: warning.

    **What it does**

    Flags a 指标值 that is a bare number ("≥95", ">90", "717") although the
    indicator measures something with a unit: a rate or satisfaction (%), a count
    (人, 次, 份 …), an area (平方米), an amount (元).  The unit the indicator name
    calls for is read from ``lexicons/name_units.txt`` (人数 → 人, 率 → %); when it
    is known, the suggestion is the value with that unit.  Names of unitless
    measures (指数, 系数, 得分: key ``无单位``), a year under 时效指标, and a
    bare pass mark ("≥95") on a count, date or amount — a misplaced threshold,
    KPI102's — are not flagged, nor is a number whose unit the name prints in
    brackets ("新增限上商贸企业(法人) 23", "机关运转率（%） 95": the form's own
    convention).

    **Why is this bad?**

    财预〔2021〕101号 asks for a target written as number + comparator + unit;
    财预〔2015〕88号 for targets that are specific and measurable.  Without a unit
    "≥95" may be 95 %, 95 people or 95 元: the self-evaluation cannot compare it
    with the actual value, and peers cannot be compared with each other.

    **Example** (003, 2023医保局办公楼租赁费7.2万元)::

        数量指标 | 租赁面积 | 717
        质量指标 | 提高服务质量 | ≥95

    **Use instead**::

        数量指标 | 租赁面积 | 717平方米
        质量指标 | 服务投诉办结率 | ≥95%
    """

    code = "KPI103"
    name = "missing-unit"
    title_zh = "缺少计量单位"
    penalty = Penalty(Dimension.MEASURABILITY, 3, 15)
    severity = Severity.WARNING
    family = "target"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        for ind, parsed in filled_targets(project, self.lexicon):
            if parsed.kind != "number" or parsed.number is None:
                continue
            if name_unit(ind.level3) is not None:
                continue  # the unit is printed with the name ("新增企业(家) 23", "参保率（%） 95")
            unit = expected_unit(ind.level3, cues)
            if unit == UNITLESS or (ind.level2 == TIMELINESS and _looks_like_year(parsed.number)):
                continue
            if is_generic_threshold(parsed) and cannot_carry_rate(ind, cues):
                continue  # "≥95" on a count: not a missing unit but a misplaced pass mark (KPI102)
            yield self._finding(doc, project, ind, unit)

    def _finding(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        unit: str | None,
    ) -> Finding:
        if unit is None and is_satisfaction(ind):
            unit = "%"
        suggestion = None
        value = (ind.value or "").strip()
        if unit == "%":
            suggestion = f"{value}%"
            need = "比率和满意度写百分比"
        elif unit == DATE:
            need = "时效目标写日期或期限（如“不晚于6月底”）"
        elif unit:
            need = f"“{ind.level3}”以“{unit}”计"
            suggestion = f"{value}{unit}"
        else:
            need = "写明计量单位（%、人、次、元……）"
        message = f"指标值“{value}”只有数字，没有单位：无法判断是比率、人数还是金额。{need}。"
        return self.finding(doc, message, project=project, indicator=ind, span="value", suggestion=suggestion)


def _looks_like_year(number: float) -> bool:
    return number.is_integer() and 1990 <= number <= 2100
