"""How a list item or a heading is numbered, written once for the parser's patterns.

A disclosure numbers its items and headings in a few shapes: "1、", "1.", "(1)", "（一）", "一、",
"指标1:", "第二部分".  The parser's patterns put these fragments (pattern text, not compiled patterns)
inside their own rather than spell them again.  Where two patterns differ on purpose, the difference is
in the fragment's name:

- `ORDINAL` reads a number in digits (one or two) or in Chinese numerals of two characters at most
  ("十二", "二十"): a report's list and headings; `ORDINAL_LONG` also reads three ("二十一"): an item of a
  report read where a table was cut, whose number may run past twenty.
- `NUMBER_STOP` closes a number with 、 or a full stop ("1、", "二.", "3．"); `NUMBER_END` also with a
  colon, as a form's "指标1:" is.
- `DIGIT_MARK` is a number in digits only, closed ("1.", "2、", "3)", "(4)"): a Chinese numeral opening a
  cell is a section's, not an item's.
"""

from __future__ import annotations

from kpi_lint.lazy_re import lazy_compile

# Any digit: a text holding one states a figure (a name or a heading holds none).
DIGIT = lazy_compile(r"\d")
CHINESE_NUMERAL = "[一二三四五六七八九十]"  # one character of a Chinese number up to 九十九
NUMERAL_OR_DIGIT = r"[一二三四五六七八九十\d]"  # one character of a number, in either script
ORDINAL = rf"(?:\d{{1,2}}|{CHINESE_NUMERAL}{{1,2}})"  # "5", "12", "五", "十二"
ORDINAL_LONG = rf"(?:\d{{1,2}}|{CHINESE_NUMERAL}{{1,3}})"  # … and "二十一"
NUMBER_STOP = "[、.．]"  # after a number: "1、", "1.", "1．"
NUMBER_END = "[:：、.．]"  # … or a colon: "指标1:", "1："
DIGIT_MARK = r"[(（]?\d{1,2}[)）.、．]"  # "1.", "2、", "3)", "(4)"
INDICATOR_NUMBER = r"指标\s*\d+"  # "指标1", "指标 12": a form's own numbering of its rows
# The words a form numbers its rows with in glued text ("指标1", "任务2:": 南昌县's 整体支出自评表 numbers two tasks
# in one 二级 cell), and each as a tuple for `str.startswith`.
ROW_NUMBER_WORDS = ("指标", "任务")
ROW_NUMBER_WORD = f"(?:{'|'.join(ROW_NUMBER_WORDS)})"
PART_HEADING = rf"第{CHINESE_NUMERAL}+部分"  # "第二部分": a part of a document, after its table
