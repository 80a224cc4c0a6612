"""Matching cue words, the computation of kpi_lint.classify.cues.CueFeatures without scikit-learn or SciPy.

CueFeatures (a scikit-learn transformer, named in model files) and the inference-only form of a model
(kpi_lint.classify.fast_form) both call these, so the two read a row the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kpi_lint.classify.tokenize import squash


def cue_text(values: Iterable[object]) -> str:
    """The cells of one row's cue columns as one text, each squashed (no spaces, half-width)."""
    return "".join(squash(str(v)) for v in values)


def cue_row(text: str, lists: Sequence[Sequence[str]]) -> list[float]:
    """One 0/1 value per cue list: does `text` hold any of its words?"""
    return cue_matches(text, cue_patterns(lists))


def cue_patterns(lists: Sequence[Sequence[str]]) -> tuple[re.Pattern[str], ...]:
    """The patterns `cue_row` searches `lists` with, one per list (remembered per distinct lists). A caller that
    asks of many texts with the same lists holds them (`cue_matches`): the memo's key is every word of the lists,
    built and hashed again on each call — half of a row's cue test."""
    return _patterns(tuple(tuple(w) for w in lists))


def cue_matches(text: str, patterns: Sequence[re.Pattern[str]]) -> list[float]:
    """`cue_row` with the lists' patterns (`cue_patterns`) in hand."""
    return [float(pattern.search(text) is not None) for pattern in patterns]


@lru_cache(maxsize=8)
def _patterns(lists: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str], ...]:
    """One regex per cue list that matches where any of its words is (one scan of the text per list, not one
    per word); a list without words matches nothing, an empty word everywhere, as `w in text` says."""
    return tuple(re.compile("|".join(map(re.escape, words)) if words else "(?!)") for words in lists)
