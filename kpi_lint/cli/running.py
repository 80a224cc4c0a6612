"""The options that say where a command's work runs (--jobs, --no-cache, --dask), and running it there."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated

import typer

from kpi_lint.cli.common import EXIT_INPUT, progress_bar, report_error, report_loaded
from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.library.model import LibraryError
from kpi_lint.read.exclude import Exclusion
from kpi_lint.rules.base import Rule
from kpi_lint.run.cache import Cache
from kpi_lint.run.checking import Run, Where, check_files, running
from kpi_lint.run.pool import default_jobs

JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, envvar="KPI_LINT_JOBS", help="并行的进程数（默认：本机的核数；1 为单进程）"),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="KPI_LINT_NO_CACHE",
        help="不读也不写结果缓存（.kpi_lint_cache/，或 $KPI_LINT_CACHE_DIR 指定的文件夹）",
    ),
]
DaskOption = Annotated[
    str | None, typer.Option("--dask", help="在 Dask 集群上运行，给出调度器地址，如 tcp://scheduler:8786")
]


@contextmanager
def executing(jobs: int | None, dask: str | None) -> Iterator[Where]:
    """Where the options say the work runs; a Dask scheduler that cannot be reached is one line, exit 2."""
    with ExitStack() as stack:
        try:
            where = stack.enter_context(running(jobs or default_jobs(), dask))
        except InputError as exc:
            report_error(str(exc))
            raise typer.Exit(EXIT_INPUT) from exc
        yield where


def run_check(
    paths: Sequence[Path],
    config: Config,
    rules: Sequence[type[Rule]],
    where: Where,
    *,
    cache: bool,
    whole: bool = False,
    keep_context: bool = False,
    exclusion: Exclusion | None = None,
) -> Run:
    """Parse and check `paths` where `where` says; input problems are reported, one line each.

    A model or library file that cannot be used ends the command with one line and exit code 2.
    """
    try:
        with progress_bar("检查", sys.stderr.isatty()) as bar:
            task = bar.add_task("check", total=None)
            run = check_files(
                paths,
                config,
                rules,
                where=where,
                cache=Cache.default() if cache else None,
                whole=whole,
                keep_context=keep_context,
                exclusion=exclusion,
                on_total=lambda total: bar.update(task, total=total),
                on_file=lambda: bar.advance(task),
            )
    except (InputError, FileNotFoundError, LibraryError) as exc:
        report_error(str(exc))
        raise typer.Exit(EXIT_INPUT) from exc
    report_loaded(run.loaded)
    return run
