"""A table copied one cell per line whose free-text column (绩效标准) the author left empty in every row
("指标类型 | 指标名称 | 绩效目标 | 绩效标准", r01, 海口 档案馆 绩效目标表): the next row's name is not taken for
the row's standard; each name keeps its own target."""

from __future__ import annotations

from kpi_lint.grid import Cell
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse.form_segment import segment
from tests.wild.rows import WILD, printed_rows


def test_r01_reads_every_row_with_its_own_target() -> None:
    rows = printed_rows(WILD / "r01_hainan_archives_target_evalreport.txt")
    assert (
        None,
        "开展民间档案资料的征集工作",
        "征集有关解放海南岛的资料,如:军功通知书、为海南岛解放牺牲的烈士证明书等等。",
    ) in rows
    name, target = "编印《市领导政务活动画册》、《档案馆指南》", "编印《市领导政务活动画册》30本和《档案馆指南》1000"
    assert (None, name, target) in rows
    assert len(rows) == 6


def test_a_standard_filled_in_some_rows_only_is_kept() -> None:
    # every row fills its standard but one: the column is written, the cut keeps it
    texts = ["培训人数", "300人", "按计划", "合格率", "95%", "验收标准", "完成时间", "12月底前"]
    cells = [Cell(t, i + 1, 1) for i, t in enumerate(texts)]
    rows = segment(cells, [(0, "level3"), (1, "value"), (2, "basis")], load_lexicon().vocabulary.glue_hints)
    assert [[c.text for _, c in row] for row in rows] == [
        ["培训人数", "300人", "按计划"],
        ["合格率", "95%", "验收标准"],
        ["完成时间", "12月底前"],
    ]
