"""Library ↔ plain records (the JSON form) and ↔ tables with Chinese headers (the xlsx and CSV forms).

The same column names are written and read, so a library written by `kpi-lint library` and
edited by hand in Excel/WPS reads back: the 标准名称 and 二级指标 of the 指标库 sheet, the rows
of the 名称 sheet and the 最小值/最大值 of the 指标值范围 sheet are what a reviewer curates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from kpi_lint.classify.cells import cell_text as _cell  # a cell as read back: the models' reading
from kpi_lint.library.build import concept_of
from kpi_lint.library.model import Concept, Library, LibraryError, NameUse, Occurrence, ValueRange

FORMAT = "kpi-lint-library"
VERSION = 1


# ---- JSON records ---------------------------------------------------------------------------------------
def to_records(library: Library) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "sources": library.sources,
        "concepts": [asdict(c) for c in library.concepts],
    }


def from_records(data: Mapping[str, Any], source: str = "指标库") -> Library:
    """The JSON form back into a Library (hand-written: only id, name and names are required)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("concepts"), list):
        raise LibraryError(f"{source}: 不是 kpi-lint 指标库（缺少 concepts 列表）")
    concepts = []
    for i, raw in enumerate(data["concepts"], start=1):
        try:
            concepts.append(_concept(raw))
        except (KeyError, TypeError, ValueError) as exc:
            raise LibraryError(f"{source}: 第 {i} 个概念无法读取（{type(exc).__name__}: {exc}）") from exc
    return Library(concepts, sources=[str(s) for s in data.get("sources", [])])


def _concept(raw: Mapping[str, Any]) -> Concept:
    cid = int(raw["id"])
    names = [NameUse(str(n["name"]), int(n.get("count", 0)), str(n.get("example", ""))) for n in raw.get("names", [])]
    if not names:
        names = [NameUse(str(raw["name"]), 0)]
    ranges = [
        ValueRange(
            unit=str(r.get("unit", "")),
            count=int(r.get("count", 0)),
            low=float(r["low"]),
            median=float(r.get("median", (float(r["low"]) + float(r["high"])) / 2)),
            high=float(r["high"]),
            comparators={str(k): int(v) for k, v in (r.get("comparators") or {}).items()},
            low_at=str(r.get("low_at", "")),
            high_at=str(r.get("high_at", "")),
        )
        for r in raw.get("ranges", [])
    ]
    occurrences = [Occurrence(**{**o, "concept": cid}) for o in raw.get("occurrences", [])]
    return Concept(
        id=cid,
        name=str(raw["name"]),
        level2=raw.get("level2"),
        names=names,
        ranges=ranges,
        level2_counts=dict(raw.get("level2_counts") or {}),
        kinds=dict(raw.get("kinds") or {}),
        departments=dict(raw.get("departments") or {}),
        documents=dict(raw.get("documents") or {}),
        occurrences=occurrences,
    )


# ---- tables ---------------------------------------------------------------------------------------------
CONCEPT_COLUMNS = (
    "概念编号",
    "标准名称",
    "二级指标",
    "使用名称",
    "计量单位",
    "指标值分布",
    "使用单位数",
    "使用单位",
    "文件数",
    "出现次数",
    "二级指标分布",
    "指标值类型",
    "示例位置",
)
NAME_COLUMNS = ("概念编号", "标准名称", "名称", "次数", "示例位置")
RANGE_COLUMNS = (
    "概念编号",
    "标准名称",
    "计量单位",
    "条数",
    "比较符",
    "最小值",
    "中位数",
    "最大值",
    "最小值位置",
    "最大值位置",
)
OCCURRENCE_COLUMNS = (
    "概念编号",
    "标准名称",
    "概念二级指标",
    "三级指标",
    "指标值",
    "填报二级指标",
    "单位",
    "项目",
    "期间",
    "文件",
    "位置",
    "指标值位置",
)
_OCCURRENCE_FIELDS = (
    "level3",
    "value",
    "level2",
    "department",
    "project",
    "period",
    "path",
    "location",
    "value_location",
)
KIND_NAMES = {
    "percent": "百分比",
    "count": "数量",
    "money": "金额",
    "number": "数值",
    "date": "日期",
    "qualitative": "定性",
    "empty": "空",
}
NO_UNIT = "无单位"
_KIND_KEYS = {v: k for k, v in KIND_NAMES.items()}


def _joined(counts: Mapping[str, int]) -> str:
    return "、".join(f"{k}×{v}" for k, v in counts.items())


