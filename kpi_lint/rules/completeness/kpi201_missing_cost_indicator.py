"""KPI201 missing-cost-indicator."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, EmptyCategory, Indicator, Project
from kpi_lint.parse.common import squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.completeness._template import TEMPLATE_2021, detect_template
from kpi_lint.rules.context import SUGGESTER
from kpi_lint.rules.target.common import CATEGORY_NAMES, COST, NameCues, is_blank, name_cues, peer_lines


def is_cost(ind: Indicator) -> bool:
    return ind.level2 == COST or ind.level1 == COST


def is_filled(ind: Indicator, cues: NameCues) -> bool:
    """A real indicator: a named 三级指标 (not the category label again) with a value."""
    name = squash(ind.level3 or "")
    return not is_blank(name, cues) and name not in CATEGORY_NAMES and not is_blank(ind.value, cues)


class MissingCostIndicator(Rule):
    """The project has no filled 成本指标.

    Default severity: error.

    **What it does**

    Flags a project none of whose periods has a filled cost indicator — the
    成本指标 row is printed empty, says "未填报", or is not there at all.  One
    finding per project, at the empty 成本指标 cell when there is one.  With the
    peer index (``kpi_lint.cluster``) the suggestion lists the cost indicators
    comparable projects set (by name, sector and funds size), amounts scaled to this
    project's funds, values no rule flags, with how many peers use each and where
    (``kpi_lint.library.suggest``).

    **Why is this bad?**

    财预〔2021〕101号 expects cost indicators for every project, and the newer
    templates make 成本指标 a first-level group: without a cost target, the review
    of appropriateness (适当性, 财预〔2015〕88号) — does the money match the
    targets? — has nothing to compare, and the self-evaluation (财预〔2020〕10号)
    cannot judge whether the outputs were bought at a reasonable price.

    **Example** (004, 城乡居民医疗保险工作经费; 000 leaves the row empty the same way)::

        成本指标 | 成本指标 |  | 未填报

    **Use instead** (002, 2023年中央财政医疗服务与保障能力提升补助资金)::

        成本指标 | 会议费 | 20000元
        成本指标 | 培训费 | 30000元
    """

    code = "KPI201"
    name = "missing-cost-indicator"
    title_zh = "缺少成本指标"
    penalty = Penalty(Dimension.COMPLETENESS, 15, 15)
    severity = Severity.ERROR
    family = "completeness"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        if project.cut_off:
            return  # the table breaks off: its cost rows may lie beyond the break (the break is reported)
        cues = name_cues(self.lexicon)
        template = detect_template(project)
        costs = [ind for ind in project.indicators if is_cost(ind)]
        if any(is_filled(ind, cues) and (ind.level2 in template.core_cost or ind.level2 is None) for ind in costs):
            return
        empty = next((e for e in project.empty_categories if e.level2 in template.core_cost), None)
        filled_other = [ind for ind in costs if is_filled(ind, cues)]
        if filled_other:  # 财预〔2021〕101号: 社会/生态环境成本 are set, the core 经济成本 is not
            names = "、".join(sorted({ind.level2 or "" for ind in filled_other}))
            how = f"只填了{names}，没有{template.cost_label}"
        elif empty is not None:
            how = f"成本指标一栏{'写着“' + empty.note + '”' if empty.note else '是空的'}"
        elif costs:
            marker = next((c.value for c in costs if c.value and c.value.strip()), None)
            how = f"成本指标一栏{'写着“' + marker.strip() + '”' if marker else '没有填写'}"
        else:
            how = "表中没有成本指标"
        rule_of = f"（按{template.name}模板，应设{template.cost_label}）" if template is TEMPLATE_2021 else ""
        message = (
            f"项目没有成本指标：{how}{rule_of}。每个项目都应设成本指标，写明经济成本（如“会议费 ≤20000元”、"
            "“人均补助标准 77元/人”），以便核对资金与目标是否匹配。"
        )
        suggestion = None
        suggester = self.context.extras.get(SUGGESTER)
        if suggester is not None:
            examples = peer_lines(suggester, project, doc.path, COST, k=3)
            suggestion = "；".join(examples) if examples else None
        yield self._at(doc, project, empty, filled_other or costs, message, suggestion)

    def _at(
        self,
        doc: Document,
        project: Project,
        empty: EmptyCategory | None,
        costs: list[Indicator],
        message: str,
        suggestion: str | None,
    ) -> Finding:
        if costs:
            return self.finding(doc, message, project=project, indicator=costs[0], suggestion=suggestion)
        if empty is not None:
            return self.finding(
                doc, message, project=project, line=empty.line, column=empty.column, period=empty.period,
                level1=empty.level1, level2=empty.level2, suggestion=suggestion,
            )
        return self.finding(doc, message, project=project, level2=COST, suggestion=suggestion)
