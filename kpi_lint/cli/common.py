"""What every command shares: loading inputs, reporting bad ones, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kpi_lint.errors import InputError
from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Document, ParseProblem
from kpi_lint.parse import parse
from kpi_lint.read import iter_input_files
from kpi_lint.read.files import Skipped

if TYPE_CHECKING:
    import pandas as pd

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # files in a folder of a kind not read

    @property
    def problems(self) -> list[ParseProblem]:
        """Every input problem of the run: files not read, tables cut off inside read files, then
        damaged content that was read (garbled tables, a table ending before its last category), as warnings."""
        unread = [ParseProblem(e.path, e.line or 1, 1, e.message) for e in self.errors]
        problems = [p for doc in self.documents for p in doc.problems]
        notes = [p for doc in self.documents for p in doc.notes]
        return unread + problems + notes

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(doc.problems for doc in self.documents)


def report_error(message: str) -> None:
    """One line on stderr, prefixed so it is recognisable in a long log."""
    print(f"kpi-lint: 错误: {message}", file=sys.stderr)


def progress_bar(label: str, shown: bool) -> Progress:
    """The one progress bar style of every long step (shown on a terminal only)."""
    return Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        transient=True, disable=not shown,
    )


def long_run(count: int) -> bool:
    """Whether a step over `count` documents deserves a progress bar: many of them, on a terminal."""
    return sys.stderr.isatty() and count > 20


def load_documents(
    paths: Sequence[str | Path], progress: bool | None = None, lexicon: Lexicon | None = None
) -> Loaded:
    """Parse every input file; bad files are reported (one line each) and skipped.

    A progress bar is shown on a terminal when there are many files.
    """
    items = list(iter_input_files(paths))
    loaded = Loaded()
    loaded.skipped = [item for item in items if isinstance(item, Skipped)]
    readable = [item for item in items if not isinstance(item, Skipped)]
    show = long_run(len(readable)) if progress is None else progress
    with progress_bar("解析", show) as bar:
        task = bar.add_task("parse", total=len(readable))
        for item in readable:
            if isinstance(item, InputError):
                loaded.errors.append(item)
            else:
                try:
                    loaded.documents.append(parse(item, lexicon))
                except InputError as exc:
                    loaded.errors.append(exc)
                except Exception as exc:  # a parser bug on one odd file must not end a run over hundreds
                    detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
                    loaded.errors.append(
                        InputError(str(item), f"解析时发生内部错误（{detail}），已跳过此文件；请将此文件报告给维护者")
                    )
            bar.advance(task)
    for err in loaded.errors:
        report_error(str(err))
    if loaded.skipped:
        names = "、".join(Path(s.path).name for s in loaded.skipped[:5])
        more = f" 等 {len(loaded.skipped)} 个" if len(loaded.skipped) > 5 else ""
        kinds = "只读取 .txt .pdf .docx .xlsx .xls .html"
        print(f"kpi-lint: 警告: 跳过不读取的文件：{names}{more}（{kinds}）", file=sys.stderr)
    for doc in loaded.documents:
        for prob in doc.problems:
            report_error(f"{prob.path}:{prob.line}:{prob.column}: {prob.message}")
        for note in doc.notes:
            print(f"kpi-lint: 警告: {note.path}:{note.line}:{note.column}: {note.message}", file=sys.stderr)
    return loaded



@contextmanager
def writing(output: Path | None, what: str = "输出文件") -> Iterator[None]:
    """A failure to write `output` becomes one line on stderr and exit code 2."""
    try:
        yield
    except OSError as exc:
        report_error(f"{output}: 无法写入{what}：{exc.strerror or exc}")
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
