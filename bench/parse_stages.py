"""Where the parse stage's CPU goes, by step of the reader: exclusive CPU seconds and calls of each.

    PYTHONPATH=. .venv/bin/python -P bench/parse_stages.py CORPUS [--runs 3]

Every file of CORPUS is parsed as `kpi-lint check` parses it (`document.parse`, one lexicon), in a fresh
process per run, with a timer around each step named in STEPS.  A step's time is *exclusive*: what it
spent outside the other timed steps it called (the glued-row cutter inside a block's row is the cutter's,
not the row's), so the column adds up to the whole parse; "parse" is what no other step took.  Each timer
costs ≈ 1–2 µs a call, so the total reads a little above an untimed parse.

cProfile and line profilers inflate this code's many small calls several times over (a step of 0.3 s
profiles at 1.5 s); these timers wrap whole steps, so their figures are near the unprofiled ones.  The best
of `--runs` runs is printed per step (the machine is shared: the least is the least disturbed), and the
whole parse's least CPU beside it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_kinds import child_runs  # noqa: E402

# (module, attribute) of each step timed; a dotted attribute is a method.  The module is the one the
# step is looked up in by its caller, so that the caller calls the timed one.
STEPS: tuple[tuple[str, str], ...] = (
    ("kpi_lint.parse.document", "read_blocks"),
    ("kpi_lint.parse.document", "text_grid"),
    ("kpi_lint.parse.form_glued", "_best_cut"),
    ("kpi_lint.parse.document", "report_projects"),
    ("kpi_lint.parse.document", "apply_flat_blocks"),
    ("kpi_lint.parse.document", "_add_stated_categories"),
    ("kpi_lint.parse.document", "_finish"),
    ("kpi_lint.parse.document", "_read_document_facts"),
    ("kpi_lint.parse.book_parts", "title_lines"),
    ("kpi_lint.parse.form_reader", "join_wrapped_words"),
    ("kpi_lint.parse.form_reader", "FormReader.projects"),
    ("kpi_lint.parse.form_reader", "FormReader._title"),
    ("kpi_lint.parse.form_reader", "FormReader._column_words_apart"),
    ("kpi_lint.parse.form_reader", "FormReader._read_across"),
    ("kpi_lint.parse.form_reader", "FormReader._header"),
    ("kpi_lint.parse.form_reader", "FormReader._funds"),
    ("kpi_lint.parse.form_reader", "FormReader._facts"),
    ("kpi_lint.parse.form_reader", "FormReader._glued_funds"),
    ("kpi_lint.parse.form_reader", "FormReader._implicit_block"),
    ("kpi_lint.parse.form_reader", "FormReader._ends_block"),
    ("kpi_lint.parse.form_block", "BlockReader.add_row"),
    ("kpi_lint.parse.form_block", "BlockReader._by_content"),
    ("kpi_lint.parse.form_block", "BlockReader.flush"),
    ("kpi_lint.parse.form_block", "segment"),
)
LEGACY = "legacy layout readers"


class Timers:
    """Exclusive CPU per step: the step on top of the stack is charged until it returns or calls another."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._stack: list[list[Any]] = []  # [step, CPU time it was last charged from]

    def wrap(self, step: str, func: Callable[..., Any]) -> Callable[..., Any]:
        clock, stack, spent, calls = time.process_time, self._stack, self.spent, self.calls

        def timed(*args: Any, **kwargs: Any) -> Any:
            now = clock()
            if stack:
                spent[stack[-1][0]] += now - stack[-1][1]
            stack.append([step, now])
            try:
                return func(*args, **kwargs)
            finally:
                now = clock()
                spent[step] += now - stack.pop()[1]
                calls[step] += 1
                if stack:
                    stack[-1][1] = now

        return timed


def measure(folder: Path) -> dict[str, list[float]]:
    """Step → [exclusive CPU, calls]; "parse" holds the rest and "total" the whole parse."""
    sys.path.insert(0, str(ROOT))
    from kpi_lint.errors import InputError
    from kpi_lint.lexicon import load_lexicon
    from kpi_lint.parse import document

    lexicon = load_lexicon()
    timers = Timers()
    for module_name, name in STEPS:
        owner: Any = importlib.import_module(module_name)
        *owners, attribute = name.split(".")
        for part in owners:
            owner = getattr(owner, part)
        setattr(owner, attribute, timers.wrap(name, getattr(owner, attribute)))
    layout_parser = document.layout_parser
    document.layout_parser = lambda layout: timers.wrap(LEGACY, layout_parser(layout))  # type: ignore[assignment]
    parse = timers.wrap("parse", document.parse)
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    start = time.process_time()
    for path in paths:
        with contextlib.suppress(InputError):
            parse(path, lexicon)
    total = time.process_time() - start
    out = {step: [timers.spent[step], float(timers.calls[step])] for step in timers.spent}
    out["total"] = [total, float(len(paths))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(measure(args.corpus), sys.stdout)
        return
    runs: list[dict[str, list[float]]] = child_runs(Path(__file__), args.corpus, args.runs)
    steps = sorted(
        {step for run in runs for step in run} - {"total"}, key=lambda s: -min(r.get(s, [0])[0] for r in runs)
    )
    total = min(run["total"][0] for run in runs)
    print(f"best of {len(runs)} runs, exclusive CPU seconds per step (user + system of this process)")
    print(f"{'step':36s} {'CPU':>7s} {'share':>6s} {'calls':>8s} {'µs/call':>8s}")
    for step in steps:
        cpu = min(run.get(step, [0.0, 0.0])[0] for run in runs)
        calls = int(runs[0].get(step, [0.0, 0.0])[1])
        print(f"{step:36s} {cpu:7.2f} {100 * cpu / total:5.1f}% {calls:8d} {1e6 * cpu / max(calls, 1):8.1f}")
    print(f"{'total (least run)':36s} {total:7.2f}        {int(runs[0]['total'][1]):8d} files")


if __name__ == "__main__":
    main()
