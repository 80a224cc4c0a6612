"""KPI408 output-as-effect."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.frequency import reads_as_frequency
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.once import once_across_periods
from kpi_lint.rules.target.common import QUALITY, QUANTITY, is_benefit
from kpi_lint.rules.text._text import holds_any
from kpi_lint.vocab import label_key, squash

MEASURES = "output_measures.txt"
_ACTIVITY, _COUNT, _RATE = "活动", "计数", "比率"


class OutputAsEffect(Rule):
    """产出（项目自己做了多少、做得怎样）填在了效益指标下。

    默认级别：warning。

    **做什么**

    效益指标（经济、社会、生态效益，可持续影响）下的三级指标，若名称说的是项目自身
    的活动量——活动动词加计数（“提供服务次数”“开展培训场次”）——或产出的完成、
    合格情况（以“完成率”“发放率”“合格率”结尾），报告出来，并说明它应归入数量指标
    还是质量指标。指标值是项目自己做某件事的频次（“一个季度报送一次”“每月开展1次”：
    ``lexicons/frequency_words.txt`` 读作频次，名称或指标值里有活动动词）的，同样是产出的
    活动量，不是效益。词表：``lexicons/output_measures.txt``。“受益人数”“带动就业人数”这类
    服务对象身上的变化、“安全事故发生次数 | ≤1次/年”这类事件的频次不算。资金到位率、预算执行率
    等预算过程指标由 KPI402 报告。同一行 KPI404 不再另报应移到哪个二级指标（一个问题只报一次）。

    **为什么不好**

    财预〔2021〕101号：产出指标反映提供了多少、多好的产品和服务，效益指标反映这些
    产出给经济、社会、生态带来的变化。把“提供服务次数”记作社会效益，效益一栏看似
    填满，实际仍没有说明项目带来了什么；自评时（财预〔2020〕10号）产出与效益的权重
    也随之错位。

    **示例**（003 第1849行，冀财社【2021】159号 医疗救助补助资金）::

        效益指标 | 社会效益指标 | 提供服务次数 | >90

    **改为**::

        产出指标 | 数量指标     | 住院探视服务次数               | ≥90次
        效益指标 | 社会效益指标 | 住院参保群众对经办服务的投诉率 | ≤1%
    """

    code = "KPI408"
    name = "output-as-effect"
    title_zh = "产出填作效益"
    penalty = Penalty(Dimension.RELEVANCE, 3, 9)
    severity = Severity.WARNING
    family = "consistency"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        measures = self.lexicon.keyed(MEASURES)
        for ind, _ in once_across_periods(self.readings.filled_targets(project), with_value=False):
            if not is_benefit(ind):
                continue
            kind = _output_kind(ind, measures)
            if kind is not None:
                what = "项目自身的活动量" if kind == QUANTITY else "产出的完成或合格情况"
                said = f"效益指标下的“{ind.level3}”说的是{what}"
            elif _activity_frequency(ind, measures, self.lexicon):
                kind = QUANTITY
                said = f"效益指标下的“{ind.level3}”，指标值“{ind.value}”写的是项目自己多久做一次（频次）"
            else:
                continue
            message = (
                f"{said}，属于产出（{kind}），不是效益。"
                f"应移到产出指标的{kind}下，效益一栏写项目给服务对象带来的变化（如负担减轻、投诉率下降）。"
            )
            yield self.finding(doc, message, project=project, indicator=ind)


def _output_kind(ind: Indicator, measures: dict[str, tuple[str, ...]]) -> str | None:
    """数量指标 for an activity count ("提供服务次数"), 质量指标 for an output rate ("发放率"), else None."""
    name = label_key(squash(ind.level3 or "")).rstrip("%％()（）")
    if not name:
        return None
    if any(name.endswith(r) for r in measures.get(_RATE, ())):
        return QUALITY
    if any(name.endswith(c) for c in measures.get(_COUNT, ())) and any(a in name for a in measures.get(_ACTIVITY, ())):
        return QUANTITY
    return None


def _activity_frequency(ind: Indicator, measures: dict[str, tuple[str, ...]], lexicon: Lexicon) -> bool:
    """The value says how often the project does something ("及时发现隐患和薄弱环节 | 一个季度报送一次"): a frequency
    (kpi_lint.parse.frequency) with an activity verb of the project in the name or the value. How often an event
    happens to the people served ("安全事故发生次数 | ≤1次/年") names no activity of the project: an effect."""
    parsed = ind.parsed or parse_value(ind.value or "")
    if not reads_as_frequency(parsed, ind.value, lexicon):
        return False
    text = squash((ind.level3 or "") + (ind.value or ""))
    return holds_any(text, measures.get(_ACTIVITY, ()))
