"""A finding that stands for a document-wide pattern carries its count and places in every format.

003 repeats the 三级指标 as its 绩效指标描述 on 85 rows of 11 projects: KPI302 reports that once,
with `Finding.occurrences` holding the (line, column) of each repeated description. Text, JSON,
CSV, SARIF, the workbook and the review page all show how many places and which.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from tests.corpus import corpus_path

FIRST, LAST, COUNT = (1678, 2), (2460, 2), 85


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # config discovery must not find the repository's


def check(*args: str) -> Result:
    result = CliRunner().invoke(
        app, ["check", str(corpus_path("003")), "--select", "KPI302", "--fail-on", "never", *args]
    )
    assert result.exit_code == 0, result.stderr
    return result


def test_text_says_how_many_places_and_where() -> None:
    lines = check().stdout.splitlines()
    shown = next(line.strip() for line in lines if line.strip().startswith("出现:"))
    assert shown.startswith(f"出现: {COUNT} 处 — 1678:2; 1685:2;")
    assert shown.endswith("2460:2")


def test_json_carries_count_and_places() -> None:
    (record,) = json.loads(check("--output-format", "json").stdout)
    assert record["count"] == COUNT
    assert record["occurrences"][0] == {"line": FIRST[0], "column": FIRST[1]}
    assert record["occurrences"][-1] == {"line": LAST[0], "column": LAST[1]}
    assert (record["line"], record["column"]) == FIRST


def test_json_one_place_finding_counts_one() -> None:
    result = CliRunner().invoke(
        app, ["check", str(corpus_path("003")), "--select", "KPI103", "--output-format", "json", "--fail-on", "never"]
    )
    records = json.loads(result.stdout)
    assert records and all(r["count"] == 1 and r["occurrences"] == [] for r in records)


def test_csv_carries_count_and_places_in_english_and_chinese() -> None:
    (row,) = csv.DictReader(io.StringIO(check("--output-format", "csv").stdout))
    assert row["count"] == str(COUNT)
    places = row["occurrences"].split("; ")
    assert len(places) == COUNT and places[0] == "1678:2" and places[-1] == "2460:2"
    (zh,) = csv.DictReader(io.StringIO(check("--output-format", "csv", "--header", "zh").stdout))
    assert zh["次数"] == str(COUNT)
    assert zh["出现位置（行:列，或页/表/单元格）"].startswith("1678:2; 1685:2")


def test_sarif_lists_every_place_as_a_related_location() -> None:
    (result,) = json.loads(check("--output-format", "sarif").stdout)["runs"][0]["results"]
    related = result["relatedLocations"]
    assert len(related) == COUNT
    assert related[-1]["physicalLocation"]["region"] == {"startLine": LAST[0], "startColumn": LAST[1]}
    assert result["properties"]["count"] == COUNT


def test_workbook_lists_count_and_places(tmp_path: Path) -> None:
    out = tmp_path / "review.xlsx"
    check("--output-format", "xlsx", "-o", str(out))
    sheet = openpyxl.load_workbook(out)["问题清单"]
    head = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    record = dict(zip(head, row, strict=True))
    assert record["次数"] == COUNT
    assert str(record["出现位置（行:列，或页/表/单元格）"]).startswith("1678:2; 1685:2")


def test_review_page_lists_count_and_places(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    check("--output-format", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert f"出现 {COUNT} 处（行:列）：1678:2; 1685:2;" in page
