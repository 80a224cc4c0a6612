"""Excerpts cut off inside a table (a preview's last page, a page saved half-loaded): the rows before the cut
read as the whole text reads them (bench/copy_habits.py cut_mid).

A free-text column (绩效标准) the author left empty throughout is found by cutting again without it when the
first cut left an expected column empty (form_segment.segment).  Where the text breaks off, the last row lacks
what it lacks for free, so that evidence is missing: a table whose 绩效标准 is written in every row must keep it
(this test), and r01 cut inside its fourth row (绩效标准 never written) still takes each next row's name for the
standard — the two are the same cells to the reader; preferring more rows there was tried and fails this test."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse


def test_a_free_text_column_written_in_every_row_is_kept_where_the_text_breaks_off(tmp_path: Path) -> None:
    """A 指标名称 | 绩效目标 | 绩效标准 table one cell per line, its 绩效标准 written in every row, cut inside the third
    row's name: the rows before keep target and standard (a cut without the column finds more rows only by taking
    the standards for names)."""
    rows = [
        ("开展业务培训", "培训3期", "按计划完成培训得满分"),
        ("编印宣传资料", "印制2000份", "按期印发得满分"),
        ("资料征集数量", "≥100件", "完成征集得满分"),
    ]
    cells = ["指标名称", "绩效目标", "绩效标准", "产出指标"] + [c for row in rows for c in row]
    text = "\n\n".join(["项目绩效目标表", *cells[:-3], cells[-3][:3]])
    path = tmp_path / "cut.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    read = [(i.level3, i.value, i.basis) for i in doc.indicators]
    assert read[:2] == [(name, target, standard) for name, target, standard in rows[:2]]
    assert not any(i.level3 == "按计划完成培训得满分" for i in doc.indicators)
