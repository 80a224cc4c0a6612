"""Word segmentation for the classifiers: jieba plus the domain dictionary.

The dictionary entries are copied *into* the tokenizer when a model is
trained, so a model file segments text the same way on a colleague's machine
even if their ``lexicons/userdict.txt`` differs.
"""

from __future__ import annotations

import re

from kpi_lint.read.source import fold
from kpi_lint.segment import Entry, cut_words

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Comparators and percent signs are what makes a target measurable: they stay tokens.
_KEEP_SYMBOLS = frozenset("≥≤<>=%‰~")


def squash(text: str | None) -> str:
    """Full-width → half-width, white space removed: the same cell however it was wrapped."""
    return _SPACE.sub("", fold(text or ""))


def normalize(text: str | None) -> str:
    """Full-width → half-width, white space removed, every number written 0.

    Wrapped PDF cells then read like DOCX cells, and "≥95%" and "≥98%" (or
    2022 and 2023) are the same evidence: the classifiers learn the shape of
    a target, not its figures.
    """
    return _NUMBER.sub("0", squash(text))


# A letter or digit (`str.isalnum`: [^\W_]) or one of _KEEP_SYMBOLS.
_MEANINGFUL = re.compile("[^\\W_]|[" + re.escape("".join(sorted(_KEEP_SYMBOLS))) + "]")


def _meaningful(token: str) -> bool:
    return _MEANINGFUL.search(token) is not None


def _words(entries: tuple[Entry, ...], text: str) -> tuple[str, ...]:
    """The meaningful words of `text` under the dictionary `entries` (its cut is remembered: the two shipped
    models and the batch primes segment the same cells again, the clustering cut most of them before)."""
    return tuple(tok for tok in cut_words(entries, text) if _meaningful(tok))


class TextNormalizer:
    """``preprocessor=`` of every vectorizer: the same `normalize` for words and characters.

    A class rather than the bare function so that the model file names a type
    kpi-lint can put on its allow-list.
    """

    def __call__(self, text: str) -> str:
        return normalize(text)

    def __repr__(self) -> str:
        return "TextNormalizer()"


class JiebaTokenizer:
    """A picklable-by-value callable for ``TfidfVectorizer(tokenizer=...)``.

    Only the dictionary entries are stored (plain strings and ints, so the
    model file stays loadable under the skops allow-list); the jieba
    segmenter itself is rebuilt on first use and shared between instances.
    """

    def __init__(self, entries: tuple[Entry, ...] | list[Entry] = ()) -> None:
        # Lists, not tuples, inside: skops restores JSON-like state as lists.
        self.entries = [list(e) for e in entries]

    def _key(self) -> tuple[Entry, ...]:
        # Built once per entries list (a model call tokenizes every row), kept out of the saved state.
        cached = self.__dict__.get("_cached_key")
        if cached is not None and cached[0] is self.entries:
            return cached[1]  # type: ignore[no-any-return]
        key = tuple((str(w), None if f is None else int(f), None if t is None else str(t)) for w, f, t in self.entries)
        self.__dict__["_cached_key"] = (self.entries, key)
        return key

    def __getstate__(self) -> dict[str, object]:
        """What a model file (and a pickle) holds: the dictionary entries only."""
        return {"entries": self.entries}

    def __call__(self, text: str) -> list[str]:
        return list(_words(self._key(), text))

    def __repr__(self) -> str:
        return f"JiebaTokenizer({len(self.entries)} 个词典词条)"
