"""A budget book printing tables of several layouts one after another reads each file's projects as alone.

The book is built from real files: the five samples (PDF text, tab rows, cell lines) and five wild
disclosures (read by the form reader), whole, one after another.  Read as one text, the layout most of it
shows (cell lines) used to read only its own tables: 14 projects / 134 rows of 42 / 468.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import Document, Layout
from kpi_lint.parse import parse

ROOT = Path(__file__).resolve().parents[2]
# Files in turn from each layout: samples 002 (pdf-text), 004 (tab-rows), 001 and 003 (cell-lines), 000
# (pdf-text); wild files a01, a02, a07, a08, a10 (form reader).
BOOK = ["002", "004", "001", "a01", "003", "a02", "a07", "a08", "a10", "000"]


def _source(key: str) -> Path:
    folder = ROOT / "corpus" if key[0].isdigit() else ROOT / "corpus" / "wild"
    return next(folder.glob(f"{key}_*.txt"))


def _rows(doc: Document, shift: int = 0) -> list[tuple[object, ...]]:
    rows = [
        (p.name, p.form, i.period, i.level1, i.level2, i.level3, i.value, i.line - shift, i.column)
        for p in doc.projects
        for i in p.indicators
    ]
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, list[Document], list[int]]:
    """The book read whole, each file read alone, and each file's line offset in the book."""
    parts, offsets, at = [], [], 0
    for key in BOOK:
        text = _source(key).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        parts.append(text)
        offsets.append(at)
        at += text.count("\n")
    path = tmp_path_factory.mktemp("book") / "book.txt"
    path.write_text("".join(parts), encoding="utf-8")
    return parse(path), [parse(_source(key)) for key in BOOK], offsets


def test_book_reads_as_many_projects_and_rows_as_the_files_alone(
    book: tuple[Document, list[Document], list[int]],
) -> None:
    whole, alone, _ = book
    assert [d.layout for d in alone] == [
        Layout.PDF_TEXT,
        Layout.TAB_ROWS,
        Layout.CELL_LINES,
        Layout.TEXT,
        Layout.CELL_LINES,
        Layout.TEXT,
        Layout.TEXT,
        Layout.TEXT,
        Layout.TEXT,
        Layout.PDF_TEXT,
    ]
    assert [len(d.projects) for d in alone] == [3, 8, 3, 1, 11, 1, 1, 1, 1, 12]
    assert sum(len(d.indicators) for d in alone) == 468
    assert len(whole.projects) == 42
    assert len(whole.indicators) == 468
    assert whole.problems == []


def test_each_file_reads_the_same_rows_shifted_by_its_offset(
    book: tuple[Document, list[Document], list[int]],
) -> None:
    whole, alone, offsets = book
    ends = [*offsets[1:], 1 << 30]
    for doc, start, end in zip(alone, offsets, ends, strict=True):
        mine = Document(path=whole.path, layout=whole.layout, encoding=whole.encoding)
        mine.projects = [p for p in whole.projects if start < p.line <= end]
        assert [p.name for p in mine.projects] == [p.name for p in doc.projects]
        assert _rows(mine, start) == _rows(doc)


def test_rows_keep_their_place_in_the_book(book: tuple[Document, list[Document], list[int]]) -> None:
    whole, _, _ = book
    found = {(p.name, i.level3, i.value, i.line, i.column) for p in whole.projects for i in p.indicators}
    # 002 (pdf-text, first), 003 (cell-lines, fifth), 000 (pdf-text, last) at their lines in the book
    assert ("2023年中央财政医疗服务与保障能力提升补助资金", "召开医保工作政府信息工作会", "≥2次", 900, 1) in found
    assert ("医疗保障局医保所通用设备5万元", "服务器数量", "≥95", 5236, 2) in found
    assert ("城乡居民医疗保险县级配套", "城乡居民基本医疗保险参保人数", "170720人", 6900, 1) in found
    assert ("全国医疗保障服务示范点工作经费", "购置办公设备种类", "≥11种", 1904, 12) in found  # 004, tab rows
