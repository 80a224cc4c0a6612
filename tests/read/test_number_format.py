"""Cell values shown through their Excel number formats, as Excel / WPS show them."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi_lint.read.number_format import format_date, format_number
from kpi_lint.read.office_text import cell_text


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (0.95, "0%", "95%"),
        (0.955, "0.0%", "95.5%"),
        (0.005, "0%", "1%"),  # rounded half away from zero, as Excel does
        (1, "0.00%", "100.00%"),
        (4900, "#,##0", "4,900"),
        (2365.94, "#,##0.00", "2,365.94"),
        (120, "0.00", "120.00"),
        (1.5, "0.##", "1.5"),
        (1234.5, '#,##0.00"元"', "1,234.50元"),
        (12, '0"人"', "12人"),
        (1000, "[$¥-804]#,##0.00", "¥1,000.00"),
        (-5, "0;[Red](0)", "(5)"),
        (-5, "0", "-5"),
        (0, '0.00;-0.00;"-"', "-"),
        (7, "000", "007"),
        (148.05, "General", "148.05"),
        (0.1 + 0.2, "General", "0.3"),
        (1234567.891, "General", "1234567.891"),
        (3, "@", "3"),
        (0.25, "# ?/?", "0.25"),  # fractions: shown without losing digits
    ],
)
def test_numbers(value: float, code: str, shown: str) -> None:
    assert format_number(value, code) == shown


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (dt.datetime(2023, 12, 31), "yyyy-mm-dd", "2023-12-31"),
        (dt.datetime(2021, 12, 31), 'yyyy"年"m"月"d"日"', "2021年12月31日"),
        (dt.datetime(2021, 12, 31), "yyyy年m月d日", "2021年12月31日"),
        (dt.datetime(2024, 6, 30), "mm-dd-yy", "2024/6/30"),  # the locale's short date (numFmtId 14)
        (dt.datetime(2024, 6, 30, 14, 5), "yyyy/m/d h:mm", "2024/6/30 14:05"),
        (dt.datetime(2024, 6, 30, 14, 5), "h:mm AM/PM", "2:05 PM"),
        (dt.datetime(2024, 6, 30, 9, 5), '上午/下午h"时"mm"分"', "上午9时05分"),
        (dt.date(2024, 1, 5), "m月d日", "1月5日"),
        (dt.datetime(2024, 6, 30), "yyyy.mm.dd", "2024.06.30"),
    ],
)
def test_dates(value: dt.datetime, code: str, shown: str) -> None:
    assert format_date(value, code) == shown


def test_cell_text_applies_the_format_by_the_value_kind() -> None:
    assert cell_text(None) == ""
    assert cell_text(True) == "是"
    assert cell_text(0.9, "0%") == "90%"
    assert cell_text(dt.datetime(2024, 12, 31), 'yyyy"年"m"月"d"日"') == "2024年12月31日"
    assert cell_text(12.0) == "12"
    assert cell_text("≥95%") == "≥95%"
