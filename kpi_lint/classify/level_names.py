"""The printed 一级指标 read through the vocabulary before it is one-hot coded.

Departments print the 一级 in many spellings (产出目标, 项目完成指标, 项目效益指标, 效果指标, 投入目标 …;
``lexicons/levels.txt`` lists them as aliases).  A one-hot code of the raw cell knows only the spellings of the
training documents: an unseen one is all zeros, as if no 一级 were printed.  Mapped to its canonical name first, a
row of a new document under 项目效益指标 tells the model what a row under 效益指标 does.  The alias table is a
constructor parameter copied into the model at training (plain strings, like the cue words), so a model file means
the same whatever the reader's lexicon says.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from kpi_lint.classify.tokenize import squash


class LevelNames(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """DataFrame → the same DataFrame with `column` mapped through `aliases` (spelling → canonical); stateless.

    A cell is matched with its spaces and line breaks removed; a spelling the table lacks is kept as printed."""

    def __init__(self, aliases: dict[str, str] | None = None, column: str = "level1") -> None:
        self.aliases = aliases
        self.column = column

    def fit(self, X: Any, y: Any = None) -> LevelNames:
        return self

    def transform(self, X: Any) -> Any:
        if not isinstance(X, pd.DataFrame) or self.column not in X.columns:
            return X
        aliases = self.aliases or {}
        out = X.copy()
        out[self.column] = [aliases.get(squash(str(v)), str(v)) for v in X[self.column]]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        return input_features
