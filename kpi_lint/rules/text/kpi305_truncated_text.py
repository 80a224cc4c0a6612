"""KPI305 truncated-text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.han import HAN_END
from kpi_lint.model import Document, Form, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._periods import paired_rows
from kpi_lint.rules.text._cut_width import MIN_CUT_NAMES, ColumnWidths, ends_complete, ends_with_word, function_word_end
from kpi_lint.rules.text._text import clean_cut, squashed

__all__ = ["TruncatedText", "ends_with_word"]

_LABELS = {
    "level3": "三级指标",
    "value": "指标值",
    "adjusted_value": "调整后指标值",
    "actual": "实际完成值",
    "description": "绩效指标描述",
}
# An extension that only adds a bracketed unit ("参保率" → "参保率（%）") is not a cut.
_BRACKET_START = ("(", "（", "[", "【")


class TruncatedText(Rule):
    """单元格文字明显被截断：一个期间的文字是另一个期间的真前缀，或断在词的中间。

    默认级别：警告 warning。

    **做什么**

    以下情况报告单元格被截断：

    * 申报表中，同一指标行（同一二级指标、名称按前缀配对）的实施期与年度单元格只差在一个是另一个的真前缀
      （"贫困人口参保县"与"贫困人口参保县级财政补"）；
    * 自评表中，年初指标值是调整后指标值的真前缀（"按救助金额的"与"按救助金额的6%"）；
    * 单元格以不能结束短语的连接词结尾（``dangling_endings``：的 和 及 与 或 、 ，），如"城乡居民就医补助工作的"。

    较短的文字至少 ``min_length``（默认 5）个字；只多出括号单位的不算，因此普通短名称（"参保率"与"参保率（%）"）不报告。
    原文停在其中的那一格（``Project.cut_cell``，摘录的截断）不报告：截断的是摘录，不是单位填的表，KPI000 已点出这一格。

    **为什么不好**

    被截断的名称或值不具体、不可衡量（财预〔2015〕88号）：读者不知道"贫困人口参保县"衡量什么，同一截断名称出现在
    几行时这些行也无法区分（KPI301）。截断来自申报系统的定宽单元格，往往不被发现地进入公开的表格。

    **示例**（001，建档立卡参保人员县级补助，质量指标）::

        实施期 贫困人口参保县级财政补  100%    年度 贫困人口参保县  100%

    **改为**：两栏都写全名称::

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
        if field != "level3" and not HAN_END.search(short):
            # ">437112" beside ">437112人" lacks a unit (KPI103), "100" beside "1000" is another number:
            # only a value cut inside its words is a truncation.
            return False
        return long.startswith(short) and not long[len(short) :].startswith(_BRACKET_START)

    def _prefix_cuts(self, project: Project) -> Iterator[tuple[Indicator, str, Indicator, str]]:
        """(indicator, field, the row printing the fuller text, where that text is printed)."""
        if project.form is Form.DECLARATION:
            for left, right in paired_rows(project):
                for field in ("level3", "value"):
                    a, b = clean_cut(getattr(left, field)), clean_cut(getattr(right, field))
                    if self._cut_prefix(a, b, field):
                        yield left, field, right, f"{right.period}同一行"
                    elif self._cut_prefix(b, a, field):
                        yield right, field, left, f"{left.period}同一行"
        for ind in project.indicators:
            if ind.adjusted_value and self._cut_prefix(clean_cut(ind.value), clean_cut(ind.adjusted_value), "value"):
                yield ind, "adjusted_value", ind, "调整后指标值"

    def check_document(self, doc: Document) -> Iterator[Finding]:
        widths = ColumnWidths(doc, self.lexicon)  # once per document: the width is the whole column's
        for project in doc.projects:
            yield from self._check(project, doc, widths)

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        yield from self._check(project, doc, ColumnWidths(doc, self.lexicon))

    def _cut_too(self, project: Project, other: Indicator, field: str, widths: ColumnWidths) -> int | None:
        """The fixed width at which the fuller 三级指标 was cut too (`cut_widths`): it stops at its column's width,
        inside a word ("城乡居民县级财政补助参" in 001's 实施期 column, cut at 11 characters); None when it may be whole
        ("参保人员对医保服务的满意度": a long name in a column with no fixed width)."""
        if field != "level3":
            return None
        width = widths.of(project.form, other.period)
        name = clean_cut(other.level3)
        if width is None or len(name) != width or ends_complete(name, self.lexicon):
            return None
        return width

    def _end(self, name: str) -> str:
        """What the unfinished end of a name is: a word cut in two ("…财政补助参": 断在词中), or a whole function word
        that cannot end a phrase ("…补助工作的": jieba reads 的 as a word, so the cut is mid-phrase, not mid-word)."""
        word = function_word_end(clean_cut(name), str(self.opts["dangling_endings"]))
        if word is None:
            return "断在词中"
        return f"断在短语中（停在虚词“{word}”上）" if HAN_END.search(word) else f"断在短语中（停在“{word}”上）"

    def _column_end(self, names: list[str]) -> str:
        """How the column's unfinished names end, for the message: "断在词中" when enough of them (MIN_CUT_NAMES, what
        makes the column read as cut) stop inside a word, else "断在词中或短语中" (some stop on 的, 和 …)."""
        inside = sum(self._end(n) == "断在词中" for n in names)
        return "断在词中" if inside >= MIN_CUT_NAMES else "断在词中或短语中"

    def _check(self, project: Project, doc: Document, widths: ColumnWidths) -> Iterator[Finding]:
        reported: set[tuple[int, str]] = set()
        for ind, field, other, where in self._prefix_cuts(project):
            short = "value" if field == "adjusted_value" else field
            if (id(ind), short) in reported or project.cut_in(ind, short):
                continue  # the cell the text stops inside was cut by the excerpt, not by the department (KPI000)
            reported.add((id(ind), short))
            text, fuller = getattr(ind, short), getattr(other, field).strip()
            label = _LABELS[short] + (f"（{ind.period}）" if ind.period else "")
            width = self._cut_too(project, other, field, widths)
            if width is not None:
                # Both cells stop at their column's width: neither is the name, so none is offered
                column = self._column_end(widths.cut_names(project.form, other.period))
                message = (
                    f"{label}“{text}”被截断：{where}的“{fuller}”也不完整——本文件{other.period}一栏最长的名称都停在"
                    f"{width}个字，且多个{column}（按定宽截断），它正好{width}个字、{self._end(fuller)}。"
                    "请补全两处单元格，写出同一个完整的名称。"
                )
                yield self.finding(doc, message, project=project, indicator=ind, span=short)
                continue
            message = f"{label}“{text}”被截断：{where}为“{fuller}”。请补全单元格，两处写出同一个完整的名称或指标值。"
            yield self.finding(doc, message, project=project, indicator=ind, span=short, suggestion=fuller)
        endings = str(self.opts["dangling_endings"])
        for ind in project.indicators:
            for field, label in _LABELS.items():
                text = squashed(getattr(ind, field))
                if (id(ind), field) in reported or len(text) < 2 or text[-1] not in endings:
                    continue  # (a lone "," is a stray separator, not a cut text)
                if project.cut_in(ind, field):
                    continue  # "…工作的" where the text stops: the excerpt's cut, which KPI000 reports
                if ends_with_word(text):
                    continue  # "不涉及", "基本普及", "群众参与": the last character belongs to a word
                reported.add((id(ind), field))
                message = (
                    f"{label}“{getattr(ind, field)}”以“{text[-1]}”结尾，文字被截断。"
                    f"请补全单元格，写出完整的名称或指标值，如“按救助金额的6%”。"
                )
                yield self.finding(doc, message, project=project, indicator=ind, span=field)
