"""Wild documents' hand-labelled rows typed into office layouts the readers were not written against
(tests/fixtures/office_unseen, bench/office_eval.py --set unseen): each format reads to the rows typed in,
with the place of each cell; the two prints still open are held to what they read now, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import Indicator
from kpi_lint.parse import parse
from tests.wild.rows import expected_rows, parsed_rows, score

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "office_unseen"
FILES = sorted(p for p in HERE.iterdir() if p.suffix in (".docx", ".xlsx", ".pdf"))
# Sheets printed with print titles whose merged labels LibreOffice prints outside the table (README: open).
OPEN = {"a10_hunan_agri_declaration.x.pdf", "e02_hunan_grain_selfeval.x.pdf"}


def _stem(path: Path) -> str:
    return path.name.split(".")[0]


def _row(i: Indicator) -> tuple[str | None, str | None, str | None, str | None]:
    return (i.level1, i.level2, i.level3, i.value)


@pytest.mark.parametrize("path", [p for p in FILES if p.name not in OPEN], ids=lambda p: p.name)
def test_a_form_reads_to_the_rows_typed_in(path: Path) -> None:
    doc = parse(path)
    want = expected_rows(HERE / f"{_stem(path)}.expected.csv")
    assert score(parsed_rows(doc), want).f1 == 1.0
    assert not [p for p in doc.problems if "中断" in p.message]


@pytest.mark.parametrize("suffix", [".w.pdf", ".x.pdf"])
def test_a_three_tier_header_printed_to_pdf_reads_one_period(suffix: str) -> None:
    """年度绩效指标 over 绩效指标 | 指标值 | 分值 over 一级 … 指标性质 | 目标值 | 度量单位: 指标值 is one cell merged
    over three columns, not three headings (which read as two periods and doubled every row)."""
    doc = parse(HERE / f"j09_hubei_opera_selfeval{suffix}")
    assert len(doc.indicators) == 5
    assert {i.period for i in doc.indicators} == {None}
    first, last = doc.indicators[0], doc.indicators[-1]
    assert _row(first) == ("产出指标", "数量指标", "更新剧团老化、损坏的音", "50件")
    assert (first.weight, first.spans["value"].anchor, first.spans["printed_unit"].anchor) == (
        18.0,
        "页1 表2 行4 格5",
        "页1 表2 行4 格6",
    )
    assert _row(last) == ("满意度指标", "服务对象满意度指标", "演出人员满意度", "100%")
    assert last.spans["level3"].anchor == "页1 表2 行8 格3"


NAMED_LIKE_A_CATEGORY = {
    "b09_chongqing_subdistrict_dept_target.w.docx": ("表2 行14 格3", "表2 行14 格5"),
    "b09_chongqing_subdistrict_dept_target.x.xlsx": ("绩效目标!C18", "绩效目标!E18"),
    "b09_chongqing_subdistrict_dept_target.w.pdf": ("页1 表2 行14 格3", "页1 表2 行14 格5"),
    "b09_chongqing_subdistrict_dept_target.x.pdf": ("页1 表2 行14 格3", "页1 表2 行14 格5"),
}


@pytest.mark.parametrize("name", sorted(NAMED_LIKE_A_CATEGORY))
def test_a_name_worded_like_a_category_under_a_three_tier_header_is_a_row(name: str) -> None:
    """分值 merged down beside 指标值's two tiers is one column: the header is as wide as its rows, and the last
    row (blank 一级/二级 | 服务对象满意度 | | 95 | % | 8.2) is read by position, its name in the 三级 column."""
    doc = parse(HERE / name)
    last = doc.indicators[-1]
    name_at, value_at = NAMED_LIKE_A_CATEGORY[name]
    assert len(doc.indicators) == 11
    assert (_row(last), last.weight) == ((None, None, "服务对象满意度", "95%"), 8.2)
    assert (last.spans["level3"].anchor, last.spans["value"].anchor) == (name_at, value_at)


LAST_ROW = {
    "e07_hubei_govaffairs_target.w.docx": ("表2 行10 格3", "表2 行10 格7"),
    "e07_hubei_govaffairs_target.x.xlsx": ("绩效目标!C14", "绩效目标!G14"),
    "e07_hubei_govaffairs_target.w.pdf": ("页1 表2 行10 格3", "页1 表2 行10 格7"),
    "e07_hubei_govaffairs_target.x.pdf": ("页1 表2 行10 格3", "页1 表2 行10 格7"),
}


@pytest.mark.parametrize("name", sorted(LAST_ROW))
def test_a_last_row_with_its_points_and_a_lone_sign_is_a_row(name: str) -> None:
    """水电气消耗下降率 | > | (no figure) | 12.9: the author left the figure out; the row is not one the end of
    the text cut (which was dropped with an error)."""
    doc = parse(HERE / name)
    last = doc.indicators[-1]
    name_at, weight_at = LAST_ROW[name]
    assert _row(last) == ("产出指标", "成本指标", "水电气消耗下降率", ">")
    assert (last.weight, last.spans["level3"].anchor, last.spans["weight"].anchor) == (12.9, name_at, weight_at)
    assert not [p for p in doc.problems if "只有指标名称" in p.message]


@pytest.mark.parametrize(
    ("suffix", "first_at", "second_at"),
    [
        (".w.pdf", "页1 表1 行4 格3", "页2 表1 行4 格3"),
        (".x.pdf", "页1 表1 行4 格3", "页1 表2 行4 格3"),  # the sheet prints both on one page
        (".x.xlsx", "项目!C5", "项目!C14"),
    ],
)
def test_a_second_project_of_the_same_template_is_its_own_table(suffix: str, first_at: str, second_at: str) -> None:
    """Two projects typed into one template, the second opening page 2 with the first's title and facts rows:
    a new table (the first ended on page 1 with its notes), not the first one's header repeated."""
    doc = parse(HERE / f"s02_neimenggu_pension_regional_selfeval_prose{suffix}")
    assert [len(p.indicators) for p in doc.projects] == [2, 7]
    second = doc.projects[1].indicators[0]
    assert _row(second) == ("产出指标", "数量指标", "甘蔗良种推广", "1.8万亩")
    assert (doc.projects[0].indicators[0].spans["level3"].anchor, second.spans["level3"].anchor) == (
        first_at,
        second_at,
    )


