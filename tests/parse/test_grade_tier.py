"""A standard column split into grades by a second header row (kpi_lint/parse/grade_tier.py).

河北's 预算指标绩效目标表 (wild l04, 2019) prints no 指标值: under 绩效指标评价标准 the grades 优 | 良 | 中 | 差
each get a standard, and the 优 standard is the row's target.  海南's 项目绩效目标表 (wild w03, 2018) prints a
绩效目标 column and splits its 绩效标准 the same way: the target stays the 绩效目标.  l04 is a doc-sharing
preview in traditional characters whose whole table lost its separators; the same template retyped as a
ruled Word or Excel table is read the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.grid import Cell
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_glued import split_glued
from kpi_lint.parse.form_header import build_header
from kpi_lint.parse.grade_tier import graded_header
from tests.parse.merged_tables import docx_table, xlsx_table

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"
L04 = WILD / "l04_hebei_civilaffairs_target_traditional.txt"
W03 = WILD / "w03_hainan_exhibitionhall_target_traditional.txt"

# l04's header read cell by cell: 绩效指标分类 | 绩效指标 | 绩效指标描述 | 优 | 良 | 中 | 差 | 评价标准确定依据
HEBEI = ["level3", "description", "value", "grade_value", "grade_value", "grade_value", "basis"]


def _rows(path: Path) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(i.level1, i.level3, i.value, i.basis) for i in parse(path).indicators]


def test_l04_reads_the_excellent_standard_as_the_target() -> None:
    assert _rows(L04) == [
        ("产出指标", "救助覆盖率", "100%", "按临时救助标准评价"),
        ("产出指标", "农村低保救助资金按标准发放的比率", "90%", "按临时救助标准评价"),
        # 效果指标 is an alias of 效益指标; the preview's first chunk ends inside the basis ("…满|意度评价"), whose
        # rest the next chunk opens with (tests/read/test_break_rest.py)
        ("效益指标", "救助对象对救助工作满意度(%)", "85%", "按服务对象满意度评价"),
    ]


def test_l04_rows_keep_their_printed_places() -> None:
    """Line 16 is the whole glued table, printed in traditional characters with pinyin glosses: every cell cut
    from it is placed where it is printed, past the glosses taken out before it (农村低保… at 402, not 368)."""
    line = L04.read_text(encoding="utf-8").split("\n")[15]
    printed = {
        role: [line[span.column - 1 : span.column + 3] for span in (i.spans[role] for i in parse(L04).indicators)]
        for role in ("level3", "value", "description", "basis")
    }
    assert printed == {
        "level3": ["救助覆蓋", "農(nó", "救助對("],
        "value": ["100%", "90%8", "85%8"],
        "description": ["困難群眾", "救助標(", "問卷調("],
        "basis": ["按臨時(", "按臨時(", "按服務("],
    }
    assert [(i.line, i.column) for i in parse(L04).indicators] == [(16, 325), (16, 402), (16, 581)]
    assert parse(L04).indicators[0].description == "困难群众基本生活救助是否应救尽救"


def test_w03_keeps_its_own_target_column_beside_the_grades() -> None:
    assert [(name, value) for _, name, value, _ in _rows(W03)] == [
        ("物业管理面积", "6500平方米"),
        ("用电量", "60万度"),
        ("日常电子设备的维修(护)率", "20%以上"),
        ("日常参观展示设备的使用率", "80%以上"),
        ("项目成本控制", "不超预算"),
        ("保证设备正常运转天数", "200"),
    ]
    assert [(i.line, i.column) for i in parse(W03).indicators][:2] == [(6, 22), (7, 3)]


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        # l04's first row: a description does not close on the rate the target column holds ("…应救尽救|100%")
        (
            "救助覆盖率困难群众基本生活救助是否应救尽救100%90%85%85%按临时救助标准评价",
            ["救助覆盖率", "困难群众基本生活救助是否应救尽救", "100%", "90%", "85%", "85%", "按临时救助标准评价"],
        ),
        # l04's last row: "(%)" closes the name; a description does not open with a unit in brackets
        (
            "救助对象对救助工作满意度(%)问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率85%80%70%70%按服务对象满意度评价",
            [
                "救助对象对救助工作满意度(%)",
                "问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率",
                "85%",
                "80%",
                "70%",
                "70%",
                "按服务对象满意度评价",
            ],
        ),
    ],
)
def test_glued_graded_row_is_cut_by_kind(text: str, cells: list[str]) -> None:
    hints = load_lexicon().vocabulary.glue_hints
    found = split_glued(text, list(enumerate(HEBEI)), hints)
    assert found is not None and len(found) == 1
    assert [text[start:end] for _, start, end in found[0]] == cells


def test_a_basis_citing_a_standard_closes_with_what_is_done_by_it() -> None:
    """Two of l04's rows glued: "按临时救助标准评价" is row 1's basis, not "按临时救助标准" with "评价…" opening
    row 2's name."""
    text = (
        "救助覆盖率困难群众基本生活救助是否应救尽救100%90%85%85%按临时救助标准评价"
        "农村低保救助资金按标准发放的比率救助标准与经济社会发展水平相适应,救助资金按标准发放的比率"
        "90%80%70%70%按临时救助标准评价"
    )
    found = split_glued(text, list(enumerate(HEBEI)), load_lexicon().vocabulary.glue_hints)
    assert found is not None
    assert [[text[s:e] for (_, role), s, e in row if role in ("level3", "basis")] for row in found] == [
        ["救助覆盖率", "按临时救助标准评价"],
        ["农村低保救助资金按标准发放的比率", "按临时救助标准评价"],
    ]


