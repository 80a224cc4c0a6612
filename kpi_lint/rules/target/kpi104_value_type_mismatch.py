"""KPI104 value-type-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Document, Indicator, ParsedValue, Project
from kpi_lint.parse.frequency import FREQUENCY, reads_as_frequency
from kpi_lint.parse.values import mentions_date
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._years import fiscal_year
from kpi_lint.rules.context import SUGGESTER
from kpi_lint.rules.target.common import (
    COST,
    ON_TIME_FILE,
    QUANTITY,
    SERVICE_PERIOD_FILE,
    TIMELINESS,
    UNITLESS,
    NameCues,
    ceiling_rate,
    cut_by_the_break,
    dated_name_done,
    dated_name_rate,
    is_satisfaction,
    name_cues,
    name_unit,
    on_time_rate,
    peer_lines,
    states_a_period,
    states_service_period,
    target_form,
    timeliness_rate,
    words_in,
)
from kpi_lint.rules.target.price_ceiling import price_ceiling_met

_MAGNITUDES = frozenset("万亿千百")


def money_without_yuan(parsed: ParsedValue) -> bool:
    """A figure whose only unit is a magnitude ("250万", "1.5亿"), or a magnitude per period or per
    unit ("≤620万/月"): under 成本 that is an amount of money with 元 left out, not a count."""
    head = (parsed.unit or "").partition("/")[0]
    return parsed.number is not None and bool(head) and set(head) <= _MAGNITUDES


def money_unit_in_name(level3: str | None, parsed: ParsedValue) -> bool:
    """The name prints the money unit the value leaves out: "补助成本(≤**元/株) | ≤28.40/株" is 28.40
    元 a plant, "项目总投入(万元) | 6070" is 6070 万元 — not a count."""
    unit = name_unit(level3) or ""
    if "元" not in unit or parsed.number is None:
        return False
    return not parsed.unit or unit.endswith(parsed.unit)


# A measure word is followed by at most a short counted noun ("个行政村", "家卫生室", "部宣传片"); a longer run
# after it is a sentence that happens to open with a figure ("1-6期培训结束后及时考核").
_COUNTED_NOUN = 4


def sentence_after_figure(parsed: ParsedValue, lexicon: Lexicon) -> bool:
    """The value is a sentence with a figure in it, not a figure with its unit: what the parser read as the
    unit is a measure word (units.txt) followed by a clause ("期培训结束后及时考核", "次作业且总航时不少于")."""
    unit = parsed.unit or ""
    if parsed.kind != "count" or "/" in unit:
        return False
    known = max((len(w) for words in lexicon.units.values() for w in words if w and unit.startswith(w)), default=0)
    return len(unit) - known > _COUNTED_NOUN


# A per-diem standard's count and time units ("470 | 人/天", "人·天", "人/日"): travel and training costs are set
# per person and day (元/人·天); under 成本 such a figure is that price with 元 left out, not a number of people.
_PER_DIEM = re.compile(r"^(人次|人)[/·.]?(天|日)$")


def money_form(ind: Indicator, parsed: ParsedValue) -> str | None:
    """The amount a cost value means once its missing 元 is put back: "10320/年" → "10320元/年" (a figure per
    period), "320人/天" → "320元/人·天" (a per-diem figure); None for any other value."""
    unit = parsed.unit or ""
    if parsed.number is None:
        return None
    figure = (ind.value or "").strip().removesuffix(unit).strip()
    if not unit or unit.startswith("/"):
        return f"{figure}元{unit}"
    match = _PER_DIEM.match(unit)
    return f"{figure}元/{match.group(1)}·{match.group(2)}" if match else None


_KIND_NAMES = {
    "count": "计数",
    "percent": "百分比",
    "money": "金额",
    "date": "日期",
    "qualitative": "文字表述",
}


class ValueTypeMismatch(Rule):
    """指标值的类型与二级指标不符。

    默认级别：警告 warning。

    **做什么**

    把解析出的指标值类型（计数、百分比、金额、日期、频次、文字）与二级指标的要求比较（频次说的是多久一次，如
    "每季度""1次/月""一个季度开展技术指导一次"，消息里叫"频次"，不叫"日期"或"计数"：
    ``lexicons/frequency_words.txt``）：

    - 数量指标 → 带单位的计数，而不是百分比（指标名称本身是比率时属归类错误，归 KPI404）；
    - 时效指标 → 日期、期限或时段（名称是比率的——"医疗文书及时率"——写文字时，消息要的是百分比，不是日期；
      用 % 表示的及时率也接受，名称说"及时""按时"而没写"率"的也是及时率，如
      "对美沙酮维持患者及时给予治疗 | 100%"（``lexicons/on_time_words.txt``）；值里写明了日期或时限的也接受，如
      "12月底前100%到位"、"<24小时"、"2020.1.1-2020.12.31"；写明周期或频次的也接受，如"1次/月"、"按月安排"
      （频次说的是做了多少次，本目录把它看作产出的数量——KPI408、KPI404 都不把频次当作时效的理由——但已填在时效
      指标下的频次可读作周期性的期限，不报告；消息里举的时效写法只有日期和期限）；
      名称写明了日期或周期、指标值是百分比的也接受，如"12月底之前完成 | 100%"、"补助金每月中旬发放 | 100%"；
      名称写明了期限、指标值说按期完成的也接受，如"春节前完成走访慰问 | 按时限完成"；写明服务时段的也接受，如
      "可保证读者使用时长 | 全天候可用"、"7×24小时在线"、"全年无休"（``lexicons/service_periods.txt``：服务什么时候都
      可用，是可核查的服务标准，不是完成期限，也不要求改写成日期））；
    - 成本指标 → 金额（只写了数量级的"250万""≤620万/月"是省了"元"的金额，也接受；名称里印着货币单位时，
      值里省了它也接受：
      "补助成本(≤**元/株) | ≤28.40/株"）；
      成本指标下名称以越低越好的比率结尾（``lexicons/ceiling_rates.txt``：超支率、控制率）、值是百分比的
      （"项目成本超支率 | ≤0%"），是可核查的成本控制，只是没有金额：报为提示 info，不说“与成本指标不符”；
      名称以参照价格或标准为上限、值答“是”或写百分比的（``lexicons/price_ceilings.txt``："种薯采购价格不高于市场价 |
      是"、"按照物价部门定价标准采购 | 100%"）同理；
      只写了数字和“/年”、或人天计量单位的（"托管服务器服务成本 | 10320/年"、"培训费 | 320 | 人/天"），是省了“元”的
      金额或人天单价，不是计数：消息说没有货币单位，建议“10320元/年”“320元/人·天”；
    - 满意度 → 调查百分比。

    三级指标一栏读出来不像名称（"≥95%"、"小于"，即这一行的单元格错了位）、名称里已写着目标（"完成及时率
    (≥**%)>=100%"）、或指标值只剩单位没有数字（"%(百分比)"）时不判断：那是读取或填写的问题，不是类型不符。

    原文在表格中途结束、最后一行读到指标值就断了的不判断：值和它后面的单位可能在截断处之后。

    光秃秃的数字交给 KPI103（缺少计量单位），含糊的文字交给 KPI101。KPI404 认为这一行整行归错了二级指标时，
    本规则在这一行不报（一个问题只报一次：把行移到该去的类别是唯一的改法，移过去后再按那一类核对）；KPI402 认为
    这一行是预算过程指标（"资金执行率 | 100%"）时也不报：这一行应换成真正的绩效指标，它的值填成什么都不用再改；
    分类模型判断为不可核查、但不含含糊词的文字（"参照政府采购成本控制"），由本规则报告，KPI101 不再重复。

    **为什么不好**

    财预〔2021〕101号要求指标值与指标相符：数量是带单位的计数，比率是百分比，时效写明日期或期限，成本写明金额，
    满意度是调查百分比。"资助参保人次数 ≥99%"无法与实际资助人数对照；没有金额的成本目标无法与项目资金比较（适当性）。

    **示例**（002，2023年中央财政医疗救助补助资金）::

        数量指标 | 资助参保人次数 | ≥99%

    **改为**::

        数量指标 | 资助参保人次数 | ≥3500人次
    """

    code = "KPI104"
    # A row filed in the wrong category (moving it is the one fix), a process measure (replacing it is).
    defers_to = frozenset({"KPI404", "KPI402"})
    name = "value-type-mismatch"
    title_zh = "指标值类型不符"
    penalty = Penalty(Dimension.RELEVANCE, 3, 15)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True
    uses = frozenset({SUGGESTER})
    uses_peers = True

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        for ind, parsed in self.readings.filled_targets(project):
            if parsed.kind in ("number", "empty"):
                continue  # no unit at all: KPI103
            if not self.readings.value_is_the_target(ind):
                continue  # shifted cells, the target in the name cell, or a unit whose figure was lost
            if parsed.kind == "qualitative" and words_in(ind.value or "", self.lexicon.vague_words):
                continue  # no measurable content at all: KPI101
            if cut_by_the_break(ind, project):
                continue  # the text stops right after this value: its unit or the rest of it may lie beyond
            need = self._expected(ind, parsed, cues)
            if need:
                yield self._finding(doc, project, ind, parsed, need, cues)

    def _expected(self, ind: Indicator, parsed: ParsedValue, cues: NameCues) -> str | None:
        """What the 二级指标 calls for, when the value is not it; else None."""
        unit = self.readings.expected_unit(ind.level3)
        if ind.level2 == QUANTITY:
            if parsed.kind == "percent" and unit not in ("%", UNITLESS):
                return "数量指标应写具体数量和计量单位（人、次、份……），而不是百分比"
        elif ind.level2 == TIMELINESS:
            rate_ok = parsed.kind == "percent" and unit == "%"
            rate_ok = rate_ok or on_time_rate(ind.level3, parsed, self.lexicon.words(ON_TIME_FILE))
            rate_ok = rate_ok or dated_name_rate(ind.level3, parsed)
            rate_ok = rate_ok or dated_name_done(ind.level3, ind.value, self.lexicon.words(ON_TIME_FILE))
            stated = mentions_date(ind.value) or states_a_period(ind.value)
            # "可保证读者使用时长 | 全天候可用": when the service is available, a checkable standard, not a deadline
            stated = stated or states_service_period(ind.value, self.lexicon.words(SERVICE_PERIOD_FILE))
            if parsed.kind != "date" and not rate_ok and not stated:
                if timeliness_rate(ind, cues):
                    return "名称是比率，时效比率应写百分比（如“≥95%”“=100%”），或改写成完成日期、期限"
                return "时效指标应写完成日期或期限（如“不晚于6月底”“每季度末前”）"
        elif ind.level2 == COST:
            if parsed.kind != "money" and not money_without_yuan(parsed) and not money_unit_in_name(ind.level3, parsed):
                return "成本指标应写金额（元、万元，或“元/人”这样的单价）"
        elif is_satisfaction(ind) and "满意" in (ind.level3 or "") and parsed.kind != "percent":
            return "满意度应写调查得到的百分比（如“≥90%”）"
        return None

    def _finding(
        self, doc: Document, project: Project, ind: Indicator, parsed: ParsedValue, need: str, cues: NameCues
    ) -> Finding:
        kind = _KIND_NAMES.get(parsed.kind, parsed.kind)
        if sentence_after_figure(parsed, self.lexicon):
            kind = "带数字的文字表述"  # "1-6期培训结束后及时考核" says when, in words; it counts nothing
        if reads_as_frequency(parsed, ind.value, self.lexicon):
            kind = FREQUENCY  # "一个季度开展技术指导一次", "1次/月": how often, not a date nor a count
        suggestion = target_form(ind, cues, doc.year)
        suggester = self.context.extras.get(SUGGESTER)
        if ind.level2 == COST and suggester is not None:
            examples = peer_lines(suggester, project, doc.path, COST, k=3, year=fiscal_year(project, doc))
            if examples:
                suggestion = "；".join(examples)
        message = f"“{ind.level3 or ind.level2}”的指标值“{ind.value}”是{kind}，与{ind.level2}不符：{need}。"
        severity = None
        control = None
        if ind.level2 == COST and parsed.kind == "percent" and ceiling_rate(ind.level3, self.lexicon):
            control = "越低越好的比率"  # "项目成本超支率 | ≤0%"
        elif ind.level2 == COST and price_ceiling_met(ind, self.lexicon):
            control = "以参照价格或标准为上限"  # "种薯采购价格不高于市场价 | 是", "按照物价部门定价标准采购 | 100%"
        money = money_form(ind, parsed) if ind.level2 == COST else None
        if control:
            # A control the year-end accounts can check, only no amount to weigh it against
            message = (
                f"“{ind.level3}”“{ind.value}”是可核查的成本控制目标（{control}），但没有写出成本金额："
                "成本指标最好再写明金额上限（元、万元，或“元/人”这样的单价），才能与项目资金比较。"
            )
            severity = Severity.INFO
        elif money:
            # A bare figure per a period ("托管服务器服务成本 | 10320/年") or a per-diem figure ("培训费 | 320人/天"):
            # the money unit is what is missing, not a count.
            what = "只有数字" if parsed.unit is None or parsed.unit.startswith("/") else "只有数字和计量单位"
            message = f"“{ind.level3}”的指标值“{ind.value}”{what}，没有货币单位：{need}，如“{money}”。"
            suggestion = money
        return self.finding(
            doc, message, project=project, indicator=ind, span="value", suggestion=suggestion, severity=severity
        )
