"""A run holds each distinct text, place and parsed value of its peer records once (SharedValues)."""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.cluster.groups import build_clusters, indicator_key
from kpi_lint.model import Document
from kpi_lint.run.records import SharedValues, peer_record
from tests.corpus import SAMPLES, corpus_doc


def _copy(doc: Document) -> Document:
    """The record a second file task would send: equal values, none of them the same object."""
    import pickle

    copy: Document = pickle.loads(pickle.dumps(doc))
    return copy


def test_equal_values_of_two_records_are_one_object_and_the_records_stay_equal() -> None:
    first = peer_record(corpus_doc("004"))
    second = _copy(first)
    expected = _copy(second)
    shared = SharedValues()
    a, b = shared.record(first), shared.record(second)
    assert b == expected  # only which objects hold the values changed
    rows_a, rows_b = a.indicators, b.indicators
    assert len(rows_b) == 69
    for x, y in zip(rows_a, rows_b, strict=True):
        assert x.level3 is y.level3 and x.value is y.value and x.parsed is y.parsed
        assert all(x.spans[k] is y.spans[k] for k in x.spans)
    # Across both records: one object per distinct place.
    places = [place for ind in [*rows_a, *rows_b] for place in ind.spans.values()]
    assert len({id(p) for p in places}) == len(set(places)) == len(places) // 2


def test_parsed_values_equal_but_printed_differently_stay_apart() -> None:
    doc = peer_record(corpus_doc("004"))
    rows = doc.indicators
    assert rows[0].parsed is not None and rows[1].parsed is not None
    rows[0].parsed = replace(rows[0].parsed, number=100.0)
    rows[1].parsed = replace(rows[0].parsed, number=100)  # == 100.0, prints "100"
    SharedValues().record(doc)
    assert type(rows[0].parsed.number) is float and type(rows[1].parsed.number) is int


def test_every_clustered_row_keeps_its_cluster_with_places_kept_only_where_rows_share_one() -> None:
    docs = [corpus_doc(p.stem[:3]) for p in SAMPLES]
    clusters = build_clusters(docs)
    # What a map of every row's place gave, the last cluster written for a shared place.
    every: dict[tuple[str, str, str | None, int, int], int] = {}
    for cluster in clusters.clusters:
        texts = {m.text for m in cluster.members}
        for doc in docs:
            for ind in doc.indicators:
                if ind.level3 is not None and clusters.normalizer.normalize(ind.level3) in texts:
                    every[indicator_key(ind)] = cluster.id
    rows = [ind for doc in docs for ind in doc.indicators]
    assert sum(indicator_key(i) in every for i in rows) > 200
    assert len(clusters.by_key) < len(every) // 10
    for ind in rows:
        assert clusters.cluster_id(ind) == every.get(indicator_key(ind))
