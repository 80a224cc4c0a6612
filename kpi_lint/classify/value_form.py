"""The form of a 指标值 as a reviewer reads it: what its unit counts, whether a time is a deadline or a span, and
which way the comparator points.  One 0/1 column per form.

The value's kind (count / percent / money / date …, kpi_lint.parse.values) lumps together what a reviewer keeps apart
when deciding the 二级指标:

- a count of people (人, 户), of events (次, 场, 期), of things (个, 项, 台) or of land (亩, 公里): all 数量 as
  outputs, but people served lean to 社会效益, land and tonnes to 生态效益 (``lexicons/category_unit_groups.txt``);
- a time is a calendar point (``2023年12月``, ``6月底前``, ``9月-12月``: a deadline, 时效), a span of days
  (``=365天``, ``≤15个工作日``: a number of days open, or a service time limit) or a span of months or years
  (``≥20年``: how long something lasts, 可持续影响);
- the comparator says whether the figure is a floor (``≥``: an output, a rate, an effect) or a ceiling (``≤``: a
  cost, a time limit, a rate of something bad).

The unit groups are a constructor parameter copied into the model at training (as the cue words of
classify/cues.py), so a model file means the same whatever the reader's lexicon says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from kpi_lint.parse.values import parse_value

UnitGroups = list[list[Any]]  # [[group, [unit, …]], …]: JSON-like, so skops stores it as plain data

# A calendar point: a year written out, a month with its day or end, a year's or quarter's end, a month range.
_CALENDAR = re.compile(
    r"(?:19|20)\d{2}\s*[年.\-/]|\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]|底|末|前|份|中旬|上旬|下旬)"
    r"|[年月]底|[年月]末|季度末|\d{1,2}\s*(?:月\s*)?[-~至到—]+\s*\d{1,2}\s*月|上半年|下半年"
)
_DAY_SPAN = re.compile(r"\d+(?:\.\d+)?\s*(?:个)?(?:天|日|工作日|小时)(?!前)")
_LONG_SPAN = re.compile(r"(?<![\d.])(?:\d{1,2}|[一二三四五六七八九十两]+)\s*(?:个)?(?:年|月)(?![\d底末前份])")
# Time units that open with a counting word (个工作日, 个月): a span, never a count of things.
_TIME_UNITS = ("个工作日", "个月", "个小时", "个季度")
SHAPES = ("calendar", "day_span", "long_span", "floor", "ceiling")


def unit_groups(groups: Mapping[str, Iterable[str]]) -> UnitGroups:
    """The lexicon's ``group: unit unit …`` lists as model data, in file order."""
    return [[name, [u for u in units if u]] for name, units in groups.items()]


def value_form(text: str, groups: UnitGroups) -> list[float]:
    """The 0/1 form columns of one printed 指标值: one per unit group, then SHAPES."""
    parsed = parse_value(text)
    unit = (parsed.unit or "") if parsed.number is not None else ""
    if unit.startswith(_TIME_UNITS):
        unit = ""
    row = [float(bool(unit) and any(unit.startswith(str(u)) for u in units)) for _, units in groups]
    calendar = bool(_CALENDAR.search(text))
    row.append(float(calendar))
    row.append(float(not calendar and bool(_DAY_SPAN.search(text))))
    row.append(float(not calendar and bool(_LONG_SPAN.search(text))))
    row.append(float(parsed.comparator in (">", "≥")))
    row.append(float(parsed.comparator in ("<", "≤")))
    return row


class ValueForm(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """The value column → one 0/1 column per unit group and per shape (SHAPES); stateless."""

    def __init__(self, groups: UnitGroups | None = None) -> None:
        self.groups = groups

    def fit(self, X: Any, y: Any = None) -> ValueForm:
        return self

    def transform(self, X: Any) -> sparse.csr_matrix:
        values = X.iloc[:, 0] if hasattr(X, "iloc") and X.ndim == 2 else X
        groups = self.groups or []
        rows = [value_form(str(v), groups) for v in values]
        width = len(groups) + len(SHAPES)
        return sparse.csr_matrix(np.asarray(rows, dtype=float).reshape(len(rows), width))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        names = [f"unit:{name}" for name, _ in (self.groups or [])] + [f"form:{s}" for s in SHAPES]
        return np.asarray(names, dtype=object)
