"""The corpus: every score is the documented formula applied to its findings, and the ranking is a reviewer's."""

from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict

import pytest

from kpi_lint.rules.base import Severity
from kpi_lint.score import Dimension, score_parsed
from kpi_lint.score.dimensions import is_cost
from tests.corpus import ROOT, corpus_doc, corpus_path
from tests.score.corpus_scores import corpus_findings, corpus_report, project_score
from tests.score.doc_table import documented_penalties, documented_weights

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
GOOD_002 = ("002", "2023年中央财政医疗服务与保障能力提升补助资金")
LINCAI_001 = ("001", "临财社[2021]13号")
EQUIPMENT_003 = ("003", "医疗保障局医保所通用设备5万元")


def documented_severity_factors() -> dict[Severity, float]:
    m = re.search(r"error (\d+(?:\.\d+)?), warning (\d+(?:\.\d+)?), info (\d+(?:\.\d+)?)", DOC)
    assert m, "docs/scoring.md states the severity factors"
    return dict(zip((Severity.ERROR, Severity.WARNING, Severity.INFO), map(float, m.groups()), strict=True))


def documented_grade(total: float) -> str:
    bands = [(g, float(low)) for g, low in re.findall(r"^\| (\S) \| (?:≥ |< )?(\d+)", DOC, re.M)]
    # the last band row reads "< 60": its lower bound is 0
    bands = [*bands[:-1], (bands[-1][0], 0.0)]
    return next(g for g, low in bands if round(total, 1) >= low)


def test_every_project_of_the_corpus_is_scored() -> None:
    report = corpus_report()
    per_doc = Counter(s.path for s in report.projects)
    assert [per_doc[str(corpus_path(k))] for k in ("000", "001", "002", "003", "004")] == [12, 3, 3, 11, 8]
    assert all(0 <= s.total <= 100 for s in report.projects)


def test_every_finding_is_attributed_once_to_its_project_or_document() -> None:
    report = corpus_report()
    attributed = [f for s in report.projects for f in s.findings]
    attributed += [f for fs in report.document_findings.values() for f in fs]
    # A document-wide pattern reported once (003's KPI302) weighs on each project it occurs in.
    places = [(f.path, f.code, *at) for f in corpus_findings() for at in (f.occurrences or [(f.line, f.column)])]
    assert sorted((f.path, f.code, f.line, f.column) for f in attributed) == sorted(places)
    for score in report.projects:
        assert all(f.project == score.name and f.path == score.path for f in score.findings)
    assert {f.code for fs in report.document_findings.values() for f in fs} <= {"KPI204"}


def test_each_score_is_the_documented_formula_applied_to_its_findings() -> None:
    """Recomputed here from the findings and the table in docs/scoring.md, not from kpi_lint.score.table."""
    table, weights, factors = documented_penalties(), documented_weights(), documented_severity_factors()
    for score in corpus_report().projects:
        raw: defaultdict[str, float] = defaultdict(float)
        for f in score.findings:
            raw[f.code] += table[f.code].points * factors[f.severity]
        expected: dict[Dimension, float] = {}
        for dim in Dimension:
            deducted = sum(min(value, table[code].cap) for code, value in raw.items() if table[code].dimension is dim)
            share = score.dimensions[dim].measurement.share
            expected[dim] = max(0.0, min(100.0, 100 * share - deducted))
            assert score.dimensions[dim].score == pytest.approx(expected[dim], abs=1e-9), (score.name, dim)
        total = sum(weights[d] * expected[d] for d in Dimension) / sum(weights.values())
        assert score.total == pytest.approx(total, abs=1e-9), score.name
        # The garbled "离干…" table (issue 11) is not graded on the scale: the extraction failed, not the department.
        expected_grade = "无法评分（原文错乱）" if score.project.garbled else documented_grade(total)
        assert score.grade == expected_grade, score.name


def test_002_concrete_project_ranks_well_above_every_003_table() -> None:
    good = project_score(*GOOD_002)
    tables_003 = [s for s in corpus_report().projects if s.path == str(corpus_path("003"))]
    assert len(tables_003) == 11
    assert good.total >= max(s.total for s in tables_003) + 15
    assert good.grade in ("优", "良") and all(s.grade in ("中", "差") for s in tables_003)
    assert corpus_report().ranked()[0] is good


def test_002_measured_shares() -> None:
    good = project_score(*GOOD_002)
    completeness = good.dimensions[Dimension.COMPLETENESS].measurement
    assert (completeness.measured, completeness.possible) == (7, 7)  # six categories with money costs + 立项依据
    consistency = good.dimensions[Dimension.CONSISTENCY].measurement
    assert consistency.share == 1.0 and consistency.possible >= 1  # the six cost items add up to 150,000 元


def test_003_boilerplate_measured_shares() -> None:
    equipment = project_score(*EQUIPMENT_003)
    dims = equipment.dimensions
    assert dims[Dimension.MEASURABILITY].measurement.share == 0.5  # "≥95" with no unit on every row
    assert (dims[Dimension.COMPLETENESS].measurement.measured, dims[Dimension.COMPLETENESS].measurement.possible) == (
        6,
        7,
    )  # the cost row holds "预算执行 ≥95": no money
    assert {p.code for p in dims[Dimension.RELEVANCE].penalties} >= {"KPI102", "KPI203", "KPI402"}


def test_001_lincai_ranks_above_003_equipment() -> None:
    assert project_score(*LINCAI_001).total > project_score(*EQUIPMENT_003).total + 15


def test_removing_the_cost_indicators_of_a_real_project_lowers_its_score() -> None:
    """The same 002 table with and without its six cost items, each scored on its own."""
    original = copy.deepcopy(corpus_doc("002"))
    original.projects = original.projects[:1]
    stripped = copy.deepcopy(original)
    stripped.projects[0].indicators = [i for i in stripped.projects[0].indicators if not is_cost(i)]
    (with_cost,) = score_parsed([original]).projects
    (without,) = score_parsed([stripped]).projects
    assert len(without.project.indicators) == len(with_cost.project.indicators) - 6
    assert "KPI201" in {f.code for f in without.findings}
    assert with_cost.total > without.total + 5
    assert with_cost.dimensions[Dimension.COMPLETENESS].score > without.dimensions[Dimension.COMPLETENESS].score


def test_peer_outliers_lower_the_relevance_share() -> None:
    """002 sets 政策知晓率 ≥80% where other units set 90–95%: the peer index marks it, the share shows it."""
    report = corpus_report()
    assert report.peers_used
    notes = [
        (s.path, n.text)
        for s in report.projects
        for n in s.dimensions[Dimension.RELEVANCE].measurement.notes
        if "同类" in n.text
    ]
    assert any(path == str(corpus_path("002")) and "政策知晓率" in text and "≥80%" in text for path, text in notes)
    assert all("明显" in text for _, text in notes)  # the peer index's own message, shown as the reason
