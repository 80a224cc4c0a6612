"""KPI104 value-type-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from kpi_lint.model import Document, Indicator, ParsedValue, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import SUGGESTER
from kpi_lint.rules.target.common import (
    COST,
    QUANTITY,
    TIMELINESS,
    UNITLESS,
    NameCues,
    expected_unit,
    filled_targets,
    is_satisfaction,
    name_cues,
    peer_lines,
    target_form,
    words_in,
)

_KIND_NAMES = {
    "count": "计数",
    "percent": "百分比",
    "money": "金额",
    "date": "日期",
    "qualitative": "文字表述",
}


class ValueTypeMismatch(Rule):
    """The value's type does not fit the 二级指标.

    Default severity: warning.

    **What it does**

    Compares the kind of the parsed 指标值 (count, percent, money, date, words)
    with what the 二级指标 calls for:

    - 数量指标 → a count with a unit, not a percentage (unless the indicator name
      itself is a rate, which is KPI404's misfiling);
    - 时效指标 → a date, deadline or period (a timeliness rate such as 及时率 in %
      is accepted);
    - 成本指标 → an amount of money;
    - 满意度 → a survey percentage.

    Bare numbers are left to KPI103 (missing-unit) and vague words to KPI101.

    **Why is this bad?**

    财预〔2021〕101号 says the value fits the indicator: a quantity is a count with a
    unit, a rate is a percentage, a timeliness target names a date or period, a cost
    names money, satisfaction is a survey percentage.  "资助参保人次数 ≥99%" cannot
    be checked against the number of people actually helped; a cost target without
    money cannot be compared with the project's funds (适当性).

    **Example** (002, 2023年中央财政医疗救助补助资金)::

        数量指标 | 资助参保人次数 | ≥99%

    **Use instead**::

        数量指标 | 资助参保人次数 | ≥3500人次
    """

    code = "KPI104"
    name = "value-type-mismatch"
    title_zh = "指标值类型不符"
    penalty = Penalty(Dimension.RELEVANCE, 3, 15)
    severity = Severity.WARNING
    family = "target"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        cues = name_cues(self.lexicon)
        for ind, parsed in filled_targets(project, self.lexicon):
            if parsed.kind in ("number", "empty"):
                continue  # no unit at all: KPI103
            if parsed.kind == "qualitative" and words_in(ind.value or "", self.lexicon.vague_words):
                continue  # no measurable content at all: KPI101
            need = self._expected(ind, parsed, cues)
            if need:
                yield self._finding(doc, project, ind, parsed, need, cues)

    def _expected(self, ind: Indicator, parsed: ParsedValue, cues: NameCues) -> str | None:
        """What the 二级指标 calls for, when the value is not it; else None."""
        unit = expected_unit(ind.level3, cues)
        if ind.level2 == QUANTITY:
            if parsed.kind == "percent" and unit not in ("%", UNITLESS):
                return "数量指标应写具体数量和计量单位（人、次、份……），而不是百分比"
        elif ind.level2 == TIMELINESS:
            if parsed.kind != "date" and not (parsed.kind == "percent" and unit == "%"):
                return "时效指标应写完成日期或期限（如“不晚于6月底”“每季度”）"
        elif ind.level2 == COST:
            if parsed.kind != "money":
                return "成本指标应写金额（元、万元，或“元/人”这样的单价）"
        elif is_satisfaction(ind) and "满意" in (ind.level3 or "") and parsed.kind != "percent":
            return "满意度应写调查得到的百分比（如“≥90%”）"
        return None

    def _finding(
        self, doc: Document, project: Project, ind: Indicator, parsed: ParsedValue, need: str, cues: NameCues
    ) -> Finding:
        kind = _KIND_NAMES.get(parsed.kind, parsed.kind)
        suggestion = target_form(ind, cues, doc.year)
        suggester = self.context.extras.get(SUGGESTER)
        if ind.level2 == COST and suggester is not None:
            examples = peer_lines(suggester, project, doc.path, COST, k=3)
            if examples:
                suggestion = "；".join(examples)
        message = f"“{ind.level3 or ind.level2}”的指标值“{ind.value}”是{kind}，与{ind.level2}不符：{need}。"
        return self.finding(doc, message, project=project, indicator=ind, span="value", suggestion=suggestion)
