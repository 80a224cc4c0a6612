"""Learning from peers: how other units set the same indicator, and what they use.

The rules call this API (build it once per run over the documents checked):

* ``PeerIndex.outlier(ind)`` — a target far laxer than the same indicator's
  targets elsewhere (satisfaction ≥80% where peers set 90–98%);
* ``PeerIndex.suggest(project, level2)`` — for a category a project lacks, the
  indicators that similar projects (by name and indicator set) use there;
* ``PeerIndex.cluster_for(ind)`` / ``categories(ind)`` — the indicator's cluster and
  the 二级 categories that cluster was filed under (KPI404 evidence).

Only rates and per-unit amounts are compared across units: a count or a total
scales with the county's population and budget, so 371人 is not "low" next to 8034人.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD, EXACT_MOST, BlockMap
from kpi_lint.cluster.groups import Cluster, ClusterSet, Member, build_clusters, document_unit
from kpi_lint.cluster.project_space import ExactSpace, LibrarySpace, Products, ProjectRow, ProjectSpace, used_columns
from kpi_lint.cluster.recent import Recent
from kpi_lint.model import Document, Indicator, ParsedValue, Project
from kpi_lint.parse.values import base_unit, parse_value, scaled

# What a fitting value is per category (domain guidance: "the value fits the indicator").
# A peer row whose value does not fit (成本指标 "预算控制率 ≥95") is not a model to copy.
FITTING_KINDS: dict[str, frozenset[str]] = {
    "数量指标": frozenset({"count"}),
    "质量指标": frozenset({"percent"}),
    "时效指标": frozenset({"date"}),
    "成本指标": frozenset({"money"}),
    "服务对象满意度指标": frozenset({"percent"}),
}
# Categories every project is expected to fill (outputs and cost, by the guidance).
EXPECTED_CATEGORIES = ("数量指标", "质量指标", "时效指标", "成本指标")
MIN_PEER_PROJECTS = 3
PEER_PROJECTS = 8  # nearest projects consulted for a suggestion
# Nearest projects kept per project (itself among them): the suggester's 64 candidates
# (library.suggest.CANDIDATE_PROJECTS) besides the project itself.  A query that needs more is answered
# exactly among the projects it may use, a product over all of them per query: with 64 kept, every
# project among them asked for its 64 others did so.
NEIGHBOURS = 65
# The neighbours of a block of projects come from one sparse product of the block with every project,
# kept while the rules ask about the block's projects (they ask about the projects of the documents in
# turn) and shared by every subset asked (the whole index and one per 二级 category a suggester asks):
# each project's products are computed once per run, the held ones bounded by these two, so memory stays
# linear in the number of projects (the index's matrix and its transpose) whatever the run's size.
_BLOCK_CELLS = 4_000_000  # similarities held at once: block rows × projects
_BLOCK_ROWS = 256
# A target is an outlier when laxer than 90% of its peers' targets and this far from their median.
OUTLIER_PERCENTILE = 10.0
PERCENT_GAP = 5.0  # percentage points
RELATIVE_GAP = 0.2  # of the median, for per-unit amounts (元/人)
# Answers remembered (kpi_lint.cluster.recent: the most recently used, the others worked out again when asked).
# Per cluster: a cluster's rows by category and its targets (one per project); the large clusters, asked by a
# row of nearly every project, stay.  Per cluster and unit: the peers' range seen from one unit (the units of
# the documents being checked ask in turn).  Per peer project and category: its rows to copy (each project
# asks its nearest, and neighbouring documents share them).
CLUSTER_ANSWERS = 16_384
UNIT_ANSWERS = 65_536
PROJECT_ANSWERS = 65_536


@dataclass(frozen=True)
class PeerOutlier:
    message: str  # Chinese, ready for a finding
    peer_count: int  # peer projects compared
    peer_units: int  # distinct other units (counties / departments) among them
    peer_min: float
    peer_median: float
    peer_max: float
    unit: str  # "%" or a per-unit amount ("元/人")
    value: float  # this indicator's target, in the same unit
    cluster_id: int
    cluster_label: str


@dataclass(frozen=True)
class PeerSuggestion:
    level2: str
    level3: str  # as a peer printed it (the most common wording)
    typical_value: str | None  # the most common printed target among the peers
    project_count: int  # peer projects using this indicator in that category
    example: str  # "path:line" of one peer row; its location in an office file ("path:页1 表1 行6 格2")
    cluster_id: int
    support: float  # summed similarity of those peer projects (ranking score)


ProjectKey = tuple[str, str, int]
_NO_COUNTS: Counter[str] = Counter()  # a project with no row in a cluster (read, never written)


@dataclass(frozen=True)
class _PeerStats:
    """Where peers set one indicator: the bounds a target must pass to count as an outlier."""

    count: int  # peer projects
    units: int  # distinct other units among them
    low: float
    median: float
    high: float
    low_bound: float  # the OUTLIER_PERCENTILE-th value: lower targets are laxer than 90% of peers
    high_bound: float  # the (100 - OUTLIER_PERCENTILE)-th value, for ceilings
    gap: float  # the minimum distance from the median that matters

    @classmethod
    def of(
        cls, values: _PeerValues, own_unit: str | None, unit: str, rank: Callable[[int, str], int]
    ) -> _PeerStats | None:
        """The stats of the targets of every unit but `own_unit` (None: fewer than MIN_PEER_PROJECTS);
        `rank(count, method)` is the index np.percentile reads in `count` sorted values."""
        nth, count = values.without(own_unit)
        if count < MIN_PEER_PROJECTS:
            return None
        units = len(values.by_unit) - (own_unit in values.by_unit)
        half = count // 2
        median = nth(half) if count % 2 else (nth(half - 1) + nth(half)) / 2  # as statistics.median
        return cls(
            count=count,
            units=units,
            low=nth(0),
            median=median,
            high=nth(count - 1),
            low_bound=nth(rank(count, "lower")),
            high_bound=nth(rank(count, "higher")),
            gap=PERCENT_GAP if unit == "%" else RELATIVE_GAP * abs(median),
        )


@dataclass(frozen=True)
class _PeerValues:
    """One target per project of a cluster (one unit of measure, one direction), ascending, and each
    unit's own: the peers of a unit (every other unit) are read from these without a pass over all,
    as every unit asks about the large clusters (satisfaction is in nearly every project)."""

    ordered: list[float]
    by_unit: dict[str, list[float]]

    @classmethod
    def of(cls, values: dict[tuple[str, ...], float]) -> _PeerValues:
        by_unit: dict[str, list[float]] = defaultdict(list)
        for key, value in values.items():
            by_unit[key[0]].append(value)
        return cls(sorted(values.values()), {u: sorted(v) for u, v in by_unit.items()})

    def without(self, unit: str | None) -> tuple[Callable[[int], float], int]:
        """The j-th smallest target of the other units (a function of j), and how many they are."""
        ordered = self.ordered
        own = self.by_unit.get(unit, []) if unit is not None else []
        gone: list[int] = []  # positions in `ordered` of the unit's targets (equal values: any of them)
        for value, times in Counter(own).items():
            start = bisect.bisect_left(ordered, value)
            gone.extend(range(start, start + times))
        gone.sort()

        def nth(j: int) -> float:
            i = j
            for g in gone:
                if g > i:
                    break
                i += 1
            return ordered[i]

        return nth, len(ordered) - len(own)


def project_key(path: str, project: Project) -> ProjectKey:
    return (path, project.name, project.line)


@dataclass(frozen=True, eq=False)
class ProjectSubset:
    """Some of a PeerIndex's projects (ascending indexes), to rank peers among; compared by identity."""

    indexes: np.ndarray
    member: np.ndarray  # by project index: whether the subset holds it


