"""Beyond one machine: file tasks and clustering blocks on a Dask cluster (``--dask tcp://host:8786``).

One file per task (`dask_map`); the clustering of the peer index and of `kpi-lint cluster` as a
map-reduce (`dask_blocks`): the texts are cut into blocks of similar texts, each block is clustered
on a worker, and the parent merges the blocks' centroids (kpi_lint.cluster.clustering).

The workers read the input files by their path: the folder must be reachable under the same path
on every worker (a shared or copied drive), and the workers need kpi-lint installed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from kpi_lint.errors import InputError
from kpi_lint.run.pool import FileMap
from kpi_lint.run.records import FileResult
from kpi_lint.run.tasks import TaskSpec, run_file

if TYPE_CHECKING:
    from distributed import Client

CONNECT_TIMEOUT = "10s"


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at `address`; InputError (one line) when it cannot be reached."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(address, f"无法连接 Dask 调度器（{type(exc).__name__}: {exc}）".splitlines()[0]) from exc
    try:
        yield client
    finally:
        client.close()


def dask_map(client: Client) -> FileMap:
    """A FileMap that runs one task per file on `client`'s cluster; results in the order of the paths."""

    def run(paths: Sequence[str], spec: TaskSpec) -> Iterator[FileResult]:
        # A worker may run on another machine, where the result cache's folder means nothing: it reads
        # the models from their skops files.
        on_worker = dataclasses.replace(spec, copies=None)
        futures = client.map(run_file, list(paths), spec=on_worker, pure=False)
        for future in futures:
            result: FileResult = future.result()
            future.release()  # the worker may drop it: the parent keeps only the small record
            yield result

    return run


def dask_blocks(client: Client) -> Any:
    """A BlockMap (kpi_lint.cluster.clustering) that clusters each block on a worker."""
    from kpi_lint.cluster.clustering import cluster_block

    def run(blocks: Sequence[tuple[Any, list[str], list[str]]], threshold: float) -> list[Any]:
        # client.map maps positional sequences only: the threshold is repeated, each block's measures passed.
        futures = client.map(
            cluster_block,
            [b[0] for b in blocks],
            [b[1] for b in blocks],
            [threshold] * len(blocks),
            [b[2] for b in blocks],
            pure=False,
        )
        return list(client.gather(futures))

    return run
