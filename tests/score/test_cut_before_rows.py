"""A project the text cuts off right after its header (issue 11): kept with its funds, not scored.

j09 (湖北 新洲 楚剧团, a preview of two 自评表) ends inside the second project's indicator header
("…分 值得 分偏差原因分析 及改进"): its name, funds block and aims were read, no indicator row.
Its "无法评分（原文截断）" is the text's failure, not the department's: no rank, no total, out of roll-ups.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.model import GARBLED_GRADE, Unscored
from kpi_lint.parse import parse
from kpi_lint.score import by_document, overall, score_documents
from tests.score.handmade import GOOD_ROWS, document, project

J09 = Path(__file__).resolve().parent.parent.parent / "corpus" / "wild" / "j09_hubei_opera_selfeval.txt"
CUT = "中青年演员培训经费"
CUT_GRADE = "无法评分（原文截断）"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # settings are looked up from the working directory


def test_j09_second_project_is_kept_with_its_funds_and_a_note() -> None:
    doc = parse(J09)
    first, cut = doc.projects
    assert (first.name, first.unscored, len(first.indicators)) == ("演出设备更新专项经费", None, 5)
    assert (cut.name, cut.line, cut.indicators, cut.empty_categories, cut.cut_off) == (CUT, 3, [], [], True)
    assert cut.unscored is Unscored.CUT_BEFORE_ROWS
    ex = cut.execution
    assert ex is not None and ex.unit == "万元"
    assert (ex.budgeted, ex.full_year, ex.executed, ex.rate, ex.weight, ex.score) == (
        40.0,
        40.0,
        40.0,
        100.0,
        10.0,
        None,
    )
    (note,) = [n for n in doc.notes if CUT in n.message]
    assert (note.line, note.severity) == (4, "warning") and CUT_GRADE in note.message


def test_j09_score_json_and_csv_leave_the_cut_project_out() -> None:
    result = CliRunner().invoke(app, ["score", str(J09), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    scored, cut = data["projects"]
    assert (scored["rank"], scored["grade"], scored["unscored"]) == (1, "良", None)
    assert (cut["project"], cut["rank"], cut["total"], cut["grade"], cut["unscored"]) == (
        CUT,
        None,
        None,
        CUT_GRADE,
        "cut_before_rows",
    )
    assert cut["findings"] == []  # no category reported missing: they lie beyond the cut
    # no dimension figure either: measured on no rows, it is no more a judgement than the total
    assert [cut[d] for d in ("completeness", "measurability", "relevance", "consistency")] == [None] * 4
    assert all(isinstance(scored[d], float) for d in ("completeness", "measurability", "relevance", "consistency"))
    everything = data["overall"]
    assert everything["projects"] == 1 and everything["mean"] == pytest.approx(scored["total"], abs=0.005)
    assert everything["grades"] == {"良": 1}
    assert everything["unscored"] == [
        {"project": CUT, "path": str(J09), "line": 3, "grade": CUT_GRADE, "reason": "cut_before_rows"}
    ]
    result = CliRunner().invoke(app, ["score", str(J09), "--format", "csv", "--no-cache", "--header", "zh"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [(r["名次"], r["目标质量分"], r["等级"], r["无法评分原因"]) for r in rows] == [
        ("1", str(scored["total"]), "良", ""),
        ("", "", CUT_GRADE, "原文截断"),
    ]


def test_j09_table_and_markdown_show_no_total_for_the_cut_project(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["score", str(J09), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert f"1 个项目{CUT_GRADE}，不计入以下统计：{CUT}" in result.stdout
    assert "75.0" not in result.stdout  # the formula's figure over no rows is not shown
    out = tmp_path / "cards"
    result = CliRunner().invoke(app, ["score", str(J09), "--format", "markdown", "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    card = (out / f"{J09.stem}.md").read_text(encoding="utf-8")
    assert f"**目标质量分 — · {CUT_GRADE}**" in card


def test_a_cut_table_with_rows_or_printed_categories_is_scored() -> None:
    """Only a project with nothing to judge is unscored: rows read before the break are scored, as are
    categories printed empty; a garbled table keeps its own grade."""
    cut_empty = project([], name="截断", cut_off=True)
    cut_rows = project(GOOD_ROWS, name="有行", cut_off=True)
    garbled = project(GOOD_ROWS, name="错乱")
    doc = document(cut_empty, cut_rows, garbled)
    doc.projects[2].garbled = True
    report = score_documents([doc], [])
    grades = {s.name: (s.scored, s.grade) for s in report.projects}
    assert grades == {"截断": (False, CUT_GRADE), "有行": (True, "优"), "错乱": (False, GARBLED_GRADE)}
    (rollup,) = by_document(report)
    assert [s.name for s in rollup.scores] == ["有行"] and [s.name for s in rollup.unscored] == ["截断", "错乱"]
    assert overall(report).grades() == {"优": 1}


def test_j09_html_cards_and_workbook_grade_the_cut_project(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "cards"
    result = CliRunner().invoke(app, ["score", str(J09), "--format", "html", "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    page = (out / f"{J09.stem}.html").read_text(encoding="utf-8")
    assert page.count(CUT_GRADE) == 2 and 'data-score="—"' in page and "75.0" not in page
    book = tmp_path / "j09.xlsx"
    result = CliRunner().invoke(app, ["score", str(J09), "--format", "xlsx", "-o", str(book), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    wb = load_workbook(book, read_only=True)
    summary = [r[:4] for r in wb["汇总"].iter_rows(values_only=True) if r and r[0] == "目标质量分等级"]
    assert summary == [("目标质量分等级", "良", 1, 4), ("目标质量分等级", CUT_GRADE, 1, 0)]
    scores = [r[:4] for r in wb["评分"].iter_rows(min_row=2, values_only=True)]
    assert scores[1] == ("—", CUT, "—", CUT_GRADE)
