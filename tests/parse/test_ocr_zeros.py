"""The letter O printed by OCR for a zero in a target: read as 0 where a figure is clearly meant, never in words."""

from __future__ import annotations

import pytest

from kpi_lint.parse.values import parse_value


@pytest.mark.parametrize(
    ("printed", "number", "unit"),
    [
        ("第O份", 0, "份"),  # l06: alone before its unit
        ("1O0%", 100, "%"),  # between digits
        ("≥9O%", 90, "%"),
        ("2o份", 20, "份"),
    ],
)
def test_an_ocr_o_in_a_figure_reads_as_zero(printed: str, number: float, unit: str) -> None:
    parsed = parse_value(printed)
    assert (parsed.number, parsed.unit) == (number, unit)


@pytest.mark.parametrize("printed", ["OK", "Office", "O"])
def test_an_o_in_words_stays_a_letter(printed: str) -> None:
    assert parse_value(printed).number is None


def test_a_run_that_is_no_number_with_zeros_stays_as_printed() -> None:
    # "O2O" would read 020, no number a department prints: a word (online-to-offline), not a figure
    assert parse_value("O2O平台").unit != "平台"
