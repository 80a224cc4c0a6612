"""What every command shares: loading inputs, reporting bad ones, exit codes."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.lexicon import Lexicon
from kpi_lint.read import iter_input_files
from kpi_lint.read.exclude import Exclusion, build_exclusion
from kpi_lint.read.files import Skipped
from kpi_lint.run.records import Loaded
from kpi_lint.run.tasks import parse_file

if TYPE_CHECKING:
    import pandas as pd

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


def report_error(message: str) -> None:
    """One line on stderr, prefixed so it is recognisable in a long log."""
    print(f"kpi-lint: 错误: {message}", file=sys.stderr)


# A run that takes longer than this shows a status line (on a terminal); a quicker one shows nothing.
STATUS_DELAY = 2.0  # seconds
# When the command started (this module is imported by every command as it starts): the delay counts
# from here, so a run of several steps, each under 2 s, still shows its status once the run passes 2 s.
COMMAND_STARTED = time.monotonic()


class DelayedProgress(Progress):
    """A rich progress bar that appears only once its step has run for `delay` seconds.

    Entering starts a timer instead of the display; a step that ends first never draws.  The
    timer thread and `stop` share a lock, so the bar never appears after its step is over.
    """

    def __init__(self, *columns: Any, delay: float = STATUS_DELAY, **kwargs: Any) -> None:
        super().__init__(*columns, **kwargs)
        self.delay = delay
        self._timer: threading.Timer | None = None
        self._guard = threading.Lock()
        self._over = False

    def start(self) -> None:
        if self.disable:
            return
        self._timer = threading.Timer(self.delay, self._show)
        self._timer.daemon = True
        self._timer.start()

    def _show(self) -> None:
        with self._guard:
            if not self._over:
                super().start()

    def stop(self) -> None:
        with self._guard:
            self._over = True
            if self._timer is not None:
                self._timer.cancel()
            super().stop()


def progress_bar(label: str, shown: bool, delay: float | None = None, console: Console | None = None) -> Progress:
    """The one status style of every step: label, bar (pulsing when the total is unknown), count, time.

    Shown on a terminal only, and only once the command has run STATUS_DELAY seconds (or the step
    `delay` seconds, when given); on stderr, so that
    the command's output (stdout) stays clean when it is piped or redirected.
    """
    return DelayedProgress(
        SpinnerColumn(),
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        disable=not shown,
        console=console or Console(stderr=True),
        delay=max(0.0, COMMAND_STARTED + STATUS_DELAY - time.monotonic()) if delay is None else delay,
    )


def long_run(count: int = 0) -> bool:
    """Whether a step may show a status line: on a terminal, whatever the number of documents.

    (The line itself waits STATUS_DELAY seconds: a quick step never draws it.)
    """
    return sys.stderr.isatty()


def wrote(output: Path, detail: str = "") -> None:
    """Say on stderr what a command wrote with -o (stdout stays the data's)."""
    print(f"kpi-lint: 已写入 {output}" + (f"（{detail}）" if detail else ""), file=sys.stderr)


def exclusion_for(
    config: Config, paths: Sequence[str | Path], exclude: list[str] | None = None, extend: list[str] | None = None
) -> Exclusion:
    """What a run leaves out of the folders it walks: the config's and the command line's patterns,
    the lexicons folder, a model file (with its folder when that lies inside a checked folder) and
    the indicator library (--library, an .xlsx/.csv/.json that is not a disclosure)."""
    return build_exclusion(
        config.exclude,
        config.extend_exclude,
        config.base,
        cli_exclude=split_patterns(exclude),
        cli_extend=split_patterns(extend) or [],
        tool_folders=[config.lexicons] if config.lexicons is not None else [],
        model=config.model,
        roots=paths,
        config_file=config.path,
        extra_files=[config.library] if config.library is not None else [],
    )


def split_patterns(values: list[str] | None) -> list[str] | None:
    """`--exclude a,b --exclude c` → [a, b, c] (None when the flag was not given)."""
    if values is None:
        return None
    return [v.strip() for raw in values for v in raw.split(",") if v.strip()]


def load_documents(
    paths: Sequence[str | Path],
    progress: bool | None = None,
    lexicon: Lexicon | None = None,
    exclusion: Exclusion | None = None,
) -> Loaded:
    """Parse every input file; bad files are reported (one line each) and skipped.

    A status line is shown on a terminal when parsing takes more than STATUS_DELAY seconds.
    """
    items = list(iter_input_files(paths, exclusion))
    loaded = Loaded()
    loaded.skipped = [item for item in items if isinstance(item, Skipped)]
    readable = [item for item in items if not isinstance(item, Skipped)]
    show = long_run(len(readable)) if progress is None else progress
    with progress_bar("解析", show) as bar:
        task = bar.add_task("parse", total=len(readable))
        for item in readable:
            parsed = item if isinstance(item, InputError) else parse_file(item, lexicon)
            if isinstance(parsed, InputError):
                loaded.errors.append(parsed)
            else:
                loaded.documents.append(parsed)
            bar.advance(task)
    report_loaded(loaded)
    return loaded


def report_loaded(loaded: Loaded) -> None:
    """The input errors, skipped files, cut-off tables and damaged content of a run, one line each."""
    for err in loaded.errors:
        report_error(str(err))
    if loaded.skipped:
        names = "、".join(Path(s.path).name for s in loaded.skipped[:5])
        more = f" 等 {len(loaded.skipped)} 个" if len(loaded.skipped) > 5 else ""
        kinds = "文件夹中只读取 .txt .pdf .docx .xlsx .xls .et .html .mht；.csv 表格请直接写出文件名"
        print(f"kpi-lint: 警告: 跳过不读取的文件：{names}{more}（{kinds}）", file=sys.stderr)
    for head in loaded.heads:
        for prob in head.problems:
            report_error(f"{prob.location}: {prob.message}")
        for note in head.notes:
            print(f"kpi-lint: 警告: {note.location}: {note.message}", file=sys.stderr)


@contextmanager
def writing(output: Path | None, what: str = "输出文件") -> Iterator[None]:
    """A failure to write `output` becomes one line on stderr and exit code 2."""
    try:
        yield
    except BrokenPipeError as exc:
        if output is not None:
            report_error(f"{output}: 无法写入{what}：{exc.strerror or exc}")
            raise typer.Exit(EXIT_INPUT) from exc
        # Standard output piped into a reader that stopped early (`kpi-lint check … | head`): the reader
        # has what it wanted, so stop quietly, as other command-line tools do; what is still buffered
        # goes nowhere instead of failing again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_INPUT) from exc
    except OSError as exc:
        report_error(f"{output or '标准输出'}: 无法写入{what}：{exc.strerror or exc}")
        raise typer.Exit(EXIT_INPUT) from exc


def write_text(text: str, output: Path | None) -> None:
    """To `output` (UTF-8) or to standard output."""
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def write_csv(frame: pd.DataFrame, output: Path | None) -> None:
    # A BOM lets spreadsheet programs read the Chinese text of a CSV file.
    if output:
        frame.to_csv(output, index=False, encoding="utf-8-sig")
    else:
        frame.to_csv(sys.stdout, index=False)


def finish(loaded: Loaded) -> NoReturn:
    """Exit 2 when any input could not be read or was cut off, else 0."""
    raise typer.Exit(EXIT_INPUT if loaded.failed else EXIT_OK)
