"""KPI102 boilerplate-target."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, ParsedValue, Project
from kpi_lint.parse.common import squash
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency.kpi402_process_as_result import names_process_measure
from kpi_lint.rules.target.common import (
    COST,
    DATE,
    QUALITY,
    QUANTITY,
    TIMELINESS,
    NameCues,
    ceiling_rate,
    full_rate,
    full_rate_ending,
    is_blank,
    is_satisfaction,
    name_cues,
    name_unit,
    pasted_threshold,
    reverse_rate,
    target_form,
)
from kpi_lint.rules.text._text import name_ends_with
from kpi_lint.vocab import ECOLOGICAL, ECONOMIC, EFFECT, SOCIAL, SUSTAINABLE

_KPI104_LEVEL2 = (QUANTITY, COST, TIMELINESS)
_RATE_ENDS = ("率", "度")  # names of rates and degrees (完工率, 满意度): where a pass mark is an ordinary target
_RATES_NAMED = 3  # the endings the message names of the full rates it sets aside ("完工率、合格率、及时率等比率")


_ROWS_NAMED = 3  # the rows the message quotes, least natural for the stamped value first
# How each kind of row states its own target, in the template's order: the message says it for the 二级 of the rows
# it counts, the rows it quotes among them (h01's 学校发展能力, 长期使用性, 学生满意度 are no 数量/质量/时效/成本 rows;
# sample 58), and no other kind.
_OUTPUT_ADVICE = {
    QUANTITY: "数量写实际数量和计量单位（人、次、台、套等）",  # 服务器数量 counts 台, not people (sample 63)
    QUALITY: "质量写比率",
    TIMELINESS: "时效写日期",
    COST: "成本写金额",
}
_EFFECT_LEVEL2 = frozenset({ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE})
_EFFECT_ADVICE = "效益写可核查的变化及其幅度（如“…提高N个百分点”“新增N人”）"
_SATISFACTION_ADVICE = "满意度写调查得出的满意比例（如“≥90%”）"
_ANY_ADVICE = "按各自的计量单位写出测算的值"


def _survey_pass_mark(parsed: ParsedValue) -> bool:
    """A value that is what a satisfaction target should be: a survey share below 100% ("≥95%", ">90%"); a bare
    "≥95" lacks its %, and 100% is everyone, no survey's pass mark."""
    if parsed.unit != "%" or parsed.number is None or parsed.number_high is not None:
        return False
    return parsed.comparator in (None, "≥", ">") and 0 < parsed.number < 100


# The kinds whose advice asks for a rate, and what such a rate's figure rests on: where every counted row of the kind
# already is a rate ("正常使用率 | ≥95", "满意率 | ≥95", 003; sample 62), the advice names those rows, asks for the %
# their value left off, and says where the figure comes from, instead of asking them to write a rate.
_RATE_KINDS = {
    _OUTPUT_ADVICE[QUALITY]: ("质量", "按历史达到的水平或行业标准定值"),
    _SATISFACTION_ADVICE: ("满意度", "按满意度调查的结果定值（如“≥90%”）"),
}


def _rate_advice(kind: str, rates: list[Indicator], bare: bool) -> str:
    """'质量的“正常使用率”已是比率，补上“%”，按历史达到的水平或行业标准定值': the rows of one kind that are all
    rates, the % when no name prints it ("机关运转率（%）| ≥95" has it), and the figure's basis."""
    label, basis = _RATE_KINDS[kind]
    names = list(dict.fromkeys(i.level3 for i in rates if i.level3))
    quoted = "、".join(f"“{n}”" for n in names[:_ROWS_NAMED]) + ("等" if len(names) > _ROWS_NAMED else "")
    subject = label if names == [label] else f"{label}的{quoted}"  # "满意度 | ≥95": not "满意度的“满意度”"
    return f"{subject}已是比率，" + ("补上“%”，" if bare else "") + basis


