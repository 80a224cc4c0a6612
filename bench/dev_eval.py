"""Models fitted on the train documents, scored on the dev documents: no test document is read.

    .venv/bin/python bench/dev_eval.py [--without PREFIXES] [--dev-without PREFIXES]

For judging new training data (issue 13m): the shipped pipelines (kpi_lint.classify.pipelines) with the default C,
fitted on the rows of the `train` documents of corpus/labels/split.csv and scored on the rows of the `dev` documents.
Category: macro-F1 and F1 per class over corpus/labels/categories.csv; vagueness: F1 of `vague` over
corpus/labels/values.csv + values_wild.csv.  `--without v` drops the documents whose key starts with one of the given
letters from train (the figure before a batch joined); `--dev-without v` drops them from dev as well.  Also printed:
the category macro-F1 cross-validated over train + dev (5 folds grouped by document, as the shipped C is chosen).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.classify.data import TrainingSet, complete_columns, read_csv, training_set  # noqa: E402
from kpi_lint.classify.pipelines import (  # noqa: E402
    CATEGORY_FEATURES,
    DEFAULT_C,
    VAGUENESS_FEATURES,
    Features,
    build_pipeline,
    label_order,
)
from kpi_lint.classify.split import DocumentSplit, read_split  # noqa: E402
from kpi_lint.classify.train import _userdict, cross_validate  # noqa: E402

LABELS = ROOT / "corpus" / "labels"


def _rows(paths: list[Path], features: Features, docs: set[str]) -> TrainingSet:
    frames = [complete_columns(read_csv(p), [*features.columns, "label", "doc"], str(p)) for p in paths]
    table = pd.concat(frames, ignore_index=True)
    table = table[table["doc"].isin(docs) & (table["label"] != "")].reset_index(drop=True)
    return training_set(table, features.columns, features.text, list(table["label"]), docs=list(table["doc"]))


def _fit_predict(fit_on: TrainingSet, judged: TrainingSet, features: Features) -> list[str]:
    model = build_pipeline(features, _userdict(), 2023, DEFAULT_C)
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.filterwarnings("ignore", category=UndefinedMetricWarning)
        model.fit(fit_on.features, fit_on.labels)
        return [str(p) for p in model.predict(judged.features)]


def _docs(split: DocumentSplit, part: str, without: str) -> set[str]:
    return {d for d in getattr(split, part) if not (without and d[0] in without)}


def category(split: DocumentSplit, without: str, dev_without: str) -> None:
    paths = [LABELS / "categories.csv"]
    train = _rows(paths, CATEGORY_FEATURES, _docs(split, "train", without))
    dev = _rows(paths, CATEGORY_FEATURES, _docs(split, "dev", dev_without))
    predicted = _fit_predict(train, dev, CATEGORY_FEATURES)
    labels = label_order(set(train.labels) | set(dev.labels))
    present = [label for label in labels if label in set(dev.labels)]
    macro = f1_score(dev.labels, predicted, labels=present, average="macro", zero_division=0)
    print(
        f"category: train {len(set(train.docs))} docs / {len(train.labels)} rows → dev {len(set(dev.docs))} docs /"
        f" {len(dev.labels)} rows: macro-F1 {macro:.3f}"
    )
    p, r, f, n = precision_recall_fscore_support(dev.labels, predicted, labels=present, zero_division=0)
    for label, pi, ri, fi, ni in zip(present, p, r, f, n, strict=True):
        print(f"  {label:<12} P {pi:.3f} R {ri:.3f} F1 {fi:.3f} n {ni}")
    both = _rows(paths, CATEGORY_FEATURES, _docs(split, "train", without) | _docs(split, "dev", dev_without))
    with threadpool_limits(limits=1):
        cv = cross_validate(both, CATEGORY_FEATURES, 2023, 5, None, DEFAULT_C)
    print(f"  train+dev grouped 5-fold macro-F1 {cv.metrics.macro_f1:.3f} ({len(both.labels)} rows)")


def paired(split: DocumentSplit, batch: str, seeds: int) -> None:
    """Folds over the train + dev documents outside `batch`; each fold fitted with and without its train docs."""
    paths = [LABELS / "categories.csv"]
    old = _docs(split, "train", batch) | _docs(split, "dev", batch)
    base = _rows(paths, CATEGORY_FEATURES, old)
    extra = _rows(paths, CATEGORY_FEATURES, set(split.train) - old)
    y, groups = np.asarray(base.labels), np.asarray(base.docs)
    labels = label_order(set(base.labels))
    for seed in range(seeds):
        without, with_ = np.empty(len(y), dtype=object), np.empty(len(y), dtype=object)
        for fit, held in StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(base.features, y, groups):
            fold, judged = base.subset(list(fit)), base.subset(list(held))
            without[held] = _fit_predict(fold, judged, CATEGORY_FEATURES)
            with_[held] = _fit_predict(_join(fold, extra), judged, CATEGORY_FEATURES)
        a = f1_score(y, without, labels=labels, average="macro", zero_division=0)
        b = f1_score(y, with_, labels=labels, average="macro", zero_division=0)
        per = f1_score(y, with_, labels=labels, average=None, zero_division=0) - f1_score(
            y, without, labels=labels, average=None, zero_division=0
        )
        moved = ", ".join(f"{lab[:4]} {d:+.3f}" for lab, d in zip(labels, per, strict=True) if abs(d) >= 0.001)
        moved = moved or "no class moved"
        print(f"  paired CV seed {seed}: without {batch} {a:.3f}, with {b:.3f} ({b - a:+.3f}; {moved})")


def _join(a: TrainingSet, b: TrainingSet) -> TrainingSet:
    table = pd.concat([a.features, b.features], ignore_index=True)
    labels, docs = [*a.labels, *b.labels], [*a.docs, *b.docs]
    return training_set(table, CATEGORY_FEATURES.columns, CATEGORY_FEATURES.text, labels, docs=docs)


def vagueness(split: DocumentSplit, without: str, dev_without: str) -> None:
    paths = [LABELS / "values.csv", LABELS / "values_wild.csv"]
    train = _rows(paths, VAGUENESS_FEATURES, _docs(split, "train", without))
    dev = _rows(paths, VAGUENESS_FEATURES, _docs(split, "dev", dev_without))
    predicted = np.asarray(_fit_predict(train, dev, VAGUENESS_FEATURES))
    truth = np.asarray(dev.labels)
    f1 = f1_score(truth, predicted, pos_label="vague", average="binary", zero_division=0)
    print(
        f"vagueness: train {len(train.labels)} rows → dev {len(truth)} rows ({int((truth == 'vague').sum())} vague):"
        f" vague F1 {f1:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--without", default="", help="drop documents whose key starts with these letters from train")
    parser.add_argument("--dev-without", default="", help="… and these from dev")
    parser.add_argument(
        "--paired",
        default="",
        help="batch letter: grouped CV over the other train + dev documents, "
        "each fold fitted with and without the batch's train documents",
    )
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    split = read_split(LABELS / "split.csv")
    category(split, args.without, args.dev_without)
    if args.paired:
        paired(split, args.paired, args.seeds)
    vagueness(split, args.without, args.dev_without)


if __name__ == "__main__":
    main()
