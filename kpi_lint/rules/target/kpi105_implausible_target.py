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
    - 比率写成"≥100%"：任何比率都不能超过 100%，目标应为"=100%"；
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
                    yield self.finding(
                        doc,
                        f"“{value}”：比率不可能超过 100%，“≥100%”实际就是“=100%”，应直接写“=100%”。",
                        project=project,
                        indicator=ind,
                        span="value",
                        severity=Severity.INFO,
                        suggestion="=100%",
                    )
                    continue
                if "满意" in squash(ind.level3 or "") and parsed.comparator in ("≥", ">", "=", None) and number < floor:
                    yield self.finding(
                        doc,
                        f"满意度目标“{value}”低于 {floor:g}%：目标定得过低，起不到约束作用；"
                        f"服务对象满意度一般不低于 {floor:g}%（常见为 ≥90%）。",
                        project=project,
                        indicator=ind,
                        span="value",
                        suggestion=f"≥{max(floor, 90.0):g}%",
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
