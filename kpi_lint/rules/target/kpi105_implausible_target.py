"""KPI105 implausible-target."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.common import squash
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import PEERS
from kpi_lint.rules.target.common import filled_targets, may_exceed_100, name_cues

if TYPE_CHECKING:  # the peer index pulls in scikit-learn; the rules only call it
    from kpi_lint.cluster.peers import PeerIndex


class ImplausibleTarget(Rule):
    """The target cannot be right: satisfaction below the floor, a rate above 100 %, "≥100%", or far off its peers.

    Default severity: warning — error for a rate above 100 %, info for "≥100%"
    and for a value far from what comparable projects of other counties set.

    **What it does**

    - a satisfaction (满意度) target below ``satisfaction_floor`` (default 80 %);
    - a percentage above 100 % (or "> 100%"), unless the indicator is a growth
      rate (``可超100%`` in ``lexicons/name_units.txt``);
    - a rate written "≥100%": nothing can exceed 100 %, so the target is "=100%";
    - with the peer index (``kpi_lint.cluster``): a value that is an outlier among
      the same indicator of comparable projects, with the peers' median and range.

    **Why is this bad?**

    财预〔2015〕88号 reviews targets for appropriateness (适当性) and feasibility
    (可行性); 财预〔2021〕101号 asks for values grounded in plan, industry or
    historical standards.  A satisfaction target of 70 % sets the bar below what
    a survey routinely yields; a rate above 100 % is impossible and "≥100%"
    promises more than everything.

    **Example** (000, 城乡医疗救助县级配套; 002, 2023年中央财政医疗救助补助资金 — its
    peers in other counties set 90–95 %)::

        质量指标 | 城乡医疗救助对象参保率 | ≥100%
        满意度指标 | 政策知晓率 | ≥80%

    **Use instead**::

        质量指标 | 城乡医疗救助对象参保率 | =100%
        满意度指标 | 政策知晓率 | ≥90%

    Options: ``satisfaction_floor`` (80).
    """

    code = "KPI105"
    name = "implausible-target"
    title_zh = "目标值不合常理"
    penalty = Penalty(Dimension.RELEVANCE, 3, 12)
    severity = Severity.WARNING
    family = "target"
    options: ClassVar[dict[str, Any]] = {"satisfaction_floor": 80.0}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        peers = self.context.extras.get(PEERS)
        floor = float(self.opts["satisfaction_floor"])
        for ind, parsed in filled_targets(project, self.lexicon):
            number = parsed.number
            value = (ind.value or "").strip()
            if parsed.kind == "percent" and number is not None:
                top = parsed.number_high if parsed.number_high is not None else number
                over = top > 100 or (top >= 100 and parsed.comparator == ">")
                if over and not may_exceed_100(ind.level3, cues):
                    yield self.finding(
                        doc,
                        f"比率目标“{value}”超过了 100%，不可能实现；完成率、覆盖率一类指标的上限是 100%。",
                        project=project, indicator=ind, span="value", severity=Severity.ERROR, suggestion="=100%",
                    )
                    continue
                if top == 100 and parsed.comparator == "≥":
                    yield self.finding(
                        doc,
                        f"“{value}”：比率不可能超过 100%，“≥100%”实际就是“=100%”，应直接写“=100%”。",
                        project=project, indicator=ind, span="value", severity=Severity.INFO, suggestion="=100%",
                    )
                    continue
                if "满意" in squash(ind.level3 or "") and parsed.comparator in ("≥", ">", "=", None) and number < floor:
                    yield self.finding(
                        doc,
                        f"满意度目标“{value}”低于 {floor:g}%：目标定得过低，起不到约束作用；"
                        f"服务对象满意度一般不低于 {floor:g}%（常见为 ≥90%）。",
                        project=project, indicator=ind, span="value", suggestion=f"≥{max(floor, 90.0):g}%",
                    )
                    continue
            if peers is not None:
                finding = self._peer_outlier(doc, project, ind, peers)
                if finding:
                    yield finding

    def _peer_outlier(self, doc: Document, project: Project, ind: Indicator, peers: PeerIndex) -> Finding | None:
        """The peer index's verdict (kpi_lint.cluster.peers.PeerIndex.outlier), as an info finding."""
        result = peers.outlier(ind)
        if result is None:
            return None
        message = f"{result.message}。目标可能定得过松，请核实测算依据。"
        explain = (
            f"同类指标：{result.peer_count} 个项目、{result.peer_units} 个其他单位；"
            f"最低 {result.peer_min:g}{result.unit}，中位数 {result.peer_median:g}{result.unit}，"
            f"最高 {result.peer_max:g}{result.unit}；本项目 {result.value:g}{result.unit}"
        )
        return self.finding(
            doc, message, project=project, indicator=ind, span="value", severity=Severity.INFO,
            suggestion=f"≥{result.peer_median:g}%" if result.unit == "%" and _at_least(ind) else None, explain=explain,
        )


def _at_least(ind: Indicator) -> bool:
    """A lower-bound target ("≥90%", "90%"), whose peer median is a target of the same form."""
    return ind.parsed is not None and ind.parsed.comparator in ("≥", ">", "=", None)
