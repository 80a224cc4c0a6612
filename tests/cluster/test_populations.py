"""The population lexicon (lexicons/cluster_synonyms.txt, section 人群的不同叫法; the assistance groups of
lexicons/cluster_contrasts.txt) and the effect classes (lexicons/cluster_concepts.txt, family 效益): the pair guide's
G7b "同一人群的不同叫法 same" and G7c (docs/labeling/cluster_pairs.md), on names printed in the samples and the wild set
(train / dev documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.cluster import cluster_texts
from kpi_lint.cluster.clustering import contrasting
from kpi_lint.cluster.concepts import CONCEPTS_FILE
from kpi_lint.cluster.normalize import SYNONYMS_FILE, TextNormalizer
from kpi_lint.lexicon import load_lexicon

POPULATION_SECTION = "# ---- 人群的不同叫法"


@pytest.fixture(scope="module")
def normalizer() -> TextNormalizer:
    return TextNormalizer.for_documents([])


@pytest.mark.parametrize(
    ("printed", "normalized"),
    [
        # 脱贫人口 (建档立卡贫困人口 before 2021): one group, counted in people ("户人数") or named bare.
        ("贫困人口", "脱贫户"),  # 000
        ("贫困人员", "脱贫户"),  # 000
        ("建档立卡贫困户", "脱贫户"),  # 001
        ("建档立卡贫困户人数", "脱贫户人数"),  # 001
        ("稳定脱贫人口人数", "脱贫户人数"),  # 004
        ("受益建档立卡贫困人口数≥**人", "受益脱贫户人数"),  # a10, b02
        ("受益脱贫(含监测对象)户人口数", "受益脱贫户人数"),  # a09
        ("受益脱贫户、监测户人口数(≥**户)", "受益脱贫户人数"),  # g08: the two written side by side are one group
        # 防返贫监测对象 (易返贫致贫人口): another group.
        ("防返贫致贫检测对象人数", "监测户人数"),  # 004 (检测 a typo, lexicons/typos.txt)
        ("易返贫致贫人数", "监测户人数"),  # 000
        # 特困人员, 低保对象.
        ("特困人口", "特困人员"),  # 000
        ("特困人员人数", "特困人员人数"),  # 004
        ("低保人员", "低保户"),  # 000
        ("低保人员人数", "低保户人数"),  # 004
        # Household counts stay household counts.
        ("建档立卡贫困户数", "脱贫户数"),
        ("低保户数", "低保户数"),
    ],
)
def test_the_names_of_one_group_are_written_one_way(normalizer: TextNormalizer, printed: str, normalized: str) -> None:
    assert normalizer.normalize(printed) == normalized


@pytest.mark.parametrize(
    ("printed", "kept"),
    [
        (
            "其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)",
            "农村低保户中脱贫户人数",
        ),  # b02: a part of a group
        ("边缘易致贫户人数", "边缘易致贫户人数"),  # a kind of 监测对象, not the whole group
        ("建档立卡学生全面覆盖", "建档立卡学生全面覆盖"),  # j03: students, not 脱贫人口
        ("乡村旅游带动增加贫困村收入(≥**万元)", "乡村旅游带动增加贫困村收入"),  # a10: villages, not people
        ("脱贫村村内道路硬化里程", "脱贫村村内道路硬化里程"),  # a02
        ("重点监测对象数量", "重点监测对象数量"),  # a bare 监测对象 is no poverty group
    ],
)
def test_a_narrowed_group_or_another_thing_is_not_rewritten(
    normalizer: TextNormalizer, printed: str, kept: str
) -> None:
    assert normalizer.normalize(printed) == kept


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("低保人员人数", "特困人员人数"),  # the guide's G7b example
        ("低保人员", "特困人员人数"),  # 000 / 004, labelled different
        ("易返贫致贫人数", "稳定脱贫人口人数"),  # 000 / 004, labelled different
        ("建档立卡贫困户数", "低保户数"),
        ("特困人员救助供养人数(按月平均)(≥**人)", "农村低保发放人数(按月平均)(≥**人)"),  # b02
    ],
)
def test_two_assistance_groups_are_kept_apart(normalizer: TextNormalizer, first: str, second: str) -> None:
    apart = contrasting([normalizer.signature(normalizer.normalize(t)) for t in (first, second)])
    assert apart is not None and bool(apart[0, 1]) and bool(apart[1, 0])


def test_a_part_of_a_group_shares_its_group(normalizer: TextNormalizer) -> None:
    """农村低保对象中建档立卡贫困人口 names both groups: no veto, its wording keeps it apart (next test)."""
    names = ["其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)", "建档立卡贫困户人数"]
    apart = contrasting([normalizer.signature(normalizer.normalize(t)) for t in names])
    assert apart is not None and not apart[0, 1]


def _labels(normalizer: TextNormalizer, names: list[str]) -> dict[str, int]:
    result = cluster_texts(sorted({normalizer.normalize(n) for n in names}), normalizer)
    label = dict(zip(result.texts, result.labels.tolist(), strict=True))
    return {n: label[normalizer.normalize(n)] for n in names}


def test_groups_cluster_together_and_apart_from_each_other(normalizer: TextNormalizer) -> None:
    """Train / dev pairs of tests/data/cluster_pairs.csv the wording alone missed (labelled same), and the groups'
    hard negatives (labelled different)."""
    together = [
        ["特困人员人数", "特困人口", "特困人员"],
        ["稳定脱贫人口人数", "贫困人口", "贫困人员", "建档立卡贫困户人数"],
        ["防返贫致贫检测对象人数", "易返贫致贫人数"],
        ["低保人员人数", "低保人员"],
    ]
    parts = [
        "其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)",
        "建档立卡贫困人口中接受临时救助的人次数(≥**人次)",
    ]
    of = _labels(normalizer, [n for group in together for n in group] + parts)
    for group in together:
        assert len({of[n] for n in group}) == 1, group
    assert len({of[group[0]] for group in together}) == len(together)
    for part in parts:  # a part of a group (G7b: "其中", a sub-population) is not the group
        assert of[part] not in {of[group[0]] for group in together}, part


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("减轻城乡医疗救助人员经济负担", "减轻困难群众医疗负担"),  # 000
        ("减轻困难群众医疗费用负担", "减轻困难群众医疗负担"),  # 002
        ("减轻困难群众医疗费", "减轻困难群众医疗负担"),  # 002, a cut cell
        ("减轻困难人群医疗费用负担", "减轻困难群众医疗负担"),  # 004
        ("经济发展", "促进经济发展"),  # 003
        ("促进经济发展", "促进经济发展"),  # d10
        ("对经济发展的促进作用", "促进经济发展"),  # k07
        ("促进村集体经济发展", "促进村集体经济发展"),  # b05
        ("促进农村集体经济发展", "促进村集体经济发展"),  # b05
        ("乡村旅游带动增加贫困人口收入(≥**万元)", "带动脱贫户增收"),  # a10
        ("促使脱贫户、监测户增加收入(≥**万元)", "带动脱贫户增收"),  # g08
        ("带动农民增收", "带动农民增收"),  # k01
        ("特色产业带动增加受益农户收入(总收入)", "带动农民增收"),  # d09
        ("减轻贫困学生家庭经济负担", "减轻困难学生家庭经济负担"),  # a08
    ],
)
def test_an_effect_for_one_group_is_one_class(normalizer: TextNormalizer, printed: str, canonical: str) -> None:
    assert normalizer.normalize(printed) == canonical


@pytest.mark.parametrize(
    "printed",
    [
        "减轻大学毕业生医疗保险参保经济负担",  # 000: another group (G7c)
        "减轻遗属困难补助人员经济负担",  # 000: another group
        "减轻退休人员生活负担",  # 000
        "残疾学生家庭负担率",  # j01 (C7)
        "带动村集体及种植户增收致富",  # f09: a collective beside the farmers
        "增加就业机会,提高农民收入。",  # c08: a second effect
        "为全市经济发展保驾护航",  # d02: not 促进
    ],
)
def test_an_effect_of_another_group_is_in_no_class(normalizer: TextNormalizer, printed: str) -> None:
    assert normalizer.normalize(printed) not in {c.name for c in normalizer.concepts}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("促进经济发展", "促进村集体经济发展"),  # the guide's G7c example: a narrowed 受益面
        ("带动农民增收", "对经济发展的促进作用"),  # k01 / k07, labelled different
        ("带动农民增收", "乡村旅游带动增加贫困人口收入(≥**万元)"),  # another group
        ("减轻困难群众医疗费用负担", "减轻贫困学生家庭经济负担"),  # 002 / a08, another group
    ],
)
def test_two_effect_classes_are_kept_apart(normalizer: TextNormalizer, first: str, second: str) -> None:
    apart = contrasting([normalizer.signature(normalizer.normalize(t)) for t in (first, second)])
    assert apart is not None and bool(apart[0, 1])


def test_effects_of_one_group_cluster_together(normalizer: TextNormalizer) -> None:
    together = [
        ["减轻城乡医疗救助人员经济负担", "减轻困难群众医疗费用负担", "减轻困难人群医疗费用负担"],
        ["对经济发展的促进作用", "经济发展", "促进经济发展"],
        ["乡村旅游带动增加贫困人口收入(≥**万元)", "促使脱贫户、监测户增加收入(≥**万元)"],
    ]
    apart = ["减轻大学毕业生医疗保险参保经济负担", "促进村集体经济发展", "带动农民增收"]
    of = _labels(normalizer, [n for group in together for n in group] + apart)
    for group in together:
        assert len({of[n] for n in group}) == 1, group
    firsts = {of[group[0]] for group in together}
    assert len(firsts) == len(together)
    assert not {of[n] for n in apart} & firsts


def test_a_reviewer_can_turn_the_population_lexicon_and_the_effect_classes_off(tmp_path: Path) -> None:
    """Without the section 人群的不同叫法 (and with an empty concept file) the names are left to their wording."""
    bundled = (load_lexicon().directory / SYNONYMS_FILE).read_text(encoding="utf-8").splitlines()
    start = bundled.index(next(line for line in bundled if line.startswith(POPULATION_SECTION)))
    end = next(i for i in range(start + 1, len(bundled)) if bundled[i].startswith("# 培训、宣传活动"))
    (tmp_path / SYNONYMS_FILE).write_text("\n".join(bundled[:start] + bundled[end:]) + "\n", encoding="utf-8")
    (tmp_path / CONCEPTS_FILE).write_text("# 关掉\n", encoding="utf-8")
    plain = TextNormalizer.for_documents([], load_lexicon(str(tmp_path)))
    assert plain.normalize("特困人口") == "特困人口" != plain.normalize("特困人员")
    assert plain.normalize("稳定脱贫人口人数") == "稳定脱贫人口人数"
    assert plain.normalize("经济发展") == "经济发展"
    assert plain.normalize("减轻困难群众医疗费用负担") == "减轻困难群众医疗费用负担"
