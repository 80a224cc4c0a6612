"""Training and prediction tables: parsed indicators or a reviewer's CSV → a DataFrame of strings.

Every model reads named columns.  From a parsed document the columns are the
fields of `kpi_lint.frame.indicator_record` (``level3``, ``value``, ``kind`` …)
with ``level2`` written canonically; a CSV brings its own columns, and
``kind`` is derived from ``value`` when a model needs it and the CSV has none.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kpi_lint.classify.cells import cell_text as _text
from kpi_lint.classify.cells import indicator_features as indicator_features  # re-exported for its callers
from kpi_lint.classify.cells import indicator_row as indicator_row
from kpi_lint.classify.cells import level1_cell, level2_cell
from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document, Reading
from kpi_lint.parse.values import parse_value
from kpi_lint.read.source import decode_bytes

LABEL = "label"
# The document a labelled row comes from (corpus/labels/*.csv): what a held-out split is made of.
DOC = "doc"
# How a column is called in Chinese messages (the CSV / parse record names stay English).
FIELD_NAMES = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "value": "指标值",
    "kind": "指标值类型",
    "description": "绩效指标描述",
    "basis": "指标值确定依据",
    "adjusted_value": "调整后指标值",
    "actual": "实际完成值",
    "deviation": "偏差原因分析",
    "project": "项目",
}
# Where a row came from (file, 1-based line and column), kept beside the features for reports and
# errors, never a feature.  Underscored so that a CSV's own path/line columns (a `kpi-lint parse
# --format csv` export has them) are left alone.
SOURCE, LINE, COLUMN = "_source", "_line", "_column"
LOCATION_COLUMNS = (SOURCE, LINE, COLUMN)


def documents_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per indicator taken as data, every column a string, located at its 三级指标 cell.

    A garbled table's rows (``reading: garbled``, Document.trusted_indicators) are left out: their cells may
    belong to other rows, so neither a label nor a feature read from them can be trusted.
    """
    rows = [
        {**indicator_row(ind), SOURCE: ind.path, LINE: str(ind.line), COLUMN: str(ind.column)}
        for doc in documents
        for ind in doc.trusted_indicators
    ]
    return pd.DataFrame(rows, dtype=str)


def read_csv(path: Path) -> pd.DataFrame:
    """A reviewer's CSV (UTF-8, UTF-8 with BOM or GB18030), every cell a string; InputError when unreadable."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(name, "文件不存在") from exc
    except OSError as exc:
        raise InputError(name, f"无法读取：{exc.strerror or exc}") from exc
    text, _ = decode_bytes(raw, name)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(name, f"不是有效的 CSV：{first}") from exc
    if frame.empty:
        raise InputError(name, "CSV 没有数据行")
    frame.columns = [str(c).strip() for c in frame.columns]
    # Data row i is line i + 2 of the file: the header is line 1 (cells spanning lines are rare here).
    frame[SOURCE] = name
    frame[LINE] = [str(i + 2) for i in range(len(frame))]
    frame[COLUMN] = "1"
    return trusted_rows(frame)


# The `reading` keys of a row listed but not taken as data (kpi_lint.model.Reading: a garbled table's row).
UNTRUSTED_READINGS = frozenset(r.value for r in Reading)


def trusted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows taken as data: a table with a ``reading`` column (a `kpi-lint parse` export, or labels that keep it)
    leaves out the rows it marks (``garbled``), as documents_frame does for a parsed document. Lines stay those of
    the file."""
    if "reading" not in frame.columns:
        return frame
    keep = ~frame["reading"].str.strip().isin(UNTRUSTED_READINGS)
    return frame[keep].reset_index(drop=True)


def complete_columns(frame: pd.DataFrame, needed: Sequence[str], source: str) -> pd.DataFrame:
    """`frame` with every `needed` column, deriving ``kind`` from ``value``; InputError naming a missing one."""
    out = frame.copy()
    if "kind" in needed and "kind" not in out.columns and "value" in out.columns:
        out["kind"] = [parse_value(v).kind for v in out["value"]]
    if "level2" in out.columns:
        out["level2"] = [level2_cell(v) for v in out["level2"]]
    if "level1" in needed:
        vocab = load_lexicon().vocabulary
        if "level1" in out.columns:  # canonical like the parser's (项目效益 → 效益指标)
            out["level1"] = [level1_cell(v, vocab) for v in out["level1"]]
        elif "level2" in out.columns:  # a table without 一级: the printed 二级's parent
            out["level1"] = [vocab.parent_of(v) or "" for v in out["level2"]]
    missing = [c for c in needed if c not in out.columns]
    if missing:
        have = "、".join(c for c in out.columns if c not in LOCATION_COLUMNS)
        raise InputError(source, f"缺少列 {'、'.join(missing)}（现有列：{have}）")
    for col in needed:
        out[col] = [_text(v) for v in out[col]]
    return out


