"""Clustering similar 三级指标 across units, and learning from peers.

normalize (text → comparable form) → features (TF-IDF blocks) → clustering
(block-wise average linkage) → groups (clusters over documents) → peers (the
API the rules call) → report (table / JSON / CSV / HTML).

The names below are imported on first use: importing one light submodule (the threshold, for the
CLI's help) must not load scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "DEFAULT_THRESHOLD": "kpi_lint.cluster.threshold",
    "cluster_texts": "kpi_lint.cluster.clustering",
    "Cluster": "kpi_lint.cluster.groups",
    "ClusterSet": "kpi_lint.cluster.groups",
    "Member": "kpi_lint.cluster.groups",
    "ValueStats": "kpi_lint.cluster.groups",
    "build_clusters": "kpi_lint.cluster.groups",
    "TextNormalizer": "kpi_lint.cluster.normalize",
    "place_names": "kpi_lint.cluster.normalize",
    "PeerIndex": "kpi_lint.cluster.peers",
    "PeerOutlier": "kpi_lint.cluster.peers",
    "PeerSuggestion": "kpi_lint.cluster.peers",
    "build_peer_index": "kpi_lint.cluster.peers",
}

if TYPE_CHECKING:
    from kpi_lint.cluster.clustering import cluster_texts
    from kpi_lint.cluster.groups import Cluster, ClusterSet, Member, ValueStats, build_clusters
    from kpi_lint.cluster.normalize import TextNormalizer, place_names
    from kpi_lint.cluster.peers import PeerIndex, PeerOutlier, PeerSuggestion, build_peer_index
    from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD

__all__ = [
    "DEFAULT_THRESHOLD",
    "Cluster",
    "ClusterSet",
    "Member",
    "PeerIndex",
    "PeerOutlier",
    "PeerSuggestion",
    "TextNormalizer",
    "ValueStats",
    "build_clusters",
    "build_peer_index",
    "cluster_texts",
    "place_names",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kpi_lint.cluster' has no attribute {name!r}")
