"""Clustering similar 三级指标 across units, and learning from peers.

normalize (text → comparable form) → features (TF-IDF blocks) → clustering
(block-wise average linkage) → groups (clusters over documents) → peers (the
API the rules call) → report (table / JSON / CSV / HTML).
"""

from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD, cluster_texts
from kpi_lint.cluster.groups import Cluster, ClusterSet, Member, ValueStats, build_clusters
from kpi_lint.cluster.normalize import TextNormalizer, place_names
from kpi_lint.cluster.peers import PeerIndex, PeerOutlier, PeerSuggestion, build_peer_index

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
