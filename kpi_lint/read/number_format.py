"""A number or date the way Excel / WPS shows it through the cell's number format ("0%", "#,##0.00",
'yyyy"年"m"月"d"日"').

Workbooks store 95% as 0.95, 4,900 as 4900 and 2024-12-31 as a date serial; what a reviewer reads
(and what the disclosure prints) is the formatted text.  openpyxl and xlrd give the value and the
format code but do not apply one to the other, and no maintained Python library does, so the
subset of ECMA-376 number formats that budget forms use is applied here: sections (positive;
negative; zero), quoted and escaped literals, currency tags ``[$¥-804]``, colour / locale tags
(dropped), digit placeholders ``0 # ?`` with decimals and thousands separators, percent, and date /
time tokens (y m d h s, 上午/下午, AM/PM).  Anything else (fractions, scientific, conditions) falls
back to the General format, which never loses digits.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from kpi_lint.lazy_re import lazy_compile

# A locale's short date (numFmtId 14, "mm-dd-yy" in the file) shows as 2024/12/31 in Chinese Excel and WPS.
_SHORT_DATES = {"mm-dd-yy", "m/d/yy", "m/d/yyyy", "mm/dd/yy"}

# Built-in formats of Chinese (zh-CN) Excel and WPS that a file names by id only, with no code
# (ECMA-376 Part 1, 18.8.30): openpyxl knows none of them and would show a date as its serial number.
_ZH_BUILTIN = {
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"',
    33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"',
    35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    55: '上午/下午h"时"mm"分"',
    56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}
_DATE_TOKENS = lazy_compile(r"(yyyy|yy|e|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|上午/下午|AM/PM|am/pm|A/P|a/p)")


def _sections(code: str) -> list[str]:
    parts, current, quoted, escaped = [], "", False, False
    for ch in code:
        if escaped:
            current += ch
            escaped = False
        elif ch == "\\":
            current += ch
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current += ch
        elif ch == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _tokens(section: str) -> list[tuple[bool, str]]:
    """(is_literal, text) pieces of one section: quoted, escaped and currency text are literal."""
    out: list[tuple[bool, str]] = []
    k = 0
    while k < len(section):
        ch = section[k]
        if ch == '"':
            end = section.find('"', k + 1)
            end = len(section) if end < 0 else end
            out.append((True, section[k + 1 : end]))
            k = end + 1
        elif ch == "\\" and k + 1 < len(section):
            out.append((True, section[k + 1]))
            k += 2
        elif ch in "_*" and k + 1 < len(section):  # padding to a character's width / fill: nothing printed
            k += 2
        elif ch == "[":
            end = section.find("]", k)
            end = len(section) if end < 0 else end
            tag = section[k + 1 : end]
            if tag.startswith("$"):
                out.append((True, tag[1:].split("-")[0]))
            k = end + 1
        else:
            out.append((False, ch))
            k += 1
    return out


def _plain(tokens: list[tuple[bool, str]]) -> str:
    """The format characters of a section, literals left out (to classify it)."""
    return "".join(t for lit, t in tokens if not lit)


def zh_builtin(format_id: int | None) -> str | None:
    """The code of a zh-CN built-in number format named by id only (31 → 'yyyy"年"m"月"d"日"')."""
    return _ZH_BUILTIN.get(format_id) if format_id is not None else None


def is_date_format(code: str) -> bool:
    text = _plain(_tokens(_sections(code)[0])).lower()
    return any(ch in text for ch in "ydhs") or ("m" in text and "0" not in text and "#" not in text)


def general(value: float | int) -> str:
    """Excel's General format: integers in full, others to 10 significant digits, no trailing zeros."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    return text.upper() if "e" in text else text


