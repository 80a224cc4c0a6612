"""A province-style budget book: many projects in one text file, to time KPI303 and `check` on it.

    PYTHONPATH=. .venv/bin/python -P bench/budget_book.py --projects 200,400,2000 [--out DIR] [--check]

Real budget books (省级部门预算公开) print hundreds of projects' 绩效目标表 in one file.  This writes
such a book by concatenating the samples (corpus/*.txt) and the wild set (corpus/wild/*.txt), whole
files in turn, until the files added hold at least N projects (counted by parsing each source once), to
DIR/book-N.txt.  Then, per size, in this process: parse the book, and the CPU time of KPI303 alone on it
(its findings counted); with --check, `kpi-lint check BOOK --output-format json --no-cache --fail-on
never` in a child, its user+system CPU time (start-up included).
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
from kpi_lint.parse import parse
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.text.kpi303_copied_across_projects import CopiedAcrossProjects

ROOT = Path(__file__).resolve().parent.parent


def sources() -> list[tuple[str, int]]:
    """Each source file's text and the number of projects it holds (files with none left out)."""
    out: list[tuple[str, int]] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus" / "wild").glob("*.txt")):
        try:
            n = len(parse(path).projects)
        except InputError:  # a file with no table the reader finds adds nothing
            continue
        if n:
            out.append((path.read_text(encoding="utf-8"), n))
    return out


def write_book(dest: Path, projects: int, parts: list[tuple[str, int]]) -> int:
    """Whole source files in turn until they hold ``projects`` projects; returns the count written."""
    texts: list[str] = []
    total = 0
    while total < projects:
        for text, n in parts:
            texts.append(text.rstrip("\n") + "\n\n")
            total += n
            if total >= projects:
                break
    dest.write_text("".join(texts), encoding="utf-8")
    return total


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
        [sys.executable, "-m", "kpi_lint", "check", str(book), "--output-format", "json", "--no-cache",
         "--fail-on", "never", "-o", os.devnull],
        check=True, stdout=subprocess.DEVNULL,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", default="200,400,2000")
    ap.add_argument("--out", default="/tmp/kpi-budget-book")
    ap.add_argument("--check", action="store_true", help="also time `kpi-lint check` on each book")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    parts = sources()
    for n in (int(x) for x in args.projects.split(",")):
        book = out / f"book-{n}.txt"
        written = write_book(book, n, parts)
        parsed, found, cpu = rule_cpu(book)
        line = (f"{n:>5} asked: {written} source projects, {book.stat().st_size / 1e6:.1f} MB, {parsed} parsed; "
                f"KPI303 {found} findings in {cpu:.2f} s CPU")
        if args.check:
            line += f"; check {check_cpu(book):.1f} s CPU"
        print(line, flush=True)


if __name__ == "__main__":
    main()
