"""`kpi-lint check` at scale: parse + rules on the corpus replicated to ≥1,000 documents.

    .venv/bin/python bench/check_bench.py [--documents 1000] [--no-peers]

The five corpus files are copied into a temporary folder until there are at
least ``--documents`` of them, then the same steps as ``kpi-lint check`` run on
that folder: load_documents (read + parse), build_context (lexicons, the peer
index over every document, the vagueness model if one is shipped), run_rules
(the whole catalog).  Prints documents/s and indicators/s per step and overall,
the number of findings by family, and the peak resident memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.classify.api import vagueness_predictor  # noqa: E402
from kpi_lint.cli.common import load_documents  # noqa: E402
from kpi_lint.config import Config  # noqa: E402
from kpi_lint.rules.base import RuleContext  # noqa: E402
from kpi_lint.rules.context import PEERS, VAGUENESS, build_context  # noqa: E402
from kpi_lint.rules.engine import run_rules  # noqa: E402
from kpi_lint.rules.registry import all_rules  # noqa: E402


def replicate(target: int, folder: Path) -> int:
    """Copy the corpus into `folder` until it holds at least `target` files."""
    sources = sorted((ROOT / "corpus").glob("*.txt"))
    copies = -(-target // len(sources))
    for i in range(copies):
        for src in sources:
            shutil.copy(src, folder / f"{i:04d}_{src.name}")
    return copies * len(sources)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s" if seconds > 0 else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="at least this many documents (default 1000)")
    parser.add_argument("--no-peers", action="store_true", help="skip the peer index (rules on lexicons alone)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kpi-lint-bench-") as tmp:
        folder = Path(tmp)
        files = replicate(args.documents, folder)
        baseline_mib = peak_mib()

        t0 = time.perf_counter()
        loaded = load_documents([folder], progress=False)
        t1 = time.perf_counter()
        print(f"(parsed in {t1 - t0:.1f} s)", file=sys.stderr, flush=True)
        docs = loaded.documents
        indicators = sum(len(d.indicators) for d in docs)
        projects = sum(len(d.projects) for d in docs)
        parse_mib = peak_mib()

        if args.no_peers:
            context = RuleContext(documents=docs, extras={PEERS: None, VAGUENESS: vagueness_predictor()})
        else:
            context = build_context(docs, Config())
        t2 = time.perf_counter()
        print(f"(context built in {t2 - t1:.1f} s)", file=sys.stderr, flush=True)
        findings = run_rules(docs, all_rules(), context)
        t3 = time.perf_counter()

    total = t3 - t0
    n = len(docs)
    print(f"documents        {n:,} parsed of {files:,} files ({len(loaded.errors)} unreadable)")
    print(f"projects         {projects:,}")
    print(f"indicators       {indicators:,}")
    for label, seconds in (("parse", t1 - t0), ("rules", t3 - t2), ("parse + check", total)):
        speed = f"{rate(n, seconds):>9} documents  {rate(indicators, seconds):>10} indicators"
        print(f"{label:<16} {seconds:7.2f} s  {speed}")
    peers = "skipped" if args.no_peers else "peer index over all documents"
    print(f"{'context':<16} {t2 - t1:7.2f} s  ({peers})")
    by_family = Counter(f.code[:4] for f in findings)
    families = "  ".join(f"{k}xx {v:,}" for k, v in sorted(by_family.items()))
    print(f"findings         {len(findings):,}  ({families}; {len(findings) / max(n, 1):.1f} per document)")
    stages = f"at start {baseline_mib:,.0f} MiB, after parsing {parse_mib:,.0f} MiB"
    print(f"peak memory      {peak_mib():,.0f} MiB ({stages})")

if __name__ == "__main__":
    main()
