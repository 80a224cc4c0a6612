"""Expanding the user's paths into the input files to read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kpi_lint.errors import InputError

SUPPORTED_SUFFIXES = (".txt",)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Yield every input file under `paths` (folders recursively, sorted).

    A path that does not exist is yielded as an `InputError`, so the caller
    reports it and goes on with the others.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not found:
                yield InputError(str(path), "文件夹中没有可读取的 .txt 文件")
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(str(path), "不是普通文件，无法读取")
        else:
            yield InputError(str(path), "路径不存在")
