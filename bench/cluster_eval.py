"""Clustering quality on the labelled pairs: precision / recall / F1 by threshold.

    .venv/bin/python bench/cluster_eval.py [--from 0.30 --to 0.80 --step 0.05] [--mistakes]

Pairs: tests/data/cluster_pairs.csv (rule of thumb in tests/data/README.md).
The default threshold (kpi_lint.cluster.clustering.DEFAULT_THRESHOLD) is chosen
from this table: the highest F1, ties to the higher precision (a wrong peer is
worse than a missing one: it produces a false outlier or a poor suggestion).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _corpus, also under `python -P` (which leaves the script's folder out)

from _corpus import corpus_documents  # noqa: E402

from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD  # noqa: E402
from kpi_lint.cluster.evaluation import EVALUATION_LABELS, LABEL_COLUMNS, PAIRS_FILE, load_pairs, mistakes, score_pairs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="start", type=float, default=0.30)
    parser.add_argument("--to", dest="stop", type=float, default=0.85)
    parser.add_argument("--step", type=float, default=0.05)
    parser.add_argument("--pairs", type=Path, default=PAIRS_FILE)
    parser.add_argument("--mistakes", action="store_true", help="list the pairs wrong at the default threshold")
    parser.add_argument(
        "--labels", choices=LABEL_COLUMNS, default=EVALUATION_LABELS, help="the label column to score against"
    )
    args = parser.parse_args()
    docs = corpus_documents()
    pairs = load_pairs(args.pairs, args.labels)
    same = int((pairs["label"] == "same").sum())
    print(f"{len(pairs)} 对（same {same} / different {len(pairs) - same}），{len(docs)} 个文档")
    thresholds = [round(t, 3) for t in np.arange(args.start, args.stop + 1e-9, args.step)]
    if DEFAULT_THRESHOLD not in thresholds:
        thresholds = sorted([*thresholds, DEFAULT_THRESHOLD])
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}")
    scores = score_pairs(pairs, docs, thresholds)
    for s in scores:
        mark = "  ← 默认" if s.threshold == DEFAULT_THRESHOLD else ""
        print(
            f"{s.threshold:9.2f} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} "
            f"{s.true_positive:4d} {s.false_positive:4d} {s.false_negative:4d}{mark}"
        )
    best = max(scores, key=lambda s: (round(s.f1, 3), s.precision))
    print(f"最高 F1 {best.f1:.3f} 于 threshold {best.threshold:.2f}")
    across = pairs[pairs["doc_a"] != pairs["doc_b"]]
    (only,) = score_pairs(across, docs, [DEFAULT_THRESHOLD])
    print(
        f"其中跨文档的 {len(across)} 对，默认阈值：precision {only.precision:.3f} recall {only.recall:.3f} "
        f"F1 {only.f1:.3f}"
    )
    if args.mistakes:
        wrong = mistakes(pairs, docs, DEFAULT_THRESHOLD)
        for row in wrong.itertuples():
            print(f"  {row.label:>9} 预测 {row.predicted:<9} {row.doc_a} {row.level3_a}  ~  {row.doc_b} {row.level3_b}")


if __name__ == "__main__":
    main()
