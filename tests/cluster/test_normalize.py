"""Normalizing 三级指标 text: numbering, years, place names, bracketed units, category words."""

from __future__ import annotations

import pytest

from kpi_lint.cluster.normalize import TextNormalizer, place_names
from kpi_lint.model import Document
from tests.corpus import corpus_doc


def test_place_names_come_from_the_department_names(docs: list[Document]) -> None:
    # 002 prints no 部门名称; its places come from the projects' 实施单位 吕梁市离石区医疗保障局.
    assert place_names(docs) == {
        "沁水县", "沁水", "古县", "吕梁市", "吕梁", "离石区", "离石", "涞源县", "涞源", "高平市", "高平",
    }
    assert place_names([corpus_doc("004")]) == {"高平市", "高平"}


@pytest.fixture(scope="module")
def normalizer(docs: list[Document]) -> TextNormalizer:
    return TextNormalizer.for_documents(docs)


@pytest.mark.parametrize(
    ("printed", "normalized"),
    [
        ("2022年疫苗接种保障人数", "疫苗接种保障人数"),  # 004: a year
        ("长期护理人员标准（元）", "长期护理人员标准"),  # 000: a unit in brackets
        ("机关运转率（%）", "机关运转率"),  # 003
        ("生态效益指标", "生态效益"),  # 003: a category word as the indicator
        ("级解建档立卡贫困户参保", "缓解建档立卡贫困户参保"),  # 001: OCR typo from lexicons/typos.txt
        ("市域内一站式及时结算覆盖率", "一站式及时结算覆盖率"),  # 002: the writer's own place
        ("对稳定脱贫人口居民2023年医保个人缴费", "对稳定脱贫人口居民医保个人缴费"),  # 004
        (
            "保障全县参保居民能够及时补偿门诊住院医药费，基金安全运行。",  # 000: 全县 and punctuation
            "保障参保居民能够及时补偿门诊住院医药费基金安全运行",
        ),
        ("1、2023年沁水县城乡居民参保人数（人）", "城乡居民参保人数"),
        ("（二）离石区DRG试点进展模拟运行时间", "drg试点进展模拟运行时间"),
        ("住院救助人次数", "住院救助人数"),  # lexicons/cluster_synonyms.txt: 人次数, 人次 → 人数
        ("减轻遗属困难补助人员满意率", "满意度"),  # survey measures: whoever is surveyed
        ("大学毕业生对医疗保险补贴政策宣传知晓", "知晓率"),
    ],
)
def test_normalize(normalizer: TextNormalizer, printed: str, normalized: str) -> None:
    assert normalizer.normalize(printed) == normalized


def test_a_number_in_a_name_is_not_taken_for_numbering(normalizer: TextNormalizer) -> None:
    assert normalizer.normalize("12345热线接通率") == "12345热线接通率"
    assert normalizer.normalize("") == ""
    assert normalizer.normalize("指标") == ""


def test_segmentation_uses_the_domain_dictionary(normalizer: TextNormalizer) -> None:
    assert normalizer.tokens("医保信息系统验收合格率") == ["医保信息系统", "验收合格率"]
    assert normalizer.tokens("医保信息系统正常运行率") == ["医保信息系统", "正常运行率"]
    assert normalizer.tokens("住院救助人次") == ["住院救助", "人次"]
    # Function words are dropped: 参保人员对医保服务的… keeps only content words.
    assert normalizer.tokens("参保人员对医保服务") == ["参保人员", "医保", "服务"]
