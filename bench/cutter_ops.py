"""The glued-row cutter's work counted in bytecodes: a measure this shared machine's load does not move.

    PYTHONPATH=. .venv/bin/python -P bench/cutter_ops.py [DIR ...] [--limit N] [--top 25] [--lines FUNC,...]

Collects every distinct question the reader asks `form_glued._best_cut` while parsing the folders given
(default: the wild set; `bench/cutter_bench.collect`), then cuts the first `--limit` of them afresh with a
trace function counting the bytecodes each Python function runs (`sys.settrace` with `f_trace_opcodes`),
and prints the total and the functions that ran most (`--lines`: per line of the functions named).

CPU time on a machine shared by many jobs moves by 10–20 % from one run to the next, more than most single
changes to the cutter; a count of bytecodes does not move at all, and on this code (pure Python, short regexes
on short pieces) it follows CPU time closely: ≈ 100 M bytecodes a second on the 10k corpus.  It leaves out what
runs in C (regex matching, sorting, C-level maps): a change that moves work there must be timed too
(`bench/cutter_bench.py`).  Tracing makes the cut many times slower: `--limit` keeps a run short.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import linecache
import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cutter_bench import collect  # noqa: E402

from kpi_lint.parse import form_glued  # noqa: E402


def count(questions: list[Any], lines: set[str]) -> Counter[tuple[str, int]]:
    """Bytecodes run per function (line 0), or per line of the functions in `lines`, cutting every question."""
    counted: Counter[tuple[str, int]] = Counter()
    cut = form_glued._best_cut.__wrapped__

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        name = frame.f_code.co_name
        frame.f_trace_opcodes = True
        by_line = name in lines

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "opcode":
                counted[(name, frame.f_lineno if by_line else 0)] += 1
            return local

        return local

    for question in questions[:5]:
        cut(*question)  # lazy imports and first-use tables, not counted
    sys.settrace(tracer)
    try:
        for question in questions:
            cut(*question)
    finally:
        sys.settrace(None)
    return counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "corpus" / "wild"])
    parser.add_argument("--limit", type=int, default=0, help="count only the first N questions (0: all)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--lines", default="", help="comma-separated functions to count per line")
    args = parser.parse_args()
    with contextlib.redirect_stderr(io.StringIO()):  # the reader's warnings about the files
        questions = collect(args.folders)
    if args.limit:
        questions = questions[: args.limit]
    counted = count(questions, set(filter(None, args.lines.split(","))))
    print(f"{len(questions)} questions, {sum(counted.values()):,} bytecodes")
    for (name, line), n in counted.most_common(args.top):
        where = f"{name}:{line} {linecache.getline(form_glued.__file__, line).strip()[:100]}" if line else name
        print(f"{n:12,d}  {where}")


if __name__ == "__main__":
    main()
