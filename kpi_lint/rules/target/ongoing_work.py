"""Continuous work under 时效: "信息化网络系统维护时间 | 全年" names the stretch of time a service runs, not a deadline.

A year-round service (系统维护), a benefit paid out as claims come (待遇享受, 补助发放) or an activity held again and
again (宣传, 培训) does not "finish" on a date: what a reviewer asks of it is a time limit for each occurrence
("N个工作日内", "N小时内响应") or how often it is held ("每季度不少于N次"). The words are in
``lexicons/continuous_work.txt``; this module only applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kpi_lint.lexicon import read_keyed
from kpi_lint.parse.common import squash

CONTINUOUS_WORK_FILE = "continuous_work.txt"
_WHOLE_PERIOD, _ONE_OFF = "时段", "一次"  # its two special keys; every other key is a form to write


@dataclass(frozen=True)
class OngoingWork:
    """lexicons/continuous_work.txt: the words of a value that only names a period, the words of a name that says one
    task is done, and for each form to write (a key of the file) the words of a name of continuous work it fits."""

    whole_period: tuple[str, ...] = ()
    one_off: tuple[str, ...] = ()
    forms: tuple[tuple[str, tuple[str, ...]], ...] = ()


def read_ongoing(root: Path) -> OngoingWork:
    table = read_keyed(root, CONTINUOUS_WORK_FILE)
    special = (_WHOLE_PERIOD, _ONE_OFF)
    return OngoingWork(
        whole_period=tuple(table.get(_WHOLE_PERIOD, ())),
        one_off=tuple(table.get(_ONE_OFF, ())),
        forms=tuple((form, tuple(words)) for form, words in table.items() if form not in special),
    )


def _last_word(name: str, words: tuple[str, ...]) -> int:
    """Where the last of `words` in `name` ends (0 when none is there): the later a word, the nearer the name's head."""
    return max((name.rfind(w) + len(w) for w in words if w and w in name), default=0)


def ongoing_form(level3: str | None, value: str | None, work: OngoingWork) -> str | None:
    """The form to write for a 时效 row whose value only names the period the work covers ("全年", "常年开展") and
    whose name is continuous work ("信息化网络系统维护时间" → "N小时内响应", "城乡医疗救助人员待遇享受时间" →
    "N个工作日内", "医保政策宣传时间" → "每季度不少于N次"): the form of the word nearest the name's end. None for any
    other row, and for a name whose last such word says a task is done ("遗属困难补助发放完成时间": a deadline fits)."""
    text, name = squash(value or ""), squash(level3 or "")
    if not any(w in text for w in work.whole_period if w) or any(w in text for w in work.one_off if w):
        return None
    ends = [(_last_word(name, words), form) for form, words in work.forms]
    end, form = max(ends, default=(0, ""), key=lambda pair: pair[0])
    if end == 0 or _last_word(name, work.one_off) > end:
        return None
    return form
