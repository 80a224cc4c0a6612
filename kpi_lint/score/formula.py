"""The score formula: dimension = clamp(100 × share − Σ capped penalties), total = weighted mean.

    penalty(code)  = min(cap(code), Σ points(code) × severity_factor(finding))   per project
    dimension      = clamp(100 × share − Σ penalty(code) over codes of the dimension, 0, 100)
    total          = Σ weight(d) × dimension(d) / Σ weight(d)
    grade          = the first band whose lower bound total reaches

docs/scoring.md states the same formula, the table and the reasons.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kpi_lint.model import Project
from kpi_lint.rules.base import Finding
from kpi_lint.score.config import ScoreConfig
from kpi_lint.score.dimensions import Measurement
from kpi_lint.score.table import Dimension


@dataclass
class PenaltyLine:
    """One finding code's deduction on one dimension of one project."""

    code: str
    name: str
    count: int
    points: float  # per finding, before the severity factor
    raw: float  # Σ points × severity factor
    cap: float
    applied: float  # min(raw, cap)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class DimensionScore:
    dimension: Dimension
    measurement: Measurement
    penalties: list[PenaltyLine]
    score: float  # 0–100

    @property
    def label(self) -> str:
        return self.dimension.label

    @property
    def deducted(self) -> float:
        return sum(p.applied for p in self.penalties)

    @property
    def findings(self) -> list[Finding]:
        return [f for p in self.penalties for f in p.findings]


@dataclass
class ProjectScore:
    path: str
    project: Project
    dimensions: dict[Dimension, DimensionScore]
    total: float
    grade: str
    findings: list[Finding]  # every finding attributed to the project, by location

    @property
    def name(self) -> str:
        return self.project.name

    @property
    def scored(self) -> bool:
        """False for a project the text did not let be scored (Project.unscored: a garbled table, a table cut
        before its rows): graded "无法评分（…）", left out of roll-ups."""
        return self.project.unscored is None

    @property
    def shown_total(self) -> str:
        """The total as people read it: "93.7", or "—" for a project that could not be scored."""
        return f"{self.total:.1f}" if self.scored else "—"

    def shown_dimension(self, dim: Dimension) -> str:
        """A dimension's score as people read it, "—" like the total for a project that could not be scored."""
        return f"{self.dimensions[dim].score:.1f}" if self.scored else "—"

    @property
    def line(self) -> int:
        return self.project.line

    def dimension_score(self, dim: Dimension) -> float:
        return self.dimensions[dim].score


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return max(low, min(high, value))


def penalty_lines(findings: Sequence[Finding], dim: Dimension, config: ScoreConfig) -> list[PenaltyLine]:
    """The deductions of one dimension, one line per code, largest first."""
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if config.penalty(finding.code).dimension is dim:
            by_code[finding.code].append(finding)
    lines = []
    for code, group in by_code.items():
        rule = config.penalty(code)
        raw = sum(rule.points * config.severity_factors.get(f.severity, 1.0) for f in group)
        applied = min(raw, rule.cap)
        lines.append(PenaltyLine(code, group[0].name, len(group), rule.points, raw, rule.cap, applied, group))
    return sorted(lines, key=lambda p: (-p.applied, p.code))


def dimension_score(measurement: Measurement, penalties: Sequence[PenaltyLine]) -> float:
    return clamp(100.0 * measurement.share - sum(p.applied for p in penalties))


def total_score(scores: dict[Dimension, float], config: ScoreConfig) -> float:
    weights = config.weights
    total_weight = sum(weights.get(d, 0.0) for d in scores)
    return sum(weights.get(d, 0.0) * s for d, s in scores.items()) / total_weight


def score_project(
    path: str,
    project: Project,
    measurements: dict[Dimension, Measurement],
    findings: Sequence[Finding],
    config: ScoreConfig,
) -> ProjectScore:
    dims: dict[Dimension, DimensionScore] = {}
    for dim in Dimension:
        lines = penalty_lines(findings, dim, config)
        dims[dim] = DimensionScore(dim, measurements[dim], lines, dimension_score(measurements[dim], lines))
    total = total_score({d: s.score for d, s in dims.items()}, config)
    # Graded on the printed (one-decimal) total, so that "90.0 良" can never be shown.
    # A garbled or cut table is not the department's failure: it gets no grade of the scale.
    reason = project.unscored
    grade = reason.grade if reason else config.grade(round(total, 1))
    return ProjectScore(path, project, dims, total, grade, list(findings))
