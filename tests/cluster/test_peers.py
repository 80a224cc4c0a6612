"""Learning from peers on the corpus: outlying targets, suggestions for missing categories."""

from __future__ import annotations

import statistics
from pathlib import Path

import numpy as np
import pytest

from kpi_lint.cluster import ClusterSet, PeerIndex, PeerOutlier, build_peer_index
from kpi_lint.model import Document, Form, Indicator, Layout, Located, Project
from kpi_lint.parse.values import parse_value
from tests.cluster.conftest import indicator
from tests.corpus import corpus_doc


def project(key: str, prefix: str, line: int | None = None) -> Project:
    return next(p for p in corpus_doc(key).projects if p.name.startswith(prefix) and (line is None or p.line == line))


def test_awareness_target_far_below_peers(peers: PeerIndex) -> None:
    # 002 sets 政策知晓率 ≥80%; 沁水县's three projects with an awareness rate set 90%, 90% and 95%.
    found = peers.outlier(indicator("002", "政策知晓率"))
    assert found == PeerOutlier(
        message="「政策知晓率」的目标 ≥80% 明显低于同类指标：其他 1 个单位的 3 个项目设为 90%–95%"
        "（中位数 90%，同类：政策知晓率）",
        peer_count=3,
        peer_units=1,
        peer_min=90.0,
        peer_median=90.0,
        peer_max=95.0,
        unit="%",
        value=80.0,
        cluster_id=2,
        cluster_label="政策知晓率",
    )


@pytest.mark.parametrize(
    ("key", "level3"),
    [
        ("000", "参保城乡居民满意度"),  # ≥95%: the peers' median
        ("004", "群众满意度"),  # ≥90%
        ("002", "救助对象满意度"),  # ≥85%: low, but 高平市 sets 85% too
        ("000", "城乡居民基本医疗保险参保人数"),  # a count scales with the county: not compared
        ("004", "困难群众看病就医方便程度"),  # 明显提高: no number
        ("003", "满意率"),  # "≥95" without a unit: not comparable with percents
    ],
)
def test_no_outlier(peers: PeerIndex, key: str, level3: str) -> None:
    assert peers.outlier(indicator(key, level3)) is None


def test_only_the_corpus_awareness_target_is_an_outlier(peers: PeerIndex, docs: list[Document]) -> None:
    flagged = {(Path(i.path).name[:3], i.line) for d in docs for i in d.indicators if peers.outlier(i)}
    assert flagged == {("002", 1030), ("002", 1032), ("002", 1125)}


def test_cost_suggestions_come_from_002s_cost_rows(peers: PeerIndex) -> None:
    # 沁水县's capacity-building project leaves 成本指标 empty; its closest peer with cost rows is
    # 离石区's 2023年中央财政医疗服务与保障能力提升补助资金 (20000+20000+12000+30000+51800+16200 元).
    proj = project("000", "医疗服务与保障能力提升补助资金")
    assert peers.missing_categories(proj) == ["成本指标"]
    found = peers.suggest(proj, "成本指标", k=6)
    assert [(s.level3, s.typical_value, s.project_count) for s in found] == [
        ("会议费", "20000元", 1),
        ("宣传费", "20000元", 1),
        ("邮电费", "12000元", 1),
        ("培训费", "30000元", 1),
        ("印刷费", "51800元", 1),
        ("设备购置费", "16200元", 1),
    ]
    assert [s.example.rsplit("/", 1)[1] for s in found[:3]] == [
        "002_308b9423603d240b.txt:920",
        "002_308b9423603d240b.txt:922",
        "002_308b9423603d240b.txt:924",
    ]
    assert len(peers.suggest(proj, "成本指标")) == 3


def test_cost_suggestion_for_long_term_care_comes_from_the_long_term_care_peer(peers: PeerIndex) -> None:
    proj = project("004", "长期护理保险财政补助资金")
    assert peers.missing_categories(proj) == ["成本指标"]
    first = peers.suggest(proj, "成本指标")[0]
    assert (first.level3, first.typical_value) == ("长期护理人员标准（元）", "67元")
    assert first.example.endswith("000_ddaa44b2c1d0d458.txt:3667")


def test_filler_and_misfiled_rows_are_not_suggested(peers: PeerIndex, docs: list[Document]) -> None:
    # 003 fills 成本指标 with "预算控制率 ≥95" (no money): never a cost model.
    for doc in docs:
        for proj in doc.projects:
            assert not any("003_" in s.example for s in peers.suggest(proj, "成本指标", k=10))
    # 002 files 政策知晓率 under 服务对象满意度指标, but its cluster is mostly 社会效益指标.
    found = peers.suggest(project("004", "城乡医疗救助本级补助"), "服务对象满意度指标")
    assert [(s.level3, s.typical_value, s.project_count) for s in found] == [("城乡医疗救助人员满意度", "≥95%", 8)]


