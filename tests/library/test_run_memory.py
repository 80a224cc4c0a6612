"""The peer phase holds each row once: the run's library keeps no rows nor names, the peer index no per-project
counts, and they answer as the structures that held them did.

Samples and wild set (every row of every readable file); the references are the library with its
rows (`build_library`, as `kpi-lint library` writes it) looked up by position, and the per-project
counts of each cluster's categories.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kpi_lint.cluster import ClusterSet, PeerIndex
from kpi_lint.library.build import build_library, run_concepts, where
from kpi_lint.library.model import Library
from kpi_lint.library.suggest import Suggester
from kpi_lint.model import Document


def test_a_row_has_the_concept_of_its_position_in_the_library_with_rows(
    all_docs: list[Document], all_clusters: ClusterSet, library: Library, suggester: Suggester
) -> None:
    at = {(o.path, o.location): c for c in library.concepts for o in c.occurrences}
    run_library, by_cluster = run_concepts(all_docs, all_clusters)
    # What the suggestions read of a concept (number, name, category) is the library's; nothing per row is kept.
    assert [(c.id, c.name, c.level2) for c in run_library.concepts] == [
        (c.id, c.name, c.level2) for c in library.concepts
    ]
    assert not any(c.occurrences or c.names or c.ranges for c in run_library.concepts)
    # What is not made is the run's one empty list and one empty dict, in every concept (seven containers each).
    lists = {id(x) for c in run_library.concepts for x in (c.names, c.ranges, c.occurrences)}
    dicts = {id(x) for c in run_library.concepts for x in (c.level2_counts, c.kinds, c.departments, c.documents)}
    assert len(lists) == len(dicts) == 1 and not run_library.concepts[0].level2_counts
    # One concept per cluster is held through the peer phase: in slots, no instance dict each.
    assert not any(hasattr(c, "__dict__") for c in run_library.concepts)
    assert len(by_cluster) == len(library.concepts)
    rows = [i for d in all_docs for i in d.indicators]
    found = [(suggester.concept_of(i), at.get((i.path, where(i)))) for i in rows]
    assert sum(old is not None for _, old in found) > 1300  # 1,408 rows of samples + wild set have one
    assert [new.id if new else None for new, _ in found] == [old.id if old else None for _, old in found]
    assert build_library(all_docs, all_clusters).concepts[0].occurrences  # `kpi-lint library` keeps them


def test_the_categories_of_other_projects_are_counted_as_per_project_counts_did(
    all_docs: list[Document], all_clusters: ClusterSet
) -> None:
    peers = PeerIndex(all_clusters, all_docs)
    asked = 0
    for ind in (i for d in all_docs for i in d.indicators):
        cluster = peers.cluster_for(ind)
        if cluster is None:
            continue
        by_project: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for m in cluster.members:
            if m.level2:
                by_project[(m.path, m.project)][m.level2] += 1
        everyone = sum(by_project.values(), Counter())
        expected = everyone - by_project.get((ind.path, ind.project), Counter())
        got = peers.peer_categories(ind)
        assert list(got.items()) == list(expected.items()), (ind.path, ind.level3)
        asked += 1
    assert asked > 1300  # 1,408


def test_clusters_filed_alike_share_one_category_count(all_clusters: ClusterSet) -> None:
    """A cluster's categories (二级指标 → rows) are one dict per distinct filing, shared by the clusters filed so."""
    objects: dict[tuple[tuple[str, int], ...], set[int]] = defaultdict(set)
    for cluster in all_clusters.clusters:
        objects[tuple(cluster.level2.items())].add(id(cluster.level2))
        assert sum(cluster.level2.values()) == cluster.size
    assert all(len(held) == 1 for held in objects.values())
    # Most clusters are a row or two under one category: 101 distinct filings of 1,155 clusters.
    assert len(objects) * 10 < len(all_clusters.clusters)
