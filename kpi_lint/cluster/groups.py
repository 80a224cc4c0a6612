"""Documents → clusters of similar 三级指标 across units, with what they span.

A cluster records its members (with source line), the units (counties /
departments) it spans, the 二级 categories it was filed under — a cluster spread
over several categories is evidence for KPI404 misfiled-indicator — and, for
numeric targets, the distribution of values by unit.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD, BlockMap, Progress, TextClusters, cluster_texts
from kpi_lint.cluster.features import TELLING_KINDS
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Document, Indicator
from kpi_lint.parse.values import base_unit, parse_value, scaled
from kpi_lint.rules.base import location


@dataclass(frozen=True, slots=True)
class MemberProject:
    """What the members of one project share: the project's line and the unit the project belongs to."""

    line: int  # of the project's name: two projects of a document may share a name
    unit: str  # the department (or file name) the project's indicators belong to


# A member holds its row, not a copy of the row's fields, and its project's line and unit through one
# object per project: the index holds a member for every row of a run (held beside the rows themselves
# through the peer phase), and eight fields more were half its memory.
@dataclass(frozen=True, slots=True, eq=False)
class Member:
    """A clustered row: the indicator, its project (line, unit), its normalized name.

    Read like the row (path, project, period, level2, level3, value, line, column, anchor); compared by
    identity (an indicator is not hashable).
    """

    row: Indicator  # with a 三级指标 (only those are clustered)
    owner: MemberProject  # one for every member of the row's project
    text: str  # normalized 三级指标

    @property
    def project_line(self) -> int:
        """The line of the project's name: two projects of a document may share a name."""
        return self.owner.line

    @property
    def unit(self) -> str:
        """The department (or file name) the indicator belongs to."""
        return self.owner.unit

    @property
    def path(self) -> str:
        return self.row.path

    @property
    def project(self) -> str:
        return self.row.project

    @property
    def period(self) -> str | None:
        return self.row.period

    @property
    def level2(self) -> str | None:
        return self.row.level2

    @property
    def level3(self) -> str:
        return self.row.level3 or ""  # never empty: a row without a 三级指标 is no member

    @property
    def value(self) -> str | None:
        return self.row.value

    @property
    def line(self) -> int:
        return self.row.line

    @property
    def column(self) -> int:
        """Of the 三级指标 cell, with `line`."""
        return self.row.column

    @property
    def anchor(self) -> str | None:
        """The 三级指标's place in an office file (page, table and cell, sheet!cell; see Located)."""
        return self.row.anchor("level3")

    @property
    def location(self) -> str:
        """Where the row is printed, as people read it (rules.base.location)."""
        return location(self.path, self.line, self.column, self.anchor)


@dataclass(frozen=True)
class ValueStats:
    """Numeric targets of one unit of measure, in base units (万元 → 元)."""

    unit: str
    count: int
    min: float
    median: float
    max: float


# Slots, and the units and value ranges worked out from the members when read: a run holds one cluster per
# distinct name (most of a province's long tail are clusters of one or two rows) through the peer phase, and
# only the cluster reports read those two (a list of units and one of ValueStats per cluster, held unread).
@dataclass(slots=True)
class Cluster:
    id: int
    label: str  # the most central member's printed 三级指标
    members: tuple[Member, ...] = field(repr=False)  # never changed: a tuple holds no spare room
    level2: dict[str, int] = field(default_factory=dict)  # category → members filed there

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def units(self) -> list[str]:
        """The units (departments, file names) the members belong to, sorted."""
        return sorted({m.unit for m in self.members})

    @property
    def values(self) -> list[ValueStats]:
        """The members' numeric targets by unit of measure (value_stats)."""
        return value_stats(m.value for m in self.members)


IndicatorKey = tuple[str, str, str | None, int, int]


def indicator_key(ind: Indicator) -> IndicatorKey:
    """Identity of a parsed indicator (Indicator is mutable, so not hashable itself)."""
    return (ind.path, ind.project, ind.period, ind.line, ind.column)


