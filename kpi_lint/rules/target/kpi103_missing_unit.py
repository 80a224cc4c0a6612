"""KPI103 missing-unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from kpi_lint.lexicon import load_heads
from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.common import squash
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import (
    DATE,
    TIMELINESS,
    UNITLESS,
    cut_by_the_break,
    is_satisfaction,
    name_cues,
    name_unit,
    names_the_figure,
    pasted_threshold,
    per_base,
    points_as_target,
    points_figure,
    target_in_name,
)
from kpi_lint.vocab import COST_L1, COST_LEVEL2


class MissingUnit(Rule):
    """数值型指标值缺少必要的计量单位或 %。

    默认级别：警告 warning。

    **做什么**

    指标值是光秃秃的数字（"≥95"、">90"、"717"），而指标所衡量的东西有单位时报告：比率或满意度（%）、
    计数（人、次、份……）、面积（平方米）、金额（元）。指标名称对应的单位取自 ``lexicons/name_units.txt``
    （人数 → 人，率 → %；名称以 ``units.txt`` 中两字以上的计数单位结尾的，就是那个单位："人均培训学时" → 学时）；
    能确定单位时，建议值就是带上该单位的值，消息只说缺了哪个单位（"“保证设备正常运转天数”以“天”计"），不再说
    "无法判断是比率、人数还是金额"：名称已说明计的是什么（"配备车辆数" → 辆，"补助学生数量" → 人，"抽验批次" → 批次）。
    名称以计数的结尾收尾（``lexicons/measure_heads.txt`` 中类别为"计数"的结尾：数、数量、量……，"补贴渔船数"）而
    没有提示词说明以什么计时，消息说它是计数、缺的是单位，也不说三者难辨。成本指标下（或名称要求金额时）写成
    "每＋计数单位＋数字"的单价（"造林补助 | 每亩300"）缺的是货币单位：消息这样说，建议值写成"300元/亩"。
    金额（"工程资金金额 | 43.2"）不给建议值：元还是万元，数字本身看不出。比率下不大于 1 的数（"覆盖率 | 1"、
    "合格率 | 0.95"）多半是小数写法，建议值换算成百分数（100%、95%），不是"1%"。
    无单位的量（指数、系数、得分：键 ``无单位``）、
    时效指标下的年份，以及放在人数、日期、金额上、本项目的比率行也用着同一个数的通用及格线（"设备检修维护次数 |
    ≥95"旁边"正常使用率 | ≥95"：套用的及格线，属 KPI102）不报告；单独落在计数上的裸数字（"人均培训学时 | ≥90"）
    是漏了单位的计数，照常报告。名称在括号中
    写明了单位的数字（"新增限上商贸企业(法人) 23"、"机关运转率（%） 95"：表格自己的写法）、名称里连数带单位
    印着同一个数的（"配套电力设施1250KVA变压器3台 | 3"），以及目标为零的（"明显变质比例 | 0"：零在哪种单位下都是零）
    也不报告；名称写明了按什么基数计的（"药品不良反应每百万人口报告数 | ≥150"、"每千人托位 | 4.5"：每百万人口多少份、
    每千人多少个）也不报告，数的单位就在名称里。原文在表格中途结束、最后一行读到指标值就断了的
    （"工程竣工验收合格率 | 1"之后再无文字，上一行是"100% | 100% | 5 | 5"）也不报告：值本身可能被截断，
    其后的"度量单位"一栏也在截断处之后。时效指标下的 36526–54788 之间的整数（"项目财政资金到位时间 | =44,561"）
    是表格软件存日期用的序列号（2000—2049年的日期）丢了格式，报告时写明它是哪一天。质量、时效或效益指标下，名称是
    定性要求、看不出单位，指标值却只是一个不超过 50 的整数（"建设符合验收要求 | 20 | 20"，表里没有分值一栏）时不报：
    那多半是误填的分值，缺的是目标而不是单位，由 KPI106（目标值为空）报告（一个问题只报一次）。
    三级指标是空泛的套话（"提高效率 | ≥95"，KPI203）或预算过程指标（"预算控制率 | ≥95"，KPI402）时，这一行该整行
    改写或换掉，由那两条规则报告，本规则不再报缺单位（一个问题只报一次）。

    **为什么不好**

    财预〔2021〕101号要求目标写成"数值＋比较符＋单位"；财预〔2015〕88号要求目标具体、可衡量。没有单位，
    "≥95"可能是 95%、95 人，也可能是 95 元：自评时无法与实际值比较，同类项目之间也无法比较。

    **示例**（003，2023医保局办公楼租赁费7.2万元）::

        数量指标 | 租赁面积 | 717
        质量指标 | 提高服务质量 | ≥95

    **改为**::

        数量指标 | 租赁面积 | 717平方米
        质量指标 | 服务投诉办结率 | ≥95%
    """

    code = "KPI103"
    # A filler name ("提高效率 | ≥95": KPI203) or a process measure ("预算控制率 | ≥95": KPI402) is a row to rewrite
    # or replace, not a value to give a unit: one defect, one finding.
    defers_to = frozenset({"KPI203", "KPI402"})
    name = "missing-unit"
    title_zh = "缺少计量单位"
    penalty = Penalty(Dimension.MEASURABILITY, 3, 15)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        for ind, parsed in self.readings.filled_targets(project):
            if parsed.kind != "number" or parsed.number is None:
                continue
            if target_in_name(ind.level3) or not self.readings.is_name(ind.level3):
                continue  # the target is printed in the name cell, or the row's cells were shifted
            if name_unit(ind.level3) is not None:
                continue  # the unit is printed with the name ("新增企业(家) 23", "参保率（%） 95")
            if cut_by_the_break(ind, project):
                continue  # "工程竣工验收合格率 | 1" where the text stops: the rest of the value may lie beyond
            if parsed.number == 0 and not parsed.number_high:
                continue  # "变质比例 | 0": nothing is nothing in any unit (0 = 0% = 0起)
            if per_base(ind.level3):
                continue  # "药品不良反应每百万人口报告数 | ≥150": reports per million people, the name says so
            if names_the_figure(ind.level3, parsed.number, cues):
                continue  # "…变压器3台 | 3": the name prints this figure with its unit
            unit = self.readings.expected_unit(ind.level3)
            if unit == UNITLESS or (ind.level2 == TIMELINESS and _looks_like_year(parsed.number)):
                continue
            if points_as_target(ind, parsed, unit):
                continue  # "建设符合验收要求 | 20": likely the row's points, no target at all (KPI106), not a lost unit
            if pasted_threshold(ind, parsed, project, cues):
                continue  # "≥95" on a count beside "≥95%" rates: not a missing unit but a pasted pass mark (KPI102)
            yield self._finding(doc, project, ind, unit, parsed.number)

    def _per_unit_price(self, ind: Indicator, unit: str | None) -> tuple[str, str] | None:
        """A price per unit written without its currency under 成本 ("造林补助 | 每亩300"): the 每 and the unit
        (units.txt) are there, 元 is not. (the unit, the value written as a price: "300元/亩"), else None."""
        if unit != "元" and ind.level2 not in COST_LEVEL2 and ind.level1 != COST_L1:
            return None
        m = _PER_UNIT.fullmatch(squash(ind.value or ""))
        if m is None or m["unit"] not in self.lexicon.units.get(_PER_KIND, ()):
            return None  # "每亩地300": only a unit units.txt lists as a whole word is read so
        return m["unit"], f"{m['sign'] or ''}{m['figure']}元/{m['unit']}"

    def _counted(self, level3: str | None) -> bool:
        """The name ends as a count does ("补贴渔船数", "开展精品示范村建设数量": lexicons/measure_heads.txt, kind
        计数) though no name_units.txt cue says in what: it counts, and only its unit is missing."""
        name = squash(level3 or "")
        ending = next((kind for end, kind in load_heads(self.lexicon.directory) if name.endswith(end)), None)
        return ending is not None and ending.split("/")[0] == _COUNT_KIND

    def _finding(
        self,
        doc: Document,
        project: Project,
        ind: Indicator,
        unit: str | None,
        number: float,
    ) -> Finding:
        serial = _spreadsheet_date(number) if unit == DATE or ind.level2 == TIMELINESS else None
        if serial is not None:
            message = (
                f"指标值“{(ind.value or '').strip()}”只有数字：它像是表格软件存日期用的序列号（{number:.0f} 即 "
                f"{serial.year}年{serial.month}月{serial.day}日），导出时丢了日期格式。时效目标请写成日期，"
                f"如“不晚于{serial.year}年{serial.month}月{serial.day}日”。"
            )
            return self.finding(doc, message, project=project, indicator=ind, span="value")
        per_unit = self._per_unit_price(ind, unit)
        if per_unit is not None:
            # "造林补助 | 每亩300": a price per 亩 with its currency left off, not a bare figure of unknown kind
            base, price = per_unit
            message = (
                f"指标值“{(ind.value or '').strip()}”是每{base}的单价，没有写货币单位（元还是万元）："
                f"应写明，如“{price}”。"
            )
            return self.finding(doc, message, project=project, indicator=ind, span="value", suggestion=price)
        if unit is None and is_satisfaction(ind):
            unit = "%"
        suggestion = None
        value = (ind.value or "").strip()
        if unit == "%" and 0 < number <= 1:
            # "覆盖率 | 1", "验收合格率 | 0.95": a rate written as a fraction (1 = 100%), not one per cent
            percent = f"{number * 100:g}%"
            printed = _number_text(value)
            suggestion = value.replace(printed, percent, 1) if printed else percent
            need = f"比率像是写成了小数（{value} 即 {percent}）：应写成“{suggestion}”；若本意是 {value}%，请补上%"
            if number == 1:
                # A bare "1" may be 100% or a count of one: the row's own other cells decide, else nothing is offered.
                beside = _percent_beside(ind)
                suggestion = beside
                if beside and beside.lstrip("=") != percent:
                    need = (
                        f"比率像是写成了小数（{value} 即 100%），但同一行另一栏印着“{beside}”：目标若是 {beside}，"
                        f"应写成“{beside}”，请对照原表核实"
                    )
                elif not beside:
                    need = f"“{value}”可能是小数写法的 100%，也可能是 {value}%：请按原意写成百分数"
        elif unit == "%" and _points_table(ind, value, project, self):
            # "满意度 | 20" in a table whose bare figures are the rows' points (20, 10, 10 … summing to 100)
            message = (
                f"指标值“{value}”只是一个数：本表各行的指标值也是这样的整数（{_points_text(project)}），"
                f"像是各行的分值，指标值一栏就没有写目标。满意度或比率目标应写百分比，按调查或测算口径确定。"
            )
            return self.finding(doc, message, project=project, indicator=ind, span="value")
        elif unit == "%":
            suggestion = f"{value}%"
            need = "比率和满意度写百分比"
        elif unit == DATE:
            need = "时效目标写日期或期限（如“不晚于6月底”）"
        elif unit == "元":  # money: the figure may be 元 or 万元 ("工程资金金额 | 43.2"), no suggestion guesses which
            need = f"“{ind.level3}”是金额，以“元”或“万元”计"
        elif unit:
            need = f"“{ind.level3}”以“{unit}”计"
            suggestion = f"{value}{unit}"
        elif self._counted(ind.level3):
            need = f"“{ind.level3}”是计数，没说以什么计（个、项、次、批……）"
        else:
            need = "写明计量单位（%、人、次、元……）"
        if (unit and unit not in ("%", DATE)) or (unit is None and self._counted(ind.level3)):
            # the name says what is counted (or that it counts): only the unit is missing, not what is meant
            message = f"指标值“{value}”只有数字，没有写单位：{need}，应写明单位。"
        else:
            message = f"指标值“{value}”只有数字，没有单位：无法判断是比率、人数还是金额。{need}。"
        return self.finding(doc, message, project=project, indicator=ind, span="value", suggestion=suggestion)


_PERCENT = re.compile(r"[≥≤>＞<＜=]?\s*\d+(?:\.\d+)?\s*[%％]")


def _percent_beside(ind: Indicator) -> str | None:
    """A percentage printed in the row's other target cells (绩效指标描述, 指标值确定依据, 调整后指标值: "90%(计划标准)"
    beside a value "1"), the row's target as its other column states it; None when there is none."""
    for text in (ind.description, ind.basis, ind.adjusted_value):
        found = _PERCENT.search(text or "")
        if found:
            return found.group().replace(" ", "").replace("％", "%")
    return None


