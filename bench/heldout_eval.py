"""Models judged on documents they were not trained on (corpus/labels/split.csv).

    .venv/bin/python bench/heldout_eval.py [--task category|vagueness|cluster]

* category: corpus/labels/categories.csv (hand-checked 二级指标 of the samples and the wild set);
* vagueness: corpus/labels/values.csv + values_wild.csv;
* cluster: tests/data/cluster_pairs.csv — a pair belongs to ``test`` when either of its documents
  does, else to ``dev`` when either does, else to ``train``.  The threshold is chosen on the dev
  pairs (highest F1, ties to the higher precision) and reported on the test pairs.

Classifiers: C chosen on dev, fitted on train + dev, measured on test; the shipped model is measured
on the same test documents for comparison (it may have seen some of them: its card says which).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _corpus import corpus_documents, wild_documents  # noqa: E402

from kpi_lint.classify.api import predict_frame  # noqa: E402
from kpi_lint.classify.data import complete_columns, read_csv, training_set  # noqa: E402
from kpi_lint.classify.heldout import evaluate_heldout  # noqa: E402
from kpi_lint.classify.persist import load_model  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, VAGUENESS_FEATURES, Features  # noqa: E402
from kpi_lint.classify.split import DocumentSplit, read_split  # noqa: E402
from kpi_lint.classify.train import Metrics, _metrics  # noqa: E402
from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD  # noqa: E402
from kpi_lint.cluster.evaluation import load_pairs, score_pairs  # noqa: E402

LABELS = ROOT / "corpus" / "labels"


def _table(paths: list[Path], features: Features) -> pd.DataFrame:
    frames = [complete_columns(read_csv(p), [*features.columns, "label", "doc"], str(p)) for p in paths]
    return pd.concat(frames, ignore_index=True)


def _show(name: str, m: Metrics, docs: list[str]) -> None:
    head = f"macro-F1 {m.macro_f1:.3f}  accuracy {m.accuracy:.3f}"
    if m.positive_label:
        head += f"  {m.positive_label} F1 {m.positive_f1:.3f}"
    print(f"  {name}: {m.samples} 行，{len(docs)} 个文档 — {head}")
    for label, c in m.per_class.items():
        print(f"      {label:<10} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} n={c.support}")


def classifier(task: str, split: DocumentSplit) -> None:
    features = CATEGORY_FEATURES if task == "category" else VAGUENESS_FEATURES
    paths = [LABELS / "categories.csv"] if task == "category" else [LABELS / "values.csv", LABELS / "values_wild.csv"]
    positive = None if task == "category" else "vague"
    table = _table(paths, features)
    set_ = training_set(table, features.columns, features.text, list(table["label"]), docs=list(table["doc"]))
    result = evaluate_heldout(set_, features, split, 2023, str(paths[0]), positive)
    print(f"[{task}] C 在 dev 上的得分 {result.grid}，选 C={result.chosen_c:g}")
    _show("dev（只用 train 拟合）", result.dev, result.split["dev"])
    _show("test（train+dev 拟合）", result.test, result.split["test"])
    for name, metrics in result.test_sets.items():
        _show(f"  其中 test 集 {name}", metrics, result.test_set_docs[name])
    shipped = load_model(ROOT / "models" / f"{task}.skops")
    test_rows = split.rows(set_.docs, "test")
    judged = set_.subset(test_rows)
    predicted = [label for label, _ in predict_frame(shipped, judged.features)]
    _show("test（现有 models/ 模型）", _metrics(judged.labels, predicted, 0, positive), result.split["test"])


def _pair_part(split: DocumentSplit, a: str, b: str) -> str:
    parts = {split.part(a), split.part(b)}
    return "test" if "test" in parts else "dev" if "dev" in parts else "train"


def cluster(split: DocumentSplit) -> None:
    docs = corpus_documents() + wild_documents()
    pairs = load_pairs()
    pairs = pairs.assign(part=[_pair_part(split, a, b) for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True)])
    thresholds = sorted({*(round(t, 2) for t in np.arange(0.25, 0.76, 0.05)), DEFAULT_THRESHOLD})
    dev = pairs[pairs["part"] == "dev"]
    scores = score_pairs(dev, docs, thresholds)
    best = max(scores, key=lambda s: (round(s.f1, 3), s.precision))
    print(f"[cluster] dev {len(dev)} 对：")
    for s in scores:
        print(f"    {s.threshold:.2f} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    print(f"  dev 上最优阈值 {best.threshold:.2f}（默认 {DEFAULT_THRESHOLD}）")
    for name in ("test", "train"):
        part = pairs[pairs["part"] == name]
        (s,) = score_pairs(part, docs, [best.threshold])
        print(f"  {name} {len(part)} 对（same {(part['label'] == 'same').sum()}）@{best.threshold:.2f}: "
              f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (TP {s.true_positive} FP {s.false_positive} "
              f"FN {s.false_negative})")
        survey = part["level3_a"].str.contains("满意") & part["level3_b"].str.contains("满意")
        (s,) = score_pairs(part[~survey], docs, [best.threshold])
        print(f"    不含满意度对 {int((~survey).sum())} 对: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--task", choices=["category", "vagueness", "cluster"], action="append")
    args = parser.parse_args()
    split = read_split(LABELS / "split.csv")
    for task in args.task or ["category", "vagueness", "cluster"]:
        if task == "cluster":
            cluster(split)
        else:
            classifier(task, split)


if __name__ == "__main__":
    main()
