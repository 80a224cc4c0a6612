"""The form a target should take, read from the indicator's name (lexicons/name_units.txt): what the
value rules suggest in their messages ("如“不晚于N月底”", "以“人”计")."""

from __future__ import annotations

import pytest

from kpi_lint.lexicon import load_lexicon
from kpi_lint.rules.target.common import DATE, expected_unit, name_cues


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("项目完成时间", DATE),
        ("培训完成期限", DATE),
        ("项目实施周期", DATE),
        ("参保人数", "人"),
        # A period followed by 内 bounds what is measured: wild c01/l02 (湘潭 雾炮车降尘) "服务周期内空气质量 | 优良"
        # is an air quality, not a date — KPI101 suggested "不晚于N月底" for it (finding review sample 8).
        ("服务周期内空气质量", None),
        ("规定时间内办结率", "%"),
        # A property is measured, not the money it is a property of: wild b10/i05/j13/g11 "经费支出合规性 |
        # 严格执行相关制度规定" — KPI101 suggested "≥N元" for it (finding review sample 8, i05 1:651).
        # A listed property keeps its unit.
        ("经费支出合规性", None),
        ("经费审批流程规范性", None),
        ("资金拨付及时性", "%"),
        ("会议费", "元"),
        ("项目资金总额", "元"),
    ],
)
def test_the_unit_a_name_calls_for(name: str, unit: str | None) -> None:
    assert expected_unit(name, name_cues(load_lexicon())) == unit
