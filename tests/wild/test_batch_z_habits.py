"""Wild batch z (read blind at F1 0.36): the shapes of a scored evaluation form the reader was fixed for, on the
real file and on small tables of the same shapes (helper reader-z)."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.grid import Cell
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_cells import Kind, kind_of
from kpi_lint.parse.form_header import fits
from tests.wild.rows import WILD

Z01 = WILD / "z01_ciq_epidemic_project_evaluation_webform.txt"


def _rows(path: Path) -> list[tuple[str | None, str | None, str | None, int, int]]:
    return [(i.level2, i.level3, i.value, i.line, i.column) for i in parse(path).indicators]


def test_a_yes_no_mark_under_计量单位_is_the_unit_and_the_target_is_kept() -> None:
    # "项目预算资金是否被核减 | 是/否 | 否 | 25 | | / |": the 是/否 under 计量单位 was refused as a unit (it is a
    # 指标方向 word too), read as the row's 依据, and the target 否 dropped (KPI106 on 13 rows, blind).
    assert fits("unit", "是/否") and fits("unit", "%") and not fits("unit", "≥")
    rows = {i.level3: i for i in parse(Z01).indicators}
    refused = rows["项目预算资金是否被核减"]
    assert (refused.value, refused.spans["value"].line, refused.spans["value"].column) == ("否", 7, 17)
    assert refused.basis is None
    answers = [i.value for i in parse(Z01).indicators if "是否" in (i.level3 or "") or i.value in ("是", "否")]
    assert answers == ["否", "是", "否", "是", "是", "是", "是", "是", "是", "是", "是", "是", "是"]


def test_the_budget_block_of_an_evaluation_form_is_filed_under_its_printed_labels() -> None:
    # 一级 预算绩效 (权重 50) over 二级 预算管理 (75) / 财务管理 (25): unknown labels were read as a name and a value
    # ("预算绩效 | 50", "财务管理 | 25") and the block's rows filed under no 二级.
    rows = _rows(Z01)
    assert rows[:3] == [
        ("预算管理指标", "预算执行进度(7月)", "40%", 4, 17),
        ("预算管理指标", "预算执行进度（11月）", "80.21%", 5, 1),
        ("预算管理指标", "预算调整次数（实际调整数）", "0次", 6, 1),
    ]
    assert rows[6:9] == [
        ("财务管理指标", "用款计划差错率", "-0%", 10, 9),
        ("财务管理指标", "是否存在违规行为", "否", 11, 1),
        ("财务管理指标", "是否开展会计决算报表考评", "是", 12, 1),
    ]
    first = parse(Z01).indicators[0]
    assert first.level1 == "过程管理指标"
    labels = (first.spans["level1"].text, first.spans["level2"].text, first.spans["level2"].column)
    assert labels == ("预算绩效", "预算管理", 9)
    assert not {"预算绩效", "财务管理"} & {i.level3 for i in parse(Z01).indicators}


def test_whole_cell_labels_name_no_numbered_item_and_cut_no_glued_text() -> None:
    # 财务管理 is also an item of a list ("2.财务管理" under s05's 管理目标) and a word of prose ("项目财务管理状况",
    # n09): an alias written "=财务管理" names a label only as a whole printed cell.
    vocab = load_lexicon().vocabulary
    assert vocab.canonical_level2("财务管理") == "财务管理指标" and vocab.parent_of("财务管理指标") == "过程管理指标"
    assert vocab.canonical_level1("预算绩效") == "过程管理指标"
    assert kind_of(Cell("财务管理", 1, 1), vocab) is Kind.LEVEL2
    assert kind_of(Cell("2.财务管理", 1, 1), vocab) is Kind.DATA
    assert not {"财务管理", "预算管理", "预算绩效"} & set(vocab.words)
    s05 = {i.level3: i.value for i in parse(WILD / "s05_jiangsu_publichealth_selfeval.txt").indicators}
    assert s05["财务管理"] == "支出符合财务管理制度规定"


def test_the_bottom_tier_of_a_two_row_header_is_no_row() -> None:
    # "采集数据项" spans "数据项1 | 数据项2" (and "数据项1 | 理由" in the 项目效果 block); the browser's copy writes the
    # bottom tier on a line of its own, read blind as a row "数据项1 | 数据项2" (KPI106/KPI301/KPI103, twice).
    names = [i.level3 for i in parse(Z01).indicators]
    assert len(names) == 34 and not any(n and n.startswith("数据项") for n in names)


def test_a_short_first_row_is_a_header_tier_only_when_the_next_row_is_as_wide_as_the_split_header(
    tmp_path: Path,
) -> None:
    header = "疫苗接种项目支出绩效评价表\n一级指标\t二级指标\t三级指标\t目标值\t分值\t采集数据项"
    two_tier = tmp_path / "two_tier.txt"
    rows = "产出指标\t数量指标\t接种人数\t500人\t10\t480\t20\n质量指标\t覆盖率\t95%\t10\t96\t1\n"
    two_tier.write_text(f"{header}\n数据项1\t数据项2\n{rows}", "utf-8")
    assert _rows(two_tier) == [("数量指标", "接种人数", "500人", 4, 11), ("质量指标", "覆盖率", "95%", 5, 6)]
    # The same short row under a header with no tier (the next row as wide as the header): a row of its own.
    one_tier = tmp_path / "one_tier.txt"
    one_tier.write_text(f"{header}\n群众知晓\t提高\n接种人数\t500人\t10\t480\n", "utf-8")
    assert [r[1:3] for r in _rows(one_tier)] == [("群众知晓", "提高"), ("接种人数", "500人")]


def test_the_first_row_of_a_block_keeps_its_own_points_not_its_labels() -> None:
    # "一级指标 | 权重 | 二级指标 | 分值 | 三级指标 … | 分值": the block's first row prints its labels' points before
    # its name ("预算绩效 | 50 | 预算管理 | 75 | 预算执行进度(7月) | % | 40% | 7"); they were taken as the row's
    # (50), the row's own 7 lost.  A row read by content ("财务管理 | 25 | 用款计划差错率 | % | -0% | 7") too.
    rows = {i.line: i for i in parse(Z01).indicators}
    firsts = {line: rows[line].weight for line in (4, 5, 10, 15, 18, 30, 39, 51)}
    assert firsts == {4: 7.0, 5: 8.0, 10: 7.0, 15: 8.0, 18: 5.0, 30: 6.0, 39: 5.0, 51: 5.0}
    assert (rows[4].spans["weight"].line, rows[4].spans["weight"].column) == (4, 34)
