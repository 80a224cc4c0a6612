"""The corpus clustered once per session (read-only in every test)."""

from __future__ import annotations

import pytest

from kpi_lint.cluster import ClusterSet, PeerIndex, build_clusters
from kpi_lint.model import Document, Indicator
from tests.corpus import all_corpus_docs, corpus_doc


@pytest.fixture(scope="session")
def docs() -> list[Document]:
    return all_corpus_docs()


@pytest.fixture(scope="session")
def clusters(docs: list[Document]) -> ClusterSet:
    return build_clusters(docs)


@pytest.fixture(scope="session")
def peers(clusters: ClusterSet, docs: list[Document]) -> PeerIndex:
    return PeerIndex(clusters, docs)


def indicator(key: str, level3: str, period: str | None = None) -> Indicator:
    """The first corpus indicator of document `key` printed as `level3` (in `period` if given)."""
    return next(i for i in corpus_doc(key).indicators if i.level3 == level3 and (period is None or i.period == period))
