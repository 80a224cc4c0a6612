"""Two kinds of score, told apart: the tool's 目标质量分 and a 自评表's own 自评总分.

`kpi-lint score` measures the quality of the targets (目标质量分, 0–100, docs/scoring.md).  A
self-evaluation (项目支出绩效自评表) prints its own 总分 and 等级 (优/良/中/差): the unit's score
for how well it met those targets.  They answer different questions, but a high 自评总分 on
weak targets is itself worth a reviewer's look — "优" against targets that cannot be checked
says little.  A scorecard shows both, labelled, and flags a project whose 自评总分 exceeds its
目标质量分 by at least ``self_evaluation_gap`` points (ScoreConfig, default 20: two grade bands).
A printed 总分 outside 0–100 (cells run together by the extraction) is not compared, and neither is
the 总分 of a project the tool could not score (原文错乱): it is shown, with no gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kpi_lint.model import Located, Project
from kpi_lint.read.source import fold
from kpi_lint.score.formula import ProjectScore

TOOL_SCORE = "目标质量分"
SELF_SCORE = "自评总分"
TOTAL = re.compile(r"(\d+(?:\.\d+)?)\s*分?")


@dataclass(frozen=True)
class SelfEvaluation:
    """A 自评表's printed 总分 (and 等级) beside the tool's score of the same project."""

    total: float
    printed: Located  # the 总分 cell, for its position
    grade: str | None  # the printed 等级, when there is one
    gap: float | None  # 自评总分 − 目标质量分 (positive: rated above its targets' quality); None: no 目标质量分
    threshold: float

    @property
    def flagged(self) -> bool:
        return self.gap is not None and self.gap >= self.threshold

    @property
    def where(self) -> str:
        return self.printed.where

    def note(self) -> str:
        """One sentence a reviewer reads beside the two figures."""
        grade = f"（{self.grade}）" if self.grade else ""
        return (
            f"{SELF_SCORE} {self.printed.text}{grade}比{TOOL_SCORE}高 {self.gap:.1f} 分"
            f"（标出阈值 {self.threshold:g} 分）：自评结果好于其绩效目标本身的质量，"
            "请核实目标是否可衡量、自评是否有据。"
        )


def printed_total(text: str) -> float | None:
    """ "93.67" / "100分" → the figure; a cell that is not just a figure ("100100注:1.") → None."""
    match = TOTAL.fullmatch(fold(text).strip())
    return float(match.group(1)) if match else None


def printed_score(project: Project) -> float | None:
    """The 总分 a 自评表 prints, as a figure on the guidance's 0–100 scale; None when it prints none, or when
    the extraction ran its cell into the next ("100100注:1."), which no reviewer should be shown as a score."""
    total = printed_total(project.total_score.text) if project.total_score is not None else None
    return total if total is not None and 0 <= total <= 100 else None


def self_evaluation(score: ProjectScore, threshold: float) -> SelfEvaluation | None:
    """The comparison for a project whose table prints a 总分; None for one without."""
    printed = score.project.total_score
    total = printed_score(score.project)
    if printed is None or total is None:
        return None  # no 总分, or a figure the extraction garbled: not a score on the guidance's 0–100 scale
    grade = score.project.grade.text.strip() if score.project.grade is not None else None
    # A table the extraction garbled gets no 目标质量分 (无法评分), so there is nothing to compare with.
    gap = total - score.total if score.scored else None
    return SelfEvaluation(total, printed, grade or None, gap, threshold)
