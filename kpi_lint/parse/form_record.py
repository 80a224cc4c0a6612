"""A record: one indicator row of one period group as the block reader collects it."""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi_lint.grid import Cell


@dataclass
class Record:
    """One indicator row of one period group, before it becomes an Indicator."""

    group: int
    level1: Cell | None
    level2: Cell | None
    data: dict[str, Cell] = field(default_factory=dict)
    extra_values: dict[str, Cell] = field(default_factory=dict)  # period → value cell (one group, several periods)
    project: Cell | None = None  # the 项目名称 cell of a table that holds several projects
    inferred_level2: str | None = None  # a 二级 the table did not print, known from the label after it
    places: list[Cell] = field(default_factory=list)  # the targets of the further places (place_value columns)
