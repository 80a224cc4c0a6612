"""Text as office files hold it: cell values to printed text, PDF radicals folded back."""

from __future__ import annotations

import datetime as dt
import unicodedata

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.read.number_format import format_date, format_number

# Kangxi radicals and the CJK radicals supplement: PDF fonts often map 目 to ⽬, 一 to ⼀.
_RADICALS = lazy_compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
_CID = lazy_compile(r"\(cid:\d+\)")


def fold_radicals(text: str) -> str:
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def has_cid_garbage(text: str) -> bool:
    """True when most of the text is (cid:NNN) codes: a font without a Unicode map."""
    codes = _CID.findall(text)
    return bool(codes) and sum(len(c) for c in codes) * 2 > len(text)


def cell_text(value: object, number_format: str = "General") -> str:
    """An Excel value as the sheet shows it through its number format: 0.95 in "0%" → "95%",
    4900 in "#,##0" → "4,900", 12.0 → "12", a date in 'yyyy"年"m"月"d"日"' → "2024年12月31日"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        return format_date(value, number_format)
    if isinstance(value, dt.time):
        return format_date(dt.datetime.combine(dt.date(1900, 1, 1), value), number_format)
    if isinstance(value, float | int):
        return format_number(value, number_format)
    return str(value)
