"""jieba segmenters that share one copy of jieba's dictionary, read from disk once per process.

jieba reads its 350,000-word dictionary (a marshal cache, about a second) every time a new
``jieba.Tokenizer`` is first used.  kpi-lint needs several segmenters — the clustering's, with
the reviewer's ``userdict.txt``, and one per distinct dictionary stored in a model file — that
differ only in the words added on top.  `new_tokenizer` hands each a private copy of the loaded
dictionary (adding words mutates it), so the file is read once and every segmenter cuts text
exactly as a freshly loaded one with the same words added would.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba

# jieba announces every dictionary load on stderr; the CLI keeps stderr for errors.
jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary and total frequency, as loaded by a fresh tokenizer (read-only here)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


def new_tokenizer() -> jieba.Tokenizer:
    """An initialised jieba tokenizer with its own copy of the default dictionary."""
    freq, total = _base_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(freq)
    tokenizer.total = total
    tokenizer.initialized = True
    return tokenizer
