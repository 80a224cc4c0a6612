"""`kpi-lint check` at scale, on a generated corpus of mostly distinct rows, beside a bare scan.

    .venv/bin/python bench/check_bench.py [--rows 100000[,1000000]] [--seed 0] [--corpus DIR]
                                          [--keep DIR] [--serial] [--no-cli] [--no-dask] [--no-startup]
                                          [--startup-only] [--startup-runs N] [--startup-file FILE]

The issue's figures, on a quiet machine (a 1M-row corpus takes a while to generate: `--keep` writes
each size to DIR/rows-N-seed-S once and reuses it on the next run):

    .venv/bin/python bench/check_bench.py --rows 100000,1000000 --keep /tmp/kpi-bench --serial --no-startup

prints, per size, rows/s per core of the stages and of `kpi-lint check --jobs 1` beside the bare
scan of the same bytes, peak RSS, and the growth from the first size to the last (`--serial` skips
the all-core, cache and Dask runs; drop it for those).  On a machine shared with other jobs, quote
the CPU columns (user + system time of the child, all its threads), not wall time; a smaller pair
(`--rows 30000,100000`) keeps each run within a few minutes there.

For each size, `bench/make_corpus.py` writes a corpus into a temporary folder (or `--corpus DIR`
is used as it is), then, each in a fresh process so that peak memory belongs to that run alone:

* **stages**: the steps of `kpi-lint check` in one process — load_documents (read + parse),
  build_context (lexicons, peer index, models), run_rules (the whole catalog), the JSON report
  written to a file — with the rows, distinct rows and findings they produced, each step's wall
  and CPU time;
* **phases** (`--phases`): `check --jobs 1 --no-cache` in one process as the command runs it (file
  tasks that keep only peer records, then the peer phase), with the peak RSS and CPU of each phase:
  files, peer index, peer context, peer rules (with each document's findings merged and stored),
  write.  The stages above hold whole documents; this is the memory a user's run holds.
  `--memory` runs only this, per size, and with two or more sizes prints how each phase's peak
  grows per 10,000 rows and the peak that growth projects for 1M rows (a projection, not a run);
* **cli**: `kpi-lint check DIR --output-format json -o FILE --fail-on never --jobs 1 --no-cache`, end
  to end (start-up included), the way a user runs it;
* **jobs N**: the same on all N cores (`--jobs N`, a process pool; CPU time includes the workers);
* **cache cold** / **cache warm**: `--jobs N` with the result cache, the first run filling it and a
  second over the unchanged folder reading it;
* **dask**: the same with `--dask` on a LocalCluster of N worker processes started here (CPU time
  counted as wall time × N, as the workers' own is not the command's);

and, in this process, a **bare scan** of the same bytes: every file read and one regex run over
it (decoded as UTF-8), CPU time, best of three.  Printed per run: wall time, CPU time, rows/s of
wall time and per CPU second (per core), the ratio of its CPU time to the bare scan's, and peak
RSS (ru_maxrss of that child).  With two
or more sizes the growth in time against the growth in rows is printed.  Start-up is measured
last (`--startup-only`: alone, no corpus): `kpi-lint --version`, `--help` and `check` of one corpus
file (`--startup-file`) with the cache off, cold, run a second time, with warm model copies only (as
after an edit), and without the rules that need scikit-learn (median of `--startup-runs`, default 5;
see `startup`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What a bare scan looks for: the words every indicator table holds.
_SCAN = re.compile(r"三级指标|指标值|[≥≤]\s*\d+")
STAGES = ("import", "parse", "context", "rules", "write")


@dataclass
class Run:
    label: str
    wall: float
    cpu: float
    rss_mib: float
    report: dict[str, float]


def run_measured(label: str, argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Run argv in a fresh process: wall time, CPU time (user + system) and peak RSS of that process.

    The CPU time includes the worker processes it waited for (a --jobs pool); peak RSS is the
    largest single process's.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, **(env or {})}
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1, 2):
        raise SystemExit(f"{label}: exit {proc.returncode}")
    try:
        report = json.loads(out.decode().strip().splitlines()[-1]) if out.strip() else {}
    except (json.JSONDecodeError, IndexError):
        report = {}
    return Run(label, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, report)


def stages(folder: Path, output: Path) -> None:
    """The steps of `kpi-lint check` in this process; prints one JSON line of timings and counts."""
    marks = [(time.perf_counter(), time.process_time())]
    sys.path.insert(0, str(ROOT))
    from kpi_lint.cli.common import load_documents
    from kpi_lint.config import Config
    from kpi_lint.report.json_out import render_json
    from kpi_lint.rules.context import build_context
    from kpi_lint.rules.engine import run_rules
    from kpi_lint.rules.registry import select_rules

    marks.append((time.perf_counter(), time.process_time()))
    loaded = load_documents([folder], progress=False)
    marks.append((time.perf_counter(), time.process_time()))
    config = Config()
    context = build_context(loaded.documents, config)
    marks.append((time.perf_counter(), time.process_time()))
    findings = run_rules(loaded.documents, select_rules(config.select, config.ignore), context)
    marks.append((time.perf_counter(), time.process_time()))
    with output.open("w", encoding="utf-8") as fh:
        fh.write(render_json(findings, loaded.problems))
    marks.append((time.perf_counter(), time.process_time()))
    rows = [(i.level3, i.value) for d in loaded.documents for i in d.indicators]
    steps = {name: marks[i + 1][0] - marks[i][0] for i, name in enumerate(STAGES)}
    cpu = {f"{name}_cpu": marks[i + 1][1] - marks[i][1] for i, name in enumerate(STAGES)}
    print(
        json.dumps(
            {
                **steps,
                **cpu,
                "documents": len(loaded.documents),
                "unreadable": len(loaded.errors),
                "rows": len(rows),
                "distinct": len(set(rows)),
                "findings": len(findings),
            }
        )
    )


# The phases of `check --jobs 1` (kpi_lint.run.checking.check_files) whose peak memory is printed:
# the file tasks, the peer index, the rest of the peer context, the peer rules (each document's
# findings merged with its local ones and stored as they are found), the report.
PHASES = ("files", "peer index", "peer context", "peer rules", "write")


def phases(folder: Path, output: Path) -> None:
    """`check --jobs 1 --no-cache` as the command runs it (file tasks keep peer records, then the peer
    phase), with the peak RSS of each phase sampled every 20 ms; prints one JSON line."""
    import threading

    sys.path.insert(0, str(ROOT))
    page = os.sysconf("SC_PAGE_SIZE")
    current = ["import"]
    peaks: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def enter(phase: str) -> None:
        cpu[current[0]] = cpu.get(current[0], 0.0) + time.process_time()
        cpu[phase] = cpu.get(phase, 0.0) - time.process_time()
        current[0] = phase

    def sample() -> None:
        while True:
            with open("/proc/self/statm") as fh:
                rss = int(fh.read().split()[1]) * page / 2**20
            peaks[current[0]] = max(peaks.get(current[0], 0.0), rss)
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()
    cpu["import"] = -time.process_time()
    import kpi_lint.cluster.peers as peers
    import kpi_lint.rules.context as context
    import kpi_lint.run.checking as checking
    from kpi_lint.config import Config
    from kpi_lint.report import Tally
    from kpi_lint.report.json_out import write_json
    from kpi_lint.rules.registry import select_rules

    def wrapped(module: object, name: str, during: str, after: str) -> None:
        inner = getattr(module, name)

        def run(*args: object, **kwargs: object) -> object:
            enter(during)
            result = inner(*args, **kwargs)
            enter(after)
            return result

        setattr(module, name, run)

    wrapped(peers, "build_peer_index", "peer index", "peer context")
    wrapped(context, "build_context", "peer context", "peer rules")
    wrapped(checking, "_reported", "peer rules", "write")
    config = Config()
    enter("files")
    run = checking.check_files([folder], config, select_rules(config.select, config.ignore))
    enter("write")
    tally = Tally()
    with output.open("w", encoding="utf-8") as fh:  # as the command writes it: read as it is written
        write_json(fh, tally.counting(run.stream()), run.loaded.problems)
    time.sleep(0.05)
    enter("done")
    rows = sum(len(d.indicators) for d in run.loaded.documents)
    print(
        json.dumps(
            {
                "rows": rows,
                "findings": tally.total,
                "unreadable": len(run.loaded.errors),
                **{f"{p}_peak": peaks.get(p, 0.0) for p in ("import", *PHASES)},
                **{f"{p}_cpu": cpu.get(p, 0.0) for p in ("import", *PHASES)},
            }
        )
    )


def bare_scan(folder: Path) -> float:
    """CPU seconds to read every file of the folder and run one regex over its bytes (best of 3)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for path in sorted(folder.iterdir()):
            _SCAN.findall(path.read_bytes().decode("utf-8", errors="replace"))
        best = min(best, time.process_time() - start)
    return max(best, 1e-6)


