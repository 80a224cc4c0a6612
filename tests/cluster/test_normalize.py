"""Normalizing 三级指标 text: numbering, years, place names, bracketed units, category words."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi_lint.cluster.normalize import UNKNOWN, Signature, TextNormalizer, measures_clash, place_names
from kpi_lint.lexicon import BUNDLED_DIR, load_lexicon
from kpi_lint.model import Document
from kpi_lint.period_words import PERIODS_FILE
from tests.corpus import corpus_doc


def test_place_names_come_from_the_department_names(docs: list[Document]) -> None:
    # 002 prints no 部门名称; its places come from the projects' 实施单位 吕梁市离石区医疗保障局.
    assert place_names(docs) == {
        "沁水县",
        "沁水",
        "古县",
        "吕梁市",
        "吕梁",
        "离石区",
        "离石",
        "涞源县",
        "涞源",
        "高平市",
        "高平",
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
        ("机关运转率（%）", "机关运行率"),  # 003; 运转 → 运行 (issue 13n)
        ("生态效益指标", "生态效益"),  # 003: a category word as the indicator
        # 001: OCR typo from lexicons/typos.txt; 建档立卡贫困户 → 脱贫户, the population lexicon (issue
        # 13-cluster-populations)
        ("级解建档立卡贫困户参保", "缓解脱贫户参保"),
        ("市域内一站式及时结算覆盖率", "一站式及时结算覆盖率"),  # 002: the writer's own place
        ("对稳定脱贫人口居民2023年医保个人缴费", "对脱贫户居民医保个人缴费"),  # 004; 稳定脱贫人口 → 脱贫户
        (
            "保障全县参保居民能够及时补偿门诊住院医药费，基金安全运行。",  # 000: 全县 and punctuation
            "保障参保居民能够及时补偿门诊住院医药费基金安全运行",
        ),
        ("1、2023年沁水县城乡居民参保人数（人）", "城乡居民参保人数"),
        ("（二）离石区DRG试点进展模拟运行时间", "drg试点进展模拟运行时间"),
        ("住院救助人次数", "住院救助人数"),  # lexicons/cluster_synonyms.txt: 人次数, 人次 → 人数
        ("减轻遗属困难补助人员满意率", "满意度"),  # survey measures: whoever is surveyed
        ("大学毕业生对医疗保险补贴政策宣传知晓", "知晓率"),
        # issue 13e, texts of the wild set: brackets, a target in the name cell, a form's numbering, qualifiers
        ("特困人员救助供养人数(按月平均)(≥**人)", "特困人员救助供养人数"),
        # 贫困人数 → 贫困户人数 (issue 13h), then 建档立卡贫困户 → 脱贫户 (the population lexicon)
        ("受益建档立卡贫困人数≥**人", "受益脱贫户人数"),
        ("受益建档立卡贫困人口数≥**人", "受益脱贫户人数"),  # 人口数 → 人数 → 贫困户人数 → 脱贫户人数
        ("及时(按期)开工率", "及时开工率"),
        ("指标1:补助发放及时率", "补助及时发放率"),  # one word order for one on-time rate (issue 13l)
        ("经费支出合规性", "资金支出合规率"),  # 经费 → 资金 (issue 13n)
        ("禁毒舞台剧宣传的场次", "宣传活动次数"),  # 的 dropped, 场次 → 次数, then the publicity rule
        ("全省残联宣文干部培训班参训人数", "培训人数"),
        ("其中桃树种植面积", "桃树种植面积"),
        ("全年免费开放", "免费开放"),
        ("全年", "全年"),  # nothing would be left: kept
        ("(按期)", "及时"),  # the bracket is all there is: kept, then 按期 → 及时
        ("工作计划按时完成时间", "完成时间"),  # 按时 → 及时, ^工作计划, 及时完成时间 → 完成时间
        # 项目 / 工程 / 竣工 acceptance is one measure (issue 13h), the works' acceptance: its object is kept, so
        # that it stays apart from the acceptance of equipment (设备验收合格率) (issue 13k) …
        ("项目(工程)验收合格率", "工程验收合格率"),
        ("工程竣工验收合格率", "工程验收合格率"),
        ("竣工验收合格率", "工程验收合格率"),
        ("项目竣工验收合格率", "工程验收合格率"),
        ("设备验收合格率", "设备验收合格率"),
        ("项目总成本(≤**万元)", "成本"),  # 总成本 → 成本 (issue 13l: 项目成本 = 项目总成本)
        ("年度预算总成本", "成本"),
        ("组织宣传活动次数", "宣传活动次数"),
        # trainings of two groups, publicity on two topics: one measure (issue 13k, the pairs' precedent)
        ("开展防震减灾科普“进基层”宣传活动场数", "宣传活动次数"),
        ("免疫规划知识培训人次", "培训人数"),
        ("医保业务培训次数", "培训次数"),
        ("培训人员人次", "培训人数"),  # … not the number of trainings
        ("项目数", "项目数"),  # … but a prefix rule leaves at least two characters
        ("医疗信息系统运行正常", "信息系统正常运行率"),  # G5 IT operation (cluster_concepts.txt)
        ("资金执行率", "预算执行率"),
        # one concept in two words (issue 13n): 采购 / 购买 / 购置, 完工 / 完成, 完成期限 / 完成时间, 个数 / 数量
        ("办公设备采购数量", "设备购置数量"),  # G5 equipment purchase (cluster_concepts.txt)
        ("项目完工时间", "完成时间"),
        ("任务完成期限", "完成时间"),
        ("涉及乡镇个数", "涉及乡镇数量"),
        ("工程设计使用年限", "工程设计使用年限"),  # … a service life is no deadline
        # a target at the end of the name without a comparator (issue 13n); a number inside the name stays
        ("寨山石坪村新建水泥路1条", "寨山石坪村新建水泥路"),
        ("配套电力设施1250KVA变压器3台", "配套电力设施1250kva变压器"),
        ("空气质量PM2.5", "空气质量pm25"),
        # issue 13-cluster2, rows of the wild set: 满意程度 is 满意度 (c01, f03); a rate named without its 率
        # (003, j06); a project's cost estimate is its cost (j08); 确保 is 保障 at the start (b06)
        ("服务周期内,市民对空气质量改善的满意程度", "满意度"),
        ("项目受益人满意程度", "满意度"),
        ("按时发放", "及时发放率"),
        ("成本控制", "成本控制率"),
        ("预算执行", "预算执行率"),
        ("项目成本概算", "成本"),
        ("确保日常工作正常运行", "保障日常工作正常运行"),
        ("生态效益", "生态效益"),  # … only those endings: a benefit is no growth rate of it (生态效益增长率)
        ("及时发放率", "及时发放率"),
        ("成本控制在预算内", "成本控制在预算内"),
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


@pytest.mark.parametrize(
    ("normalized", "measure"),
    [
        ("设备验收合格率", "比率/合格"),  # a pass rate: not an uptime rate (比率/运行)
        ("门诊住院医疗费用救助比例", "比率"),
        ("购置办公设备数量", "计数"),
        ("培训次数", "计数/次"),  # … nor a number of people (培训人员人次 → 培训人员人数: 计数/人)
        ("培训人员人数", "计数/人"),
        ("购置办公设备种类", "种类"),
        ("宣传资料印刷质量", "质量"),  # not 量 (a count)
        ("医药费报销时间", "时间"),
        ("及时完成率", "及时率"),  # on time is its own measure: 完成率 ≠ 及时完成率 (issue 13h)
        ("完成率", "比率/完成"),
        ("疫苗接种率", "比率"),  # a rate the list does not narrow
        ("完成及时率", "及时率"),
        ("资金到位及时支付率", "及时率"),
        ("及时开工率", "比率/开工"),  # … but 及时开工率 = 开工率 (labelled pairs)
        ("办公设备购置成本", "金额"),
        ("补助各类瓜果蔬菜种植面积", "面积"),
        ("满意度", "满意度"),
        ("医保信息系统正常运", ""),  # a cell cut short: its ending says nothing
        ("减轻困难群众医疗费用负担", ""),
    ],
)
def test_the_kind_of_measure_is_read_from_the_ending(normalizer: TextNormalizer, normalized: str, measure: str) -> None:
    """lexicons/measure_heads.txt: two names ending in different kinds are never one indicator."""
    assert normalizer.measure(normalized) == measure


def test_a_normalizer_remembers_its_own_texts_only(normalizer: TextNormalizer) -> None:
    from dataclasses import replace

    printed = "1、2022年沁水县城乡居民参保人数（人）"
    first = normalizer.normalize(printed)
    assert normalizer.normalize(printed) is first  # the second time from its memo
    other = replace(normalizer)
    assert printed not in other._memo  # another normalizer (another run) starts empty
    assert other == normalizer and hash(other) == hash(normalizer)  # the memo is no part of what it is
    assert other.normalize(printed) == first


@pytest.mark.parametrize(
    ("normalized", "per", "signature"),
    [
        ("设备验收合格率", "", Signature("比率/合格", "货物", contrast=("概念·购置/设备验收合格率",))),  # a G7a class
        ("重点建设工程验收合格率", "", Signature("比率/合格", "工程")),
        ("工程设备购置成本", "", Signature("金额", "")),  # words of both classes: no class
        ("医保信息系统正常运", "", Signature("", "信息系统")),  # a cut cell: its ending says nothing, its object does
        ("减轻困难群众医疗费用负担", "", Signature(contrast=("人群/群众",))),  # an effect phrase: no measure known
        ("宣传资料单位成本", "份", Signature("金额", "", ("份",))),  # 10元/份 (groups.per_units)
        ("出差单位成本", "人 人次", Signature("金额", "", ("人", "人次"))),
    ],
)
def test_a_signature_is_the_kind_of_measure_the_class_of_object_and_the_per_unit(
    normalizer: TextNormalizer, normalized: str, per: str, signature: Signature
) -> None:
    """lexicons/measure_heads.txt and measure_objects.txt, as the clustering compares two names."""
    found = normalizer.signature(normalized, per)
    assert found == signature
    assert found.known is (signature.measure_only != UNKNOWN)  # a contrast word (群众) says no kind of measure


ACCEPTED = Signature("比率/合格")


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        (ACCEPTED, Signature("比率/运行"), True),  # 验收合格率 / 正常运行率 of one system (issue 13's hard negative)
        (Signature("计数/次"), Signature("计数/人"), True),  # 培训次数 / 培训人员人次
        (Signature("比率/合格", "工程"), Signature("比率/合格", "货物"), True),  # works vs goods accepted
        # 疫苗接种率 / 疫苗接种覆盖率: a plain rate goes with a narrowed one
        (Signature("比率"), Signature("比率/覆盖"), False),
        (Signature("计数"), Signature("计数/人"), False),  # 参保居民数量 / 参保人数
        (UNKNOWN, Signature("比率/合格", "工程"), False),  # a cut cell goes with anything
        (ACCEPTED, Signature("比率/合格", "工程"), False),  # 验收合格率 names no object
        (Signature("比率"), Signature("计数"), True),
        (Signature("金额", "", ("份",)), Signature("金额", "", ("人", "人次")), True),  # cost per copy / per person
        (Signature("金额", "", ("人",)), Signature("金额", "", ("人", "人次")), False),  # a shared per-unit
        (Signature("金额", "", ("份",)), Signature("金额"), False),  # amounts of no per-unit go with any
    ],
)
def test_which_signatures_clash(first: Signature, second: Signature, clash: bool) -> None:
    assert measures_clash(first, second) is clash
    assert measures_clash(second, first) is clash


def test_the_qualifiers_dropped_are_not_the_period_words(tmp_path: Path) -> None:
    """Only 其中 / 本年度 / 全年 / 年度 are dropped before a name: a name may open with a word of lexicons/periods.txt
    as part of what it measures (wild: 当年新竣工项目是否达到预期目标, 000: 长期护理保险), so a period word a reviewer
    adds there leaves the cluster keys alone."""
    folder = tmp_path / "lexicons"
    folder.mkdir()
    words = (BUNDLED_DIR / PERIODS_FILE).read_text(encoding="utf-8")
    (folder / PERIODS_FILE).write_text(words + "续建期: 续建期\n", encoding="utf-8")
    normalizer = TextNormalizer.for_documents([], load_lexicon(str(folder)))
    printed = ["续建期道路硬化里程", "当年新竣工项目是否达到预期目标", "长期护理保险补助达标率", "本年度参保人数"]
    assert [normalizer.normalize(text) for text in printed] == [
        "续建期道路硬化里程",
        "当年新竣工项目是否达到预期目标",
        "长期护理保险补助达标率",
        "参保人数",
    ]
