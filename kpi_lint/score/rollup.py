"""Roll-ups over projects: per document, per budget unit, and overall."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kpi_lint.model import Document
from kpi_lint.rules.base import Finding
from kpi_lint.score.formula import ProjectScore
from kpi_lint.score.run import ScoreReport
from kpi_lint.score.table import Dimension

WORST_COUNT = 3
DEFECT_COUNT = 10


@dataclass(frozen=True)
class Defect:
    """How often one finding code occurs in a group of projects."""

    code: str
    name: str
    count: int  # findings
    projects: int  # projects with at least one
    title: str = ""  # the rule's Chinese name (what people read); `name` is the stable kebab-case id


@dataclass
class Rollup:
    key: str  # the document path, the unit name, or "全部"
    title: str  # what a reader sees
    scores: list[ProjectScore]  # the projects scored (a garbled or cut table is not: see `unscored`)
    document_findings: list[Finding] = field(default_factory=list)
    unscored: list[ProjectScore] = field(default_factory=list)  # "无法评分（…）" (Project.unscored): not in the figures

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def totals(self) -> list[float]:
        return [s.total for s in self.scores]

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.totals) if self.scores else None

    @property
    def std(self) -> float | None:
        """Population standard deviation: the group is every project, not a sample of them."""
        return statistics.pstdev(self.totals) if self.scores else None

    @property
    def minimum(self) -> float | None:
        return min(self.totals) if self.scores else None

    @property
    def maximum(self) -> float | None:
        return max(self.totals) if self.scores else None

    def dimension_mean(self, dim: Dimension) -> float | None:
        return statistics.fmean(s.dimensions[dim].score for s in self.scores) if self.scores else None

    def worst(self, n: int = WORST_COUNT) -> list[ProjectScore]:
        return sorted(self.scores, key=lambda s: (s.total, s.path, s.line))[:n]

    def grades(self) -> Counter[str]:
        return Counter(s.grade for s in self.scores)

    def defects(self, n: int = DEFECT_COUNT) -> list[Defect]:
        """The most frequent finding codes, by number of findings, then projects affected."""
        counts: Counter[str] = Counter()
        projects: Counter[str] = Counter()
        names: dict[str, str] = {}
        titles: dict[str, str] = {}
        for score in self.scores:
            seen: set[str] = set()
            for finding in score.findings:
                counts[finding.code] += 1
                names[finding.code] = finding.name
                titles[finding.code] = finding.title_zh or finding.name
                seen.add(finding.code)
            projects.update(seen)
        for finding in self.document_findings:
            counts[finding.code] += 1
            names[finding.code] = finding.name
            titles[finding.code] = finding.title_zh or finding.name
        ranked = sorted(counts, key=lambda c: (-counts[c], -projects[c], c))[:n]
        return [Defect(c, names[c], counts[c], projects[c], titles[c]) for c in ranked]


def _unit_of(doc: Document) -> str:
    return doc.department.text if doc.department else doc.name


def _group(report: ScoreReport, key: Callable[[Document], str], title: Callable[[Document], str]) -> list[Rollup]:
    groups: dict[str, Rollup] = {}
    for doc in report.documents:
        group = groups.setdefault(key(doc), Rollup(key(doc), title(doc), []))
        for score in report.of_document(doc.path):
            (group.scores if score.scored else group.unscored).append(score)
        group.document_findings.extend(report.document_findings.get(doc.path, []))
    return list(groups.values())


def by_document(report: ScoreReport) -> list[Rollup]:
    return _group(report, lambda d: d.path, lambda d: d.name)


def by_unit(report: ScoreReport) -> list[Rollup]:
    """Budget units (部门/单位) as printed; a document without one is its own unit."""
    return _group(report, _unit_of, _unit_of)


def overall(report: ScoreReport) -> Rollup:
    findings = [f for fs in report.document_findings.values() for f in fs]
    scored = [s for s in report.projects if s.scored]
    unscored = [s for s in report.projects if not s.scored]
    return Rollup("全部", "全部项目", scored, findings, unscored)


def document_of(report: ScoreReport, path: str) -> Document | None:
    return next((d for d in report.documents if d.path == path), None)


def describe(values: Sequence[float]) -> tuple[float, float, float, float]:
    """mean, std, min, max of a non-empty list."""
    return statistics.fmean(values), statistics.pstdev(values), min(values), max(values)
