"""Models judged on documents they were not trained on (corpus/labels/split.csv).

    .venv/bin/python bench/heldout_eval.py [--task category|vagueness|cluster] [--compare OLD.skops]

* category: corpus/labels/categories.csv (hand-checked 二级指标 of the samples and the wild set);
* vagueness: corpus/labels/values.csv + values_wild.csv;
* cluster: tests/data/cluster_pairs.csv — a pair belongs to ``test`` when either of its documents
  does, else to ``dev`` when either does, else to ``train``.  Clustering fits nothing on the pairs,
  so the threshold is chosen on all pairs without a test document (train + dev): the highest F1
  among thresholds with precision ≥ 0.95 (ties to the higher precision), and reported on the test pairs.

Classifiers: C chosen by cross-validation over the train + dev documents (grouped by document),
fitted on train + dev, measured on test; the shipped model (and `--compare`, e.g. an earlier model)
is measured on the same test documents for comparison (it may have seen some of them: its card says
which).  Test scores are printed per test set of the split (``third``: wild batch m, labelled in issue 13f
before any model was run on it; ``fourth``: wild batch n, the same way in issue 13g; and so on) and for their
union.  The sets ``first`` (drawn with the split) and ``fresh`` (wild batches i–l) went to train / dev in
issue 13-resplit; to measure a model on them as they were, check out the split before it (main 2f42cef).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _corpus, also under `python -P` (which leaves the script's folder out)

from _corpus import corpus_documents, wild_documents  # noqa: E402

from kpi_lint.classify.api import predict_frame  # noqa: E402
from kpi_lint.classify.data import complete_columns, read_csv, training_set  # noqa: E402
from kpi_lint.classify.heldout import evaluate_heldout  # noqa: E402
from kpi_lint.classify.persist import load_model  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, VAGUENESS_FEATURES, Features  # noqa: E402
from kpi_lint.classify.split import DocumentSplit, read_split  # noqa: E402
from kpi_lint.classify.train import Metrics, _metrics  # noqa: E402
from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD  # noqa: E402
from kpi_lint.cluster.evaluation import EVALUATION_LABELS, LABEL_COLUMNS, load_pairs, score_pairs  # noqa: E402

LABELS = ROOT / "corpus" / "labels"


def _table(paths: list[Path], features: Features) -> pd.DataFrame:
    frames = [complete_columns(read_csv(p), [*features.columns, "label", "doc"], str(p)) for p in paths]
    return pd.concat(frames, ignore_index=True)


def _show(name: str, m: Metrics, docs: list[str]) -> None:
    head = f"macro-F1 {m.macro_f1:.3f}  accuracy {m.accuracy:.3f}"
    if m.positive_label:
        # A test set may hold no row of the positive label (batch q has no vague value): no F1 to print.
        f1 = "—" if m.positive_f1 is None else f"{m.positive_f1:.3f}"
        head += f"  {m.positive_label} F1 {f1}"
    print(f"  {name}: {m.samples} 行，{len(docs)} 个文档 — {head}")
    for label, c in m.per_class.items():
        print(f"      {label:<10} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} n={c.support}")


def _by_set(
    name: str, truth: list[str], predicted: list[str], docs: list[str], split: DocumentSplit, positive: str | None
) -> None:
    _show(name, _metrics(truth, predicted, 0, positive), list(split.test))
    for set_name, members in split.test_sets:
        keep = [i for i, d in enumerate(docs) if d in members]
        _show(
            f"  其中 {set_name}",
            _metrics([truth[i] for i in keep], [predicted[i] for i in keep], 0, positive),
            list(members),
        )


def classifier(task: str, split: DocumentSplit, compare: list[Path]) -> None:
    features = CATEGORY_FEATURES if task == "category" else VAGUENESS_FEATURES
    paths = [LABELS / "categories.csv"] if task == "category" else [LABELS / "values.csv", LABELS / "values_wild.csv"]
    positive = None if task == "category" else "vague"
    table = _table(paths, features)
    set_ = training_set(table, features.columns, features.text, list(table["label"]), docs=list(table["doc"]))
    result = evaluate_heldout(set_, features, split, 2023, str(paths[0]), positive)
    print(f"[{task}] C 在 train+dev 上按文件分组交叉验证的得分 {result.grid}，选 C={result.chosen_c:g}")
    _show("train+dev 交叉验证", result.dev, result.split["train"] + result.split["dev"])
    _show("test（train+dev 拟合）", result.test, result.split["test"])
    for name, metrics in result.test_sets.items():
        _show(f"  其中 test 集 {name}", metrics, result.test_set_docs[name])
    test_rows = split.rows(set_.docs, "test")
    judged = set_.subset(test_rows)
    for path in [ROOT / "models" / f"{task}.skops", *compare]:
        model = load_model(path)
        predicted = [label for label, _ in predict_frame(model, judged.features)]
        _by_set(f"test（{path.name}）", judged.labels, predicted, judged.docs, split, positive)


def _pair_part(split: DocumentSplit, a: str, b: str) -> str:
    parts = {split.part(a), split.part(b)}
    return "test" if "test" in parts else "dev" if "dev" in parts else "train"


MIN_PRECISION = 0.95  # the floor: a wrong peer costs more than a missing one


def cluster(split: DocumentSplit, block_size: int | None = None, labels: str = EVALUATION_LABELS) -> None:
    docs = corpus_documents() + wild_documents()
    pairs = load_pairs(labels=labels)
    pairs = pairs.assign(part=[_pair_part(split, a, b) for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True)])
    # A test pair belongs to the latest test set (in the order of split.csv) that holds one of its documents:
    # a pair of a batch-m document and a fresh one is a pair labelled with batch m.
    for name, members in reversed(split.test_sets):
        member = (pairs["doc_a"].isin(members) | pairs["doc_b"].isin(members)) & (pairs["part"] == "test")
        pairs.loc[member, "part"] = f"test:{name}"
    thresholds = sorted({*(round(t, 2) for t in np.arange(0.25, 0.76, 0.05)), DEFAULT_THRESHOLD})
    dev = pairs[pairs["part"].isin(["train", "dev"])]
    scores = score_pairs(dev, docs, thresholds)
    allowed = [s for s in scores if s.precision >= MIN_PRECISION] or scores
    best = max(allowed, key=lambda s: (round(s.f1, 3), s.precision))
    print(f"[cluster] train + dev {len(dev)} 对（无 test 文件）：")
    for s in scores:
        print(f"    {s.threshold:.2f} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    print(f"  精确率 ≥ {MIN_PRECISION} 中 F1 最高的阈值 {best.threshold:.2f}（默认 {DEFAULT_THRESHOLD}）")
    test_all = pairs[pairs["part"].str.startswith("test")]
    named = [(f"test:{name}", pairs[pairs["part"] == f"test:{name}"]) for name, _ in split.test_sets]
    for name, part in [("test", test_all), *named]:
        if part.empty:  # a test set whose documents have no labelled pairs (wild batch p)
            print(f"  {name}: 没有标注的文本对")
            continue
        (s,) = score_pairs(part, docs, [best.threshold])
        print(
            f"  {name} {len(part)} 对（same {(part['label'] == 'same').sum()}）@{best.threshold:.2f}: "
            f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (TP {s.true_positive} FP {s.false_positive} "
            f"FN {s.false_negative})"
        )
        survey = part["level3_a"].str.contains("满意") & part["level3_b"].str.contains("满意")
        (s,) = score_pairs(part[~survey], docs, [best.threshold])
        print(f"    不含满意度对 {int((~survey).sum())} 对: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
        if block_size is not None:  # the scalable path: k-means blocks and merge passes
            (s,) = score_pairs(part, docs, [best.threshold], block_size)
            print(f"    分块聚类（每块 {block_size} 条）: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--task", choices=["category", "vagueness", "cluster"], action="append")
    parser.add_argument("--compare", type=Path, action="append", default=[], help="another model file to measure")
    parser.add_argument("--block-size", type=int, help="cluster: also score the blocked path with blocks of N texts")
    parser.add_argument(
        "--labels", choices=LABEL_COLUMNS, default=EVALUATION_LABELS, help="cluster: the label column to score against"
    )
    args = parser.parse_args()
    split = read_split(LABELS / "split.csv")
    for task in args.task or ["category", "vagueness", "cluster"]:
        if task == "cluster":
            cluster(split, args.block_size, args.labels)
        else:
            classifier(task, split, [p for p in args.compare if p.name.startswith(task)])


if __name__ == "__main__":
    main()
