"""A run's findings wait on disk, not in memory, and come back in the order of one sorted list.

Real documents: two samples and two wild files, given out of path order and one of them twice (read
once); the reference is `run_rules` over whole documents in one process, which sorts every finding
of the run at once.  Documents that share a path (merged by the stream) are built by hand below.
"""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest

from kpi_lint.cli.common import load_documents
from kpi_lint.config import Config
from kpi_lint.rules.base import Finding
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from kpi_lint.run.checking import Run, check_files
from kpi_lint.run.spill import NOTHING, FindingStore, FindingStream
from tests.corpus import CORPUS_DIR, corpus_path

WILD_A = CORPUS_DIR / "wild" / "c06_sichuan_marketreg_target.txt"
WILD_B = CORPUS_DIR / "wild" / "d01_hunan_forestry_dept_selfeval.txt"
# Out of path order, WILD_A named twice (a file reached twice is read once).
PATHS = [corpus_path("003"), WILD_B, WILD_A, corpus_path("001"), WILD_A]


def _rows(findings: list[Finding]) -> list[dict[str, object]]:
    return [f.to_dict() for f in findings]


def _live_findings() -> int:
    gc.collect()
    return sum(isinstance(o, Finding) for o in gc.get_objects())


@pytest.fixture(scope="module")
def reference() -> list[Finding]:
    loaded = load_documents(PATHS, progress=False)
    return run_rules(loaded.documents, all_rules(), build_context(loaded.documents, Config()))


@pytest.fixture(scope="module")
def run() -> tuple[Run, int]:
    before = _live_findings()
    result = check_files(PATHS, Config(), all_rules())
    return result, _live_findings() - before


def test_the_findings_are_on_disk_until_the_report_reads_them(run: tuple[Run, int]) -> None:
    checked, held = run
    stream = checked.stream()
    assert isinstance(stream, FindingStream)
    assert len(stream) > 100  # 003 alone has dozens
    assert held == 0  # not one Finding object in memory after the run, before the report


def test_the_stream_is_the_order_of_one_sorted_list(run: tuple[Run, int], reference: list[Finding]) -> None:
    checked, _ = run
    streamed = list(checked.stream())  # read once, one document at a time
    assert len(reference) > 100 and sum(f.path == str(WILD_A) for f in reference) >= 5
    assert _rows(streamed) == _rows(reference)
    assert _rows(checked.findings) == _rows(reference)  # the list, read from the same store
    assert checked.stream() is checked.findings  # read once and kept


def test_a_finding_about_another_file_and_two_documents_of_one_path_are_merged_into_place(
    reference: list[Finding],
) -> None:
    # No rule makes the first and no run reads a path twice today; the stream must not lose or misplace either.
    by_path: dict[str, list[Finding]] = {}
    for f in reference:
        by_path.setdefault(f.path, []).append(f)
    documents = sorted(by_path.items(), reverse=True)  # stored out of path order
    odd = documents[1][1][1::2]  # one document's findings split in two documents of its path
    documents[1] = (documents[1][0], documents[1][1][0::2])
    documents.append((documents[1][0], odd))
    elsewhere = replace(documents[0][1][0], path=str(CORPUS_DIR / "000.txt"), line=5)
    documents[0] = (documents[0][0], sorted([*documents[0][1], elsewhere], key=lambda f: f.sort_key))
    stream = FindingStream(FindingStore())
    for path, findings in documents:
        stream.add(path, findings)
    everything = [f for _, findings in documents for f in findings]
    assert _rows(list(stream)) == _rows(sorted(everything, key=lambda f: f.sort_key))
    assert len(stream) == len(reference) + 1 and len(odd) >= 2


def test_a_store_gives_back_what_it_was_given(reference: list[Finding]) -> None:
    store = FindingStore()
    assert store.put([]) == NOTHING and store.get(NOTHING) == []
    first, second = store.put(reference[:3]), store.put(reference[3:])
    assert _rows(store.get(second)) == _rows(reference[3:])
    assert _rows(store.get(first)) == _rows(reference[:3])