def _lacks_percent(kind: str, shared: ParsedValue) -> bool:
    """The shared value is a rate's figure with its % left off: a bare number ("≥95"); for 满意度 one that with its %
    would be a survey's pass mark (`_survey_pass_mark`: h01's "学生满意度 | 100" is everyone, no survey share, and
    keeps the advice to write one)."""
    if shared.unit is not None or shared.number is None:
        return False
    return kind != _SATISFACTION_ADVICE or _survey_pass_mark(dataclasses.replace(shared, unit="%"))


def _advice(rows: list[Indicator], satisfied: bool, rate: Callable[[Indicator], bool], shared: ParsedValue) -> str:
    """How the kinds of the rows counted state their targets, each kind once, in the template's order. The 满意度
    advice is left out when every satisfaction row counted already has it (`satisfied`; b05's 辖区内群众满意度 ≥95%,
    sample 59): those rows are counted for the value they share, not for lacking a survey share. A kind whose advice
    asks for a rate and whose counted rows all are rates (`rate`) while the shared value lacks its % (`_lacks_percent`:
    "≥95") is told to add the % and what the figure rests on (`_rate_advice`); with the % written (f02's
    "服务对象满意度 | 100%") the kind keeps its general advice."""
    kinds: dict[str, list[Indicator]] = {}
    for ind in rows:
        if is_satisfaction(ind):
            if not satisfied:
                kinds.setdefault(_SATISFACTION_ADVICE, []).append(ind)
        elif ind.level2 in _EFFECT_LEVEL2 or ind.level1 == EFFECT:
            kinds.setdefault(_EFFECT_ADVICE, []).append(ind)
        else:
            kinds.setdefault(_OUTPUT_ADVICE.get(ind.level2 or "", _ANY_ADVICE), []).append(ind)
    order = [*_OUTPUT_ADVICE.values(), _EFFECT_ADVICE, _SATISFACTION_ADVICE, _ANY_ADVICE]
    said = []
    for kind in order:
        counted = kinds.get(kind)
        if not counted:
            continue
        rated = kind in _RATE_KINDS and _lacks_percent(kind, shared) and all(rate(i) for i in counted)
        said.append(
            _rate_advice(kind, counted, not any(name_unit(i.level3) == "%" for i in counted)) if rated else kind
        )
    return "，".join(said)


