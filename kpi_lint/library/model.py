"""The records of an indicator library: concepts, the names used for them, value ranges, occurrences.

Every occurrence keeps the file and the place of the row it came from, and every value range
says where its lowest and highest targets were printed, so that a reviewer can go from any
figure of the library back to the disclosure.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class LibraryError(ValueError):
    """A library file that cannot be used: one Chinese line naming the file and the problem."""


@dataclass(frozen=True)
class Occurrence:
    """One row of a disclosure that uses a concept."""

    concept: int
    level3: str  # the 三级指标 as printed
    value: str | None  # the 指标值 as printed
    level2: str | None  # the 二级指标 the row is filed under
    department: str  # the unit (部门 / 单位) the document speaks for
    project: str
    period: str | None
    path: str
    location: str  # of the 三级指标 cell: "path:line:col", "path:页3 …", "path!Sheet!C12"
    value_location: str  # of the 指标值 cell

    def renumbered(self, concept: int) -> Occurrence:
        """This row as a use of concept number `concept`: `dataclasses.replace(self, concept=concept)`,
        without its cost per call (every row of a library is renumbered once it is sorted)."""
        return Occurrence(
            concept=concept,
            level3=self.level3,
            value=self.value,
            level2=self.level2,
            department=self.department,
            project=self.project,
            period=self.period,
            path=self.path,
            location=self.location,
            value_location=self.value_location,
        )


@dataclass(frozen=True)
class NameUse:
    """A name used for a concept and how many rows use it."""

    name: str
    count: int
    example: str = ""  # one location where it is printed


@dataclass(frozen=True)
class ValueRange:
    """The numeric targets of one unit of measure ("%", "人", "元", "元/人"; "" for a bare number).

    Amounts are in base units (7.2万元 → 72000 元).  In a curated library `low`–`high` is the
    accepted range: a reviewer widens or narrows it by editing the two numbers.
    """

    unit: str
    count: int
    low: float
    median: float
    high: float
    comparators: dict[str, int] = field(default_factory=dict)  # "≥" → rows; "无" for none printed
    low_at: str = ""  # where the lowest target is printed
    high_at: str = ""  # where the highest target is printed


# Slots: a run's own library (kpi_lint.library.build.run_concepts) holds one concept per cluster, about one for
# every three rows, through the peer phase; an instance dict was ≈ 300 of its bytes.
@dataclass(slots=True)
class Concept:
    """One indicator concept: a cluster of rows that measure the same thing."""

    id: int
    name: str  # the canonical name: the most used printed name
    level2: str | None  # the 二级指标 most of its rows are filed under
    names: list[NameUse] = field(default_factory=list)
    ranges: list[ValueRange] = field(default_factory=list)
    level2_counts: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)  # value kind → rows (percent, date, qualitative …)
    departments: dict[str, int] = field(default_factory=dict)  # unit → rows
    documents: dict[str, int] = field(default_factory=dict)  # path → rows
    occurrences: list[Occurrence] = field(default_factory=list, repr=False)

    @property
    def rows(self) -> int:
        return sum(n.count for n in self.names)

    def range_for(self, unit: str) -> ValueRange | None:
        return next((r for r in self.ranges if r.unit == unit), None)


@dataclass
class Library:
    concepts: list[Concept]
    sources: list[str] = field(default_factory=list)  # the files it was built from

    _by_id: dict[int, Concept] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)  # concepts indexed in _by_id

    def get(self, concept_id: int) -> Concept | None:
        """The concept with this id (the first, should two share it), else None."""
        if self._indexed != len(self.concepts):  # indexed on first use (and again if concepts were added)
            self._by_id = {}
            for c in self.concepts:
                self._by_id.setdefault(c.id, c)
            self._indexed = len(self.concepts)
        return self._by_id.get(concept_id)
