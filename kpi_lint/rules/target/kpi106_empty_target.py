"""KPI106 empty-target."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Project
from kpi_lint.parse.common import squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import CATEGORY_NAMES, is_blank, name_cues, target_form


class EmptyTarget(Rule):
    """A 三级指标 without a value, or a value without a 三级指标.

    Default severity: warning.

    **What it does**

    Flags an indicator row that names a 三级指标 but leaves the 指标值 empty (or
    writes a "not filled" marker from ``lexicons/empty_values.txt`` such as
    未填报), and a row that has a value but no 三级指标 naming what it measures.
    A category printed with neither (an empty 成本指标 row) is a missing
    dimension, reported by KPI201/KPI202 instead.

    **Why is this bad?**

    财预〔2015〕88号 requires every indicator to carry a target value, and
    财预〔2020〕10号 scores the self-evaluation against it: an indicator without a
    value cannot be met or missed, and a value without an indicator does not say
    what it measures.  Such rows are usually left over from a template or lost
    when the table was filled in.

    **Example** (000, 离干、伤残军人、新中国成立前老工人医疗费: values printed with no
    indicator name beside them)::

        产出指标 | 数量指标 |  | 1人
        产出指标 | 质量指标 |  | ≥100%

    **Use instead**::

        产出指标 | 数量指标 | 离休干部、二等乙级伤残军人数 | 60人
    """

    code = "KPI106"
    name = "empty-target"
    title_zh = "目标值为空"
    penalty = Penalty(Dimension.COMPLETENESS, 3, 15)
    severity = Severity.WARNING
    family = "target"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        for ind in project.indicators:
            label_only = squash(ind.level3 or "") in CATEGORY_NAMES  # the category repeated: KPI203
            name_blank = is_blank(ind.level3, cues)
            value_blank = is_blank(ind.value, cues)
            if (name_blank or label_only) and value_blank:
                continue  # an empty category: KPI201 / KPI202
            if label_only:
                continue
            if value_blank:
                form = target_form(ind, cues, doc.year)
                yield self.finding(
                    doc,
                    f"三级指标“{ind.level3}”没有填写指标值：没有目标就无法评价是否完成。"
                    f"应写明可衡量的目标值{f'，如“{form}”' if form else ''}；不适用的指标应整行删去。",
                    project=project, indicator=ind, suggestion=form,
                )
            elif name_blank:
                yield self.finding(
                    doc,
                    f"指标值“{ind.value}”没有对应的三级指标：看不出它衡量什么。"
                    f"应在{ind.level2 or '对应的二级指标'}下写明具体的三级指标名称。",
                    project=project, indicator=ind, span="value",
                )
