"""Wild documents' hand-labelled rows typed into office forms and printed (tests/fixtures/office_roundtrip,
bench/office_eval.py): each format reads to the rows typed in, with the place of each cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.parse import parse
from tests.wild.rows import expected_rows, parsed_rows, score

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "office_roundtrip"
FILES = sorted(p for p in HERE.iterdir() if p.suffix in (".docx", ".xlsx", ".pdf"))


def _stem(path: Path) -> str:
    return path.name.split(".")[0]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_form_reads_to_the_rows_typed_in(path: Path) -> None:
    doc = parse(path)
    want = expected_rows(HERE / f"{_stem(path)}.expected.csv")
    assert score(parsed_rows(doc), want).f1 == 1.0
    assert not [p for p in doc.problems if "中断" in p.message]  # no row read as cut off


# The last row of the table names its indicator and leaves its target blank (a yes/no or worded row
# of the wild document): a row of the table, in its own cells, not a table cut off nor a footer.
LAST_ROW = {
    "d10_chongqing_township_target.w.docx": ("促进经济发展", "表2 行12 格3"),
    "d10_chongqing_township_target.x.xlsx": ("促进经济发展", "绩效目标表!C17"),
    "d10_chongqing_township_target.w.pdf": ("促进经济发展", "页1 表2 行12 格3"),
    "d10_chongqing_township_target.x.pdf": ("促进经济发展", "页1 表2 行12 格3"),
    "c05_sichuan_marketreg_selfeval.w.docx": ("化妆品抽验平均标准", "表2 行21 格3"),
    "c05_sichuan_marketreg_selfeval.x.xlsx": ("化妆品抽验平均标准", "绩效目标表!C27"),
    "c05_sichuan_marketreg_selfeval.w.pdf": ("化妆品抽验平均标准", "页1 表2 行21 格3"),
    "c05_sichuan_marketreg_selfeval.x.pdf": ("化妆品抽验平均标准", "页1 表2 行21 格3"),
}


@pytest.mark.parametrize("name", sorted(LAST_ROW))
def test_a_last_row_with_its_target_left_blank_is_a_row(name: str) -> None:
    doc = parse(HERE / name)
    last = doc.indicators[-1]
    level3, anchor = LAST_ROW[name]
    assert (last.level3, last.value, last.spans["level3"].anchor) == (level3, None, anchor)
    assert not [p for p in doc.problems if "只有指标名称" in p.message]  # not read as a row the break cut


def test_the_first_row_keeps_its_cells_places() -> None:
    """发放人数 ≥80人数 of d10 in the 部门整体 form: 计算符号 | 目标值 | 度量单位 joined, each format's places."""
    places = {
        "d10_chongqing_township_target.w.docx": ("表2 行3 格3", "表2 行3 格5"),
        "d10_chongqing_township_target.x.xlsx": ("绩效目标表!C8", "绩效目标表!E8"),
        "d10_chongqing_township_target.w.pdf": ("页1 表2 行3 格3", "页1 表2 行3 格5"),
    }
    for name, (name_at, value_at) in places.items():
        first = parse(HERE / name).indicators[0]
        parsed = first.parsed
        assert parsed is not None
        assert (first.level3, first.value, parsed.comparator, parsed.unit) == ("发放人数", "≥80人数", "≥", "人数")
        assert (first.spans["level3"].anchor, first.spans["value"].anchor) == (name_at, value_at)


@pytest.mark.parametrize("name", [n for n in LAST_ROW if n.startswith("c05")])
def test_a_form_that_stops_before_its_last_categories_is_still_read_as_an_excerpt(name: str) -> None:
    """c05's labelled rows are an excerpt, all 产出 (its wild text breaks off there): typed into a Word or
    Excel form and printed, it is the same excerpt, and the missing 效益/满意度 are not reported as missing."""
    doc = parse(HERE / name)
    assert {i.level1 for i in doc.indicators} == {"产出指标"}
    assert [p.cut_off for p in doc.projects] == [True]
    (note,) = [p.message for p in [*doc.problems, *doc.notes] if "表格在" in p.message]
    assert note.startswith("表格在") and "最后读到的是“成本指标”" in note


