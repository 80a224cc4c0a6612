"""How the category classifier grows with the number of training documents (train + dev documents only).

    .venv/bin/python bench/category_curve.py [--seeds 3] [--fractions 0.25 0.5 0.75 1]

The shipped pipeline (kpi_lint.classify.pipelines.CATEGORY_FEATURES, C = 10) is scored by 5-fold cross-validation
grouped by document over the train + dev documents of corpus/labels/split.csv (test documents are dropped first).
In each fold only a random fraction of the fitting documents is kept (whole documents, never rows), and the
held-out fold is scored in full, so every point of the curve is judged on the same rows.  Printed per fraction:
documents fitted on (mean per fold), macro-F1 (mean ± spread over `--seeds` shuffles) and F1 per class.

Issue 13-category: every feature and model variant of bench/category_variants.py stays within the noise of the
shipped model on train + dev; this curve asks whether labelled documents, not features, are what it lacks.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from category_choices import train_dev_rows  # noqa: E402

from kpi_lint.classify.pipelines import CATEGORY_FEATURES, DEFAULT_C, build_pipeline, label_order  # noqa: E402
from kpi_lint.classify.train import _userdict  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 0.75, 1.0])
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    set_ = train_dev_rows()
    y, groups, features = np.asarray(set_.labels), np.asarray(set_.docs), set_.features
    labels = label_order(set(set_.labels))
    print(f"train + dev：{len(set(groups))} 个文件，{len(y)} 行（test 文件不参与）")
    for fraction in args.fractions:
        macros, per_class, fitted = [], [], []
        with threadpool_limits(limits=1):
            for seed in range(args.seeds):
                rng = np.random.default_rng(seed)
                predicted = np.empty(len(y), dtype=object)
                folds = StratifiedGroupKFold(5, shuffle=True, random_state=seed)
                for fit_rows, held in folds.split(features, y, groups):
                    docs = sorted(set(groups[fit_rows]))
                    kept = set(rng.choice(docs, size=max(2, round(len(docs) * fraction)), replace=False))
                    rows = np.asarray([i for i in fit_rows if groups[i] in kept])
                    fitted.append(len(kept))
                    model = build_pipeline(CATEGORY_FEATURES, _userdict(), 2023, DEFAULT_C)
                    model.fit(features.iloc[rows], y[rows])
                    predicted[held] = model.predict(features.iloc[held])
                macros.append(f1_score(y, predicted, labels=labels, average="macro", zero_division=0))
                per_class.append(f1_score(y, predicted, labels=labels, average=None, zero_division=0))
        classes = " ".join(f"{label[:2]} {f:.2f}" for label, f in zip(labels, np.mean(per_class, axis=0), strict=True))
        print(
            f"训练文件比例 {fraction:<4g} 约 {np.mean(fitted):.0f} 个文件  macro-F1 {np.mean(macros):.3f} ± "
            f"{np.std(macros):.3f}  {classes}"
        )


if __name__ == "__main__":
    main()
