"""Document, unit and overall roll-ups: mean, spread, worst projects, most frequent defects."""

from __future__ import annotations

import statistics

import pytest

from kpi_lint.score import by_document, by_unit, overall, score_documents
from tests.corpus import corpus_path
from tests.score.corpus_scores import corpus_report
from tests.score.handmade import GOOD_ROWS, document, finding, project


def test_handmade_rollup_figures() -> None:
    doc = document(project(GOOD_ROWS, name="甲"), project(GOOD_ROWS, name="乙"), project(GOOD_ROWS, name="丙"))
    findings = [
        finding(doc, "KPI101", project=1, row=0),
        finding(doc, "KPI101", project=2, row=0),
        finding(doc, "KPI101", project=2, row=1),
        finding(doc, "KPI302", project=2, row=1),
    ]
    (rollup,) = by_document(score_documents([doc], findings))
    # measurability weighs 30: −4 per KPI101 → −1.2; consistency weighs 20: −2 for KPI302 → −0.4
    assert rollup.totals == pytest.approx([100.0, 98.8, 97.2])
    assert rollup.mean == pytest.approx(98.6666667)
    assert rollup.std == pytest.approx(statistics.pstdev([100.0, 98.8, 97.2]))
    assert (rollup.minimum, rollup.maximum) == pytest.approx((97.2, 100.0))
    assert [s.name for s in rollup.worst(2)] == ["丙", "乙"]
    assert [(d.code, d.count, d.projects) for d in rollup.defects()] == [("KPI101", 3, 2), ("KPI302", 1, 1)]


def test_corpus_document_rollups() -> None:
    report = corpus_report()
    rollups = {r.key: r for r in by_document(report)}
    # 000 holds 12 projects; its garbled "离干…" table is "无法评分（原文错乱）" and left out of the figures.
    assert [rollups[str(corpus_path(k))].count for k in ("000", "001", "002", "003", "004")] == [11, 3, 3, 11, 8]
    assert [s.name for s in rollups[str(corpus_path("000"))].unscored] == ["离干、伤残军人、新中国成立前老工人医疗费"]
    for rollup in rollups.values():
        totals = [s.total for s in report.projects if s.path == rollup.key and s.scored]
        assert rollup.mean == pytest.approx(statistics.fmean(totals))
        assert rollup.std == pytest.approx(statistics.pstdev(totals))
        assert (rollup.minimum, rollup.maximum) == (min(totals), max(totals))
        assert rollup.worst()[0].total == min(totals)
    boilerplate = rollups[str(corpus_path("003"))]
    assert boilerplate.mean == min(r.mean for r in rollups.values() if r.mean is not None)
    defects = {d.code: d for d in boilerplate.defects()}
    # the ≥95 template, the missing unit and the copied description are in every one of 003's tables
    assert defects["KPI102"].projects == defects["KPI103"].projects == defects["KPI302"].projects == 11


def test_corpus_unit_and_overall_rollups() -> None:
    report = corpus_report()
    units = {r.title: r for r in by_unit(report)}
    assert units["古县医疗保障局"].count == 3 and units["涞源县医疗保障局"].count == 11
    # 001 declares 6 projects under target management but discloses 3: a document-level finding
    assert [f.code for f in units["古县医疗保障局"].document_findings] == ["KPI204"]
    everything = overall(report)
    assert everything.count == 36 and len(everything.unscored) == 1  # the garbled table is not scored
    assert everything.mean == pytest.approx(statistics.fmean(s.total for s in report.projects if s.scored))
    counts = [d.count for d in everything.defects()]
    assert counts == sorted(counts, reverse=True) and len(counts) == 10
