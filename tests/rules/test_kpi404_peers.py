"""KPI404 and the peer index: where other projects file the same indicator is evidence too."""

from __future__ import annotations

from functools import cache

from kpi_lint.config import Config
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from tests.corpus import all_corpus_docs, corpus_doc


@cache
def _context() -> RuleContext:
    return build_context(all_corpus_docs(), Config())


def _kpi404(key: str, **options: object) -> list[Finding]:
    rule = rule_by_code("KPI404")
    assert rule is not None
    base = _context()
    context = RuleContext(
        lexicon=base.lexicon, options={"KPI404": dict(options)}, documents=base.documents, extras=base.extras
    )
    return run_rules([corpus_doc(key)], [rule], context)


def test_peer_evidence_is_added_when_it_agrees_with_the_model() -> None:
    # The shipped model gives 社会效益指标 0.90 here (its 一级 printed as 满意度指标 pulls the other way a
    # little): the model's verdict and the peers' are joined.
    found = [f for f in _kpi404("002") if f.level3 == "政策知晓率"]
    assert len(found) == 4  # two projects × two periods
    assert all("分类模型判断为社会效益指标" in (f.explain or "") for f in found)
    assert all("其他项目的同类指标 12 行中有 10 行填在社会效益指标" in f.message for f in found)


def test_peer_evidence_alone_reports_a_misfiled_row_the_model_is_unsure_of() -> None:
    # Below min_probability the model's call does not count; the peers alone still report the row. (The model says
    # 0.96 since issue 13-resplit2, 0.90 before: the test's floor sits above it, at 0.99; the rule's own floor is 0.8.)
    found = [f for f in _kpi404("002", min_probability=0.99) if f.level3 == "政策知晓率"]
    assert len(found) == 4
    assert all(f.explain == "其他项目的同类指标 12 行中有 10 行填在社会效益指标" for f in found)


def test_peer_evidence_alone_reports_a_misfiled_row() -> None:
    """Without the model (use_model = false) the lexicon judges only 产出 rows; the peers still see 知晓率."""
    found = [f for f in _kpi404("002", use_model=False) if f.level3 == "政策知晓率"]
    assert {(f.line, f.period) for f in found} == {(1030, "年度"), (1032, "实施期"), (1125, "实施期"), (1125, "年度")}
    assert all(f.explain == "其他项目的同类指标 12 行中有 10 行填在社会效益指标" for f in found)


def test_peer_evidence_needs_enough_rows_and_a_clear_majority() -> None:
    assert not [f for f in _kpi404("002", use_model=False, min_peer_rows=13) if f.level3 == "政策知晓率"]
    assert not [f for f in _kpi404("002", use_model=False, min_peer_share=0.9) if f.level3 == "政策知晓率"]
    # 000 files its 知晓率 rows under 社会效益, with the majority: nothing to report there.
    assert not [f for f in _kpi404("000", use_model=False) if "知晓" in (f.level3 or "")]


def test_a_move_that_leaves_a_required_category_empty_asks_for_a_target_from_peers_of_the_sector() -> None:
    """003's 医疗救助 project files "就否按时救助 | >90" under 质量, its only 质量 row: moved to 时效, the project has
    no 质量 target left. The example is what its closest 医疗保障 peers (000's 医疗救助 projects) set there."""
    found = {f.line: f for f in _kpi404("003")}
    moved = found[1828]
    assert moved.message.endswith(
        "请移到时效指标（移走后质量指标就空了），并补上质量指标下真正属于它的目标，"
        "如同类项目所设“城乡医疗救助对象参保率 100%”。"
    )
    assert moved.suggestion is not None
    assert moved.suggestion.startswith("城乡医疗救助对象参保率 100%（同类项目 3 个使用")
    assert "000_ddaa44b2c1d0d458.txt:1557:1" in moved.suggestion


def test_a_move_that_leaves_the_category_set_asks_for_nothing_more() -> None:
    """002 prints "政策知晓率 ≥80%" under 服务对象满意度 in both periods of one project: the 年度 column also has
    "救助对象满意 ≥85%", the 实施期 column nothing else. Only there does the move leave 满意度 empty. A row moved
    between two kinds of 效益 (000 "减轻退休人员生活负担" 社会 → 经济; 003's "提高效率" 经济 → 社会 until issue
    13-resplit, when the model learnt 003's label, 经济 as printed) leaves the project's 效益 set."""
    by_place = {(f.line, f.period): f.message for f in _kpi404("002") if f.level3 == "政策知晓率"}
    assert by_place[(1030, "年度")].endswith("请移到社会效益指标。")
    assert by_place[(1032, "实施期")].endswith(
        "请移到社会效益指标（移走后服务对象满意度指标就空了），并补上服务对象满意度指标下真正属于它的目标。"
    )
    effects = [f.message for f in _kpi404("000") if f.level3 == "减轻退休人员生活负担"]
    # a worded effect moved between 社会 and 经济: a hint, and nothing asked in its place (issue 11-precision3)
    assert effects and all("也可归入经济效益指标（" in m and m.endswith("这里只作提示。") for m in effects)
    assert not any("请移到" in m for m in effects)  # a hint offers the other category (issue 11-kpi404-hedge)
