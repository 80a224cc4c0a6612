"""二级 labels printed before the header of the table they label (kpi_lint/parse/labels_before.py)."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from kpi_lint.parse.labels_before import spread

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"
W01 = WILD / "w01_shanxi_relics_declaration_glued.txt"


def test_labels_before_the_header_cover_the_rows_after_it_in_order() -> None:
    # w01: "一级指标 二级指标 数量指标 产出指标 绩 效 指 标 质量指标 三级指标 指标值 永安真武庙戏台 1处 …": three counts
    # then a rate, under 数量指标 then 质量指标.
    rows = [(i.level1, i.level2, i.level3, i.value, i.line, i.column) for i in parse(W01).indicators]
    assert rows[:4] == [
        ("产出指标", "数量指标", "永安真武庙戏台", "1处", 2, 554),
        ("产出指标", "数量指标", "文物安全巡查", "416处", 2, 565),
        ("产出指标", "数量指标", "文物宣传教育短信", "≥3万条", 2, 577),
        ("产出指标", "质量指标", "文保单位抢险维修", "100%", 2, 591),
    ]
    assert [(i.level2, i.level3) for i in parse(W01).indicators[4:]] == [
        ("质量指标", "文物安全巡查覆盖率"),
        ("时效指标", "按期完工"),
        ("成本指标", "文物保护单位方案编制费、古建筑日常养护及抢险加固费、文物安全巡查费、宣传教育费、文物保"),
    ]


def test_one_label_before_the_header_covers_every_row_before_the_next(tmp_path: Path) -> None:
    path = tmp_path / "w01_one_label.txt"
    text = W01.read_text(encoding="utf-8")
    path.write_text(text.replace("产出指标 绩 效 指 标 质量指标 三级", "产出指标 绩 效 指 标 三级"), encoding="utf-8")
    assert [i.level2 for i in parse(path).indicators[:4]] == ["数量指标"] * 4


def test_the_cut_is_where_the_values_change_kind() -> None:
    assert spread(["数量指标", "质量指标"], ["count", "count", "count", "percent"]) == ["数量指标"] * 3 + ["质量指标"]
    assert spread(["数量指标", "时效指标"], ["count", "date"]) == ["数量指标", "时效指标"]
    assert spread(["数量指标", "数量指标", "质量指标"], ["count", "percent"]) == ["数量指标", "质量指标"]


def test_no_label_when_the_values_do_not_tell_the_cut() -> None:
    # Two worded targets under two labels: either could be the first label's; the rows keep no 二级.
    assert spread(["数量指标", "质量指标"], ["qualitative", "qualitative", "qualitative"]) is None
    assert spread(["数量指标", "质量指标", "时效指标"], ["count", "percent"]) is None  # fewer rows than labels
    assert spread([], ["count"]) is None