@dataclass(frozen=True)
class _NeighbourBlock:
    """The positive products of projects start… with every project, and the nearest read from them."""

    start: int
    size: int  # projects in the block
    products: Products
    nearest: dict[ProjectSubset | None, dict[int, tuple[np.ndarray, np.ndarray, bool]]]


@dataclass(frozen=True)
class _PeerProject:
    key: ProjectKey
    unit: str
    categories: frozenset[str]


class PeerIndex:
    """Clusters of the documents' indicators plus a similarity space over their projects."""

    def __init__(self, clusters: ClusterSet, documents: Sequence[Document]) -> None:
        self.clusters = clusters
        self._projects: list[_PeerProject] = []
        self._path_of: dict[tuple[str, int], str] = {}
        self._unit_by_path: dict[str, str] = {}
        frames = []
        category_sets: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set (most repeat)
        for doc in documents:
            unit = document_unit(doc)
            self._unit_by_path[doc.path] = unit
            for proj in doc.projects:
                if proj.garbled:
                    # Its rows are not taken as data (Indicator.reading): which categories it fills, and what
                    # it resembles, are unknown — no peer to count, rank or copy from.  Asked about itself, it is
                    # ranked as a project outside the index.
                    continue
                key = project_key(doc.path, proj)
                cats = frozenset(i.level2 for i in proj.indicators if i.level2 and i.level3)
                cats = category_sets.setdefault(cats, cats)
                self._projects.append(_PeerProject(key, unit, cats))
                self._path_of[(proj.name, proj.line)] = doc.path
                frames.append(self._project_row(proj))
        rows: defaultdict[ProjectKey, list[Member]] = defaultdict(list)
        for cluster in clusters.clusters:
            for m in cluster.members:
                rows[(m.path, m.project, m.project_line)].append(m)
        named: defaultdict[tuple[str, str], list[ProjectKey]] = defaultdict(list)
        for key in rows:
            named[key[:2]].append(key)
        # Held through the peer phase, one of each a project: tuples (no spare room, one block each).
        self._rows: dict[ProjectKey, tuple[Member, ...]] = {key: tuple(members) for key, members in rows.items()}
        self._named = {name: tuple(keys) for name, keys in named.items()}  # the projects of one name in a file
        self._index_of = {p.key: i for i, p in enumerate(self._projects)}
        self._stats_cache: Recent[tuple[int, str, str | None, bool, float | None], _PeerStats | None] = Recent(
            UNIT_ANSWERS
        )
        self._values_cache: Recent[tuple[int, str, bool, float | None], _PeerValues] = Recent(CLUSTER_ANSWERS)
        self._rank_cache: dict[tuple[int, str], int] = {}
        self._rows_cache: Recent[tuple[ProjectKey, str], list[Member]] = Recent(PROJECT_ANSWERS)
        self._using_cache: dict[str, ProjectSubset] = {}
        self._filed_cache: Recent[int, Counter[str]] = Recent(CLUSTER_ANSWERS)  # cluster id → its rows per 二级
        self._block: _NeighbourBlock | None = None  # the latest block of projects' products
        self._own_latest: tuple[tuple[str, str], dict[int, Counter[str]]] | None = None  # `_own_filed`'s last answer
        columns = used_columns(frames)
        # Up to EXACT_MOST projects (a file, a county) the space is computed with NumPy, the same numbers as
        # scikit-learn's (kpi_lint.cluster.project_space), without importing it.
        space = ExactSpace if len(frames) <= EXACT_MOST else LibrarySpace
        self._space: ProjectSpace | None = space(frames, columns) if columns else None

    # ---- KPI404 -------------------------------------------------------------------------------------------
    def cluster_for(self, indicator: Indicator) -> Cluster | None:
        return self.clusters.cluster_of(indicator)

    def categories(self, indicator: Indicator) -> dict[str, int]:
        """二级 category → how many members of the indicator's cluster are filed there."""
        cluster = self.cluster_for(indicator)
        return dict(cluster.level2) if cluster else {}

    def peer_categories(self, indicator: Indicator) -> Counter[str]:
        """二级 category → how many rows of *other* projects in the indicator's cluster are filed there.

        The indicator's own project is left out: its two periods would otherwise vote for
        the category it is being judged against.
        """
        cluster = self.cluster_for(indicator)
        if cluster is None:
            return Counter()
        # Counted once per cluster while it is asked: large clusters are asked often.
        filed = self._filed_cache.get(cluster.id, lambda: _filed(cluster))
        return filed - self._own_filed((indicator.path, indicator.project)).get(cluster.id, _NO_COUNTS)

    def _own_filed(self, named: tuple[str, str]) -> dict[int, Counter[str]]:
        """The rows of the projects of one name in one file, per cluster id and 二级 category.

        Counted once for the project whose rows are being asked about (they are asked row after row), not once per
        row (rows² a project); only the latest project's counts are held (a Counter per cluster for every project
        of a run would be most of the index again)."""
        held = self._own_latest
        if held is not None and held[0] == named:
            return held[1]
        by_cluster: dict[int, Counter[str]] = {}
        in_cluster = self.clusters.by_text
        for key in self._named.get(named, ()):
            for m in self._rows[key]:
                cid = in_cluster.get(m.text)
                if m.level2 and cid is not None:
                    by_cluster.setdefault(cid, Counter())[m.level2] += 1
        self._own_latest = (named, by_cluster)
        return by_cluster

    # ---- outliers -----------------------------------------------------------------------------------------
    def outlier(self, indicator: Indicator, *, cap: float | None = None) -> PeerOutlier | None:
        """A target far laxer than the same indicator's targets in other units, else None.

        `cap`: the most a target of this indicator can be (100 for a rate that cannot exceed 100%: a
        satisfaction, a coverage). A peer target above it is impossible — a misread cell ("满意度调查290%",
        a score glued to "90%") or a typo the peer is told about — and is no benchmark: it is left out of the
        peers' range and median."""
        cluster = self.cluster_for(indicator)
        parsed = indicator.parsed or parse_value(indicator.value)
        unit = _comparable_unit(parsed)
        value = scaled(parsed)
        if cluster is None or unit is None or value is None:
            return None
        lower = _lower_is_laxer(parsed)
        stats = self._peer_stats(cluster, unit, self._unit_by_path.get(indicator.path), lower, cap)
        if stats is None:
            return None
        # The message says the target lies outside what every peer set: it must, or a peer setting
        # the same target would contradict it ("≥85% 明显低于 … 85%–100%").
        if lower:
            laxer = value < min(stats.low_bound, stats.low) and stats.median - value >= stats.gap
        else:
            laxer = value > max(stats.high_bound, stats.high) and value - stats.median >= stats.gap
        if not laxer:
            return None
        word = "低于" if lower else "高于"
        # Every peer at one value: "都设为 100%", not a range "100%–100%" (sample 54)
        where = (
            f"都设为 {_fmt(stats.low)}{unit}"
            if stats.low == stats.high
            else f"设为 {_fmt(stats.low)}{unit}–{_fmt(stats.high)}{unit}"
        )
        message = (
            f"「{indicator.level3}」的目标 {indicator.value} 明显{word}同类指标：其他 {stats.units} 个单位的 "
            f"{stats.count} 个项目{where}（中位数 {_fmt(stats.median)}{unit}，同类：{cluster.label}）"
        )
        return PeerOutlier(
            message,
            stats.count,
            stats.units,
            stats.low,
            stats.median,
            stats.high,
            unit,
            value,
            cluster.id,
            cluster.label,
        )

    def usual_level(self, indicator: Indicator, *, cap: float | None = None) -> tuple[float, int] | None:
        """The median of the targets other units set for the same indicator (same unit and direction, none above
        `cap`), and how many projects set them; None when the indicator has no cluster or fewer than
        MIN_PEER_PROJECTS peers. What a suggestion can take as the peers' usual level, outlier or not."""
        cluster = self.cluster_for(indicator)
        parsed = indicator.parsed or parse_value(indicator.value)
        unit = _comparable_unit(parsed)
        if cluster is None or unit is None:
            return None
        stats = self._peer_stats(cluster, unit, self._unit_by_path.get(indicator.path), _lower_is_laxer(parsed), cap)
        return None if stats is None else (stats.median, stats.count)

    def _peer_stats(
        self, cluster: Cluster, unit: str, own_unit: str | None, lower: bool, cap: float | None = None
    ) -> _PeerStats | None:
        """The peers' distribution for one cluster, unit and direction, seen from one unit.

        Cached: every indicator of a large cluster (satisfaction appears in nearly every
        project) asks the same question, and recomputing it per indicator is quadratic.
        """

        def values() -> _PeerValues:  # every member read once, not once per unit
            return _PeerValues.of(_project_values(cluster, unit, lower_is_laxer=lower, cap=cap))

        def stats() -> _PeerStats | None:
            everyone = self._values_cache.get((cluster.id, unit, lower, cap), values)
            return _PeerStats.of(everyone, own_unit, unit, self._rank)

        return self._stats_cache.get((cluster.id, unit, own_unit, lower, cap), stats)

    def _rank(self, count: int, method: str) -> int:
        """The index np.percentile reads for OUTLIER_PERCENTILE (method "lower") or its complement
        ("higher") in `count` sorted values: asked of an arange, once per count."""
        key = (count, method)
        if key not in self._rank_cache:
            q = OUTLIER_PERCENTILE if method == "lower" else 100 - OUTLIER_PERCENTILE
            self._rank_cache[key] = int(np.percentile(np.arange(count), q, method=method))  # type: ignore[call-overload]
        return self._rank_cache[key]

    # ---- suggestions --------------------------------------------------------------------------------------
    def similar_projects(
        self, project: Project, path: str | None = None, limit: int | None = None, among: ProjectSubset | None = None
    ) -> list[tuple[ProjectKey, float]]:
        """Other projects by similarity of name and indicator set, most similar first (at most `limit`).

        `among` (from `subset`) ranks only those projects: the same order as the whole ranking with
        the others left out, and each project's nearest among them computed once, by block.
        """
        return list(itertools.islice(self._ranked_peers(project, path, among), limit))

    def subset(self, keep: Callable[[ProjectKey], bool], within: ProjectSubset | None = None) -> ProjectSubset:
        """The indexed projects `keep` accepts, as an `among` for `similar_projects` (build it once); with
        `within`, only those of that subset are asked (the others are left out as if `keep` refused them)."""
        if within is None:
            mask = np.fromiter((keep(p.key) for p in self._projects), dtype=bool, count=len(self._projects))
        else:
            mask = np.zeros(len(self._projects), dtype=bool)
            for i in within.indexes.tolist():
                mask[i] = keep(self._projects[i].key)
        return ProjectSubset(np.flatnonzero(mask), mask)

    def masks_by(self, labels: Callable[[ProjectKey], Iterable[str]]) -> dict[str, np.ndarray]:
        """Per label, which indexed projects `labels` gives it (a boolean mask by project index).

        Each project is asked once; a subset of the projects with any of some labels is then an OR of masks
        (`subset_with_any`), not a question per project for every set of labels asked (a run asks one subset per
        distinct set of a project's sectors, so per-project questions grew with projects × sets)."""
        masks: dict[str, np.ndarray] = {}
        for i, p in enumerate(self._projects):
            for label in labels(p.key):
                mask = masks.get(label)
                if mask is None:
                    mask = masks[label] = np.zeros(len(self._projects), dtype=bool)
                mask[i] = True
        return masks

    def subset_with_any(
        self, masks: Mapping[str, np.ndarray], labels: Iterable[str], within: ProjectSubset | None = None
    ) -> ProjectSubset:
        """The projects (of `within` if given) that `masks` (from `masks_by`) gives any of `labels`: the subset
        `subset(lambda key: any label of the key in labels, within)` makes, from the masks."""
        mask = np.zeros(len(self._projects), dtype=bool)
        for label in labels:
            held = masks.get(label)
            if held is not None:
                mask |= held
        if within is not None:
            mask &= within.member
        return ProjectSubset(np.flatnonzero(mask), mask)

    def _ranked_peers(
        self, project: Project, path: str | None = None, among: ProjectSubset | None = None
    ) -> Iterator[tuple[ProjectKey, float]]:
        """Projects by similarity, sorted by numpy and yielded lazily; only those `among` holds if given."""
        space = self._space
        if space is None:
            return
        own_path = path or _project_path(project) or self._path_of.get((project.name, project.line), "")
        own = project_key(own_path, project)
        row = self._index_of.get(own)
        skip = 0
        query: int | ProjectRow
        if row is not None and space.sparse:
            # An indexed project: its nearest neighbours are computed once, by block.  (A dense
            # matrix — a handful of projects — is ranked exactly below: a dense block product may
            # round differently from one row's.)
            nearest, sims, complete = self._neighbours(row, among)
            for i, sim in zip(nearest.tolist(), sims.tolist(), strict=True):
                key = self._projects[i].key
                if key != own:
                    yield key, sim
            if complete:
                return
            # More were asked for than the kept neighbours hold: the exact ranking, whose first
            # len(nearest) entries are the ones just given (same products, same order).
            skip = len(nearest)
            query = row
        else:
            query = self._project_row(project)
        order = np.arange(space.count) if among is None else among.indexes
        if len(order) == 0:
            return
        sims = space.similarities(query, order)
        for i in np.argsort(-sims, kind="stable")[skip:]:
            if sims[i] <= 0:
                return
            key = self._projects[order[i]].key
            if key != own:
                yield key, float(sims[i])

    def _neighbours(self, row: int, among: ProjectSubset | None = None) -> tuple[np.ndarray, np.ndarray, bool]:
        """A project's NEIGHBOURS most similar projects (itself included) with similarity above 0.

        Ordered by similarity, then index — the order of the exact ranking — with whether that is
        all of them; only projects of `among` when given.  The products of the block of projects around
        `row` with every project come from one sparse product, kept until a project of another block is
        asked; each subset's nearest are read from them.  (A product of two projects is the same number
        whatever block or subset it is computed in: the sum over the row's features in their order.)
        """
        assert self._space is not None
        block = self._block
        if block is None or not block.start <= row < block.start + block.size:
            n = self._space.count
            size = max(1, min(n, _BLOCK_CELLS // max(n, 1), _BLOCK_ROWS))
            start = row - row % size
            products = self._space.block_products(start, size)
            block = self._block = _NeighbourBlock(start, min(size, n - start), products, {})
        nearest = block.nearest.setdefault(among, {})
        if row not in nearest:
            nearest[row] = _nearest(block.products, row - block.start, among)
        return nearest[row]

    def _projects_using(self, level2: str, fitting: frozenset[str] | None) -> ProjectSubset:
        """The projects with rows worth copying under `level2` (most projects lack cost rows)."""
        if level2 not in self._using_cache:
            self._using_cache[level2] = self.subset(lambda key: bool(self._fitting_rows(key, level2, fitting)))
        return self._using_cache[level2]

    def missing_categories(self, project: Project, path: str | None = None) -> list[str]:
        """Expected categories the project leaves empty, plus measurable ones most of its peers fill.

        效益 categories are left to judgement: they are set "where they apply", and peers often
        fill them with filler ("生态影响 ≥95").
        """
        have = {i.level2 for i in project.indicators if i.level2 and i.level3}
        peers = [k for k, _ in self.similar_projects(project, path, limit=PEER_PROJECTS)]
        by_key = {p.key: p for p in self._projects}
        filled = Counter(c for k in peers for c in by_key[k].categories if c in FITTING_KINDS)
        common = [c for c, n in filled.most_common() if n * 2 > len(peers)]
        wanted = list(dict.fromkeys([*EXPECTED_CATEGORIES, *common]))
        return [c for c in wanted if c not in have]

    def suggest(self, project: Project, level2: str, k: int = 3) -> list[PeerSuggestion]:
        """The indicators similar projects most use under `level2`, with their typical value."""
        fitting = FITTING_KINDS.get(level2)
        candidates: list[tuple[ProjectKey, float, list[Member]]] = []
        using = self._projects_using(level2, fitting)
        for key, sim in itertools.islice(self._ranked_peers(project, among=using), PEER_PROJECTS):
            candidates.append((key, sim, self._fitting_rows(key, level2, fitting)))
        support: dict[int, float] = defaultdict(float)
        users: dict[int, list[tuple[float, Member]]] = defaultdict(list)
        for _key, sim, rows in candidates:
            for cid in dict.fromkeys(self.clusters.by_text[m.text] for m in rows):
                if not _mostly_filed_under(self.clusters.get(cid), level2):
                    continue  # a peer's misfiled row (知晓率 under 满意度) is not a model
                support[cid] += sim
                users[cid].extend((sim, m) for m in rows if self.clusters.by_text[m.text] == cid)

        def rank(cid: int) -> tuple[int, float, int]:
            # More peer projects first, then closer ones, then the order the closest peer printed them.
            projects = {(m.path, m.project, m.project_line) for _, m in users[cid]}
            return (-len(projects), -support[cid], min(m.line for _, m in users[cid]))

        ranked = sorted(support, key=rank)
        return [self._suggestion(level2, cid, support[cid], users[cid]) for cid in ranked[:k]]

    def _fitting_rows(self, key: ProjectKey, level2: str, fitting: frozenset[str] | None) -> list[Member]:
        """A peer project's rows under `level2` worth copying; cached, as every project asks its neighbours."""

        def rows() -> list[Member]:
            return _drop_truncated([m for m in self._rows.get(key, ()) if m.level2 == level2 and _fits(m, fitting)])

        return self._rows_cache.get((key, level2), rows)

    def _suggestion(self, level2: str, cid: int, support: float, used: list[tuple[float, Member]]) -> PeerSuggestion:
        members = [m for _, m in sorted(used, key=lambda item: -item[0])]
        wording = Counter(m.level3 for m in members).most_common(1)[0][0]
        values = Counter(m.value.strip() for m in members if m.value and m.value.strip())
        typical = values.most_common(1)[0][0] if values else None
        best = members[0]
        projects = {(m.path, m.project, m.project_line) for m in members}
        example = best.location if best.anchor else f"{best.path}:{best.line}"  # office files: path:页1 表1 行6 格2
        return PeerSuggestion(level2, wording, typical, len(projects), example, cid, round(support, 4))

    def _project_row(self, project: Project) -> ProjectRow:
        norm = self.clusters.normalizer.normalize
        cids = [self.clusters.by_text.get(norm(i.level3)) for i in project.trusted_indicators]
        return {"name": norm(project.name), "clusters": " ".join(f"c{c}" for c in cids if c is not None)}


def _nearest(products: Products, offset: int, among: ProjectSubset | None) -> tuple[np.ndarray, np.ndarray, bool]:
    """Row `offset`'s NEIGHBOURS highest positive products (of `among`'s projects if given), by
    similarity then index, and whether they are all of them.  Only the values reaching the
    NEIGHBOURS-th highest are sorted: the same first NEIGHBOURS as sorting them all, ties included."""
    lo, hi = products.indptr[offset], products.indptr[offset + 1]
    cols, vals = products.indices[lo:hi], products.data[lo:hi]
    keep = vals > 0
    if among is not None:
        keep &= among.member[cols]
    cols, vals = cols[keep], vals[keep]
    if len(vals) > NEIGHBOURS:
        floor = -np.partition(-vals, NEIGHBOURS - 1)[NEIGHBOURS - 1]
        reached = vals >= floor
        cols, vals = cols[reached], vals[reached]
        complete = False
    else:
        complete = True
    order = np.lexsort((cols, -vals))[:NEIGHBOURS]
    return cols[order], vals[order], complete


def build_peer_index(
    documents: Sequence[Document], threshold: float = DEFAULT_THRESHOLD, *, block_map: BlockMap | None = None
) -> PeerIndex:
    """Cluster the documents' indicators and index their projects for peer comparison."""
    return PeerIndex(build_clusters(documents, threshold, block_map=block_map), documents)


def _project_path(project: Project) -> str | None:
    # Project has no path of its own; its rows carry the file they were read from.
    return project.indicators[0].path if project.indicators else None


def _comparable_unit(parsed: ParsedValue) -> str | None:
    """'%' for a rate, '元/人' for a per-unit amount; None for counts and totals."""
    if parsed.number is None:
        return None
    if parsed.kind == "percent":
        return "%"
    unit = base_unit(parsed)
    if parsed.kind == "money" and unit and "/" in unit:
        return unit
    return None


def _lower_is_laxer(parsed: ParsedValue) -> bool:
    """ "≥95%" is laxer when lower; "≤5%" (a failure rate) and a cost ("10元/份") when higher."""
    if parsed.comparator in ("≤", "<"):
        return False
    # An amount with no comparator is a ceiling: a unit cost is a budget, not a goal to exceed.
    return not (parsed.kind == "money" and parsed.comparator in (None, "="))


def _project_values(
    cluster: Cluster, unit: str, *, lower_is_laxer: bool, cap: float | None = None
) -> dict[tuple[str, ...], float]:
    """One target per project of the cluster, keyed (unit, path, project, line), in the members' order
    (both periods of a 申报表 count once); the peers of a unit are the entries of the other units. A target
    above `cap` (impossible for the indicator asked about) is left out."""
    per_project: dict[tuple[str, ...], list[float]] = defaultdict(list)
    for m in cluster.members:
        parsed = parse_value(m.value)
        number = scaled(parsed)
        if number is None or _comparable_unit(parsed) != unit or _lower_is_laxer(parsed) != lower_is_laxer:
            continue
        if cap is not None and number > cap:
            continue
        per_project[(m.unit, m.path, m.project, str(m.project_line))].append(number)
    return {key: statistics.median(nums) for key, nums in per_project.items()}


def _filed(cluster: Cluster) -> Counter[str]:
    """How many rows of the cluster each 二级 category holds, counted project by project."""
    by_project: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for m in cluster.members:
        if m.level2:
            by_project[(m.path, m.project)][m.level2] += 1
    return sum(by_project.values(), Counter())


def _fits(member: Member, kinds: frozenset[str] | None) -> bool:
    if kinds is None:
        return True
    return parse_value(member.value).kind in kinds


def _fmt(number: float) -> str:
    return f"{number:g}"


def _drop_truncated(rows: list[Member]) -> list[Member]:
    """Drop rows whose text is the start of another row's (the other period's cell, cut short)."""
    texts = {m.level3 for m in rows}
    return [m for m in rows if not any(t != m.level3 and t.startswith(m.level3) for t in texts)]


def _mostly_filed_under(cluster: Cluster, level2: str) -> bool:
    return cluster.level2.get(level2, 0) == max(cluster.level2.values())
