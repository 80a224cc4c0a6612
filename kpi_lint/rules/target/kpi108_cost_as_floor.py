"""KPI108 cost-as-floor."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.completeness.kpi201_missing_cost_indicator import is_cost
from kpi_lint.rules.once import once_across_periods
from kpi_lint.rules.target.common import words_in
from kpi_lint.vocab import ECOLOGICAL_COST, SOCIAL_COST

EXEMPT = "cost_floor_exempt.txt"
_FLOORS = ("≥", ">")


class CostAsFloor(Rule):
    """成本指标写成了下限（≥、>），没有给出上限。

    默认级别：warning。

    **做什么**

    对成本指标（产出指标下的成本指标，或财预〔2021〕101号模板的经济成本指标）中写了
    金额的指标值，比较符是“≥”或“>”（含“不低于”“以上”）的，报告出来。名称里写着节约、
    压减、降低之类“越多越好”的成本（``lexicons/cost_floor_exempt.txt``）不检查；社会成本、
    生态环境成本的方向因指标而异，也不检查。

    **为什么不好**

    成本指标是预算约束：财预〔2021〕101号要求成本指标反映“花多少钱”，取值应写成
    上限（≤）或定额（=）。“会议费 ≥20000元”只说至少花两万，花多少都算达标——
    自评时（财预〔2020〕10号）无法判断钱花得是否节约，审核时也无法核对资金与目标
    是否匹配（适当性）。

    **示例**::

        产出指标 | 成本指标 | 会议费       | ≥20000元
        产出指标 | 成本指标 | 人均培训成本 | >500元/人

    **改为**::

        产出指标 | 成本指标 | 会议费       | ≤20000元
        产出指标 | 成本指标 | 人均培训成本 | ≤500元/人
    """

    code = "KPI108"
    name = "cost-as-floor"
    title_zh = "成本指标写成下限"
    penalty = Penalty(Dimension.RELEVANCE, 3, 9)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        exempt = self.lexicon.words(EXEMPT)
        for ind, parsed in once_across_periods(self.readings.filled_targets(project)):
            if not is_cost(ind) or ind.level2 in (SOCIAL_COST, ECOLOGICAL_COST):
                continue
            if parsed.kind != "money" or parsed.comparator not in _FLOORS:
                continue
            if words_in(ind.level3 or "", exempt):
                continue
            message = (
                f"成本指标“{ind.level3}”的指标值“{ind.value}”是下限（{parsed.comparator}）：成本是预算约束，"
                f"写成下限等于没有上限，花多少都算达标。应写成上限或定额，如“≤{_figure(ind.value)}”。"
            )
            yield self.finding(
                doc, message, project=project, indicator=ind, span="value", suggestion=f"≤{_figure(ind.value)}"
            )


def _figure(value: str | None) -> str:
    """The printed amount without its comparator ("≥20000元" → "20000元")."""
    text = (value or "").strip()
    for sign in ("≥", ">=", "＞", ">", "不低于", "不少于", "大于", "以上"):
        text = text.replace(sign, "")
    return text.strip()
