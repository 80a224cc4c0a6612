"""Category-classifier choices made on the train + dev documents only (corpus/labels/split.csv).

    .venv/bin/python bench/category_choices.py [--seeds 3]

Test documents are dropped before anything else.  Each setting (weight of the one-hot block of
value kind + 一级指标, weight of the cue-word block, C) is scored by 5-fold cross-validation
grouped by document over the 60 train + dev documents, repeated with `--seeds` shuffles; the
pooled out-of-fold macro-F1 is averaged.  60 documents give a steadier choice than the 14 dev
documents alone (issue 13d: categorical weight 2 won on dev, 0.831 vs 0.817, but loses in
cross-validation, 0.748 vs 0.797).  About 10 s of CPU per setting and seed.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.classify.data import TrainingSet  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, Features, build_pipeline, label_order  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.tasks import CATEGORIES_CSV, SPLIT_CSV, category_set  # noqa: E402
from kpi_lint.classify.train import _userdict  # noqa: E402

LABELS = ROOT / "corpus" / "labels"
# (categorical weight, cue weight, C)
SETTINGS = [(cat, cue, c) for cat in (0.5, 1.0, 2.0, 3.0) for cue in (0.5, 1.0, 2.0) for c in (1.0, 3.0, 10.0)]


def train_dev_rows() -> TrainingSet:
    """The train + dev rows exactly as `kpi-lint train category` cross-validates them (with the printed 二级)."""
    full = category_set([CATEGORIES_CSV])
    split = read_split(SPLIT_CSV)
    return full.subset(split.rows(full.docs, "train", "dev"))


def score(set_: TrainingSet, features: Features, c: float, seeds: int) -> tuple[float, float]:
    y, groups = np.asarray(set_.labels), np.asarray(set_.docs)
    labels = label_order(set(set_.labels))
    scores = []
    for seed in range(seeds):
        predicted = np.empty(len(y), dtype=object)
        for fit_rows, held in StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(set_.features, y, groups):
            model = build_pipeline(features, _userdict(), 2023, c)
            model.fit(set_.features.iloc[fit_rows], y[fit_rows])
            predicted[held] = model.predict(set_.features.iloc[held])
        scores.append(f1_score(y, predicted, labels=labels, average="macro"))
    return float(np.mean(scores)), float(np.std(scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    set_ = train_dev_rows()
    print(f"train + dev：{len(set(set_.docs))} 个文件，{len(set_.labels)} 行（test 文件不参与）")
    warnings.filterwarnings("ignore")
    with threadpool_limits(limits=1):
        for cat, cue, c in SETTINGS:
            features = replace(CATEGORY_FEATURES, categorical_weight=cat, cue_weight=cue)
            mean, std = score(set_, features, c, args.seeds)
            used = (cat, cue) == (CATEGORY_FEATURES.categorical_weight, CATEGORY_FEATURES.cue_weight)
            mark = "  ← 现用" if used else ""
            print(f"类别块权重 {cat:<4} 提示词块权重 {cue:<4} C={c:<4g} macro-F1 {mean:.3f} ± {std:.3f}{mark}")


if __name__ == "__main__":
    main()
