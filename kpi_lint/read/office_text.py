"""Text as office files hold it: cell values to printed text, PDF radicals folded back."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Kangxi radicals and the CJK radicals supplement: PDF fonts often map 目 to ⽬, 一 to ⼀.
_RADICALS = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
_CID = re.compile(r"\(cid:\d+\)")


def fold_radicals(text: str) -> str:
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def has_cid_garbage(text: str) -> bool:
    """True when most of the text is (cid:NNN) codes: a font without a Unicode map."""
    codes = _CID.findall(text)
    return bool(codes) and sum(len(c) for c in codes) * 2 > len(text)


def cell_text(value: object, number_format: str = "General") -> str:
    """An Excel value as the sheet shows it: 0.95 formatted as % → "95%", 12.0 → "12", dates as 2023年6月30日."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float | int):
        if "%" in number_format:
            return f"{value * 100:g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:g}" if isinstance(value, float) else str(value)
    return str(value)
