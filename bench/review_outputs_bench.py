"""How long the reviewer's outputs take to write, beside the JSON report of the same findings.

    .venv/bin/python bench/review_outputs_bench.py [--wild]

Parses the corpus samples (and with --wild the 79 files of corpus/wild/ too), runs the whole rule
catalog once, then writes, into a temporary folder: the JSON report, the workbook
(`check --output-format xlsx`) and the review pages (`check --output-format html`, one per
document).  Printed per output: wall time (best of three), size on disk, and the counts it holds
(documents, projects, sheets, findings).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.cli.common import load_documents  # noqa: E402
from kpi_lint.config import Config  # noqa: E402
from kpi_lint.report.json_out import render_json  # noqa: E402
from kpi_lint.report.review_page import write_review_pages  # noqa: E402
from kpi_lint.report.workbook import write_check_workbook  # noqa: E402
from kpi_lint.rules.context import build_context  # noqa: E402
from kpi_lint.rules.engine import run_rules  # noqa: E402
from kpi_lint.rules.registry import all_rules  # noqa: E402


def best_of(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wild", action="store_true", help="also the wild set (corpus/wild/*.txt)")
    args = parser.parse_args()
    paths = sorted((ROOT / "corpus").glob("*.txt"))
    if args.wild:
        paths += sorted((ROOT / "corpus" / "wild").glob("*.txt"))
    loaded = load_documents(paths, progress=False)
    docs = loaded.documents
    findings = run_rules(docs, all_rules(), build_context(docs, Config()))
    projects = sum(len(d.projects) for d in docs)
    print(f"{len(docs)} 个文档 · {projects} 个项目 · {len(findings)} 条问题")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        outputs: list[tuple[str, Path, Callable[[], object]]] = [
            ("json", out / "r.json", lambda: (out / "r.json").write_text(render_json(findings), encoding="utf-8")),
            ("xlsx", out / "r.xlsx", lambda: write_check_workbook(out / "r.xlsx", docs, findings, loaded.problems)),
            ("html", out / "pages", lambda: write_review_pages(out / "pages", docs, findings, loaded.problems)),
        ]
        for label, target, step in outputs:
            seconds = best_of(3, step)
            print(f"{label:5} {seconds:7.3f} s  {size(target) / 1024:9.1f} KiB")


if __name__ == "__main__":
    main()
