"""The guide's concept classes (lexicons/cluster_concepts.txt) on the development pairs only.

    PYTHONPATH=. .venv/bin/python -P bench/cluster_guide.py [--threshold 0.40] [--boot 1000] [--changes]

The train + dev pairs of tests/data/cluster_pairs.csv (bench/cluster_dev.py's split: no pair with a test document is
read), clustered with the samples + wild set as context twice at one threshold: with the concept classes and with
none (the same normalizer, its `concepts` emptied).  Prints P / R / F1 of both on train + dev, train and dev, the
dev F1 gain over a bootstrap of the dev documents (bench/cluster_pair_model.py's `bootstrap_gains`, seed 2026), and
the keep rule of docs/notes/issue-13-cluster-guide.md: the mean dev gain above its bootstrap sd, train F1 not lower,
train + dev precision ≥ 0.95.  `--changes` lists the pairs whose decision the classes change.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _corpus, also under `python -P`

from _corpus import corpus_documents, wild_documents  # noqa: E402
from cluster_dev import development_pairs  # noqa: E402
from cluster_pair_model import _dev_documents, bootstrap_gains, f1  # noqa: E402

from kpi_lint.cluster.evaluation import _predict, _setup  # noqa: E402
from kpi_lint.cluster.normalize import TextNormalizer  # noqa: E402
from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD  # noqa: E402

PRECISION_FLOOR = 0.95


def _line(name: str, truth: np.ndarray, pred: np.ndarray) -> str:
    p, r, f = f1(truth, pred)
    fp, fn = int((~truth & pred).sum()), int((truth & ~pred).sum())
    return f"{name:<6} P {p:.3f} R {r:.3f} F1 {f:.3f} (FP {fp} FN {fn}, {len(truth)} 对)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--boot", type=int, default=1000)
    parser.add_argument("--changes", action="store_true")
    args = parser.parse_args()
    pairs = development_pairs()
    documents = corpus_documents() + wild_documents()
    guided = TextNormalizer.for_documents(documents)
    plain = dataclasses.replace(guided, concepts=())
    truth = (pairs["label"] == "same").to_numpy()
    is_dev = (pairs["part"] == "dev").to_numpy()
    docs = pairs[["doc_a", "doc_b"]].to_numpy()
    dev_docs = sorted({d for a, b in docs[is_dev] for d in (a, b)} & set(_dev_documents()))
    runs = {}
    for name, normalizer in (("plain", plain), ("guided", guided)):
        setup = _setup(pairs, documents, normalizer)
        runs[name] = (setup, np.array(_predict(setup, args.threshold), dtype=bool))
        print(f"{name}: {len(guided.concepts) if name == 'guided' else 0} 个概念类，{len(setup.texts)} 条文本")
    print(f"train + dev {len(pairs)} 对（same {int(truth.sum())}，dev {int(is_dev.sum())}），阈值 {args.threshold:.2f}")
    for name, (_, pred) in runs.items():
        print(f"  {name}")
        print("    " + _line("all", truth, pred))
        print("    " + _line("train", truth[~is_dev], pred[~is_dev]))
        print("    " + _line("dev", truth[is_dev], pred[is_dev]))
    base, new = runs["plain"][1], runs["guided"][1]
    gains = bootstrap_gains(truth[is_dev], new[is_dev], base[is_dev], docs[is_dev], dev_docs, args.boot)
    dev_gain = f1(truth[is_dev], new[is_dev])[2] - f1(truth[is_dev], base[is_dev])[2]
    train_gain = f1(truth[~is_dev], new[~is_dev])[2] - f1(truth[~is_dev], base[~is_dev])[2]
    precision = f1(truth, new)[0]
    print(
        f"  dev F1 gain {dev_gain:+.3f}; bootstrap over {len(dev_docs)} dev documents: mean {gains.mean():+.3f} "
        f"sd {gains.std():.3f}, 95 % {np.percentile(gains, 2.5):+.3f} … {np.percentile(gains, 97.5):+.3f}"
    )
    print(f"  train F1 gain {train_gain:+.3f}; train + dev P {precision:.3f}")
    keep = gains.mean() > gains.std() and train_gain >= 0 and precision >= PRECISION_FLOOR
    print(f"  keep rule: {'kept' if keep else 'not kept'}")
    if args.changes:
        setup_p, setup_g = runs["plain"][0], runs["guided"][0]
        for i in np.flatnonzero(base != new).tolist():
            row = pairs.iloc[i]
            mark = "gain" if new[i] == truth[i] else "loss"
            print(
                f"    {mark} {row.part:<5} {row.label:<9} {row.doc_a} {row.level3_a} ~ {row.doc_b} {row.level3_b}"
                f"    [{setup_p.left[i]} ~ {setup_p.right[i]} → {setup_g.left[i]} ~ {setup_g.right[i]}]"
            )


if __name__ == "__main__":
    main()