def _round(value: float, places: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: float | int, code: str) -> str:
    """`value` as shown through number format `code`."""
    if code in ("", "General", "@") or code.lower() == "general":
        return general(value)
    sections = _sections(code)
    section = sections[0]
    negative = value < 0
    if negative and len(sections) >= 2 and sections[1].strip():
        section, value = sections[1], -value  # the negative section prints its own sign or brackets
        negative = False
    elif value == 0 and len(sections) >= 3 and sections[2].strip():
        section = sections[2]
    tokens = _tokens(section)
    plain = _plain(tokens)
    if not any(ch in plain for ch in "0#?") or "/" in plain or "E" in plain.upper():
        if any(ch in plain for ch in "0#?"):
            return general(value)  # fractions and scientific: shown without losing digits
        literal = "".join(t for _, t in tokens)
        return literal or general(value)
    percent = plain.count("%")
    scaled = abs(value) * (100**percent)
    first = next(k for k, (lit, t) in enumerate(tokens) if not lit and t in "0#?")
    last = max(k for k, (lit, t) in enumerate(tokens) if not lit and t in "0#?")
    pattern = "".join(t for lit, t in tokens[first : last + 1] if not lit)
    whole, _, frac = pattern.partition(".")
    places = sum(frac.count(ch) for ch in "0#?")
    keep = frac.count("0")
    number = _round(scaled, places)
    text = f"{number:,.{places}f}" if "," in whole else f"{number:.{places}f}"
    if places > keep:  # '#' and '?' decimals are not printed when zero ("0.##": 1.5 → 1.5, 1 → 1.)
        digits_before, _, decimals = text.partition(".")
        decimals = decimals.rstrip("0").ljust(keep, "0")
        text = digits_before + "." + decimals
    min_int = whole.replace(",", "").count("0")
    int_part, dot, rest = text.partition(".")
    if int_part in ("0", "-0") and min_int == 0:
        int_part = int_part.replace("0", "")
    elif len(int_part.replace(",", "")) < min_int:
        int_part = int_part.zfill(min_int)
    text = int_part + dot + rest
    before = "".join(t for _, t in tokens[:first])
    after = "".join(t for _, t in tokens[last + 1 :])
    inside = "".join(t for lit, t in tokens[first : last + 1] if lit)  # literals between placeholders
    return ("-" if negative else "") + before + text + inside + after


def format_date(value: dt.datetime | dt.date, code: str) -> str:
    """A date or time as shown through `code` (a locale short date: yyyy/m/d)."""
    if code in _SHORT_DATES or not code or code.lower() == "general" or not is_date_format(code):
        timed = isinstance(value, dt.datetime) and value.time() != dt.time(0)
        code = "yyyy/m/d h:mm" if timed else "yyyy/m/d"
    moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
    tokens = _tokens(_sections(code)[0])
    chunks: list[tuple[bool, str]] = []
    for lit, t in tokens:  # join the format characters so tokens like "yyyy" stay whole
        if not lit and chunks and not chunks[-1][0]:
            chunks[-1] = (False, chunks[-1][1] + t)
        else:
            chunks.append((lit, t))
    twelve = any(not lit and ("AM/PM" in t.upper() or "上午/下午" in t or "A/P" in t.upper()) for lit, t in chunks)
    out: list[str] = []
    after_hour = False  # an "m" right after an hour (literals between) is minutes
    for lit, text in chunks:
        if lit:
            out.append(text)
            continue
        pieces = _DATE_TOKENS.split(text)
        for k, piece in enumerate(pieces):
            if k % 2 == 0:
                out.append(piece)
                continue
            low = piece.lower()
            later = "".join(pieces[k + 1 :]).lower()
            if low in ("yyyy", "e"):
                out.append(f"{moment.year}")
            elif low == "yy":
                out.append(f"{moment.year % 100:02d}")
            elif low in ("mm", "m"):
                minute = after_hour or later.lstrip(":").startswith("s")
                number = moment.minute if minute else moment.month
                out.append(f"{number:02d}" if low == "mm" else f"{number}")
            elif low in ("mmm", "mmmm"):
                out.append(f"{moment.month}月")
            elif low in ("dd", "d"):
                out.append(f"{moment.day:02d}" if low == "dd" else f"{moment.day}")
            elif low in ("ddd", "dddd"):
                out.append("星期" + "一二三四五六日"[moment.weekday()])
            elif low in ("hh", "h"):
                hour = moment.hour % 12 or 12 if twelve else moment.hour
                out.append(f"{hour:02d}" if low == "hh" else f"{hour}")
                after_hour = True
                continue
            elif low in ("ss", "s"):
                out.append(f"{moment.second:02d}" if low == "ss" else f"{moment.second}")
            elif piece == "上午/下午":
                out.append("上午" if moment.hour < 12 else "下午")
            elif low in ("am/pm", "a/p"):
                mark = "AM" if moment.hour < 12 else "PM"
                out.append(mark if low == "am/pm" else mark[0])
            after_hour = after_hour and low in ("mm", "m")
    return "".join(out)
