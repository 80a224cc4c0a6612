"""The causes the blind judge of finding-review sample 60 found, on the sample documents where it found them
(issue 11-s60-fixes). KPI404's peer example, which needs the whole run's peers, is in test_finding_review.py; the
YAML cases of KPI101 and KPI305 hold each mechanism on made-up rows."""

from __future__ import annotations

from functools import cache

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document, Form
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.rules.target.example_fit import about_the_project
from kpi_lint.rules.target.ongoing_work import ongoing_form, read_ongoing
from kpi_lint.rules.text._cut_width import cut_widths
from tests.corpus import CORPUS_DIR


@cache
def _doc(prefix: str) -> Document:
    [path] = CORPUS_DIR.glob(f"{prefix}_*.txt")
    return parse(path)


def _at(prefix: str, code: str, line: int) -> Finding:
    doc = _doc(prefix)
    rule = rule_by_code(code)
    assert rule is not None
    [found] = [f for f in run_rules([doc], [rule], RuleContext(documents=[doc])) if f.line == line]
    return found


@pytest.mark.parametrize(
    ("name", "value", "form"),
    [
        ("信息化网络系统维护时间", "全年", "N小时内响应"),  # 000 2733: a service kept running
        ("城乡医疗救助人员待遇享受时间", "全年", "N个工作日内"),  # 000 1578: a benefit paid as claims come
        ("长期护理人员保险支付时间", "全年", "N个工作日内"),
        ("医保政策宣传时间", "全年", "每季度不少于N次"),  # an activity held again and again
        ("日常工作开展时间", "全年", "N个工作日内"),  # 000 2949/2964: daily business, not a quarterly event (sample 62)
        ("宣传活动开展时间", "全年", "每季度不少于N次"),  # the activity word decides, not the generic 开展
        ("活动开展时间", "全年", None),  # 开展 alone says nothing of the work: no form is guessed
        ("对困难人群医保慢性病、“两病”门诊救助", "全年开展", "N个工作日内"),  # 004 730
        ("遗属困难补助发放完成时间", "全年", None),  # 000 3459: the payment is completed — a deadline fits
        ("项目实施时间", "全年", None),  # nothing says the work is continuous
        ("信息化网络系统维护时间", "12月底前", None),  # a date is written
        ("信息化网络系统维护时间", "全年完成", None),  # the value itself says a task finishes
    ],
)
def test_the_form_continuous_work_is_offered(name: str, value: str, form: str | None) -> None:
    assert ongoing_form(name, value, read_ongoing(load_lexicon().directory)) == form


def test_000_a_year_round_service_is_asked_for_a_time_limit_not_a_completion_date() -> None:
    network = _at("000", "KPI101", 2733)
    assert (network.column, network.level3, network.value) == (1, "信息化网络系统维护时间", "全年")
    assert network.message == (
        "指标值“全年”没有可衡量的内容：“全年”只说工作持续的时段，不是时限。持续提供的服务、随时办理的待遇或经常开展的"
        "活动应写明每次办理或响应的时限，或开展的频次，如“N小时内响应”。"
    )
    assert network.suggestion == "N小时内响应"
    benefit = _at("000", "KPI101", 1578)
    assert (benefit.level3, benefit.suggestion) == ("城乡医疗救助人员待遇享受时间", "N个工作日内")
    assert "不晚于" not in benefit.message and "完成日期" not in benefit.message
    training = _at("000", "KPI101", 3234)
    assert (training.level3, training.suggestion) == ("医保业务培训时间", "每季度不少于N次")
    # 遗属困难补助发放完成时间: a payment that is completed keeps its deadline
    daily = _at("000", "KPI101", 2949)
    assert (daily.level3, daily.suggestion) == ("日常工作开展时间", "N个工作日内")
    done = _at("000", "KPI101", 3459)
    assert done.suggestion == "不晚于2023年N月底"
    assert "“全年”不是具体的完成日期或期限" in done.message


def test_001_and_002_the_columns_cut_at_a_fixed_width() -> None:
    lexicon = load_lexicon()
    assert cut_widths(_doc("001"), lexicon) == {(Form.DECLARATION, "实施期"): 11, (Form.DECLARATION, "年度"): 7}
    # 002's 年度 names stop at 9 characters ("医保信息系统正常运"); its 实施期 names are whole, of many lengths
    assert cut_widths(_doc("002"), lexicon) == {(Form.DECLARATION, "年度"): 9}
    assert cut_widths(_doc("003"), lexicon) == {}


def test_001_a_cut_cell_is_not_offered_as_the_full_name() -> None:
    found = _at("001", "KPI305", 716)
    assert found.column == 2 and found.suggestion is None
    assert found.message == (
        "三级指标（年度）“城乡居民县级财2”被截断：实施期同一行的“城乡居民县级财政补助参”也不完整——本文件实施期一栏最长的"
        "名称都停在11个字，且多个断在词中（按定宽截断），它正好11个字、断在词中。请补全两处单元格，写出同一个完整的名称。"
    )
    assert _at("001", "KPI305", 297).suggestion is None  # "贫困人口参保县级财政补"
    # A name shorter than the width, or one that ends with a measure's head, may be whole: still offered
    assert _at("001", "KPI305", 371).suggestion == "建档立卡贫困户满意度"
    assert _at("001", "KPI305", 725).suggestion == "城乡居民住院就医报销比"


def test_002_a_long_whole_name_is_still_offered() -> None:
    found = _at("002", "KPI305", 954)
    assert found.suggestion == "参保人员对医保服务的满意度"
    assert found.message == (
        "三级指标（年度）“参保人员对医保服务”被截断：实施期同一行为“参保人员对医保服务的满意度”。"
        "请补全单元格，两处写出同一个完整的名称或指标值。"
    )


def test_a_peer_example_shares_a_content_word_with_the_project() -> None:
    lexicon = load_lexicon()
    agents, aid = _doc("003").projects[3], _doc("003").projects[2]
    assert "代办员补助" in agents.name and "医疗救助" in aid.name
    # the IT projects' uptime rate shares only the sector word 医保 with a subsidy to collection agents
    assert not about_the_project("医保信息系统正常运行率", agents, lexicon)
    # 城乡 is an area, not what the project does
    assert not about_the_project("城乡医疗救助对象参保率", agents, lexicon)
    # a 医疗救助 fund shares 救助 (its rows: 是否全部救助, 就否按时救助)
    assert about_the_project("城乡医疗救助对象参保率", aid, lexicon)
