"""`kpi-lint parse --format json`: whole documents, every extracted value with its line and column.

The per-indicator formats (jsonl, csv, parquet) cannot hold what belongs to a
project or a document — funds, 总体目标, 执行率, 总分, the narrative's figures,
the declared project count.  This format keeps the model as it is: each printed
value is an object ``{"text", "line", "column"}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from enum import Enum
from typing import Any

from kpi_lint.model import Document


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def document_record(doc: Document) -> dict[str, Any]:
    """The document as JSON-ready data (dataclass fields, enums as their printed names)."""
    record: dict[str, Any] = _plain(asdict(doc))
    record["name"] = doc.name
    for project, out in zip(doc.projects, record["projects"], strict=True):
        out["unscored"] = _plain(project.unscored)  # why the project gets no score (model.Unscored), or None
    return record


def render_documents(documents: Iterable[Document]) -> str:
    return json.dumps([document_record(d) for d in documents], ensure_ascii=False, indent=1) + "\n"
