"""The pair guide's concept classes (lexicons/cluster_concepts.txt, kpi_lint/cluster/concepts.py), on names printed
in the samples, the wild set and the guide (docs/labeling/cluster_pairs.md)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kpi_lint.cluster import cluster_texts
from kpi_lint.cluster.clustering import contrasting
from kpi_lint.cluster.concepts import CONCEPTS_FILE, FAMILY_MARK, load_concepts
from kpi_lint.cluster.normalize import CONTRASTS_FILE, TextNormalizer, load_contrasts
from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon


@pytest.fixture(scope="module")
def normalizer() -> TextNormalizer:
    return TextNormalizer.for_documents([])


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        # G6: the project's own measures, the project's name a fill-in.
        ("项目成本", "成本"),
        ("建设项目成本", "成本"),
        ("项目完成时间", "完成时间"),
        ("食品监管专项工作整体完成时间", "完成时间"),
        ("项目(工程)验收合格率", "工程验收合格率"),
        ("工程竣工验收合格率", "工程验收合格率"),
        ("养护维修质量合格率", "工程验收合格率"),  # C3: a pass rate of works
        ("校舍维修改造质量合格率", "工程验收合格率"),
        # G5: common activities, the topic or item a fill-in.
        ("举办宣文干部培训班次", "培训次数"),
        ("培训人员人次", "培训人数"),
        ("医保业务培训时间", "培训时间"),
        ("印制宣传资料", "印刷宣传资料份数"),
        ("宣传资料印刷份数", "印刷宣传资料份数"),
        ("医保政策宣传资料", "印刷宣传资料份数"),
        ("印刷数量", "印刷宣传资料份数"),
        ("购置电脑数量", "设备购置数量"),
        ("服务器数量", "设备购置数量"),
        ("医疗信息系统运行正常", "信息系统正常运行率"),
        # G7a: rates by the class of their object.
        ("资助标准达标率", "补助标准达标率"),
        ("扶持标准达标率", "补助标准达标率"),
        ("工资发放准确性(%)", "补助发放准确率"),
        ("树木成活率", "林木成活率"),
        ("苗木成活率(≥**%)", "林木成活率"),
        ("养殖家畜家禽成活率", "养殖成活率"),
    ],
)
def test_a_name_of_a_class_is_its_canonical_name(normalizer: TextNormalizer, printed: str, canonical: str) -> None:
    assert normalizer.normalize(printed) == canonical


@pytest.mark.parametrize(
    "printed",
    [
        "景观建设成本",  # a named part of the project is not the project (G6)
        "出差成本",
        "宣传资料单位成本",  # a unit cost, not copies
        "重点建设工程及时完成率",  # a named works (C1)
        "天然林和公益林管护当期任务完成率",  # a named task (C1)
        "维护电影放映设备数量",  # equipment maintained, not bought
        "校园维修改造及设备购置合格率",  # works and goods: no one class of object
        "参保人数",
    ],
)
def test_a_name_in_no_class_is_left_as_it_is(normalizer: TextNormalizer, printed: str) -> None:
    plain = dataclasses.replace(normalizer, concepts=())
    assert normalizer.normalize(printed) == plain.normalize(printed)
    assert not any(c.startswith(FAMILY_MARK) for c in normalizer.contrast(normalizer.normalize(printed)))


def test_every_canonical_name_is_its_own_class(normalizer: TextNormalizer) -> None:
    """Normalizing a canonical name again gives it back (the library and KPI601 normalize canonical names)."""
    assert len(normalizer.concepts) >= 30
    families = {c.name: {d.family for d in normalizer.concepts if d.name == c.name} for c in normalizer.concepts}
    assert all(len(f) == 1 for f in families.values())  # two lines of one canonical name are one class
    for concept in normalizer.concepts:
        assert normalizer.normalize(concept.name) == concept.name, concept.name


def test_concept_families_share_no_group_with_the_contrast_words() -> None:
    directory = load_lexicon().directory
    groups = {cls.partition("/")[0] for _, cls in load_contrasts(directory)}
    assert (directory / CONTRASTS_FILE).is_file() and groups
    assert not groups & {c.contrast.partition("/")[0] for c in load_concepts(directory)}


@pytest.mark.parametrize(
    ("first", "second", "kept_apart"),
    [
        ("培训次数", "培训人员人次", True),  # issue 13's hard negative
        ("举办宣文干部培训班次", "培训人员人次", True),
        ("树木成活率", "种植作物成活率", True),  # planted trees and crops (G7a)
        ("养殖动物成活率", "种植作物成活率", True),
        ("资金到位率", "资金到位及时率", True),  # G2: in place vs in place on time
        ("培训次数", "参保人数", False),  # one name in no class: left to the wording
    ],
)
def test_two_classes_of_one_family_are_kept_apart(
    normalizer: TextNormalizer, first: str, second: str, kept_apart: bool
) -> None:
    signatures = [normalizer.signature(normalizer.normalize(t)) for t in (first, second)]
    apart = contrasting(signatures)
    assert (apart is not None and bool(apart[0, 1]) and bool(apart[1, 0])) is kept_apart


def test_names_of_one_class_cluster_together_and_the_hard_negative_apart(normalizer: TextNormalizer) -> None:
    """Names the wording alone kept apart (tests/data/cluster_pairs.csv train / dev misses before the classes)."""
    together = [
        ["树木成活率", "苗木成活率", "造林成活率"],
        ["资助标准达标率", "扶持标准达标率", "生均补助标准达标率"],
        ["购置电脑数量", "购置办公设备数量", "服务器数量"],
        ["项目(工程)验收合格率", "养护维修质量合格率", "验收通过率"],
    ]
    apart = ["培训次数", "培训人员人次"]
    names = [n for group in together for n in group] + apart
    result = cluster_texts(sorted({normalizer.normalize(n) for n in names}), normalizer)
    label = dict(zip(result.texts, result.labels.tolist(), strict=True))
    of = {n: label[normalizer.normalize(n)] for n in names}
    for group in together:
        assert len({of[n] for n in group}) == 1, group
    assert of[apart[0]] != of[apart[1]]
    assert len({of[group[0]] for group in together}) == len(together)


def test_a_reviewer_can_drop_or_break_the_classes(tmp_path: Path) -> None:
    (tmp_path / CONCEPTS_FILE).write_text("# 关掉\n", encoding="utf-8")
    assert load_concepts(tmp_path) == ()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / CONCEPTS_FILE).write_text("培训(次数 → 培训/培训次数\n", encoding="utf-8")
    with pytest.raises(InputError, match="不是正确的正则表达式"):
        load_concepts(bad)
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / CONCEPTS_FILE).write_text("培训次数 → 培训次数\n", encoding="utf-8")
    with pytest.raises(InputError, match="族/规范名"):
        load_concepts(odd)
