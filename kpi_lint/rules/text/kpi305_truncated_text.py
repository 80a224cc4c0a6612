"""KPI305 truncated-text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from kpi_lint.model import Document, Form, Indicator, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.consistency._periods import paired_rows
from kpi_lint.rules.text._text import clean_cut, squashed

if TYPE_CHECKING:
    import jieba

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


def _segmenter() -> jieba.Tokenizer:
    # Imported on first use: most documents have no cell ending in 的/和/及, and the catalog loads light.
    from kpi_lint.segment import plain_tokenizer

    return plain_tokenizer()


def ends_with_word(text: str) -> bool:
    """The text's last character is the end of a word of two or more characters (jieba's dictionary):
    "不涉及" ends in 涉及, "普及" is a word; "…补助和" and "…标准的" end in a particle left dangling."""
    tokens = _segmenter().lcut(text[-8:])
    return bool(tokens) and len(tokens[-1]) >= 2


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
            if (id(ind), field) in reported or project.cut_in(ind, field):
                continue  # the cell the text stops inside was cut by the excerpt, not by the department (KPI000)
            reported.add((id(ind), field))
            text = getattr(ind, field)
            label = _LABELS[field] + (f"（{ind.period}）" if ind.period else "")
            message = (
                f"{label}“{text}”被截断：{where}为“{fuller.strip()}”。请补全单元格，两处写出同一个完整的名称或指标值。"
            )
            yield self.finding(doc, message, project=project, indicator=ind, span=field, suggestion=fuller.strip())
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
