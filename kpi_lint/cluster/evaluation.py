"""Pairwise evaluation of the clustering against hand-labelled indicator pairs.

The pairs file (tests/data/cluster_pairs.csv, see the README beside it) names two
三级指标 from two corpus documents and whether they are the same indicator.  The
texts are clustered together with every indicator of the documents — the
clustering of a text depends on its neighbours — and a pair is predicted "same"
when both texts land in one cluster.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

from kpi_lint.bundled import require_source_data, source_file
from kpi_lint.cluster.clustering import BLOCK_SIZE, cluster_texts
from kpi_lint.cluster.groups import collect_members, per_units, value_kinds
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.model import Document

PAIRS_FILE = source_file("tests/data/cluster_pairs.csv")  # in the repository only, not in a wheel
PAIR_COLUMNS = ["doc_a", "level3_a", "doc_b", "level3_b", "label", "note"]


@dataclass(frozen=True)
class PairScore:
    threshold: float
    precision: float
    recall: float
    f1: float
    true_positive: int
    false_positive: int
    false_negative: int


# The label columns of the pairs file: ``label`` as each batch was first labelled, ``guide_label`` by the written
# guideline (docs/labeling/cluster_pairs.md, issue 13-pairs-guide), the evaluation labels since that issue.
LABEL_COLUMNS = ("guide_label", "label")
EVALUATION_LABELS = "guide_label"


def load_pairs(path: Path = PAIRS_FILE, labels: str = EVALUATION_LABELS) -> pd.DataFrame:
    """The labelled pairs, their ``label`` column taken from ``labels`` (the first labels kept as ``old_label``).

    A pairs file of one's own with no ``guide_label`` column is scored on its ``label``."""
    require_source_data([path], "聚类评估的人工标注对")
    pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(PAIR_COLUMNS) - set(pairs.columns)
    if missing:
        raise ValueError(f"{path}: 缺少列 {sorted(missing)}")
    if labels not in pairs.columns and labels != EVALUATION_LABELS:
        raise ValueError(f"{path}: 缺少标注列 {labels}")
    if labels != "label" and labels in pairs.columns:
        pairs = pairs.assign(old_label=pairs["label"], label=pairs[labels])
    bad = set(pairs["label"]) - {"same", "different"}
    if bad:
        raise ValueError(f"{path}: label 只能是 same / different，发现 {sorted(bad)}")
    return pairs


@dataclass(frozen=True)
class _Setup:
    normalizer: TextNormalizer
    texts: list[str]  # every distinct normalized text to cluster
    kinds: dict[str, str]
    per: dict[str, str]  # what amounts are counted per (groups.per_units)
    left: list[str]
    right: list[str]


def _setup(pairs: pd.DataFrame, documents: Sequence[Document], normalizer: TextNormalizer | None = None) -> _Setup:
    """The texts to cluster and the pairs' two sides, normalized by `normalizer` (by default the documents' own)."""
    normalizer = normalizer or TextNormalizer.for_documents(documents)
    members, _ = collect_members(documents, normalizer)
    left = [normalizer.normalize(t) for t in pairs["level3_a"]]
    right = [normalizer.normalize(t) for t in pairs["level3_b"]]
    texts = sorted(({m.text for m in members} | set(left) | set(right)) - {""})
    return _Setup(normalizer, texts, value_kinds(members), per_units(members), left, right)


def _predict(setup: _Setup, threshold: float, block_size: int = BLOCK_SIZE) -> list[bool]:
    result = cluster_texts(
        setup.texts, setup.normalizer, threshold, kinds=setup.kinds, per=setup.per, block_size=block_size
    )
    label: Mapping[str, int] = dict(zip(result.texts, result.labels.tolist(), strict=True))
    return [bool(a and b and label[a] == label[b]) for a, b in zip(setup.left, setup.right, strict=True)]


def score_pairs(
    pairs: pd.DataFrame, documents: Sequence[Document], thresholds: Sequence[float], block_size: int = BLOCK_SIZE
) -> list[PairScore]:
    """Pairwise precision / recall / F1 of the clustering at each threshold (`block_size`: see cluster_texts)."""
    setup = _setup(pairs, documents)
    truth = (pairs["label"] == "same").tolist()
    scores = []
    for threshold in thresholds:
        predicted = _predict(setup, threshold, block_size)
        p, r, f, _ = precision_recall_fscore_support(truth, predicted, average="binary", zero_division=0)
        tp = sum(t and q for t, q in zip(truth, predicted, strict=True))
        fp = sum(q and not t for t, q in zip(truth, predicted, strict=True))
        fn = sum(t and not q for t, q in zip(truth, predicted, strict=True))
        scores.append(PairScore(threshold, float(p), float(r), float(f), tp, fp, fn))
    return scores


def predict_pairs(pairs: pd.DataFrame, documents: Sequence[Document], threshold: float) -> pd.DataFrame:
    """The pairs with the clustering's decision at `threshold` in a ``predicted`` column (same / different)."""
    predicted = _predict(_setup(pairs, documents), threshold)
    return pairs.assign(predicted=["same" if p else "different" for p in predicted])


def mistakes(pairs: pd.DataFrame, documents: Sequence[Document], threshold: float) -> pd.DataFrame:
    """The labelled pairs the clustering gets wrong at `threshold` (for reading, not scoring)."""
    out = predict_pairs(pairs, documents, threshold)
    return out[out["predicted"] != out["label"]]
