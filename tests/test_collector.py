"""kpi_lint.collector: a library imported with the cyclic collector paused, and the collector as it was after."""

from __future__ import annotations

import gc
import sys

import pytest

from kpi_lint.collector import import_paused, paused


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
