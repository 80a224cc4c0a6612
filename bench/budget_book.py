"""A province-style budget book: many projects in one text file, to time KPI303 and `check` on it.

    PYTHONPATH=. .venv/bin/python -P bench/budget_book.py --projects 200,400,2000 [--source FILE] [--out DIR]
                                                          [--check]

Real budget books (省级部门预算公开) print hundreds of projects' 绩效目标表 in one file.  This writes one
by repeating the project section of a sample (from its first project's line to its end; default the
sample 003, eleven 项目支出绩效目标表 of one 医疗保障局) until it holds at least N projects, to DIR/book-N.txt.
Every project after the first copy repeats an earlier one, so KPI303 reports each of them: the rule's
worst case (all rows match).  Then, per size, in this process: parse the book, and the CPU time of KPI303
alone on it (its findings counted); with --check, `kpi-lint check BOOK --output-format json --no-cache
--fail-on never` in a child, its user+system CPU time (start-up included).

    PYTHONPATH=. .venv/bin/python -P bench/budget_book.py --mix 3,10,30 [--repeat 1,3,10] [--check]

A real book mixes layouts (a 申报表 typed as tab rows, then 目标表 one cell per line, then a PDF's
self-evaluation).  --mix N writes a book of N *different* files, whole, one after another (a blank line
between), taken in turn from each layout (samples' and wild files' layouts as read alone) among the files
whose projects are read fully alone: a form title line before the first table (a book's tables are told
apart at their titles), no input problem, every project with indicators, none garbled or cut off.  It
prints the projects and indicator rows read in the book against the sum over the files read one by one,
and whether every row read alone is read in the book with the same project, form, period, levels, value
and position (its line shifted by the file's offset in the book), naming the files that differ.
--repeat K also writes the N-file book K times over and times parse (and `check` with --check) against
its size.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.parse.book_parts import title_lines
from kpi_lint.read.blocks import read_blocks
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.text.kpi303_copied_across_projects import CopiedAcrossProjects

ROOT = Path(__file__).resolve().parent.parent


def project_section(source: Path) -> tuple[str, int]:
    """The source's lines from its first project's on, and the number of projects they hold."""
    doc = parse(source)
    first = min(p.line for p in doc.projects)
    lines = source.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[first - 1 :]).rstrip("\n") + "\n\n", len(doc.projects)


def write_book(dest: Path, projects: int, section: tuple[str, int]) -> int:
    """The section repeated until it holds ``projects`` projects; returns the count written."""
    text, n = section
    copies = -(-projects // n)
    dest.write_text(text * copies, encoding="utf-8")
    return copies * n


def rule_cpu(book: Path) -> tuple[int, int, float]:
    """(projects parsed, KPI303 findings, CPU seconds of the rule alone) on the book."""
    doc = parse(book)
    rule = CopiedAcrossProjects(RuleContext(documents=[doc]))
    start = time.process_time()
    found = list(rule.check_document(doc))
    return len(doc.projects), len(found), time.process_time() - start


def check_cpu(book: Path) -> float:
    """User + system CPU seconds of `kpi-lint check` on the book, in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kpi_lint",
            "check",
            str(book),
            "--output-format",
            "json",
            "--no-cache",
            "--fail-on",
            "never",
            "-o",
            os.devnull,
        ],
        check=False,
        stdout=subprocess.DEVNULL,  # exit 2: an input problem found, timed all the same
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None, int, int]


def rows_of(doc: Document, shift: int = 0) -> list[Row]:
    """Every indicator row: project, form, period, levels, value, line (less `shift`) and column."""
    rows = [
        (p.name, p.form.value, i.period, i.level1, i.level2, i.level3, i.value, i.line - shift, i.column)
        for p in doc.projects
        for i in p.indicators
    ]
    return sorted(rows, key=lambda row: (row[7], row[8], repr(row)))  # None sorts by its repr


def read_fully(path: Path) -> Document | None:
    """The file's reading when a book could hold it whole (see the module), else None."""
    read = read_blocks(path)
    if read.source is None:
        return None
    try:
        doc = parse(path)
    except InputError:
        return None
    titles = title_lines(read.source, load_lexicon().vocabulary)
    first_row = min((i.line for i in doc.indicators), default=0)
    if not titles or titles[0] + 1 > first_row:
        return None  # no title before its first table: in a book it would run on from the file before
    whole = all(p.indicators and not p.garbled and not p.cut_off for p in doc.projects)
    return doc if doc.projects and whole and not doc.problems else None


