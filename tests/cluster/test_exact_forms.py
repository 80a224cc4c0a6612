"""The peer index's NumPy forms give scikit-learn's numbers bit for bit, on every document of the corpus and wild set.

A one-file check clusters its names and ranks its projects without importing scikit-learn, SciPy or pandas
(kpi_lint.cluster.exact_tfidf, exact_linkage, project_space).  Here each document — alone, as a one-file
check sees it, and all of them together — goes through both: the TF-IDF rows (same entries in the same
order, same bits), the cluster labels (numbering included), the clusters' central texts, and the project
space's products and similarities must be equal, not close.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pytest
from scipy import sparse

import kpi_lint.cluster.peers as peers_module
from kpi_lint.cli.common import load_documents
from kpi_lint.cluster.clustering import TextClusters, cluster_block, cluster_exact_block, cluster_texts
from kpi_lint.cluster.features import exact_vectors, make_vectorizer, segment
from kpi_lint.cluster.groups import build_clusters, collect_members, value_kinds
from kpi_lint.cluster.normalize import Signature, TextNormalizer
from kpi_lint.cluster.peers import PeerIndex
from kpi_lint.cluster.project_space import ExactSpace, LibrarySpace, used_columns
from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD
from kpi_lint.model import Document
from tests.corpus import CORPUS_DIR, SAMPLES

WILD = tuple(sorted((CORPUS_DIR / "wild").glob("*.txt")))


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return load_documents([*SAMPLES, *WILD], progress=False).documents


@dataclass
class Texts:
    unique: list[str]
    weights: list[int]
    kinds: dict[str, str] | None
    measures: list[Signature]
    normalizer: TextNormalizer


def texts_of(docs: Sequence[Document]) -> Texts:
    """The distinct names `build_clusters` clusters, with their kinds and measures."""
    normalizer = TextNormalizer.for_documents(docs, None)
    members, _ = collect_members(docs, normalizer)
    counts = Counter(m.text for m in members)
    unique = list(counts)
    kinds = value_kinds(members)
    with_kinds = any(kinds.get(t) for t in unique)
    measures = [normalizer.signature(t) for t in unique]
    return Texts(unique, [counts[t] for t in unique], kinds if with_kinds else None, measures, normalizer)


def assert_same_clustering(texts: Texts) -> tuple[int, int]:
    """Both forms of the vectors, labels and central texts are equal; returns (texts, clusters)."""
    library = sparse.csr_matrix(
        make_vectorizer(with_kinds=texts.kinds is not None).fit_transform(
            segment(texts.unique, texts.normalizer, texts.kinds)
        )
    )
    exact = exact_vectors(texts.unique, texts.normalizer, texts.kinds)
    assert np.array_equal(exact.indptr, library.indptr)
    assert np.array_equal(exact.indices, library.indices)
    assert np.array_equal(exact.data, library.data)  # the same bits, not merely close
    labels = cluster_exact_block(exact, texts.unique, DEFAULT_THRESHOLD, texts.measures)
    expected = cluster_block(library, texts.unique, DEFAULT_THRESHOLD, texts.measures)
    assert labels.tolist() == expected.tolist()
    numbered = np.unique(labels, return_inverse=True)[1]
    by_library = TextClusters(texts.unique, numbered, library).centrals(texts.weights)
    by_numpy = TextClusters(texts.unique, numbered, exact).centrals(texts.weights)
    assert by_numpy.tolist() == by_library.tolist()
    return len(texts.unique), int(numbered.max()) + 1


def assert_same_space(docs: Sequence[Document]) -> bool:
    """Both project spaces give the same products and similarities; returns whether the space is sparse."""
    index = PeerIndex(build_clusters(docs), docs)
    rows = [index._project_row(p) for doc in docs for p in doc.projects]
    columns = used_columns(rows)
    if not columns:
        return True
    exact, library = ExactSpace(rows, columns), LibrarySpace(rows, columns)
    assert (exact.count, exact.sparse) == (library.count, library.sparse)
    everyone = np.arange(exact.count)
    if exact.sparse:
        got, want = exact.block_products(0, exact.count), library.block_products(0, exact.count)
        assert np.array_equal(
            sparse.csr_matrix((got.data, got.indices, got.indptr)).toarray(),
            sparse.csr_matrix((want.data, want.indices, want.indptr)).toarray(),
        )
    for i, row in enumerate(rows):
        if exact.sparse:
            assert np.array_equal(exact.similarities(i, everyone), library.similarities(i, everyone))
        assert np.array_equal(exact.similarities(row, everyone[::-1]), library.similarities(row, everyone[::-1]))
    return exact.sparse


def test_each_document_alone_is_clustered_and_ranked_as_scikit_learn_does(documents: list[Document]) -> None:
    clustered, merged, spaces = 0, 0, Counter[bool]()
    for doc in documents:
        texts = texts_of([doc])
        if len(texts.unique) >= 2:
            n, k = assert_same_clustering(texts)
            clustered += 1
            merged += k < n
        spaces[assert_same_space([doc])] += 1
    # Every path was taken: files whose names join (165 clustered, 21 with a merge at the session's start),
    # single projects (scikit-learn's dense space: 162) and files of several projects (a sparse one).
    assert clustered >= 150 and merged >= 15, (clustered, merged)
    assert spaces[False] >= 100 and spaces[True] >= 10, spaces


def test_the_whole_corpus_is_clustered_and_ranked_as_scikit_learn_does(documents: list[Document]) -> None:
    n, k = assert_same_clustering(texts_of(documents))
    assert n > 1000 and k < n
    assert assert_same_space(documents)


def test_a_one_file_check_clusters_with_numpy_the_way_the_blocks_do(documents: list[Document]) -> None:
    """`cluster_texts` takes the NumPy path for a file's names, and its result is the blocks' (scikit-learn's)."""
    texts = texts_of([documents[1]])  # corpus/001: 29 names
    kinds = dict.fromkeys(texts.unique, "") if texts.kinds is None else texts.kinds
    exact = cluster_texts(texts.unique, texts.normalizer, kinds=kinds)
    blocks = cluster_texts(
        texts.unique,
        texts.normalizer,
        kinds=kinds,
        block_map=lambda blocks, t: [cluster_block(v, x, t, m) for v, x, m in blocks],
    )
    assert not sparse.issparse(exact.vectors) and sparse.issparse(blocks.vectors)
    assert exact.labels.tolist() == blocks.labels.tolist()
    # 29 distinct names: 医保信息系统正常运行率 and 医疗信息系统运行正常 are one (lexicons/cluster_concepts.txt)
    assert len(texts.unique) == 29 and int(exact.labels.max()) + 1 < 29


def test_the_peer_index_ranks_the_same_in_either_space(
    documents: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index over every document, in the NumPy space and (above EXACT_MOST projects) scikit-learn's: the same
    peers, in the same order, with the same similarities, for every project."""
    clusters = build_clusters(documents)
    exact = PeerIndex(clusters, documents)
    monkeypatch.setattr(peers_module, "EXACT_MOST", 0)
    library = PeerIndex(clusters, documents)
    assert isinstance(exact._space, ExactSpace) and isinstance(library._space, LibrarySpace)
    ranked = 0
    for doc in documents:
        for project in doc.projects:
            got = exact.similar_projects(project, doc.path, 70)
            assert got == library.similar_projects(project, doc.path, 70)
            ranked += len(got)
    assert ranked > 5000, ranked
