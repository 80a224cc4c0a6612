"""Issue 13-category5: the shipped category pipeline plus one lexicon feature, judged on train + dev only.

    PYTHONPATH=. .venv/bin/python -P bench/category_subjects.py [VARIANT …] [--seeds 5]

Variants (each the shipped CATEGORY_FEATURES pipeline with one block added or one setting changed):

* ``subjects``: the name's subject word class, one 0/1 column per list the rules keep for telling the 效益 classes
  apart (lexicons/economic_subjects.txt: money, an 经济效益 subject; lexicons/shared_subjects.txt: a subject both
  社会 and 生态);
* ``heads``: the name's measure head class (lexicons/measure_heads.txt, longest ending, before any `/`: 比率, 计数,
  金额, 时间 …), one-hot;
* ``unbalanced``: the logistic regression without class_weight="balanced";
* ``level1_head``: the printed 一级指标 crossed with the name's measure head, one-hot.

Printed for each: grouped 5-fold CV by document over the train + dev documents of corpus/labels/split.csv for
`--seeds` shuffles, paired against the shipped pipeline on the same folds (difference per shuffle, mean ± spread),
per-class F1 (all shuffles pooled), and the fit on the train documents scored on the dev documents.
Nothing here reads the test split.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from category_choices import train_dev_rows  # noqa: E402
from category_external import macro  # noqa: E402

from kpi_lint.classify.cues import CueFeatures  # noqa: E402
from kpi_lint.classify.data import TrainingSet  # noqa: E402
from kpi_lint.classify.labels import CATEGORY_LABELS  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, DEFAULT_C, build_pipeline  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.tokenize import squash  # noqa: E402
from kpi_lint.classify.train import _userdict  # noqa: E402
from kpi_lint.lexicon import load_heads, load_lexicon, read_list  # noqa: E402

LABELS = ROOT / "corpus" / "labels"
SUBJECT_FILES = ("economic_subjects.txt", "shared_subjects.txt")


def head_of(name: str, heads: tuple[tuple[str, str], ...]) -> str:
    """The measure a name's longest listed ending says ("" when none does)."""
    text = squash(name)
    kind = next((kind for ending, kind in heads if text.endswith(ending)), "")
    return kind.split("/")[0]  # the class (比率, 计数, 金额, 时间 …), not its narrowing (比率/合格, 计数/人)


