"""What the rules and commands call: predictors over Indicators, from shipped or custom model files.

``category_predictor()`` and ``vagueness_predictor()`` load ``models/category.skops``
and ``models/vagueness.skops`` once, when their first row is predicted (``$KPI_LINT_MODELS``
points at another folder; given the run's result cache, from their inference-only forms or trusted
copies there, kpi_lint.classify.copies: a form predicts with NumPy alone, no scikit-learn), and
return ``None`` when the file is absent, so rules fall back to the lexicons.  A file that is present
but refused (unsafe, another label set, an incompatible version) raises `ModelError`, an `InputError`,
when it is loaded: one line, exit 2 — a broken model must not silently turn a rule off.  A run with
no row for a model never opens it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi_lint.classify.cells import indicator_features
from kpi_lint.classify.fast_form import FastModel
from kpi_lint.classify.labels import CATEGORY_LABELS, VAGUENESS_LABELS
from kpi_lint.classify.persist import Model, ModelError, check_labels, load_model
from kpi_lint.model import Indicator
from kpi_lint.run.cache import models_folder

if TYPE_CHECKING:
    import pandas as pd

    from kpi_lint.run.cache import Cache

Prediction = tuple[str, float]
Predictor = Callable[[Indicator], Prediction]
# A model ready to predict: loaded with its scikit-learn pipeline, or its inference-only form (fast_form).
Ready = Model | FastModel
ENV_VAR = "KPI_LINT_MODELS"

__all__ = [
    "BatchPredictor",
    "ModelError",
    "Predictor",
    "category_calibration",
    "category_label_precision",
    "category_predictor",
    "load_custom_model",
    "predict_frame",
    "predictor_for",
    "prime",
    "vagueness_predictor",
]


def models_dir() -> Path:
    """The folder of the shipped models (kpi_lint.bundled: ``models/`` in the repository, ``kpi_lint/models/`` in a
    wheel), or where $KPI_LINT_MODELS says."""
    return models_folder()


def predict_frame(model: Model, frame: pd.DataFrame, source: str = "输入") -> list[Prediction]:
    """(label, probability of that label) for every row; InputError when a column the model reads is missing."""
    from kpi_lint.classify.data import complete_columns

    if frame.empty:
        return []
    table = complete_columns(frame, model.meta.columns, source)
    proba = model.pipeline.predict_proba(table[model.meta.columns])
    classes = [str(c) for c in model.pipeline.classes_]
    best = proba.argmax(axis=1)
    return [(classes[i], float(proba[row, i])) for row, i in enumerate(best)]


# Rows per model call when a predictor is primed: one call for a province, a few for the country,
# so that the feature matrix of a batch stays small.
BATCH_ROWS = 65_536
# Distinct rows a predictor remembers: a prime that would take it past this starts the memo again from
# the rows that prime asks for (a run's rows are mostly distinct: kept, they grew with the run).
MEMO_ROWS = 8_192


class BatchPredictor:
    """One indicator → (label, probability), predicted once per distinct row.

    `prime` predicts every row not seen yet in one model call (a pipeline call has a fixed cost
    far above its per-row cost: one call per row was most of a check); a row asked without
    priming is predicted on its own.  The rows of the last primes are remembered (MEMO_ROWS at
    most, beyond the rows of the latest): a rule primes the rows it is about to ask about.
    Predictions are the same either way: each row's features and probabilities depend on that
    row alone.

    Given a loader instead of a model, the model is loaded when the first row is to be predicted
    (`ModelError` then): a run whose files have no row for it never opens the model file.
    """

    def __init__(self, model: Ready | Callable[[], Ready]) -> None:
        self._model = model if isinstance(model, Model | FastModel) else None
        self._load = model if not isinstance(model, Model | FastModel) else None
        self._memo: dict[tuple[str, ...], Prediction] = {}

    @property
    def model(self) -> Ready:
        if self._model is None:
            assert self._load is not None
            self._model = self._load()
        return self._model

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory (a row was asked, or it was given loaded)."""
        return self._model is not None

    def _key(self, ind: Indicator) -> tuple[str, ...]:
        return indicator_features(ind, self.model.meta.columns)

    def _predict(self, keys: list[tuple[str, ...]]) -> None:
        model = self.model
        if isinstance(model, FastModel):  # NumPy alone, the rows as complete_columns writes them
            self._memo.update(zip(keys, model.predict(keys), strict=True))
            return
        import pandas as pd

        for start in range(0, len(keys), BATCH_ROWS):
            chunk = keys[start : start + BATCH_ROWS]
            frame = pd.DataFrame(chunk, columns=list(model.meta.columns), dtype=object)
            self._memo.update(zip(chunk, predict_frame(model, frame), strict=True))

    def prime(self, indicators: Iterable[Indicator]) -> None:
        """Predict every distinct row of `indicators` not predicted yet, in as few calls as BATCH_ROWS allows
        (no rows: the model is not loaded)."""
        rows = list(indicators)
        if not rows:
            return
        asked = list(dict.fromkeys(self._key(ind) for ind in rows))
        keys = [k for k in asked if k not in self._memo]
        if len(self._memo) + len(keys) > MEMO_ROWS:
            self._memo = {k: self._memo[k] for k in asked if k in self._memo}
        self._predict(keys)

    def __call__(self, ind: Indicator) -> Prediction:
        key = self._key(ind)
        if key not in self._memo:
            self._predict([key])
        return self._memo[key]


