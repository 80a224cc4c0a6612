"""Average-linkage clustering cut at a distance, as scikit-learn's AgglomerativeClustering does it, with NumPy.

`AgglomerativeClustering(metric="precomputed", linkage="average", distance_threshold=t)` hands the upper
triangle of the distances to SciPy's `linkage`, whose nearest-neighbour chain (`nn_chain`) merges two
clusters at a time and updates the distances to the merged one as the size-weighted mean; the merges
are sorted by height (stably), relabelled with a union-find, and the tree is cut by undoing the merges
at or above `t` (`_hc_cut`, which also numbers the clusters).  `average_linkage_labels` takes the same
steps in the same order — the same comparisons and the same floating-point updates — so that its labels
are the library's, numbering included (tests/cluster/test_exact_forms.py compares them on the corpus and
the wild set).  It is meant for the few hundred names of a one-file check: each step is a NumPy
operation over one row of the n × n distances.
"""

from __future__ import annotations

import heapq

import numpy as np


def cosine_distances(similarity: np.ndarray) -> np.ndarray:
    """1 − similarity, clipped to [0, 2], zero on the diagonal, as scikit-learn's `cosine_distances` (the
    similarities: kpi_lint.cluster.exact_tfidf.products of the rows normalized once more, as it does)."""
    similarity *= -1
    similarity += 1
    distance = np.clip(similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    return distance


def _chain_merges(distance: np.ndarray) -> list[tuple[int, int, float]]:
    """SciPy's `nn_chain` for average linkage over the upper triangle of `distance`: (x, y, height) per merge."""
    n = distance.shape[0]
    upper = np.triu(distance, 1)
    d = upper + upper.T  # d[i, j] = the condensed entry of (min, max), as SciPy reads it
    size = np.ones(n, dtype=np.int64)
    chain: list[int] = []
    merges: list[tuple[int, int, float]] = []
    y = 0
    for _ in range(n - 1):
        if not chain:
            chain = [int(np.flatnonzero(size > 0)[0])]
        while True:
            x = chain[-1]
            # The previous element of the chain is preferred on a tie, to avoid going in cycles.
            current = float(d[x, chain[-2]]) if len(chain) > 1 else np.inf
            if len(chain) > 1:
                y = chain[-2]
            row = np.where(size > 0, d[x], np.inf)
            row[x] = np.inf
            nearest = int(np.argmin(row))  # the first of the smallest, as a strict `<` scan finds it
            if row[nearest] < current:
                current = float(row[nearest])
                y = nearest
            if len(chain) > 1 and y == chain[-2]:
                break
            chain.append(y)
        chain = chain[:-2]
        x, y = min(x, y), max(x, y)
        nx, ny = int(size[x]), int(size[y])
        merges.append((x, y, current))
        size[x] = 0
        size[y] = nx + ny
        others = np.flatnonzero(size > 0)
        others = others[others != y]
        merged = (nx * d[others, x] + ny * d[others, y]) / (nx + ny)
        d[others, y] = merged
        d[y, others] = merged
    return merges


def _children(merges: list[tuple[int, int, float]], n: int) -> tuple[list[tuple[int, int]], list[float]]:
    """The merges sorted by height (stable) and relabelled as tree nodes, as SciPy's `label`."""
    ordered = sorted(merges, key=lambda m: m[2])
    parent = list(range(2 * n - 1))

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    children: list[tuple[int, int]] = []
    for k, (x, y, _height) in enumerate(ordered):
        a, b = find(x), find(y)
        children.append((a, b) if a < b else (b, a))
        parent[a] = parent[b] = n + k
    return children, [m[2] for m in ordered]


def _descendants(node: int, children: list[tuple[int, int]], n: int) -> list[int]:
    if node < n:
        return [node]
    leaves, stack = [], [node]
    while stack:
        top = stack.pop()
        if top < n:
            leaves.append(top)
        else:
            stack.extend(children[top - n])
    return leaves


def average_linkage_labels(distance: np.ndarray, threshold: float) -> np.ndarray:
    """Cluster labels of the rows of a square distance matrix (n ≥ 2), cut where merges reach `threshold`."""
    n = distance.shape[0]
    children, heights = _children(_chain_merges(distance), n)
    n_clusters = sum(1 for h in heights if h >= threshold) + 1
    nodes = [-(max(children[-1]) + 1)]  # scikit-learn's _hc_cut: a heap of the largest nodes
    for _ in range(n_clusters - 1):
        these = children[-nodes[0] - n]
        heapq.heappush(nodes, -these[0])
        heapq.heappushpop(nodes, -these[1])
    labels = np.zeros(n, dtype=np.int64)
    for i, node in enumerate(nodes):
        labels[_descendants(-node, children, n)] = i
    return labels
