"""KPI105 implausible-target."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.common import squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency.kpi402_process_as_result import names_process_measure
from kpi_lint.rules.context import PEERS
from kpi_lint.rules.target.common import may_exceed_100, name_cues, reverse_rate

if TYPE_CHECKING:  # the peer index pulls in scikit-learn; the rules only call it
    from kpi_lint.cluster.peers import PeerIndex


class ImplausibleTarget(Rule):
    """目标值不合常理：满意度低于下限、比率超过 100%、"≥100%"，或与同类项目相差太远。

    默认级别：警告 warning；比率超过 100% 为错误 error；"≥100%"和与其他县同类项目差距过大为提示 info。

    **做什么**

    - 满意度目标低于 ``satisfaction_floor``（默认 80%）；
    - 百分比超过 100%（或"> 100%"），增长率类指标除外（``lexicons/name_units.txt`` 中标为 ``可超100%``）；
      "2" 后跟 50–100 的百分比（"290%"）多半是扫描件或网页转文字把"≥90%"的"≥"认成了"2"，消息提示这一可能，建议"≥90%"；
    - 比率写成"≥100%"：任何比率都不能超过 100%，目标应为"=100%"；满意度写成"≥100%"，建议按调查能达到的水平
      （同类指标索引里其他单位的中位数，在下限与 100% 之间时；否则 90%）；名称不是比率的（没有率、度、比例、占比
      一类的计量："促进学校教育事业健康发展 ≧100%"），百分比本身衡量不了它，不建议"=100%"，要求换成可衡量的指标；
      越低越好的比率（``lexicons/ceiling_rates.txt``：名称里有“逾期”“投诉率”“差错率”……）写成"≥100%"是方向写反了，
      报为警告，建议"=0%"；以 ``lexicons/floor_rates.txt`` 的词结尾的控制率（“血压控制率”“疫情控制率”）
      越高越好，不算写反；
    - 有同类指标索引（``kpi_lint.cluster``）时：与可比项目同一指标相比明显离群的值，并给出同类的中位数和范围。
      预算过程指标（KPI402 的 ``lexicons/process_measures.txt``：预算执行率、资金到位率……）不与同类相比：预算执行
      在自评中另行打分，不是项目自己的绩效目标。建议值先经本目录的取值检查（kpi_lint.rules.fitting）：同类中位数
      100% 给“=100%”，不给“≥100%”。
      不能超过 100% 的比率只与同类中可能的目标相比：同类里超过 100% 的值（读错的格，如粘连的“满意度调查290%”，或笔误）
      不算作同类的目标，不进范围和中位数。

    **为什么不好**

    财预〔2015〕88号审核目标的适当性和可行性；财预〔2021〕101号要求指标值以计划、行业或历史标准为依据。
    满意度目标定为 70%，低于调查通常能达到的水平；比率超过 100% 不可能实现，"≥100%"承诺的比"全部"还多。

    **示例**（000，城乡医疗救助县级配套；002，2023年中央财政医疗救助补助资金——其他县同类项目定为 90–95%）::

        质量指标 | 城乡医疗救助对象参保率 | ≥100%
        满意度指标 | 政策知晓率 | ≥80%

    **改为**::

        质量指标 | 城乡医疗救助对象参保率 | =100%
        满意度指标 | 政策知晓率 | ≥90%

    每一项检查都要求数字后印着单位（%，或"元/人"这样的单价）：原文停在指标值这一格中的（``Project.cut_cell``），数字
    后已读到单位的（"≥95%"）数字是完整的，照常检查；停在数字之后的（b02 满意度 ">=9"，多半是 ">=90%"）没有单位，
    本来就不检查，也不进同类的范围和中位数。

    选项：``satisfaction_floor``（80）。
    """

    code = "KPI105"
    name = "implausible-target"
    title_zh = "目标值不合常理"
    penalty = Penalty(Dimension.RELEVANCE, 3, 12)
    severity = Severity.WARNING
    family = "target"
    suggests_value = True
    uses = frozenset({PEERS})
    uses_peers = True
    options: ClassVar[dict[str, Any]] = {"satisfaction_floor": 80.0}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        peers = self.context.extras.get(PEERS)
        floor = float(self.opts["satisfaction_floor"])
        for ind, parsed in self.readings.filled_targets(project):
            number = parsed.number
            value = (ind.value or "").strip()
            if parsed.kind == "percent" and number is not None:
                top = parsed.number_high if parsed.number_high is not None else number
                over = top > 100 or (top >= 100 and parsed.comparator == ">")
                if over and not may_exceed_100(ind.level3, cues):
                    sign = _sign_read_as_two(value)
                    misread = (
                        f"若原表写的是“≥{sign}%”，是“≥”被识别成了“2”（扫描件或网页转文字常见），请按原表改正；"
                        if sign
                        else ""
                    )
                    yield self.finding(
                        doc,
                        f"比率目标“{value}”超过了 100%，不可能实现；{misread}完成率、覆盖率一类指标的上限是 100%。",
                        project=project,
                        indicator=ind,
                        span="value",
                        severity=Severity.ERROR,
                        suggestion=f"≥{sign}%" if sign else "=100%",
                    )
                    continue
                if top == 100 and parsed.comparator == "≥" and reverse_rate(ind.level3, self.lexicon):
                    yield self.finding(
                        doc,
                        f"“{ind.level3}”是越低越好的比率，“{value}”把方向写反了：目标应是上限，"
                        "如“=0%”（或按测算写“≤N%”），而不是“≥100%”。",
                        project=project,
                        indicator=ind,
                        span="value",
                        suggestion="=0%",
                    )
                    continue
                if top == 100 and parsed.comparator == "≥":
                    yield self._at_least_all(doc, project, ind, value, peers, floor)
                    continue
                satisfaction = SATISFACTION_WORD in squash(ind.level3 or "")
                if satisfaction and parsed.comparator in ("≥", ">", "=", None) and number < floor:
                    yield self.finding(
                        doc,
                        f"满意度目标“{value}”低于 {floor:g}%：目标定得过低，起不到约束作用；"
                        f"服务对象满意度一般不低于 {floor:g}%（常见为 ≥{SURVEYED_DEFAULT:g}%）。",
                        project=project,
                        indicator=ind,
                        span="value",
                        suggestion=f"≥{max(floor, SURVEYED_DEFAULT):g}%",
                    )
                    continue
            if peers is not None and not names_process_measure(ind.level3, self.lexicon):
                # Budget-process measures (KPI402's lexicon: 预算执行率, 资金到位率) are no target of the project's own:
                # 预算执行 is scored apart in a self-evaluation (财预〔2020〕10号): no peer calls it "too loose".
                # A rate that cannot exceed 100% is compared with the peers' possible targets only.
                rate = parsed.kind == "percent" and not may_exceed_100(ind.level3, cues)
                finding = self._peer_outlier(doc, project, ind, peers, cap=100.0 if rate else None)
                if finding:
                    yield finding

    def _at_least_all(
        self, doc: Document, project: Project, ind: Indicator, value: str, peers: PeerIndex | None, floor: float
    ) -> Finding:
        """ "≥100%": for a rate, "=100%" written long; for a satisfaction, a level no survey reaches (a surveyed level
        is suggested: `_surveyed_level`); for a name that is no rate at all ("促进学校教育事业健康发展"), a percentage
        that measures nothing — "=100%" would be as unverifiable, so a measurable indicator is asked for."""
        name = ind.level3 or ""
        if SATISFACTION_WORD in squash(name):
            level, basis = self._surveyed_level(ind, peers, floor)
            message = (
                f"“{value}”：满意度不可能超过 100%，而 100% 的满意度也不现实；"
                f"应按调查测算写一个能达到的水平，如“≥{level:g}%”（{basis}）。"
            )
            suggestion: str | None = f"≥{level:g}%"
        elif self.readings.expected_unit(name) != "%":
            message = (
                f"“{value}”：“{name}”不是比率（名称里没有率、度、比例、占比这类计量），百分比衡量不了它，"
                "改成“=100%”也一样无法核查；应换成可衡量的指标，写明计量什么（人数、次数、金额、比率）及其目标值。"
            )
            suggestion = None
        else:
            message = f"“{value}”：比率不可能超过 100%，“≥100%”实际就是“=100%”，应直接写“=100%”。"
            suggestion = "=100%"
        return self.finding(
            doc,
            message,
            project=project,
            indicator=ind,
            span="value",
            severity=Severity.INFO,
            suggestion=suggestion,
        )

    def _surveyed_level(self, ind: Indicator, peers: PeerIndex | None, floor: float) -> tuple[float, str]:
        """The satisfaction level to suggest in place of "≥100%": the median of what other units set for the same
        indicator when the peer index has one at or above the floor and below 100 (a 100% median is the very
        target in question), else the documented default, the floor or 90% whichever is higher (the level the
        floor message cites as common)."""
        usual = peers.usual_level(ind, cap=100.0) if peers is not None else None
        if usual is not None and floor <= usual[0] < 100:
            return usual[0], f"同类 {usual[1]} 个项目的中位数"
        return max(floor, SURVEYED_DEFAULT), "满意度目标的常见水平"

    def _peer_outlier(
        self, doc: Document, project: Project, ind: Indicator, peers: PeerIndex, *, cap: float | None = None
    ) -> Finding | None:
        """The peer index's verdict (kpi_lint.cluster.peers.PeerIndex.outlier), as an info finding; a peer target
        above `cap` (290% for a satisfaction: a misread cell) is no benchmark."""
        result = peers.outlier(ind, cap=cap)
        if result is None:
            return None
        message = f"{result.message}。目标可能定得过松，请核实测算依据。"
        explain = (
            f"同类指标：{result.peer_count} 个项目、{result.peer_units} 个其他单位；"
            f"最低 {result.peer_min:g}{result.unit}，中位数 {result.peer_median:g}{result.unit}，"
            f"最高 {result.peer_max:g}{result.unit}；本项目 {result.value:g}{result.unit}"
        )
        return self.finding(
            doc,
            message,
            project=project,
            indicator=ind,
            span="value",
            severity=Severity.INFO,
            suggestion=f"≥{result.peer_median:g}%" if result.unit == "%" and _at_least(ind) else None,
            explain=explain,
        )


SATISFACTION_WORD = "满意"  # a name holding it is a satisfaction (满意度, 满意率), as the floor check reads it
SURVEYED_DEFAULT = 90.0  # the satisfaction level suggested without peers: "常见为 ≥90%", as the floor message says

# "290%" where "≥90%" was printed: OCR and preview text turn "≥" into "2" (e02 "市民满意度调查290%", j07 "290$").
_TWO_FOR_SIGN = re.compile(r"2(\d{2}(?:\.\d+)?)\s*[%％]")


def _sign_read_as_two(value: str) -> str | None:
    """The rate a percentage above 100% reads as when its leading "2" is a misread "≥" ("290%" → "90"), if one
    from 50 to 100 (what such targets are); None otherwise ("150%", "2000%")."""
    m = _TWO_FOR_SIGN.fullmatch(value.strip())
    return m.group(1) if m and 50 <= float(m.group(1)) <= 100 else None


def _at_least(ind: Indicator) -> bool:
    """A lower-bound target ("≥90%", "90%"), whose peer median is a target of the same form."""
    return ind.parsed is not None and ind.parsed.comparator in ("≥", ">", "=", None)
