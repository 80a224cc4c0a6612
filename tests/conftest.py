"""Settings every test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _one_process_and_a_private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Commands run in one process and cache into the test's own folder.

    A pool of worker processes per command would multiply the suite's time on two cores, and a
    cache shared between tests would serve one test the results of another's monkeypatched parser.
    The tests of --jobs and of the cache (tests/run/) set their own.
    """
    monkeypatch.setenv("KPI_LINT_JOBS", "1")
    monkeypatch.setenv("KPI_LINT_CACHE_DIR", str(tmp_path / "kpi_lint_cache"))