def document_unit(doc: Document) -> str:
    """The unit a document speaks for: its department, else its projects' 实施单位, else its file name."""
    if doc.department:
        return doc.department.text
    implementers = Counter(p.implementer.text for p in doc.projects if p.implementer)
    return implementers.most_common(1)[0][0] if implementers else Path(doc.path).name


@dataclass
class ClusterSet:
    clusters: list[Cluster] = field(repr=False)
    normalizer: TextNormalizer = field(repr=False)
    threshold: float
    by_text: dict[str, int] = field(repr=False)  # normalized text → cluster id
    # indicator_key → cluster id, only for a place two clustered rows share (the cluster of the last one):
    # any other clustered row is in its text's cluster, and one entry per row was most of this set.
    by_key: dict[IndicatorKey, int] = field(repr=False)

    def get(self, cluster_id: int) -> Cluster:
        return self.clusters[cluster_id - 1]

    def cluster_of(self, ind: Indicator) -> Cluster | None:
        """The indicator's cluster; an indicator not clustered here is looked up by its text."""
        cid = self.cluster_id(ind)
        return self.get(cid) if cid is not None else None

    def cluster_id(self, ind: Indicator) -> int | None:
        """The id of a clustered row's cluster (None for a row with no name to cluster), read as for
        `cluster_of`: a row of the documents clustered here is in its place's or else its text's cluster."""
        cid = self.by_key.get(indicator_key(ind)) if self.by_key else None
        if cid is None and ind.level3 is not None:
            cid = self.by_text.get(self.normalizer.normalize(ind.level3))
        return cid


def collect_members(
    documents: Sequence[Document], normalizer: TextNormalizer
) -> tuple[list[Member], dict[int, IndicatorKey]]:
    """Every indicator with a 三级指标 that survives normalization, and, by member index, the identity
    of each member whose identity another member shares (a place read twice).

    Identities are counted one path at a time (an identity holds its row's path), so that no identity
    is held for every row of a run: only those read twice.
    """
    twice = _read_twice(documents, normalizer)
    members: list[Member] = []
    shared: dict[int, IndicatorKey] = {}
    for doc in documents:
        unit = document_unit(doc)
        for proj in doc.projects:
            owner = MemberProject(proj.line, unit)
            for ind in proj.trusted_indicators:  # a garbled table's rows are no indicators to group
                text = normalizer.normalize(ind.level3)
                if not text or ind.level3 is None:
                    continue
                again = twice.get(ind.path)
                if again is not None:
                    key = indicator_key(ind)
                    if key in again:
                        shared[len(members)] = key
                members.append(Member(ind, owner, text))
    return members, shared


def _read_twice(documents: Sequence[Document], normalizer: TextNormalizer) -> dict[str, set[IndicatorKey]]:
    """Per row path, the identities two of its members share (paths without any left out)."""
    holding: dict[str, list[Document]] = defaultdict(list)  # row path → the documents with rows of it
    for doc in documents:
        for path in dict.fromkeys(ind.path for ind in doc.trusted_indicators):
            holding[path].append(doc)
    twice: dict[str, set[IndicatorKey]] = {}
    for path, docs in holding.items():
        counts = Counter(
            indicator_key(ind)
            for doc in docs
            for ind in doc.trusted_indicators
            if ind.path == path and ind.level3 is not None and normalizer.normalize(ind.level3)
        )
        again = {key for key, times in counts.items() if times > 1}
        if again:
            twice[path] = again
    return twice


def build_clusters(
    documents: Sequence[Document],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
    block_map: BlockMap | None = None,
) -> ClusterSet:
    """Cluster every indicator with a 三级指标 of `documents`; ids by size, largest first."""
    normalizer = TextNormalizer.for_documents(documents, lexicon)
    members, shared = collect_members(documents, normalizer)
    counts = Counter(m.text for m in members)
    unique = list(counts)
    if on_total is not None:
        on_total(len(unique))
    result = cluster_texts(
        unique,
        normalizer,
        threshold,
        kinds=value_kinds(members),
        per=per_units(members),
        progress=progress,
        block_map=block_map,
    )
    return _assemble(members, shared, counts, result, normalizer, threshold)


