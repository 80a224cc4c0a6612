"""A table printed across: its indicators' names along one line, each period's targets on the next.

Some templates (广东's 省级专项资金绩效目标表) and PDFs turned on their side print the 三级指标 heading
first on a line, the names after it, then a target heading ("年度目标值", "实施周期目标值") with the
targets below, in the names' order::

    三级指标 | 新建高校(校区) | 工程质量达标率(%)
    开工率(%)                      (a name wrapped onto the next line)
    年度目标值
    7 | 100% | 100%
    实施周期目标值
    7 | 100% | 100% | 不断提升 | …

`Across` gathers the names, then pairs each line of targets with them, in order; targets beyond the
last name belong to names the text does not print and are left out (kept in `unnamed`: the table
is not whole, and what it lacks may be among those rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi_lint.grid import Cell
from kpi_lint.parse.form_header import is_number

_TARGET_HEADS = ("value", "actual", "adjusted_value")


@dataclass
class Across:
    names: list[Cell]
    heading: Cell | None = None  # the target heading waiting for its line of targets
    paired: list[tuple[Cell, list[tuple[Cell, Cell]]]] = field(default_factory=list)
    unnamed: list[Cell] = field(default_factory=list)  # targets beyond the last name (their names not printed)

    @classmethod
    def opened_by(cls, filled: list[Cell], roles: list[str | None]) -> Across | None:
        """A line "三级指标 | name | name …": the heading of the names, then names no list knows."""
        if len(filled) < 3 or roles[0] != "level3" or any(roles[1:]):
            return None
        if any(is_number(c.text) for c in filled[1:]):
            return None
        return cls(names=list(filled[1:]))

    def take(self, filled: list[Cell], roles: list[str | None]) -> bool:
        """Read one more line of the table; False when the line is not the table's."""
        if roles[0] in _TARGET_HEADS and not any(roles[1:]):
            self.heading = filled[0]
            targets = filled[1:]
            if targets:
                self._pair(targets)
            return True
        if any(roles):
            return False
        if self.heading is None:
            if len(filled) == 1 and not is_number(filled[0].text):
                self.names.append(filled[0])  # a name wrapped onto the next line
                return True
            return False
        if not is_number(filled[0].text) and not self.paired:
            return False
        self._pair(filled)
        return True

    def _pair(self, targets: list[Cell]) -> None:
        assert self.heading is not None
        self.paired.append((self.heading, list(zip(self.names, targets, strict=False))))
        self.unnamed.extend(targets[len(self.names) :])
        self.heading = None
