"""Row F1 of wild tables carried over a page: what a page's top prints (a page number, the title again, with or
without a continuation mark, "续表", the header again as a row or one cell per line) put halfway down each table,
the table then written in each layout the wild set copies tables in (pipes, tabs, one cell per line, columns
aligned with spaces).  A copy reads whole when it reads as many projects as the file itself and its rows at F1 1.0.

    PYTHONPATH=. python -P bench/page_tops.py [STEM_PREFIX ...]

Every wild file whose text is a table of cells (tests/wild/copies.grid_rows) with a title, a header and 二级 labels
is used, or those named.  Prints, per shape, how many copies read whole and their mean F1, and the copies that
did not.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.model import Document
from kpi_lint.parse import parse
from tests.wild.copies import (
    PAGE_TOPS,
    grid_as_bars,
    grid_as_cell_lines,
    grid_as_layout,
    grid_as_tabs,
    grid_rows,
    page_top,
)
from tests.wild.rows import WILD, expected_rows, parsed_rows, score

WRITERS = {"bars": grid_as_bars, "tabs": grid_as_tabs, "cells": grid_as_cell_lines, "layout": grid_as_layout}


def _read(path: Path) -> Document | None:
    try:
        return parse(path)
    except InputError:
        return None  # no table read: a file with none, or a copy read as none


def main(prefixes: list[str]) -> None:
    whole: dict[str, int] = defaultdict(int)
    f1s: dict[str, list[float]] = defaultdict(list)
    missed: list[str] = []
    files = 0
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(WILD.glob("*.txt")):
            expected = WILD / "expected" / f"{source.stem}.csv"
            if not expected.exists() or (prefixes and not source.stem.startswith(tuple(prefixes))):
                continue
            rows = grid_rows(source.read_text(encoding="utf-8"))
            want = expected_rows(expected)
            itself = _read(source)
            if rows is None or itself is None or score(parsed_rows(itself), want).f1 < 1.0:
                continue  # a copy is judged against a file that reads whole itself
            projects = len(itself.projects)
            try:
                carried = {shape: page_top(rows, shape)[0] for shape in PAGE_TOPS}
            except StopIteration:
                continue  # no title, header or 二级 label to put a page's top among
            files += 1
            for shape, table in carried.items():
                for layout, write in WRITERS.items():
                    path = Path(tmp) / f"{source.stem}.{shape}.{layout}.txt"
                    path.write_text(write(table), encoding="utf-8")
                    doc = _read(path)
                    f1 = score(parsed_rows(doc), want).f1
                    f1s[shape].append(f1)
                    read = len(doc.projects) if doc is not None else 0
                    if f1 == 1.0 and read == projects:
                        whole[shape] += 1
                    else:
                        missed.append(f"{source.stem} {shape} {layout}: {read} projects, F1 {f1:.3f}")
    print(f"{files} wild files, {len(WRITERS)} layouts each")
    for shape in PAGE_TOPS:
        mean = sum(f1s[shape]) / max(len(f1s[shape]), 1)
        print(f"  {shape:32s} {whole[shape]:3d}/{len(f1s[shape]):3d} whole  mean F1 {mean:.3f}")
    print("not whole:")
    for line in missed:
        print(f"  {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
