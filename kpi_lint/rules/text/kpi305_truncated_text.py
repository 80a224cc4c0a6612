"""KPI305 truncated-text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Form, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._periods import paired_rows
from kpi_lint.rules.text._text import clean_cut, squashed

_LABELS = {
    "level3": "三级指标",
    "value": "指标值",
    "adjusted_value": "调整后指标值",
    "actual": "实际完成值",
    "description": "绩效指标描述",
}
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
# An extension that only adds a bracketed unit ("参保率" → "参保率（%）") is not a cut.
_BRACKET_START = ("(", "（", "[", "【")


class TruncatedText(Rule):
    """A cell is visibly cut: one period's text is a strict prefix of the other's, or it ends mid-word.

    Severity: warning.

    What it does
        Reports a cell as cut when

        * in a 申报表, the 实施期 and 年度 cells of the same indicator row (same
          二级指标, names paired by prefix) differ only in that one is a strict
          prefix of the other ("贫困人口参保县" vs "贫困人口参保县级财政补");
        * in a 自评表, 年初指标值 is a strict prefix of 调整后指标值 ("按救助金额的" vs
          "按救助金额的6%");
        * a cell ends on a connective that cannot end a phrase (``dangling_endings``:
          的 和 及 与 或 、 ，), e.g. "城乡居民就医补助工作的".

        The shorter text must have at least ``min_length`` (default 5) characters,
        and an extension that only adds a bracketed unit does not count, so ordinary
        short names ("参保率" beside "参保率（%）") are left alone.

    Why is this bad?
        A cut name or value is not specific or measurable (财预〔2015〕88号): the
        reader cannot tell what "贫困人口参保县" measures, and the same cut name on
        several rows makes them indistinguishable (KPI301).  These cuts come from
        fixed-width cells in the reporting system and pass unnoticed into the
        published tables.

    Example
        001 建档立卡参保人员县级补助, 质量指标::

            实施期 贫困人口参保县级财政补  100%    年度 贫困人口参保县  100%

    Use instead
        Write the whole name in both columns::

            实施期 贫困人口参保县级财政补助到位率  100%    年度 贫困人口参保县级财政补助到位率  100%
    """

    code = "KPI305"
    name = "truncated-text"
    title_zh = "文字被截断"
    penalty = Penalty(Dimension.COMPLETENESS, 2, 10)
    severity = Severity.WARNING
    family = "text"
    root_cause = True  # the other rules stay silent on the cut-off indicator
    options: ClassVar[dict[str, Any]] = {"min_length": 5, "dangling_endings": "的和及与或、，,"}

    def _cut_prefix(self, short: str, long: str, field: str) -> bool:
        if len(short) < int(self.opts["min_length"]) or len(long) <= len(short):
            return False
        if field != "level3" and not _CJK_END.search(short):
            # ">437112" beside ">437112人" lacks a unit (KPI103), "100" beside "1000" is another number:
            # only a value cut inside its words is a truncation.
            return False
        return long.startswith(short) and not long[len(short) :].startswith(_BRACKET_START)

    def _prefix_cuts(self, project: Project) -> Iterator[tuple[Indicator, str, str, str]]:
        """(indicator, field, the fuller text, where that text is printed)."""
        if project.form is Form.DECLARATION:
            for left, right in paired_rows(project):
                for field in ("level3", "value"):
                    a, b = clean_cut(getattr(left, field)), clean_cut(getattr(right, field))
                    if self._cut_prefix(a, b, field):
                        yield left, field, getattr(right, field), f"{right.period}同一行"
                    elif self._cut_prefix(b, a, field):
                        yield right, field, getattr(left, field), f"{left.period}同一行"
        for ind in project.indicators:
            if ind.adjusted_value and self._cut_prefix(clean_cut(ind.value), clean_cut(ind.adjusted_value), "value"):
                yield ind, "value", ind.adjusted_value, "调整后指标值"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        reported: set[tuple[int, str]] = set()
        for ind, field, fuller, where in self._prefix_cuts(project):
            if (id(ind), field) in reported:
                continue
            reported.add((id(ind), field))
            text = getattr(ind, field)
            label = _LABELS[field] + (f"（{ind.period}）" if ind.period else "")
            message = (
                f"{label}“{text}”被截断：{where}为“{fuller.strip()}”。请补全单元格，两处写出同一个完整的名称或指标值。"
            )
            yield self.finding(
                doc, message, project=project, indicator=ind, span=field, suggestion=fuller.strip()
            )
        endings = str(self.opts["dangling_endings"])
        for ind in project.indicators:
            for field, label in _LABELS.items():
                text = squashed(getattr(ind, field))
                if (id(ind), field) in reported or not text or text[-1] not in endings:
                    continue
                reported.add((id(ind), field))
                message = (
                    f"{label}“{getattr(ind, field)}”以“{text[-1]}”结尾，文字被截断。"
                    f"请补全单元格，写出完整的名称或指标值，如“按救助金额的6%”。"
                )
                yield self.finding(doc, message, project=project, indicator=ind, span=field)
