"""An OCR'd "=" read as 二 before a target's number ("资金使用效率二100百分比"): the 二 opens the target, as
目标前缀 words do, and the name ends before it (f05, 甘肃 嘉峪关 博物馆 绩效目标表)."""

from __future__ import annotations

from tests.wild.rows import WILD, printed_rows


def test_f05_keeps_the_ocr_sign_with_its_target() -> None:
    rows = printed_rows(WILD / "f05_gansu_museum_target.txt")
    assert ("经济成本指标", "资金使用效率", "二100百分比") in rows
    assert ("数量指标", "免费开放天数", "=300天") in rows
