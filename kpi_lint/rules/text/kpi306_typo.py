"""KPI306 typo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import TextCell, project_cells, snippet, squashed


class Typo(Rule):
    """已知的错别字（日标→目标、应教尽教→应救尽救、就否→是否、白2022→自2022、咨助→资助）。

    默认级别：警告 warning。

    **做什么**

    在项目的每个文字单元格中查找 ``lexicons/typos.txt`` 的每一对"错 → 对"：项目名称、项目概况等文字项、总体目标，
    以及每个指标的名称、值、描述、依据、实际完成值和偏差原因。忽略单元格内的空白（PDF 换行会把词拆开）。
    发现项指向该单元格并引用原文，``suggestion`` 给出改正后的文字（单元格短时为整格，否则为改正的片段）。

    **为什么不好**

    这些表格是签发公开的。识别和输入法造成的错字会改变意思（"应教尽教"是教育口号，这里的指标是"应救尽救"，
    即应救助的人都得到救助），也使跨年度、跨地区比较时搜不到该指标（财预〔2021〕101号要求指标体系一致）。
    审核人可以直接扩充 ``typos.txt``，无需改代码。

    **示例**（004，城乡医疗救助本级补助，质量指标）::

        应教尽教率  =100%

    **改为**::

        应救尽救率  =100%
    """

    code = "KPI306"
    name = "typo"
    title_zh = "错别字"
    penalty = Penalty(Dimension.COMPLETENESS, 1, 5)
    severity = Severity.WARNING
    family = "text"
    options: ClassVar[dict[str, Any]] = {"whole_cell_up_to": 40}

    def _findings(self, doc: Document, project: Project, cell: TextCell) -> Iterator[Finding]:
        text = squashed(cell.text)
        if not _any_typo(self.lexicon.typos).search(text):
            return  # most cells hold none: one regex pass instead of a find per typo
        for wrong, folded, right in _folded(self.lexicon.typos):
            index = text.find(folded)
            if not wrong or index < 0:
                continue
            fixed = text.replace(folded, right)
            if len(fixed) <= int(self.opts["whole_cell_up_to"]):
                suggestion = fixed
            else:
                suggestion = snippet(fixed, index, len(right))
            where = f"{cell.label}“{snippet(text, index, len(wrong))}”"
            message = f"{where}中的“{wrong}”应为“{right}”（常见的识别或录入错误）。请改正后再公开。"
            ind = cell.indicator
            yield self.finding(
                # The cell start: parsers join wrapped lines, so an offset inside the text is no column.
                doc,
                message,
                project=project,
                indicator=ind,
                at=cell,
                suggestion=suggestion,
                period=cell.period,
            )

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        for cell in project_cells(project):
            yield from self._findings(doc, project, cell)


@lru_cache(maxsize=4)
def _folded(typos: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """(wrong, wrong as the cells are folded, right): each typo folded once per run, not once per cell."""
    return tuple((wrong, fold(wrong), right) for wrong, right in typos)


@lru_cache(maxsize=4)
def _any_typo(typos: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """Matches a cell holding any typo of `typos` (as folded): the cells with none are passed over at once."""
    words = [folded for wrong, folded, _ in _folded(typos) if wrong]
    return re.compile("|".join(re.escape(w) for w in words) if words else "(?!)")
