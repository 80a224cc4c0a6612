"""Suggestions that fit: a value offered for a row passes the catalog's own value checks first (issue 11).

Every rule builds its findings through ``Rule.finding``; there a suggested value for a row (from a rule whose
``suggests_value`` is set) is made final here, in one place: the row is read again with the suggestion in its
value cell, alone in a copy of its project, and the rules that judge a value (``suggests_value``: KPI101–106,
KPI108, KPI109), without the peer comparison, check it.  A suggestion none of them flags is offered as it is;
one that the offering rule itself flags is replaced by the fix it offers there ("≥100%" from the peers' median →
"=100%", KPI105's own form for a full rate), when that fix passes in turn; one that another rule flags is not
offered (a 满意度 row is not offered "是", which KPI104 flags): the finding's message says what to write, and a
value from another rule's fix would contradict it.  A form with a figure to fill in ("≥N%", "不晚于N月底") is a
pattern, not a value: it is offered as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse.values import parse_value

if TYPE_CHECKING:
    from kpi_lint.rules.base import Finding, Rule, RuleContext

# A form's figure to fill in: the capital N standing alone ("≥N%", "不晚于2023年N月底"), not inside a word (PM2.5, GDP).
_FILL_IN = re.compile(r"(?<![A-Za-z])N(?![A-Za-z])")
# A fix may itself be flagged and fixed again; a chain longer than this (never seen) is given up.
_ROUNDS = 3


class SuggestionFit:
    """The value checks of a run's context, run on a row with a suggested value in its value cell."""

    def __init__(self, context: RuleContext) -> None:
        self._context = context
        self._checks: list[Rule] | None = None

    def _rules(self) -> list[Rule]:
        if self._checks is None:
            from kpi_lint.rules.base import RuleContext
            from kpi_lint.rules.context import PEERS
            from kpi_lint.rules.registry import all_rules

            ctx = self._context
            quiet = RuleContext(
                lexicon=ctx.lexicon,
                options=ctx.options,
                documents=ctx.documents,
                extras={k: v for k, v in ctx.extras.items() if k != PEERS},  # a benchmark, not a value check
                fits_suggestions=False,  # the checks' own fixes are taken as they come, not fitted again
            )
            self._checks = [rule(quiet) for rule in all_rules() if rule.suggests_value]
        return self._checks

    def fit(self, code: str, suggestion: str, indicator: Indicator, project: Project, doc: Document) -> str | None:
        """`suggestion` of rule `code`, or the fix that rule gives for it, as long as the value offered passes the
        value checks; None when no such value is found."""
        current = suggestion
        tried: set[str] = set()
        for _ in range(_ROUNDS):
            if _FILL_IN.search(current):
                return current
            tried.add(current)
            flagged = self._flags(current, indicator, project, doc)
            if not flagged:
                return current
            if any(f.code != code for f in flagged):
                return None
            current = next((f.suggestion for f in flagged if f.suggestion and f.suggestion not in tried), "")
            if not current:
                return None
        return None

    def _flags(self, value: str, indicator: Indicator, project: Project, doc: Document) -> list[Finding]:
        """What the value checks find in the row with `value` in its value cell."""
        row = replace(indicator, value=value, parsed=parse_value(value, self._context.lexicon))
        alone = replace(project, indicators=[row])
        return [
            f
            for rule in self._rules()
            for f in rule.check_project(alone, doc)
            if f.level3 == row.level3 and f.value == value
        ]
