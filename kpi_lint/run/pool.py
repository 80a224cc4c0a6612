"""Running file tasks: in this process, or in a pool of worker processes (``--jobs N``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from kpi_lint.run.records import FileResult
from kpi_lint.run.tasks import TaskSpec, run_files

# Maps file tasks over paths and yields their results in the order of the paths.
FileMap = Callable[[Sequence[str], TaskSpec], Iterator[FileResult]]


def default_jobs() -> int:
    """The cores this process may use (the CPU affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# Files per task in this process: the local rules' model predictions are one call per task, and a
# task holds its parsed documents until they are checked.
FILES_PER_TASK = 64


def _chunks(paths: Sequence[str], size: int) -> list[list[str]]:
    return [list(paths[start : start + size]) for start in range(0, len(paths), size)]


def serial_map(paths: Sequence[str], spec: TaskSpec) -> Iterator[FileResult]:
    for chunk in _chunks(paths, FILES_PER_TASK):
        yield from run_files(chunk, spec)


def _chunksize(count: int, jobs: int) -> int:
    # A few chunks per worker: large enough to amortise the pickling and the model calls, small
    # enough to balance a folder whose files differ a hundredfold in size.
    return max(1, min(16, count // (jobs * 4)))


# A spawned worker imports kpi-lint and loads its models again (a few seconds of CPU): a pool starts
# one worker per this many files at most, and a run of fewer files stays in this process.
FILES_PER_WORKER = 4


def pool_map(jobs: int) -> FileMap:
    """A FileMap over up to `jobs` worker processes (one per FILES_PER_WORKER files); a run that would
    get one worker runs in this process."""

    def run(paths: Sequence[str], spec: TaskSpec) -> Iterator[FileResult]:
        workers = min(jobs, len(paths) // FILES_PER_WORKER)
        if workers <= 1:
            yield from serial_map(paths, spec)
            return
        # "spawn" on every platform: a forked child would inherit the parent's threads (rich's
        # progress refresh, BLAS pools) and locks mid-use.
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            chunks = _chunks(paths, _chunksize(len(paths), workers))
            for results in pool.map(run_files, chunks, [spec] * len(chunks)):
                yield from results

    return run
