"""Clusters of the corpus: what groups across counties, what stays apart, what a cluster records."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from kpi_lint.cluster import ClusterSet, ValueStats, build_clusters, cluster_texts
from kpi_lint.cluster.clustering import Block, _reorderings, cluster_block, cluster_signatures, other_objects
from kpi_lint.cluster.groups import collect_members, per_units, value_kinds
from kpi_lint.cluster.normalize import UNKNOWN, Signature, TextNormalizer
from kpi_lint.model import Document
from kpi_lint.parse import parse
from tests.cluster.conftest import indicator
from tests.corpus import CORPUS_DIR, corpus_doc

FIVE_UNITS = [
    "古县医疗保障局",
    "吕梁市离石区医疗保障局",
    "沁水县医疗保障局",
    "涞源县医疗保障局",
    "高平市医疗保险服务中心",
]


def test_satisfaction_of_all_five_counties_is_one_cluster(clusters: ClusterSet) -> None:
    cluster = clusters.cluster_of(indicator("004", "群众满意度"))
    assert cluster is not None
    assert cluster.id == 1  # the largest
    assert (cluster.label, cluster.size, cluster.units) == ("群众满意度", 51, FIVE_UNITS)
    printed = {m.level3 for m in cluster.members}
    assert {"参保城乡居民满意度", "救助对象满意度", "建档立卡贫困户满意度", "满意率", "退休人员满意度（%）"} <= printed
    for key, text in [
        ("000", "参保城乡居民满意度"),
        ("001", "建档立卡贫困户满意度"),
        ("002", "救助对象满意"),
        ("003", "满意率"),
        ("004", "受益人群满意度"),
    ]:
        assert clusters.cluster_of(indicator(key, text)) is cluster
    assert cluster.level2 == {"服务对象满意度指标": 51}
    # 40 percent targets (85–99%, median 95%) and 003's eleven unit-less "≥95" / ">90".
    assert cluster.values == [ValueStats("%", 40, 85.0, 95.0, 99.0), ValueStats("", 11, 90.0, 95.0, 95.0)]


def test_truncated_cells_join_their_full_text(clusters: ClusterSet) -> None:
    full = clusters.cluster_of(indicator("000", "医保信息系统正常运行率"))
    assert full is not None
    assert clusters.cluster_of(indicator("002", "医保信息系统正常运")) is full
    assert clusters.cluster_of(indicator("001", "医保信息系统正常运行率")) is full
    assert full.units == ["古县医疗保障局", "吕梁市离石区医疗保障局", "沁水县医疗保障局"]
    assert [(Path(m.path).name[:3], m.line, m.period) for m in full.members][-2:] == [
        ("002", 914, "实施期"),
        ("002", 912, "年度"),
    ]
    assert full.values == [ValueStats("%", 7, 90.0, 90.0, 95.0)]


def test_a_name_with_two_parts_swapped_is_one_indicator() -> None:
    """Object and action in either order (issue 13n); a swap of single characters or of texts that differ
    otherwise is no reordering."""
    texts = [
        "购置办公设备数量",
        "办公设备购置数量",
        "印刷宣传资料",
        "宣传资料印刷",
        "雾炮车抑尘降尘服务配备车辆数",
        "雾炮车降尘抑尘服务配备车辆数",
        "培训次数",
        "培训数次",
        "补助人数",
        "人数补助金",
        "设备验收合格率",
        "验收设备合格率",
    ]
    assert _reorderings(texts) == [(0, 1), (2, 3), (4, 5), (10, 11)]
    normalizer = TextNormalizer()
    labels = cluster_texts(["办公设备购置数量", "购置办公设备数量", "办公设备购置种类"], normalizer).labels.tolist()
    assert labels[0] == labels[1] != labels[2]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("002", "资助参保人次数"), ("004", "住院救助人次")),
        (("002", "住院救助人次数"), ("004", "门诊救助人次")),
        (("002", "医保信息系统验收合格率"), ("002", "医保信息系统正常运行率")),
        (("000", "医保信息系统验收合格率"), ("001", "医保信息系统正常运行率")),
        (("002", "培训次数"), ("003", "培训人员人次")),
        (("003", "培训次数"), ("003", "培训人员人次")),
        (("000", "城乡居民基本医疗保险参保人数"), ("000", "城乡居民基本医疗保险参保率")),
        (("000", "医保政策宣传时间"), ("000", "医保政策宣传资料")),
        (("002", "培训费"), ("002", "培训次数")),
        # a count and a number of kinds (lexicons/measure_heads.txt): joined before issue 13e
        (("004", "购置办公设备数量"), ("004", "购置办公设备种类")),
    ],
)
def test_hard_negatives_stay_apart(clusters: ClusterSet, a: tuple[str, str], b: tuple[str, str]) -> None:
    assert clusters.cluster_of(indicator(*a)) is not clusters.cluster_of(indicator(*b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("002", "住院救助人次数"), ("004", "住院救助人次")),
        (("002", "培训次数"), ("000", "医保业务培训次数")),
        (("003", "培训次数"), ("000", "医保业务培训次数")),
        (("000", "特困人员"), ("004", "特困人员人数")),
        (("002", "召开医保工作政府信"), ("000", "召开医保工作政府信息分开县级工作会议或培训")),
        # printed copies, three wordings: 印刷数量 joined the other two at issue 13e's threshold 0.40, parted from
        # them at 0.35 (issue 13g) and joins them again at 0.40 (issue 13-cluster: the threshold rule on the train +
        # dev pairs, once the measure and object vetoes keep the false merges of 0.40 apart)
        (("002", "印刷数量"), ("004", "宣传资料印刷份数")),
        (("002", "印刷数量"), ("001", "印制宣传资料")),
    ],
)
def test_same_indicator_across_counties(clusters: ClusterSet, a: tuple[str, str], b: tuple[str, str]) -> None:
    assert clusters.cluster_of(indicator(*a)) is clusters.cluster_of(indicator(*b))


def test_a_cluster_filed_under_two_categories_is_visible(clusters: ClusterSet) -> None:
    # 002 files 政策知晓率 under 服务对象满意度指标; 000 files its 知晓率 under 社会效益指标 (KPI404 evidence).
    cluster = clusters.cluster_of(indicator("002", "政策知晓率"))
    assert cluster is not None
    assert cluster.level2 == {"社会效益指标": 10, "服务对象满意度指标": 4}
    assert cluster.units == ["吕梁市离石区医疗保障局", "沁水县医疗保障局"]
    assert cluster.values == [ValueStats("%", 12, 80.0, 90.0, 95.0)]


def test_ids_follow_size_and_every_indicator_is_placed(clusters: ClusterSet, docs: list[Document]) -> None:
    sizes = [c.size for c in clusters.clusters]
    assert sizes == sorted(sizes, reverse=True)
    assert [c.id for c in clusters.clusters] == list(range(1, len(clusters.clusters) + 1))
    named = [i for d in docs for i in d.trusted_indicators if i.level3]
    assert sum(sizes) == len(named) == 394  # 395 rows with a name, less 000's garbled one (Indicator.reading)
    assert all(clusters.cluster_of(i) is not None for i in named)
    # 178 clusters (187 before 人次→人数, 印制→印刷 and cut cells joined their complete forms; 181 before issue
    # 13e's measure kinds, synonyms and threshold 0.40: 印刷数量 joined 宣传资料印刷份数, 购置办公设备种类 left
    # 购置办公设备数量, and 办公设备验收合格率 wrongly joined 医保信息系统验收合格率); 182 at threshold 0.35
    # (issue 13g: four more, 印刷数量 alone among them); 183 after issue 13l's word-order rule (完成及时率 →
    # 及时完成率) took 003's 完成及时率 away from its bare 及时性; 182 after issue 13n dropped a trailing number
    # (001's cut cell 城乡居民县级财2 joins its other cut copy 城乡居民县级财政补助参); 179 at threshold 0.40 with the
    # measure and object vetoes (issue 13-cluster): 印刷数量 joins 印制宣传资料 / 宣传资料印刷份数 again, 003's bare
    # 完成率 joins 支付完成率 and 任务完成时间 joins 遗属困难补助发放完成时间, while 办公设备验收合格率 stays apart from
    # 医保信息系统验收合格率 (goods vs an information system, lexicons/measure_objects.txt); 180 since two counts of
    # objects named by another short word in front are two indicators (issue 13-cluster2, other_objects): 003's
    # 村级卫生室数量 (1717, every village clinic) leaves 稽查卫生室数量 (279 clinics audited); 179 since 000's garbled
    # table (离休干部、二等乙级伤残军人数, a cluster of its own) is no data to group (Indicator.reading); 170 since the
    # pair guide's concept classes (lexicons/cluster_concepts.txt) joined 9 clusters to others: 印刷宣传资料 (医保政策
    # 宣传资料 joins), 参保率 (three populations), 补助发放时间 (three payouts), 设备购置数量 (服务器 / 电脑 /
    # 办公设备), 信息系统正常运行率 (医保 / 医疗), 预算 with 成本 … (test_concepts.py); 165 since the population lexicon
    # and the effect classes (issue 13-cluster-populations, test_populations.py): 贫困人口 / 贫困人员 / 稳定脱贫人口人数
    # join 建档立卡贫困户(人数), 特困人口 joins 特困人员, 防返贫致贫检测对象人数 joins 易返贫致贫人数,
    # 减轻城乡医疗救助人员 经济负担 joins 减轻困难群众医疗费用负担 (−6), while 001's cut 缓解建档立卡贫 leaves its
    # complete form 级解建档立卡贫困户参保, now 缓解脱贫户参保 (+1: the cut falls inside a rewritten name; see the
    # note).
    assert len(clusters.clusters) == 165
    # 17 before the concept classes: 参保率 and 补助发放时间 now span units (both joined across projects of 000 / 001);
    # 19 before the population lexicon: the 脱贫人口 names (000, 001, 004) and the 监测对象 names (000, 004) now do
    assert sum(len(c.units) > 1 for c in clusters.clusters) == 21


def test_an_unseen_indicator_is_found_by_its_text(clusters: ClusterSet) -> None:
    stray = indicator("004", "群众满意度")
    copy = replace(stray, path="elsewhere.txt", level3="2024年全县群众满意率")
    assert clusters.cluster_of(copy) is clusters.get(1)


def test_blocked_clustering_agrees_with_the_exact_one(docs: list[Document]) -> None:
    """The scalable path (k-means blocks + merge passes) on blocks of 20 texts, against one block.

    Blocks of 20 (about a dozen k-means blocks for 211 texts, and blocked merge passes).  Before issue 13i the
    test needed blocks of 40: at 20, 11 of the 36 pairs were lost, because a cut cell and its complete form fell
    in different blocks (the rule that joins them works inside a block only) and the centroid pass was itself
    cut; and the centroid of a cluster, nearer to everything than its members, joined pairs exact clustering
    keeps apart.  Now a cut cell goes to its complete form's block and the merge pass measures two groups by
    the mean cosine of their members: 2 pairs lost (a near-duplicate by rapidfuzz ratio across blocks), none
    added, at blocks of 10, 20 and 40 alike (issue 13k, 35 exact pairs: none lost at 10 and 20, 1 at 40)."""
    normalizer = TextNormalizer.for_documents(docs)
    members, _ = collect_members(docs, normalizer)
    texts = sorted({m.text for m in members})
    kinds, per = value_kinds(members), per_units(members)
    exact = cluster_texts(texts, normalizer, kinds=kinds, per=per)
    same_exact = _same_pairs(texts, exact.labels.tolist())
    # 211 before issue 13k's *培训次数 rule made 医保业务培训次数 the bare 培训次数; 210 before issue 13n dropped a
    # trailing number (贫困人口参保县4 is 贫困人口参保县); 209 before 000's garbled row (离休干部、二等乙级伤残军人数)
    # was left out (Indicator.reading); 208 until the pair guide's concept classes (lexicons/cluster_concepts.txt)
    # made 11 texts one with others: 医保政策宣传资料 / 印刷 / 印刷宣传资料 / 宣传资料印刷, three 参保率, three
    # 补助发放时间, 服务器数量 / 购置办公设备数量 / 购置电脑数量, two 信息系统正常运行, 预算 / 成本; 197 until the
    # population lexicon and the effect classes (issue 13-cluster-populations) made 8 more one: 特困人口 / 特困人员,
    # 易返贫致贫人数 / 防返贫致贫检测对象人数, 贫困人口 / 贫困人员 / 建档立卡贫困户, 稳定脱贫人口人数 /
    # 建档立卡贫困户人数, four 减轻…负担
    assert len(texts) == 189
    # 41 at threshold 0.40; 36 before the pair 培训次数 / 医保业务培训次数 became one text; 35 before issue 13l's
    # 完成及时率 → 及时完成率 parted 及时率 (003's bare 及时性) and 完成及时率
    # 32 after issue 13n: 贫困人口参保县4 became 贫困人口参保县 (its 3 pairs are one text now), and
    # 城乡居民县级财2 joined 城乡居民县级财政补助参; 36 at threshold 0.40 with the measure and object vetoes (issue
    # 13-cluster: 印刷数量 joins the printed copies, 完成率 / 支付完成率, 完成时间 / 遗属困难补助发放完成时间); 35 since
    # 村级卫生室数量 / 稽查卫生室数量 are two counts (issue 13-cluster2, other_objects); 32 since the concept classes
    # (lexicons/cluster_concepts.txt) made three of those pairs one text each (印刷 / 印刷宣传资料 / 宣传资料印刷,
    # 医保信息系统正常运行率 / 医疗信息系统正常运行); 29 since the population lexicon and the effect classes (issue
    # 13-cluster-populations): the three 减轻…负担 pairs are one text (−3), 建档立卡贫困户 / …人数 / …参保县级 became
    # 脱贫户 / 脱贫户人数 (−2) and the cut 脱贫户参保县级 joined the cuts 脱贫户参保县 / …县级财政人 / …县级财政补 (+3),
    # and 001's cut 缓解建档立卡贫 left its complete form, now 缓解脱贫户参保 (−1: the cut falls inside a rewritten
    # name)
    assert len(same_exact) == 29
    for block_size in (20, 40):
        blocked = cluster_texts(texts, normalizer, kinds=kinds, per=per, block_size=block_size)
        same_blocked = _same_pairs(texts, blocked.labels.tolist())
        assert len(same_blocked & same_exact) >= 28  # 29 today: k-means draws may differ on another machine
        assert len(same_blocked - same_exact) <= 1  # 0 today
        label = dict(zip(texts, blocked.labels, strict=True))
        assert label["医保信息系统正常运"] == label["信息系统正常运行率"]
        assert label["脱贫户参保县"] == label["脱贫户参保县级财政补"]  # 贫困人口参保县 / …县级财政补 as printed
        assert label["信息系统验收合格率"] != label["信息系统正常运行率"]


def test_a_rate_named_without_its_rate_joins_the_rate(docs: list[Document]) -> None:
    """Rows of the wild set that name a rate without 率 (their targets are percentages) join the rate's
    cluster (lexicons/cluster_synonyms.txt, issue 13-cluster2): 003's 按时发放 with h04's 按时发放率, j06's 成本控制
    with d05's 成本控制率, j08's 项目成本概算 with b01's 项目成本, b06's 确保日常工作正常运行 with 004's
    保障工作正常运转; c01's 满意程度 with the samples' 满意度."""
    wild = {key: _wild(key) for key in ("b01", "b06", "c01", "d05", "h04", "j06", "j08")}
    clusters = build_clusters([*docs, *wild.values()])

    cluster = partial(_cluster_id, clusters)

    assert cluster(corpus_doc("003"), "按时发放") == cluster(wild["h04"], "按时发放率")
    assert cluster(wild["j06"], "成本控制") == cluster(wild["d05"], "成本控制率")
    assert cluster(wild["j08"], "项目成本概算") == cluster(wild["b01"], "项目成本")
    assert cluster(wild["b06"], "确保日常工作正常运行") == cluster(corpus_doc("004"), "保障工作正常运转")
    assert cluster(wild["c01"], "服务周期内,市民对空气质量改善的满意程度") == cluster(corpus_doc("004"), "群众满意度")


def test_the_same_amount_of_two_objects_named_in_front_is_two_indicators(docs: list[Document]) -> None:
    """A count, an area or a sum of two objects named by a short word in front (issue 13-cluster2,
    `other_objects`): k03's and d09's crops and animals, g03's vehicles and 002's equipment bought.  Rates of two
    objects stay comparable, and a name with nothing in front goes with either."""
    normalizer = TextNormalizer.for_documents(docs)
    texts = [
        "梨树种植面积",
        "桃树种植面积",
        "苹果树种植面积",
        "种植面积",
        "猪养殖数量",
        "羊养殖数量",
        "伙食补助发放率",
        "渔船补助发放率",
        "车辆购置成本",
        "设备购置成本",
        "培训人员人数",
        "特困人员人数",
    ]
    pairs = {(texts[a], texts[b]) for a, b in other_objects(texts, [normalizer.signature(t) for t in texts])}
    assert pairs == {
        ("梨树种植面积", "桃树种植面积"),
        ("梨树种植面积", "苹果树种植面积"),
        ("桃树种植面积", "苹果树种植面积"),
        ("猪养殖数量", "羊养殖数量"),
        ("车辆购置成本", "设备购置成本"),
        ("培训人员人数", "特困人员人数"),
    }
    wild = {key: _wild(key) for key in ("d09", "g03", "k03")}
    clusters = build_clusters([*docs, *wild.values()])

    cluster = partial(_cluster_id, clusters)

    assert cluster(wild["k03"], "梨树种植面积") != cluster(wild["d09"], "其中桃树种植面积")
    assert cluster(wild["k03"], "猪养殖数量") != cluster(wild["d09"], "其中羊养殖数量")
    assert cluster(wild["g03"], "车辆购置成本") != cluster(corpus_doc("002"), "设备购置费")


def test_a_cluster_measures_what_its_known_members_do(docs: list[Document]) -> None:
    """The merge pass of a run over more than one block compares clusters by one signature each: the most common
    *known* one among the members.  Cut cells and phrases of the samples say nothing (建档立卡贫困户, 003's cut
    建档立卡贫困户参保县级), so they must not outvote the one member whose ending says what is counted."""
    normalizer = TextNormalizer.for_documents(docs)
    names = ["建档立卡贫困户", "建档立卡贫困户人数", "建档立卡贫困户参保县级"]
    names += ["减轻困难群众医疗费用负担", "减轻困难人群医疗费用负担"]
    measures = [normalizer.signature(name) for name in names]
    assert [m.known for m in measures] == [False, True, False, False, False]
    labels = np.array([0, 0, 0, 1, 1])
    assert cluster_signatures(labels, measures, 2) == [Signature("计数/人"), UNKNOWN]


def test_the_merge_pass_compares_clusters_by_their_known_signature(docs: list[Document]) -> None:
    """Blocks of 10 over the samples' 209 names: the merge passes cluster the first pass's clusters, each stood for
    by its first member and its most common known signature.  建档立卡贫困户 stands for itself, its cut
    建档立卡贫困户参保县级 and 建档立卡贫困户人数: as 计数/人, which clashes with a rate, not as "unknown" (two of
    three members), which clashes with nothing (as before issue 13-cluster2).  Since the population lexicon
    (issue 13-cluster-populations) 建档立卡贫困户, 贫困人口 and 贫困人员 are the text 脱贫户, which the first pass
    puts in a block of its own (脱贫户人数 joins it in a merge pass), and the cut 脱贫户参保县级 goes with the other
    cuts of its name (脱贫户参保县 …).  The bare 特困人员 (000; 特困人口 is the same text now) stands for itself and
    004's 特困人员人数: as 计数/人."""
    normalizer = TextNormalizer.for_documents(docs)
    members, _ = collect_members(docs, normalizer)
    texts = sorted({m.text for m in members})
    kinds, per = value_kinds(members), per_units(members)
    seen: list[dict[str, Signature]] = []

    def blocks(chunks: Sequence[Block], threshold: float) -> list[np.ndarray]:
        seen.append({t: m for _, names, measures in chunks for t, m in zip(names, measures, strict=True)})
        return [cluster_block(vectors, names, threshold, measures) for vectors, names, measures in chunks]

    blocked = cluster_texts(texts, normalizer, kinds=kinds, per=per, block_size=10, block_map=blocks)
    label = dict(zip(texts, blocked.labels.tolist(), strict=True))
    assert label["脱贫户"] == label["脱贫户人数"] != label["脱贫户参保县级"]
    first, *merges = seen
    assert len(first) == len(texts) and merges  # the first pass saw every name; at least one merge pass ran
    assert label["特困人员"] == label["特困人员人数"]
    group = ("人群/特困",)  # the name's population (cluster_contrasts.txt), the same for every member
    assert first["特困人员"] == Signature(contrast=group) and not first["特困人员"].known
    assert all(m["特困人员"] == Signature("计数/人", contrast=group) for m in merges if "特困人员" in m)
    assert any("特困人员" in m for m in merges)


