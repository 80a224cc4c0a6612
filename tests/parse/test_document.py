"""Document-level facts: layout, unit, year, forms, declared and disclosed project counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Form, Layout
from tests.corpus import corpus_doc

EXPECTED = [
    # key, layout, unit, year, forms, declared, parsed
    ("000", Layout.PDF_TEXT, "沁水县医疗保障局", 2023, [Form.DECLARATION], 12, 12),
    ("001", Layout.CELL_LINES, "古县医疗保障局", 2022, [Form.DECLARATION], 6, 3),
    ("002", Layout.PDF_TEXT, "吕梁市离石区医疗保障局", 2023, [Form.DECLARATION], 3, 3),
    ("003", Layout.CELL_LINES, "涞源县医疗保障局", 2023, [Form.TARGET], None, 11),
    ("004", Layout.TAB_ROWS, "高平市医疗保险服务中心", 2023, [Form.SELF_EVALUATION], 8, 8),
]


@pytest.mark.parametrize(("key", "layout", "unit", "year", "forms", "declared", "parsed"), EXPECTED)
def test_document_facts(
    key: str, layout: Layout, unit: str, year: int, forms: list[Form], declared: int | None, parsed: int
) -> None:
    doc = corpus_doc(key)
    assert doc.layout is layout
    assert doc.encoding == "utf-8"
    assert doc.department is not None and doc.department.text == unit
    assert doc.year == year
    assert doc.forms == forms
    assert doc.declared_projects == declared
    assert len(doc.projects) == parsed
    assert doc.problems == []


def test_declared_count_keeps_its_sentence_and_line() -> None:
    doc = corpus_doc("001")
    assert doc.declared_loc is not None
    assert doc.declared_loc.line == 166
    assert "共6个项目纳入绩效目标管理" in doc.declared_loc.text
    declared_000 = corpus_doc("000").declared_loc
    assert declared_000 is not None and declared_000.line == 986


def test_every_indicator_points_at_its_printed_cell() -> None:
    """Traceability: each span's text starts at its line and column in the file (wrapped cells: the first part)."""
    for key in ("000", "001", "002", "003", "004"):
        doc = corpus_doc(key)
        lines = Path(doc.path).read_text(encoding="utf-8").split("\n")
        for ind in doc.indicators:
            for name, loc in ind.spans.items():
                printed = lines[loc.line - 1][loc.column - 1 :]
                assert printed[:1] == loc.text[:1], (key, ind.project, name, loc)


def test_garbled_table_is_a_warning_not_an_error() -> None:
    """000's "离干…" table prints 10 values whose 三级指标 the extraction lost: a note, exit code unchanged."""
    (note,) = corpus_doc("000").notes
    assert (note.line, note.column) == (2256, 1)
    assert "离干、伤残军人、新中国成立前老工人医疗费" in note.message and "10 个指标值" in note.message
    # 004's 成本指标 rows print "未填报" with no 三级指标: unfilled, not garbled.
    assert all(corpus_doc(key).notes == [] for key in ("001", "002", "003", "004"))


def test_a_second_header_row_splits_the_columns_it_names() -> None:
    """河北's 自评表 (wild b08): "一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标
    完成情况 自评得分" over "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分": 符号 and 单位
    split 预期指标值, the three scores split 自评得分."""
    from kpi_lint.grid import Cell
    from kpi_lint.parse.form_header import build_header, cell_roles, merge_subheader

    vocab = load_lexicon().vocabulary
    top_words = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标分值",
        "预期指标值",
        "单项指标实际完成值",
        "单项指标完成情况",
        "自评得分",
    ]
    sub_words = ["符号", "单位(文字描述)", "单项指标得分", "权重占比(%)", "单项指标折算得分"]
    top = [Cell(t, 1, i + 1) for i, t in enumerate(top_words)]
    sub = [Cell(t, 2, i + 1) for i, t in enumerate(sub_words)]
    header = build_header(top, cell_roles(top, vocab), vocab.periods)
    merged = merge_subheader(header, sub, cell_roles(sub, vocab), ruled=False, words=vocab.periods)
    assert merged.roles == [
        "level1",
        "level2",
        "level3",
        "weight",
        "comparator",
        "value",
        "unit",
        "actual",
        "note",
        "score",
        "weight",
        "score",
    ]
    # A row that names no column of the first leaves it as it was.
    assert merge_subheader(header, sub[:1], ["deviation"], ruled=False, words=vocab.periods) is header
