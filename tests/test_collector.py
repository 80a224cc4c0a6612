"""kpi_lint.collector: a library imported with the cyclic collector paused, and the collector as it was after."""

from __future__ import annotations

import gc
import sys

import pytest

from kpi_lint.collector import READING_FULL_EVERY, import_paused, paused, rarer_full_passes


def test_the_collector_is_off_inside_and_back_on_after_even_when_the_block_raises() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), paused():
        raise ValueError("inside")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_import_paused_imports_the_modules_and_leaves_the_collector_on() -> None:
    import_paused("json", "email.mime.text")
    assert "email.mime.text" in sys.modules
    assert gc.isenabled()
    with pytest.raises(ModuleNotFoundError):
        import_paused("kpi_lint.no_such_module")
    assert gc.isenabled()


def test_rarer_full_passes_raises_the_third_threshold_and_gives_the_thresholds_back_even_after_a_raise() -> None:
    before = gc.get_threshold()
    with rarer_full_passes():
        assert gc.get_threshold() == (before[0], before[1], max(before[2], READING_FULL_EVERY))
    assert gc.get_threshold() == before
    with pytest.raises(ValueError), rarer_full_passes():
        raise ValueError("inside")
    assert gc.get_threshold() == before


def test_rarer_full_passes_keeps_a_larger_threshold_the_caller_set() -> None:
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], 1000)
    try:
        with rarer_full_passes():
            assert gc.get_threshold()[2] == 1000
        assert gc.get_threshold()[2] == 1000
    finally:
        gc.set_threshold(*before)


def test_a_run_through_the_api_gives_the_caller_their_collector_back() -> None:
    from pathlib import Path

    from kpi_lint.cli.common import load_documents
    from kpi_lint.config import Config
    from kpi_lint.run.checking import check_files

    sample = Path(__file__).resolve().parents[1] / "corpus" / "000_ddaa44b2c1d0d458.txt"
    before = gc.get_threshold()
    gc.set_threshold(500, 7, 9)
    try:
        assert len(load_documents([sample], progress=False).documents) == 1
        assert gc.get_threshold() == (500, 7, 9)
        assert len(check_files([sample], Config()).loaded.documents) == 1
        assert gc.get_threshold() == (500, 7, 9)
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)
