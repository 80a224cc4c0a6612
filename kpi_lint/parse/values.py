"""Parsing a 指标值 into comparator, number, unit and kind.

The printed text is never changed; this only reads it.  Kinds:

``count``  a number with a count unit (人, 次, 份 …)
``percent`` a number with % / ‰
``money``  a number with a money unit (元, 万元, 元/人 …)
``date``   a date, deadline or period (6月底, 不晚于2023年年底, 每月, 9月-12月)
``number`` a number with no unit at all ("≥95", "717")
``qualitative`` words only (提高, 有效, 保障)
``empty``  nothing printed
"""

from __future__ import annotations

import re
from functools import lru_cache

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import Lexicon, load_lexicon
from kpi_lint.model import ParsedValue
from kpi_lint.read.source import fold

# Word comparators, longest first; the value is the symbol they stand for.
_WORD_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("大于或等于", "≥"),
    ("小于或等于", "≤"),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不小于", "≥"),
    ("大于等于", "≥"),
    ("至少", "≥"),
    ("达到", "≥"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不多于", "≤"),
    ("不大于", "≤"),
    ("小于等于", "≤"),
    ("不晚于", "≤"),
    ("不迟于", "≤"),
    ("大于", ">"),
    ("超过", ">"),
    ("高于", ">"),
    ("小于", "<"),
    ("低于", "<"),
    ("等于", "="),
)
_SUFFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("以上", "≥"),
    ("及以上", "≥"),
    ("以下", "≤"),
    ("以内", "≤"),
    ("之前", "≤"),
    ("以前", "≤"),
    ("前", "≤"),
)
_SYMBOLS = (
    (">=", "≥"),
    ("=>", "≥"),
    ("<=", "≤"),
    ("=<", "≤"),
    ("≧", "≥"),
    ("≦", "≤"),
    ("⩾", "≥"),
    ("⩽", "≤"),
)
_NUMBER = lazy_compile(r"(\d[\d,]*(?:\.\d+)?|\.\d+)")
_CN_DIGITS = "零一二三四五六七八九十两"
_DATE = lazy_compile(
    r"(?:\d+|[" + _CN_DIGITS + r"]+)\s*(?:个)?(?:月|季度|日|号|周|工作日|年)"
    r"|\d+\s*天|年底|年末|年内|月底|月末|季度末|上半年|下半年|每月|每季度|每年|每周|每日|每天|半年|当月|当年|次月|月份"
)
# 当年 / 当月 as a determiner ("this year's"), not a time: "资源采购期以当年为主" (mostly this year's resources),
# "以当年为准", "当年的资源". Before 的 or a 为主 / 为准 / 居多 of composition or reference it says which year's
# things, not when anything is due; "当年完成", "当年内", "当年" alone stay dates.
_PERIOD_AS_DETERMINER = lazy_compile(r"(?:当年|当月)(?=的|为主|为准|居多|为多)")
_PERCENT = ("%", "‰", "百分之", "百分点")
# A date written with dots or dashes, alone or as a range, perhaps as a deadline: "2023.12.31", "2020.1.1-2020.12.31",
# "2023.07-2024.01", "2021.1.1-12.31" (the range's end in the same year), "2021.12.31前".
_DAY = r"(?:19|20)\d{2}[./-](?:0?[1-9]|1[0-2])(?:[./-](?:0?[1-9]|[12]\d|3[01]))?"
_MONTH_DAY = r"(?:0?[1-9]|1[0-2])[./](?:0?[1-9]|[12]\d|3[01])"
_NUMERIC_DATE = lazy_compile(
    rf"^{_DAY}(?:\s*[-~至到—]+\s*(?:{_DAY}|{_MONTH_DAY}))?\s*(?:之前|以前|前|为止|止|以内|内)?$"
)
# A time limit: "<24小时", "≤20工作日", "3个月内".
_TIME_SPAN = lazy_compile(r"\d\s*(?:个)?(?:小时|工作日|天|日|周|个月)")
# A deadline named by the calendar's fixed occasions: "春节前", "中秋节前", "汛期前", "开学前".
_NAMED_DEADLINE = lazy_compile(r"(?:春节|元旦|清明|端午|中秋|国庆|重阳|节日|汛期|开学|年关)(?:之|以)?前")


def mentions_date(text: str | None) -> bool:
    """The value names a date, a deadline or a time limit somewhere in it ("12月底前100%到位",
    "<24小时", "2020.1.1-2020.12.31", "春节前"), whatever else it says."""
    s = _canonical(text or "")
    return bool(_names_a_time(s) or _TIME_SPAN.search(s) or _NUMERIC_DATE.match(s) or _NAMED_DEADLINE.search(s))


def _names_a_time(text: str) -> bool:
    """A date word or a period stands in `text` as a time, not as a determiner ("以当年为主")."""
    return _DATE.search(_PERIOD_AS_DETERMINER.sub("", text)) is not None


# A run of Latin letters and digits in a value: an OCR'd figure may print its zeros as the letter O ("1O0%",
# "第O份" under a 计量单位 of 份, "2O份").
_LETTERS_AND_DIGITS = lazy_compile(r"[A-Za-z\d.]+")
_FIGURE = lazy_compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_UNIT_AFTER = lazy_compile(r"[\u4e00-\u9fff%‰]")


