"""An Indicator reads path, project, form and reading from one RowHead per project, and is still a dataclass to
its readers (fields, asdict, replace, ==, pickle)."""

from __future__ import annotations

import dataclasses
import pickle
import sys

from kpi_lint.model import Form, Indicator, Reading, RowHead
from kpi_lint.run.records import SharedValues, peer_record
from tests.corpus import corpus_doc

# The parse JSON's keys of a row, in order (report/parsed_json.py: asdict), as before the head.
FIELDS = [
    "path",
    "project",
    "form",
    "period",
    "level1",
    "level2",
    "level3",
    "value",
    "line",
    "column",
    "parsed",
    "description",
    "basis",
    "adjusted_value",
    "actual",
    "weight",
    "score",
    "deviation",
    "printed_unit",
    "spans",
    "reading",
]


def _row() -> Indicator:
    return Indicator("a.txt", "项目", Form.DECLARATION, "年度", "产出指标", "数量指标", "参保人数", "≥100人", 12, 3)


def test_a_row_is_a_dataclass_of_the_same_fields_in_the_same_order() -> None:
    row = _row()
    assert dataclasses.is_dataclass(row) and [f.name for f in dataclasses.fields(Indicator)] == FIELDS
    record = dataclasses.asdict(row)
    assert list(record) == FIELDS and record["project"] == "项目" and record["form"] is Form.DECLARATION
    assert record["period"] == "年度" and record["reading"] is None and record["spans"] == {}
    shown = "Indicator(path='a.txt', project='项目', form=<Form.DECLARATION: '申报表'>, period='年度', level1="
    assert repr(row).startswith(shown)
    copy = dataclasses.replace(row, value="≥200人")
    assert copy.value == "≥200人" and copy.head == row.head and copy != row
    assert dataclasses.replace(copy, value="≥100人") == row and pickle.loads(pickle.dumps(row)) == row
    # 18 slots take what 17 take in pymalloc (176 bytes, 21 slots took 208); the head is one per project.
    assert sys.getsizeof(row) == 176 and sys.getsizeof(row.head) == 64


def test_setting_a_head_field_gives_that_row_a_new_head_and_leaves_the_others() -> None:
    first, second = _row(), _row()
    second.head = first.head
    second.project = "另一项目"
    assert second.head is not first.head and first.project == "项目" and second.project == "另一项目"
    assert second.head == RowHead("a.txt", "另一项目", Form.DECLARATION)
    head = first.head
    first.reading = None  # the same value: the head stays
    assert first.head is head and first.trusted
    first.reading = Reading.GARBLED
    assert not first.trusted and first.reading is Reading.GARBLED and head.reading is None


def test_the_rows_of_one_project_of_a_record_share_one_head() -> None:
    # 000 is a 申报表: its rows are of two periods, which stay the rows' own.
    record = SharedValues().record(peer_record(corpus_doc("000")))
    heads = {id(ind.head) for ind in record.indicators}
    filled = [project for project in record.projects if project.indicators]
    # one head per distinct (name, form, reading): two of the 12 projects print the same name, one head is theirs
    named = {(project.name, project.form, project.garbled) for project in filled}
    assert len(record.indicators) == 155 and len(filled) == 12 and len(heads) == len(named) == 11
    for project in filled:
        assert len({id(ind.head) for ind in project.indicators}) == 1
        assert all(ind.project == project.name and ind.form is project.form for ind in project.indicators)
    assert {ind.period for ind in record.indicators} == {"实施期", "年度"}
