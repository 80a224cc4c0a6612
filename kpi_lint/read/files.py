"""Expanding the user's paths into the input files to read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.read.exclude import DEFAULT_EXCLUSION, Exclusion

# Read inside folders.  A .csv file is read when named (a table saved as CSV, `kpi_lint.read.csv_grid`),
# not from a folder, where CSV files are most often kpi-lint's own outputs or a reviewer's lists.
SUPPORTED_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".xlsx", ".xlsm", ".xls", ".html", ".htm", ".mht", ".mhtml")
# Disclosures in the old binary formats of Word and WPS (文字 .wps, 表格 .et) are taken from folders too and
# read by their content: a workbook is read, a document is named as an input error saying how to save it as
# .docx, so that a department's .doc is never passed over as if it were not a disclosure.
OLD_OFFICE_SUFFIXES = (".doc", ".wps", ".et")
READ_IN_FOLDERS = SUPPORTED_SUFFIXES + OLD_OFFICE_SUFFIXES


@dataclass(frozen=True)
class Skipped:
    """A file inside a folder that kpi-lint does not read (named in a warning, never skipped silently)."""

    path: str


def walk(folder: Path, exclusion: Exclusion, unreadable: list[InputError] | None = None) -> list[Path]:
    """The files under `folder`, sorted; hidden and excluded files and folders left out (not entered).

    A folder that cannot be listed (no read permission, removed while walking) is added to `unreadable`
    as an InputError naming it, never passed over in silence."""
    found: list[Path] = []

    def cannot_list(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append(folder_error(Path(exc.filename or folder), exc))

    for here, dirs, names in os.walk(folder, onerror=cannot_list):
        current = Path(here)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not exclusion.excludes(current / d, folder)]
        found += [
            current / n
            for n in names
            if not n.startswith(".") and (current / n).is_file() and not exclusion.excludes(current / n, folder)
        ]
    return sorted(found)


def folder_error(folder: Path, exc: OSError) -> InputError:
    """A folder that cannot be listed, in one line."""
    if isinstance(exc, PermissionError):
        return InputError(str(folder), "没有读取权限，无法列出文件夹中的文件")
    return InputError(str(folder), f"无法列出文件夹中的文件：{exc.strerror or exc}")


def iter_input_files(
    paths: Iterable[str | Path], exclusion: Exclusion | None = None
) -> Iterator[Path | InputError | Skipped]:
    """Yield every input file under `paths` (folders recursively, sorted).

    A path that does not exist is yielded as an `InputError`, so the caller reports it and goes
    on with the others; a file in a folder of a kind not read is yielded as `Skipped`.  A file
    named on the command line is always read: its content, not its name, says what it is.
    Inside folders, `exclusion` (default: kpi_lint.read.exclude.DEFAULT_EXCLUDE) leaves files out.
    A file reached twice (a folder and a folder inside it, a file and its folder) is read once, where
    it was first reached.
    """
    seen: set[Path] = set()

    def first_time(p: Path) -> bool:
        key = p.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            unreadable: list[InputError] = []
            files = walk(path, exclusion or DEFAULT_EXCLUSION, unreadable)
            found = [p for p in files if p.suffix.lower() in READ_IN_FOLDERS]
            yield from unreadable
            if not found and not unreadable:
                yield InputError(str(path), "文件夹中没有可读取的文件（.txt .pdf .docx .xlsx .xls .html .mht）")
            for p in files:
                if first_time(p):
                    yield p if p.suffix.lower() in READ_IN_FOLDERS else Skipped(str(p))
        elif path.is_file():
            if first_time(path):
                yield path
        elif path.exists():
            yield InputError(str(path), "不是普通文件，无法读取")
        else:
            yield InputError(str(path), "路径不存在")
