"""KPI107 target-basis."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from kpi_lint.model import Document, Form, Indicator, Project, places_of
from kpi_lint.parse.values import parse_value
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.completeness.kpi201_missing_cost_indicator import is_filled
from kpi_lint.rules.target.common import clean, is_blank, name_cues
from kpi_lint.vocab import squash

BASES = "target_bases.txt"
GLUE_CUES, _DESCRIPTION = "glue_cues.txt", "描述开头"  # how a 指标解释 cell opens: 反映, 衡量 …
_STANDARD, _DOCUMENT, _SCORING = "标准", "文件", "评分"
# A document named by its number: 〔2021〕101号, [2021]13号, 【2022】6号, （2022）172号.
_DOC_NUMBER = re.compile(r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号")
_NAME_BEFORE_TYPE = 4  # characters of a name a document type word needs before it ("医疗救助管理办法")

EMPTY, STANDARD, NAMED, OTHER = "empty", "standard", "named", "other"


def basis_kind(text: str | None, bases: dict[str, tuple[str, ...]], questions: tuple[str, ...]) -> str:
    """empty / standard (计划标准 …) / named (a document named by 《》, its number, or its title) / other."""
    s = squash(text or "")
    if not clean(s):
        return EMPTY
    if any(s.startswith(q) for q in questions):
        return OTHER  # "是否按预算完成" asks a question; it names no basis
    if any(word in s for word in bases.get(_STANDARD, ())):
        return STANDARD
    if "《" in s or _DOC_NUMBER.search(s):
        return NAMED
    for word in bases.get(_DOCUMENT, ()):
        at = s.find(word)
        if at >= _NAME_BEFORE_TYPE:
            return NAMED
    return OTHER


class TargetBasis(Rule):
    """指标值确定依据为空、不是公认的标准，或每一行都写同一个依据。

    默认级别：warning（每行同一个公认标准时为 info）。

    **做什么**

    检查带“指标值确定依据”（绩效标准、取值依据）一栏的目标表和申报表：每个填了
    三级指标和指标值的行，依据应是计划标准、行业标准、历史标准、其他标准之一（或其
    常见写法，如“工作计划”“历史数据”），或点名一份具体文件（书名号《》、文号
    “〔2021〕13号”，或写出文件名称“××管理办法”）。依据为空、只写文件类型（“合同”
    “上级文件”）、写成问句（“是否按预算完成”）或别的话（“领导批示”）的，报告出来。
    一个项目所有行同一个问题时只报一次，写明行数与行号；所有行（满意度也在内）都写同一个
    公认标准时，以 info 级别提示逐行核对。自评表的“评分标准”一栏说的是怎样打分，不检查；一栏多数行写的是
    指标解释（以“反映”“衡量”等开头：“反映办公大楼全年维修维护情况”，有的模板把这一栏叫“绩效标准”），也不检查：
    那一栏不是依据栏；一栏多数行写的是要达到的水平（“100%”“每月每人200元”“开展活动1次”，或与指标值相同），
    是模板的“绩效标准”（标准值），同样不是依据栏，不检查。词表：``lexicons/target_bases.txt``、``lexicons/yes_no_cues.txt``、``lexicons/glue_cues.txt``
    （描述开头）。原文停在某一行之中（``Project.cut_cell``）、依据一栏没有读到或正是原文停住的那一格的行不检查：
    依据在截断处之后，或只读到开头（“按服务对象满”）。

    **为什么不好**

    财预〔2015〕88号、财预〔2020〕10号要求绩效标准有据可查：计划标准（计划、预算、定额）、
    行业标准、历史标准或其他经认可的标准。依据写“合同”，看不出是哪份合同；满意度 ≥95%
    也写“合同”，说明依据是顺手填的——审核时无从判断目标值高低是否合理（适当性）。

    **示例**（003，2023医保局办公楼租赁费7.2万元：8 行的依据都是“合同”，满意度在内）::

        满意度指标 | 服务对象满意度指标 | 满意率 | 满意率 | ≥95 | 合同

    **改为**::

        满意度指标 | 服务对象满意度指标 | 办事群众满意率 | … | ≥95% | 历史标准（2022年调查满意率96%）
        产出指标   | 成本指标           | 办公楼年租金   | … | ≤7.2万元 | 《办公楼租赁合同》（2022-015号）
    """

    code = "KPI107"
    name = "target-basis"
    title_zh = "指标值确定依据不当"
    penalty = Penalty(Dimension.COMPLETENESS, 2, 8)
    severity = Severity.WARNING
    family = "target"
    options: ClassVar[dict[str, Any]] = {"min_rows": 3}

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        if project.form is Form.SELF_EVALUATION:
            return  # its 评分标准 column says how points are given, not where a target comes from
        cues = name_cues(self.lexicon)
        bases = self.lexicon.keyed(BASES)
        rows = [ind for ind in project.indicators if is_filled(ind, cues) and not _basis_cut(ind, project)]
        if not any(ind.basis is not None and not is_blank(ind.basis, cues) for ind in project.indicators):
            return  # no 确定依据 column, or it is printed empty throughout (nothing to tell them apart)
        scoring = bases.get(_SCORING, ())
        if any(any(w in (ind.basis or "") for w in scoring) for ind in rows):
            return  # the column holds scoring rules (评分标准), not bases
        openers = tuple(self.lexicon.keyed(GLUE_CUES).get(_DESCRIPTION, ()))
        described = [ind for ind in rows if squash(ind.basis or "").startswith(openers)] if openers else []
        if 2 * len(described) > len(rows):
            return  # the column explains the indicators ("反映办公大楼全年维修维护情况"): 指标解释, not bases
        questions = self.lexicon.words("yes_no_cues.txt")
        kinds = [(ind, basis_kind(ind.basis, bases, questions)) for ind in rows]
        figures = [ind for ind, kind in kinds if kind == OTHER and self._states_a_level(ind)]
        if 2 * len(figures) > len(rows):
            return  # the column states the levels to reach ("100%", "每月每人200元", "开展活动1次"): targets, not bases
        texts = {clean(ind.basis) for ind in rows}
        if len(rows) >= int(self.opts["min_rows"]) and len(texts) == 1:
            yield self._uniform(doc, project, kinds)
            return
        for ind, kind in kinds:
            if kind in (EMPTY, OTHER):
                yield self._row(doc, project, ind, kind)

    def _states_a_level(self, ind: Indicator) -> bool:
        """The basis cell states a level to reach — a figure with its unit, a percentage, money, a date — or repeats
        the target: what a 绩效标准 column holds where a template uses it for the standard to meet (福建
        "绩效内容 | 绩效标准 | 全年绩效目标"), not where the value comes from."""
        if clean(ind.basis) == clean(ind.value):
            return True
        parsed = parse_value(ind.basis, self.lexicon)
        return parsed.number is not None and parsed.kind in ("count", "percent", "money", "date")

    def _uniform(self, doc: Document, project: Project, kinds: list[tuple[Indicator, str]]) -> Finding:
        first, kind = kinds[0]
        lines = places_of([(ind.span("basis")[0], ind.anchor("basis")) for ind, _ in kinds])
        n = len(kinds)
        if kind == EMPTY:
            message = f"项目全部 {n} 行指标都没有填写指标值确定依据（在{lines}）。"
        else:
            message = f"项目全部 {n} 行指标的指标值确定依据都写“{first.basis}”（在{lines}），"
            if kind in (STANDARD, NAMED):
                message = (
                    f"提示：项目全部 {n} 行指标的指标值确定依据都写“{first.basis}”（在{lines}）。这是公认的"
                    "依据，本身不算错；但只写类别、不写出处，审核时无从核对各行目标值从哪里来。请写明出处（如“2023年"
                    "工作计划”“上年实际完成数”）；满意度一类的目标通常出自历史或调查数据，请逐行核对。"
                )
                return self._at(doc, project, first, message, Severity.INFO)
            message += "这不是公认的标准，也没有点名具体文件。"
        message += "每行应写明计划标准、行业标准、历史标准或其他标准，或点名具体文件（如《××管理办法》、文号）。"
        return self._at(doc, project, first, message, None)

    def _at(
        self, doc: Document, project: Project, first: Indicator, message: str, severity: Severity | None
    ) -> Finding:
        # A finding about the whole column: placed at the first row's basis cell, but not tied to that
        # row's name or value (a baseline keeps it when a row changes).
        span = "basis" if "basis" in first.spans else "level3"
        line, column = first.span(span)
        finding = self.finding(
            doc, message, project=project, line=line, column=column, severity=severity, period=first.period
        )
        finding.anchor = first.anchor(span)
        return finding

    def _row(self, doc: Document, project: Project, ind: Indicator, kind: str) -> Finding:
        if kind == EMPTY:
            message = f"三级指标“{ind.level3}”没有填写指标值确定依据。"
        else:
            message = f"三级指标“{ind.level3}”的指标值确定依据“{ind.basis}”不是公认的标准，也没有点名具体文件。"
        message += "应写明计划标准、行业标准、历史标准或其他标准，或点名具体文件（如《××管理办法》、文号）。"
        span = "basis" if "basis" in ind.spans else "value"
        return self.finding(doc, message, project=project, indicator=ind, span=span)


def _basis_cut(ind: Indicator, project: Project) -> bool:
    """The text stops inside this row (``Project.cut_cell``) at or before its basis cell: the basis printed, if any,
    is cut or lies beyond the break (a basis read whole before the cut cell is judged as usual)."""
    if not project.cut_row(ind):
        return False
    return "basis" not in ind.spans or project.cut_in(ind, "basis")
