"""A frequency is not a date (issue 11): wild u04 "开展技术指导 | 一个季度开展技术指导一次" under 成本 holds no money
(KPI104 is right) but is once a quarter, not a date; the messages that name a value's kind call it 频次
(lexicons/frequency_words.txt). A deadline stays a date (corpus/labels/README.md)."""

from __future__ import annotations

import pytest

from kpi_lint.config import Config
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Form, Indicator
from kpi_lint.parse import parse
from kpi_lint.parse.frequency import reads_as_frequency, states_a_frequency
from kpi_lint.parse.values import parse_value
from kpi_lint.rules.consistency.kpi404_misfiled_indicator import MisfiledIndicator
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import rule_by_code
from kpi_lint.vocab import QUANTITY, TIMELINESS
from tests.corpus import CORPUS_DIR
from tests.rules.builder import build_document

# Values printed in the corpus: 000 and 004 (samples), wild l01, m04, u04.
_FREQUENCIES = ["每季度", "每月", "半年预付一次", "1次/月", "按月安排", "一个季度开展技术指导一次", "一个季度报送一次"]
# Deadlines and dates (corpus/labels/README.md; 004 "每月中旬发放", wild "每年3月、9月份发放"), and money per period.
_NOT_FREQUENCIES = [
    "不晚于6月底",
    "9月前",
    "2023年12月前",
    "2023年12月底前",
    "9月-12月",
    "每季度末前报送",
    "每月10日前发放",
    "每月中旬发放",
    "每年3月、9月份发放",
    "2023年完成3次",
    "≥3次",
    "每年3300元",
    "≥95%",
]


def _kpi104_opening(value: str) -> list[str]:
    doc = parse(CORPUS_DIR / "wild" / "u04_yunnan_publichealth_selfeval_prose.txt")
    rule = rule_by_code("KPI104")
    assert rule is not None
    found = run_rules([doc], [rule], build_context([doc], Config()))
    return [f.message.split("：", 1)[0] for f in found if f.value == value]


def test_kpi104_calls_a_frequency_under_cost_a_frequency_not_a_date() -> None:
    assert _kpi104_opening("一个季度开展技术指导一次") == [
        "“开展技术指导”的指标值“一个季度开展技术指导一次”是频次，与成本指标不符"
    ]


@pytest.mark.parametrize("value", _FREQUENCIES)
def test_the_corpus_frequencies_read_as_frequencies(value: str) -> None:
    lexicon = load_lexicon()
    assert states_a_frequency(value, lexicon)
    assert reads_as_frequency(parse_value(value), value, lexicon)


@pytest.mark.parametrize("value", _NOT_FREQUENCIES)
def test_deadlines_dates_and_money_per_period_are_not_frequencies(value: str) -> None:
    lexicon = load_lexicon()
    assert not reads_as_frequency(parse_value(value), value, lexicon)


def test_the_value_parser_still_reads_deadlines_and_frequencies_as_before() -> None:
    # The frequency is a reading for messages; the parsed kind the rules and the models use does not move.
    assert [parse_value(v).kind for v in ("9月前", "每季度末前报送", "每季度", "一个季度报送一次")] == ["date"] * 4
    assert parse_value("1次/月").kind == "count"


def test_kpi404_lexicon_evidence_reads_a_frequency_as_a_count() -> None:
    # wild l01 "城市道路以克论净量化考核 | 1次/月": how often the project does something — times per period, an output
    # count (the catalog's reading since issue 11-precision2, as KPI408's), never evidence for a move to 时效.
    doc = build_document({"project": {"indicators": [[None, "产出指标", "时效指标", "环境卫生专项考核", "1次/月"]]}})
    rule = MisfiledIndicator(build_context([doc], Config()))
    ind = Indicator(
        path="x",
        project="p",
        form=Form.TARGET,
        period=None,
        level1="产出指标",
        level2=TIMELINESS,
        level3="环境卫生专项考核",
        value="1次/月",
        line=1,
        column=1,
        parsed=parse_value("1次/月"),
    )
    votes, evidence = rule.lexicon_votes(ind)
    assert "指标值是频次→数量指标" in evidence
    assert (votes[QUANTITY], votes[TIMELINESS]) == (1, 0)