HEAD = ["绩效指标分类", "绩效指标", "绩效指标描述", "绩效指标评价标准", "", "", "", "评价标准确定依据"]
TIER = ["", "", "", "优", "良", "中", "差", ""]
BASIS = "按临时救助标准评价"
BODY = [
    ["产出指标", "救助覆盖率", "困难群众基本生活救助是否应救尽救", "100%", "90%", "85%", "85%", BASIS],
    ["", "农村低保救助资金按标准发放的比率", "救助资金按标准发放的比率", "90%", "80%", "70%", "70%", BASIS],
    ["效果指标", "救助对象对救助工作满意度(%)", "满意的对象占调研总数的比率", "85%", "80%", "70%", "70%", "问卷调查"],
]
# Merged (0-based first row, column, last row, column): the headings over both header rows, 评价标准 over the
# grades, 产出指标 over its two rows.
MERGES = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 6), (0, 7, 1, 7), (2, 0, 3, 0)]


TITLE = "2019年中央财政困难群众救助补助预算指标绩效目标表"


def _docx(path: Path) -> Path:
    return docx_table(path, [HEAD, TIER, *BODY], MERGES, TITLE)


def _xlsx(path: Path) -> Path:
    return xlsx_table(path, [HEAD, TIER, *BODY], MERGES, TITLE)


@pytest.mark.parametrize("make", [_docx, _xlsx], ids=["docx", "xlsx"])
def test_ruled_grade_tier_under_a_merged_standard(tmp_path: Path, make: object) -> None:
    assert callable(make)
    path = make(tmp_path / ("hebei.docx" if make is _docx else "hebei.xlsx"))
    doc = parse(path)
    assert [(i.level1, i.level3, i.value, i.description) for i in doc.indicators] == [
        ("产出指标", "救助覆盖率", "100%", "困难群众基本生活救助是否应救尽救"),
        ("产出指标", "农村低保救助资金按标准发放的比率", "90%", "救助资金按标准发放的比率"),
        ("效益指标", "救助对象对救助工作满意度(%)", "85%", "满意的对象占调研总数的比率"),
    ]
    first = doc.indicators[0]
    assert (first.line, first.column) == (4, 2)  # the name's cell: the row under the two header rows


def test_grades_of_two_characters_one_a_cell(tmp_path: Path) -> None:
    """优秀 | 良好 | 合格 | 不合格 under the standard: the same split, the first grade's standard the target."""
    tier = ["", "", "", "优秀", "良好", "合格", "不合格", ""]
    doc = parse(docx_table(tmp_path / "graded.docx", [HEAD, tier, *BODY], MERGES, TITLE))
    assert [(i.level3, i.value) for i in doc.indicators] == [
        ("救助覆盖率", "100%"),
        ("农村低保救助资金按标准发放的比率", "90%"),
        ("救助对象对救助工作满意度(%)", "85%"),
    ]


def test_a_row_of_grades_with_no_standard_column_is_no_tier() -> None:
    """A header with no 绩效标准 / 评价标准 column has nothing for grades to split: the row is left to the reader."""
    header = build_header(
        [Cell("三级指标", 1, 1), Cell("指标值", 1, 2)], ["level3", "value"], load_lexicon().vocabulary.periods
    )
    grades = [Cell(text, 2, n + 1) for n, text in enumerate(["优", "良", "中", "差"])]
    assert graded_header(header, grades, load_lexicon().vocabulary) is None
