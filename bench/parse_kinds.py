"""Where parse time goes, per kind of document: CPU and rows/s of read + parse by format and text shape.

    .venv/bin/python -P bench/parse_kinds.py CORPUS [--runs 3] [--json FILE]

CORPUS is a folder of disclosures, most usefully one `bench/make_corpus.py` wrote (`bench/check_bench.py
--keep DIR` keeps one).  Every file is read and parsed as `kpi-lint check` does (`load_documents`: read
the bytes, then the parser), in a fresh process per run so that no run reuses another's memoised
answers; each file's CPU time is split into

* **read**: bytes → text or grid (decoding, python-docx, openpyxl, lxml, pdfplumber);
* **cutter**: the glued-row cutter (`form_glued._best_cut`, outermost calls), rows that lost their separators;
* **parse**: everything else the parser does (text grid, form reader, the passes over the whole text).

Files are grouped by format and, for text, by the separator most of their lines use (`tab`: cells apart
by tabs, `pipe`: by `|`, `other`: spaces, one cell per line, or none) and by whether the cutter ran on
them (`+glued`).  Printed per group: files, indicator rows, the CPU of each part and rows per CPU
second, the best of `--runs` runs (each group's total, taken from the run where it was least: the
machine is shared, so the least is the figure least disturbed by other jobs), and the total.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_SHAPE_SHARE = 0.3  # a separator on this share of a text's non-empty lines or more gives it its shape
PARTS = ("read", "cutter", "parse")


def text_shape(path: Path) -> str:
    """`tab`, `pipe` or `other`: the separator most lines of a text file use."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return "other"
    for mark, shape in (("\t", "tab"), ("|", "pipe")):
        if sum(mark in line for line in lines) >= _SHAPE_SHARE * len(lines):
            return shape
    return "other"


def measure(folder: Path) -> dict[str, dict[str, float | int | bool | str]]:
    """Per file: its CPU in each part, its rows, whether the cutter ran (in this process)."""
    sys.path.insert(0, str(ROOT))
    from kpi_lint.errors import InputError
    from kpi_lint.lexicon import load_lexicon
    from kpi_lint.parse import document, form_glued
    from kpi_lint.read import blocks

    lexicon = load_lexicon()
    clock = time.process_time
    spent = {"read": 0.0, "cutter": 0.0}
    calls = [0]

    def timed(part: str, func):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            if part == "cutter":
                calls[0] += 1
            start = clock()
            try:
                return func(*args, **kwargs)
            finally:
                spent[part] += clock() - start

        return run

    # The cutter is not recursive and read_blocks is called once per file: outermost calls only.
    form_glued._best_cut = timed("cutter", form_glued._best_cut)  # type: ignore[assignment]
    document.read_blocks = timed("read", blocks.read_blocks)
    out: dict[str, dict[str, float | int | bool | str]] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        spent["read"] = spent["cutter"] = 0.0
        calls[0] = 0
        start = clock()
        try:
            rows = len(document.parse(path, lexicon).indicators)
        except InputError:
            rows = 0
        total = clock() - start
        out[path.name] = {
            "read": spent["read"],
            "cutter": spent["cutter"],
            "parse": total - spent["read"] - spent["cutter"],
            "rows": rows,
            "glued": calls[0] > 0,
        }
    return out


def group(folder: Path, name: str, glued: bool) -> str:
    path = folder / name
    kind = path.suffix.lstrip(".").lower() or "?"
    if kind == "txt":
        kind = f"txt {text_shape(path)}"
    return f"{kind}{' +glued' if glued else ''}"


def _seconds(entry: dict[str, object], part: str) -> float:
    value = entry[part]
    assert isinstance(value, float | int)
    return float(value)


def summarise(folder: Path, runs: list[dict[str, dict[str, float | int | bool | str]]]) -> list[dict[str, object]]:
    """Per group: files, rows and the best run's CPU per part (the run where the group's total was least)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name, first in runs[0].items():
        groups[group(folder, name, bool(first["glued"]))].append(name)
    table = []
    for key, names in groups.items():
        best = min(
            ({part: sum(float(run[n][part]) for n in names) for part in PARTS} for run in runs),
            key=lambda parts: sum(parts.values()),
        )
        rows = sum(int(runs[0][n]["rows"]) for n in names)
        entry: dict[str, object] = {"group": key, "files": len(names), "rows": rows, **best}
        table.append(entry)
    table.sort(key=lambda g: -sum(_seconds(g, p) for p in PARTS))
    return table


def print_table(table: list[dict[str, object]], runs: int) -> None:
    print(f"best of {runs} runs, CPU seconds (user + system of this process)")
    head = f"{'group':18s} {'files':>5s} {'rows':>6s} {'read':>6s} {'cutter':>6s} {'parse':>6s} {'total':>6s}"
    print(f"{head} {'rows/s':>7s} {'ms/row':>6s} {'share':>6s}")
    everything = sum(sum(_seconds(g, p) for p in PARTS) for g in table)
    sums = dict.fromkeys(PARTS, 0.0)
    files = rows = 0
    for g in table:
        parts = {p: _seconds(g, p) for p in PARTS}
        total = sum(parts.values())
        n = int(g["rows"])  # type: ignore[call-overload]
        share = 100 * total / everything
        print(
            f"{g['group']:18s} {g['files']:5d} {n:6d} {parts['read']:6.2f} {parts['cutter']:6.2f} {parts['parse']:6.2f}"
            f" {total:6.2f} {n / max(total, 1e-9):7.0f} {1000 * total / max(n, 1):6.2f} {share:5.1f}%"
        )
        files += int(g["files"])  # type: ignore[call-overload]
        rows += n
        for p in PARTS:
            sums[p] += parts[p]
    total = sum(sums.values())
    print(
        f"{'total':18s} {files:5d} {rows:6d} {sums['read']:6.2f} {sums['cutter']:6.2f} {sums['parse']:6.2f}"
        f" {total:6.2f} {rows / max(total, 1e-9):7.0f} {1000 * total / max(rows, 1):6.2f}"
    )


def child_runs(script: Path, corpus: Path, runs: int) -> list[Any]:
    """What `script CORPUS --child` prints as JSON, once per run, each in a fresh process (no run reuses the
    answers another remembered)."""
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-P", str(script), str(corpus), "--child"],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        out.append(json.loads(done.stdout))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every run's per-file figures here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(measure(args.corpus), sys.stdout)
        return
    runs = child_runs(Path(__file__), args.corpus, args.runs)
    print_table(summarise(args.corpus, runs), args.runs)
    if args.json:
        args.json.write_text(json.dumps(runs, ensure_ascii=False))


if __name__ == "__main__":
    main()
