"""A library as finance bureaus and budget systems keep it: one row per indicator, read as a curated library.

Their 指标库 tables have no concept numbers: a row is a concept, filed under its 一级 / 二级, with its 三级指标 name,
often a 指标解释 ("反映…情况"), sometimes a 计量单位 and a 指标值 (corpus/external holds four such sources).
`kpi-lint library` writes concept numbers and the 出处 of every use; this reader gives such a table the same shape:
each distinct name (white space aside) is one concept, its 二级 the printed one put in its canonical name
(产出数量 → 数量指标, 环境效益 → 生态效益指标; left as printed when it is none of the nine: 预算管理), each row one
use of it, placed at its row of the file (`文件:第N行`).  Headers may be the Chinese a reviewer reads or the
English keys of corpus/external.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import pandas as pd

from kpi_lint.lexicon import load_lexicon
from kpi_lint.library.build import concept_of
from kpi_lint.library.model import Library, LibraryError, Occurrence
from kpi_lint.vocab import squash

# header → field; the first header of a field found in the table is read
HEADERS: Mapping[str, tuple[str, ...]] = {
    "level1": ("一级指标", "level1"),
    "level2": ("二级指标", "level2"),
    "level3": ("三级指标", "指标名称", "三级指标名称", "level3"),
    "explanation": ("指标解释", "指标说明", "explanation"),
    "unit": ("计量单位", "度量单位", "unit"),
    "value": ("指标值", "目标值", "年度指标值", "value"),
}


def is_plain(frame: pd.DataFrame) -> bool:
    """A table of indicator rows without the concept numbers `kpi-lint library` writes."""
    return "概念编号" not in frame.columns and _column(frame, "level3") is not None


def _column(frame: pd.DataFrame, field: str) -> str | None:
    return next((h for h in HEADERS[field] if h in frame.columns), None)


def target_text(value: str, unit: str) -> str:
    """The target as a table prints it: the value with its unit, unless the value already ends with it.

    ("100%" with unit "%" stays; "3.3" with "万公里" → "3.3万公里"; 是/否 is the kind of answer, not a unit.)
    """
    value, unit = value.strip(), unit.strip()
    if not value or not unit or "/" in unit or value.endswith(unit):
        return value
    return value + unit


def _text(row: Mapping[Hashable, object], column: str | None) -> str:
    if column is None:
        return ""
    value = row.get(column)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def library_from_plain(frame: pd.DataFrame, source: str) -> Library:
    """Each distinct 三级指标 a concept, numbered in order of first use; LibraryError when no row names one."""
    vocabulary = load_lexicon().vocabulary
    columns = {field: _column(frame, field) for field in HEADERS}
    grouped: dict[str, list[Occurrence]] = {}  # by the name without white space, in order of first use
    for i, row in enumerate(frame.to_dict("records"), start=2):  # row 1 is the header
        name = _text(row, columns["level3"])
        if not name:
            continue
        printed = _text(row, columns["level2"])
        uses = grouped.setdefault(squash(name), [])
        cid = uses[0].concept if uses else len(grouped)
        value = target_text(_text(row, columns["value"]), _text(row, columns["unit"]))
        where = f"{source}:第{i}行"
        uses.append(
            Occurrence(
                concept=cid,
                level3=name,
                value=value or None,
                level2=vocabulary.canonical_level2(printed) or printed or None,
                department="",
                project="",
                period=None,
                path=source,
                location=where,
                value_location=where if value else "",
            )
        )
    if not grouped:
        raise LibraryError(f"{source}: 指标库中没有任何三级指标名称")
    return Library([concept_of(uses[0].concept, uses) for uses in grouped.values()], sources=[source])
