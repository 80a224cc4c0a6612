"""Cross-validate and fit a classifier: the work behind `kpi-lint train`."""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sklearn
from sklearn.base import clone
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from kpi_lint.classify.data import TrainingSet
from kpi_lint.classify.persist import Model, ModelMeta
from kpi_lint.classify.pipelines import DEFAULT_SEED, Features, build_pipeline
from kpi_lint.classify.tokenize import read_userdict
from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon

DEFAULT_FOLDS = 5


@dataclass
class ClassMetrics:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Metrics:
    """Stratified k-fold cross-validated scores (every row predicted by a model that never saw it)."""

    labels: list[str]
    folds: int
    samples: int
    macro_f1: float
    accuracy: float
    per_class: dict[str, ClassMetrics]
    confusion: list[list[int]]  # rows: true label, columns: predicted, in `labels` order
    positive_label: str | None = None  # binary tasks: the label whose F1 is reported (vague)
    positive_f1: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _round(x: float) -> float:
    return round(float(x), 4)


def _folds(set_: TrainingSet, wanted: int) -> int:
    counts = set_.counts()
    if len(counts) < 2:
        only = next(iter(counts), "无")
        raise InputError("--label-col", f"训练数据只有一种标签（{only}），至少需要两种")
    folds = min(wanted, max(counts.values()))
    if folds < 2:
        raise InputError("--label-col", "每种标签都只有一个样本，无法做分层交叉验证；每种标签至少需要 2 个样本")
    return folds


def cross_validate(
    set_: TrainingSet, features: Features, seed: int, folds: int = DEFAULT_FOLDS, positive: str | None = None
) -> Metrics:
    userdict = read_userdict(load_lexicon().userdict)
    pipeline = build_pipeline(features, userdict, seed)
    k = _folds(set_, folds)
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    labels = sorted(set(set_.labels))
    with warnings.catch_warnings():
        # A label rarer than the fold count is allowed: its missed rows show in the scores.
        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
        warnings.filterwarnings("ignore", category=UndefinedMetricWarning)
        predicted = list(cross_val_predict(clone(pipeline), set_.features, set_.labels, cv=cv))
        p, r, f, s = precision_recall_fscore_support(set_.labels, predicted, labels=labels, zero_division=0)
        macro = f1_score(set_.labels, predicted, labels=labels, average="macro", zero_division=0)
    per_class = {
        label: ClassMetrics(_round(p[i]), _round(r[i]), _round(f[i]), int(s[i])) for i, label in enumerate(labels)
    }
    return Metrics(
        labels=labels,
        folds=k,
        samples=len(set_.labels),
        macro_f1=_round(macro),
        accuracy=_round(accuracy_score(set_.labels, predicted)),
        per_class=per_class,
        confusion=confusion_matrix(set_.labels, predicted, labels=labels).tolist(),
        positive_label=positive,
        positive_f1=per_class[positive].f1 if positive in per_class else None,
    )


def fit(set_: TrainingSet, features: Features, task: str, seed: int) -> Model:
    """The final model, fitted on every row (cross-validation only measures it)."""
    from kpi_lint import __version__

    userdict = read_userdict(load_lexicon().userdict)
    pipeline = build_pipeline(features, userdict, seed)
    pipeline.fit(set_.features, set_.labels)
    meta = ModelMeta(
        task=task,
        labels=[str(c) for c in pipeline.classes_],
        text_columns=list(features.text),
        categorical_columns=list(features.categorical),
        seed=seed,
        data_sha256=set_.sha256,
        kpi_lint_version=__version__,
        sklearn_version=sklearn.__version__,
        extra={"categorical_weight": str(features.categorical_weight)},
    )
    return Model(meta=meta, pipeline=pipeline)


def default_seed() -> int:
    return DEFAULT_SEED


def relative(path: Path, root: Path) -> str:
    """`path` relative to `root` when inside it (cards must not depend on where the repo is checked out)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