# A row's points are whole numbers; a table's points add up to 100, or to 90 when 预算执行 (10 points, 财预〔2020〕10号)
# is scored outside the indicator rows.
_POINTS_TOTALS = (90, 100)
_POINTS_ROWS = 3  # a table whose bare figures are points has several of them


def _bare_figures(project: Project) -> list[int]:
    """The value cells of `project` that are a bare whole number of at most MOST_POINTS ("20", "10")."""
    return [n for n in (points_figure(i.value) for i in project.indicators) if n is not None]


def _points_text(project: Project) -> str:
    figures = _bare_figures(project)
    return f"{'、'.join(str(n) for n in figures)}，合计 {sum(figures)}"


def _points_table(ind: Indicator, value: str, project: Project, rule: Rule) -> bool:
    """The bare whole number `value` is the row's points, not a rate: it is at most MOST_POINTS, and the table's bare
    figures are points — several of them, adding up to 100 (or 90 without 预算执行), or most of them on rows that ask
    for no unit (`points_as_target`: "建设符合验收要求 | 20")."""
    if points_figure(value) is None:
        return False
    figures = _bare_figures(project)
    if len(figures) < _POINTS_ROWS:
        return False
    if sum(figures) in _POINTS_TOTALS:
        return True
    qualitative = [
        other
        for other in project.indicators
        if other is not ind
        and points_as_target(
            other, other.parsed or parse_value(other.value, rule.lexicon), rule.readings.expected_unit(other.level3)
        )
    ]
    return len(qualitative) >= _POINTS_ROWS - 1 and 2 * len(qualitative) >= len(figures)