def predictor_for(model: Model) -> BatchPredictor:
    """One indicator → (label, probability); identical rows are predicted once, primed rows in one call."""
    return BatchPredictor(model)


def prime(predictor: Predictor | None, indicators: Iterable[Indicator]) -> None:
    """Let a batching predictor predict `indicators` at once; any other callable is asked row by row later."""
    if isinstance(predictor, BatchPredictor):
        predictor.prime(indicators)


@lru_cache(maxsize=8)
def _shipped(path: Path, task: str, labels: tuple[str, ...], copies: Path | None) -> Ready:
    from kpi_lint.classify.copies import load_shipped
    from kpi_lint.run.cache import Cache

    model = load_shipped(path, Cache(copies) if copies is not None else None)
    check_labels(model, set(labels), task=task)
    return model


def _root(copies: Cache | None) -> Path | None:
    return copies.root if copies is not None else None


def _shipped_predictor(name: str, labels: tuple[str, ...], copies: Cache | None) -> BatchPredictor | None:
    """A predictor over the shipped model `name` that loads it on its first row; None when there is no file."""
    path = models_dir() / f"{name}.skops"
    if not path.is_file():
        return None
    return BatchPredictor(partial(_shipped, path, name, labels, _root(copies)))


def category_predictor(copies: Cache | None = None) -> BatchPredictor | None:
    """三级指标 (+ its value's kind) → (canonical 二级指标 such as "时效指标", probability), or None.

    With `copies` (the run's result cache) the model is read from its trusted copy there, if any; it is
    read when the first row is predicted (a refused file: `ModelError` then).
    """
    return _shipped_predictor("category", CATEGORY_LABELS, copies)


@lru_cache(maxsize=8)
def _card_precision(card: Path) -> dict[str, float]:
    if not card.is_file():
        return {}
    per_class = json.loads(card.read_text(encoding="utf-8")).get("metrics", {}).get("per_class", {})
    return {label: float(stats["precision"]) for label, stats in per_class.items()}


def category_label_precision() -> dict[str, float]:
    """Cross-validated precision of each label of the shipped category model, from its model card.

    Empty when there is no card: callers then have no ground to distrust a label.
    """
    return _card_precision(models_dir() / "category.card.json")


@lru_cache(maxsize=8)
def _card_calibration(card: Path) -> dict[str, Any]:
    if not card.is_file():
        return {}
    calibration = json.loads(card.read_text(encoding="utf-8")).get("metrics", {}).get("calibration")
    return dict(calibration) if isinstance(calibration, dict) else {}


def category_calibration() -> dict[str, Any]:
    """KPI404's thresholds for the shipped category model (kpi_lint.classify.calibration), from its model card:
    ``overall`` and ``per_label``; empty when the card has none (an older card, a custom model)."""
    return _card_calibration(models_dir() / "category.card.json")


def vagueness_predictor(copies: Cache | None = None) -> BatchPredictor | None:
    """指标值 (+ its 二级指标) → ("vague" | "specific", probability), or None (`copies` and loading as above)."""
    return _shipped_predictor("vagueness", VAGUENESS_LABELS, copies)


@lru_cache(maxsize=8)
def _custom(path: Path) -> Model:
    return load_model(path)


def load_custom_model(path: str | Path, flag_label: str | None = None) -> Model:
    """A reviewer's model (cached per path); `flag_label` must be one of its labels."""
    model = _custom(Path(path))
    if flag_label is not None and flag_label not in model.meta.labels:
        raise ModelError(str(path), f"模型的标签中没有 {flag_label!r}；这个模型的标签为 {'、'.join(model.meta.labels)}")
    return model