def test_similar_projects_rank_by_name_and_indicators(peers: PeerIndex) -> None:
    ranked = peers.similar_projects(project("000", "城乡医疗救助补助资金", line=1202))
    # Third was 004's 城乡医疗救助本级补助 (604, 0.245) before the population lexicon and the effect classes (issue
    # 13-cluster-populations): 002's central 医疗救助补助资金 (0.238 → 0.310) now shares 减轻困难群众医疗负担 with it
    # (002's 减轻困难群众医疗费用负担 = 000's 减轻城乡医疗救助人员经济负担, G7c); the two 000 allocations, which print
    # 贫困人口 / 贫困人员 and 特困人口 / 特困人员, are now the same rows (0.906 → 1.0).
    assert [(Path(k[0]).name[:3], k[1], k[2]) for k, _ in ranked[:3]] == [
        ("000", "城乡医疗救助补助资金", 1420),
        ("000", "城乡医疗救助县级配套", 1642),
        ("002", "2023年中央财政医疗救助补助资金预算的通知", 961),
    ]


def test_categories_of_a_cluster_for_kpi404(peers: PeerIndex) -> None:
    assert peers.categories(indicator("002", "政策知晓率")) == {"社会效益指标": 10, "服务对象满意度指标": 4}
    cluster = peers.cluster_for(indicator("000", "参保群众政策知晓率"))
    assert cluster is not None and cluster.label == "政策知晓率"


# ---- direction and per-unit amounts, on small constructed documents -----------------------------------


def _doc(unit: str, rows: list[tuple[str, str, str]]) -> Document:
    path = f"{unit}.txt"
    proj = Project(name=f"{unit}信息系统运维", form=Form.TARGET, line=1, column=1)
    for n, (level2, level3, value) in enumerate(rows, start=10):
        proj.indicators.append(
            Indicator(path, proj.name, Form.TARGET, None, "产出指标", level2, level3, value, n, 2, parse_value(value))
        )
    return Document(path, Layout.CELL_LINES, "utf-8", department=Located(f"{unit}医疗保障局", 1, 1), projects=[proj])


def test_a_ceiling_is_an_outlier_when_far_above_peers() -> None:
    docs = [
        _doc("甲县", [("质量指标", "信息系统故障发生率", "≤2%"), ("成本指标", "宣传资料单位成本", "10元/份")]),
        _doc("乙县", [("质量指标", "信息系统故障发生率", "≤3%"), ("成本指标", "宣传资料单位成本", "12元/份")]),
        _doc("丙县", [("质量指标", "信息系统故障发生率", "≤2%"), ("成本指标", "宣传资料单位成本", "11元/份")]),
        _doc("丁县", [("质量指标", "信息系统故障发生率", "≤15%"), ("成本指标", "宣传资料单位成本", "30元/份")]),
        _doc("戊县", [("成本指标", "宣传资料单位成本", "5元/份")]),
    ]
    index = build_peer_index(docs)
    lax_rate, dear = docs[3].indicators
    found = index.outlier(lax_rate)
    assert found is not None
    assert (found.value, found.peer_min, found.peer_median, found.peer_max, found.unit) == (15.0, 2.0, 2.0, 3.0, "%")
    assert found.message.startswith("「信息系统故障发生率」的目标 ≤15% 明显高于同类指标：其他 3 个单位的 3 个项目")
    # A unit cost is a ceiling: 30元/份 against 5–12 is lax, 5元/份 is thrifty, not an outlier.
    cost = index.outlier(dear)
    assert cost is not None
    assert (cost.value, cost.peer_min, cost.peer_median, cost.peer_max, cost.unit) == (30.0, 5.0, 10.5, 12.0, "元/份")
    assert index.outlier(docs[4].indicators[0]) is None
    assert index.outlier(docs[0].indicators[0]) is None


def test_an_empty_index_answers_nothing() -> None:
    index = build_peer_index([])
    lone = Project(name="办公楼租赁费", form=Form.TARGET, line=1, column=1)
    assert index.suggest(lone, "成本指标") == []
    assert index.similar_projects(lone) == []
    assert index.missing_categories(lone) == ["数量指标", "质量指标", "时效指标", "成本指标"]


def test_an_impossible_peer_rate_is_no_benchmark_for_a_rate_capped_at_100() -> None:
    # Wild r05 sets three satisfaction targets at ≥80%; the peers' range read "85%–290%" because e02's glued
    # "市民满意度调查290%100%" was read as a 290% target (finding review sample 12, partly).
    docs = [
        _doc("甲县", [("服务对象满意度指标", "群众满意度", "≥95%")]),
        _doc("乙县", [("服务对象满意度指标", "群众满意度", "≥90%")]),
        _doc("丙县", [("服务对象满意度指标", "群众满意度", "≥95%")]),
        _doc("丁县", [("服务对象满意度指标", "群众满意度", "290%")]),
        _doc("戊县", [("服务对象满意度指标", "群众满意度", "≥80%")]),
    ]
    index = build_peer_index(docs)
    low = docs[4].indicators[0]
    uncapped = index.outlier(low)
    assert uncapped is not None and uncapped.peer_max == 290.0 and "90%–290%" in uncapped.message
    capped = index.outlier(low, cap=100.0)
    assert capped is not None
    assert (capped.peer_count, capped.peer_min, capped.peer_median, capped.peer_max) == (3, 90.0, 95.0, 95.0)
    assert "其他 3 个单位的 3 个项目设为 90%–95%（中位数 95%" in capped.message