def test_a_label_merged_over_a_page_break_is_read_on_the_page_it_starts() -> None:
    """a10's 满意度指标 / 服务对象满意度指标 are merged over four rows that Excel's print breaks after two: the
    merged cells draw no ruling at page 1's foot, so no cell was found there and the two rows took the
    社会效益指标 above them.  The empty slots down to the table's foot are those cells, with their text."""
    doc = parse(HERE / "a10_hunan_agri_declaration.x.pdf")
    names = ("旅游行业经营主体满意度", "参与旅游扶贫项目贫困群众满意度")
    rows = [i for i in doc.indicators if (i.level3 or "").startswith(names)]
    assert [(i.level1, i.level2, i.value) for i in rows] == [("满意度指标", "服务对象满意度指标", ">=90%")] * 2
    assert [i.spans["level3"].anchor for i in rows] == ["页1 表1 行19 格3", "页1 表1 行20 格3"]
    assert [i.spans["level2"].anchor for i in rows] == ["页1 表1 行19 格2"] * 2
    assert not [i for i in doc.indicators if i.level2 == "社会效益指标" and "满意度" in (i.level3 or "")]


def test_a_label_merged_over_a_page_break_is_read_on_the_page_it_runs_on() -> None:
    """On page 2 LibreOffice prints the merged cells' text again *above* the table, outside its rulings
    ("服务对象满意度指 / 满意度指标 / 标", y 10-34 pt, table top 36 pt), and draws no ruling at the cells' top.
    The table is closed there and the text is its first row's 一级/二级, not a line of text (a row "标")."""
    doc = parse(HERE / "a10_hunan_agri_declaration.x.pdf")
    rows = [i for i in doc.indicators if (i.spans["level3"].anchor or "").startswith("页2")]
    assert [(i.level1, i.level2, i.level3, i.value) for i in rows] == [
        ("满意度指标", "服务对象满意度指标", "旅游区居民满意度(≥%)", ">=90%"),
        ("满意度指标", "服务对象满意度指标", "游客满意度(≥%)", ">=90%"),
    ]
    assert [i.spans["level3"].anchor for i in rows] == ["页2 表1 行1 格3", "页2 表1 行2 格3"]
    labels = [(i.spans["level1"].anchor, i.spans["level2"].anchor) for i in rows]
    assert labels == [("页2 表1 行1 格1", "页2 表1 行1 格2")] * 2
    assert not [i for i in doc.indicators if i.level3 == "标"]


def test_a_merged_label_printed_above_the_page_top_is_read() -> None:
    """k04's 产出指标 / 数量指标 are merged over 23 rows; page 2 holds five of them, and LibreOffice centres the
    cells' text in the whole merged cell, above the page's top edge (y -84 pt).  Those five rows are read
    with their labels, placed in page 2's first row."""
    doc = parse(HERE / "k04_shanxi_health_selfeval.x.pdf")
    rows = [i for i in doc.indicators if (i.spans["level3"].anchor or "").startswith("页2")]
    assert [(i.level3, i.value) for i in rows] == [
        ("肺结核健康规范管理数", "8例"),
        ("老年人中医药规范管理数", "5662人"),
        ("0-36月龄中医药规范管理数", "1228人"),
        ("传染病及突发公共卫生事件报告数", "14例"),
        ("家庭医生签约率", "24694人"),
    ]
    assert {(i.level1, i.level2, i.spans["level1"].anchor, i.spans["level2"].anchor) for i in rows} == {
        ("产出指标", "数量指标", "页2 表1 行1 格1", "页2 表1 行1 格2")
    }


# j03's first row: 一级 left blank, a category of the table's own under 二级, a name and no target.
OWN_CATEGORY_ROW = {
    "j03_hebei_edu_evaltable.w.docx": "表2 行3 格2",
    "j03_hebei_edu_evaltable.x.xlsx": "绩效目标表!B8",
    "j03_hebei_edu_evaltable.w.pdf": "页1 表2 行3 格2",
    "j03_hebei_edu_evaltable.x.pdf": "页1 表2 行3 格2",
}


@pytest.mark.parametrize("name", sorted(OWN_CATEGORY_ROW))
def test_a_category_of_the_tables_own_under_level2_is_a_label(name: str) -> None:
    doc = parse(HERE / name)
    first = doc.indicators[0]
    assert (first.level1, first.level2, first.level3, first.value) == (None, "制度指标", "规章制度建立与否", None)
    assert first.spans["level2"].anchor == OWN_CATEGORY_ROW[name]
    assert (doc.indicators[1].level2, doc.indicators[1].level3) == ("数量指标", "享受资助人数")
