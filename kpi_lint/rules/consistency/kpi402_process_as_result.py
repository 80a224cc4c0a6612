"""KPI402 process-as-result."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import department_wide, in_process_section
from kpi_lint.rules.text._text import clean, cleaned_words
from kpi_lint.vocab import longest_first

# What to measure instead, by 二级指标: the kind of target the category holds, N being the project's own figure. No
# sample project's figure ("资助参保人数 ≥7851人" was shown to schools and courts alike): this lexicon rule has no
# peers to take an example from (KPI201 and KPI404 do), and a figure from one project is no target for another.
_INSTEAD = {
    "成本指标": "如本项目的单位成本（每人、每件等的支出标准，“≤N元/人”）或主要支出的总额上限（“≤N元”）",
    "时效指标": "如本项目主要工作或资金发放的完成时间（“不晚于N月底”）",
    "质量指标": "如本项目产出达到的标准或合格率（“=N%”）",
    "数量指标": "如本项目完成的工作量或受益对象数（“≥N人”“≥N个”）",
}
_DEFAULT_INSTEAD = "如受益人数、补助标准、完成时间或服务对象满意度"

# A 二级 category that is itself about the budget (广东's 批复表: "预算(或投资规模)控制指标"): the
# template asks for the execution rate there, so a row under it is no choice of the department's.
_BUDGET_CATEGORY = ("预算", "投资规模")
MANNERS_FILE = "process_manners.txt"  # how the money moved (足额, 及时 …), a word that may sit inside a measure


def process_measure_in(name: str, measures: Sequence[str], manners: Sequence[str]) -> str | None:
    """The longest budget-process measure (`measures`, longest first) the name holds, also once the words of how
    the money moved (`manners`: 足额, 及时, 全额 …) are left out ("资金足额拨付率" is 资金拨付率 said fully); None."""
    hit = next((m for m in measures if m and m in name), None)
    if hit is not None:
        return hit  # "资金按时拨付率": the measure as printed (按时拨付) is the one the message names
    bare = name
    for word in manners:
        if word:
            bare = bare.replace(word, "")
    return next((m for m in measures if m and m in bare), None)


def names_process_measure(level3: str | None, lexicon: Lexicon) -> bool:
    """The name is a budget-process measure ("预算执行率", "预算资金拨款率"): KPI402 reports it at its row."""
    measures = cleaned_words(lexicon.process_measures)
    return process_measure_in(clean(level3), measures, lexicon.words(MANNERS_FILE)) is not None


def _department_message(name: str | None, hit: str) -> str:
    return (
        f"三级指标“{name}”是预算过程指标（{hit}）。部门整体绩效目标表常把它列为预算管理类的共性指标，这本身不算错；"
        "但它只说明预算管得怎样，不说明部门履职的产出和效果：请确认表中另有反映履职产出和效益的指标，不要以它代替。"
    )


class ProcessAsResult(Rule):
    """把预算执行过程当作绩效指标（资金到位率、预算执行率、按时拨付、预算控制率）。

    默认级别：警告 warning。

    **做什么**

    三级指标含有 ``lexicons/process_measures.txt`` 中的预算过程指标（资金到位率、预算执行率、预算执行、按时拨付、
    预算控制率、资金拨付率、支出进度……）时报告；名称中间插着说钱怎么拨的词（``process_manners.txt``：足额、及时、
    全额……，"资金足额拨付率"）时，去掉这些词再比对。消息中写出匹配到的最长一项。指标值只是重复名称的行（自评表
    自带的"预算执行率 | 预算执行率"计分行），和填在模板自设的预算类二级指标（广东批复表的"预算(或投资规模)控制
    指标"）下的行不报告：那是表格要求填的，不是单位的选择。部门整体绩效目标表（标题含“整体”：“部门(单位)整体绩效目标表”）
    常把预算执行率一类列为预算管理的共性指标，这是该类表的设计：只给一条提示（info），请确认另有反映履职产出和效益
    的指标，不说“自评中另行计分”。表格自己的过程管理一节（一级"过程管理"：发改委表的计划、资金、
    项目管理，自评框架的"项目管理 | 投入管理 | 预算执行率"）里的行同样不报告：那一节本来就是评价项目怎么管的。
    消息按所在二级指标说明应改成哪一类目标（成本：单位成本或总额上限；时效：完成时间；质量：达到的标准或合格率；
    数量：工作量或受益对象数），数字用 N 表示、由本项目按自身资金和任务填写，不举某个样本项目的数字。

    **为什么不好**

    财预〔2020〕10号把预算执行单独打分：自评中预算执行率单占 10 分。作为指标，它只说明钱花出去了，没说钱办成了
    什么，项目据以评价的产出和效益目标也就缺位了；财预〔2021〕101号把这类指标列为不宜作为产出或效益指标。

    **示例**（003，2023医保局办公楼租赁费7.2万元）::

        成本指标  预算控制率  ≥95
        时效指标  按时拨付    ≥95

    **改为**：写租金买到什么、何时完成::

        成本指标  办公用房年租金    ≤7.2万元
        时效指标  租金支付完成时间  不晚于6月底
    """

    code = "KPI402"
    name = "process-as-result"
    title_zh = "过程当作结果"
    penalty = Penalty(Dimension.RELEVANCE, 8, 16)
    severity = Severity.WARNING
    family = "consistency"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        """Each row named by a budget-process measure, unless the form's own category asks for one."""
        measures = longest_first(fold(m) for m in self.lexicon.process_measures)
        manners = tuple(fold(w) for w in self.lexicon.words(MANNERS_FILE))
        for ind in project.indicators:
            name = clean(ind.level3)
            hit = process_measure_in(name, measures, manners)
            if hit is None:
                continue
            if clean(ind.value) == name:
                continue  # "预算执行率 | 预算执行率": the self-evaluation form's own execution line, no target
            if in_process_section(ind):
                continue  # "项目管理 | 投入管理 | 预算执行率": the process section asks for it
            if any(m in clean(ind.level2) for m in _BUDGET_CATEGORY):
                continue  # the form itself asks for it ("预算(或投资规模)控制指标"): the template's, not the unit's
            if department_wide(project):
                message = _department_message(ind.level3, hit)
                yield self.finding(doc, message, project=project, indicator=ind, severity=Severity.INFO)
                continue
            instead = _INSTEAD.get(ind.level2 or "", _DEFAULT_INSTEAD)
            message = (
                f"三级指标“{ind.level3}”是预算过程指标（{hit}），不是绩效结果：预算执行在自评中另行计分（预算执行率10分）。"
                f"应改为反映本项目产出或效益的指标，{instead}。"
            )
            yield self.finding(doc, message, project=project, indicator=ind)