def _split_counts(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in text.split("、"):
        key, sep, count = part.rpartition("×")
        if sep and key:
            out[key] = int(count) if count.isdigit() else 0
    return out


def describe_range(r: ValueRange) -> str:
    """'%：80–99（中位 95，12 条）'"""
    return f"{r.unit or NO_UNIT}：{r.low:g}–{r.high:g}（中位 {r.median:g}，{r.count} 条）"


def concept_frame(library: Library) -> pd.DataFrame:
    rows = [
        {
            "概念编号": c.id,
            "标准名称": c.name,
            "二级指标": c.level2 or "",
            "使用名称": _joined({n.name: n.count for n in c.names}),
            "计量单位": "、".join(r.unit or NO_UNIT for r in c.ranges),
            "指标值分布": "；".join(describe_range(r) for r in c.ranges),
            "使用单位数": len(c.departments),
            "使用单位": _joined(c.departments),
            "文件数": len(c.documents),
            "出现次数": c.rows,
            "二级指标分布": _joined(c.level2_counts),
            "指标值类型": _joined({KIND_NAMES.get(k, k): v for k, v in c.kinds.items()}),
            "示例位置": c.names[0].example if c.names else "",
        }
        for c in library.concepts
    ]
    return pd.DataFrame(rows, columns=list(CONCEPT_COLUMNS))


def name_frame(library: Library) -> pd.DataFrame:
    rows = [
        {"概念编号": c.id, "标准名称": c.name, "名称": n.name, "次数": n.count, "示例位置": n.example}
        for c in library.concepts
        for n in c.names
    ]
    return pd.DataFrame(rows, columns=list(NAME_COLUMNS))


def range_frame(library: Library) -> pd.DataFrame:
    rows = [
        {
            "概念编号": c.id,
            "标准名称": c.name,
            "计量单位": r.unit or NO_UNIT,
            "条数": r.count,
            "比较符": _joined(r.comparators),
            "最小值": r.low,
            "中位数": r.median,
            "最大值": r.high,
            "最小值位置": r.low_at,
            "最大值位置": r.high_at,
        }
        for c in library.concepts
        for r in c.ranges
    ]
    return pd.DataFrame(rows, columns=list(RANGE_COLUMNS))


def occurrence_frame(library: Library) -> pd.DataFrame:
    rows = [
        {
            "概念编号": c.id,
            "标准名称": c.name,
            "概念二级指标": c.level2 or "",
            **dict(zip(OCCURRENCE_COLUMNS[3:], (getattr(o, f) or "" for f in _OCCURRENCE_FIELDS), strict=True)),
        }
        for c in library.concepts
        for o in c.occurrences
    ]
    return pd.DataFrame(rows, columns=list(OCCURRENCE_COLUMNS))


# ---- tables back into a library -------------------------------------------------------------------------
def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise LibraryError(f"{what}缺少列：{'、'.join(missing)}")


def _int(value: Any, what: str) -> int:
    text = _cell(value)
    try:
        return int(float(text))
    except ValueError:
        raise LibraryError(f"{what}：“{text}”不是整数") from None


def _float(value: Any, what: str) -> float:
    text = _cell(value).replace(",", "")
    try:
        return float(text)
    except ValueError:
        raise LibraryError(f"{what}：“{text}”不是数字") from None


def occurrences_from(frame: pd.DataFrame, what: str) -> dict[int, list[Occurrence]]:
    _require(frame, ("概念编号", "三级指标"), what)
    out: dict[int, list[Occurrence]] = {}
    for i, row in enumerate(frame.to_dict("records"), start=2):
        if not _cell(row.get("概念编号")) and not _cell(row.get("三级指标")):
            continue  # a blank line left by an edit
        cid = _int(row.get("概念编号"), f"{what}第 {i} 行 概念编号")
        values = {f: _cell(row.get(col)) for f, col in zip(_OCCURRENCE_FIELDS, OCCURRENCE_COLUMNS[3:], strict=True)}
        out.setdefault(cid, []).append(
            Occurrence(
                concept=cid,
                level3=values["level3"],
                value=values["value"] or None,
                level2=values["level2"] or None,
                department=values["department"],
                project=values["project"],
                period=values["period"] or None,
                path=values["path"],
                location=values["location"],
                value_location=values["value_location"],
            )
        )
    return out


def library_from_occurrences(frame: pd.DataFrame, source: str) -> Library:
    """The CSV form: one row per occurrence; names and ranges are recounted from the rows kept."""
    grouped = occurrences_from(frame, f"{source}: ")
    concepts = []
    for cid, occurrences in grouped.items():
        concept = concept_of(cid, occurrences)
        first = frame[frame["概念编号"].map(_cell) == str(cid)].iloc[0]
        concept.name = _cell(first.get("标准名称")) or concept.name
        concept.level2 = _cell(first.get("概念二级指标")) or concept.level2
        concepts.append(concept)
    return Library(concepts, sources=sorted({o.path for c in concepts for o in c.occurrences}))


def library_from_sheets(sheets: Mapping[str, pd.DataFrame], source: str) -> Library:
    """The xlsx form: the 指标库, 名称 and 指标值范围 sheets (出处 optional)."""
    for sheet in ("指标库", "名称", "指标值范围"):
        if sheet not in sheets:
            raise LibraryError(f"{source}: 缺少「{sheet}」表")
    concepts_sheet, names_sheet, ranges_sheet = sheets["指标库"], sheets["名称"], sheets["指标值范围"]
    _require(concepts_sheet, ("概念编号", "标准名称", "二级指标"), f"{source}「指标库」表")
    _require(names_sheet, ("概念编号", "名称"), f"{source}「名称」表")
    _require(ranges_sheet, ("概念编号", "计量单位", "最小值", "最大值"), f"{source}「指标值范围」表")
    names: dict[int, list[NameUse]] = {}
    for i, row in enumerate(names_sheet.to_dict("records"), start=2):
        if not _cell(row.get("名称")):
            continue
        cid = _int(row.get("概念编号"), f"{source}「名称」表第 {i} 行 概念编号")
        count = _int(row.get("次数"), f"{source}「名称」表第 {i} 行 次数") if _cell(row.get("次数")) else 0
        names.setdefault(cid, []).append(NameUse(_cell(row.get("名称")), count, _cell(row.get("示例位置"))))
    ranges: dict[int, list[ValueRange]] = {}
    for i, row in enumerate(ranges_sheet.to_dict("records"), start=2):
        if not _cell(row.get("概念编号")):
            continue
        what = f"{source}「指标值范围」表第 {i} 行"
        cid = _int(row.get("概念编号"), f"{what} 概念编号")
        low, high = _float(row.get("最小值"), f"{what} 最小值"), _float(row.get("最大值"), f"{what} 最大值")
        if low > high:
            raise LibraryError(f"{what}：最小值 {low:g} 大于最大值 {high:g}")
        median = _float(row.get("中位数"), f"{what} 中位数") if _cell(row.get("中位数")) else (low + high) / 2
        unit = _cell(row.get("计量单位"))
        ranges.setdefault(cid, []).append(
            ValueRange(
                unit="" if unit == NO_UNIT else unit,
                count=_int(row.get("条数"), f"{what} 条数") if _cell(row.get("条数")) else 0,
                low=low,
                median=median,
                high=high,
                comparators=_split_counts(_cell(row.get("比较符"))),
                low_at=_cell(row.get("最小值位置")),
                high_at=_cell(row.get("最大值位置")),
            )
        )
    occurrences = occurrences_from(sheets["出处"], f"{source}「出处」表") if "出处" in sheets else {}
    concepts = []
    for i, row in enumerate(concepts_sheet.to_dict("records"), start=2):
        if not _cell(row.get("概念编号")):
            continue
        cid = _int(row.get("概念编号"), f"{source}「指标库」表第 {i} 行 概念编号")
        name = _cell(row.get("标准名称"))
        if not name:
            raise LibraryError(f"{source}「指标库」表第 {i} 行：标准名称为空")
        uses = names.get(cid) or [NameUse(name, 0)]
        if name not in {n.name for n in uses}:
            uses = [NameUse(name, 0), *uses]  # a canonical name typed in by hand is a name of the concept too
        kept = occurrences.get(cid, [])
        concepts.append(
            Concept(
                id=cid,
                name=name,
                level2=_cell(row.get("二级指标")) or None,
                names=uses,
                ranges=ranges.get(cid, []),
                level2_counts=_split_counts(_cell(row.get("二级指标分布"))),
                kinds={_KIND_KEYS.get(k, k): v for k, v in _split_counts(_cell(row.get("指标值类型"))).items()},
                departments=_split_counts(_cell(row.get("使用单位"))),
                documents=dict(_count_paths(kept)),
                occurrences=kept,
            )
        )
    return Library(concepts, sources=sorted({o.path for c in concepts for o in c.occurrences}))


def _count_paths(occurrences: Sequence[Occurrence]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in occurrences:
        counts[o.path] = counts.get(o.path, 0) + 1
    return counts
