"""Markdown scorecards of the corpus: every project, its score, its findings with their source lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi_lint.report.scorecard_md import cell, write_markdown
from kpi_lint.score.present import location, scorecard_names
from tests.corpus import corpus_path
from tests.score.corpus_scores import corpus_report


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("md")
    written = write_markdown(corpus_report(), folder)
    assert [p.name for p in written] == [
        "index.md",
        *(f"{corpus_path(k).stem}.md" for k in ("000", "001", "002", "003", "004")),
    ]
    return folder


def test_overview_ranks_all_37_projects(out: Path) -> None:
    text = (out / "index.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| \[(.+?)\]\((\S+?\.md)\) \| ([\d.]+) \| (\S) \|", text, re.M)
    report = corpus_report()
    assert [int(r[0]) for r in rows] == list(range(1, 37))  # 36 scored; the garbled table has no rank
    assert [(name, float(total)) for _, name, _, total, _ in rows] == [
        (cell(s.name), round(s.total, 1)) for s in report.ranked() if s.scored
    ]
    garbled = cell("离干、伤残军人、新中国成立前老工人医疗费")
    assert f"| — | [{garbled}]" in text and "| — | 无法评分（原文错乱） |" in text
    assert "## 最常见的问题" in text and "## 按文档" in text and "## 按单位" in text
    assert "```text" in text  # the text histogram


def test_each_document_card_lists_its_projects_scores_and_findings(out: Path) -> None:
    report = corpus_report()
    names = scorecard_names(report.documents, ".md")
    for doc in report.documents:
        text = (out / names[doc.path]).read_text(encoding="utf-8")
        headings = re.findall(r"^## (.+)$", text, re.M)
        assert headings == [p.name for p in doc.projects]
        sections = text.split("\n## ")[1:]  # in project order (names may repeat in a document)
        for score, section in zip(report.of_document(doc.path), sections, strict=True):
            shown = (
                f"**目标质量分 {score.total:.1f} · {score.grade}**"
                if score.scored
                else "**目标质量分 — · 无法评分（原文错乱）**"
            )
            assert shown in section
            for dim in score.dimensions.values():
                assert f"| {dim.label} |" in section and f"| {dim.score:.1f} |" in section
            for finding in score.findings:
                assert f"`{location(finding)}` **{finding.code}**" in section
            assert section.count("\n- `") >= len(score.findings)


def test_findings_carry_real_source_lines(out: Path) -> None:
    """The locations printed in 003's card are the findings' own, and point at the printed values."""
    text = (out / f"{corpus_path('003').stem}.md").read_text(encoding="utf-8")
    source = corpus_path("003").read_text(encoding="utf-8").splitlines()
    printed = re.findall(r"^- `corpus/003_\w+\.txt:(\d+):(\d+)` \*\*(KPI\d{3})\*\*", text, re.M)
    findings = [f for s in corpus_report().of_document(str(corpus_path("003"))) for f in s.findings]
    assert sorted((int(a), int(b), c) for a, b, c in printed) == sorted((f.line, f.column, f.code) for f in findings)
    missing_unit = [f for f in findings if f.code == "KPI103"]
    # 36: the unitless "≥95"/">90" of 003's rows, less those on filler names ("提高效率", KPI203) and budget-process
    # measures ("预算控制率", KPI402), whose row is to be rewritten or replaced (issue 11h: one defect, one finding)
    assert len(missing_unit) >= 36
    for f in missing_unit:  # the value cell itself: "≥95", ">90", "717"
        assert f.value and source[f.line - 1][f.column - 1 :].startswith(f.value), (f.line, f.value)
