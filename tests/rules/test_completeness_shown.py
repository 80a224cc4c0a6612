"""Where a document cannot show what a project lacks (issue 11q): the reader marks the project and
KPI201/KPI202 stay silent, on the real wild documents and on a variant that does show a gap."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse

ROOT = Path(__file__).resolve().parents[2]
WILD = ROOT / "corpus" / "wild"


def test_a_news_report_quoting_one_group_is_marked_quoted() -> None:
    doc = parse(WILD / "r07_central_tourism_regional_target_news_prose.txt")
    (project,) = doc.projects
    assert project.in_prose and project.quoted
    assert len(project.indicators) == 8
    note = next(n for n in doc.notes if "转述" in n.message)
    assert (note.line, note.column) == (5, 98)
    assert "“产出指标”下 8 个指标" in note.message


def test_a_goal_list_naming_no_group_is_the_whole_goal_set() -> None:
    (project,) = parse(WILD / "o02_unknown_township_road_report_prose.txt").projects
    assert project.in_prose and not project.quoted


def test_a_table_printed_across_with_targets_beyond_its_names_is_not_whole() -> None:
    doc = parse(WILD / "m07_guangdong_highered_special_target.txt")
    assert all(p.cut_off for p in doc.projects)
    note = next(n for n in doc.notes if "没有指标名称的目标值" in n.message)
    assert (note.line, note.column) == (23, 13)
    assert "“不断提升”" in note.message


def test_a_category_written_but_not_split_is_not_missing(tmp_path: Path) -> None:
    doc = parse(WILD / "q01_heilongjiang_ruralwater_selfeval_prose.txt")
    (project,) = doc.projects
    assert project.unsplit == ["数量指标"]
    note = next(n for n in doc.notes if "没有读成指标行" in n.message)
    assert (note.line, note.column) == (7, 7)
    # The same report with no figure under the label: nothing is written there, the category is missing.
    text = (WILD / "q01_heilongjiang_ruralwater_selfeval_prose.txt").read_text(encoding="utf-8")
    empty = tmp_path / "q01_none.txt"
    works = "石头卧子村新建水房1座、铺设输水管线;八盖村改建铺设输水管线。"
    empty.write_text(text.replace(works, "无。", 1), encoding="utf-8")
    (variant,) = parse(empty).projects
    assert variant.unsplit == []


def test_a_category_sentence_heading_figures_it_cannot_split_is_written(tmp_path: Path) -> None:
    # "1.数量指标。该项目处治里程8公里,完成工程量波型护栏1820米,标志标牌18块。": the label is a sentence of its
    # own heading the next, which reports what was done (no row: the labels keep only the two "≥95%"
    # comparisons), so 数量/质量/时效/成本 are written but unsplit, not missing (issue 9zm).
    path = WILD / "u02_yunnan_roadsafety_selfeval_prose.txt"
    doc = parse(path)
    (project,) = doc.projects
    assert project.unsplit == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert [(i.level2, i.value) for i in project.indicators] == [
        ("可持续影响指标", "≥95%"),
        ("服务对象满意度指标", "≥95%"),
    ]
    notes = [(n.line, n.column) for n in doc.notes if "没有读成指标行" in n.message]
    assert notes == [(22, 3), (24, 3), (26, 3), (28, 3)]
    # The same report whose 成本 sentence states no figure: nothing of it is written there, the category is missing.
    text = path.read_text(encoding="utf-8")
    figureless = tmp_path / "u02_no_cost_figure.txt"
    cost = "项目投资56万元,实际决算金额54.6万元。"
    figureless.write_text(text.replace(cost, "项目投资按预算执行。", 1), encoding="utf-8")
    (variant,) = parse(figureless).projects
    assert variant.unsplit == ["数量指标", "质量指标", "时效指标"]
    # … and whose 数量 label heads no sentence of its own: the next label's number is no figure under it.
    emptied = tmp_path / "u02_no_quantity_sentence.txt"
    quantity = "该项目处治里程8公里,完成工程量波型护栏1820米,标志标牌18块。"
    emptied.write_text(text.replace(quantity, "", 1), encoding="utf-8")
    (variant,) = parse(emptied).projects
    assert variant.unsplit == ["质量指标", "时效指标", "成本指标"]
