"""The penalty table (finding code → dimension, penalty, cap), gathered from the rules.

Each rule declares its ``penalty`` (``kpi_lint.penalty.Penalty``); ``docs/scoring.md`` gives the
reasons row by row, and a test checks that every row printed there equals the rule's attribute.
Reviewers may override any row in ``[tool.kpi-lint.score.penalties]``.
"""

from __future__ import annotations

from kpi_lint.penalty import Dimension, Penalty, parse_dimension

__all__ = [
    "Dimension",
    "Penalty",
    "default_penalties",
    "document_codes",
    "fallback_penalty",
    "parse_dimension",
]


def default_penalties() -> dict[str, Penalty]:
    """code → Penalty of every project-level rule (a fresh dict: callers may change it)."""
    from kpi_lint.rules.registry import all_rules

    return {rule.code: rule.penalty for rule in all_rules() if rule.penalty is not None}


def document_codes() -> frozenset[str]:
    """Rules about the document, not a project (KPI204): listed in the roll-up, no project points."""
    from kpi_lint.rules.registry import all_rules

    return frozenset(rule.code for rule in all_rules() if rule.penalty is None)


# A code no rule declares (a plugin's, or a rule removed since a configuration was written) still
# counts, by its family's dimension, so that a finding never silently drops out of the score.
FAMILY_DIMENSION: dict[str, Dimension] = {
    "1": Dimension.MEASURABILITY,
    "2": Dimension.COMPLETENESS,
    "3": Dimension.CONSISTENCY,
    "4": Dimension.CONSISTENCY,
    "5": Dimension.CONSISTENCY,
}
FALLBACK_POINTS = 2.0
FALLBACK_CAP = 10.0


def fallback_penalty(code: str) -> Penalty:
    family = code[3:4] if code.upper().startswith("KPI") else ""
    return Penalty(FAMILY_DIMENSION.get(family, Dimension.CONSISTENCY), FALLBACK_POINTS, FALLBACK_CAP)
