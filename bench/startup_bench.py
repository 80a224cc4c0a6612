"""Start-up of a one-file check (issue 10): wall and CPU time, median of --runs, in fresh interpreters.

For each run a new folder gets copies of one disclosure; the scenarios, in order:

- ``--version``, ``--help``;
- a new file with ``--no-cache`` (the models from the forms shipped beside them, models/*.fast.npz:
  kpi_lint.classify.form_file; a model file without one is read with skops and scikit-learn);
- a new file with an empty cache (the same; a model file without a shipped form is read with skops, its trusted
  copy and inference-only form written to the cache);
- a new file with the cache warm (the models from their forms: kpi_lint.classify.fast_form);
- the same file again (the run's result from the cache).

``--tree`` times another checkout of kpi-lint (``git archive COMMIT | tar -x -C DIR``) with this interpreter,
so that two versions are timed in the same window.  Usage::

    PYTHONPATH=. .venv/bin/python -P bench/startup_bench.py [--tree DIR] [--select KPI101] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = next((ROOT / "corpus" / "wild").glob("a01_*.txt"))
SCENARIOS = (
    "--version",
    "--help",
    "new file, --no-cache",
    "new file, empty cache",
    "new file, cache warm",
    "same file again",
)


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of `python -m kpi_lint ARGS`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kpi_lint", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def one_round(tree: Path, sample: Path, rules: list[str]) -> list[tuple[float, float]]:
    folder = Path(tempfile.mkdtemp(prefix="kpi-startup-"))
    env = {**os.environ, "PYTHONPATH": str(tree), "KPI_LINT_CACHE_DIR": str(folder / "cache")}
    env.pop("KPI_LINT_NO_CACHE", None)
    try:
        for name in ("a.txt", "b.txt", "c.txt"):
            shutil.copyfile(sample, folder / name)
        return [
            timed(["--version"], folder, env),
            timed(["--help"], folder, env),
            timed(["check", "a.txt", "--no-cache", *rules], folder, env),
            timed(["check", "b.txt", *rules], folder, env),
            timed(["check", "c.txt", *rules], folder, env),
            timed(["check", "c.txt", *rules], folder, env),
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the kpi-lint checkout to time (default: this one)")
    parser.add_argument("--select", help="rules to select (default: every rule)")
    parser.add_argument("--file", type=Path, default=SAMPLE, help="the disclosure to check")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rules = ["--select", args.select] if args.select else []
    rounds = [one_round(args.tree.resolve(), args.file, rules) for _ in range(args.runs)]
    print(f"{args.tree} · {args.select or 'every rule'} · {args.file.name} · median of {args.runs}")
    for i, scenario in enumerate(SCENARIOS):
        wall = statistics.median(r[i][0] for r in rounds)
        cpu = statistics.median(r[i][1] for r in rounds)
        print(f"  {scenario:<24} wall {wall:5.2f} s   CPU {cpu:5.2f} s")


if __name__ == "__main__":
    main()
