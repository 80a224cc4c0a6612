"""The reading memos a run's file tasks fill in the process that runs them, emptied before the peer phase.

Parsing asks the vocabulary about every cell (is it a label, a fact, furniture …) and folds every cell
and its slices (`squash`, `label_key`); the answers are remembered so that a document's repeated cells
cost nothing, up to their caps (200,000 answers, 65,536 texts each).  The peer phase parses nothing:
in a ``--jobs 1`` run those memos held tens of MiB per 10,000 rows through the clustering, on top of
the peer records.  Emptied, their memory is reused by the peer phase's own objects.
"""

from __future__ import annotations

from kpi_lint.lexicon import Lexicon
from kpi_lint.vocab import label_key, squash


def forget_reading_memos(lexicon: Lexicon) -> None:
    """Empty the memos parsing fills: the vocabulary's answers, the folded cells and labels."""
    if lexicon.vocab is not None:
        lexicon.vocab.memo.clear()
    label_key.cache_clear()
    squash.cache_clear()
