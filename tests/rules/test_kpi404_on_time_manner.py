"""An on-time adverb before the verb of a task is its manner, not a deadline (issue 11-timely).

z01 (国家质检 进出境动物疫情 评价表) prints 质量指标 "建立并及时完善进出境重大动物疫情应急管理体系 | 是": 及时 says how
the system is to be kept up, the value asks whether it was built. KPI404 read 及时 as a word of timing and moved the
row to 时效 (model 0.99; finding_review sample 46, wrong). An on-time word says when only as a measure (是否及时,
…及时率, …及时性), with a value that counts what was done on time, a value that says it, or a time in the row.
"""

from __future__ import annotations

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse.values import parse_value
from kpi_lint.rules.consistency.kpi404_misfiled_indicator import calibration_gate
from kpi_lint.rules.target.common import ON_TIME_FILE, ON_TIME_MEASURE_FILE, on_time_says_when
from tests.rules.test_corpus_guidance import findings, wild_doc

TIMELINESS = "时效指标"


def _says_when(level3: str, value: str) -> bool:
    lexicon = load_lexicon()
    words, marks = lexicon.words(ON_TIME_FILE), lexicon.keyed(ON_TIME_MEASURE_FILE)
    return on_time_says_when(level3, value, parse_value(value), words, marks)


@pytest.mark.parametrize(
    ("level3", "value"),
    [
        ("建立并及时完善进出境重大动物疫情应急管理体系", "是"),  # z01 20
        ("及时发现隐患和薄弱环节", "一个季度报送一次"),  # u04 (labelled 社会效益)
        ("保障全县参保居民能够及时补偿门诊住院医药费，基金安全运行。", "保障"),  # 000 (labelled 社会效益)
        ("及时处置突发事件", "有效"),
        ("及时处置突发性事件", "有效"),  # the 性 of 突发性 belongs to the noun (issue 11-followups)
        ("按时完成安全性检查任务", "是"),
    ],
)
def test_an_adverb_of_manner_says_no_time(level3: str, value: str) -> None:
    assert not _says_when(level3, value)


@pytest.mark.parametrize(
    ("level3", "value"),
    [
        ("就否按时救助", ">90"),  # 003 1828: the share helped on time
        ("按时参保", "≥95"),  # 003 1892
        ("按时发放", "≥1人/年"),  # b05 7
        ("对美沙酮维持患者及时给予治疗", "100%"),  # f02, a 及时率 without 率
        ("是否及时", "是"),  # a question of timeliness
        ("办结及时率", "是"),
        ("结算款支付及时性", "及时"),  # b03
        ("培训任务完成及时", "完成"),  # s01: the word closes the name
        ("按期完工", "按期完工"),  # w01: the value says it
        ("按时发放率(%)", "是"),  # the unit's bracket is not the name's last word
        ("补助经费到位及时性（≥**%）", "是"),  # nor a template's placeholder
    ],
)
def test_an_on_time_measure_says_when(level3: str, value: str) -> None:
    assert _says_when(level3, value)


def _row(level3: str, value: str) -> dict[str, str]:
    return {"level1": "产出指标", "level3": level3, "value": value, "kind": parse_value(value).kind}


def test_the_gate_holds_the_manner_adverb_and_keeps_the_timeliness_rates() -> None:
    gate = calibration_gate({})
    assert gate("质量指标", _row("建立并及时完善进出境重大动物疫情应急管理体系", "是"), TIMELINESS) is None
    assert gate("质量指标", _row("按时参保", "≥95"), TIMELINESS) == TIMELINESS
    assert gate("质量指标", _row("就否按时救助", ">90"), TIMELINESS) == TIMELINESS
    # a time in the row still says when, whatever the adverb
    assert gate("质量指标", _row("及时完善应急管理体系", "2021年6月底前"), TIMELINESS) == TIMELINESS


def test_z01_system_stays_under_quality() -> None:
    doc = wild_doc("z01")
    row = next(ind for ind in doc.indicators if ind.level3 == "建立并及时完善进出境重大动物疫情应急管理体系")
    assert (row.line, row.level2, row.value) == (20, "质量指标", "是")
    assert [f.line for f in findings(doc, "KPI404")] == []  # main 749a7dd reported 20:1, "属于时效指标 … 0.99"