def test_peers_that_all_agree_are_said_to_agree() -> None:
    # Wild a01 "补贴发放及时率 ≥95%" against seven peers all at 100%: the message read "设为 100%–100%" (sample 54).
    docs = [_doc(unit, [("时效指标", "补贴发放及时率", "=100%")]) for unit in ("甲县", "乙县", "丙县")]
    docs.append(_doc("丁县", [("时效指标", "补贴发放及时率", "≥80%")]))
    found = build_peer_index(docs).outlier(docs[3].indicators[0])
    assert found is not None
    assert "其他 3 个单位的 3 个项目都设为 100%（中位数 100%" in found.message
    assert "100%–100%" not in found.message


def test_the_usual_level_is_the_other_units_median() -> None:
    # What KPI105 suggests for a satisfaction written "≥100%": the other units' median, with no outlier needed;
    # the unit's own target and an impossible peer one (290%) are left out.
    docs = [
        _doc("甲县", [("服务对象满意度指标", "群众满意度", "≥95%")]),
        _doc("乙县", [("服务对象满意度指标", "群众满意度", "≥90%")]),
        _doc("丙县", [("服务对象满意度指标", "群众满意度", "≥85%")]),
        _doc("丁县", [("服务对象满意度指标", "群众满意度", "290%")]),
        _doc("戊县", [("服务对象满意度指标", "群众满意度", "≥100%")]),
    ]
    index = build_peer_index(docs)
    assert index.usual_level(docs[4].indicators[0], cap=100.0) == (90.0, 3)
    assert index.usual_level(docs[0].indicators[0], cap=100.0) == (90.0, 3)  # 乙 90, 丙 85, 戊 100
    lone = build_peer_index(docs[:2])
    assert lone.usual_level(docs[0].indicators[0], cap=100.0) is None  # one peer is no usual level


# ---- the peers of a unit read from the sorted targets of all (issue 10o) ----------------------------------


def test_peer_stats_of_each_unit_are_those_of_the_other_units_targets(peers: PeerIndex, docs: list[Document]) -> None:
    # Every (cluster, unit of measure) of the corpus seen from every unit: the order statistics read by removing
    # the unit's own targets from the sorted targets of all are those of the other units' targets, sorted anew.
    from kpi_lint.cluster.peers import MIN_PEER_PROJECTS, OUTLIER_PERCENTILE, _PeerStats, _PeerValues, _project_values

    units = {i.path: peers._unit_by_path[i.path] for d in docs for i in d.indicators}
    compared = 0
    for cluster in peers.clusters.clusters:
        for unit in ("%", "元/人"):
            everyone = _project_values(cluster, unit, lower_is_laxer=True)
            values = _PeerValues.of(everyone)
            for own in {*units.values(), None}:
                others = sorted(v for k, v in everyone.items() if k[0] != own)
                stats = _PeerStats.of(values, own, unit, peers._rank)
                if len(others) < MIN_PEER_PROJECTS:
                    assert stats is None
                    continue
                assert stats is not None
                assert (stats.count, stats.low, stats.high) == (len(others), others[0], others[-1])
                assert stats.median == statistics.median(others)
                assert stats.low_bound == float(np.percentile(others, OUTLIER_PERCENTILE, method="lower"))
                assert stats.high_bound == float(np.percentile(others, 100 - OUTLIER_PERCENTILE, method="higher"))
                compared += 1
    assert compared >= 20


def test_the_suggesters_candidates_and_the_project_itself_fit_in_the_kept_neighbours() -> None:
    # More would rank every project again per query (a product over all projects: quadratic in a run).
    from kpi_lint.cluster.peers import NEIGHBOURS
    from kpi_lint.library.suggest import CANDIDATE_PROJECTS

    assert CANDIDATE_PROJECTS + 1 <= NEIGHBOURS


def test_neighbours_are_the_same_whatever_block_computes_them(
    clusters: ClusterSet, docs: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the latest block of neighbours is kept: a project asked again after its block was let go (here
    blocks of 3 projects, asked backwards, within a subset too) gets the same neighbours and similarities
    as from one block of every project."""
    import kpi_lint.cluster.peers as peers_module

    whole = PeerIndex(clusters, docs)
    monkeypatch.setattr(peers_module, "_BLOCK_ROWS", 3)
    blocks = PeerIndex(clusters, docs)
    projects = [(d.path, p) for d in docs for p in d.projects]
    assert len(projects) > 30  # 37 projects in the samples
    for among_of in (lambda index: None, lambda index: index.subset(lambda key: key[2] % 2 == 0)):
        wanted, got = among_of(whole), among_of(blocks)
        for path, proj in reversed(projects):
            expected = whole.similar_projects(proj, path, 70, wanted)
            assert blocks.similar_projects(proj, path, 70, got) == expected, (path, proj.name)