def mixed_files(count: int) -> list[tuple[Path, Document]]:
    """`count` different files read fully alone, taken in turn from each layout (then by name)."""
    by_layout: dict[str, list[tuple[Path, Document]]] = {}
    for path in sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus" / "wild").glob("*.txt")):
        doc = read_fully(path)
        if doc is not None:
            by_layout.setdefault(doc.layout.value, []).append((path, doc))
    queues = sorted(by_layout.values(), key=len)
    chosen: list[tuple[Path, Document]] = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


def write_mixed(dest: Path, files: list[tuple[Path, Document]], times: int = 1) -> list[int]:
    """The files whole, one after another, `times` over; returns each file's line offset in the book."""
    parts, offsets, at = [], [], 0
    for _ in range(times):
        for path, _doc in files:
            text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
            parts.append(text)
            offsets.append(at)
            at += text.count("\n")
    dest.write_text("".join(parts), encoding="utf-8")
    return offsets


def compare_mixed(book: Path, files: list[tuple[Path, Document]], offsets: list[int]) -> Document:
    """Print the book's projects and rows against the files alone, and the files read differently."""
    doc = parse(book)
    ends = [*offsets[1:], 1 << 60]
    alone_projects = sum(len(d.projects) for _, d in files)
    alone_rows = sum(len(d.indicators) for _, d in files)
    differ = []
    for (path, alone), start, end in zip(files, offsets, ends, strict=True):
        mine = Document(path=str(book), layout=doc.layout, encoding=doc.encoding)
        mine.projects = [p for p in doc.projects if start < p.line <= end]
        if rows_of(mine, start) != rows_of(alone) or len(mine.projects) != len(alone.projects):
            differ.append(
                f"{path.name} ({alone.layout.value}: {len(alone.projects)}/{len(alone.indicators)} alone, "
                f"{len(mine.projects)}/{len(mine.indicators)} in the book)"
            )
    same = "all rows the same" if not differ else f"{len(differ)} files differ: " + "; ".join(differ)
    print(
        f"{len(files):>3} files, {len(doc.projects)} projects / {len(doc.indicators)} rows in the book, "
        f"{alone_projects} / {alone_rows} alone; {same}",
        flush=True,
    )
    return doc


def mixed_main(args: argparse.Namespace, out: Path) -> None:
    for count in (int(x) for x in args.mix.split(",")):
        files = mixed_files(count)
        layouts = sorted({d.layout.value for _, d in files})
        print(f"mix of {len(files)}: {', '.join(p.name for p, _ in files)} (layouts {', '.join(layouts)})")
        book = out / f"mixed-{count}.txt"
        compare_mixed(book, files, write_mixed(book, files))
        for times in (int(x) for x in (args.repeat or "").split(",") if x):
            big = out / f"mixed-{count}x{times}.txt"
            write_mixed(big, files, times)
            start = time.process_time()
            doc = parse(big)
            line = (
                f"    x{times}: {big.stat().st_size / 1e6:.2f} MB, {len(doc.projects)} projects, "
                f"parse {time.process_time() - start:.2f} s CPU"
            )
            if args.check:
                line += f"; check {check_cpu(big):.1f} s CPU"
            print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", help="books of this many different files (comma-separated counts)")
    ap.add_argument("--repeat", help="with --mix: also time the book written this many times over")
    ap.add_argument("--projects", default="200,400,2000")
    ap.add_argument("--source", default=str(next((ROOT / "corpus").glob("003_*.txt"))))
    ap.add_argument("--out", default="/tmp/kpi-budget-book")
    ap.add_argument("--check", action="store_true", help="also time `kpi-lint check` on each book")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.mix:
        mixed_main(args, out)
        return
    section = project_section(Path(args.source))
    for n in (int(x) for x in args.projects.split(",")):
        book = out / f"book-{n}.txt"
        written = write_book(book, n, section)
        parsed, found, cpu = rule_cpu(book)
        line = (
            f"{n:>5} asked: {written} source projects, {book.stat().st_size / 1e6:.1f} MB, {parsed} parsed; "
            f"KPI303 {found} findings in {cpu:.2f} s CPU"
        )
        if args.check:
            line += f"; check {check_cpu(book):.1f} s CPU"
        print(line, flush=True)


if __name__ == "__main__":
    main()
