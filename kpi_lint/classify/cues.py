"""Cue-word features: one column per 二级指标, set when the text holds one of that category's cue words.

The cue words live in ``lexicons/category_cues.txt`` (``二级指标: 词 词 …``), the list KPI404 votes
with when no model is shipped.  A classifier trained on a few hundred rows sees most 效益 words once
or never ("森林覆盖率", "长效机制", "增收"); a shared column per category lets every cue of that
category count, seen in training or not.  The words are copied *into* the model when it is trained
(plain strings, like the tokenizer's dictionary), so a model file means the same on a colleague's
machine whatever their lexicon says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from kpi_lint.classify.cue_words import cue_row, cue_text
from kpi_lint.classify.tokenize import squash
from kpi_lint.parse.common import canonical_level2

CueList = list[list[Any]]  # [[category, [word, …]], …]: JSON-like, so skops stores it as plain data


def category_cues(cues: Mapping[str, Iterable[str]], labels: Iterable[str]) -> CueList:
    """The lexicon's cue lists keyed by canonical 二级指标 (an alias such as 满意度指标 is resolved),
    in `labels` order; categories without cues are left out."""
    merged: dict[str, list[str]] = {}
    for key, words in cues.items():
        label = canonical_level2(key) or key
        merged.setdefault(label, []).extend(w for w in words if w and w not in merged.get(label, []))
    return [[label, merged[label]] for label in labels if merged.get(label)]


class CueFeatures(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """Text column(s) → one 0/1 column per category: does the text hold any of its cue words?

    Stateless (``fit`` learns nothing); the cue lists are a constructor parameter, so they are
    saved with the model.
    """

    def __init__(self, cues: CueList | None = None) -> None:
        self.cues = cues

    def fit(self, X: Any, y: Any = None) -> CueFeatures:
        return self

    def _texts(self, X: Any) -> list[str]:
        if hasattr(X, "iloc"):
            frame = X if X.ndim == 2 else X.to_frame()
            return [cue_text(row) for row in frame.itertuples(index=False)]
        return [squash(str(v)) for v in X]

    def transform(self, X: Any) -> sparse.csr_matrix:
        lists = [[str(w) for w in words] for _, words in (self.cues or [])]
        rows = [cue_row(text, lists) for text in self._texts(X)]
        return sparse.csr_matrix(np.asarray(rows, dtype=float).reshape(len(rows), len(lists)))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray([f"cue:{label}" for label, _ in (self.cues or [])], dtype=object)
