"""The label sets of the shipped classifiers, importable without scikit-learn (kpi_lint.classify.pipelines
re-exports them for training)."""

from __future__ import annotations

from kpi_lint.vocab import LEVEL2_NAMES

# Canonical 二级指标 (kpi_lint.vocab): the label set of the category classifier.
CATEGORY_LABELS = LEVEL2_NAMES
VAGUENESS_LABELS = ("specific", "vague")
