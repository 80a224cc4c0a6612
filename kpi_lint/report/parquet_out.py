"""`--output-format parquet -o DIR`: findings as a Parquet dataset partitioned by rule code.

The same FIELDS as CSV and JSON (input problems as KPI000 rows), one folder per code
(``DIR/code=KPI101/…parquet``), so that a national run is read back one rule at a time —
``pandas.read_parquet(DIR, filters=[("code", "=", "KPI105")])`` — or whole.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from kpi_lint.model import ParseProblem
from kpi_lint.report import FIELDS, finding_record, problem_record
from kpi_lint.rules.base import Finding

PARTITION = "code"


def write_parquet(folder: Path, findings: Sequence[Finding], problems: Sequence[ParseProblem] = ()) -> int:
    """Write the dataset into `folder` (replacing an earlier one there); returns the rows written."""
    import pandas as pd  # here, not at the top: `kpi-lint check --help` must not load pandas

    rows = [finding_record(f) for f in findings] + [problem_record(p) for p in problems]
    frame = pd.DataFrame(rows, columns=list(FIELDS))
    for column in ("line", "column"):
        frame[column] = frame[column].astype("int64")
    _clear(folder)
    if frame.empty:
        folder.mkdir(parents=True, exist_ok=True)
        frame.to_parquet(folder / "empty.parquet", index=False)
        return 0
    frame.to_parquet(folder, partition_cols=[PARTITION], index=False)
    return len(frame)


def _clear(folder: Path) -> None:
    """Remove the partitions of an earlier run (they would be read with this one); nothing else."""
    if not folder.is_dir():
        return
    for part in folder.glob(f"{PARTITION}=*"):
        if part.is_dir():
            shutil.rmtree(part)
    (folder / "empty.parquet").unlink(missing_ok=True)
