"""Issue 13-category-ceiling, part 2: "level1 dropout" for the category model, judged on train + dev only.

    PYTHONPATH=. .venv/bin/python -P bench/category_dropout.py [VARIANT …] [--seeds 5] [--routed]

Each variant is the shipped pipeline fitted on its training rows plus a copy of each with the filing columns blanked
(`level1`, or `level1` and `kind`), the copies weighted w relative to the originals. The weights are scaled so that
they sum to the number of original rows (originals 1 / (1 + w), copies w / (1 + w)): the logistic regression's C
keeps the meaning it has in the shipped pipeline (unscaled copies at w = 1 would also halve the regularisation).
Prediction is unchanged: the rows as printed.

Printed per variant, by bench/category_subjects.py's paired grouped CV (5-fold StratifiedGroupKFold by document,
seeds 0 … N−1, the shipped pipeline on the same folds): macro-F1 over all train + dev rows and over the rows with
no printed 二级 (the unfiled ones), paired gains (mean ± population std), per-class F1 pooled, and train → dev.
`--routed` also scores, post hoc (it was not in the keep rule of docs/notes/issue-13-category-ceiling.md), each variant
answering only the rows with no printed 一级 and the shipped pipeline the rest, from the same out-of-fold predictions.
Nothing here reads the test split.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from category_choices import train_dev_rows  # noqa: E402
from category_external import macro  # noqa: E402
from category_subjects import fit_predict, grouped_cv, per_class, shipped, train_to_dev  # noqa: E402

from kpi_lint.classify.api import predict_frame  # noqa: E402
from kpi_lint.classify.data import TrainingSet  # noqa: E402
from kpi_lint.classify.persist import load_model  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, DEFAULT_C, build_pipeline  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.tasks import CATEGORIES_CSV, SPLIT_CSV, category_set  # noqa: E402
from kpi_lint.classify.train import _userdict  # noqa: E402


class LevelDropout(Pipeline):
    """The shipped pipeline, fitted on its rows plus copies with `blank` columns emptied, weighted `weight`."""

    def __init__(self, steps: list[tuple[str, Any]], *, blank: tuple[str, ...] = ("level1",), weight: float = 1.0):
        super().__init__(steps)
        self.blank = blank
        self.weight = weight

    def fit(self, X: pd.DataFrame, y: Any = None, **params: Any) -> LevelDropout:
        copies = X.copy()
        for column in self.blank:
            copies[column] = ""
        both = pd.concat([X, copies], ignore_index=True)
        labels = [*list(y), *list(y)]
        scale = 1.0 / (1.0 + self.weight)
        weights = np.r_[np.full(len(X), scale), np.full(len(X), self.weight * scale)]
        super().fit(both, labels, model__sample_weight=weights)
        return self


def dropout(blank: tuple[str, ...], weight: float) -> Pipeline:
    steps = build_pipeline(CATEGORY_FEATURES, _userdict(), 2023, DEFAULT_C).steps
    return LevelDropout(steps, blank=blank, weight=weight)


VARIANTS: dict[str, Callable[[], Pipeline]] = {
    "level1_w0.5": partial(dropout, ("level1",), 0.5),
    "level1_w1": partial(dropout, ("level1",), 1.0),
    "level1_kind_w0.5": partial(dropout, ("level1", "kind"), 0.5),
    "level1_kind_w1": partial(dropout, ("level1", "kind"), 1.0),
}


def unfiled_scores(truth: list[str], pooled: list[str], mask: np.ndarray, seeds: int) -> list[float]:
    n = len(truth)
    rows = np.flatnonzero(mask)
    out = []
    for s in range(seeds):
        predicted = pooled[s * n : (s + 1) * n]
        out.append(macro([truth[i] for i in rows], [predicted[i] for i in rows]))
    return out


def routed(
    truth: list[str],
    base: list[str],
    variant: list[str],
    blank: np.ndarray,
    mask: np.ndarray,
    base_scores: list[float],
    base_unfiled: list[float],
) -> None:
    """Post hoc (not in the keep rule): the variant's answers on rows with no 一级, the shipped model's elsewhere."""
    seeds = len(base_scores)
    use = np.tile(blank, seeds)
    mixed = [v if u else b for v, b, u in zip(variant, base, use, strict=True)]
    n = len(truth)
    scores = [macro(truth, mixed[s * n : (s + 1) * n]) for s in range(seeds)]
    diff = np.asarray(scores) - np.asarray(base_scores)
    unfiled = np.asarray(unfiled_scores(truth, mixed, mask, seeds)) - np.asarray(base_unfiled)
    print(f"  routed, post hoc ({int(blank.sum())} rows with no 一级 get the variant): {np.mean(scores):.4f}")
    print(f"    paired vs shipped {np.mean(diff):+.4f} ± {np.std(diff):.4f}  [{' '.join(f'{d:+.4f}' for d in diff)}]")
    print(f"    unfiled rows paired {np.mean(unfiled):+.4f} ± {np.std(unfiled):.4f}")


def routed_dev(make: Callable[[], Pipeline], set_: TrainingSet, blank: np.ndarray) -> float:
    """Post hoc: fitted on the train documents, the variant answering the dev rows with no 一级, shipped the rest."""
    split = read_split(ROOT / "corpus" / "labels" / "split.csv")
    train = [i for i, d in enumerate(set_.docs) if d in set(split.train)]
    dev = [i for i, d in enumerate(set_.docs) if d in set(split.dev)]
    y = np.asarray(set_.labels)
    fit, judged = set_.features.iloc[train], set_.features.iloc[dev]
    plain = fit_predict(shipped, fit, list(y[train]), judged)
    variant = fit_predict(make, fit, list(y[train]), judged)
    mixed = [v if blank[i] else p for i, p, v in zip(dev, plain, variant, strict=True)]
    return macro(list(y[dev]), mixed)


def test_look() -> None:
    """The one test look pre-registered in docs/notes/issue-13-routed-dropout.md: the shipped pipeline and
    `level1_w0.5`, both fitted on every train + dev row, and the routed answer (the variant on rows with no printed
    一级) on the test rows; macro-F1 and per class, overall, by row group and by test set."""
    full = category_set([CATEGORIES_CSV])
    split = read_split(SPLIT_CSV)
    fit = full.subset(split.rows(full.docs, "train", "dev"))
    judged = full.subset(split.rows(full.docs, "test"))
    truth = list(judged.labels)
    plain = fit_predict(shipped, fit.features, list(fit.labels), judged.features)
    variant = fit_predict(VARIANTS["level1_w0.5"], fit.features, list(fit.labels), judged.features)
    model = load_model(ROOT / "models" / "category.skops")
    shipped_model = [label for label, _ in predict_frame(model, judged.features)]
    blank = np.asarray(judged.features["level1"] == "")
    mixed = [v if b else p for p, v, b in zip(plain, variant, blank, strict=True)]
    print(f"test: {len(set(judged.docs))} documents, {len(truth)} rows; {int(blank.sum())} with no printed 一级")
    same = sum(a == b for a, b in zip(plain, shipped_model, strict=True))
    print(f"the refit shipped pipeline answers as models/category.skops on {same} of {len(truth)} rows")
    unfiled = np.asarray([f == "" for f in judged.filed])
    groups = {
        "all rows": np.ones(len(truth), dtype=bool),
        "no printed 一级 (routed)": blank,
        "printed 一级": ~blank,
        "no printed 二级": unfiled,
        "printed 二级": ~unfiled,
    }
    for name, rows in groups.items():
        n, a, b = _on_rows(rows, truth, plain, mixed)
        print(f"  {name} ({n} rows): shipped {a:.4f}  routed {b:.4f}  ({b - a:+.4f})")
    print(f"  per class, shipped: {per_class(truth, plain)}")
    print(f"  per class, routed:  {per_class(truth, mixed)}")
    for name, docs in split.test_sets:
        n, a, b = _on_rows(np.isin(judged.docs, docs), truth, plain, mixed)
        print(f"  test set {name} ({n} rows): shipped {a:.4f}  routed {b:.4f}")


def _on_rows(rows: np.ndarray, truth: list[str], plain: list[str], mixed: list[str]) -> tuple[int, float, float]:
    """The rows `rows` marks: how many, and the macro-F1 of the shipped and of the routed answer on them."""
    idx = np.flatnonzero(rows).tolist()
    t = [truth[i] for i in idx]
    return len(idx), macro(t, [plain[i] for i in idx]), macro(t, [mixed[i] for i in idx])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=list(VARIANTS))
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument(
        "--routed",
        action="store_true",
        help="also score, post hoc, each variant used only on rows with no printed 一级 (the shipped one elsewhere)",
    )
    parser.add_argument("--first-seed", type=int, default=0, help="the first shuffle's seed (default 0)")
    parser.add_argument(
        "--test-look",
        action="store_true",
        help="the one test look of docs/notes/issue-13-routed-dropout.md (routed level1_w0.5 against shipped)",
    )
    args = parser.parse_args()
    if args.test_look:
        test_look()
        return
    set_ = train_dev_rows()
    mask = np.asarray([not f for f in set_.filed])
    truth = list(set_.labels)
    rows, seeds = len(truth), args.seeds
    print(f"train + dev: {len(set(set_.docs))} documents, {rows} rows, {int(mask.sum())} with no printed 二级")
    base, base_pooled = grouped_cv(shipped, set_, seeds, args.first_seed)
    base_unfiled = unfiled_scores(truth, base_pooled, mask, seeds)
    dev, dev_classes = train_to_dev(shipped, set_)
    print(f"shipped: grouped CV {np.mean(base):.4f} ± {np.std(base):.4f}; unfiled rows {np.mean(base_unfiled):.4f}")
    print(f"  cv per class (pooled): {per_class(truth * seeds, base_pooled)}")
    print(f"  train → dev documents: {dev:.4f}  ({dev_classes})")
    for name in args.variants:
        scores, pooled = grouped_cv(VARIANTS[name], set_, seeds, args.first_seed)
        unfiled = unfiled_scores(truth, pooled, mask, seeds)
        diff = np.asarray(scores) - np.asarray(base)
        diff_unfiled = np.asarray(unfiled) - np.asarray(base_unfiled)
        dev, dev_classes = train_to_dev(VARIANTS[name], set_)
        print(f"{name}:")
        if args.routed:
            blank = np.asarray(set_.features["level1"] == "")
            routed(truth, base_pooled, pooled, blank, mask, base, base_unfiled)
            print(f"    train → dev documents, routed: {routed_dev(VARIANTS[name], set_, blank):.4f}")
        print(f"  grouped CV ({rows} rows, {seeds} shuffles): {np.mean(scores):.4f} ± {np.std(scores):.4f}")
        print(f"    per shuffle [{' '.join(f'{s:.4f}' for s in scores)}]")
        print(
            f"  paired vs shipped: {np.mean(diff):+.4f} ± {np.std(diff):.4f}  [{' '.join(f'{d:+.4f}' for d in diff)}]"
        )
        print(
            f"  unfiled rows: {np.mean(unfiled):.4f}; paired {np.mean(diff_unfiled):+.4f} ± {np.std(diff_unfiled):.4f}"
        )
        print(f"  cv per class (pooled): {per_class(truth * seeds, pooled)}")
        print(f"  train → dev documents: {dev:.4f}  ({dev_classes})")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