def _ocr_zeros(text: str) -> str:
    """The letter O (or o) read as the zero it stands for where a figure is clearly meant: in a run of digits
    and O's alone that then reads as a number ("1O0" → 100, "2O" → 20, not "O2O" → 020), or alone before a
    unit ("第O份" → 第0份).  A run holding other letters is a word ("OK", "kOm"), left as printed."""

    def repaired(m: re.Match[str]) -> str:
        run = m.group()
        if "O" not in run and "o" not in run:
            return run
        figure = run.replace("O", "0").replace("o", "0")
        if not _FIGURE.fullmatch(figure):
            return run
        if figure == "0" and not _UNIT_AFTER.match(text, m.end()):
            return run  # a lone O is a zero only before its unit
        return figure

    return _LETTERS_AND_DIGITS.sub(repaired, text)


def _canonical(text: str) -> str:
    out = _ocr_zeros(fold(text).strip())
    for old, new in _SYMBOLS:
        out = out.replace(old, new)
    return out


def _comparator(text: str) -> str | None:
    for ch in text:
        if ch in "≥≤><=~":
            return ch
    for word, sym in _WORD_COMPARATORS:
        if word in text:
            return sym
    stripped = text.rstrip("。. ")
    for word, sym in _SUFFIX_COMPARATORS:
        if stripped.endswith(word):
            return sym
    return None


def _to_float(raw: str) -> float | None:
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def parse_value(text: str | None, lexicon: Lexicon | None = None) -> ParsedValue:
    """Read a printed 指标值; never raises."""
    if text is None or not text.strip():
        return ParsedValue(None, None, None, "empty")
    if lexicon is None:
        return _parse_with_default(text, load_lexicon())
    return _parse(text, lexicon)


@lru_cache(maxsize=65536)
def _parse_with_default(text: str, lexicon: Lexicon) -> ParsedValue:
    # Targets repeat across projects and documents ("≥95%", "≥90%"): parse each spelling once.
    return _parse(text, lexicon)


def forget_readings() -> None:
    """Empty the memo of the values read with the shipped lexicon (the file tasks', before the peer phase)."""
    _parse_with_default.cache_clear()


# A template's placeholder left in the value ("≤****000元", "≥**%"): nothing was filled in.
_PLACEHOLDER = lazy_compile(r"[*＊]{2,}|[xX×]{2,}")


def _parse(text: str, lex: Lexicon) -> ParsedValue:
    s = _canonical(text)
    comparator = _comparator(s)
    if _PLACEHOLDER.search(s):
        return ParsedValue(comparator, None, None, "empty")
    if _NUMERIC_DATE.match(s):  # "2023.12.31", "2020.1.1-2020.12.31": a date, not the number 2020.1
        return ParsedValue(comparator, None, None, "date")
    numbers = list(_NUMBER.finditer(s))
    is_date = _names_a_time(s)
    if not numbers:
        kind = "date" if is_date else "qualitative"
        if any(p in s for p in _PERCENT):
            kind = "qualitative"
        return ParsedValue(comparator, None, None, kind)
    first = numbers[0]
    number = _to_float(first.group(1))
    high: float | None = None
    after = s[first.end() :]
    unit_match = re.match(r"\s*([^\d\s,，。;；、()（）~—-]*)", after)
    unit = (unit_match.group(1) if unit_match else "").strip()
    rest = after[unit_match.end() if unit_match else 0 :]
    range_match = re.match(r"\s*[-~至到—]\s*(\d[\d,]*(?:\.\d+)?)\s*([^\d\s,，。;；、()（）]*)", rest)
    if range_match:
        high = _to_float(range_match.group(1))
        unit = unit or range_match.group(2).strip()
    for word, _sym in _SUFFIX_COMPARATORS:
        if unit.endswith(word) and unit != word:
            unit = unit[: -len(word)]
            break
        if unit == word:
            unit = ""
            break
    if any(unit.startswith(p) for p in _PERCENT) or "%" in s or "‰" in s:
        kind = "percent"
        unit = "%" if "%" in s or unit.startswith("百分之") else (unit or "%")
    elif is_date and _is_date_unit(unit):
        kind = "date"
    elif unit:
        kind = lex.unit_kind(unit) or "count"
        if kind == "percent":
            unit = "%"
    else:
        kind = "number"
    if comparator == "~":
        comparator = None
    return ParsedValue(comparator, number, unit or None, kind, high)


_DATE_UNITS = ("年", "月", "日", "号", "季度", "周", "工作日", "个工作日", "天", "个月", "小时")


def _is_date_unit(unit: str) -> bool:
    """6月底, 2023年年底, 15个工作日, 3天: a date or a period, not a count."""
    return not unit or unit.startswith(_DATE_UNITS)


_SCALE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}


def scaled(value: ParsedValue) -> float | None:
    """The number in base units: 7.2 万元 → 72000.0 (元), 2 万份 → 20000.0."""
    if value.number is None:
        return None
    unit = value.unit or ""
    factor = _SCALE.get(unit[:1], 1.0) if len(unit) > 1 else 1.0
    return value.number * factor


def base_unit(value: ParsedValue) -> str | None:
    unit = value.unit
    if unit and len(unit) > 1 and unit[:1] in _SCALE:
        return unit[1:]
    return unit
