"""A stage of a run leaves what the run holds out of the collector's passes, and gives the collector back as it was."""

from __future__ import annotations

import gc

from kpi_lint.cli.common import load_documents
from kpi_lint.config import Config
from kpi_lint.long_lived import YOUNG_PASS, settled
from kpi_lint.rules.context import local_context
from kpi_lint.rules.engine import checked, run_rules
from kpi_lint.rules.registry import all_rules
from tests.corpus import corpus_path


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_the_block_freezes_what_exists_and_restores_the_collector() -> None:
    before = gc.get_threshold()
    held = [_Node() for _ in range(100)]
    with settled():
        assert gc.get_freeze_count() >= len(held)  # what existed is in the permanent generation
        assert gc.get_threshold() == (max(before[0], YOUNG_PASS), *before[1:])
        with settled():  # an enclosing block owns the freeze: the inner one changes nothing
            assert gc.get_threshold()[0] == max(before[0], YOUNG_PASS)
        assert gc.get_freeze_count() >= len(held)
        # A cycle made inside the block is garbage the collector still finds.
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_a_callers_own_freeze_is_left_to_the_caller() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        threshold = gc.get_threshold()
        with settled():
            assert gc.get_threshold() == threshold
        assert gc.get_freeze_count() == frozen  # not unfrozen by the block
    finally:
        gc.unfreeze()


def test_the_rules_find_the_same_settled_or_not() -> None:
    loaded = load_documents([corpus_path("003"), corpus_path("004")], progress=False)
    rules = [r for r in all_rules() if not r.uses_peers]
    plain = checked(loaded.documents, rules, local_context(Config(), rules))
    settled_run = run_rules(loaded.documents, rules, local_context(Config(), rules))
    assert len(plain) > 50  # 003 fills every row with "≥95", 004 scores unmet targets in full
    assert [f.to_dict() for f in settled_run] == [f.to_dict() for f in plain]
    assert gc.get_freeze_count() == 0