def _same_pairs(texts: list[str], labels: list[int]) -> set[tuple[str, str]]:
    pairs = itertools.combinations(zip(texts, labels, strict=True), 2)
    return {(a, b) for (a, la), (b, lb) in pairs if la == lb}


def _cluster_id(clusters: ClusterSet, doc: Document, level3: str) -> int:
    """The id of the cluster of `doc`'s first row printed as `level3`."""
    found = next(i for i in doc.indicators if i.level3 == level3)
    placed = clusters.cluster_of(found)
    assert placed is not None
    return placed.id


def _wild(key: str) -> Document:
    (path,) = sorted((CORPUS_DIR / "wild").glob(f"{key}_*.txt"))
    return parse(path)


def test_what_is_measured_keeps_lookalike_names_apart(docs: list[Document]) -> None:
    """Real rows of the samples and the wild set that share most of their words but not what they measure
    (issue 13-cluster): a pass rate of works, of goods and of an information system (lexicons/measure_objects.txt),
    a cost per copy and one per person (the targets' units), while two wordings of works accepted stay one."""
    wild = [_wild(key) for key in ("c09", "g02", "g03", "o02")]
    clusters = build_clusters([*docs, *wild])

    cluster = partial(_cluster_id, clusters)

    c09, g02, g03, o02 = wild
    works = cluster(c09, "竣工验收合格率")
    assert works == cluster(o02, "项目(工程)验收合格率")
    assert works != cluster(g03, "设备验收合格率")
    assert cluster(g03, "设备验收合格率") != cluster(corpus_doc("002"), "医保信息系统验收合格率")
    assert cluster(corpus_doc("001"), "宣传资料单位成本") != cluster(g02, "出差单位成本")  # 10元/份 vs 0万元/人
    assert cluster(g03, "设备验收合格率") == cluster(corpus_doc("004"), "办公设备验收合格率")
