"""What a finding costs in the target-quality score: the four review dimensions and a penalty.

Each rule declares its own ``penalty`` (a class attribute, see ``kpi_lint.rules.base.Rule``), so
adding a rule takes its module and its YAML cases, nothing else.  ``docs/scoring.md`` explains the
numbers; reviewers override them in ``[tool.kpi-lint.score.penalties]``.
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
    """Points one finding takes off its dimension, at most `cap` per project."""

    dimension: Dimension
    points: float
    cap: float

    def describe(self) -> str:
        """For people: "可衡量性 每条扣 4 分，每个项目至多 20 分"."""
        return f"{self.dimension.label} 每条扣 {self.points:g} 分，每个项目至多 {self.cap:g} 分"
