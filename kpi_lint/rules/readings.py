"""What the rules read in a row's cells, worked out once per run instead of once per rule.

Ten rules walk a project's rows with a target (`filled_targets`), six ask whether a 三级指标 cell
reads as a name (`is_name`), four which unit a name calls for (`expected_unit`): the same answers
for the same cells, computed again by each rule.  A `CellReadings` belongs to one `RuleContext`
(a run, or a process's file tasks) and remembers them: the texts' answers while it holds fewer than
`MEMO_LIMIT` of them, the filled rows of the last `PROJECT_LIMIT` projects (a document's projects
are read by every rule in turn).  The answers are those of the functions in
kpi_lint.rules.target.common, which stay the definition.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Indicator, ParsedValue, Project
from kpi_lint.rules.target.common import (
    expected_unit,
    filled_targets,
    is_name,
    name_cues,
    target_in_name,
    unit_only,
)

MEMO_LIMIT = 200_000  # distinct texts remembered per question; the memo starts again when it is full
PROJECT_LIMIT = 256  # projects whose filled rows are remembered (more than a document holds)

_Answer = TypeVar("_Answer")


def _remembered(memo: dict[str | None, _Answer], text: str | None, answer: Callable[[str | None], _Answer]) -> _Answer:
    """`answer(text)`, computed once while `memo` holds fewer than MEMO_LIMIT texts (then it starts again)."""
    try:
        return memo[text]
    except KeyError:
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        found = memo[text] = answer(text)
        return found


class CellReadings:
    """`filled_targets`, `is_name` and `expected_unit` of kpi_lint.rules.target.common, remembered; and
    `value_is_the_target`, the guard of the rules that judge a row's value cell."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cues = name_cues(lexicon)
        self._names: dict[str | None, bool] = {}
        self._units: dict[str | None, str | None] = {}
        # id(project) → (the project, kept so that its id is not reused; its filled rows)
        self._filled: dict[int, tuple[Project, tuple[tuple[Indicator, ParsedValue], ...]]] = {}

    def filled_targets(self, project: Project) -> tuple[tuple[Indicator, ParsedValue], ...]:
        """Each indicator of `project` that has a target, with its parsed value."""
        entry = self._filled.get(id(project))
        if entry is None or entry[0] is not project:
            if len(self._filled) >= PROJECT_LIMIT:
                self._filled.clear()
            entry = (project, tuple(filled_targets(project, self.lexicon)))
            self._filled[id(project)] = entry
        return entry[1]

    def is_name(self, level3: str | None) -> bool:
        """The 三级指标 cell reads as a name (kpi_lint.rules.target.common.is_name)."""
        return _remembered(self._names, level3, is_name)

    def value_is_the_target(self, ind: Indicator) -> bool:
        """The row's value cell holds its target as printed, so a rule may judge it: the 三级指标 cell reads as a
        name (not shifted cells), does not print the target itself, and the value is more than a unit whose
        figure was lost."""
        return self.is_name(ind.level3) and not target_in_name(ind.level3) and not unit_only(ind.value, self.cues)

    def expected_unit(self, level3: str | None) -> str | None:
        """The unit the indicator name calls for (kpi_lint.rules.target.common.expected_unit)."""
        return _remembered(self._units, level3, lambda text: expected_unit(text, self.cues))
