"""KPI306 typo."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.read.source import fold
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import TextCell, project_cells, snippet, squashed


class Typo(Rule):
    """A known character confusion (日标→目标, 应教尽教→应救尽救, 就否→是否, 白2022→自2022, 咨助→资助).

    Severity: warning.

    What it does
        Looks for every ``wrong → right`` pair of ``lexicons/typos.txt`` in every
        text cell of a project: its name, 项目概况 and the other narrative fields,
        总体目标, and each indicator's name, value, description, basis, actual and
        deviation.  White space inside the cell is ignored (PDF wrapping splits
        words).  The finding points at the cell, quotes the passage, and
        ``suggestion`` holds the corrected text (the whole cell when short, else the
        corrected passage).

    Why is this bad?
        The tables are published and signed off.  OCR and input-method confusions
        change the meaning ("应教尽教" is an education slogan; the indicator means
        "应救尽救", every eligible person is assisted) and make the indicator
        unsearchable when targets are compared across years and regions
        (财预〔2021〕101号 asks for a consistent indicator system).  Reviewers extend
        the list in ``typos.txt`` without touching code.

    Example
        004 城乡医疗救助本级补助, 质量指标::

            应教尽教率  =100%

    Use instead
        ::

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
        for wrong, right in self.lexicon.typos:
            index = text.find(fold(wrong))
            if not wrong or index < 0:
                continue
            fixed = text.replace(fold(wrong), right)
            if len(fixed) <= int(self.opts["whole_cell_up_to"]):
                suggestion = fixed
            else:
                suggestion = snippet(fixed, index, len(right))
            where = f"{cell.label}“{snippet(text, index, len(wrong))}”"
            message = f"{where}中的“{wrong}”应为“{right}”（常见的识别或录入错误）。请改正后再公开。"
            ind = cell.indicator
            yield self.finding(
                # The cell start: parsers join wrapped lines, so an offset inside the text is no column.
                doc, message, project=project, indicator=ind, line=cell.line, column=cell.column,
                suggestion=suggestion, period=cell.period,
            )

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        for cell in project_cells(project):
            yield from self._findings(doc, project, cell)
