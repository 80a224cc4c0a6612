"""The three training tasks: which data, which columns, which labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.bundled import MODELS_DIR, SOURCE_ROOT
from kpi_lint.classify.data import DOC, LABEL, LINE, SOURCE, TrainingSet, load_table, training_set
from kpi_lint.classify.pipelines import CATEGORY_FEATURES, CATEGORY_LABELS, VAGUENESS_FEATURES, Features
from kpi_lint.errors import InputError

if TYPE_CHECKING:
    from kpi_lint.classify.calibration import ClaimGate

ROOT = SOURCE_ROOT  # the repository: the labelled data below is not shipped in a wheel
CORPUS_DIR = ROOT / "corpus"
LABELS_DIR = CORPUS_DIR / "labels"
VALUES_CSV = LABELS_DIR / "values.csv"
CATEGORIES_CSV = LABELS_DIR / "categories.csv"
SPLIT_CSV = LABELS_DIR / "split.csv"
VAGUE = "vague"


def category_set(paths: Sequence[Path]) -> TrainingSet:
    """三级指标 + value kind + 一级指标 → 二级指标.

    The label is the hand-checked ``label`` column when the data has one (corpus/labels/categories.csv),
    else the printed 二级指标 (canonical); rows under an unknown 二级 are left out.  Rows keep their
    ``doc`` when the data names it, so that a document split can be applied.
    """
    feats = CATEGORY_FEATURES
    table, sources = load_table(paths, [*feats.columns, "level2"])
    column = LABEL if LABEL in table.columns else "level2"
    labels = [lvl if lvl in CATEGORY_LABELS else "" for lvl in table[column].fillna("")]
    docs = list(table[DOC].fillna("")) if DOC in table.columns else None
    filed = list(table["level2"].fillna("")) if column == LABEL else None
    return training_set(table, feats.columns, feats.text, labels, sources, docs, filed)


def vagueness_set(paths: Sequence[Path]) -> TrainingSet:
    """指标值 + 二级指标 + kind → vague / specific, from a labelled CSV (corpus/labels/values.csv)."""
    feats = VAGUENESS_FEATURES
    table, sources = load_table(paths, [*feats.columns, "label"])
    for path, line, label in zip(table[SOURCE], table[LINE], table["label"], strict=True):
        if label not in ("vague", "specific"):
            raise InputError(f"{path}:{line}", f"label 列只能是 vague 或 specific，这里是 {label!r}")
    return training_set(table, feats.columns, feats.text, list(table["label"]), sources)


@dataclass(frozen=True)
class Task:
    """A built-in task: `kpi-lint train NAME` with no options retrains the shipped model."""

    name: str
    features: Features
    build: Callable[[Sequence[Path]], TrainingSet]
    default_data: tuple[Path, ...]
    default_out: Path
    positive: str | None = None  # binary task: the label whose F1 is the headline
    prune: bool = False  # leave probable label noise out of the final fit (see train.py)
    # Document split applied when every training row names a document in it (train.py).
    split: Path | None = None
    # The rule claim whose thresholds are calibrated on the out-of-fold predictions (train.py, GateFactory).
    claim_gate: Callable[[dict[str, float]], ClaimGate] | None = None
    # Hand-checked rows from outside the labelled data (corpus/external): scored into the card when the file exists.
    external_test: Path | None = None


def kpi404_gate(label_precision: dict[str, float]) -> ClaimGate:
    """KPI404's gates bar the probability (imported on use: the rules import kpi_lint.classify, not the reverse)."""
    from kpi_lint.rules.consistency.kpi404_misfiled_indicator import calibration_gate

    return calibration_gate(label_precision)


# The hand-checked 二级指标 of the samples and the wild set, split by document: C chosen on dev, fitted
# on train + dev, measured on test.  Given disclosures instead (--data corpus/), the printed 二级指标
# are the labels; they are noisy (misfiled rows are what KPI404 looks for), so those are pruned.
CATEGORY = Task(
    "category",
    CATEGORY_FEATURES,
    category_set,
    (CATEGORIES_CSV,),
    MODELS_DIR / "category.skops",
    prune=True,
    split=SPLIT_CSV,
    claim_gate=kpi404_gate,
    external_test=CORPUS_DIR / "external" / "sample_checked.csv",
)
VAGUENESS = Task(
    "vagueness", VAGUENESS_FEATURES, vagueness_set, (VALUES_CSV,), MODELS_DIR / "vagueness.skops", positive=VAGUE
)


def custom_set(
    paths: Sequence[Path], text_cols: Sequence[str], cat_cols: Sequence[str], label_col: str
) -> tuple[TrainingSet, Features]:
    """Any table: the reviewer names the text columns, optional categorical ones and the label column."""
    if not text_cols:
        raise InputError("--text-col", "至少需要一个文本列")
    overlap = sorted(set(text_cols) & set(cat_cols) | ({label_col} & {*text_cols, *cat_cols}))
    if overlap:
        raise InputError("--label-col", f"列 {'、'.join(overlap)} 不能同时作为特征和标签/两种特征")
    feats = Features(text=tuple(text_cols), categorical=tuple(cat_cols))
    table, sources = load_table(paths, [*feats.columns, label_col])
    labels = [str(v).strip() for v in table[label_col]]
    return training_set(table, feats.columns, feats.text, labels, sources), feats
