"""Which generation of the indicator template a project follows (not a rule module: no ``kpi`` prefix).

- 财预〔2015〕88号 and the templates modelled on it: 成本指标 is a 二级 under 产出指标; 效益指标 has
  经济 / 社会 / 生态效益 and 可持续影响.
- 财预〔2021〕101号 and the provincial templates after it: 成本指标 is a 一级 group with 经济成本指标,
  社会成本指标 and 生态环境成本指标; 效益指标 has no 可持续影响.
- 国家发展改革委's 中央预算内投资计划绩效目标表: a 一级 实施效果指标 over the 二级 产出指标, 效益指标 and
  满意度指标 (and a 一级 过程管理指标 over 计划/资金/项目管理, 监督检查): 产出 is not split into 数量 /
  质量 / 时效, nor 效益 into 经济 / 社会 / 生态.  It is told by its printed 一级 实施效果指标 (levels.txt),
  a heading neither 财政 template prints.

The template is read from the table itself (its 一级/二级 labels, filled or printed empty), never
from the year: provinces adopted the newer template at different times.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi_lint.model import Project
from kpi_lint.vocab import (
    COST,
    ECOLOGICAL,
    ECOLOGICAL_COST,
    ECONOMIC,
    ECONOMIC_COST,
    EFFECT_L1_NDRC,
    SOCIAL,
    SOCIAL_COST,
    SUSTAINABLE,
)

_COST_TYPES = (ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST)


@dataclass(frozen=True)
class Template:
    """What a template expects of the indicator set."""

    name: str  # the guidance document that defines it
    benefit_level2: tuple[str, ...]  # the 效益 二级 it offers (at least one is expected)
    core_cost: tuple[str, ...]  # the cost 二级 that count as "a cost indicator is set"
    cost_label: str  # how a message names the expected cost indicator
    output_split: bool = True  # 产出 is filed under 数量 / 质量 / 时效 (the 财政 templates), not as a whole


TEMPLATE_2015 = Template(
    name="财预〔2015〕88号",
    benefit_level2=(ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE),
    core_cost=(COST, *_COST_TYPES),
    cost_label="成本指标（产出指标下）",
)
TEMPLATE_2021 = Template(
    name="财预〔2021〕101号",
    benefit_level2=(ECONOMIC, SOCIAL, ECOLOGICAL),
    # 经济成本 is the core cost indicator; 社会 / 生态环境成本 are set where they apply.
    core_cost=(ECONOMIC_COST, COST),
    cost_label="经济成本指标（成本指标下）",
)

# Its 产出 / 效益 / 满意度 stand as 二级 under 实施效果指标; its cost is as in the older 财政 template (KPI201 is
# unchanged: which cost indicator it expects is KPI201's question, not the layer this template leaves out).
TEMPLATE_NDRC = Template(
    name="国家发展改革委中央预算内投资计划绩效目标表",
    benefit_level2=(),
    core_cost=TEMPLATE_2015.core_cost,
    cost_label=TEMPLATE_2015.cost_label,
    output_split=False,
)


def detect_template(project: Project) -> Template:
    """The NDRC form when a row or a printed empty category is filed under its 一级 实施效果指标;
    财预〔2021〕101号 when the table prints the 经济 / 社会 / 生态环境成本指标 二级 of its 成本指标 group.

    A "成本指标" label alone does not tell: older tables print it in both the 一级 and the 二级 column
    (004: "成本指标 | 成本指标 | 未填报").
    """
    if any(ind.level1 == EFFECT_L1_NDRC for ind in project.indicators) or any(
        empty.level1 == EFFECT_L1_NDRC for empty in project.empty_categories
    ):
        return TEMPLATE_NDRC
    if any(ind.level2 in _COST_TYPES for ind in project.indicators):
        return TEMPLATE_2021
    if any(empty.level2 in _COST_TYPES for empty in project.empty_categories):
        return TEMPLATE_2021
    return TEMPLATE_2015
