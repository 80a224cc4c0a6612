"""How far two labellers agree on the same rows: a second, blind labelling set against the first.

A classifier cannot be judged more finely than its labels are decided.  When two careful people,
reading the same guide (corpus/labels/README.md), put a row under different classes, the row is
either a gap in the guide or a slip of one of them; the share of such rows bounds what a model's
score against either labelling can mean.  The second labelling names its rows by their place among
the first labelling's test rows (``row_id``, 1-based, in the order of categories.csv) and repeats
``doc`` and ``level3`` so that a row that moved is caught, never silently paired with another.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from kpi_lint.classify.split import DocumentSplit
from kpi_lint.classify.train import Metrics, _metrics
from kpi_lint.errors import InputError
from kpi_lint.vocab import COST, COST_LEVEL2, LEVEL2_NAMES

SECOND_COLUMNS = ("row_id", "doc", "level3", "label", "confidence")
CONFIDENCES = ("sure", "unsure")


@dataclass(frozen=True)
class Agreement:
    """Labels B scored against labels A (A as the truth), and Cohen's kappa (symmetric)."""

    rows: int
    kappa: float
    scores: Metrics  # B against A: per class precision of B = recall of A and back; F1 is the same both ways
    reverse: Metrics  # A against B


def paired_labels(first: pd.DataFrame, split: DocumentSplit, second: pd.DataFrame, source: str) -> pd.DataFrame:
    """The test rows of `first` (categories.csv) beside the second labelling, row by row.

    Columns: the first labelling's own, ``first`` (its label), ``second``, ``confidence`` and ``note`` of the
    second.  InputError naming `source` when a row is missing, extra, or names another document or 三级指标.
    """
    missing = [c for c in SECOND_COLUMNS if c not in second.columns]
    if missing:
        raise InputError(source, f"缺少列：{'、'.join(missing)}")
    test = first[first["doc"].isin(split.test)].reset_index(drop=True)
    if len(second) != len(test):
        raise InputError(source, f"第二次标注有 {len(second)} 行，测试集有 {len(test)} 行")
    for k, (mine, theirs) in enumerate(zip(test.itertuples(), second.itertuples(), strict=True), start=1):
        if str(theirs.row_id).strip() != str(k):
            raise InputError(source, f"第 {k} 行的 row_id 是 {theirs.row_id!r}，应为 {k}")
        if (theirs.doc, theirs.level3) != (mine.doc, mine.level3):
            raise InputError(
                source, f"row_id {k} 是 {theirs.doc}「{theirs.level3}」，测试集此处是 {mine.doc}「{mine.level3}」"
            )
        if theirs.confidence not in CONFIDENCES:
            raise InputError(source, f"row_id {k} 的 confidence 只能是 sure 或 unsure，这里是 {theirs.confidence!r}")
    note = second["note"] if "note" in second.columns else pd.Series([""] * len(second))
    return test.rename(columns={"label": "first", "note": "first_note"}).assign(
        second=list(second["label"]), confidence=list(second["confidence"]), note=list(note)
    )


def printed_class(level2: str) -> str | None:
    """The class a department's printed 二级 names (经济 / 社会 / 生态环境成本 → 成本指标), None for any other label."""
    if level2 in COST_LEVEL2:
        return COST
    return level2 if level2 in LEVEL2_NAMES else None


def agreement(a: list[str], b: list[str]) -> Agreement:
    """Accuracy, Cohen's kappa, macro-F1, per-class scores and the confusion matrix of `b` against `a`."""
    return Agreement(len(a), round(float(cohen_kappa_score(a, b)), 4), _metrics(a, b, 0, None), _metrics(b, a, 0, None))
