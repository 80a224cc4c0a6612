"""While the files are parsed, a run keeps each file's peer record on disk (RecordStore), not as objects, and
reads them all back when the peer phase starts: the same records, the same findings."""

from __future__ import annotations

import gc

import pytest

from kpi_lint.config import Config
from kpi_lint.model import Document
from kpi_lint.rules.registry import all_rules
from kpi_lint.run import pool
from kpi_lint.run.checking import check_files
from kpi_lint.run.records import PeerSpans
from kpi_lint.run.spill import RecordStore
from kpi_lint.run.tasks import TaskSpec, run_file
from tests.corpus import SAMPLES

# Rows of each sample's peer record (the parser's rows, garbled tables' rows listed as read).
ROWS = {"000": 155, "001": 43, "002": 54, "003": 91, "004": 69}


@pytest.fixture(scope="module")
def records() -> dict[str, Document]:
    spec = TaskSpec.of(Config(), tuple(all_rules()))
    found = {path.stem[:3]: run_file(str(path), spec).document for path in SAMPLES}
    return {key: doc for key, doc in found.items() if doc is not None}


def test_a_record_read_back_equals_the_one_written_and_shares_no_object_with_it(
    records: dict[str, Document],
) -> None:
    store = RecordStore()
    handles = {key: store.put(doc) for key, doc in records.items()}
    assert {key: len(doc.indicators) for key, doc in records.items()} == ROWS
    for key, doc in records.items():
        back = store.get(handles[key])
        assert back == doc
        assert back is not doc
        assert all(a is not b for a, b in zip(back.indicators, doc.indicators, strict=True))
        first = back.indicators[0]
        assert isinstance(first.spans, PeerSpans)  # still the peer record's four-slot places
        assert first.spans == doc.indicators[0].spans
    store.close()


def test_the_run_holds_no_record_of_a_file_already_parsed_while_the_next_ones_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def live() -> int:
        gc.collect()
        return sum(isinstance(o, PeerSpans) for o in gc.get_objects())

    monkeypatch.setattr(pool, "FILES_PER_TASK", 1)  # one file in flight at a time
    before = live()  # other tests' records
    held: list[int] = []
    run = check_files(SAMPLES, Config(), all_rules(), on_file=lambda: held.append(live() - before))
    # After each file, only that file's record (still in its task's hands) is in memory: not the rows
    # of the files before it, as when each record was kept as it came (155, 198, 252, 343, 412).
    assert held == [ROWS[path.stem[:3]] for path in SAMPLES] == [155, 43, 54, 91, 69]
    assert live() - before == sum(ROWS.values())  # then every row of every record, read back
    assert sorted(len(doc.indicators) for doc in run.loaded.documents) == sorted(ROWS.values())


def test_the_records_a_run_reads_back_are_those_the_file_tasks_made(records: dict[str, Document]) -> None:
    run = check_files(SAMPLES, Config(), all_rules())
    by_path = {doc.path: doc for doc in run.loaded.documents}
    assert len(by_path) == len(records) == 5
    for doc in records.values():
        assert by_path[doc.path] == doc
