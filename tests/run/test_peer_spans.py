"""A peer record's row places (PeerSpans): the same mapping as the parsed row's dict over PEER_SPANS, in slots."""

from __future__ import annotations

import pickle
import sys

import pytest

from kpi_lint.model import Located
from kpi_lint.run.records import PEER_SPANS, PeerSpans, peer_record
from tests.corpus import corpus_doc


def test_a_peer_rows_places_are_the_parsed_rows_in_their_order_and_survive_a_pickle() -> None:
    doc = corpus_doc("004")
    record = peer_record(doc)
    pairs = list(zip(record.indicators, doc.indicators, strict=True))
    assert len(pairs) == 69
    for peer, full in pairs:
        expected = {k: v for k, v in full.spans.items() if k in PEER_SPANS}
        assert isinstance(peer.spans, PeerSpans)
        assert peer.spans == expected and list(peer.spans) == list(expected)
        assert peer.spans.get("actual") is None and "actual" not in peer.spans
        assert peer.span("value") == full.span("value") and peer.anchor("value") == full.anchor("value")
    copy = pickle.loads(pickle.dumps(record))
    assert copy == record
    assert all(isinstance(ind.spans, PeerSpans) for ind in copy.indicators)


def test_peer_spans_take_only_the_peer_fields_and_are_smaller_than_a_dict() -> None:
    place = Located("≥95%", 12, 30)
    spans = PeerSpans([("value", place), ("level3", Located("满意度", 12, 20))])
    assert list(spans) == ["value", "level3"] and spans["value"] is place
    with pytest.raises(KeyError):
        spans["actual"] = place
    del spans["value"]
    assert list(spans) == ["level3"] and spans.get("value") is None
    assert sys.getsizeof(spans) < sys.getsizeof({"level3": place, "value": place})
