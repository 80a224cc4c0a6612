"""The 总分 of a self-evaluation whose 满分 and 得分 a preview glued into one figure.

A self-evaluation is scored out of 100 (财预〔2020〕10号); its total row prints "总分 | 100 | 98", the full
marks then the score.  A preview that drops the cell borders gives "总分10098": a figure no score can be.
When the printed figure is above the full marks, begins with them and the rest is a score that can stand
alone (no leading zero, at least ``MIN_SCORE_DIGITS`` digits before any point, at most the full marks),
the score is the rest; any other figure is kept as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Located

FULL_MARKS = "100"
MIN_SCORE_DIGITS = 2  # a total below 10 is no score a form prints; "1005" stays as printed
_SCORE = lazy_compile(r"[1-9]\d*(?:\.\d+)?")


def unglued_total(total: Located) -> Located:
    """The score a glued "满分得分" figure holds, placed where it starts; `total` itself otherwise."""
    text = total.text.strip()
    lead = len(total.text) - len(total.text.lstrip())
    if not re.fullmatch(r"\d+(?:\.\d+)?", text) or float(text) <= float(FULL_MARKS):
        return total
    if not text.startswith(FULL_MARKS):
        return total
    rest = text[len(FULL_MARKS) :]
    if not _SCORE.fullmatch(rest) or len(rest.partition(".")[0]) < MIN_SCORE_DIGITS:
        return total
    if float(rest) > float(FULL_MARKS):
        return total
    if total.anchor is not None:
        return replace(total, text=rest)  # an office cell: the column is the table's, not a character's
    return replace(total, text=rest, column=total.column + lead + len(FULL_MARKS))