class BoilerplateTarget(Rule):
    """一个项目的大多数指标套用同一个指标值，或通用的及格线放在了不适用的指标上。

    默认级别：警告 warning。

    **做什么**

    在同一项目、同一期间内，某个指标值占已填指标的比例不低于 ``share``（默认 0.6）、已填指标不少于
    ``min_rows``（默认 4）条、且该值至少落在一条非比率指标上时，每个项目每个期间报告一次。完成、合格、到位、
    发放、及时、安全一类的比率（``lexicons/full_rates.txt``：完工率、验收合格率、完成及时率、成本控制率、安全率）
    写 100 或 100% 是这类比率的常规目标，不计入已填指标、也不举例，其余指标仍达到上述比例时才报告，消息说明另有
    几个这样的比率不计在内，并按名称的结尾说出是哪些比率（“另有 1 个开放率”“另有 5 个完工率、合格率、及时率等比率”）。
    几个比率指标用同一
    及格线（合格率、知晓率、满意度都写 ≥90%）不算套用模板；一个百分比只落在能写百分比的行（质量、满意度，
    数量以外的比率）和非比率的数量/时效/成本行（那里的百分比由 KPI104 逐行报告）上时，也不算；数量指标下的预算过程
    指标（"预算执行率 100%""预算资金拨款率 100%"当数量）由 KPI402 逐行报告，同样不算；其他比率填在数量指标下、同写
    一个百分比的（"服务覆盖率 100%"当数量，数量该写的个数被百分比代替），仍算套用。此外，通用及格线（"≥95"、
    ">90"）单独出现在不能用百分比表示的指标上——人数、金额、日期，或本身不是比率的数量/成本/时效指标——也逐条
    报告（这些指标上的"%"归 KPI104），但要有它是及格线的依据：写着"%"，或本项目另有比率行用着同一个数
    （"设备检修维护次数 | ≥95"旁边"正常使用率 | ≥95"）；只有一个裸数字落在计数上（"药品监管人员人均培训学时 |
    ≥90"，实际 96 学时）时，它是漏写了单位的计数，由 KPI103 报告缺单位。原文停在指标值这一格中
    （``Project.cut_cell``）的行不计入、不举例，也不逐条报告：那一格可能还有没印出的单位或数字。

    套用模板的报告落在计入的行中、按表中顺序第一条套用值在那里不自然的行上（名称不是比率、不以"率""度"结尾，如
    "促进农村集体经济发展 | ≥95%"），不落在本就该写及格线的满意度、合格率上；只有所有计入的行都是比率时才落在第一行。
    消息按计入各行的二级指标说每类该怎么写；计入的满意度行都已写了调查比例（"≥95%"一类低于 100% 的百分比）时，
    不再要它们写满意比例。质量或满意度下计入的行本身都已是比率、套用的值只是少了"%"（"正常使用率 | ≥95"
    "满意率 | ≥95"）时，不再要它们"写比率"，而是点出这些行、请补上"%"（名称已印"（%）"的不必），并说明该依据
    什么定值：质量按历史达到的水平或行业标准，满意度按满意度调查的结果。

    **为什么不好**

    财预〔2021〕101号要求每个指标值都有自己的确定依据（计划标准、行业标准、历史标准）；财预〔2015〕88号审核
    目标的适当性和可行性。同一个数抄满整张表，并不是从任何依据推出来的："≥95"不可能同时是服务器台数、完成期限
    和生态影响的正确目标，也都无法检验。

    **示例**（003，医保局骨干网络建设维护费——整张表）::

        数量指标 | 服务器数量   | ≥95
        时效指标 | 完成及时率   | ≥95
        成本指标 | 预算执行     | ≥95
        生态效益指标 | 生态影响 | ≥95

    **改为**：每个指标按自身的计量单位给出各自的值::

        数量指标 | 服务器数量   | 2台
        时效指标 | 完成时间     | 不晚于2023年6月底
        成本指标 | 设备购置费   | ≤50000元

    选项：``share``（0.6）、``min_rows``（4）。
    """

    code = "KPI102"
    name = "boilerplate-target"
    title_zh = "目标值千篇一律"
    penalty = Penalty(Dimension.RELEVANCE, 15, 15)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True
    options: ClassVar[dict[str, Any]] = {"share": 0.6, "min_rows": 4}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        templated: set[str | None] = set()
        for period in project.periods:
            # a value in the cell the text stops inside (Project.cut_cell) is not known whole: not counted, not quoted
            filled = [
                i
                for i in project.indicators
                if i.period == period and not is_blank(i.value, cues) and not project.cut_in(i, "value")
            ]
            # 100% on a completion, pass, on-time or safety rate is that rate's ordinary target, no template fill:
            # such rows neither count towards the threshold nor serve as examples (sample 54, h01's 完工率, 及时率 …)
            full = [i for i in filled if self._full_rate_at_100(i)]
            rows = [i for i in filled if i not in full]
            if not rows or len(rows) < int(self.opts["min_rows"]):
                continue
            value, count = Counter(squash(i.value or "") for i in rows).most_common(1)[0]
            same = [i for i in rows if squash(i.value or "") == value]
            # The same pass mark on several rates (≥90% 合格率, 知晓率, 满意度) is common practice;
            # a template is one value stamped on indicators of different kinds.
            all_rates = all(self.readings.expected_unit(i.level3) == "%" for i in same)
            if count / len(rows) < float(self.opts["share"]) or all_rates or self._percent_where_it_fits(same):
                continue
            templated.add(period)
            ranked = self._least_natural_first(same)
            satisfied = all(
                _survey_pass_mark(i.parsed or parse_value(i.value, self.lexicon)) for i in same if is_satisfaction(i)
            )
            quoted = [i for i in ranked[:_ROWS_NAMED] if i.level3]
            names = "、".join(f"“{i.level3}”" for i in quoted) + ("等" if len(quoted) < count else "")
            aside = [i for i in full if squash(i.value or "") == value]
            left_out = (
                f"（另有 {len(aside)} 个{self._rates_named(aside)}也是“{value}”，那是这类比率的常规目标，不计在内）"
                if aside
                else ""
            )
            shared = same[0].parsed or parse_value(same[0].value, self.lexicon)
            advice = _advice(same, satisfied, self._higher_rate, shared)
            message = (
                f"同一个指标值“{value}”填满了本项目{period or ''}的 {len(rows)} 个指标中的 {count} 个（{names}）"
                f"{left_out}：这是套用的模板，不是逐项测算的目标。每个指标应按自己的依据定值：{advice}。"
            )
            # The finding points at the first row, in table order, where the stamped value is least natural (the
            # ranking keeps table order within each group): never at a set-aside rate the message says is not counted
            # (sample 57: h01's 工程完工率), nor at a row the value suits (sample 59: b05's 辖区内群众满意度 ≥95%)
            yield self.finding(doc, message, project=project, indicator=ranked[0], span="value")
        for ind in project.indicators:
            if ind.period not in templated and self._misplaced_threshold(ind, project, cues):
                yield self._row_finding(doc, project, ind, cues)

    def _rates_named(self, aside: list[Indicator]) -> str:
        """What the rows set aside are, by the endings that make them full rates, as their names print them, in reading
        order: "开放率", "完工率、合格率、及时率", or the first three of more and "等比率"."""
        endings = [full_rate_ending(i.level3, self.lexicon) for i in aside]
        named = list(dict.fromkeys(end for end in endings if end))
        shown = "、".join(named[:_RATES_NAMED])
        return f"{shown}等比率" if len(named) > _RATES_NAMED else shown

    def _full_rate_at_100(self, ind: Indicator) -> bool:
        """The row is a rate whose ordinary target is 100% (lexicons/full_rates.txt: a name ending in a kind of
        measure_heads.txt — completion, pass, funds-in-place, payout or on-time rate — or in one of its endings:
        完工率, 安全率, a cost 控制率) and its value is 100 or 100% (with =, ≥ or ≤ or none)."""
        parsed = ind.parsed or parse_value(ind.value, self.lexicon)
        if parsed.number != 100 or parsed.number_high is not None or parsed.unit not in (None, "%"):
            return False
        if parsed.comparator not in (None, "=", "≥", "≤"):
            return False
        return full_rate(ind.level3, self.lexicon)

    def _least_natural_first(self, same: list[Indicator]) -> list[Indicator]:
        """The rows the message names, those where the stamped value is least natural first: a pass mark ("100",
        "≥95%") is a fair target for a rate (完工率, 满意度: names that call for % or end with 率/度) and shows the
        copying only on the others (学校发展能力, 长期使用性, 服务器数量). Reading order is kept within each group."""
        parsed = same[0].parsed or parse_value(same[0].value, self.lexicon)
        if parsed.unit not in (None, "%"):
            return same  # "1项" on every row: no row reads it more naturally than another

        return sorted(same, key=self._is_rate)

    def _is_rate(self, ind: Indicator) -> bool:
        """A name that calls for % or ends with 率/度 (完工率, 满意度): a pass mark is a fair target for it."""
        return self.readings.expected_unit(ind.level3) == "%" or name_ends_with(ind.level3, _RATE_ENDS)

    def _higher_rate(self, ind: Indicator) -> bool:
        """A measured rate where higher is better: "≥95" lacks only its % there. Not a lower-is-better rate (信息系统
        故障发生率, lexicons/ceiling_rates.txt: the pass mark points the wrong way, a % would not mend it), nor a goal
        that opens with a direction word (vague_words.txt: "提高工作效率" ends with 率 but states an aim to measure)."""
        name = squash(ind.level3 or "")
        goal = any(name.startswith(w) for w in self.lexicon.vague_words)
        lower = reverse_rate(name, self.lexicon) or ceiling_rate(name, self.lexicon)
        return self._is_rate(ind) and not goal and not lower

    def _percent_where_it_fits(self, same: list[Indicator]) -> bool:
        """A percentage ("100%") only on rows that each take one or where another rule reports it at the row:
        not one value stamped on rows of different kinds. A row takes a percentage when it is a 质量 or 满意度
        row, or a rate outside 数量 (a 及时率 under 时效, a 正常率 under 效益); on a 数量/时效/成本 row that is not
        a rate, KPI104 reports the percentage at that row, and on a budget-process measure under 数量 (d08's
        预算执行率, 预算资金拨款率) KPI402 does. Another rate filed under 数量 (服务覆盖率 as a quantity) is where a
        stamped percentage replaced the count: that still makes the template.
        q02 资助标准 / 发放率 / 到位率 all "100%达标"; h02 足额拨付率, 满意率 and a 数量 row at 100%."""
        parsed = same[0].parsed or parse_value(same[0].value, self.lexicon)
        if parsed.unit != "%":
            return False

        def takes_it(ind: Indicator) -> bool:
            rate = self.readings.expected_unit(ind.level3) == "%"
            if ind.level2 == QUALITY or is_satisfaction(ind):
                return True
            if ind.level2 in _KPI104_LEVEL2:
                return ind.level2 != QUANTITY or names_process_measure(ind.level3, self.lexicon) if rate else True
            return rate

        return all(takes_it(i) for i in same)

    def _misplaced_threshold(self, ind: Indicator, project: Project, cues: NameCues) -> bool:
        if is_blank(ind.value, cues) or project.cut_in(ind, "value"):
            return False  # a "≥95" the text stops inside may go on with its unit ("≥95个")
        parsed = ind.parsed or parse_value(ind.value, self.lexicon)
        if not pasted_threshold(ind, parsed, project, cues):
            return False  # a bare "≥90" under 人均培训学时 alone: the count with its unit left off (KPI103)
        # A percentage on a 数量/时效/成本 indicator is KPI104's value-type mismatch.
        return not (parsed.unit == "%" and ind.level2 in _KPI104_LEVEL2)

    def _row_finding(self, doc: Document, project: Project, ind: Indicator, cues: NameCues) -> Finding:
        unit = self.readings.expected_unit(ind.level3)
        if unit == DATE or ind.level2 == TIMELINESS:
            kind = "时效指标，应写日期或期限"
        elif ind.level2 == COST or unit == "元":
            kind = "成本，应写金额"
        else:
            kind = f"数量，应写{unit or '具体计量单位'}的个数"
        form = target_form(ind, cues, doc.year)
        parsed = ind.parsed or parse_value(ind.value, self.lexicon)
        if parsed.unit is None:
            # "人均培训学时 | ≥90": a bare figure may be the count itself with its unit left off, or a pass mark with
            # its % left off; the finding says what is certain (no unit) and what each reading would need.
            message = (
                f"“{ind.value}”只有数字，没有计量单位：“{ind.level3}”是{kind}。这个数若就是目标，应写明单位；"
                f"若是套用的通用达标阈值（百分比），它衡量不了这个指标" + (f"；可写成“{form}”。" if form else "。")
            )
        else:
            message = f"“{ind.value}”是通用的达标阈值，但“{ind.level3}”是{kind}，百分比式的阈值无法衡量它" + (
                f"；可写成“{form}”。" if form else "。"
            )
        return self.finding(doc, message, project=project, indicator=ind, span="value", suggestion=form)
