"""Score settings: discovery, both file kinds, --config, defaults and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.rules.base import Severity
from kpi_lint.score import Dimension, ScoreConfigError, load_config
from kpi_lint.score.config import DEFAULT_BANDS, DEFAULT_WEIGHTS
from kpi_lint.score.table import Penalty, default_penalties


def test_defaults_without_any_file(tmp_path: Path) -> None:
    cfg = load_config(cwd=tmp_path)
    assert cfg.weights == DEFAULT_WEIGHTS and cfg.bands == DEFAULT_BANDS and cfg.source is None
    assert cfg.penalties == default_penalties()


def test_pyproject_discovered_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kpi-lint.score]\nweights = { measurability = 50 }\nbands = { "甲" = 85, "乙" = 0 }\n'
        "[tool.kpi-lint.score.penalties]\nKPI203 = { points = 0 }\n",
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = load_config(cwd=deep)
    assert cfg.source == tmp_path / "pyproject.toml"
    assert cfg.weights[Dimension.MEASURABILITY] == 50 and cfg.weights[Dimension.COMPLETENESS] == 25
    assert cfg.bands == (("甲", 85.0), ("乙", 0.0))
    assert cfg.penalties["KPI203"] == Penalty(Dimension.RELEVANCE, 0.0, 20.0)


def test_kpi_lint_toml_wins_and_uses_a_top_level_score_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.kpi-lint.score]\nweights = { measurability = 50 }\n", encoding="utf-8"
    )
    (tmp_path / "kpi-lint.toml").write_text(
        "[score]\nseverity_factors = { info = 1.0 }\n[score.penalties]\n"
        'KPI305 = { dimension = "可衡量性", points = 3, cap = 12 }\n',
        encoding="utf-8",
    )
    cfg = load_config(cwd=tmp_path)
    assert cfg.source == tmp_path / "kpi-lint.toml"
    assert cfg.weights == DEFAULT_WEIGHTS
    assert cfg.severity_factors[Severity.INFO] == 1.0
    assert cfg.penalty("KPI305") == Penalty(Dimension.MEASURABILITY, 3.0, 12.0)


def test_explicit_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[score]\nweights = { consistency = 0 }\n", encoding="utf-8")
    assert load_config(path).weights[Dimension.CONSISTENCY] == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[score]\nweights = { "效率" = 10 }\n', "未知的评分维度"),
        ('[score]\nweights = { completeness = "高" }\n', "应为数字"),
        ("[score]\nbands = {}\n", "bands"),
        ('[score]\ncolour = "red"\n', "未知的设置"),
        ("[score]\nseverity_factors = { fatal = 2 }\n", "未知的严重程度"),
        ("[score\n", "TOML"),
    ],
)
def test_bad_settings_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "kpi-lint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScoreConfigError) as err:
        load_config(path)
    assert message in str(err.value) and str(path) in str(err.value)
