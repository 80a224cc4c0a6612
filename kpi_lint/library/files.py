"""Writing a library to 指标库.xlsx / .csv / .json and reading one back (also after edits by hand).

A table of indicator rows without concept numbers — a finance bureau's own 指标库, 一级 / 二级 / 三级指标 and
指标解释 — is read too, one concept per distinct name (kpi_lint.library.plain).

xlsx: five sheets with Chinese headers — 说明 (how to read and edit), 指标库 (one row per concept),
名称 (the names used, with counts), 指标值范围 (per unit of measure), 出处 (every row, with its
position).  CSV holds the 出处 table alone (one row per occurrence; names and ranges are recounted
when read).  JSON holds the whole structure.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from kpi_lint.library.model import Library, LibraryError
from kpi_lint.library.plain import is_plain, library_from_plain
from kpi_lint.library.records import (
    concept_frame,
    from_records,
    library_from_occurrences,
    library_from_sheets,
    name_frame,
    occurrence_frame,
    range_frame,
    to_records,
)

FORMATS = (".xlsx", ".csv", ".json")

GUIDE = (
    ("指标库", "每个概念一行：标准名称、二级指标、使用名称及次数、计量单位与指标值分布、使用单位和文件。"),
    ("名称", "每个概念使用过的名称及次数。审核时删去不认可的名称、添加认可的名称（填写概念编号）。"),
    (
        "指标值范围",
        "每个概念每种计量单位的指标值：条数、比较符、最小值、中位数、最大值及其出处。"
        "金额按元计。修改最小值、最大值即为认可的范围。",
    ),
    ("出处", "每条指标所在的文件和位置（行:列，或 页/表/行，或 工作表!单元格）。"),
    (
        "编辑后使用",
        "kpi-lint check --library 本文件：检查名称不在库中、计量单位或指标值超出范围的指标（KPI601）；"
        "kpi-lint suggest --library 本文件：只推荐库中的指标。读取时以「指标库」表的概念编号、标准名称、二级指标，"
        "「名称」表和「指标值范围」表为准；「指标库」表其余各列只是汇总。删去「指标库」表中的一行即删去该概念。",
    ),
)


def write_library(library: Library, path: Path) -> None:
    """Write by the file's suffix (.xlsx, .csv, .json); OSError when the file cannot be written."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(json.dumps(to_records(library), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif suffix == ".csv":
        # A BOM lets Excel and WPS read the Chinese text of a CSV file.
        occurrence_frame(library).to_csv(path, index=False, encoding="utf-8-sig")
    elif suffix == ".xlsx":
        _write_xlsx(library, path)
    else:
        raise LibraryError(f"{path}: 指标库文件应为 {'、'.join(FORMATS)} 之一")


def _write_xlsx(library: Library, path: Path) -> None:
    sheets = {
        "说明": pd.DataFrame(GUIDE, columns=["表", "内容"]),
        "指标库": concept_frame(library),
        "名称": name_frame(library),
        "指标值范围": range_frame(library),
        "出处": occurrence_frame(library),
    }
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            for i, column in enumerate(frame.columns, start=1):
                longest = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200))])
                # CJK characters are about two columns wide; long text columns stop at 60.
                sheet.column_dimensions[get_column_letter(i)].width = min(60, 2 * longest + 2)


def read_library(path: Path) -> Library:
    """Read a library file written by `kpi-lint library` (possibly edited); LibraryError on a bad one."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise LibraryError(f"{path}: 指标库文件不存在")
    try:
        if suffix == ".json":
            return from_records(json.loads(path.read_text(encoding="utf-8-sig")), str(path))
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            return (
                library_from_plain(frame, str(path)) if is_plain(frame) else library_from_occurrences(frame, str(path))
            )
        if suffix == ".xlsx":
            sheets = pd.read_excel(path, sheet_name=None, dtype=object, engine="openpyxl")
            plain = next((f for f in sheets.values() if is_plain(f)), None)
            if "指标库" not in sheets and plain is not None:  # a bureau's own library: one row per indicator
                return library_from_plain(plain, str(path))
            return library_from_sheets(sheets, str(path))
    except LibraryError:
        raise
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, InvalidFileException) as exc:
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise LibraryError(f"{path}: 无法读取指标库（{detail}）") from exc
    raise LibraryError(f"{path}: 指标库文件应为 {'、'.join(FORMATS)} 之一")
