"""KPI601 library-mismatch."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from kpi_lint.model import Document, Indicator
from kpi_lint.parse.common import canonical_level2
from kpi_lint.parse.values import parse_value, scaled
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import LIBRARY

if TYPE_CHECKING:  # the matcher pulls in scikit-learn; the rule catalog must load without it
    from kpi_lint.library.match import ConceptMatch, LibraryMatcher
    from kpi_lint.library.model import Concept


# Below this cosine similarity the library's closest name is no help to the reader.
SHOWN_SIMILARITY = 0.3


class LibraryMismatch(Rule):
    """指标与审核人的指标库不符。

    默认级别：警告 warning（只有名称或类别不同时为提示 info）。
    只在给出指标库时运行：``kpi-lint check --library 指标库.xlsx``。

    **做什么**

    在审核人整理过的指标库中查找每个三级指标——即 ``kpi-lint library`` 写出、再由审核人编辑过的文件（保留或删去名称、
    收窄取值范围）——每行至多报告一条：

    - 指标库没有列出的名称：有相近的已列名称时（按聚类的文字相似度）给出指标库中该指标的名称，否则写"不在指标库中"
      并给出最接近的条目；
    - 指标库中该指标没有的计量单位（指标库用"人"，这里用"人次"）；
    - 超出指标库对该单位取值范围的目标（指标库接受 90–99%，这里写满意度 ≥80%），并给出中位数和极值出处；
    - 归在与指标库不同的二级指标下。

    **为什么不好**

    财政部门被要求建立分行业分领域的指标库，并据以审核申报（财预〔2021〕101号：以指标库作为设定目标的参考）。
    指标库之外的名称无法与别人比较；超出公认范围的单位或数值，不是笔误，就是目标定得过低或过高。

    **示例**（指标库：群众满意度，%，90–99；002 第 1032 行）::

        满意度指标 | 救助对象满意度 | ≥85%

    **改为**::

        满意度指标 | 救助对象满意度 | ≥90%
    """

    code = "KPI601"
    name = "library-mismatch"
    title_zh = "与指标库不符"
    severity = Severity.WARNING
    family = "library"
    uses_peers = True  # the normalizer reads place names from every document checked
    # A reviewer's own library, used only by `check --library`: the score loads none, so scores stay comparable.
    penalty = Penalty(Dimension.RELEVANCE, 0, 0)

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self._matcher: LibraryMatcher | None = None

    def check_document(self, doc: Document) -> Iterator[Finding]:
        matcher = self._library_matcher()
        if matcher is None:
            return
        for project in doc.projects:
            for ind in project.indicators:
                if not ind.level3 or not ind.level3.strip():
                    continue
                found = matcher.match(ind.level3)
                if found is not None:
                    yield from self._check(doc, project, ind, found)

    def _library_matcher(self) -> LibraryMatcher | None:
        """Built once per run, over every name of the documents checked."""
        if self._matcher is None:
            raw = self.context.extras.get(LIBRARY)
            if raw is None:
                return None
            from kpi_lint.cluster.normalize import TextNormalizer
            from kpi_lint.library.match import LibraryMatcher
            from kpi_lint.library.records import from_records

            # A YAML case may give the library inline, in the JSON form `kpi-lint library -o x.json` writes.
            library = from_records(raw, "extras.library") if isinstance(raw, Mapping) else raw
            normalizer = TextNormalizer.for_documents(self.context.documents, self.lexicon)
            self._matcher = LibraryMatcher(library, normalizer)
            self._matcher.prime(i.level3 for d in self.context.documents for i in d.indicators)
        return self._matcher

    def _check(self, doc: Document, project: Any, ind: Indicator, found: ConceptMatch) -> Iterator[Finding]:
        concept = found.concept
        if concept is None:
            nearest = (
                f"（最接近的是概念 {found.closest_concept.id}「{found.closest}」，相似度 {found.similarity:.2f}）"
                if found.similarity >= SHOWN_SIMILARITY
                else ""
            )
            message = f"「{ind.level3}」不在指标库中{nearest}：请确认该指标是否应补入指标库，或改用库中的指标。"
            yield self.finding(doc, message, project=project, indicator=ind, severity=Severity.INFO)
            return
        problems: list[str] = []
        severity = Severity.INFO
        suggestion: str | None = None
        if not found.listed:
            problems.append(f"名称不在指标库中，库中同一指标（概念 {concept.id}）写作「{concept.name}」")
            suggestion = concept.name
        filed, expected = canonical_level2(ind.level2), canonical_level2(concept.level2)
        if filed and expected and filed != expected:
            problems.append(f"指标库将其归入{expected}，此处填在{filed}下")
        value_problem = _value_problem(ind, concept)
        if value_problem is not None:
            problems.append(value_problem[0])
            suggestion = value_problem[1] or suggestion
            severity = Severity.WARNING
        if problems:
            message = f"「{ind.level3}」与指标库不符：" + "；".join(problems) + "。"
            yield self.finding(
                doc,
                message,
                project=project,
                indicator=ind,
                span="level3" if value_problem is None else "value",
                severity=severity,
                suggestion=suggestion,
            )


def _value_problem(ind: Indicator, concept: Concept) -> tuple[str, str | None] | None:
    """What is wrong with the target against the library's ranges, and a target inside them."""
    from kpi_lint.library.build import range_unit

    if not concept.ranges:
        return None
    parsed = ind.parsed or parse_value(ind.value)
    unit = range_unit(parsed)
    number = scaled(parsed)
    if unit is None or number is None:
        return None
    accepted = concept.range_for(unit)
    if accepted is None:
        units = "、".join(r.unit or "无单位" for r in concept.ranges)
        return f"计量单位「{unit or '无单位'}」与指标库不符（库中为 {units}）", None
    if accepted.low <= number <= accepted.high:
        return None
    low = number < accepted.low
    side, bound, at = ("低于", accepted.low, accepted.low_at) if low else ("高于", accepted.high, accepted.high_at)
    where = f"，库中{'最低' if low else '最高'}值见 {at}" if at else ""
    message = (
        f"指标值 {ind.value.strip() if ind.value else ''} {side}指标库范围 {accepted.low:g}–{accepted.high:g}"
        f"{accepted.unit}（中位 {accepted.median:g}{accepted.unit}{where}）"
    )
    comparator = parsed.comparator if parsed.comparator in ("≥", "≤", ">", "<", "=") else ""
    return message, f"{comparator}{bound:g}{accepted.unit}"
