"""Documents → a pandas DataFrame, one row per indicator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from kpi_lint.model import Document, Indicator

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = [
    "path",
    "project",
    "form",
    "period",
    "level1",
    "level2",
    "level3",
    "value",
    "line",
    "column",
    "anchor",
    "comparator",
    "number",
    "unit",
    "kind",
    "description",
    "basis",
    "adjusted_value",
    "actual",
    "weight",
    "score",
    "deviation",
    "value_line",
    "value_column",
    "reading",
    "positions",
]


def positions(ind: Indicator) -> str:
    """Where every printed cell of the row starts: "level3=576:12 value=576:30 actual=576:45 …".

    A flat table has no room for a position per field; this keeps each one traceable in CSV
    and Parquet (JSON Lines carries them as the ``spans`` object).
    """
    return " ".join(f"{name}={loc.where}" for name, loc in ind.spans.items())


def indicator_record(ind: Indicator) -> dict[str, Any]:
    """A flat, JSON-ready dict of one indicator (the `parse --format jsonl` row)."""
    rec: dict[str, Any] = {f.name: getattr(ind, f.name) for f in fields(ind) if f.name not in ("parsed", "spans")}
    rec["form"] = ind.form.value
    rec["reading"] = ind.reading.value if ind.reading else None  # "garbled": listed, not taken as data
    parsed = ind.parsed
    rec["comparator"] = parsed.comparator if parsed else None
    rec["number"] = parsed.number if parsed else None
    rec["unit"] = parsed.unit if parsed else None
    rec["kind"] = parsed.kind if parsed else None
    rec["value_line"], rec["value_column"] = ind.span("value")
    rec["anchor"] = ind.anchor("level3")  # the page, sheet and cell, or table and row of an office file
    # [line, column] in a text file; [line, column, "页1 表1 行4 格3" / "Sheet1!C12"] in an office file.
    rec["spans"] = {k: [v.line, v.column, *([v.anchor] if v.anchor else [])] for k, v in ind.spans.items()}
    return rec


def to_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per indicator of every document, with the source line and column."""
    import pandas as pd  # only when a frame is asked for: the CLI's other paths start faster

    rows = [{**indicator_record(ind), "positions": positions(ind)} for doc in documents for ind in doc.indicators]
    return pd.DataFrame(rows, columns=COLUMNS)
