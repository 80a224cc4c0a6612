"""A wild table pasted line by line into a ruled Word table and printed to PDF by LibreOffice reads to
its hand-checked rows (bench/copy_habits.py grid_pdf).

The printed columns are narrow: a cell's text wraps at the cell's edge, mid-word ("目标" ⏎ "值 完" ⏎
"成值", "130.5" ⏎ "4") or at the space between two words ("指标值" ⏎ "完成值"), and a line may not begin
with a closing sign ("收" ⏎ "入。").  The wrapped lines are one text, not lines the writer ended.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.copies import grid_as_docx, grid_rows
from tests.wild.rows import Key, expected_rows, parsed_rows, score

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

CASES: list[tuple[str, Key]] = [
    # header "绩效 | 实际" ⏎ "目标值 完成值" printed "目标" ⏎ "值 完" ⏎ "成值": no target was read
    ("e03_fujian_earthquake_dept_selfeval", ("", "数量指标", "抽查全市地震监测台站运维情况个数", "9个")),
    # "指标值 完成值" printed "指标值" ⏎ "完成值", wrapped at the space
    ("f12_anhui_relics_selfeval", ("", "数量指标", "修缮建筑面积", "6000平方米")),
]


def _printed(stem: str, tmp: Path) -> Path:
    (text,) = WILD.glob(f"{stem}.txt")
    rows = grid_rows(text.read_text(encoding="utf-8"))
    assert rows is not None
    source = tmp / f"{stem}.docx"
    source.write_bytes(grid_as_docx(rows))
    profile = f"-env:UserInstallation={(tmp / 'profile').as_uri()}"  # its own profile: runs side by side
    subprocess.run(
        [str(SOFFICE), profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp / f"{stem}.pdf"


@pytest.mark.parametrize(("stem", "row"), CASES, ids=[c[0][:3] for c in CASES])
def test_a_wild_table_printed_in_narrow_columns_reads_its_rows(stem: str, row: Key) -> None:
    with tempfile.TemporaryDirectory(prefix="printed-grid-") as tmp:
        doc = parse(_printed(stem, Path(tmp)))
    rows = parsed_rows(doc)
    assert row in rows
    assert score(rows, expected_rows(WILD / "expected" / f"{stem}.csv")).f1 == 1.0
