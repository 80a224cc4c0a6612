"""KPI205 quotes the template's hint as the document prints it (issue kpi205-span).

The reader reads "苗木成活率(≥**%)" as "苗木成活率(≥%)" (strip_marks takes the asterisks out with the ★ marks and
the "指标1：" numbering) and keeps the printed cell in `spans["printed_level3"]`; the finding quotes the name with
its hint as printed — the asterisks back, the ★ and the numbering still out — at the name cell's place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.model import Located
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.completeness.kpi205_template_placeholder import hint_as_printed
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import CORPUS_DIR

WILD = CORPUS_DIR / "wild"
HABITS = Path(__file__).resolve().parents[1] / "fixtures" / "office_habits"


def _finding(path: Path) -> Finding:
    doc = parse(path)
    rule = rule_by_code("KPI205")
    assert rule is not None
    (found,) = run_rules([doc], [rule], RuleContext(documents=[doc]))
    return found


# Each wild file whose names carry the template's hint: where the finding points, the name as read, and the
# name as the finding quotes it.
CASES = [
    ("a10_hunan_agri_declaration.txt", 16, 1, "贫困地区旅游景点开发数量( ≥个 )", "贫困地区旅游景点开发数量( ≥**个 )"),
    (
        "b02_anhui_civilaffairs_selfeval.txt",
        66,
        1,
        "农村低保发放人数(按月平均)(≥人)",
        "农村低保发放人数(按月平均)(≥**人)",  # printed "★★★农村低保…": the core marks stay out
    ),
    ("c08_ningxia_forestry_declaration.txt", 18, 13, "苗木成活率(≥%)", "苗木成活率(≥**%)"),
    ("c10_anhui_devzone_declaration.txt", 17, 6, "项目总成本(≤万元)", "项目总成本(≤**万元)"),  # printed "指标1:项目…"
    (
        "g08_ningxia_township_target.txt",
        7,
        6,
        "补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量(≥株)",
        "补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量(≥**株)",
    ),
    ("j14_ningxia_township_target.txt", 7, 6, "商业段外立面改造(≥平方米)", "商业段外立面改造(≥**平方米)"),
    ("t01_yunnan_supplycoop_pigfarm_selfeval.txt", 143, 1, "公猪舍(≥平方米)", "公猪舍(≥**平方米)"),
    (
        "t03_hunan_povertyshares_declaration.txt",
        15,
        11,
        "贫困地区贫困人口加入合作社、村集体经济组织人数(≥人)",
        "贫困地区贫困人口加入合作社、村集体经济组织人数(≥**人)",  # printed "*贫困地区…": the mark stays out
    ),
]


@pytest.mark.parametrize(("name", "line", "column", "read", "quoted"), CASES)
def test_the_hint_is_quoted_as_printed(name: str, line: int, column: int, read: str, quoted: str) -> None:
    found = _finding(WILD / name)
    assert (found.line, found.column, found.level3) == (line, column, read)
    assert f"如“{quoted}”" in found.message
    assert "★" not in found.message and "指标1" not in found.message


def test_the_suggestion_still_comes_from_the_hint() -> None:
    # c08 "苗木成活率(≥**%) | 85": the quote changes, not what the hint carries into the value
    found = _finding(WILD / "c08_ningxia_forestry_declaration.txt")
    assert found.suggestion == "≥85%" and "应把提示的比较符和单位写进指标值（“≥85%”）" in found.message


@pytest.mark.parametrize(
    ("name", "anchor"), [("noborder.xlsx", "Sheet1!C8"), ("noborder.xlsx.pdf", "页1 表1 行6 格3 (237,160)")]
)
def test_an_office_file_quotes_its_cell_as_printed(name: str, anchor: str) -> None:
    # a10's table as a workbook without gridlines, and as that workbook printed to PDF
    found = _finding(HABITS / name)
    assert found.anchor == anchor and "如“贫困地区旅游景点开发数量(≥**个)”" in found.message


def test_hint_as_printed_puts_back_only_the_hint() -> None:
    at = (18, 13)
    # a hint without brackets at the end of the name (a10 line 26), and the decorations that stay out
    assert hint_as_printed("受益建档立卡贫困人口数≥人", Located("★★★受益建档立卡贫困人口数≥**人", *at)) == (
        "受益建档立卡贫困人口数≥**人"
    )
    assert hint_as_printed("项目总成本(≤万元)", Located("指标1:项目总成本(≤**万元)", *at)) == "项目总成本(≤**万元)"
    # a cell wrapped inside its hint: its lines joined as the reader joins the name's
    assert hint_as_printed("苗木成活率(≥%)", Located("苗木成活率(≥**\n%)", *at)) == "苗木成活率(≥**%)"
    # nothing printed beside the name, or a printed cell whose hint is another one: the name as read
    assert hint_as_printed("苗木成活率(≥%)", None) == "苗木成活率(≥%)"
    assert hint_as_printed("苗木成活率(≥%)", Located("★苗木成活率(≥**株)", *at)) == "苗木成活率(≥%)"
    # the first of two hints as read is matched with the printed one that reads the same
    assert hint_as_printed("收入(≥万元)及人数(≥人)", Located("★收入(≥**万元)及人数(≥**人)", *at)) == (
        "收入(≥**万元)及人数(≥人)"
    )
