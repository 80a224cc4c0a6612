"""The samples and the wild set, parsed and clustered once per session (read-only in every test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.cli.common import load_documents
from kpi_lint.cluster import ClusterSet, PeerIndex, build_clusters
from kpi_lint.library.build import build_library
from kpi_lint.library.model import Library
from kpi_lint.library.suggest import Suggester
from kpi_lint.model import Document
from tests.corpus import CORPUS_DIR, SAMPLES

WILD = tuple(sorted((CORPUS_DIR / "wild").glob("*.txt")))


@pytest.fixture(scope="session")
def all_docs() -> list[Document]:
    """The five samples and every wild excerpt that can be read (three break off: still read)."""
    loaded = load_documents([*SAMPLES, *WILD], progress=False)
    return loaded.documents


@pytest.fixture(scope="session")
def all_clusters(all_docs: list[Document]) -> ClusterSet:
    return build_clusters(all_docs)


@pytest.fixture(scope="session")
def library(all_docs: list[Document], all_clusters: ClusterSet) -> Library:
    return build_library(all_docs, all_clusters)


def relative(path: str) -> str:
    return Path(path).name


@pytest.fixture(scope="session")
def suggester(all_docs: list[Document], all_clusters: ClusterSet) -> Suggester:
    return Suggester(all_docs, PeerIndex(all_clusters, all_docs))


@pytest.fixture(scope="session")
def one_peer_suggester(all_docs: list[Document], all_clusters: ClusterSet) -> Suggester:
    """Suggestions without the two-peer floor (issue 11ah): the scaling and vetting of a value are tested on the rows
    only one peer sets, which are most of the corpus's cost rows; what the tool offers is `suggester`'s."""
    return Suggester(all_docs, PeerIndex(all_clusters, all_docs), min_peers=1)
