"""A garbled table's rows (Project.garbled) are listed with their reading status, never as real rows.

x03 (a self-evaluation whose columns ran together) and sample 000's "离干…医疗费" table (values that lost their
三级指标) are the two documents of the corpus whose garbled tables keep rows.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from kpi_lint.frame import indicator_record, to_frame
from kpi_lint.model import Document, Reading
from kpi_lint.parse import parse
from kpi_lint.report.parsed_json import document_record
from kpi_lint.report.review import review_documents
from kpi_lint.score.present import cell_text
from tests.corpus import ROOT, corpus_doc

X03 = ROOT / "corpus" / "wild" / "x03_hubei_emergency_selfeval_glued.txt"
GARBLED_000 = "离干、伤残军人、新中国成立前老工人医疗费"


def x03() -> Document:
    return parse(X03)


def test_x03_rows_are_listed_as_garbled_and_none_is_trusted() -> None:
    doc = x03()
    (project,) = doc.projects
    assert project.garbled
    rows = [(i.line, i.column, i.level3, i.value, i.reading) for i in project.indicators]
    assert len(rows) == 8  # nothing lost: every row read is still listed
    assert rows[1] == (4, 249, "15分派车次数", "15000", Reading.GARBLED)
    assert rows[4] == (5, 10, "三级指标", None, Reading.GARBLED)  # a header word cut out of the glued rubric
    assert {r[-1] for r in rows} == {Reading.GARBLED}
    assert doc.trusted_indicators == [] and project.trusted_indicators == []


def test_000_garbled_table_rows_only_are_marked() -> None:
    doc = corpus_doc("000")
    garbled = next(p for p in doc.projects if p.name == GARBLED_000)
    assert garbled.line == 2214 and len(garbled.indicators) == 11
    named = next(i for i in garbled.indicators if i.level3)
    assert (named.line, named.period, named.level3) == (2259, "实施期", "离休干部、二等乙级伤残军人数")
    assert named.value == "60人"
    assert {i.reading for i in garbled.indicators} == {Reading.GARBLED}
    others = [i for p in doc.projects if p is not garbled for i in p.indicators]
    assert len(others) == 144 and all(i.reading is None and i.trusted for i in others)
    assert len(doc.indicators) == 155 and len(doc.trusted_indicators) == 144


def test_every_row_export_carries_the_status() -> None:
    doc = x03()
    record = indicator_record(doc.indicators[1])
    assert record["reading"] == "garbled" and record["level3"] == "15分派车次数"
    assert json.loads(json.dumps(record, ensure_ascii=False))["reading"] == "garbled"  # jsonl
    frame = to_frame([doc, corpus_doc("001")])  # csv and parquet
    assert frame[frame.path == str(X03)].reading.tolist() == ["garbled"] * 8
    assert frame[frame.path != str(X03)].reading.isna().all() and len(frame) > 8
    (project,) = document_record(doc)["projects"]  # parse --format json
    assert [ind["reading"] for ind in project["indicators"]] == ["garbled"] * 8
    assert project["unscored"] == "garbled"


def test_review_tables_show_the_status_in_chinese() -> None:
    (review,) = review_documents([x03()], [])  # what the workbook and the review page lay out
    (project,) = review.projects
    assert project.columns[-1] == ("reading", "读取状态")
    assert [cell_text(i, "reading") for i in project.project.indicators] == ["原文错乱，未采信"] * 8
    (clean,) = review_documents([corpus_doc("001")], [])
    assert all(("reading", "读取状态") not in p.columns for p in clean.projects)  # no column where all rows are real


def test_parse_csv_with_chinese_headers_says_why() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kpi_lint", "parse", str(X03), "--format", "csv", "--header", "zh"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 8 and {r["读取状态"] for r in rows} == {"原文错乱，未采信"}
    assert rows[1]["三级指标"] == "15分派车次数"


def test_predict_gives_no_label_to_a_garbled_row() -> None:
    model = ROOT / "models" / "category.skops"
    sample = ROOT / "corpus" / "000_ddaa44b2c1d0d458.txt"
    result = subprocess.run(
        [sys.executable, "-m", "kpi_lint", "predict", "--model", str(model), str(X03), str(sample), "-f", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert not [r for r in rows if r["path"] == str(X03)]  # x03's 8 rows are all garbled
    lines = {r["line"] for r in rows if r["path"] == str(sample)}
    assert len(rows) == 144 and 2259 not in lines and 1329 in lines  # 000's 144 trusted rows, not 离休干部… (2259)
