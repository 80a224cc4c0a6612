"""Score settings: weights, grade bands, severity factors and penalty overrides.

Read from ``[tool.kpi-lint.score]`` in ``pyproject.toml`` or ``[score]`` in
``kpi-lint.toml``, found the way `kpi-lint check` finds its settings (upward
from the working directory, or the file given with ``--config``)::

    [tool.kpi-lint.score]
    weights = { completeness = 25, measurability = 30, relevance = 25, consistency = 20 }
    bands = { "优" = 90, "良" = 80, "中" = 60, "差" = 0 }
    severity_factors = { error = 1.0, warning = 1.0, info = 0.5 }

    [tool.kpi-lint.score.penalties]
    KPI101 = { dimension = "measurability", points = 4, cap = 20 }

The defaults are justified in docs/scoring.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpi_lint.config import Config, ConfigError
from kpi_lint.config import load_config as load_settings
from kpi_lint.rules.base import Severity
from kpi_lint.score.table import Dimension, Penalty, default_penalties, fallback_penalty, parse_dimension

DEFAULT_WEIGHTS: dict[Dimension, float] = {
    Dimension.COMPLETENESS: 25.0,
    Dimension.MEASURABILITY: 30.0,
    Dimension.RELEVANCE: 25.0,
    Dimension.CONSISTENCY: 20.0,
}
# Grade bands of the self-evaluation guidance (财预〔2020〕10号), highest first.
DEFAULT_BANDS: tuple[tuple[str, float], ...] = (("优", 90.0), ("良", 80.0), ("中", 60.0), ("差", 0.0))
DEFAULT_SEVERITY_FACTORS: dict[Severity, float] = {Severity.ERROR: 1.0, Severity.WARNING: 1.0, Severity.INFO: 0.5}
# A 自评表's own 总分 this many points above the tool's 目标质量分 is flagged on the scorecards: two
# grade bands of the guidance (良 80–90, 优 ≥ 90) are 10 points wide, so 20 points means the
# self-evaluation sits two bands above what its targets support (docs/scoring.md, "自评总分").
DEFAULT_SELF_EVALUATION_GAP = 20.0


class ScoreConfigError(ValueError):
    """A config file that cannot be used (reported as one line, exit 2)."""


@dataclass(frozen=True)
class ScoreConfig:
    weights: dict[Dimension, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    bands: tuple[tuple[str, float], ...] = DEFAULT_BANDS
    severity_factors: dict[Severity, float] = field(default_factory=lambda: dict(DEFAULT_SEVERITY_FACTORS))
    penalties: dict[str, Penalty] = field(default_factory=lambda: default_penalties())
    source: Path | None = None  # the file the settings came from (None: defaults)
    self_evaluation_gap: float = DEFAULT_SELF_EVALUATION_GAP  # 自评总分 − 目标质量分 from which a card flags it

    def penalty(self, code: str) -> Penalty:
        return self.penalties.get(code.upper()) or fallback_penalty(code)

    def grade(self, score: float) -> str:
        for name, low in self.bands:
            if score >= low:
                return name
        return self.bands[-1][0]


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScoreConfigError(f"{what} 应为数字，实际为 {value!r}")
    return float(value)


def _weights(raw: Any) -> dict[Dimension, float]:
    if not isinstance(raw, dict):
        raise ScoreConfigError("weights 应为表，如 { completeness = 25, ... }")
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in raw.items():
        weight = _number(value, f"weights.{key}")
        if weight < 0:
            raise ScoreConfigError(f"weights.{key} 不能为负数")
        weights[_dimension(key)] = weight
    if sum(weights.values()) <= 0:
        raise ScoreConfigError("weights 之和必须大于 0")
    return weights


def _dimension(name: str) -> Dimension:
    try:
        return parse_dimension(name)
    except ValueError as exc:
        raise ScoreConfigError(str(exc)) from exc


def _bands(raw: Any) -> tuple[tuple[str, float], ...]:
    if not isinstance(raw, dict) or not raw:
        raise ScoreConfigError('bands 应为非空表，如 { "优" = 90, "良" = 80, "中" = 60, "差" = 0 }')
    bands = sorted(((str(k), _number(v, f"bands.{k}")) for k, v in raw.items()), key=lambda b: -b[1])
    return tuple(bands)


def _severity_factors(raw: Any) -> dict[Severity, float]:
    if not isinstance(raw, dict):
        raise ScoreConfigError("severity_factors 应为表，如 { error = 1.0, warning = 1.0, info = 0.5 }")
    factors = dict(DEFAULT_SEVERITY_FACTORS)
    for key, value in raw.items():
        try:
            factors[Severity(str(key))] = _number(value, f"severity_factors.{key}")
        except ValueError as exc:
            raise ScoreConfigError(f"severity_factors: 未知的严重程度 {key}") from exc
    return factors


def _penalties(raw: Any) -> dict[str, Penalty]:
    if not isinstance(raw, dict):
        raise ScoreConfigError('penalties 应为表，如 KPI101 = { dimension = "measurability", points = 4, cap = 20 }')
    table = default_penalties()
    for code, row in raw.items():
        if not isinstance(row, dict):
            raise ScoreConfigError(f"penalties.{code} 应为表")
        base = table.get(code.upper()) or fallback_penalty(code)
        table[code.upper()] = Penalty(
            _dimension(str(row["dimension"])) if "dimension" in row else base.dimension,
            _number(row.get("points", base.points), f"penalties.{code}.points"),
            _number(row.get("cap", base.cap), f"penalties.{code}.cap"),
        )
    return table


def config_from_table(raw: dict[str, Any], source: Path | None = None) -> ScoreConfig:
    """Build settings from the ``score`` table; missing keys keep their defaults."""
    known = {"weights", "bands", "severity_factors", "penalties", "self_evaluation_gap"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ScoreConfigError(f"[tool.kpi-lint.score] 中有未知的设置：{'、'.join(unknown)}")
    return ScoreConfig(
        weights=_weights(raw["weights"]) if "weights" in raw else dict(DEFAULT_WEIGHTS),
        bands=_bands(raw["bands"]) if "bands" in raw else DEFAULT_BANDS,
        severity_factors=(
            _severity_factors(raw["severity_factors"]) if "severity_factors" in raw else dict(DEFAULT_SEVERITY_FACTORS)
        ),
        penalties=_penalties(raw["penalties"]) if "penalties" in raw else default_penalties(),
        source=source,
        self_evaluation_gap=_gap(raw["self_evaluation_gap"])
        if "self_evaluation_gap" in raw
        else DEFAULT_SELF_EVALUATION_GAP,
    )


def _gap(value: Any) -> float:
    gap = _number(value, "self_evaluation_gap")
    if gap < 0:
        raise ScoreConfigError("self_evaluation_gap 不能为负数（自评总分高出目标质量分多少分时标出）")
    return gap


def score_config(settings: Config) -> ScoreConfig:
    """The score settings inside the kpi-lint settings (``[tool.kpi-lint.score]`` / ``[score]``)."""
    table = settings.tables.get("score", {})
    where = settings.path
    if not isinstance(table, dict):
        raise ScoreConfigError(f"{where}: score 设置应为表")
    try:
        return config_from_table(table, source=where)
    except ScoreConfigError as exc:
        raise ScoreConfigError(f"{where}: {exc}" if where else str(exc)) from exc


def load_config(path: Path | None = None, cwd: Path | None = None) -> ScoreConfig:
    """Settings from `path`, else from the file discovered upward from `cwd`, else the defaults.

    Discovery is the one `kpi-lint check` uses (kpi_lint.config), so both commands read the same file.
    """
    try:
        settings = load_settings(path, cwd)
    except ConfigError as exc:
        raise ScoreConfigError(str(exc)) from exc
    return score_config(settings)
