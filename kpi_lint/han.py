"""Chinese characters, written once for every module that asks whether a text holds, starts or ends with one.

`HAN_RANGE` is the CJK Unified Ideographs block (U+4E00–U+9FFF), the characters a disclosure's names, units
and labels are written in, as pattern text for a character class (``f"[{HAN_RANGE}]{{1,3}}"``); `HAN` is one
such character and `HAN_END` one at the end of a text.  Traditional characters fall in the same block; the
radicals a PDF may print (⽬ for 目) do not, and are mapped to it by the readers before any pattern sees them.
"""

from __future__ import annotations

from kpi_lint.lazy_re import lazy_compile

HAN_RANGE = "\u4e00-\u9fff"
HAN = lazy_compile(f"[{HAN_RANGE}]")  # one Chinese character: .search, .match, .findall
HAN_END = lazy_compile(f"[{HAN_RANGE}]$")  # a text ending in one