def generate(folder: Path, rows: int, seed: int) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(folder), "--rows", str(rows), "--seed", str(seed)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def show(run: Run, rows: int, scan: float) -> None:
    per_wall = rows / run.wall if run.wall else 0
    per_cpu = rows / run.cpu if run.cpu else 0
    print(
        f"  {run.label:<11} wall {run.wall:8.2f} s  cpu {run.cpu:8.2f} s  "
        f"{per_wall:9,.0f} rows/s  {per_cpu:9,.0f} rows/s per core  "
        f"{run.cpu / scan:6.1f}× the bare scan (cpu)  peak RSS {run.rss_mib:7,.0f} MiB"
    )


def dask_run(argv: list[str], workers: int) -> Run:
    """`argv --dask ADDRESS` against a LocalCluster of `workers` processes started here.

    The workers' CPU time is not the command's: it is counted as wall time × workers, so that the
    rows/s per core are not flattered.
    """
    from distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run = run_measured("dask", [*argv, "--dask", cluster.scheduler_address])
    return Run(run.label, run.wall, run.wall * workers, run.rss_mib, run.report)


def measure(
    folder: Path, cli: bool, dask: bool, serial: bool, with_phases: bool = False, memory: bool = False
) -> tuple[int, float, list[Run]]:
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="kpi-lint-out-") as tmp:
        out = Path(tmp)
        runs = []
        if not memory:
            argv = [sys.executable, __file__, "--stages", str(folder), str(out / "s.json")]
            runs.append(run_measured("stages", argv))
        if with_phases or memory:
            argv = [sys.executable, __file__, "--phases", str(folder), str(out / "p.json")]
            runs.append(run_measured("phases", argv))
        if cli and not memory:
            kpi = str(BIN / "kpi-lint")
            argv = [
                kpi,
                "check",
                str(folder),
                "--output-format",
                "json",
                "-o",
                str(out / "c.json"),
                "--fail-on",
                "never",
            ]
            runs.append(run_measured("cli", [*argv, "--jobs", "1", "--no-cache"]))
        if cli and not serial and not memory:
            runs.append(run_measured(f"jobs {cores}", [*argv, "--jobs", str(cores), "--no-cache"]))
            # The cache: a first run fills it, a second over the unchanged folder reads it.
            cache = {"KPI_LINT_CACHE_DIR": str(out / "cache")}
            runs.append(run_measured("cache cold", [*argv, "--jobs", str(cores)], cache))
            runs.append(run_measured("cache warm", [*argv, "--jobs", str(cores)], cache))
            if dask:
                runs.append(dask_run([*argv, "--no-cache"], cores))
    scan = bare_scan(folder)
    return int(runs[0].report.get("rows", 0)), scan, runs


