"""One table turns a funds block's money unit into 元 for the library, the scores and the consistency rules."""

from __future__ import annotations

import pytest

from kpi_lint.model import FundItem, yuan_per
from kpi_lint.rules.consistency._funds import fund_yuan


@pytest.mark.parametrize(("unit", "yuan"), [("元", 1.0), ("万元", 1e4), ("亿元", 1e8), ("万", 1e4), ("", 1.0)])
def test_yuan_per_unit(unit: str, yuan: float) -> None:
    assert yuan_per(unit) == pytest.approx(yuan)


def test_rules_and_library_agree_on_a_hundred_million() -> None:
    item = FundItem(period="年度", source="总额", amount=1.2, text="1.2", unit="亿元", line=3, column=5)
    assert fund_yuan(item) == pytest.approx(1.2e8)
