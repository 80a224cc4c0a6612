"""The four dimensions and the penalty table (finding code → dimension, penalty, cap).

This table is the contract documented in ``docs/scoring.md``; a test reads the
table from that page and checks it equals ``DEFAULT_PENALTIES``, so the two
cannot drift apart.  Reviewers may override any row in ``[tool.kpi-lint.score.penalties]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Dimension(StrEnum):
    """The four review dimensions (after 财预〔2015〕88号, in substance)."""

    COMPLETENESS = "completeness"
    MEASURABILITY = "measurability"
    RELEVANCE = "relevance"
    CONSISTENCY = "consistency"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Dimension.COMPLETENESS: "完整性",
    Dimension.MEASURABILITY: "可衡量性",
    Dimension.RELEVANCE: "相关性与合理性",
    Dimension.CONSISTENCY: "一致性",
}


def parse_dimension(name: str) -> Dimension:
    """'relevance' or '相关性与合理性' (also '相关性') → Dimension; ValueError otherwise."""
    text = name.strip()
    for dim in Dimension:
        if text in (dim.value, dim.label) or (len(text) >= 2 and dim.label.startswith(text)):
            return dim
    raise ValueError(f"未知的评分维度：{name}（可用：{'、'.join(d.value for d in Dimension)}）")


@dataclass(frozen=True)
class Penalty:
    """Points one finding of `code` takes off its dimension, at most `cap` per project."""

    dimension: Dimension
    points: float
    cap: float


def _p(dimension: Dimension, points: float, cap: float) -> Penalty:
    return Penalty(dimension, points, cap)


C, M, R, K = Dimension.COMPLETENESS, Dimension.MEASURABILITY, Dimension.RELEVANCE, Dimension.CONSISTENCY

# Why these numbers: a defect that makes the whole table unusable for review (boilerplate
# values, no cost indicator, a copied table, arithmetic that does not hold) costs 10–15 points
# once; a defect of one row costs 1–8 points per row, capped so that one bad habit cannot
# zero a dimension on its own.  docs/scoring.md gives the reasoning row by row.
DEFAULT_PENALTIES: dict[str, Penalty] = {
    # 完整性: the expected parts are there and the form is filled in properly
    "KPI106": _p(C, 3, 15),  # empty-target
    "KPI201": _p(C, 15, 15),  # missing-cost-indicator
    "KPI202": _p(C, 5, 20),  # missing-dimension
    "KPI305": _p(C, 2, 10),  # truncated-text
    "KPI306": _p(C, 1, 5),  # typo
    # 可衡量性: number + comparator + unit, or a checkable qualitative grade
    "KPI101": _p(M, 4, 20),  # vague-target
    "KPI103": _p(M, 3, 15),  # missing-unit
    "KPI502": _p(M, 4, 20),  # unmeasured-actual
    # 相关性与合理性: the indicators say something about this project's results
    "KPI102": _p(R, 15, 15),  # boilerplate-target
    "KPI104": _p(R, 3, 15),  # value-type-mismatch
    "KPI105": _p(R, 3, 12),  # implausible-target
    "KPI203": _p(R, 5, 20),  # filler-indicator
    "KPI402": _p(R, 8, 16),  # process-as-result
    "KPI404": _p(R, 3, 12),  # misfiled-indicator
    # 一致性: periods, money, arithmetic and text agree; nothing is copied
    "KPI301": _p(K, 3, 9),  # duplicate-indicator
    "KPI302": _p(K, 2, 10),  # name-equals-description
    "KPI303": _p(K, 10, 10),  # copied-across-projects
    "KPI304": _p(K, 5, 10),  # restated-name
    "KPI307": _p(R, 0, 0),  # model-flag: a reviewer's own classifier; no model runs when scoring
    "KPI401": _p(K, 4, 16),  # period-mismatch
    "KPI403": _p(K, 10, 10),  # cost-total-mismatch
    "KPI405": _p(K, 5, 15),  # narrative-mismatch
    "KPI501": _p(K, 8, 24),  # score-inflation
    "KPI503": _p(K, 10, 10),  # total-score-mismatch
    "KPI504": _p(K, 5, 5),  # weight-sum
    "KPI505": _p(K, 5, 5),  # grade-mismatch
    "KPI506": _p(K, 5, 10),  # execution-arithmetic
}

# KPI204 (declared-count-mismatch) is about the document, not a project: it is listed in the
# document roll-up and costs no project points.
DOCUMENT_CODES = frozenset({"KPI204"})

# A code missing from the table (a rule added later) still counts, by its family's dimension,
# so that a new rule never silently drops out of the score.
FAMILY_DIMENSION: dict[str, Dimension] = {"1": M, "2": C, "3": K, "4": K, "5": K}
FALLBACK_POINTS = 2.0
FALLBACK_CAP = 10.0


def fallback_penalty(code: str) -> Penalty:
    family = code[3:4] if code.upper().startswith("KPI") else ""
    return Penalty(FAMILY_DIMENSION.get(family, K), FALLBACK_POINTS, FALLBACK_CAP)
