"""A table saved as CSV reads as the table it was.

Two sources, both real producers: each office fixture workbook saved as CSV by LibreOffice Calc
(`build_fixtures.py`; a CSV holds the first sheet only, its merged cells' text in their first cell),
and real wild tables written out with the csv module as Excel writes them (every row padded to the
table's width, a field holding a comma quoted).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import Layout
from kpi_lint.parse import parse
from kpi_lint.read.files import Skipped, iter_input_files
from tests.wild.copies import as_excel_csv
from tests.wild.rows import expected_rows, parsed_rows

OFFICE = Path(__file__).resolve().parent.parent / "fixtures" / "office"
WILD = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild"
FORMS = ("declaration", "target", "selfeval", "approval", "dept", "regional", "cost101")


def _first_sheet_rows(workbook: Path) -> list[tuple[str, str, str, str]]:
    doc = parse(workbook)
    first = doc.indicators[0].spans["level3"].anchor or ""
    sheet = first.split("!")[0]
    kept = [i for i in doc.indicators if (i.spans["level3"].anchor or "").split("!")[0] == sheet]
    doc.projects = [p for p in doc.projects if any(i in kept for i in p.indicators)]
    return parsed_rows(doc)


@pytest.mark.parametrize("form", FORMS)
def test_a_workbook_saved_as_csv_reads_the_rows_of_its_first_sheet(form: str) -> None:
    doc = parse(OFFICE / f"{form}.xlsx.csv")
    assert doc.layout is Layout.TEXT
    assert parsed_rows(doc) == _first_sheet_rows(OFFICE / f"{form}.xlsx")
    if form != "selfeval":  # the one workbook with a second sheet (a second project)
        assert parsed_rows(doc) == expected_rows(OFFICE / f"{form}.expected.csv")


def test_a_csv_value_is_placed_at_its_printed_line_and_column() -> None:
    path = OFFICE / "selfeval.xlsx.csv"
    printed = path.read_text(encoding="utf-8").split("\n")
    first = parse(path).indicators[0]
    for field in ("level3", "value", "actual"):
        line, column = first.span(field)
        assert printed[line - 1][column - 1 :].startswith(str(getattr(first, field)))
    assert (first.level3, first.value, first.actual) == ("宣传资料印刷份数", "≥2万份", "0.71万份")


@pytest.mark.parametrize(
    "stem",
    [
        "n02_hubei_housing_selfeval",  # targets holding a comma: "完成1部宣传片,2套方案", quoted
        "b05_sichuan_township_application",  # amounts with thousands commas: "8,827,620.53", quoted
        "c08_ningxia_forestry_declaration",
    ],
)
def test_a_real_table_saved_as_csv_reads_its_hand_checked_rows(stem: str, tmp_path: Path) -> None:
    path = tmp_path / f"{stem}.csv"
    path.write_bytes(as_excel_csv((WILD / f"{stem}.txt").read_text(encoding="utf-8")).encode("utf-8-sig"))
    assert parsed_rows(parse(path)) == parsed_rows(parse(WILD / f"{stem}.txt"))
    assert sorted(parsed_rows(parse(path))) == sorted(expected_rows(WILD / "expected" / f"{stem}.csv"))


def test_csv_files_in_a_folder_are_named_not_read(tmp_path: Path) -> None:
    """Inside a folder a .csv is more often kpi-lint's own output or a list than a disclosure: it is
    named as skipped; named on the command line it is read."""
    (tmp_path / "findings.csv").write_text("file,line,code\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    found = list(iter_input_files([tmp_path]))
    assert found == [tmp_path / "a.txt", Skipped(str(tmp_path / "findings.csv"))]
    assert list(iter_input_files([tmp_path / "findings.csv"])) == [tmp_path / "findings.csv"]
