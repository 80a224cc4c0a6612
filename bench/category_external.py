"""Category-model candidates judged on train + dev AND on the external data (corpus/external), issue 13-category3.

    PYTHONPATH=. .venv/bin/python -P bench/category_external.py [VARIANT …] [--seeds 3] [--look N]

Each variant is the shipped pipeline (CATEGORY_FEATURES) with one change, optionally fitted with the external rows
as weak labels (their source's filing, `library_label`; rows filed under none of the nine and the 160 hand-checked
rows of corpus/external/sample_checked.csv are never trained on). Printed for each:

* dev: 5-fold cross-validation grouped by document over the train + dev documents of corpus/labels/split.csv,
  `--seeds` shuffles (mean ± spread; external rows, when used, join every fold's fitting rows, never a held-out
  fold), and the fit on the train documents scored on the dev documents (as bench/dev_eval.py);
* external dev: the external rows outside the hand-checked sample, the filing as label (13 % noisy by the hand
  check). A variant that trains on external data is scored leave-one-source-out (fitted on train + dev and the other
  sources); a variant that does not is fitted on train + dev and scores every source as pure held-out data.

`--look N` (the external TEST, at most 3 looks, logged by the caller to docs/notes/issue-13-category3-look-N.log): the
variant fitted on train + dev (+ every external row outside the sample, if it trains on them) scores the 160
hand-checked rows against their hand labels. Nothing is tuned on that figure.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _external import checked_sample, external_rows  # noqa: E402
from category_choices import train_dev_rows  # noqa: E402

from kpi_lint.classify.data import TrainingSet, complete_columns  # noqa: E402
from kpi_lint.classify.external import model_table  # noqa: E402
from kpi_lint.classify.labels import CATEGORY_LABELS  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, DEFAULT_C, Features, build_pipeline  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.train import _userdict  # noqa: E402

LABELS = ROOT / "corpus" / "labels"


EFFECTS = ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")


@dataclass(frozen=True)
class Variant:
    features: Features
    external: float = 0.0  # weight of the external weak-label rows in the fit; 0: not trained on
    text_only: bool = False  # external rows teach their name and 一级 only (value and kind withheld)
    only: tuple[str, ...] = ()  # external rows of these filings only (all when empty)


NO_EMPTY = CATEGORY_FEATURES  # the kind's one-hot closed to every kind but "empty" (issue 13-category3)
SHIPPED = replace(CATEGORY_FEATURES, closed_categories=())  # the model before: "empty" a kind like the others
VARIANTS: dict[str, Variant] = {
    "shipped": Variant(SHIPPED),
    "no_empty_kind": Variant(NO_EMPTY),
    "no_kind": Variant(replace(CATEGORY_FEATURES, categorical=("level1",))),
    "ext_1": Variant(SHIPPED, 1.0),
    "ext_05": Variant(SHIPPED, 0.5),
    "no_empty_ext_1": Variant(NO_EMPTY, 1.0),
    "no_empty_ext_05": Variant(NO_EMPTY, 0.5),
    "no_empty_ext_025": Variant(NO_EMPTY, 0.25),
    "ext_text_1": Variant(NO_EMPTY, 1.0, text_only=True),
    "ext_text_05": Variant(NO_EMPTY, 0.5, text_only=True),
    "ext_effects_1": Variant(NO_EMPTY, 1.0, only=EFFECTS),
    "ext_effects_text_1": Variant(NO_EMPTY, 1.0, text_only=True, only=EFFECTS),
}


def external_table(frame: pd.DataFrame) -> pd.DataFrame:
    """External rows as the model reads them (the value printed with its unit, kind and 一级 as for a table)."""
    table = model_table(frame)
    return complete_columns(table, CATEGORY_FEATURES.columns, "corpus/external")[list(CATEGORY_FEATURES.columns)]


def weak_rows() -> pd.DataFrame:
    """External rows filed under one of the nine, outside the hand-checked sample: features, `label`, `source_key`."""
    rows = external_rows()
    sample = checked_sample()
    held = set(zip(sample["source"], sample["row"], strict=True))
    keep = [
        (k, r) not in held and lab != ""
        for k, r, lab in zip(rows["source_key"], rows["row"], rows["library_label"], strict=True)
    ]
    rows = rows[keep].reset_index(drop=True)
    table = external_table(rows)
    table["label"] = list(rows["library_label"])
    table["source_key"] = list(rows["source_key"])
    return table


def fit_predict(
    variant: Variant, fit: pd.DataFrame, y: list[str], extra: pd.DataFrame | None, judged: pd.DataFrame
) -> list[str]:
    features = variant.features
    x = fit[list(features.columns)]
    weights = np.ones(len(y))
    labels = list(y)
    if extra is not None and variant.only:
        extra = extra[extra["label"].isin(variant.only)]
    if extra is not None and variant.text_only:
        extra = extra.assign(value="", kind="empty")
    if extra is not None and variant.external > 0 and len(extra):
        x = pd.concat([x, extra[list(features.columns)]], ignore_index=True)
        labels += list(extra["label"])
        weights = np.concatenate([weights, np.full(len(extra), variant.external)])
    model = build_pipeline(features, _userdict(), 2023, DEFAULT_C)
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.filterwarnings("ignore")
        model.fit(x, labels, model__sample_weight=weights)
        return [str(p) for p in model.predict(judged[list(features.columns)])]


def macro(truth: list[str], predicted: list[str]) -> float:
    present = [c for c in CATEGORY_LABELS if c in set(truth)]
    return float(f1_score(truth, predicted, labels=present, average="macro", zero_division=0))


def per_class(truth: list[str], predicted: list[str]) -> str:
    present = [c for c in CATEGORY_LABELS if c in set(truth)]
    f = f1_score(truth, predicted, labels=present, average=None, zero_division=0)
    return " ".join(f"{c[:2]} {v:.2f}" for c, v in zip(present, f, strict=True))


def dev_cv(variant: Variant, set_: TrainingSet, extra: pd.DataFrame, seeds: int) -> list[float]:
    y, groups = np.asarray(set_.labels), np.asarray(set_.docs)
    scores = []
    for seed in range(seeds):
        predicted = np.empty(len(y), dtype=object)
        for fit_rows, held in StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(set_.features, y, groups):
            fit = set_.features.iloc[fit_rows]
            predicted[held] = fit_predict(variant, fit, list(y[fit_rows]), extra, set_.features.iloc[held])
        scores.append(macro(list(y), list(predicted)))
        if seed == seeds - 1:
            print(f"    cv per class (last shuffle): {per_class(list(y), list(predicted))}")
    return scores


def train_to_dev(variant: Variant, set_: TrainingSet, extra: pd.DataFrame) -> float:
    split = read_split(LABELS / "split.csv")
    train = [i for i, d in enumerate(set_.docs) if d in set(split.train)]
    dev = [i for i, d in enumerate(set_.docs) if d in set(split.dev)]
    y = np.asarray(set_.labels)
    predicted = fit_predict(variant, set_.features.iloc[train], list(y[train]), extra, set_.features.iloc[dev])
    return macro(list(y[dev]), predicted)


def external_dev(variant: Variant, set_: TrainingSet, extra: pd.DataFrame) -> None:
    truth_all: list[str] = []
    pred_all: list[str] = []
    for key in sorted(set(extra["source_key"])):
        held = extra[extra["source_key"] == key]
        others = extra[extra["source_key"] != key]
        predicted = fit_predict(variant, set_.features, set_.labels, others, held)
        truth = list(held["label"])
        agree = sum(t == p for t, p in zip(truth, predicted, strict=True))
        print(f"    external {key}: {agree}/{len(truth)} agree, macro-F1 {macro(truth, predicted):.3f}")
        truth_all += truth
        pred_all += predicted
    agree = sum(t == p for t, p in zip(truth_all, pred_all, strict=True))
    how = "leave-one-source-out" if variant.external else "held out"
    print(
        f"  external dev ({how}, {len(truth_all)} rows, filing as label): macro-F1 {macro(truth_all, pred_all):.3f},"
        f" agree {agree}/{len(truth_all)}"
    )
    print(f"    per class: {per_class(truth_all, pred_all)}")


def look(variant: Variant, set_: TrainingSet, extra: pd.DataFrame) -> None:
    sample = checked_sample()
    table = external_table(sample)
    predicted = fit_predict(variant, set_.features, set_.labels, extra, table)
    truth = list(sample["label"])
    agree = sum(t == p for t, p in zip(truth, predicted, strict=True))
    print(
        f"  EXTERNAL TEST (160 hand-checked rows, hand labels): macro-F1 {macro(truth, predicted):.3f},"
        f" agree {agree}/{len(truth)}"
    )
    print(f"    per class: {per_class(truth, predicted)}")
    for key in sorted(set(sample["source"])):
        idx = [i for i, s in enumerate(sample["source"]) if s == key]
        print(f"    {key}: {sum(truth[i] == predicted[i] for i in idx)}/{len(idx)}")
    value_less = [i for i, v in enumerate(table["kind"]) if v == "empty"]
    cost = sum(predicted[i] == "成本指标" for i in value_less)
    print(f"    rows without a target: {len(value_less)}, predicted 成本 {cost}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=list(VARIANTS))
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--look", action="store_true", help="score the 160 hand-checked rows (the external test)")
    parser.add_argument("--no-dev", action="store_true", help="skip the dev figures (with --look)")
    args = parser.parse_args()
    set_ = train_dev_rows()
    extra = weak_rows()
    for name in args.variants:
        variant = VARIANTS[name]
        print(f"{name}:")
        if not args.no_dev:
            scores = dev_cv(variant, set_, extra, args.seeds)
            print(
                f"  dev grouped CV ({len(set_.labels)} rows, {args.seeds} shuffles):"
                f" {np.mean(scores):.3f} ± {np.std(scores):.3f}"
                f"  [{' '.join(f'{s:.3f}' for s in scores)}]"
            )
            print(f"  train → dev documents: {train_to_dev(variant, set_, extra):.3f}")
            external_dev(variant, set_, extra)
        if args.look:
            look(variant, set_, extra)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
