"""Parse throughput on the corpus replicated, and on the office fixtures.

Prints, for each kind of input, documents/s and indicator rows/s, the same figures for a bare
read + regex scan of the same bytes in the same run (and the ratio), PDF pages/s and XLSX
rows/s, and peak memory.  Run:

    .venv/bin/python bench/parse_bench.py [--docs 1000] [--office 50]

Peak memory is reported twice: the Python heap peak while parsing the five corpus documents
(tracemalloc, measured after the timed run because it slows parsing), and the process's maximum
resident set size over the whole run.
"""

from __future__ import annotations

import argparse
import re
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

OFFICE = ROOT / "tests" / "fixtures" / "office"
# What a bare scan looks for: the words every indicator table holds.
_SCAN = re.compile(r"三级指标|指标值|[≥≤]\s*\d+")


def replicate(sources: list[Path], target: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        src = sources[i % len(sources)]
        dst = target / f"{i:05d}_{src.name}"
        shutil.copyfile(src, dst)
        paths.append(dst)
    return paths


def bare_scan(paths: list[Path]) -> float:
    """Seconds to read every file and run one regex over its bytes (decoded as UTF-8 where text)."""
    start = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        _SCAN.findall(data.decode("utf-8", errors="replace"))
    return time.perf_counter() - start


def timed_parse(paths: list[Path], label: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    indicators = projects = 0
    for path in track(paths, description=label, disable=not sys.stderr.isatty()):
        doc = parse(path)
        projects += len(doc.projects)
        indicators += len(doc.indicators)
    return time.perf_counter() - start, projects, indicators


def report(label: str, paths: list[Path], elapsed: float, indicators: int, extra: str = "") -> None:
    scan = bare_scan(paths)
    print(f"{label}: {len(paths)} documents, {indicators} indicator rows in {elapsed:.2f} s")
    print(f"  documents/s {len(paths) / elapsed:.1f}  rows/s {indicators / elapsed:.0f}{extra}")
    print(f"  bare read + regex of the same bytes: {scan:.3f} s (parsing takes {elapsed / scan:.0f}x as long)")


def pdf_pages(paths: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    return pages


def sheet_rows(paths: list[Path]) -> int:
    import openpyxl

    rows = 0
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True)
        rows += sum(ws.max_row or 0 for ws in book.worksheets)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000, help="text documents (the five samples replicated)")
    parser.add_argument("--office", type=int, default=50, help="PDF and XLSX documents (the fixtures replicated)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "text").mkdir()
        (base / "pdf").mkdir()
        (base / "xlsx").mkdir()
        texts = replicate(sorted((ROOT / "corpus").glob("*.txt")), base / "text", args.docs)
        elapsed, _, indicators = timed_parse(texts, "文本")
        report("text", texts, elapsed, indicators)

        pdfs = replicate(sorted(OFFICE.glob("*.pdf")), base / "pdf", args.office)
        elapsed, _, indicators = timed_parse(pdfs, "PDF")
        pages = pdf_pages(pdfs)
        report("pdf", pdfs, elapsed, indicators, f"  pages/s {pages / elapsed:.1f} ({pages} pages)")

        books = replicate(sorted(OFFICE.glob("*.xlsx")), base / "xlsx", args.office)
        elapsed, _, indicators = timed_parse(books, "XLSX")
        rows = sheet_rows(books)
        report("xlsx", books, elapsed, indicators, f"  sheet rows/s {rows / elapsed:.0f} ({rows} rows)")

        # Heap peak measured separately: tracemalloc slows parsing several-fold.
        tracemalloc.start()
        for path in texts[:5]:
            parse(path)
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak heap: {heap_peak / 2**20:.1f} MiB (parsing the five corpus documents)")
    print(f"peak RSS:  {rss_peak_mb:.1f} MiB")


if __name__ == "__main__":
    main()
