"""Documents + their clusters → an indicator library, one concept per cluster."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kpi_lint.cluster.groups import ClusterSet, document_unit
from kpi_lint.library.model import Concept, Library, NameUse, Occurrence, ValueRange
from kpi_lint.model import Document, Indicator, ParsedValue
from kpi_lint.parse.values import base_unit, parse_value, scaled
from kpi_lint.rules.base import location
from kpi_lint.vocab import strip_marks

NO_COMPARATOR = "无"


def range_unit(parsed: ParsedValue) -> str | None:
    """The unit a target's number is compared in ("%", "元", "元/人", "" for a bare number).

    None for words and dates: they have no range.
    """
    if parsed.number is None or parsed.kind in ("date", "qualitative", "empty"):
        return None
    if parsed.kind == "percent":
        return "%"
    return base_unit(parsed) or ""


def where(ind: Indicator, field: str = "level3") -> str:
    """The printed position of one field of an indicator, in the form every output uses."""
    line, column = ind.span(field)
    return location(ind.path, line, column, ind.anchor(field))


def occurrence(ind: Indicator, concept: int, department: str) -> Occurrence:
    return Occurrence(
        concept=concept,
        level3=strip_marks(ind.level3 or ""),
        value=ind.value,
        level2=ind.level2,
        department=department,
        project=ind.project,
        period=ind.period,
        path=ind.path,
        location=where(ind),
        value_location=where(ind, "value"),
    )


def build_library(documents: Sequence[Document], clusters: ClusterSet, min_units: int = 1) -> Library:
    """One concept per cluster used by at least `min_units` units, largest first."""
    return _build(documents, clusters, min_units)


def run_concepts(documents: Sequence[Document], clusters: ClusterSet) -> tuple[Library, dict[int, Concept]]:
    """The library of a run's own rows as the suggestions read it, and each cluster's concept.

    A concept here holds what the suggestions read of it: its number (as `build_library` numbers
    it), canonical name and category.  Its names, positions, ranges and users are not made (the
    suggestions rank peers' own rows and read no range of a library built from the run): per
    distinct name a position string, per file a count, every row once as an Occurrence, all held
    to the end of the run or made to be thrown away.  A row's concept is its cluster's.
    """
    rows: dict[int, list[tuple[str, str | None, str]]] = defaultdict(list)  # cluster → name, category, unit
    for cid, ind, unit in _clustered(documents, clusters):
        rows[cid].append((strip_marks(ind.level3 or ""), ind.level2, unit))
    # What is not made is empty in every concept: one empty list and one empty dict for all of them (seven
    # containers a concept, held to the end of the run, about one concept for every three rows).  Nothing fills
    # a concept of the run's library: the suggestions only read it.
    empty_list: list[Any] = []
    empty_dict: dict[str, int] = {}
    by_cluster: dict[int, Concept] = {}
    order: dict[int, tuple[int, int, str]] = {}  # as `_build` sorts: rows, units, name
    for cid, used in rows.items():
        canonical = _canonical(Counter(name for name, _, _ in used))
        filed = Counter(level2 for _, level2, _ in used if level2)
        level2 = filed.most_common(1)[0][0] if filed else None
        by_cluster[cid] = Concept(
            id=cid,
            name=canonical,
            level2=level2,
            names=empty_list,
            ranges=empty_list,
            level2_counts=empty_dict,
            kinds=empty_dict,
            departments=empty_dict,
            documents=empty_dict,
            occurrences=empty_list,
        )
        order[cid] = (-len(used), -len({unit for _, _, unit in used}), canonical)
    del rows
    concepts = sorted(by_cluster.values(), key=lambda c: order[c.id])
    renumbered = [_renumber(c, i) for i, c in enumerate(concepts, start=1)]
    return Library(renumbered, sources=[d.path for d in documents]), by_cluster


def _build(documents: Sequence[Document], clusters: ClusterSet, min_units: int) -> Library:
    rows: dict[int, list[tuple[Indicator, str]]] = defaultdict(list)  # cluster → its rows and their units
    for cid, ind, unit in _clustered(documents, clusters):
        rows[cid].append((ind, unit))
    by_cluster: dict[int, Concept] = {}
    for cid, used in rows.items():
        if len({unit for _, unit in used}) >= min_units:
            by_cluster[cid] = concept_of(cid, [occurrence(ind, cid, unit) for ind, unit in used])
    concepts = sorted(by_cluster.values(), key=lambda c: (-c.rows, -len(c.departments), c.name))
    renumbered = [_renumber(c, i) for i, c in enumerate(concepts, start=1)]
    return Library(renumbered, sources=[d.path for d in documents])


def concept_of(concept_id: int, occurrences: Sequence[Occurrence]) -> Concept:
    """A concept's summary from its rows: names, category, units of measure and value ranges, users."""
    names = Counter(o.level3 for o in occurrences)
    first_at: dict[str, str] = {}
    for o in occurrences:
        first_at.setdefault(o.level3, o.location)
    canonical = _canonical(names)
    filed = Counter(o.level2 for o in occurrences if o.level2)
    parsed = [(o, parse_value(o.value)) for o in occurrences]
    return Concept(
        id=concept_id,
        name=canonical,
        level2=filed.most_common(1)[0][0] if filed else None,
        names=[NameUse(n, c, first_at[n]) for n, c in sorted(names.items(), key=lambda item: (-item[1], item[0]))],
        ranges=value_ranges(parsed),
        level2_counts=dict(filed.most_common()),
        kinds=dict(Counter(p.kind for _, p in parsed).most_common()),
        departments=dict(Counter(o.department for o in occurrences).most_common()),
        documents=dict(Counter(o.path for o in occurrences).most_common()),
        occurrences=list(occurrences),
    )


def _clustered(documents: Sequence[Document], clusters: ClusterSet) -> Iterator[tuple[int, Indicator, str]]:
    """Each clustered row in reading order: its cluster, the row, and the unit whose document holds it."""
    for doc in documents:
        unit = document_unit(doc)
        for ind in doc.trusted_indicators:  # a garbled table's rows are no usage of a concept
            cid = clusters.cluster_id(ind)
            if cid is not None:
                yield cid, ind, unit


def _canonical(names: Counter[str]) -> str:
    """The most used name that is not another's beginning (a cell cut short: 城乡居民参保就 of
    城乡居民参保就医人均数); among equals the shortest (the others add a place or a qualifier)."""
    return min(_not_a_beginning(names), key=lambda n: (-names[n], len(n), n))


def _not_a_beginning(names: Iterable[str]) -> list[str]:
    """The names that no other name begins with, in their order.  In sorted order the names that begin
    with a name follow it directly, so each name is compared with the next one only (a cluster of
    thousands of names, 满意度, would otherwise compare every name with every other)."""
    ordered = sorted(set(names))
    beginnings = {a for a, b in itertools.pairwise(ordered) if b.startswith(a)}
    return [n for n in names if n not in beginnings]


def value_ranges(parsed: Sequence[tuple[Occurrence, ParsedValue]]) -> list[ValueRange]:
    """The numeric targets by unit of measure, with where the extremes are printed; most used unit first."""
    by_unit: dict[str, list[tuple[float, str, Occurrence]]] = defaultdict(list)
    for occ, value in parsed:
        unit = range_unit(value)
        number = scaled(value)
        if unit is None or number is None:
            continue
        by_unit[unit].append((number, value.comparator or NO_COMPARATOR, occ))
    ranges = []
    for unit, items in by_unit.items():
        items.sort(key=lambda item: item[0])
        ranges.append(
            ValueRange(
                unit=unit,
                count=len(items),
                low=items[0][0],
                median=float(statistics.median(n for n, _, _ in items)),
                high=items[-1][0],
                comparators=dict(Counter(c for _, c, _ in items).most_common()),
                low_at=items[0][2].value_location,
                high_at=items[-1][2].value_location,
            )
        )
    return sorted(ranges, key=lambda r: (-r.count, r.unit))


def _renumber(concept: Concept, new_id: int) -> Concept:
    if concept.occurrences:  # (an empty list stays the one it is: run_concepts' shared empty)
        concept.occurrences = [o.renumbered(new_id) for o in concept.occurrences]
    concept.id = new_id
    return concept