def _keep_only(cache: Path, kinds: tuple[str, ...]) -> Callable[[], None]:
    """Before a run: empty the cache folder but for the entries of `kinds` (none: all of it)."""

    def clear() -> None:
        for entry in cache.iterdir() if cache.is_dir() else ():
            if entry.is_dir() and entry.name not in kinds:
                shutil.rmtree(entry)

    return clear


def startup(runs: int = 5, one: Path | None = None) -> None:
    """Start-up: `--version`, `--help`, and `check` of one corpus file, as a user runs them.

    `check` is timed with the result cache off (``--no-cache``: the models are loaded from their skops
    files), cold (no cache folder: the same, and the cache written), a second run of the unchanged
    file (the whole run read from the cache), with warm model copies only (a cache holding only the
    models' trusted copies, kpi_lint.classify.copies: the file is read and checked again, as after an
    edit), and with the rules that need scikit-learn left out.  Median (and min) of `runs` runs each,
    after one that writes the bytecode; the load average is printed with each row (a shared machine).
    """
    kpi = str(BIN / "kpi-lint")
    one = one or sorted((ROOT / "corpus").glob("*.txt"))[0]
    # As installed: with the bytecode written (pip compiles it; PYTHONDONTWRITEBYTECODE, set in some
    # shells and containers, would have every run compile kpi_lint's modules again, ~0.15 s).
    bytecode = {"PYTHONDONTWRITEBYTECODE": ""}
    check = [kpi, "check", str(one), "--fail-on", "never", "-o", os.devnull]
    # Asked of a child: what this process imports would count in the children's peak RSS.
    ask = (
        "from kpi_lint.classify.copies import MODELS; from kpi_lint.rules.context import uses_scikit_learn; "
        "from kpi_lint.rules.registry import all_rules; "
        "print(MODELS, ','.join(sorted(r.code for r in all_rules() if uses_scikit_learn(r))))"
    )
    models, model_rules = subprocess.run(
        [sys.executable, "-c", ask], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    print(
        f"start-up of {one.name} ({sum(1 for _ in one.open(encoding='utf-8', errors='replace'))} lines): "
        f"median and min wall of {runs} runs after one that writes the bytecode, median CPU (user + system):"
    )
    with tempfile.TemporaryDirectory(prefix="kpi-lint-cache-") as tmp:
        cache = Path(tmp) / "cache"
        cached = {**bytecode, "KPI_LINT_CACHE_DIR": str(cache)}

        def nothing() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        rows: list[tuple[str, list[str], dict[str, str], Callable[[], None] | None]] = [
            ("--version", [kpi, "--version"], bytecode, None),
            ("--help", [kpi, "--help"], bytecode, None),
            ("check, --no-cache", [*check, "--no-cache"], bytecode, None),
            ("check, cold (no cache)", check, cached, nothing),
            ("check, second run", check, cached, None),
            ("check, model copies", check, cached, _keep_only(cache, (models,))),
            ("check, no model rules", [*check, "--no-cache", "--ignore", model_rules], bytecode, None),
        ]
        for label, argv, env, before in rows:
            if before is not None:
                before()
            run_measured(label, argv, env)
            measured = []
            for _ in range(runs):
                if before is not None:
                    before()
                measured.append(run_measured(label, argv, env))
            walls = sorted(r.wall for r in measured)
            cpus = sorted(r.cpu for r in measured)
            load = " ".join(f"{x:.1f}" for x in os.getloadavg())
            print(
                f"  {label:<24} {statistics.median(walls):6.2f} s wall (min {walls[0]:5.2f})"
                f"  {statistics.median(cpus):6.2f} s cpu  peak RSS {max(r.rss_mib for r in measured):5,.0f} MiB"
                f"   load {load}"
            )
    print(f"  (no model rules: --ignore {model_rules}, the rules whose Rule.uses needs scikit-learn)")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--stages":
        stages(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if len(sys.argv) == 4 and sys.argv[1] == "--phases":
        phases(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="20000", help="comma-separated corpus sizes in template rows (default 20000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help="measure this folder instead of generating one")
    parser.add_argument("--keep", type=Path, help="generate each size into KEEP/rows-N-seed-S once and reuse it")
    parser.add_argument("--serial", action="store_true", help="only the stages and check --jobs 1 (per-core figures)")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end kpi-lint run")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timings")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up timings (no corpus)")
    parser.add_argument("--startup-runs", type=int, default=5, help="runs per start-up row (median printed)")
    parser.add_argument("--startup-file", type=Path, help="the file start-up checks (default: corpus 000)")
    parser.add_argument("--no-dask", action="store_true", help="skip the run on a Dask LocalCluster")
    parser.add_argument(
        "--phases",
        action="store_true",
        help="also run check --jobs 1 in-process and print the peak RSS and CPU of each of its phases",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help="only the phases run, per size; with two or more sizes, each phase's growth per 10,000 rows",
    )
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if args.startup_only:
        startup(args.startup_runs, args.startup_file)
        return

    results: list[tuple[int, float, float]] = []
    peaks: list[tuple[int, dict[str, float]]] = []  # rows, peak RSS per phase
    sizes = [int(s) for s in args.rows.split(",") if s.strip()] if args.corpus is None else [0]
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kpi-lint-corpus-") as tmp:
            folder = args.corpus or (args.keep / f"rows-{size}-seed-{args.seed}" if args.keep else Path(tmp))
            if args.corpus is None and not (args.keep and folder.is_dir() and any(folder.iterdir())):
                folder.mkdir(parents=True, exist_ok=True)
                generate(folder, size, args.seed)
            files = sum(1 for _ in folder.iterdir())
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
            rows, scan, runs = measure(
                folder,
                cli=not args.no_cli,
                dask=not args.no_dask,
                serial=args.serial,
                with_phases=args.phases,
                memory=args.memory,
            )
            report = runs[0].report
            print(
                f"corpus: {files:,} files, {megabytes:,.1f} MiB, {rows:,} indicator rows "
                f"({report.get('distinct', 0):,} distinct), {report.get('unreadable', 0)} unreadable, "
                f"{report.get('findings', 0):,} findings"
            )
            print(f"  bare read + regex scan of the same bytes: {scan:.3f} s cpu ({rows / scan:,.0f} rows/s per core)")
            for run in runs:
                show(run, rows, scan)
            if not args.memory:
                steps = "  ".join(f"{k} {report.get(k, 0):.2f}" for k in STAGES)
                cpu = "  ".join(f"{k} {report.get(k + '_cpu', 0):.2f}" for k in STAGES)
                print(f"  stages, wall s: {steps}")
                print(f"  stages, cpu s:  {cpu}")
            phased = next((r for r in runs if r.label == "phases"), None)
            if phased is not None:
                held = "  ".join(f"{p} {phased.report.get(p + '_peak', 0):,.0f}" for p in ("import", *PHASES))
                spent = "  ".join(f"{p} {phased.report.get(p + '_cpu', 0):.2f}" for p in ("import", *PHASES))
                print(f"  phases of check --jobs 1, peak RSS MiB: {held}")
                print(f"  phases of check --jobs 1, cpu s:        {spent}")
                peaks.append((rows, {p: phased.report.get(p + "_peak", 0.0) for p in ("import", *PHASES)}))
            serial = next((r for r in runs if r.label == "cli"), runs[0])
            results.append((rows, serial.wall, serial.cpu))
            if args.memory:
                results.pop()
            if args.corpus is None and args.keep is None:
                shutil.rmtree(folder, ignore_errors=True)
    if len(results) > 1:
        (r0, w0, c0), (r1, w1, c1) = results[0], results[-1]
        print(
            f"growth: {r1 / r0:.1f}× the rows took {w1 / w0:.1f}× the wall time, {c1 / c0:.1f}× the CPU time "
            f"(target: at most 1.1× the growth in rows)"
        )
    if len(peaks) > 1:
        memory_growth(peaks)
    if not args.no_startup and not args.memory:
        startup(args.startup_runs, args.startup_file)


def memory_growth(peaks: list[tuple[int, dict[str, float]]]) -> None:
    """Each phase's peak RSS growth per 10,000 rows between the smallest and the largest corpus, and
    the peak it projects for 1M rows (a straight line through the two; a projection, not a run)."""
    (r0, p0), (r1, p1) = min(peaks, key=lambda p: p[0]), max(peaks, key=lambda p: p[0])
    if r1 <= r0:
        return
    slopes = {p: (p1[p] - p0[p]) / (r1 - r0) * 10_000 for p in p0}
    peak = max(PHASES, key=lambda p: p1[p])
    print(
        f"peak RSS growth from {r0:,} to {r1:,} rows, MiB per 10,000 rows: "
        + "  ".join(f"{p} {slopes[p]:+.1f}" for p in ("import", *PHASES))
    )
    projected = max(p1[p] + slopes[p] * (1_000_000 - r1) / 10_000 for p in PHASES)
    print(
        f"  projected peak RSS at 1,000,000 rows (straight line, not measured): {projected:,.0f} MiB "
        f"(largest phase at {r1:,} rows: {peak}, {p1[peak]:,.0f} MiB)"
    )


if __name__ == "__main__":
    main()
