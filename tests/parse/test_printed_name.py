"""A 三级指标 whose marks the reader takes out keeps its printed cell (issue kpi205-span).

`strip_marks` takes the ★ core marks, the "指标1：" numbering and every asterisk out of a name, so the template's
hint "(≥**人)" is read "(≥人)".  The row keeps the cell as printed in `spans["printed_level3"]` (as `printed_unit`
keeps the 计量单位 cell), at the name cell's place, so that KPI205 can quote the hint the document prints.  Rows whose
name lost nothing have no such span.  The prose reports' names (prose_report) keep theirs the same way.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kpi_lint.frame import indicator_record
from kpi_lint.model import Document, Indicator, Located
from kpi_lint.parse import parse
from kpi_lint.report.parsed_json import document_record
from tests.corpus import CORPUS_DIR, all_corpus_docs

WILD = CORPUS_DIR / "wild"
HABITS = Path(__file__).resolve().parents[1] / "fixtures" / "office_habits"


@cache
def _doc(path: Path) -> Document:
    return parse(path)


def _row(path: Path, line: int, column: int) -> Indicator:
    (row,) = [ind for ind in _doc(path).indicators if (ind.line, ind.column) == (line, column)]
    return row


@pytest.mark.parametrize(
    ("name", "line", "column", "level3", "printed"),
    [
        # c08 (宁夏 林业 申报表) "质量指标 (必填) | 苗木成活率(≥**%) | 85"
        ("c08_ningxia_forestry_declaration.txt", 18, 13, "苗木成活率(≥%)", "苗木成活率(≥**%)"),
        # t03 (湖南 资产收益扶贫): a "*" core mark before the name, the hint at its end
        (
            "t03_hunan_povertyshares_declaration.txt",
            15,
            11,
            "贫困地区贫困人口加入合作社、村集体经济组织人数(≥人)",
            "*贫困地区贫困人口加入合作社、村集体经济组织人数(≥**人)",
        ),
        ("t03_hunan_povertyshares_declaration.txt", 22, 13, "资产股权年收益率( ≥% )", "*资产股权年收益率( ≥**% )"),
        # a10: spaces inside the brackets as printed; line 26 a hint without brackets
        (
            "a10_hunan_agri_declaration.txt",
            16,
            1,
            "贫困地区旅游景点开发数量( ≥个 )",
            "贫困地区旅游景点开发数量( ≥**个 )",
        ),
        ("a10_hunan_agri_declaration.txt", 26, 1, "受益建档立卡贫困人口数≥人", "受益建档立卡贫困人口数≥**人"),
        # b02: three ★ before the name; c10: the template's "指标1:" numbering
        (
            "b02_anhui_civilaffairs_selfeval.txt",
            66,
            1,
            "农村低保发放人数(按月平均)(≥人)",
            "★★★农村低保发放人数(按月平均)(≥**人)",
        ),
        ("c10_anhui_devzone_declaration.txt", 17, 6, "项目总成本(≤万元)", "指标1:项目总成本(≤**万元)"),
    ],
)
def test_a_name_that_lost_marks_keeps_its_printed_cell(
    name: str, line: int, column: int, level3: str, printed: str
) -> None:
    row = _row(WILD / name, line, column)
    assert row.level3 == level3
    assert row.spans["printed_level3"] == Located(printed, line, column)
    assert row.span("printed_level3") == row.span("level3") == (line, column)


def test_a_name_printed_without_marks_has_no_printed_span() -> None:
    # t01 prints "公猪舍(≥**平方米)" at 143 but "排污沟(≥米)" at 313, without asterisks: nothing taken out there
    assert _row(WILD / "t01_yunnan_supplycoop_pigfarm_selfeval.txt", 143, 1).spans["printed_level3"].text == (
        "公猪舍(≥**平方米)"
    )
    plain = _row(WILD / "t01_yunnan_supplycoop_pigfarm_selfeval.txt", 313, 1)
    assert plain.level3 == "排污沟(≥米)" and "printed_level3" not in plain.spans
    # nor any row of the five samples, which print no marks in their names
    assert not [ind for doc in all_corpus_docs() for ind in doc.indicators if "printed_level3" in ind.spans]


def test_parse_output_carries_the_printed_span() -> None:
    c08 = WILD / "c08_ningxia_forestry_declaration.txt"
    # jsonl: the place, as of every span
    record = indicator_record(_row(c08, 18, 13))
    assert record["level3"] == "苗木成活率(≥%)"
    assert record["spans"]["level3"] == record["spans"]["printed_level3"] == [18, 13]
    assert "printed_level3" not in record  # a span only: no new column for the rows that have none
    # json (whole documents): the place and the text as printed
    rows = [i for p in document_record(_doc(c08))["projects"] for i in p["indicators"]]
    (row,) = [i for i in rows if i["level3"] == "苗木成活率(≥%)"]
    assert row["spans"]["printed_level3"] == {"text": "苗木成活率(≥**%)", "line": 18, "column": 13, "anchor": None}


@pytest.mark.parametrize(
    ("name", "anchor"), [("noborder.xlsx", "Sheet1!C8"), ("noborder.xlsx.pdf", "页1 表1 行6 格3 (237,160)")]
)
def test_an_office_cell_keeps_its_printed_text_and_anchor(name: str, anchor: str) -> None:
    # a10's table saved as a workbook without gridlines, and that workbook printed to PDF (build_habits.py)
    (row,) = [ind for ind in parse(HABITS / name).indicators if ind.anchor("level3") == anchor]
    assert row.level3 == "贫困地区旅游景点开发数量(≥个)"
    printed = row.spans["printed_level3"]
    assert (printed.text, printed.anchor) == ("贫困地区旅游景点开发数量(≥**个)", anchor)


def test_a_prose_reports_item_keeps_its_printed_name() -> None:
    # n03 (内蒙古 退役军人 区域自评, prose) line 35 "4.成本指标国家规定标准发放指标为100%实际完成值…": the
    # numbering is taken out with the marks, the category label after it by the prose reader
    row = _row(WILD / "n03_neimenggu_veterans_regional_selfeval_prose.txt", 35, 7)
    assert (row.level2, row.level3) == ("成本指标", "国家规定标准发放")
    assert row.spans["printed_level3"] == Located("4.成本指标国家规定标准发放", 35, 1)


@pytest.mark.parametrize(
    ("name", "line", "printed", "level3"),
    [
        # u03 line 33 "质量指标:确保天桥质量,已完成;": a category's worded statement (_worded_statement)
        ("u03_tianjin_road_selfeval_prose.txt", 33, "确保天桥质量", "确保天桥质量"),
        # u01 line 5: an announced enumeration whose clause has no figure (_announced_items)
        (
            "u01_yunnan_transportenforcement_selfeval_prose.txt",
            5,
            "职工个税正常申报缴纳",
            "职工个税正常申报缴纳",
        ),
        # u02 line 32 "6.可持续影响指标。降低交通事故损失,提升…≥95%。": a heading's sentence named whole
        (
            "u02_yunnan_roadsafety_selfeval_prose.txt",
            32,
            "降低交通事故损失",
            "降低交通事故损失,提升公路交通安全保障水平",
        ),
        # s03 line 26 "质量指标:…覆盖率达≥90%;机械化深翻开沟覆盖率达≥95%。": a listed name and target (_stated_targets)
        ("s03_yunnan_sugarcane_selfeval_prose.txt", 26, "机械化深翻开沟覆盖率", "机械化深翻开沟覆盖率"),
    ],
)
def test_a_marked_name_in_prose_keeps_its_printed_clause(
    tmp_path: Path, name: str, line: int, printed: str, level3: str
) -> None:
    """A copy of a real prose report with a ★ put before one name (no file of the wild set marks a name there):
    the row reads as before, and keeps the clause as printed, ★ included, where the ★ stands."""
    lines = (WILD / name).read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines[line - 1].index(printed)
    lines[line - 1] = lines[line - 1][:at] + "★" + lines[line - 1][at:]
    copy = tmp_path / name
    copy.write_text("".join(lines), encoding="utf-8")
    before = {(ind.level3, ind.line) for ind in _doc(WILD / name).indicators}
    rows = parse(copy).indicators
    assert {(ind.level3, ind.line) for ind in rows} == before
    (row,) = [ind for ind in rows if ind.level3 == level3 and ind.line == line]
    kept = row.spans["printed_level3"]
    assert kept.text.startswith("★" + printed) and "★" not in (row.level3 or "")
    assert (kept.line, kept.column, row.column) == (line, at + 1, at + 2)  # the ★, then the name after it
    assert [ind for ind in rows if "printed_level3" in ind.spans] == [row]