def _assemble(
    members: list[Member],
    shared: dict[int, IndicatorKey],
    counts: Counter[str],
    result: TextClusters,
    normalizer: TextNormalizer,
    threshold: float,
) -> ClusterSet:
    label_of = {t: int(lab) for t, lab in zip(result.texts, result.labels, strict=True)}
    centrals = result.centrals([counts[t] for t in result.texts])
    grouped: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        grouped[label_of[m.text]].append(i)
    ordered = sorted(grouped.values(), key=lambda idx: (-len(idx), members[idx[0]].text))
    clusters: list[Cluster] = []
    by_text: dict[str, int] = {}
    by_key: dict[IndicatorKey, int] = {}
    # One dict for each distinct filing (most clusters are a row or two under one category), shared by the
    # clusters filed so: a dict per cluster was ≈ 200 bytes, held through the peer phase. Never written to.
    filings: dict[tuple[tuple[str, int], ...], dict[str, int]] = {}
    for cid, idx in enumerate(ordered, start=1):
        group = tuple(members[i] for i in idx)
        texts = list(dict.fromkeys(m.text for m in group))
        central_text = result.texts[centrals[label_of[group[0].text]]]
        label = Counter(m.level3 for m in group if m.text == central_text).most_common(1)[0][0]
        filed = tuple(Counter(m.level2 or "—" for m in group).most_common())
        level2 = filings.get(filed)
        if level2 is None:
            level2 = filings[filed] = dict(filed)
        clusters.append(Cluster(id=cid, label=label, members=group, level2=level2))
        by_text.update(dict.fromkeys(texts, cid))
        if shared:
            by_key.update(dict.fromkeys((shared[i] for i in idx if i in shared), cid))
    return ClusterSet(clusters, normalizer, threshold, by_text, by_key)


def value_kinds(members: Iterable[Member]) -> dict[str, str]:
    """Normalized text → the telling kinds of its targets ("count", "date percent")."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for m in members:
        kind = parse_value(m.value).kind
        if kind in TELLING_KINDS:
            kinds[m.text].add(kind)
    return {text: " ".join(sorted(k)) for text, k in kinds.items()}


def per_units(members: Iterable[Member]) -> dict[str, str]:
    """Normalized text → what its amounts are counted per ("份" for 10元/份, "人 人次"), for amounts per a unit.

    A cost per copy and a cost per person are two measures whatever the names share (宣传资料单位成本 10元/份,
    出差单位成本 0万元/人): the clustering keeps them apart (`measures_clash`).
    """
    per: dict[str, set[str]] = defaultdict(set)
    for m in members:
        parsed = parse_value(m.value)
        unit = (base_unit(parsed) or "") if parsed.kind == "money" else ""
        if "/" in unit:
            per[m.text].add(unit.split("/", 1)[1])
    return {text: " ".join(sorted(units)) for text, units in per.items()}


def value_stats(values: Iterable[str | None]) -> list[ValueStats]:
    """min / median / max of the numeric targets, grouped by base unit (% for percents)."""
    by_unit: dict[str, list[float]] = defaultdict(list)
    for raw in values:
        parsed = parse_value(raw)
        number = scaled(parsed)
        if number is None or parsed.kind in ("date", "qualitative", "empty"):
            continue
        unit = "%" if parsed.kind == "percent" else (base_unit(parsed) or "")
        by_unit[unit].append(number)
    stats = [
        ValueStats(unit, len(nums), min(nums), statistics.median(nums), max(nums)) for unit, nums in by_unit.items()
    ]
    return sorted(stats, key=lambda s: (-s.count, s.unit))
