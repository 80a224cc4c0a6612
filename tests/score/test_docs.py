"""docs/scoring.md and the code say the same thing: the penalty table, weights, bands, the example."""

from __future__ import annotations

import re
import tomllib

from kpi_lint.rules.registry import all_rules
from kpi_lint.score.config import DEFAULT_BANDS, DEFAULT_WEIGHTS, config_from_table
from kpi_lint.score.table import Dimension, default_penalties, document_codes
from tests.corpus import ROOT
from tests.score.doc_table import documented_penalties, documented_weights

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def test_penalty_table_matches_the_code() -> None:
    """Every row printed in docs/scoring.md is what the rule itself declares."""
    declared = default_penalties()
    documented = documented_penalties()
    assert documented, "docs/scoring.md lost its penalty table"
    assert {code: declared.get(code) for code in documented} == documented


def test_every_rule_declares_its_penalty() -> None:
    """Adding a rule takes its module and its YAML: the penalty is a class attribute of the rule."""
    rules = all_rules()
    assert rules, "the rule registry is empty"
    for rule in rules:
        assert "penalty" in vars(rule), f"{rule.code} declares no penalty"
    assert document_codes() == {"KPI204"}
    documented = set(re.findall(r"^\| (KPI\d{3}) \|", DOC, re.M))
    assert {"KPI101", "KPI201", "KPI303", "KPI506"} <= documented


def test_weights_and_bands_tables_match_the_defaults() -> None:
    assert documented_weights() == DEFAULT_WEIGHTS
    bands = re.findall(r"^\| (\S) \| (?:≥ )?(\d+)(?: – \d+)? \|", DOC, re.M)
    assert [(g, float(low)) for g, low in bands[:3]] == list(DEFAULT_BANDS[:3])


def test_settings_example_is_valid() -> None:
    (example,) = re.findall(r"```toml\n(.*?)```", DOC, re.S)
    cfg = config_from_table(tomllib.loads(example)["tool"]["kpi-lint"]["score"])
    assert cfg.penalty("KPI203").points == 0
    assert cfg.penalty("KPI305").dimension is Dimension.MEASURABILITY
