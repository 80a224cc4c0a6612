"""Two kinds of score, told apart: the tool's 目标质量分 and a 自评表's own 自评总分, with the gap flagged."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from kpi_lint.report.scorecard_html import write_html
from kpi_lint.report.scorecard_md import write_markdown
from kpi_lint.score.config import DEFAULT_SELF_EVALUATION_GAP, ScoreConfigError, config_from_table
from kpi_lint.score.present import scorecard_names
from kpi_lint.score.self_eval import printed_total, self_evaluation
from tests.corpus import corpus_path
from tests.score.corpus_scores import corpus_report, project_score

ROOT = Path(__file__).resolve().parents[2]
WILD = ROOT / "corpus" / "wild"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, ["score", *map(str, args)])


def test_self_evaluation_total_is_read_from_the_table_with_its_position() -> None:
    score = project_score("004", "城乡居民医疗保险工作经费")
    own = self_evaluation(score, DEFAULT_SELF_EVALUATION_GAP)
    assert own is not None
    assert (own.total, own.grade, own.printed.text) == (93.67, "优", "93.67")
    source = corpus_path("004").read_text(encoding="utf-8").splitlines()
    assert source[own.printed.line - 1][own.printed.column - 1 :].startswith("93.67")
    assert own.gap == pytest.approx(93.67 - score.total)
    assert own.gap is not None and own.flagged is (own.gap >= DEFAULT_SELF_EVALUATION_GAP)


def test_only_self_evaluations_have_a_self_score_and_every_004_project_has_one() -> None:
    report = corpus_report()
    with_own = {s.path for s in report.projects if self_evaluation(s, 20) is not None}
    assert with_own == {str(corpus_path("004"))}
    assert all(self_evaluation(s, 20) for s in report.of_document(str(corpus_path("004"))))


def test_printed_totals_that_are_not_a_figure_are_not_compared() -> None:
    assert printed_total("93.67") == 93.67 and printed_total("100分") == 100.0
    assert printed_total("100100注:1.") is None  # a wild-set 总分 cell run into its footnote


def test_gap_threshold_is_a_setting() -> None:
    score = project_score("004", "城乡居民医疗保险工作经费")
    assert not self_evaluation(score, 100).flagged  # type: ignore[union-attr]
    never = self_evaluation(score, config_from_table({"self_evaluation_gap": 100}).self_evaluation_gap)
    always = self_evaluation(score, config_from_table({"self_evaluation_gap": 0}).self_evaluation_gap)
    assert never is not None and always is not None and not never.flagged and always.flagged
    with pytest.raises(ScoreConfigError, match="self_evaluation_gap"):
        config_from_table({"self_evaluation_gap": -5})


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-scores-html")
    write_html(corpus_report(), folder)
    return folder


def test_html_card_shows_both_scores_labelled_and_flags_the_gap(html: Path) -> None:
    report = corpus_report()
    path = str(corpus_path("004"))
    page = (html / scorecard_names(report.documents, ".html")[path]).read_text(encoding="utf-8")
    scores = report.of_document(path)
    own = [self_evaluation(s, report.config.self_evaluation_gap) for s in scores]
    assert page.count('<div class="total tool">') == len(scores) == page.count('<div class="total self">') == 8
    assert "目标质量分（0–100，kpi-lint 计算）" in page and "自评总分（自评表所填）" in page
    assert '<b>93.67</b> <span class="grade self">优</span>' in page
    flagged = [o for o in own if o is not None and o.flagged]
    assert page.count('<p class="gap-flag"') == len(flagged) >= 1
    gaps = [float(g) for g in re.findall(r'data-gap="([\d.]+)"', page)]
    assert gaps == [pytest.approx(o.gap, abs=0.05) for o in flagged]
    # a card without a self-evaluation shows only the tool's score
    other = (html / scorecard_names(report.documents, ".html")[str(corpus_path("003"))]).read_text(encoding="utf-8")
    assert '<div class="total self">' not in other and '<div class="total tool">' in other


def test_bar_labels_do_not_read_as_arithmetic(html: Path) -> None:
    texts = []
    for page in html.glob("*.html"):
        for svg in re.findall(r'<svg class="chart bars".*?</svg>', page.read_text(encoding="utf-8"), re.S):
            texts += re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts
    assert not [t for t in texts if re.search(r"\d\s+−\d", t)]  # no "68.3 −15"
    deductions = [t for t in texts if t.startswith("（扣")]
    assert deductions and all(re.fullmatch(r"（扣 [\d.]+ 分）", t) for t in deductions)


def test_overview_ranking_has_both_columns(html: Path) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    head = re.search(r'<table class="ranking"><thead>(.*?)</thead>', page, re.S)
    assert head and re.findall(r"<th[^>]*>([^<]+)</th>", head.group(1))[2:5] == ["目标质量分", "等级", "自评总分"]
    assert page.count('<span class="gap-mark"') == sum(
        1 for s in corpus_report().projects if (o := self_evaluation(s, 20)) is not None and o.flagged
    )


def test_markdown_card_shows_both_and_flags(tmp_path: Path) -> None:
    report = corpus_report()
    write_markdown(report, tmp_path)
    page = (tmp_path / scorecard_names(report.documents, ".md")[str(corpus_path("004"))]).read_text(encoding="utf-8")
    assert "自评总分（表中所填，非本工具计算）：93.67 · 优" in page
    flagged = sum(1 for s in report.of_document(str(corpus_path("004"))) if (o := self_evaluation(s, 20)) and o.flagged)
    assert page.count("> ⚠ 自评总分") == flagged
    assert "| 项目 | 目标质量分 | 等级 | 自评总分 |" in page


def test_csv_and_json_carry_the_self_score_beside_the_tool_score() -> None:
    result = run(corpus_path("004"), corpus_path("001"), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    own = {r["project"]: r for r in rows if r["self_total"]}
    assert len(own) == 8 and all(r["path"].endswith(corpus_path("004").name) for r in own.values())
    row = own["城乡居民医疗保险工作经费"]
    assert (row["self_total"], row["self_grade"]) == ("93.67", "优")
    assert float(row["self_gap"]) == pytest.approx(93.67 - float(row["total"]), abs=0.01)
    assert row["self_flag"] == str(float(row["self_gap"]) >= 20)
    data = json.loads(run(corpus_path("004"), "-f", "json").stdout)
    assert data["config"]["self_evaluation_gap"] == 20
    first = next(p for p in data["projects"] if p["project"] == "城乡居民医疗保险工作经费")
    assert first["self_evaluation"]["printed"] == "93.67" and first["self_evaluation"]["line"] == 586


def test_terminal_table_labels_both(tmp_path: Path) -> None:
    result = run(corpus_path("004"), "-o", tmp_path / "t.txt")
    text = (tmp_path / "t.txt").read_text(encoding="utf-8")
    assert result.exit_code == 0 and "目标质量分" in text and "自评总分" in text
    assert re.search(r"⚠ \d+ 个项目的自评总分比目标质量分高 20 分及以上", text)


def test_wild_self_evaluation_flagged_on_weak_targets(tmp_path: Path) -> None:
    """j02 (四川, 发改) grades itself 100 on targets the tool scores far lower."""
    path = WILD / "j02_sichuan_devreform_selfeval.txt"
    data = json.loads(run(path, "-f", "json").stdout)
    (project,) = [p for p in data["projects"] if p["self_evaluation"]]
    own = project["self_evaluation"]
    assert own["total"] == 100
    assert own["flagged"] is (100 - project["total"] >= 20) and own["flagged"]
    assert own["gap"] == pytest.approx(100 - project["total"], abs=0.01)


def test_wild_self_evaluation_read_whole_is_scored_against_its_printed_total() -> None:
    """h02 (云南, 春节走访慰问经费) grades itself 100 优. Its table, printed one cell per line, was once
    read garbled (its first row's name, a long sentence, was taken for prose and the columns slid) and
    left unscored; read whole (issue 9m), every row has its 实际完成值 and 分值, and the target quality
    is compared with the printed 总分."""
    data = json.loads(run(WILD / "h02_yunnan_veterans_selfeval.txt", "-f", "json").stdout)
    (project,) = [p for p in data["projects"] if p["self_evaluation"]]
    assert project["self_evaluation"]["total"] == 100 and project["self_evaluation"]["grade"] == "优"
    assert project["total"] is not None and project["grade"] != "无法评分（原文错乱）"
    assert project["self_evaluation"]["gap"] == pytest.approx(100 - project["total"], abs=0.01)
    assert project["self_flag"] is (project["self_evaluation"]["gap"] >= DEFAULT_SELF_EVALUATION_GAP)