# "每亩300", "每人≥200": 每, a unit, an optional comparator, a figure — a price per unit with no currency.
_PER_UNIT = re.compile(r"每(?P<unit>[^\d≥≤<>=＞＜]{1,3})(?P<sign>[≥≤<>=＞＜]{1,2})?(?P<figure>\d+(?:\.\d+)?)")
_PER_KIND = "count"  # the units.txt kind a price is per: 亩, 人, 平方米, 次 … (not 元, %, a date)
_COUNT_KIND = "计数"  # measure_heads.txt's kind of a count (narrowed after a /: 计数/人)


def _number_text(value: str) -> str | None:
    """The figure as printed in the value ("≥0.95" → "0.95")."""
    found = _FIGURE.search(value)
    return found.group() if found else None


_FIGURE = re.compile(r"\d+(?:\.\d+)?")

# Spreadsheets (Excel, WPS) store a date as the days since 1899-12-30; a 时效 value of 36526–54788 is such a date of
# 2000–2049 that lost its format on export ("项目财政资金到位时间 | =44,561" is 2021-12-31).
_SERIAL_EPOCH, _SERIAL_FIRST, _SERIAL_LAST = date(1899, 12, 30), 36526, 54788


def _spreadsheet_date(number: float) -> date | None:
    if not number.is_integer() or not _SERIAL_FIRST <= number <= _SERIAL_LAST:
        return None
    return _SERIAL_EPOCH + timedelta(days=int(number))


def _looks_like_year(number: float) -> bool:
    return number.is_integer() and 1990 <= number <= 2100
