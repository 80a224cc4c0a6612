"""Parse throughput: the corpus replicated to N documents (default 1,000).

Prints documents/s, indicators/s and peak memory.  Run:

    .venv/bin/python bench/parse_bench.py [--docs 1000]

Peak memory is reported twice: the Python heap peak while parsing the five
corpus documents (tracemalloc, measured after the timed run because it slows
parsing), and the process's maximum resident set size over the whole run.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from rich.progress import track

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.parse import parse  # noqa: E402


def replicate(corpus: Path, target: Path, count: int) -> list[Path]:
    sources = sorted(corpus.glob("*.txt"))
    paths = []
    for i in range(count):
        src = sources[i % len(sources)]
        dst = target / f"{i:05d}_{src.name}"
        shutil.copyfile(src, dst)
        paths.append(dst)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = replicate(ROOT / "corpus", Path(tmp), args.docs)
        start = time.perf_counter()
        indicators = projects = 0
        for path in track(paths, description="解析", disable=not sys.stderr.isatty()):
            doc = parse(path)
            projects += len(doc.projects)
            indicators += len(doc.indicators)
        elapsed = time.perf_counter() - start
        # Heap peak measured separately: tracemalloc slows parsing several-fold.
        tracemalloc.start()
        for path in paths[:5]:
            parse(path)
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents:      {args.docs}")
    print(f"projects:       {projects}")
    print(f"indicators:     {indicators}")
    print(f"elapsed:        {elapsed:.2f} s")
    print(f"documents/s:    {args.docs / elapsed:.1f}")
    print(f"indicators/s:   {indicators / elapsed:.0f}")
    print(f"peak heap:      {heap_peak / 2**20:.1f} MiB (parsing the five corpus documents)")
    print(f"peak RSS:       {rss_peak_mb:.1f} MiB")


if __name__ == "__main__":
    main()
