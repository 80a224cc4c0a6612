"""Peer rows whose name or value the page or the excerpt cut: never a model to copy.

A suggestion (``kpi_lint.library.suggest``) or a message's example copies a peer's 三级指标 and 指标值. A cell the
source cut — by a fixed-width column of a spreadsheet preview ("…宣传教育费、文物保" of 文物保护人员经费), by the
width of a 申报表 cell ("贫困人口参保县级财政补"), or by the end of an excerpt (the last row read of a table that
breaks off) — is no name to write, and its figure may be the half of a sum. Two signs, both read from the row:

* **At the break**: the table breaks off (``Project.cut_off``) and this is the last row read: its value, or the
  cells after it, lie beyond the break.
* **In the cut cell**: the text stops inside one of the row's cells (``Project.cut_cell``: b02's ">=9"), even where
  the table reached its last category and is not said to break off.
* **Ends inside a word**: jieba leaves the last character alone, and with the word before it that character opens
  a longer dictionary word without being one ("文物保" of 文物保护, "工作效" of 工作效率: jieba's prefix dictionary
  holds every beginning of a word with frequency 0). A name that ends with the quantity it measures
  (lexicons/measure_heads.txt: "…控制数", "…费") or with the nominal suffix 性 ("长期使用性") is whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kpi_lint.lexicon import load_heads
from kpi_lint.model import Indicator, Project

_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
_SPACE = re.compile(r"\s+")
# Nominal suffixes a whole name ends in besides the measure heads: "使用性", "稳定性", "可及性".
_NOMINAL_SUFFIXES = ("性",)


@lru_cache(maxsize=8)
def _whole_endings(directory: Path) -> tuple[str, ...]:
    return (*(ending for ending, _ in load_heads(directory)), *_NOMINAL_SUFFIXES)


def ends_inside_word(text: str | None, directory: Path) -> bool:
    """The text's Chinese tail stops inside a dictionary word (see the module's docstring)."""
    squashed = _SPACE.sub("", text or "")
    tail = _CJK_TAIL.search(squashed)
    if tail is None or squashed.endswith(_whole_endings(directory)):
        return False
    return _tail_inside_word(tail.group())


@lru_cache(maxsize=16384)
def _tail_inside_word(tail: str) -> bool:
    """Whether jieba leaves the last character of a Chinese `tail` alone, opening a longer word with the one before.

    A pure function of the text and the default dictionary (`plain_tokenizer` never takes a word), remembered:
    every peer row is asked once per category a project suggests for, and names repeat across projects.
    """
    from kpi_lint.segment import plain_tokenizer  # on first use: loads jieba's dictionary

    tokenizer = plain_tokenizer()
    tokens = tokenizer.lcut(tail, HMM=False)
    if len(tokens) < 2 or len(tokens[-1]) != 1:
        return False
    return tokenizer.frequency(tokens[-2] + tokens[-1]) == 0


def _place(row: Indicator) -> tuple[int, int]:
    """Where the row's last cell starts."""
    return max(((loc.line, loc.column) for loc in row.spans.values()), default=(row.line, row.column))


def break_place(project: Project) -> tuple[int, int] | None:
    """Where the last row read of a table that breaks off starts (None: the table does not break off)."""
    if not project.cut_off or not project.indicators:
        return None
    return max(_place(row) for row in project.indicators)


def last_row_at_a_break(ind: Indicator, project: Project, at_break: tuple[int, int] | None = None) -> bool:
    """The table breaks off and this is the last row read (by where its cells start); `at_break` is the
    project's `break_place` when the caller asks of several of its rows (found once, not once per row).

    Broader than the rules' ``kpi_lint.rules.target.common.at_the_break``, which asks whether the text ends right
    after this row's value (nothing of it read past the value): a row to copy is refused at any break, even when
    its actual or score was read."""
    last = break_place(project) if at_break is None else at_break
    return last is not None and _place(ind) == last


def cut_row(ind: Indicator, project: Project, directory: Path, at_break: tuple[int, int] | None = None) -> bool:
    """The row's name or value was cut by the page or the excerpt: not to be copied (`at_break`: as for
    `last_row_at_a_break`)."""
    if last_row_at_a_break(ind, project, at_break) or project.cut_row(ind):
        return True  # …or the text stops inside one of its cells, whether or not the table is said to break off
    return any(ends_inside_word(text, directory) for text in (ind.level3, ind.value))
