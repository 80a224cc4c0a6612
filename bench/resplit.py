"""Move named test sets of corpus/labels/split.csv into train / dev (issue 13-resplit).

    .venv/bin/python -P bench/resplit.py --sets first fresh [--seed 2026] [--write]

The documents of the named test sets are drawn, once, into `dev` (a quarter) and `train` (the rest): one fold of
scikit-learn's StratifiedGroupKFold (4 folds, shuffled with the fixed seed) over their rows of
corpus/labels/categories.csv, grouped by document (a document goes whole to one side) and stratified by the
hand-checked 二级指标 (so the dev share holds every class the moved documents hold).  Without `--write` the draw is
printed; with it, split.csv is rewritten (a moved document's `test_set` goes to the `moved_from` column).  Run once:
the split is then written down and never redrawn.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "corpus" / "labels"
DEV_FOLDS = 4  # one fold of four to dev: train 46 / dev 16 kept about the same share


def draw(split: pd.DataFrame, categories: pd.DataFrame, sets: list[str], seed: int) -> dict[str, str]:
    """document → "train" / "dev" for every document of the named test sets."""
    moved = sorted(split.loc[split["test_set"].isin(sets), "doc"])
    rows = categories[categories["doc"].isin(moved) & (categories["label"] != "")]
    missing = sorted(set(moved) - set(rows["doc"]))
    if missing:
        sys.exit(f"这些文件没有类别标签，无法分层：{'、'.join(missing)}")
    folds = StratifiedGroupKFold(n_splits=DEV_FOLDS, shuffle=True, random_state=seed)
    _, dev_rows = next(folds.split(rows, rows["label"], groups=rows["doc"]))
    dev = set(rows.iloc[dev_rows]["doc"])
    return {doc: "dev" if doc in dev else "train" for doc in moved}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", required=True, help="test sets to move, e.g. first fresh")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    path = LABELS / "split.csv"
    split = pd.read_csv(path, dtype=str, keep_default_na=False)
    categories = pd.read_csv(LABELS / "categories.csv", dtype=str, keep_default_na=False)
    parts = draw(split, categories, args.sets, args.seed)
    for part in ("train", "dev"):
        docs = sorted(d for d, p in parts.items() if p == part)
        labels = categories[categories["doc"].isin(docs)]["label"].value_counts()
        print(f"{part} +{len(docs)}: {' '.join(docs)}")
        print(f"    {len(labels)} 类: " + "、".join(f"{k} {v}" for k, v in labels.items()))
    if args.write:
        moved = split["doc"].isin(list(parts))
        if "moved_from" not in split.columns:
            split["moved_from"] = ""
        split.loc[moved, "split"] = split.loc[moved, "doc"].map(parts)
        split.loc[moved, "moved_from"] = split.loc[moved, "test_set"]
        split.loc[moved, "test_set"] = ""
        split.to_csv(path, index=False, lineterminator="\n")
        print(f"已写入 {path}")


if __name__ == "__main__":
    main()
