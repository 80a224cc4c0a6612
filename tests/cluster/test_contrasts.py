"""Names of another level, population or side of a pair of opposites are two concepts
(lexicons/cluster_contrasts.txt, clustering.contrasting), on the names of real indicator libraries."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi_lint.cluster import cluster_texts
from kpi_lint.cluster.clustering import cluster_signatures, contrasting
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.lexicon import load_lexicon
from tests.corpus import ROOT

EXTERNAL = ROOT / "corpus" / "external"


@pytest.fixture(scope="module")
def normalizer() -> TextNormalizer:
    return TextNormalizer.for_documents([])


@pytest.mark.parametrize(
    ("name", "classes"),
    [
        ("国家级教学成果奖", ("级别/国家",)),
        ("区级教学成果奖", ("级别/县",)),  # 区级 and 县级 are one class
        ("学生国际大赛获奖数量", ("人群/学生", "级别/国际")),
        ("培养博士后", ("学历/博士后",)),  # the longer word first: not 博士
        ("招收研究生人数", ("学历/研究生",)),  # 研究生 is no 学生
        ("进出口商品检验批次", ("进出/进出口",)),  # not 出口
        ("城乡居民参保人数", ("人群/群众", "城乡/城乡")),
        ("患者满意度", ()),  # unified to 满意度 before: every respondent's satisfaction is one indicator
        ("参保人数", ()),
    ],
)
def test_contrast_classes_of_a_name(normalizer: TextNormalizer, name: str, classes: tuple[str, ...]) -> None:
    assert normalizer.contrast(normalizer.normalize(name)) == tuple(sorted(classes))


@pytest.mark.parametrize(
    ("first", "second", "kept_apart"),
    [
        ("国家级教学成果奖", "省级教学成果奖", True),
        ("省级教学成果奖", "区级教学成果奖", True),
        ("县级教学成果奖", "区级教学成果奖", False),  # one class
        ("收入预算执行率", "支出预算执行率", True),
        ("支出预算执行率", "预算执行率", False),  # one side only
        ("中央和省级补助资金到位率", "省级补助资金到位率", False),  # a class in common
        ("中央补助资金到位率", "省级补助资金到位率", True),
        ("新增参保人数", "累计参保人数", True),
        ("新增参保人数", "参保人数", False),
        ("进出口商品实验室法检任务完成率", "进出境动植物实验室法检任务完成率", True),
        ("患者人数", "医务人员人数", True),
        ("患者满意度", "医务人员满意度", False),  # one normalized text: 满意度
    ],
)
def test_pairs_kept_apart(normalizer: TextNormalizer, first: str, second: str, kept_apart: bool) -> None:
    signatures = [normalizer.signature(normalizer.normalize(t)) for t in (first, second)]
    apart = contrasting(signatures)
    assert (apart is not None and bool(apart[0, 1]) and bool(apart[1, 0])) is kept_apart


def test_no_matrix_without_contrast_words(normalizer: TextNormalizer) -> None:
    # 预算执行率 is a concept class now (lexicons/cluster_concepts.txt): a name in none stands in for it.
    assert contrasting([normalizer.signature(t) for t in ["参保人数", "资金使用合规率", "国家级教学成果奖"]]) is None


def test_a_level_apart_even_when_the_names_are_near_duplicates(normalizer: TextNormalizer) -> None:
    """Long names differing in 国家级 / 省级 score above the near-duplicate ratio (90.9 here): the veto wins."""
    texts = ["国家级重点实验室建设项目验收合格率", "省级重点实验室建设项目验收合格率", "重点实验室建设项目验收合格率"]
    result = cluster_texts(texts, normalizer)
    label = dict(zip(result.texts, result.labels.tolist(), strict=True))
    assert label[texts[0]] != label[texts[1]]
    assert label[texts[2]] in (label[texts[0]], label[texts[1]])  # the bare name goes with one of them


def _merged(normalizer: TextNormalizer, source: str) -> set[frozenset[str]]:
    """Pairs of a library's own distinct names that fall in one cluster when the library is clustered alone."""
    names = sorted(set(pd.read_csv(EXTERNAL / f"{source}.csv", dtype=str, keep_default_na=False)["level3"]))
    normal = {n: normalizer.normalize(n) for n in names}
    result = cluster_texts(sorted({t for t in normal.values() if t}), normalizer)
    label = dict(zip(result.texts, result.labels.tolist(), strict=True))
    return {
        frozenset(p)
        for p in itertools.combinations(names, 2)
        if normal[p[0]] and label[normal[p[0]]] == label.get(normal[p[1]])
    }


def test_library_names_of_two_levels_or_sides_are_not_merged(normalizer: TextNormalizer) -> None:
    """A library lists its names as distinct concepts: the vocational college's levels and sides and the research
    funder's 国内 / 国际, 博士 / 博士后, 申请 / 获得 are apart.  Clustered by name alone (bench/external_eval.py adds
    the targets' value kinds: 14 vocational pairs in one cluster before the contrasts, 8 after), 6 pairs are left."""
    vocational = _merged(normalizer, "vocational_shuanggao")
    for pair in [
        ("国家级教学成果奖", "省级教学成果奖"),
        ("学生国家级比赛获奖数量", "学生国际大赛获奖数量"),
        ("学生国家级比赛获奖数量", "学生省级比赛获奖数量"),
        ("教师国家级比赛获奖数量", "教师省级比赛获奖数量"),
        ("支出预算执行率（%）", "收入预算执行率（%）"),
    ]:
        assert frozenset(pair) not in vocational
    assert len(vocational) == 6
    research = _merged(normalizer, "cams_research")
    for pair in [("国内专利申请", "国际专利申请"), ("培养博士", "培养博士后"), ("申请软件著作权", "获得软件著作权")]:
        assert frozenset(pair) not in research


def test_an_empty_list_turns_the_veto_off(tmp_path: Path) -> None:
    (tmp_path / "cluster_contrasts.txt").write_text("# 不分开\n", encoding="utf-8")
    normalizer = TextNormalizer.for_documents([], load_lexicon(str(tmp_path)))
    assert normalizer.contrast("国家级教学成果奖") == ()
    result = cluster_texts(["国家级重点实验室建设项目验收合格率", "省级重点实验室建设项目验收合格率"], normalizer)
    assert len(set(result.labels.tolist())) == 1


def test_a_cluster_carries_a_contrast_only_its_members_share(normalizer: TextNormalizer) -> None:
    """The merge pass of a blocked run compares clusters by one signature each: a level one member names is not
    the group's (资金到位率 with 中央资金到位率), one every member names is (国家级 教学成果奖 twice written)."""
    names = ["资金到位率", "中央资金到位率", "国家级教学成果奖", "国家教学成果奖"]
    measures = [normalizer.signature(n) for n in names]
    found = cluster_signatures(np.array([0, 0, 1, 1]), measures, 2)
    assert [s.contrast for s in found] == [(), ("级别/国家",)]
    assert found[0].kind == measures[0].kind
