"""KPI303 copied-across-projects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from rapidfuzz import fuzz, process

from kpi_lint.model import Document, Located, Project
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.text._text import clean


def indicator_rows(project: Project) -> list[tuple[str, str]]:
    """The project's distinct (三级指标, 指标值) rows, both periods of a 申报表 merged."""
    rows: list[tuple[str, str]] = []
    for ind in project.indicators:
        row = (clean(ind.level3), clean(ind.value))
        if row[0] and row not in rows:
            rows.append(row)
    return rows


def goal_texts(project: Project) -> dict[str | None, Located]:
    """The aims compared, by period: the 总体目标 of each period, else the 绩效目标 text (目标表)."""
    goals: dict[str | None, Located] = {p: loc for p, loc in project.goals.items() if loc.text.strip()}
    if not goals and project.target_text is not None and project.target_text.text.strip():
        goals[None] = project.target_text
    return goals


class CopiedAcrossProjects(Rule):
    """A project's indicator set or 总体目标 is a near copy of another project's in the same document.

    Severity: warning.

    What it does
        Compares every project with the earlier projects of the same form in the
        document, two ways (rapidfuzz):

        * indicator set: a "三级指标=指标值" row counts as shared when an earlier
          project has a row at least ``row_similarity`` (default 90) alike, or one
          whose name is that alike and whose value contains most of this one
          (partial ratio ≥ ``value_similarity``, 80: "有效缓解" vs "有效缓解困难群众
          医疗费用").  The share of shared rows over both projects (Dice) must reach
          ``set_similarity`` (default 0.7), with at least ``min_rows`` (4) rows each.
          The default sits in the gap the corpus shows: copied tables score 0.89–1.0
          (000, 002), while 003's tables, which share only boilerplate rows such as
          "生态影响 ≥95", score 0.5 at most;
        * 总体目标, period by period (or the 绩效目标 text of a 目标表): similarity at
          least ``goal_similarity`` (default 90) on texts of at least
          ``min_goal_length`` (15) characters, so that short generic aims are not
          matched by chance (003's "1.目标内容1提高…" aims reach 87).

        Each later project is reported once per aspect, against its closest
        earlier project.

    Why is this bad?
        财预〔2015〕88号 asks that targets fit the project: relevance and
        appropriateness are judged per project.  A table copied from another
        project (same rows, same values, same aim) was not written for this money;
        funds of different size and purpose cannot share one target set.

    Example
        000 (沁水县) prints two projects named 城乡医疗救助补助资金 (1,737,300 元 and
        1,544,200 元) with the same 总体目标 and the same rows::

            易返贫致贫人员建档立卡贫困人口低保、五保人员 11335人 / 城乡医疗救助对象参保率 100% / …

    Use instead
        Targets sized to each allocation, e.g. the number of people the 1,544,200 元
        central transfer assists, and an aim naming what that transfer adds.
    """

    code = "KPI303"
    name = "copied-across-projects"
    title_zh = "跨项目照搬指标"
    penalty = Penalty(Dimension.CONSISTENCY, 10, 10)
    severity = Severity.WARNING
    family = "text"
    options: ClassVar[dict[str, Any]] = {
        "row_similarity": 90.0,
        "value_similarity": 80.0,
        "set_similarity": 0.7,
        "min_rows": 4,
        "goal_similarity": 90.0,
        "min_goal_length": 15,
    }

    def set_similarity(self, a: list[tuple[str, str]], b: list[tuple[str, str]]) -> float:
        """Dice share of rows that have a near-identical row in the other project.

        Rows match when "name=value" as a whole is alike (ratio ≥ ``row_similarity``: "贫困人口=8814人"
        and "贫困人员=8814人"), or when the names are that alike and one value contains most of the
        other (partial ratio ≥ ``value_similarity``): "有效缓解" and "有效缓解困难群众医疗费用" are the
        same target reworded, while "170720人" and "11335人" are targets sized apart.
        """
        if not a or not b:
            return 0.0
        cut = float(self.opts["row_similarity"])
        whole = process.cdist([f"{n}={v}" for n, v in a], [f"{n}={v}" for n, v in b], scorer=fuzz.ratio)
        names = process.cdist([r[0] for r in a], [r[0] for r in b], scorer=fuzz.ratio)
        values = process.cdist([r[1] or "-" for r in a], [r[1] or "-" for r in b], scorer=fuzz.partial_ratio)
        matched = (whole >= cut) | ((names >= cut) & (values >= float(self.opts["value_similarity"])))
        return (int(matched.any(axis=1).sum()) + int(matched.any(axis=0).sum())) / (len(a) + len(b))

    def _indicator_copies(self, doc: Document) -> Iterator[Finding]:
        min_rows = int(self.opts["min_rows"])
        rows = [indicator_rows(p) for p in doc.projects]
        for j, later in enumerate(doc.projects):
            if len(rows[j]) < min_rows:
                continue
            best: tuple[float, int] | None = None
            for i in range(j):
                if doc.projects[i].form is not later.form or len(rows[i]) < min_rows:
                    continue
                sim = self.set_similarity(rows[i], rows[j])
                if sim >= float(self.opts["set_similarity"]) and (best is None or sim > best[0]):
                    best = (sim, i)
            if best is None:
                continue
            sim, i = best
            earlier = doc.projects[i]
            message = (
                f"本项目的绩效指标与第{earlier.line}行项目“{earlier.name}”的指标几乎相同"
                f"（{sim:.0%} 的指标名称和指标值一致），"
                f"像是照搬。每个项目应按自身资金规模和用途设定指标，如按本项目资金测算的受益人数、补助标准和完成时间。"
            )
            explain = f"指标相似度 {sim:.2f}；本项目 {len(rows[j])} 行，对比项目 {len(rows[i])} 行"
            yield self.finding(doc, message, project=later, explain=explain)

    def _goal_similarity(self, earlier: Project, later: Project) -> tuple[float, Located] | None:
        """The closest same-period pair of aims, long enough to judge: (similarity, the later aim)."""
        min_len = int(self.opts["min_goal_length"])
        mine, theirs = goal_texts(later), goal_texts(earlier)
        best: tuple[float, Located] | None = None
        for period, loc in mine.items():
            other = theirs.get(period)
            a, b = clean(loc.text), clean(other.text) if other else ""
            if len(a) < min_len or len(b) < min_len:
                continue
            sim = fuzz.ratio(a, b)
            if best is None or sim > best[0]:
                best = (sim, loc)
        return best

    def _goal_copies(self, doc: Document) -> Iterator[Finding]:
        cut = float(self.opts["goal_similarity"])
        for j, later in enumerate(doc.projects):
            best: tuple[float, Located, Project] | None = None
            for earlier in doc.projects[:j]:
                if earlier.form is not later.form:
                    continue
                found = self._goal_similarity(earlier, later)
                if found is not None and found[0] >= cut and (best is None or found[0] > best[0]):
                    best = (found[0], found[1], earlier)
            if best is None:
                continue
            sim, loc, earlier = best
            label = "总体目标" if later.goals else "绩效目标"
            message = (
                f"本项目的{label}与第{earlier.line}行项目“{earlier.name}”的几乎相同（相似度 {sim:.0f}%）。"
                f"{label}应写明本项目资金要达到的结果，如“为8814名脱贫人口落实县级参保补助，参保率达到100%”。"
            )
            yield self.finding(
                doc, message, project=later, line=loc.line, column=loc.column,
                explain=f"“{loc.text.strip()[:60]}”",
            )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        yield from self._indicator_copies(doc)
        yield from self._goal_copies(doc)