class HeadKind(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """level3 (and optionally level1) → one string per row: the measure head, or 一级 | head."""

    def __init__(self, heads: list[list[str]] | None = None, with_level1: bool = False) -> None:
        self.heads = heads
        self.with_level1 = with_level1

    def fit(self, X: Any, y: Any = None) -> HeadKind:
        return self

    def transform(self, X: Any) -> np.ndarray:
        pairs = tuple((str(e), str(k)) for e, k in (self.heads or []))
        frame = X if X.ndim == 2 else X.to_frame()
        out = []
        for row in frame.itertuples(index=False):
            head = head_of(str(row[0]), pairs)
            out.append(f"{row[1]}|{head}" if self.with_level1 else head)
        return np.asarray(out, dtype=object).reshape(-1, 1)


def add_block(model: Pipeline, name: str, block: Any, columns: list[str]) -> Pipeline:
    union = model.named_steps["features"]
    union.transformers = [*union.transformers, (name, block, columns)]
    union.transformer_weights = {**(union.transformer_weights or {}), name: 1.0}
    return model


def heads_list() -> list[list[str]]:
    return [[e, k] for e, k in load_heads(load_lexicon().directory)]


def shipped() -> Pipeline:
    return build_pipeline(CATEGORY_FEATURES, _userdict(), 2023, DEFAULT_C)


def subjects() -> Pipeline:
    directory = load_lexicon().directory
    lists = [[name, read_list(directory, name)] for name in SUBJECT_FILES]
    return add_block(shipped(), "subjects", CueFeatures(lists), ["level3"])


def heads() -> Pipeline:
    block = Pipeline([("head", HeadKind(heads_list())), ("onehot", OneHotEncoder(handle_unknown="ignore"))])
    return add_block(shipped(), "heads", block, ["level3"])


def level1_head() -> Pipeline:
    block = Pipeline([("head", HeadKind(heads_list(), True)), ("onehot", OneHotEncoder(handle_unknown="ignore"))])
    return add_block(shipped(), "level1_head", block, ["level3", "level1"])


def unbalanced() -> Pipeline:
    return shipped().set_params(model__class_weight=None)


VARIANTS: dict[str, Callable[[], Pipeline]] = {
    "shipped": shipped,
    "subjects": subjects,
    "heads": heads,
    "unbalanced": unbalanced,
    "level1_head": level1_head,
}


def fit_predict(make: Callable[[], Pipeline], fit: pd.DataFrame, y: list[str], judged: pd.DataFrame) -> list[str]:
    model = make()
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.filterwarnings("ignore")
        model.fit(fit, y)
        return [str(p) for p in model.predict(judged)]


def per_class(truth: list[str], predicted: list[str]) -> str:
    present = [c for c in CATEGORY_LABELS if c in set(truth)]
    f = f1_score(truth, predicted, labels=present, average=None, zero_division=0)
    return " ".join(f"{c[:2]} {v:.3f}" for c, v in zip(present, f, strict=True))


def grouped_cv(
    make: Callable[[], Pipeline], set_: TrainingSet, seeds: int, first: int = 0
) -> tuple[list[float], list[str]]:
    """Macro-F1 per shuffle (seeds `first` … `first` + `seeds` − 1), and every shuffle's predictions pooled."""
    y, groups = np.asarray(set_.labels), np.asarray(set_.docs)
    scores: list[float] = []
    pooled: list[str] = []
    for seed in range(first, first + seeds):
        predicted = np.empty(len(y), dtype=object)
        for fit_rows, held in StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(set_.features, y, groups):
            fit = set_.features.iloc[fit_rows]
            predicted[held] = fit_predict(make, fit, list(y[fit_rows]), set_.features.iloc[held])
        scores.append(macro(list(y), list(predicted)))
        pooled += [str(p) for p in predicted]
    return scores, pooled


def train_to_dev(make: Callable[[], Pipeline], set_: TrainingSet) -> tuple[float, str]:
    split = read_split(LABELS / "split.csv")
    train = [i for i, d in enumerate(set_.docs) if d in set(split.train)]
    dev = [i for i, d in enumerate(set_.docs) if d in set(split.dev)]
    y = np.asarray(set_.labels)
    predicted = fit_predict(make, set_.features.iloc[train], list(y[train]), set_.features.iloc[dev])
    return macro(list(y[dev]), predicted), per_class(list(y[dev]), predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=list(VARIANTS))
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    set_ = train_dev_rows()
    base, _ = grouped_cv(shipped, set_, args.seeds)
    truth = list(set_.labels) * args.seeds
    for name in args.variants:
        scores, pooled = grouped_cv(VARIANTS[name], set_, args.seeds)
        diff = np.asarray(scores) - np.asarray(base)
        dev, dev_classes = train_to_dev(VARIANTS[name], set_)
        print(f"{name}:")
        listed = " ".join(f"{s:.4f}" for s in scores)
        rows = len(set_.labels)
        print(f"  grouped CV ({rows} rows, {args.seeds} shuffles): {np.mean(scores):.4f} ± {np.std(scores):.4f}")
        print(f"    per shuffle [{listed}]")
        paired = " ".join(f"{d:+.4f}" for d in diff)
        print(f"  paired vs shipped (same folds): {np.mean(diff):+.4f} ± {np.std(diff):.4f}  [{paired}]")
        print(f"  cv per class (pooled): {per_class(truth, pooled)}")
        print(f"  train → dev documents: {dev:.4f}  ({dev_classes})")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
