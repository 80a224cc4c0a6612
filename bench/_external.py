"""The external indicator data (corpus/external/*.csv, SOURCES.md) for the benchmark scripts and the tests.

Each CSV is one public source: a library or a filled table, its rows filed under the source's own 一级 / 二级
(`level1`, `level2`, as printed).  `external_rows()` reads them all, adds the source's key and the filing mapped to
the nine 二级 (`library_label`, "" when the printed 二级 is none of them: 预算管理, 财务管理), and `checked_sample()`
the 160 hand-checked rows (`label`, `verdict`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.lexicon import load_lexicon  # noqa: E402
from kpi_lint.library.plain import target_text  # noqa: E402

EXTERNAL = ROOT / "corpus" / "external"
SAMPLE = EXTERNAL / "sample_checked.csv"
# What a source row holds (SOURCES.md); every column is text, "" when the source gives nothing.
COLUMNS = (
    "source",
    "file",
    "row",
    "level1",
    "level2",
    "level3",
    "explanation",
    "unit",
    "value",
    "scoring",
    "overlap",
    "note",
)


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name}: 缺少列 {'、'.join(missing)}")
    return frame


def source_files(directory: Path = EXTERNAL) -> list[Path]:
    """The sources' CSV files (the hand-checked sample is not a source)."""
    return sorted(p for p in directory.glob("*.csv") if p != SAMPLE and p.name != SAMPLE.name)


def external_rows(directory: Path = EXTERNAL) -> pd.DataFrame:
    """Every row of every source, with `source_key` (the file's stem) and `library_label` (the filing, canonical)."""
    vocabulary = load_lexicon().vocabulary
    frames = []
    for path in source_files(directory):
        frame = _read(path)
        frame.insert(0, "source_key", path.stem)
        frame["library_label"] = [vocabulary.canonical_level2(v) or "" for v in frame["level2"]]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def checked_sample(path: Path = SAMPLE) -> pd.DataFrame:
    """The hand-checked sample: the source's filing (`library_label`), the `verdict` and the hand `label`."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def value_text(row: pd.Series) -> str:
    """The row's target as a table prints it, value and unit (kpi_lint.library.plain.target_text)."""
    return target_text(str(row["value"]), str(row["unit"]))
