"""How far two labellers agree on the cluster pairs (issue 13, the reliability of the evaluation labels).

A second labeller labels pairs of tests/data/cluster_pairs.csv blind — without seeing the first labels or any
clustering — by the same written guideline (docs/labeling/cluster_pairs.md), with a confidence (sure / unsure)
per pair. The two label sets are joined on the pair's four text columns and compared: accuracy, Cohen's kappa,
and the pairwise precision / recall / F1 of ``same`` taking the first labeller as truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

from kpi_lint.bundled import require_source_data, source_file
from kpi_lint.cluster.evaluation import EVALUATION_LABELS, load_pairs

SECOND_LABELS = source_file("corpus/labels/agreement/pairs_second.csv")  # in the repository only
PAIR_KEY = ["doc_a", "level3_a", "doc_b", "level3_b"]
SECOND_COLUMNS = [*PAIR_KEY, "label", "confidence", "note"]
CONFIDENCES = ("sure", "unsure")
LABELS = ("same", "different")


@dataclass(frozen=True)
class Agreement:
    """Labeller 2 against labeller 1 (or a prediction against a truth) on ``n`` pairs."""

    n: int
    accuracy: float
    kappa: float
    precision: float  # of `same`, the first label set taken as truth
    recall: float
    f1: float
    true_positive: int
    false_positive: int
    false_negative: int


def load_second_labels(path: Path = SECOND_LABELS) -> pd.DataFrame:
    """The second labeller's pairs: the pair's four text columns, ``label``, ``confidence``, ``note``."""
    require_source_data([path], "第二位标注者的聚类标注对")
    pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(SECOND_COLUMNS) - set(pairs.columns)
    if missing:
        raise ValueError(f"{path}: 缺少列 {sorted(missing)}")
    bad = (set(pairs["label"]) - set(LABELS)) | (set(pairs["confidence"]) - set(CONFIDENCES))
    if bad:
        raise ValueError(f"{path}: label 只能是 same / different，confidence 只能是 sure / unsure，发现 {sorted(bad)}")
    if pairs.duplicated(PAIR_KEY).any():
        raise ValueError(f"{path}: 有重复的文本对")
    return pairs


def join_labels(second: pd.DataFrame, first: pd.DataFrame | None = None) -> pd.DataFrame:
    """The second labels beside the first (``label_1``: the evaluation labels, ``label_2``), joined on the
    four text columns; every second-labelled pair must be found in the first set exactly once."""
    if first is None:
        first = load_pairs(labels=EVALUATION_LABELS)
    ones = first[[*PAIR_KEY, "label", "note"]].rename(columns={"label": "label_1", "note": "note_1"})
    if ones.duplicated(PAIR_KEY).any():
        raise ValueError("第一套标注有重复的文本对")
    twos = second.rename(columns={"label": "label_2", "note": "note_2"})
    joined = twos.merge(ones, on=PAIR_KEY, how="left", validate="one_to_one")
    unmatched = joined["label_1"].isna()
    if unmatched.any():
        first_missing = joined.loc[unmatched, PAIR_KEY].iloc[0].tolist()
        raise ValueError(f"{int(unmatched.sum())} 个文本对在第一套标注里找不到，例如 {first_missing}")
    return joined


def agreement(truth: Sequence[str], other: Sequence[str]) -> Agreement:
    """Accuracy, Cohen's kappa and the P / R / F1 of ``same`` of `other` taking `truth` as truth."""
    if len(truth) != len(other):
        raise ValueError("两套标注的长度不同")
    t = [x == "same" for x in truth]
    o = [x == "same" for x in other]
    p, r, f, _ = precision_recall_fscore_support(t, o, average="binary", zero_division=0)
    agree = sum(a == b for a, b in zip(t, o, strict=True))
    # kappa is undefined (nan) when both sides use one label only; report that as 1.0 only if they agree fully
    kappa = float(cohen_kappa_score(t, o, labels=[True, False])) if len(set(t) | set(o)) > 1 else 1.0
    return Agreement(
        n=len(t),
        accuracy=agree / len(t) if t else 0.0,
        kappa=kappa,
        precision=float(p),
        recall=float(r),
        f1=float(f),
        true_positive=sum(a and b for a, b in zip(t, o, strict=True)),
        false_positive=sum(b and not a for a, b in zip(t, o, strict=True)),
        false_negative=sum(a and not b for a, b in zip(t, o, strict=True)),
    )
