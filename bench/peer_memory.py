"""What each step of the peer phase of `kpi-lint check --jobs 1` allocates and keeps, per indicator row.

    PYTHONPATH=. .venv/bin/python -P bench/peer_memory.py DIR [DIR …] [--frames N]

For each folder (a corpus of `bench/make_corpus.py`, e.g. the ones `bench/check_bench.py --keep` keeps),
in a fresh process: `check_files` as the command runs it, with tracemalloc started when the peer phase
begins (the file tasks run untraced, at full speed).  Per step — the clustering's `collect_members`,
`cluster_texts` and `_assemble`, the peer index's `PeerIndex`, the `Suggester`, the peer rules
(`_reported`) — it prints the traced heap at the step's start, its peak inside the step and
at its end, in MiB and per row.  With two folders or more, the marginal cost per row between the
smallest and the largest corpus follows: what grows with the rows, the fixed costs (models, jieba's
dictionary) left out.  Peak RSS per phase is `bench/check_bench.py --memory`; this says which step of a
phase it comes from.  The Python heap only (NumPy and SciPy arrays included, which report to
tracemalloc), not the allocator's fragmentation.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (module, attribute, label): none calls another (a step's peak is reset when it starts).
STEPS = (
    ("kpi_lint.cluster.groups", "collect_members", "members"),
    ("kpi_lint.cluster.groups", "cluster_texts", "cluster texts"),
    ("kpi_lint.cluster.groups", "_assemble", "assemble"),
    ("kpi_lint.cluster.peers", "PeerIndex", "peer index"),
    ("kpi_lint.library.suggest", "Suggester", "suggester"),
    ("kpi_lint.run.checking", "_reported", "peer rules"),
)


def _traced(
    inner: Callable[..., object], label: str, log: list[tuple[str, float, float, float]]
) -> Callable[..., object]:
    def step(*args: object, **kwargs: object) -> object:
        gc.collect()
        start, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = inner(*args, **kwargs)
        end, peak = tracemalloc.get_traced_memory()
        log.append((label, start, peak, end))
        return result

    return step


def measure(folder: Path, frames: int) -> None:
    """Run the check over `folder` with the steps traced; print one JSON line."""
    import importlib

    sys.path.insert(0, str(ROOT))
    import kpi_lint.run.checking as checking
    from kpi_lint.config import Config
    from kpi_lint.rules.registry import select_rules

    log: list[tuple[str, float, float, float]] = []
    for module_name, name, label in STEPS:
        module = importlib.import_module(module_name)
        setattr(module, name, _traced(getattr(module, name), label, log))
    peer_findings = checking._peer_findings

    def peer_phase(*args: object, **kwargs: object) -> object:
        tracemalloc.start(frames)
        return peer_findings(*args, **kwargs)  # type: ignore[arg-type]

    checking._peer_findings = peer_phase  # type: ignore[assignment]
    config = Config()
    run = checking.check_files([folder], config, select_rules(config.select, config.ignore))
    rows = sum(len(d.indicators) for d in run.loaded.documents)
    print(json.dumps({"rows": rows, "steps": log}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--frames", type=int, default=1, help="traceback frames tracemalloc keeps")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        measure(args.folders[0], args.frames)
        return
    runs: list[tuple[int, dict[str, tuple[float, float, float]]]] = []
    for folder in args.folders:
        argv = [sys.executable, "-P", __file__, str(folder), "--one", "--frames", str(args.frames)]
        out = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=ROOT).stdout
        report = json.loads(out.strip().splitlines()[-1])
        rows = report["rows"]
        steps = {label: (start, peak, end) for label, start, peak, end in report["steps"]}
        runs.append((rows, steps))
        print(f"{folder}: {rows:,} rows")
        for label, (start, peak, end) in steps.items():
            print(
                f"  {label:<14} start {start / 2**20:7.1f}  peak {peak / 2**20:7.1f}  end {end / 2**20:7.1f} MiB"
                f"   transient {(peak - start) / rows:6,.0f} B/row  kept {(end - start) / rows:6,.0f} B/row"
            )
    if len(runs) >= 2:
        (r0, s0), (r1, s1) = min(runs, key=lambda r: r[0]), max(runs, key=lambda r: r[0])
        print(f"marginal cost per row from {r0:,} to {r1:,} rows (B/row):")
        for label in s1:
            if label in s0:
                transient = ((s1[label][1] - s1[label][0]) - (s0[label][1] - s0[label][0])) / (r1 - r0)
                kept = ((s1[label][2] - s1[label][0]) - (s0[label][2] - s0[label][0])) / (r1 - r0)
                print(f"  {label:<14} transient {transient:6,.0f}  kept {kept:6,.0f}")


if __name__ == "__main__":
    main()