def test_a_hidden_code_column_is_named_and_not_read() -> None:
    doc = parse(HERE / "s02_neimenggu_pension_regional_selfeval_prose.x.xlsx")
    assert [n.anchor for n in doc.notes] == ["项目!D1"]
    assert not [i for i in doc.indicators if any("ZB0" in (s.text or "") for s in i.spans.values())]
    assert doc.indicators[0].spans["value"].anchor == "项目!E5"  # the column after the hidden D


def test_a_merged_label_cut_by_a_page_break_reads_whole_below_the_cut() -> None:
    """Word prints 满意度指标 / 服务对象满意度指标, merged over two rows the page break cuts, partly on page 2
    and the rest ("标", "意度指标") on page 3, where the second row stands: that row has the labels whole."""
    doc = parse(HERE / "e02_hunan_grain_selfeval.w.pdf")
    cut, below = doc.indicators[14], doc.indicators[15]
    assert _row(cut) == ("满意度指标", "服务对象满意度指标", "因粮食市场波动引起的粮食安全事件发生数", "0起")
    assert _row(below) == ("满意度指标", "服务对象满意度指标", "市民满意度调查", "290%")
    assert (below.spans["level3"].anchor, below.spans["level2"].anchor) == ("页3 表1 行3 格4", "页2 表1 行11 格3")


def test_print_titles_with_a_label_merged_over_the_page_break() -> None:
    """The xlsx printed with its header row as print titles: page 1's 一级 slots are not the 序号 beside them,
    and the 一级 printed inside page 2's repeated heading ("一级指标" / "产出指标") is the first row's."""
    doc = parse(HERE / "a10_hunan_agri_declaration.x.pdf")
    first, fifth = doc.indicators[0], doc.indicators[4]
    assert _row(first) == ("产出指标", "数量指标", "贫困地区旅游基础设施建设工程", ">=20平方米")
    assert first.spans["level1"].anchor == "页1 表2 行2 格2"
    assert _row(fifth) == ("产出指标", "时效指标", "贫困地区基础设施建设按期完成率(≥%)", ">=95%")
    assert fifth.spans["level1"].anchor == "页2 表1 行2 格2"
    # Open: page 3's 社会效益指标 and 服务对象满意度指标 are printed outside the table (above the repeated
    # header, below the foot of page 2): the rows there keep no 二级.
    assert [i.level2 for i in doc.indicators[11:]] == [None] * 5


def test_percentages_stored_as_numbers_read_as_shown() -> None:
    """1 in a "0%" cell reads 100%, beside a 权重（分） of 15 and the six-column 项目基本信息 block above."""
    doc = parse(HERE / "d08_hubei_govservice_selfeval.x.xlsx")
    first = doc.indicators[0]
    assert (first.level3, first.value, first.weight) == ("预算执行率", "100%", 15.0)
    assert (first.spans["value"].anchor, first.spans["weight"].anchor) == ("项目绩效目标!D8", "项目绩效目标!E8")
    assert doc.projects[0].name == "市民中心运行维护费"
