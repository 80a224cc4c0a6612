"""The external indicator data (corpus/external/*.csv, SOURCES.md) for the benchmark scripts and the tests.

One implementation, in the package (kpi_lint.classify.external, also behind the category card's external test);
this module binds it to the repository's corpus/external: `external_rows()` every source row with `source_key` and
`library_label`, `checked_sample()` the 160 hand-checked rows (`label`, `verdict`), `value_text(row)`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.classify import external  # noqa: E402
from kpi_lint.classify.external import COLUMNS, SAMPLE_NAME, value_text  # noqa: E402

EXTERNAL = ROOT / "corpus" / "external"
SAMPLE = EXTERNAL / SAMPLE_NAME
__all__ = ["COLUMNS", "EXTERNAL", "SAMPLE", "checked_sample", "external_rows", "source_files", "value_text"]


def source_files(directory: Path = EXTERNAL) -> list[Path]:
    return external.source_files(directory)


def external_rows(directory: Path = EXTERNAL) -> pd.DataFrame:
    return external.external_rows(directory)


def checked_sample(path: Path = SAMPLE) -> pd.DataFrame:
    return external.checked_sample(path)
