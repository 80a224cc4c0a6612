"""A frequency — how often, not when: "每季度", "1次/月", "一个季度开展技术指导一次", "半年一次", "每年2次".

The value parser reads such values as dates (they name a period); the rules that name the kind of a value in a
message call them 频次 instead.  The words are in ``lexicons/frequency_words.txt``; a value that also states a
deadline or a calendar point ("每季度末前报送", "每月10日前发放", "每年3月发放") stays a date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import Lexicon, alternation
from kpi_lint.model import ParsedValue
from kpi_lint.parse.common import squash

FREQUENCY_FILE = "frequency_words.txt"
FREQUENCY = "频次"
# The parsed kinds a frequency comes out as: a date ("每季度"), a count ("1次/月"), words ("按月安排"). An amount of
# money or a rate per period ("每人每年500元", "每月95%") is money or a rate, whatever its period.
_READ_AS = frozenset({"date", "count", "qualitative"})

# A count of periods or times: a figure of one or two digits (not a year, "2023年…3次"), or Chinese numerals.
_AMOUNT = r"(?:(?<!\d)[1-9]\d?|[一二两三四五六七八九十]+)"
# How far apart the length and its count may lie: "一个季度开展技术指导一次".
_GAP = 16
# A calendar point: "3月", "10日", "15号" (not "3个月").
_CALENDAR_POINT = lazy_compile(r"\d\s*[月日号]")


@lru_cache(maxsize=8)
def _patterns(
    periods: tuple[str, ...], each: tuple[str, ...], lengths: tuple[str, ...], times: tuple[str, ...]
) -> re.Pattern[str]:
    period, per, length, time = (alternation(w) for w in (periods, each, lengths, times))
    return re.compile(
        rf"(?:{per})个?(?:{_AMOUNT}个?)?(?:{period})"  # 每季度, 按月, 逐年, 每2个月
        rf"|(?:{time})\s*/\s*(?:{period})"  # 1次/月, 2次/年
        rf"|(?:半|{_AMOUNT})(?:{length}).{{0,{_GAP}}}?{_AMOUNT}(?:{time})"  # 一个季度…一次, 半年一次, 两年3次
    )


def states_a_frequency(value: str | None, lexicon: Lexicon) -> bool:
    """The value says how often ("一个季度开展技术指导一次", "1次/月", "每季度"), with no deadline or calendar
    point in it ("每季度末前报送", "每月10日前发放" are dates)."""
    text = squash(value or "")
    if not text:
        return False
    words = lexicon.keyed(FREQUENCY_FILE)
    if any(w and w in text for w in words.get("期限", ())) or _CALENDAR_POINT.search(text):
        return False
    pattern = _patterns(words.get("周期", ()), words.get("每", ()), words.get("时长", ()), words.get("次数", ()))
    return pattern.search(text) is not None


def reads_as_frequency(parsed: ParsedValue, value: str | None, lexicon: Lexicon) -> bool:
    """The parsed value (a date, a count or words) is a frequency: the kind a message should call it."""
    return parsed.kind in _READ_AS and states_a_frequency(value, lexicon)
