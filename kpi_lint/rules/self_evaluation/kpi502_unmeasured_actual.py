"""KPI502 unmeasured-actual."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.numbering import DIGIT
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import (
    DATE,
    UNITLESS,
    name_unit,
    yes_no_verdict,
)
from kpi_lint.rules.text._text import clean
from kpi_lint.vocab import QUANTITY

# Punctuation and spaces around a stock phrase ("已完成。", "达成预期指标；").
_PUNCTUATION = re.compile(r"[\s，。；;,.、:：!！()（）]+")
# A short actual is a phrase with at most this many more characters ("全部完成", "已按要求完成"); a longer one that
# merely starts with "完成" ("完成六安市罗氏宗祠…日常维护") says what was done, not a stock conclusion.
_SHORT = 8


def _bare(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def stock_phrase(actual: str, phrases: list[str]) -> str | None:
    """The stock phrase (lexicons/unmeasured_actuals.txt) the whole short `actual` is: the longest phrase it contains,
    when the actual, punctuation aside, is at most _SHORT characters; None for a longer actual."""
    bare = _bare(actual)
    if len(bare) > _SHORT:
        return next((p for p in phrases if p == bare), None)
    return next((p for p in phrases if p in bare), None)


class UnmeasuredActual(Rule):
    """实际完成值是一句话（"达成预期指标"），而不是测得的数值。

    默认级别：警告 warning。

    **做什么**

    实际完成值不含任何数字、且整句就是 ``lexicons/unmeasured_actuals.txt`` 中的短语（达成预期指标、部分达成预期指标、
    达到预期、已完成……；去掉标点不超过 8 个字的短句含有这样的短语也算，如“已全部完成”）时报告；以“完成”开头、接着写了
    完成什么的长句（“完成六安市罗氏宗祠…日常维护”）不是套话。实际完成值一字不差照抄指标值的，消息说“照抄指标值”；
    照抄的是一句超过 8 个字的描述（不是“合格”“是”一类可核查的结论）时也报告：没有写出实际完成的情况；
    消息中的示例只由这一行自己的名称和名称所要求的单位写成（“修缮建筑面积：实际完成N平方米”），不举别的项目的例子。
    消息写出应对照的目标。成本指标一栏没有填（"未填报"）时由 KPI201 报告这一行，
    它的实际完成值一栏写着什么都源于此，本规则不再重复报告（一个问题只报一次）。质量指标的目标是合格与否的结论
    （"合规""通过验收"，``lexicons/pass_fail_words.txt``）或按成文规定办事（"严格执行相关制度规定""符合相关规定"，
    ``lexicons/compliance_phrases.txt``）时，目标按是/否可以核查（KPI101 也不报它不可衡量），消息不说"指标值本身
    也不可衡量"，只要求实际完成值写明核查的结果（"合规，未发现违规支出""违规金额0元"），而不是套话。
    原文停在实际完成值这一格中（``Project.cut_cell``：n05 "服务范"）时不报告：测得的数可能就在截断处之后。

    **为什么不好**

    财预〔2020〕10号按实际值与目标的比较给每个指标打分；"达成预期指标"是结论而不是测量，分数无法核对，未完成的
    目标（KPI501）也看不出来。时效目标要写实际达到的日期，数量目标要写实际完成的数。

    **示例**（004，城乡医疗救助本级补助）::

        医疗救助时间  每月  每月  达成预期指标  10  10

    **改为**：按目标的口径写测得的值::

        医疗救助时间    每月   每月   12个月均按月救助  10  10
        救助对象满意度  ≥85%  ≥85%  85%               10  10
    """

    code = "KPI502"
    defers_to = frozenset({"KPI201"})  # the actual of an unfilled cost row ("未填报"): KPI201 reports the row
    name = "unmeasured-actual"
    title_zh = "实际完成值缺失"
    penalty = Penalty(Dimension.MEASURABILITY, 4, 20)
    severity = Severity.WARNING
    family = "self_evaluation"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        phrases = sorted({fold(p) for p in self.lexicon.unmeasured_actuals if p}, key=lambda p: (-len(p), p))
        for ind in project.indicators:
            actual = clean(ind.actual)
            if not actual or DIGIT.search(actual) or project.cut_in(ind, "actual"):
                continue  # n05 "服务范" where the text stops: the measured figure may follow in what was cut
            target = ind.adjusted_value or ind.value
            hit = stock_phrase(actual, phrases)
            copied = actual == clean(target)
            if hit is None:
                if copied and len(_bare(actual)) > _SHORT and not yes_no_verdict(ind, target, self.lexicon):
                    yield self._copy_finding(doc, project, ind)
                continue
            parsed = parse_value(target)
            if yes_no_verdict(ind, target, self.lexicon):
                # "经费支出合规性 | 严格执行相关制度规定 | 达成预期指标": checkable yes or no (KPI101 agrees);
                # what is missing is the check's own result, not a measurable target
                yield self._verdict_finding(doc, project, ind, hit, target)
                continue
            if parsed.kind in ("empty", "qualitative"):
                # Nothing to measure against: the target itself must become measurable first (KPI101).
                against = f"指标值“{target}”本身也不可衡量，应先量化指标值，再" if target else "应先填写指标值，再"
            else:
                against = f"应对照指标值“{target}”"
            said = (
                f"实际完成值照抄了指标值，又是结论性套话（{hit}）"
                if copied
                else f"实际完成值“{ind.actual}”是结论性套话（{hit}）"
            )
            message = (
                f"{said}，不是实测值。"
                f"{against}填写实际达到的数值、日期或比例，如“12月25日”“3109人次”“85%”，以便核对得分。"
            )
            yield self.finding(doc, message, project=project, indicator=ind, span="actual")

    def _copy_finding(self, doc: Document, project: Project, ind: Indicator) -> Finding:
        """The actual repeats the target's words: what was done is not said, only what was planned."""
        message = (
            f"实际完成值照抄了指标值“{ind.actual}”，没有写出实际完成的情况。应写明实际完成的数量、日期或结果"
            f"{self._own_example(ind)}，以便与目标对照、核对得分。"
        )
        return self.finding(doc, message, project=project, indicator=ind, span="actual")

    def _own_example(self, ind: Indicator) -> str:
        """An example built from the row itself — its name and the unit its name asks for ("修缮建筑面积" →
        "实际完成N平方米") — never another project's; none when the name gives no unit and the row is no count."""
        name = clean(ind.level3)
        if not name:
            return ""
        unit = name_unit(ind.level3) or self.readings.expected_unit(ind.level3)
        if unit == DATE:
            said = "M月D日完成"
        elif unit == "%":
            said = "实际达到N%"
        elif unit and unit != UNITLESS:
            said = f"实际完成N{unit}"
        elif ind.level2 == QUANTITY:
            said = "实际完成N项"
        else:
            return "（测得的数值、比例或可核查的事实）"
        return f"（如“{name}：{said}”）"

    def _verdict_finding(
        self, doc: Document, project: Project, ind: Indicator, hit: str, target: str | None
    ) -> Finding:
        """The actual of a yes/no target is a stock phrase: the target can be checked, say what the check found."""
        message = (
            f"实际完成值“{ind.actual}”是结论性套话（{hit}）。指标值“{target}”是按是/否核查的合规要求，可以核查；"
            "实际完成值应写明核查的结果，如“合规，未发现违规支出”“违规金额0元”，以便核对得分。"
        )
        return self.finding(doc, message, project=project, indicator=ind, span="actual")
