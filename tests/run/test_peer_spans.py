"""A peer record's row places (PeerSpans): the same mapping as the parsed row's dict over PEER_SPANS, in slots."""

from __future__ import annotations

import pickle
import sys

import pytest

from kpi_lint.model import Form, Indicator, Located
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


def test_peer_spans_take_only_the_peer_fields_and_read_a_rows_own_places_off_the_row() -> None:
    place = Located("≥95%", 12, 30)
    label = Located("产出指标", 3, 1, "表1 行3 格1")
    row = Indicator("a.txt", "项目", Form.TARGET, None, "产出指标", None, "满意度", "≥95%", 12, 20)
    # Unbound (as read back from a pickle): every place held whole.
    loose = PeerSpans([("value", place), ("level3", Located("满意度", 12, 20)), ("level1", label)])
    assert list(loose) == ["value", "level3", "level1"] and loose["value"] is place
    spans = PeerSpans([("value", place), ("level3", Located("满意度", 12, 20, "表1 行12 格2")), ("level1", label)], row)
    assert list(spans) == ["value", "level3", "level1"] and spans == {**loose, "level3": spans["level3"]}
    # The row's own cells: an equal place made from the row's fields when asked, the printed text the row's string.
    assert spans["value"] == place and spans["value"] is not place and spans["value"].text is row.value
    assert spans.get("level3") == Located("满意度", 12, 20, "表1 行12 格2") and spans["level3"].text is row.level3
    assert spans["level1"] is label  # a label printed over many rows: its one shared place
    # A label printed again on the row's own line (a table of one row a line) in a text file: its column is held,
    # an equal place made when asked, its text the row's string; printed in other words, it is held whole.
    own_label = Located("产出指标", 12, 1)
    spans["level1"] = own_label
    assert spans.level1 == 1 and spans["level1"] == own_label and spans["level1"].text is row.level1
    worded = Located("一、产出指标", 12, 1)
    spans["level1"] = worded
    assert spans["level1"] is worded
    spans["level1"] = label
    # The value's cell on a line below the name's: its line is held, its text still the row's.
    below = Located("≥95%", 13, 4)
    spans["value"] = below
    assert spans["value"] == below and spans["value"].text is row.value
    # A place the row cannot give back (another text) is held whole.
    other = Located("≥ 95 %", 12, 30)
    spans["value"] = other
    assert spans["value"] is other
    with pytest.raises(KeyError):
        spans["actual"] = place
    del spans["value"]
    assert list(spans) == ["level3", "level1"] and spans.get("value") is None and "value" not in spans
    spans["value"] = Located("≥95%", 12, 44)
    assert dict(spans) == {
        "level3": Located("满意度", 12, 20, "表1 行12 格2"),
        "level1": label,
        "value": Located("≥95%", 12, 44),
    }
    # Four places in eight slots: smaller than a dict of two and the two places it would hold.
    assert sys.getsizeof(spans) < sys.getsizeof({"level3": place, "value": place}) + 2 * sys.getsizeof(place)
    assert sys.getsizeof(spans) == 32 + 8 * 8  # a tracked object's head (GC link, refcount, type) and eight slots


def test_a_peer_record_binds_each_rows_places_to_the_row_and_holds_none_of_its_own_cells_whole() -> None:
    record = peer_record(corpus_doc("004"))
    for ind in record.indicators:
        assert isinstance(ind.spans, PeerSpans)
        held = [getattr(ind.spans, name) for name in ("_level3", "_value")]
        assert not any(isinstance(h, Located) for h in held)
        assert "level3" not in ind.spans or ind.spans["level3"].text is ind.level3
    # 004 prints a group's labels on the line of its first row: 75 of its 79 label places are held as their
    # column; the 4 that print "服务对象满意度" (read as 服务对象满意度指标) are held whole.
    labels = [(ind, key) for ind in record.indicators for key in ("level1", "level2") if key in ind.spans]
    columns = [(ind, key) for ind, key in labels if isinstance(getattr(ind.spans, key), int)]
    assert (len(labels), len(columns)) == (79, 75)
    assert all(ind.spans[key].line == ind.line and ind.spans[key].text is getattr(ind, key) for ind, key in columns)
    whole = {ind.spans[key].text for ind, key in labels if (ind, key) not in columns}
    assert whole == {"服务对象满意度"}
