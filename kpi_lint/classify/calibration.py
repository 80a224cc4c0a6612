"""Calibrating KPI404's claim on the category model's out-of-fold predictions.

KPI404 tells a department "you filed this row under Y, it belongs under X" when the category model
predicts X ≠ Y with a probability at or above a threshold.  How often that claim is right is
measured here, without any test document: over the train + dev documents, each row predicted by a
model that never saw its document (cross-validation grouped by document, as `kpi-lint train category`
scores the model), every row whose filed 二级指标 differs from the prediction and that passes the
rule's other gates is a *call*; it is *right* when the hand label (corpus/labels/categories.csv,
``label``) is the category claimed.  The precision of the calls at or above each threshold is the
precision of the rule's model branch.

The threshold chosen is the smallest one of THRESHOLDS whose calls reach TARGET_PRECISION with at
least MIN_CALLS calls at or above it (overall, pooled over labels); a label gets its own threshold the same
way when it has at least MIN_CALLS calls in all (at any probability), and none (never claimed) when no
threshold reaches the target with that many calls.  A label with fewer calls takes the overall threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from kpi_lint.classify.data import TrainingSet

TARGET_PRECISION = 0.90
MIN_CALLS = 10
# Candidate thresholds: 0.50 … 0.99 by 0.01 (below 0.5 the model's label is not even likely).
THRESHOLDS = tuple(round(0.50 + 0.01 * i, 2) for i in range(50))
NEVER = 1.01  # the threshold of a label the calibration never lets the rule claim (no probability reaches it)


@dataclass(frozen=True)
class Call:
    """One row on which the model disagrees with the filed category and the rule would speak."""

    doc: str
    level3: str
    value: str
    filed: str
    predicted: str  # the model's label (its probability is what the threshold is compared with)
    claimed: str  # the category the rule names (the predicted one, or 满意度 for a satisfaction name)
    probability: float
    truth: str  # the hand label

    @property
    def right(self) -> bool:
        return self.truth == self.claimed


# (filed 二级, row features by column, model's label) → the category the rule would claim, or None.
ClaimGate = Callable[[str, dict[str, str], str], str | None]


def model_calls(
    set_: TrainingSet, filed: Sequence[str], proba: np.ndarray, classes: Sequence[str], gate: ClaimGate
) -> list[Call]:
    """The rule's calls on out-of-fold predictions: rows of `set_` (with the 二级 each was filed under),
    `proba` their out-of-fold probabilities (columns in `classes` order)."""
    calls: list[Call] = []
    columns = list(set_.features.columns)
    for row, values in enumerate(set_.features.itertuples(index=False)):
        best = int(proba[row].argmax())
        predicted = str(classes[best])
        features = dict(zip(columns, map(str, values), strict=True))
        claimed = gate(filed[row], features, predicted)
        if claimed is None:
            continue
        calls.append(
            Call(
                set_.docs[row] if set_.docs else "",
                features.get("level3", ""),
                features.get("value", ""),
                filed[row],
                predicted,
                claimed,
                round(float(proba[row, best]), 4),
                set_.labels[row],
            )
        )
    return calls


def sweep(calls: Sequence[Call], thresholds: Sequence[float] = THRESHOLDS) -> list[tuple[float, int, int]]:
    """(threshold, calls at or above it, right ones) for each threshold."""
    out = []
    for t in thresholds:
        kept = [c for c in calls if c.probability >= t]
        out.append((t, len(kept), sum(c.right for c in kept)))
    return out


def _smallest(calls: Sequence[Call]) -> float | None:
    for t, n, right in sweep(calls):
        if n >= MIN_CALLS and right / n >= TARGET_PRECISION:
            return t
    return None


@dataclass
class Calibration:
    """The thresholds chosen, and what they rest on (written into the model card)."""

    target_precision: float
    min_calls: int
    overall: float | None  # None: no threshold reaches the target with enough calls
    per_label: dict[str, float | None]  # a label's own threshold (None: never claimed)
    calls: int  # every call, at any probability
    table: list[dict[str, Any]]  # overall sweep every 0.05: threshold, calls, right, precision
    by_label: dict[str, list[dict[str, Any]]]  # the same, per model label

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _rows(points: list[tuple[float, int, int]]) -> list[dict[str, Any]]:
    """The sweep every 0.05 (the card stays short; the choice is made on every 0.01)."""
    return [
        {"threshold": t, "calls": n, "right": r, "precision": round(r / n, 4) if n else None}
        for t, n, r in points
        if round(t * 20, 6).is_integer()
    ]


def calibrate(calls: Sequence[Call]) -> Calibration:
    overall = _smallest(calls)
    labels = sorted({c.predicted for c in calls})
    per_label: dict[str, float | None] = {}
    by_label: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        mine = [c for c in calls if c.predicted == label]
        by_label[label] = _rows(sweep(mine))
        if len(mine) >= MIN_CALLS:  # the label's data supports a threshold of its own
            per_label[label] = _smallest(mine)
    return Calibration(TARGET_PRECISION, MIN_CALLS, overall, per_label, len(calls), _rows(sweep(calls)), by_label)


def threshold_for(calibration: dict[str, Any], label: str) -> float:
    """The threshold a card's calibration sets for `label`: its own, else the overall one; > 1 when the
    calibration says never (a label whose calls never reach the target, or no overall threshold)."""
    per_label = calibration.get("per_label") or {}
    if label in per_label:
        own = per_label[label]
        return float(own) if own is not None else NEVER
    overall = calibration.get("overall")
    return float(overall) if overall is not None else NEVER
