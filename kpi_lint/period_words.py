"""The period words of ``lexicons/periods.txt``: how a heading or a label says which period it is for.

One list serves every reader that meets them: the header reader names a column's period with them
("实施周期指标值" → 实施期, "周期指标值 | 本年度指标值"), the vocabulary looks past them at the label or header
word they stand before ("全年预算数", "当年预期实现值"), and the form reader finds a goal labelled with its period
("中长期绩效目标", "本年度绩效 目标").  A province's new period word is one line of that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from kpi_lint.lexicon import alternation

PERIODS_FILE = "periods.txt"
UNNAMED = "不分期"  # the key of the year words that name no period of the table (全年, 当年)
_OPENING = "^"  # a word written "^周期" says its period only at the start of a heading
_NOTHING = "(?!)"


@dataclass(frozen=True)
class PeriodWords:
    """The period words of one lexicon folder (see the module's docstring)."""

    named: tuple[tuple[str, str], ...] = ()  # (word, period) in file order: anywhere in a heading
    opening: tuple[tuple[str, str], ...] = ()  # (word, period): only at the start of a heading
    unnamed: tuple[str, ...] = ()  # year words before a label that put no column in a period

    @classmethod
    def from_table(cls, table: dict[str, list[str]]) -> PeriodWords:
        """From periods.txt read as ``period: word …`` (kpi_lint.lexicon.read_keyed)."""
        named: list[tuple[str, str]] = []
        opening: list[tuple[str, str]] = []
        for period, words in table.items():
            if period == UNNAMED:
                continue
            for word in words:
                if word.startswith(_OPENING):
                    opening.append((word[len(_OPENING) :], period))
                else:
                    named.append((word, period))
        return cls(tuple(named), tuple(opening), tuple(table.get(UNNAMED, ())))

    def period_of(self, key: str) -> str | None:
        """The period a heading names, `key` being the heading squashed (kpi_lint.vocab.squash): the first listed
        word it contains, else a word it opens with that counts only there; None when it names none."""
        for word, period in self.named:
            if word in key:
                return period
        return next((period for word, period in self.opening if key.startswith(word)), None)

    def opening_period(self, key: str, before: tuple[str, ...] = ()) -> str | None:
        """The period a label opens with, `key` being the label squashed: the first listed word it opens with, the
        opening-only ones included ("实施期资金总额" → 实施期, "本年度目标" → 年度, "周期目标" → 实施期); None when it
        opens with none (全年 / 当年 name no period: "当年资金总额" → None).  With `before`, the word names a period
        only when the rest of the label opens with one of those words: a funds label's period stands before a funds
        word ("长期资金总额"), while "长期护理保险财政补助资金" is the name of a fund, not its period."""
        for word, period in self._openings:
            if key.startswith(word):
                return period if not before or key.startswith(before, len(word)) else None
        return None

    @cached_property
    def _openings(self) -> tuple[tuple[str, str], ...]:
        return (*self.named, *self.opening)

    @cached_property
    def label_words(self) -> tuple[str, ...]:
        """The words that may stand before a label or a header word: every period word but the opening-only ones."""
        return (*(word for word, _ in self.named), *self.unnamed)

    @cached_property
    def longest(self) -> int:
        """The length of the longest of `label_words` (how far back `label_end` need look)."""
        return max(map(len, self.label_words), default=0)

    @cached_property
    def label_start(self) -> re.Pattern[str]:
        """A period word opening a label ("全年预算数", "当年财政拨款")."""
        return re.compile(rf"^(?:{alternation(self.label_words) or _NOTHING})")

    @cached_property
    def label_end(self) -> re.Pattern[str]:
        """A period word ending the text searched (the one glued before a header word: "当年|预期实现值")."""
        return re.compile(rf"(?:{alternation(self.label_words) or _NOTHING})$")

    @cached_property
    def heading_start(self) -> re.Pattern[str]:
        """A period word opening a column heading, the opening-only ones included ("实施周期指标值", "周期指标值")."""
        words = (*self.label_words, *(word for word, _ in self.opening))
        return re.compile(rf"^(?:{alternation(words) or _NOTHING})")

    @cached_property
    def goal_start(self) -> re.Pattern[str]:
        """A word naming a period opening a goal's label, after one 本 or 当 at most ("中长期绩效目标", "本年度绩效
        目标"; a listed word that opens with 本 or 当 takes no second one)."""
        words = alternation(word for word, _ in self.named) or _NOTHING
        return re.compile(rf"^(?:[本当](?![本当]))?(?:{words})")
