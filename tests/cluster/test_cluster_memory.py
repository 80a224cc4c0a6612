"""Clustering a large run holds less at once, with the same numbers: central texts scored a slice at a time,
the merge pass's cluster means let go once k-means has placed its blocks."""

from __future__ import annotations

import numpy as np
import pytest

import kpi_lint.cluster.clustering as clustering
from kpi_lint.cluster import cluster_texts
from kpi_lint.cluster.groups import collect_members, per_units, value_kinds
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.model import Document


@pytest.fixture(scope="module")
def blocked(docs: list[Document]) -> tuple[list[str], clustering.TextClusters, list[float], TextNormalizer]:
    """The five samples' texts clustered in blocks of 20 (scikit-learn's path, k-means blocks, merge passes)."""
    normalizer = TextNormalizer.for_documents(docs)
    members, _ = collect_members(docs, normalizer)
    counts: dict[str, int] = {}
    for m in members:
        counts[m.text] = counts.get(m.text, 0) + 1
    texts = sorted(counts)
    result = cluster_texts(texts, normalizer, kinds=value_kinds(members), per=per_units(members), block_size=20)
    return texts, result, [float(counts[t]) for t in texts], normalizer


def test_central_texts_scored_a_slice_at_a_time_are_the_ones_scored_all_at_once(
    blocked: tuple[list[str], clustering.TextClusters, list[float], TextNormalizer], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, result, weights, normalizer = blocked
    # 209 until 000's garbled "离休干部、二等乙级伤残军人数" was left out (Indicator.reading); 208 until the pair
    # guide's concept classes (lexicons/cluster_concepts.txt) made 11 texts one with others (test_clusters.py); 197
    # until the population lexicon and the effect classes (issue 13-cluster-populations) made 8 more one
    assert len(texts) == 189
    w = np.asarray(weights)
    monkeypatch.setattr(clustering, "SCORE_TEXTS", len(texts))  # one slice: every text at once
    whole, whole_centrals = result._scores(w), result.centrals(weights)
    for size in (1, 7, 64):
        monkeypatch.setattr(clustering, "SCORE_TEXTS", size)
        sliced = result._scores(w)
        assert sliced.tobytes() == whole.tobytes()  # bit for bit: each text's sum over its own entries, in order
        assert result.centrals(weights).tolist() == whole_centrals.tolist()
    # The satisfaction cluster (51 rows of five counties) is named by its text nearest to the weighted centroid.
    satisfaction = normalizer.normalize("群众满意度")
    label = result.labels[texts.index(satisfaction)]
    central = whole_centrals[label]
    assert texts[central] == satisfaction
    assert whole[central] == pytest.approx(max(whole[result.labels == label])) == pytest.approx(1.0)


def test_the_merge_pass_places_its_blocks_by_the_cluster_means_before_letting_them_go(
    docs: list[Document],
    blocked: tuple[list[str], clustering.TextClusters, list[float], TextNormalizer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """k-means places the merge pass's rows by their means (not the padded rows it clusters): the blocks it is
    given are `_partition`'s of the means, each row of the padded matrix in exactly one of them."""
    placed: list[tuple[int, int]] = []  # (rows placed, columns they were placed by)
    clustered: list[tuple[int, list[np.ndarray] | None]] = []
    partition, cluster_rows = clustering._partition, clustering._cluster_rows

    def spy_partition(vectors, block_size, seed=0, together=None):  # type: ignore[no-untyped-def]
        placed.append(vectors.shape)
        return partition(vectors, block_size, seed, together)

    def spy_rows(vectors, *args, **kwargs):  # type: ignore[no-untyped-def]
        blocks = kwargs.get("blocks")
        clustered.append((vectors.shape[1], blocks))
        return cluster_rows(vectors, *args, **kwargs)

    monkeypatch.setattr(clustering, "_partition", spy_partition)
    monkeypatch.setattr(clustering, "_cluster_rows", spy_rows)
    texts, result, _, normalizer = blocked
    members, _ = collect_members(docs, normalizer)
    again = cluster_texts(texts, normalizer, kinds=value_kinds(members), per=per_units(members), block_size=20)
    assert again.labels.tolist() == result.labels.tolist()
    width = result.vectors.shape[1]  # type: ignore[union-attr]  # a blocked run's vectors are SciPy's
    merges = [(columns, blocks) for columns, blocks in clustered if blocks is not None]
    assert merges, "blocks of 20 over 209 texts take a merge pass"
    for columns, blocks in merges:
        rows = np.sort(np.concatenate(blocks))
        assert columns == width + len(rows)  # the padded rows: one column of its own per cluster
        assert rows.tolist() == list(range(len(rows)))
        assert (len(rows), width) in placed  # placed by the means, as wide as the vectors
