"""KPI501 score-inflation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Indicator, ParsedValue, Project
from kpi_lint.parse.values import base_unit, parse_value, scaled
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.self_evaluation._scores import fmt
from kpi_lint.rules.target.common import ceiling_rate, figure_cut, name_unit
from kpi_lint.vocab import COST_LEVEL2

_COMPARABLE = ("count", "percent", "money", "number")
# A figure that opens with a Latin letter ("M.8万元" for 14.8万元, "l0" for 10): a digit the OCR misread, so the
# parsed number is not the printed one. Units in Latin letters come after the figure ("5kg"), not before it.
_MISREAD_FIGURE = re.compile(r"^[^\w]*[A-Za-z]+[.．]?\d")


def misread_figure(text: str | None) -> bool:
    """The cell's figure opens with Latin letters where digits belong: its number cannot be trusted."""
    return bool(text) and _MISREAD_FIGURE.match((text or "").strip()) is not None


def attainment(target: ParsedValue, actual: ParsedValue, tolerance: float, ceiling: bool = False) -> float | None:
    """Share of the target the actual reaches (1.0 = met), or None when they cannot be compared.

    Both must be numbers in the same base unit ("2万份" and "0.71万份", "≥437112人" and "266901人").
    A ≥ / > target is met from above, a ≤ / < target from below; "=" must be hit. A target printed
    without a comparator is a level to reach ("成活率 95%" is met by 100%), or, for a cost
    (`ceiling`), a level not to exceed.
    """
    if target.kind not in _COMPARABLE or actual.kind not in _COMPARABLE:
        return None
    t, a = scaled(target), scaled(actual)
    if t is None or a is None or base_unit(target) != base_unit(actual) or t <= 0 or a < 0:
        return None
    comparator = target.comparator or ("≤" if ceiling else "≥")
    slack = tolerance * max(1.0, abs(t))
    if comparator in "≥>":
        return 1.0 if a >= t - slack else a / t
    if comparator in "≤<":
        return 1.0 if a <= t + slack else (t / a if a else 0.0)
    if abs(a - t) <= slack:
        return 1.0
    return min(a, t) / max(a, t)


class ScoreInflation(Rule):
    """实际完成值未达到目标，得分却是满分。

    默认级别：错误 error。

    **做什么**

    对自评表中得分等于分值的每一行，把实际完成值与目标（调整后指标值，没有则为年初指标值）换算到同一基本单位后
    比较（"≥2万份"与"≥0.71万份"都以份计），并遵从比较符：≥ 目标要实际更高，≤ 目标（"享受待遇人数 ≤35人"）要实际
    更低，= 目标须达到（相对误差 ``tolerance``，默认 0.001 以内）；没有比较符的目标是要达到的水平（"成活率 95%"
    实际 100% 即达到），成本指标下、以及名称是越低越好的比率时（``lexicons/ceiling_rates.txt``："公用经费控制率
    100%" 实际 97%、"差错率"、"投诉率"）则是不得超过的水平——但以 ``lexicons/floor_rates.txt`` 的词结尾的控制率
    （"高血压患者血压控制率"、"疫情控制率"：得到控制的比例）越高越好，仍是要达到的水平。无法比较的行（日期、短语、单位不同）跳过；数字前粘着拉丁
    字母的值（OCR 把"14.8万元"认成"M.8万元"）读出的数不是印出的数，也跳过。目标和实际都是不带单位的裸数字、
    名称也看不出计量单位时（"配套烘干杀菌设备及包装设备购置及安装 | 550 | 20"：550 是总体目标中的 550万元投资，
    20 是另一种量），两个数是否同一口径无从判断，也跳过——缺单位由 KPI103 报告。原文停在分值或得分这一格中、
    停在数字之后的（``Project.cut_cell``："1" 可能是 "10"）跳过：是不是满分无从判断。
    ``suggestion`` 给出按比例的得分。

    **为什么不好**

    财预〔2020〕10号：未完成的指标按完成程度比例打分，而不是满分。未达标却给满分会抬高总分和等级，自评也就看不出
    项目哪里没做到。

    **示例**（004，城乡居民医疗保险工作经费）::

        宣传资料印刷份数  ≥2万份  ≥2万份  ≥0.71万份  分值 5  得分 5

    **改为**：按比例打分（0.71 / 2 × 5 ≈ 1.78），或说明调整后的目标::

        宣传资料印刷份数  ≥2万份  ≥2万份  ≥0.71万份  分值 5  得分 1.78
    """

    code = "KPI501"
    name = "score-inflation"
    title_zh = "自评得分虚高"
    penalty = Penalty(Dimension.CONSISTENCY, 8, 24)
    severity = Severity.ERROR
    family = "self_evaluation"
    options: ClassVar[dict[str, Any]] = {"tolerance": 0.001}

    def _missed(self, ind: Indicator) -> float | None:
        """The attainment of a fully scored row that misses its target, else None."""
        if ind.weight is None or ind.score is None or ind.weight <= 0 or ind.score < ind.weight - 1e-9:
            return None
        target_text = ind.adjusted_value or ind.value
        if not target_text or not ind.actual:
            return None
        if misread_figure(target_text) or misread_figure(ind.actual):
            return None  # "M.8万元" (OCR for 14.8万元): comparing the misread number would blame the department
        target, actual = parse_value(target_text), parse_value(ind.actual)
        if self._bare_figures(ind, target, actual):
            return None  # "配套…设备购置及安装 | 550 | 20": no unit anywhere, so no sign the two measure one thing
        share = attainment(
            target,
            actual,
            float(self.opts["tolerance"]),
            ceiling=ind.level2 in COST_LEVEL2 or self._ceiling_rate(ind),
        )
        return share if share is not None and share < 1.0 else None

    def _bare_figures(self, ind: Indicator, target: ParsedValue, actual: ParsedValue) -> bool:
        """Target and actual are bare figures ("550", "20") and the name calls for no unit: nothing says they are
        counted in one unit (d06 prints 550 for the 550万元 its goal invests, 20 for some other count). The
        missing unit is KPI103's finding; a ratio of two figures of unknown kinds is no measured shortfall."""
        if target.kind != "number" or actual.kind != "number" or target.unit or actual.unit:
            return False
        return name_unit(ind.level3) is None and self.readings.expected_unit(ind.level3) is None

    def _ceiling_rate(self, ind: Indicator) -> bool:
        """The name, its closing bracket ("(%)") left aside, ends with a rate where lower is better ("公用经费控制率",
        "差错率"): its target is a level not to exceed."""
        return ceiling_rate(ind.level3, self.lexicon)

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        for ind in project.indicators:
            if figure_cut(ind, project, "weight") or figure_cut(ind, project, "score"):
                continue  # a 分值 or 得分 the text stops inside ("1" of "10"): full marks or not is unknown
            share = self._missed(ind)
            if share is None or ind.weight is None:
                continue
            fair = ind.weight * share
            message = (
                f"“{ind.level3}”实际完成值“{ind.actual}”未达到指标值“{ind.adjusted_value or ind.value}”"
                f"（完成约 {share:.0%}），却得满分 {fmt(ind.score or 0)}/{fmt(ind.weight)}。"
                f"未完成的指标应按完成比例计分，约 {fmt(fair, 2)} 分；或在偏差原因中说明并依规调整指标值。"
            )
            yield self.finding(
                doc,
                message,
                project=project,
                indicator=ind,
                span="score",
                suggestion=fmt(fair, 2),
                explain=f"完成比例 {share:.4f} × 分值 {fmt(ind.weight)} = {fair:.2f}",
            )
