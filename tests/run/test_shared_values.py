"""A run holds each distinct text, place and parsed value of its peer records once (SharedValues)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import kpi_lint.run.checking as checking
from kpi_lint.cluster.groups import build_clusters, indicator_key
from kpi_lint.config import Config
from kpi_lint.model import Document, Located
from kpi_lint.rules.registry import all_rules
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
        for key in x.spans:
            here, there = x.spans[key], y.spans[key]
            # a label's place held whole is one object; a row's own cell (and a label printed on the row's own
            # line) is held as its parts, each one object
            assert here == there and here.text is there.text and here.anchor is there.anchor
            held = getattr(x.spans, key) if key in ("level1", "level2") else None
            assert not isinstance(held, Located) or here is there
    # Across both records: one object per distinct label place held whole.
    labels = [getattr(ind.spans, k) for ind in [*rows_a, *rows_b] for k in ("level1", "level2") if k in ind.spans]
    whole = [p for p in labels if isinstance(p, Located)]
    assert len(labels) > 100 and len({id(p) for p in whole}) == len(set(whole))


def test_a_records_empty_lists_and_dicts_are_the_runs_one_empty_list_and_dict() -> None:
    shared = SharedValues()
    first, second = (shared.record(peer_record(corpus_doc(name))) for name in ("004", "001"))
    projects = [*first.projects, *second.projects]
    assert len(projects) > 10
    # dropped from a peer record (narrative, aims, labels) or never printed (unsplit categories)
    empties: list[object] = [p.narrative for p in projects] + [p.goals for p in projects]
    empties += [p.unsplit for p in projects] + [first.narrative, second.narrative, first.problems]
    assert all(e == type(e)() for e in empties)
    assert len({id(e) for e in empties if isinstance(e, list)}) == 1
    assert len({id(e) for e in empties if isinstance(e, dict)}) == 1
    # what a project holds is its own
    assert all(p.indicators and p.indicators is not first.narrative for p in projects)
    assert peer_record(corpus_doc("001")) == second


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


def test_the_runs_empty_list_and_dict_are_still_empty_after_a_whole_check_of_the_samples(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every record of the run shares them: no rule, index or report of the parent may fill one."""
    runs: list[SharedValues] = []

    class Kept(SharedValues):
        def __init__(self) -> None:
            super().__init__()
            runs.append(self)

    monkeypatch.setattr(checking, "SharedValues", Kept)
    config = Config()
    run = checking.check_files([str(p) for p in SAMPLES], config, all_rules(), keep_context=True)
    assert len(run.findings) > 300 and len(runs) == 1
    empty_list, empty_dict = runs[0]._empty_list, runs[0]._empty_dict
    projects = [p for doc in run.loaded.documents for p in doc.projects]
    assert sum(p.narrative is empty_list for p in projects) == len(projects) > 30
    assert empty_list == [] and empty_dict == {}
