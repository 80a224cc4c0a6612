"""A province-style budget book: many projects in one text file, to time KPI303 and `check` on it.

    PYTHONPATH=. .venv/bin/python -P bench/budget_book.py --projects 200,400,2000 [--source FILE] [--out DIR]
                                                          [--check]

Real budget books (省级部门预算公开) print hundreds of projects' 绩效目标表 in one file.  This writes one
by repeating the project section of a sample (from its first project's line to its end; default the
sample 003, eleven 项目支出绩效目标表 of one 医疗保障局) until it holds at least N projects, to DIR/book-N.txt.
Every project after the first copy repeats an earlier one, so KPI303 reports each of them: the rule's
worst case (all rows match).  The reader does not keep the projects apart when different samples are
concatenated (it reads the second sample's tables into fewer projects), hence one sample repeated.
Then, per size, in this process: parse the book, and the CPU time of KPI303 alone on it (its findings
counted); with --check, `kpi-lint check BOOK --output-format json --no-cache --fail-on never` in a
child, its user+system CPU time (start-up included).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from kpi_lint.parse import parse
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.text.kpi303_copied_across_projects import CopiedAcrossProjects

ROOT = Path(__file__).resolve().parent.parent


def project_section(source: Path) -> tuple[str, int]:
    """The source's lines from its first project's on, and the number of projects they hold."""
    doc = parse(source)
    first = min(p.line for p in doc.projects)
    lines = source.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[first - 1:]).rstrip("\n") + "\n\n", len(doc.projects)


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
        [sys.executable, "-m", "kpi_lint", "check", str(book), "--output-format", "json", "--no-cache",
         "--fail-on", "never", "-o", os.devnull],
        check=True, stdout=subprocess.DEVNULL,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", default="200,400,2000")
    ap.add_argument("--source", default=str(next((ROOT / "corpus").glob("003_*.txt"))))
    ap.add_argument("--out", default="/tmp/kpi-budget-book")
    ap.add_argument("--check", action="store_true", help="also time `kpi-lint check` on each book")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    section = project_section(Path(args.source))
    for n in (int(x) for x in args.projects.split(",")):
        book = out / f"book-{n}.txt"
        written = write_book(book, n, section)
        parsed, found, cpu = rule_cpu(book)
        line = (f"{n:>5} asked: {written} source projects, {book.stat().st_size / 1e6:.1f} MB, {parsed} parsed; "
                f"KPI303 {found} findings in {cpu:.2f} s CPU")
        if args.check:
            line += f"; check {check_cpu(book):.1f} s CPU"
        print(line, flush=True)


if __name__ == "__main__":
    main()
