"""The peer index's blocked neighbour search against the full product, on the samples and the wild set."""

from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.metrics.pairwise import linear_kernel

import kpi_lint.cluster.peers as peers_module
from kpi_lint.cluster import ClusterSet, PeerIndex
from kpi_lint.cluster.peers import NEIGHBOURS, ProjectSubset, project_key
from kpi_lint.cluster.project_space import LibrarySpace, used_columns
from kpi_lint.model import Document


def test_blocked_neighbours_are_those_of_the_full_product(
    all_docs: list[Document], all_clusters: ClusterSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blocks of 5 projects, asked in a shuffled order and for three subsets in turn (each block's
    products computed again after it was let go): every project's ranking is the one of its row of
    the full product, by similarity then index, positive only, the project itself left out.  The full
    product is scikit-learn's; the index's space here is the NumPy one (kpi_lint.cluster.project_space)."""
    monkeypatch.setattr(peers_module, "_BLOCK_ROWS", 5)
    index = PeerIndex(all_clusters, all_docs)
    projects = [(d.path, p) for d in all_docs for p in d.projects if not p.garbled]  # a garbled table is no peer
    rows = [index._project_row(p) for _, p in projects]
    matrix = LibrarySpace(rows, used_columns(rows))._matrix
    assert len(projects) >= 200  # 37 projects in the samples, the rest from the wild set
    keys = [project_key(path, proj) for path, proj in projects]
    subsets: list[ProjectSubset | None] = [
        None,
        index.subset(lambda key: key[2] % 2 == 0),
        index.subset(lambda key: "费" in key[1] or key[2] % 7 == 0),
    ]
    order = list(range(len(projects)))
    random.Random(10).shuffle(order)
    compared = beyond = 0
    for row in order:
        path, proj = projects[row]
        for among in subsets:
            columns = np.arange(matrix.shape[0]) if among is None else among.indexes
            sims = linear_kernel(matrix[row], matrix[columns]).ravel()
            ranked = np.argsort(-sims, kind="stable")
            expected = [(keys[columns[i]], float(sims[i])) for i in ranked if sims[i] > 0 and columns[i] != row]
            limit = NEIGHBOURS - 1 if row % 3 else NEIGHBOURS + 20  # more than kept: the exact ranking goes on
            got = index.similar_projects(proj, path, limit, among)
            assert [k for k, _ in got] == [k for k, _ in expected[:limit]], (path, proj.name)
            assert [s for _, s in got] == pytest.approx([s for _, s in expected[:limit]], rel=1e-12, abs=0)
            compared += 1
            beyond += len(expected) > NEIGHBOURS
    assert compared == 3 * len(projects)
    assert beyond > 50, beyond  # rankings longer than the kept neighbours: the cut between ties is exercised
