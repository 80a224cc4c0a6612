"""What a model reads of an indicator, cell by cell, without pandas.

`indicator_features` takes the model's columns of one parsed indicator; `model_row` writes them as the
model is fed them (`kpi_lint.classify.data.complete_columns` applies the same `level1_cell`, `level2_cell`
and `cell_text` to a whole table).  Kept apart from data.py so that predicting from a model's
inference-only form (kpi_lint.classify.fast_form) imports neither pandas nor scikit-learn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import fields
from typing import TYPE_CHECKING

from kpi_lint.frame import indicator_record
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Indicator
from kpi_lint.parse.common import canonical_level2
from kpi_lint.parse.values import parse_value

if TYPE_CHECKING:
    from kpi_lint.vocab import Vocabulary


def cell_text(value: object) -> str:
    """A cell as a model reads it: stripped text; "" for None or a missing (NaN) number, 3.0 → "3"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def level2_cell(value: object) -> str:
    """A printed 二级指标 written canonically (服务对象满意度 → 服务对象满意度指标), else as printed."""
    return canonical_level2(value) or cell_text(value)  # type: ignore[arg-type]


def level1_cell(value: object, vocabulary: Vocabulary) -> str:
    """A printed 一级指标 written canonically as the parser writes it (项目效益 → 效益指标), else as printed."""
    return vocabulary.canonical_level1(cell_text(value)) or cell_text(value)


def indicator_row(ind: Indicator) -> dict[str, str]:
    """One indicator as model input: every printed field, canonical 二级指标, the value's kind."""
    record = indicator_record(ind)
    row = {key: cell_text(val) for key, val in record.items() if not isinstance(val, dict)}
    row["level2"] = canonical_level2(ind.level2) or row.get("level2", "")
    row["kind"] = (ind.parsed or parse_value(ind.value)).kind
    return row


# Model columns read straight from the Indicator's attribute of that name (as indicator_record does).
_PLAIN_FIELDS = frozenset(f.name for f in fields(Indicator)) - {"parsed", "spans", "form", "level2"}


def indicator_features(ind: Indicator, columns: Sequence[str]) -> tuple[str, ...]:
    """`columns` of `indicator_row(ind)` ("" for one it lacks), without building the whole row.

    What a model reads of an indicator (level3, value, level2, kind), once per row of a run.
    """
    if not all(c in _PLAIN_FIELDS or c in ("level2", "kind") for c in columns):
        row = indicator_row(ind)
        return tuple(row.get(c, "") for c in columns)
    out = []
    for c in columns:
        if c == "kind":
            out.append((ind.parsed or parse_value(ind.value)).kind)
        elif c == "level2":
            out.append(canonical_level2(ind.level2) or cell_text(ind.level2))
        else:
            out.append(cell_text(getattr(ind, c)))
    return tuple(out)


def model_row(values: Sequence[object], columns: Sequence[str]) -> tuple[str, ...]:
    """One row with every column of `columns` present, as `complete_columns` writes it for the model."""
    vocabulary = load_lexicon().vocabulary if "level1" in columns else None
    out = []
    for column, value in zip(columns, values, strict=True):
        if column == "level2":
            value = level2_cell(value)
        elif column == "level1" and vocabulary is not None:
            value = level1_cell(value, vocabulary)
        out.append(cell_text(value))
    return tuple(out)