def load_table(paths: Sequence[Path], needed: Sequence[str]) -> tuple[pd.DataFrame, list[str]]:
    """CSV files and disclosures (files or folders, parsed) → one table; returns it and the sources read.

    Disclosures that cannot be parsed raise InputError: a model must not be
    trained silently on part of what the reviewer pointed at.
    """
    from kpi_lint.parse import parse
    from kpi_lint.read import iter_input_files

    frames: list[pd.DataFrame] = []
    sources: list[str] = []
    disclosures: list[Path] = []
    for path in paths:
        if path.suffix.lower() == ".csv":
            frames.append(complete_columns(read_csv(path), needed, str(path)))
            sources.append(str(path))
        else:
            for item in iter_input_files([path]):
                if isinstance(item, InputError):
                    raise item
                if isinstance(item, Path):
                    disclosures.append(item)
    if disclosures:
        docs = [parse(p) for p in disclosures]
        frames.append(complete_columns(documents_frame(docs), needed, str(disclosures[0].parent)))
        sources.extend(str(p) for p in disclosures)
    if not frames:
        raise InputError("--data", "没有给出训练数据")
    return pd.concat(frames, ignore_index=True), sources


@dataclass
class TrainingSet:
    """Deduplicated feature rows and their labels, in a fixed order."""

    features: pd.DataFrame
    labels: list[str]
    sources: list[str] = field(default_factory=list)
    dropped: int = 0  # rows without a label or without text
    docs: list[str] = field(default_factory=list)  # each row's document, when the data names it
    # The 二级指标 each row was filed under, when the data says (categories.csv ``level2``): not a feature, not in
    # the hash nor in the deduplication key (a row kept once keeps the first such 二级); what KPI404 is calibrated on.
    filed: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        """Hash of exactly what the model is fitted on (columns, rows, order, labels, documents)."""
        digest = hashlib.sha256()
        header = [*self.features.columns, LABEL, *([DOC] if self.docs else [])]
        digest.update(("\t".join(header) + "\n").encode("utf-8"))
        docs: list[str | None] = list(self.docs) if self.docs else [None] * len(self.labels)
        for values, label, doc in zip(self.features.itertuples(index=False), self.labels, docs, strict=True):
            cells = [*map(str, values), label, *([doc] if doc is not None else [])]
            digest.update(("\t".join(cells) + "\n").encode("utf-8"))
        return digest.hexdigest()

    def counts(self) -> dict[str, int]:
        return {label: self.labels.count(label) for label in sorted(set(self.labels))}

    def subset(self, rows: Sequence[int]) -> TrainingSet:
        """The given rows (in that order), with their documents."""
        return TrainingSet(
            self.features.iloc[list(rows)].reset_index(drop=True),
            [self.labels[i] for i in rows],
            self.sources,
            self.dropped,
            [self.docs[i] for i in rows] if self.docs else [],
            [self.filed[i] for i in rows] if self.filed else [],
        )


def training_set(
    table: pd.DataFrame,
    columns: Sequence[str],
    text_columns: Sequence[str],
    labels: Sequence[str],
    sources: Sequence[str] = (),
    docs: Sequence[str] | None = None,
    filed: Sequence[str] | None = None,
) -> TrainingSet:
    """Rows with a label and some text, exact duplicates (features and label) kept once.

    A 申报表 prints most indicators twice (实施期 and 年度); keeping both would
    weight those projects double and put the same row on both sides of a
    cross-validation split.  When `docs` names each row's document, duplicates
    are dropped within a document only: the same text in two documents is two
    observations, and each must stay on its own document's side of a split.
    """
    seen: set[tuple[str, ...]] = set()
    rows: list[list[str]] = []
    kept: list[str] = []
    kept_docs: list[str] = []
    dropped = 0
    text_idx = [list(columns).index(c) for c in text_columns]
    row_docs = [_text(d) for d in docs] if docs is not None else [""] * len(labels)
    row_filed = [_text(f) for f in filed] if filed is not None else [""] * len(labels)
    kept_filed: list[str] = []
    rows_in = zip(table[list(columns)].itertuples(index=False), labels, row_docs, row_filed, strict=True)
    for values, label, doc, filed_as in rows_in:
        cells = [_text(v) for v in values]
        if not label or not any(cells[i] for i in text_idx):
            dropped += 1
            continue
        key = (*cells, label, doc)
        if key in seen:
            continue
        seen.add(key)
        rows.append(cells)
        kept.append(label)
        kept_docs.append(doc)
        kept_filed.append(filed_as)
    frame = pd.DataFrame(rows, columns=list(columns), dtype=str)
    return TrainingSet(
        frame,
        kept,
        list(sources),
        dropped,
        kept_docs if docs is not None else [],
        kept_filed if filed is not None else [],
    )
