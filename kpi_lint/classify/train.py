"""Cross-validate and fit a classifier: the work behind `kpi-lint train`.

Cross-validation is stratified by label and grouped by the first text column:
rows with the same text (the same 三级指标 with two values, the same 指标值 under
two categories) always fall in the same fold, so a score never rewards
remembering a text seen in training.

Noise pruning (category task): the labels are the 二级指标 the departments
printed, and some rows are misfiled — exactly what KPI404 must find.  A model
fitted on a misfiled row learns to repeat it.  So, as in confident learning
(Northcutt et al., 2021), rows to which the cross-validated model gives their
printed label a probability below `PRUNE_BELOW` while it is at least
`PRUNE_CONFIDENCE` sure of another label are left out of the final fit; they
are listed in the model card, and the reported scores still count them.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from threadpoolctl import threadpool_limits

from kpi_lint.classify.data import TrainingSet
from kpi_lint.classify.defaults import DEFAULT_FOLDS
from kpi_lint.classify.persist import Model, ModelMeta
from kpi_lint.classify.pipelines import DEFAULT_C, Features, build_pipeline, label_order
from kpi_lint.classify.split import DocumentSplit
from kpi_lint.classify.tokenize import squash
from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.segment import Entry, userdict_entries

if TYPE_CHECKING:
    from kpi_lint.classify.calibration import ClaimGate

# The claim a model's predictions are calibrated for, given the card's per-label precision
# (kpi_lint.rules.consistency.kpi404_misfiled_indicator.calibration_gate for the category task).
GateFactory = Callable[[dict[str, float]], "ClaimGate"]

PRUNE_BELOW = 0.1
PRUNE_CONFIDENCE = 0.5


@dataclass
class ClassMetrics:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Pruned:
    """A training row left out of the final fit as probably mislabelled."""

    text: list[str]  # the row's feature values, in the model's column order
    label: str  # as given (printed)
    predicted: str  # what the cross-validated model says
    probability: float


@dataclass
class Metrics:
    """Cross-validated scores: every row predicted by a model that never saw its text."""

    labels: list[str]
    folds: int
    samples: int
    macro_f1: float
    accuracy: float
    per_class: dict[str, ClassMetrics]
    confusion: list[list[int]]  # rows: true label, columns: predicted, in `labels` order
    positive_label: str | None = None  # binary tasks: the label whose F1 is the headline (vague)
    positive_f1: float | None = None
    pruned: list[Pruned] = field(default_factory=list)
    grouped_by: str = "text"  # what a fold never splits: "text" (same first text column) or "document"
    # With a document split (corpus/labels/split.csv): C chosen on dev, the shipped fit measured on
    # test (kpi_lint.classify.heldout.HeldOut as a dict); these cross-validated scores then cover
    # the train + dev documents only.
    heldout: dict[str, Any] | None = None
    # KPI404's thresholds, calibrated on the out-of-fold predictions of these scores (kpi_lint.classify.calibration,
    # Calibration as a dict); None for a task without a claim to calibrate or without a document split.
    calibration: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return drop_empty_calibration(asdict(self))


def drop_empty_calibration(metrics: dict[str, Any]) -> dict[str, Any]:
    """A metrics dict without its `calibration` when there is none (cards of other tasks stay as they were)."""
    if metrics.get("calibration") is None:
        metrics.pop("calibration", None)
    return metrics


@dataclass
class CrossValidation:
    metrics: Metrics
    proba: np.ndarray  # out-of-fold probabilities, columns in `classes` order
    classes: list[str]


def _round(x: float) -> float:
    return round(float(x), 4)


def _userdict() -> tuple[Entry, ...]:
    """The user words a model is fitted with: the lexicon's user dictionary as jieba itself reads it (the clustering's
    segmenter reads the same file the same way, kpi_lint.segment)."""
    path = load_lexicon().userdict
    return userdict_entries(str(path)) if path is not None and path.is_file() else ()


def _folds(set_: TrainingSet, groups: list[str], wanted: int) -> int:
    counts = set_.counts()
    if not counts:
        raise InputError("--data", "没有既有标签又有文本的行，无法训练")
    if len(counts) < 2:
        only = next(iter(counts), "无")
        raise InputError("--label-col", f"训练数据只有一种标签（{only}），至少需要两种")
    # No more folds than distinct texts, nor than the commonest label has rows (scikit-learn's limit).
    folds = min(wanted, len(set(groups)), max(counts.values()))
    if folds < 2 or max(counts.values()) < 2:
        raise InputError("--label-col", "样本太少，无法做交叉验证：至少需要两种不同文本，且某个标签至少有 2 个样本")
    return folds


def cross_validate(
    set_: TrainingSet,
    features: Features,
    seed: int,
    folds: int = DEFAULT_FOLDS,
    positive: str | None = None,
    c: float = DEFAULT_C,
) -> CrossValidation:
    """Out-of-fold predictions; folds keep a document together when rows name one, else a text."""
    by_document = bool(set_.docs)
    groups = list(set_.docs) if by_document else [squash(t) for t in set_.features[features.text[0]]]
    k = _folds(set_, groups, folds)
    cv = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    classes = sorted(set(set_.labels))
    pipeline = build_pipeline(features, _userdict(), seed, c)
    with warnings.catch_warnings():
        # A label rarer than the fold count is allowed: its missed rows show in the scores.
        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
        warnings.filterwarnings("ignore", category=UndefinedMetricWarning)
        proba = cross_val_predict(pipeline, set_.features, set_.labels, cv=cv, groups=groups, method="predict_proba")
    predicted = [classes[i] for i in proba.argmax(axis=1)]
    metrics = _metrics(set_.labels, predicted, k, positive)
    metrics.grouped_by = "document" if by_document else "text"
    return CrossValidation(metrics, proba, classes)


def _metrics(truth: list[str], predicted: list[str], folds: int, positive: str | None) -> Metrics:
    labels = label_order(set(truth))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UndefinedMetricWarning)
        p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
        macro = f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)
    per_class = {
        label: ClassMetrics(_round(p[i]), _round(r[i]), _round(f[i]), int(s[i])) for i, label in enumerate(labels)
    }
    return Metrics(
        labels=labels,
        folds=folds,
        samples=len(truth),
        macro_f1=_round(macro),
        accuracy=_round(accuracy_score(truth, predicted)),
        per_class=per_class,
        confusion=confusion_matrix(truth, predicted, labels=labels).tolist(),
        positive_label=positive,
        positive_f1=per_class[positive].f1 if positive in per_class else None,
    )


def prune_noisy(set_: TrainingSet, cv: CrossValidation) -> tuple[TrainingSet, list[Pruned]]:
    """`set_` without the rows the cross-validated model confidently puts under another label."""
    index = {label: i for i, label in enumerate(cv.classes)}
    keep: list[int] = []
    pruned: list[Pruned] = []
    for row, label in enumerate(set_.labels):
        probs = cv.proba[row]
        best = int(probs.argmax())
        if probs[index[label]] < PRUNE_BELOW and probs[best] >= PRUNE_CONFIDENCE:
            values = [str(v) for v in set_.features.iloc[row]]
            pruned.append(Pruned(values, label, cv.classes[best], _round(probs[best])))
        else:
            keep.append(row)
    kept = TrainingSet(
        set_.features.iloc[keep].reset_index(drop=True), [set_.labels[i] for i in keep], set_.sources, set_.dropped
    )
    return kept, pruned


def fit(set_: TrainingSet, features: Features, task: str, seed: int, data_sha256: str, c: float = DEFAULT_C) -> Model:
    """The final model, fitted on `set_` (cross-validation only measures it)."""
    from kpi_lint import __version__

    pipeline = build_pipeline(features, _userdict(), seed, c)
    pipeline.fit(set_.features, set_.labels)
    meta = ModelMeta(
        task=task,
        labels=[str(c) for c in pipeline.classes_],
        text_columns=list(features.text),
        categorical_columns=list(features.categorical),
        cue_columns=list(dict.fromkeys((*features.value_cues, *features.value_form))),
        seed=seed,
        data_sha256=data_sha256,
        kpi_lint_version=__version__,
        sklearn_version=sklearn.__version__,
    )
    return Model(meta=meta, pipeline=pipeline)


def train(
    set_: TrainingSet,
    features: Features,
    task: str,
    seed: int,
    folds: int = DEFAULT_FOLDS,
    positive: str | None = None,
    prune: bool = False,
    split: DocumentSplit | None = None,
    claim_gate: GateFactory | None = None,
) -> tuple[Model, Metrics]:
    """Cross-validate on every row, optionally prune probable label noise, fit the final model.

    With a document `split` (every row names its document): C is chosen on the dev documents,
    the model is fitted on train + dev and measured once on the test documents
    (`Metrics.heldout`); the cross-validated scores then cover train + dev only, by document.
    With `claim_gate` too (the category task: KPI404's gates, given the card's per-label precision) and rows that
    say where each was filed, the rule's thresholds are calibrated on those out-of-fold predictions
    (`Metrics.calibration`, kpi_lint.classify.calibration).
    """
    if split is not None:
        return _train_on_split(set_, features, task, seed, folds, positive, split, claim_gate)
    # One BLAS thread: on a few hundred rows extra threads only contend (lbfgs ran 30× slower on a
    # busy 2-core machine), and the fitted floats no longer depend on the machine's core count.
    with threadpool_limits(limits=1):
        cv = cross_validate(set_, features, seed, folds, positive)
        fitted_on = set_
        if prune:
            fitted_on, cv.metrics.pruned = prune_noisy(set_, cv)
        return fit(fitted_on, features, task, seed, set_.sha256), cv.metrics


def relative(path: Path, root: Path) -> str:
    """`path` relative to `root` when inside it (cards must not depend on where the repo is checked out)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _train_on_split(
    set_: TrainingSet,
    features: Features,
    task: str,
    seed: int,
    folds: int,
    positive: str | None,
    split: DocumentSplit,
    claim_gate: GateFactory | None = None,
) -> tuple[Model, Metrics]:
    from kpi_lint.classify.heldout import evaluate_heldout

    source = set_.sources[0] if set_.sources else "--data"
    heldout = evaluate_heldout(set_, features, split, seed, source, positive, folds=folds)
    fitted_on = set_.subset(split.rows(set_.docs, "train", "dev"))
    with threadpool_limits(limits=1):
        model = fit(fitted_on, features, task, seed, set_.sha256, heldout.chosen_c)
    # The cross-validated scores of the chosen C (over train + dev, by document) are the card's metrics.
    metrics = copy.deepcopy(heldout.dev)
    metrics.heldout = heldout.to_dict()
    if claim_gate is not None and fitted_on.filed and heldout.out_of_fold is not None:
        from kpi_lint.classify.calibration import calibrate, model_calls

        precision = {label: c.precision for label, c in metrics.per_class.items()}
        cv = heldout.out_of_fold
        calls = model_calls(fitted_on, fitted_on.filed, cv.proba, cv.classes, claim_gate(precision))
        metrics.calibration = calibrate(calls).to_dict()
    return model, metrics
