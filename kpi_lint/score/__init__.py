"""Target-quality score per project: four dimensions, a weighted total and a grade.

See docs/scoring.md for the formula, the penalty table and the reasons behind the defaults.
"""

from kpi_lint.score.config import ScoreConfig, ScoreConfigError, load_config, score_config
from kpi_lint.score.formula import DimensionScore, PenaltyLine, ProjectScore
from kpi_lint.score.rollup import Rollup, by_document, by_unit, overall
from kpi_lint.score.run import ScoreReport, analyse, score_documents, score_parsed
from kpi_lint.score.table import Dimension, Penalty, default_penalties

__all__ = [
    "Dimension",
    "DimensionScore",
    "Penalty",
    "PenaltyLine",
    "ProjectScore",
    "Rollup",
    "ScoreConfig",
    "ScoreConfigError",
    "ScoreReport",
    "analyse",
    "by_document",
    "by_unit",
    "default_penalties",
    "load_config",
    "overall",
    "score_config",
    "score_documents",
    "score_parsed",
]
