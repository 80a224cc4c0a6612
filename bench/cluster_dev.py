"""Clustering on the development pairs only: no pair with a test document is read or scored.

    .venv/bin/python bench/cluster_dev.py [--thresholds 0.30 0.35 0.40] [--mistakes] [--block-size N]

The labelled pairs of tests/data/cluster_pairs.csv whose two documents are train or dev documents of
corpus/labels/split.csv (a pair is `dev` when either document is a dev document, else `train`), scored with
the samples + wild set as context, as bench/heldout_eval.py does.  For choosing features, lexicon entries and
the threshold without looking at the test split; `--mistakes` lists the false merges and missed pairs at the
default threshold, `--block-size` runs the blocked (scalable) path with blocks of that many texts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _corpus, also under `python -P` (which leaves the script's folder out)

from _corpus import corpus_documents, wild_documents  # noqa: E402

from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.cluster.clustering import BLOCK_SIZE, DEFAULT_THRESHOLD, cluster_texts  # noqa: E402
from kpi_lint.cluster.evaluation import EVALUATION_LABELS, LABEL_COLUMNS, _setup, load_pairs  # noqa: E402


def development_pairs(labels: str = EVALUATION_LABELS) -> pd.DataFrame:
    split = read_split(ROOT / "corpus" / "labels" / "split.csv")
    pairs = load_pairs(labels=labels)
    parts = [{split.part(a), split.part(b)} for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True)]
    keep = ["test" not in p for p in parts]
    out = pairs[keep].copy()
    out["part"] = ["dev" if "dev" in p else "train" for p, k in zip(parts, keep, strict=True) if k]
    return out.reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.30, 0.35, 0.40, 0.45])
    parser.add_argument("--mistakes", action="store_true")
    parser.add_argument("--block-size", type=int, default=BLOCK_SIZE)
    parser.add_argument(
        "--labels", choices=LABEL_COLUMNS, default=EVALUATION_LABELS, help="the label column to score against"
    )
    args = parser.parse_args()
    pairs = development_pairs(args.labels)
    setup = _setup(pairs, corpus_documents() + wild_documents())
    truth = (pairs["label"] == "same").tolist()
    dev = (pairs["part"] == "dev").tolist()
    print(f"train + dev {len(pairs)} 对（same {sum(truth)}，dev {sum(dev)}），{len(setup.texts)} 条文本")
    for threshold in sorted({*args.thresholds, DEFAULT_THRESHOLD}):
        result = cluster_texts(
            setup.texts, setup.normalizer, threshold, kinds=setup.kinds, per=setup.per, block_size=args.block_size
        )
        label = dict(zip(result.texts, result.labels.tolist(), strict=True))
        predicted = [bool(a and b and label[a] == label[b]) for a, b in zip(setup.left, setup.right, strict=True)]
        p, r, f, _ = precision_recall_fscore_support(truth, predicted, average="binary", zero_division=0)
        dt = [t for t, d in zip(truth, dev, strict=True) if d]
        dp = [q for q, d in zip(predicted, dev, strict=True) if d]
        _, _, df, _ = precision_recall_fscore_support(dt, dp, average="binary", zero_division=0)
        fp = sum(q and not t for t, q in zip(truth, predicted, strict=True))
        fn = sum(t and not q for t, q in zip(truth, predicted, strict=True))
        mark = "  ← 默认" if threshold == DEFAULT_THRESHOLD else ""
        print(f"  {threshold:.2f} P {p:.3f} R {r:.3f} F1 {f:.3f} FP {fp} FN {fn}  dev-only F1 {df:.3f}{mark}")
        if args.mistakes and threshold == DEFAULT_THRESHOLD:
            for i, (t, q) in enumerate(zip(truth, predicted, strict=True)):
                if t != q:
                    row = pairs.iloc[i]
                    kind = "漏配" if t else "误合"
                    print(
                        f"    {kind} {row.part:<5} {row.doc_a} {setup.left[i]} ~ {row.doc_b} {setup.right[i]}"
                        f"    [{row.level3_a} ~ {row.level3_b}]"
                    )


if __name__ == "__main__":
    main()
