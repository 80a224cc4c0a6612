"""Which generation of the indicator template a project follows (not a rule module: no ``kpi`` prefix).

- 财预〔2015〕88号 and the templates modelled on it: 成本指标 is a 二级 under 产出指标; 效益指标 has
  经济 / 社会 / 生态效益 and 可持续影响.
- 财预〔2021〕101号 and the provincial templates after it: 成本指标 is a 一级 group with 经济成本指标,
  社会成本指标 and 生态环境成本指标; 效益指标 has no 可持续影响.

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


def detect_template(project: Project) -> Template:
    """财预〔2021〕101号 when the table prints the 经济 / 社会 / 生态环境成本指标 二级 of its 成本指标 group.

    A "成本指标" label alone does not tell: older tables print it in both the 一级 and the 二级 column
    (004: "成本指标 | 成本指标 | 未填报").
    """
    if any(ind.level2 in _COST_TYPES for ind in project.indicators):
        return TEMPLATE_2021
    if any(empty.level2 in _COST_TYPES for empty in project.empty_categories):
        return TEMPLATE_2021
    return TEMPLATE_2015
