"""The reading memos a run's file tasks fill in the process that runs them, emptied before the peer phase.

Parsing asks the vocabulary about every cell (is it a label, a fact, furniture …) and folds every cell
and its slices (`squash`, `label_key`); the answers are remembered so that a document's repeated cells
cost nothing, up to their caps (200,000 answers, 65,536 texts each).  The local rules fold every cell
they read the same way (`clean`, `squashed`, `clean_cut`, 65,536 texts each), the value parser
remembers its readings (65,536 values) and the glued rows' reader its cuts (4,096 texts).  The peer
phase parses nothing and reads only the peer records' cells: in a ``--jobs 1`` run those memos held
tens of MiB per 10,000 rows through the clustering, on top of the peer records (at 29,771 generated
rows the lines filling them hold ≈ 10 MiB of the 99.9 MiB the file phase leaves traced, and more until
their caps).  Emptied, their memory is reused by the peer phase's own objects; every answer is a pure
function of its text, so nothing found changes.
"""

from __future__ import annotations

from kpi_lint.lexicon import Lexicon
from kpi_lint.parse.form_glued import forget_cuts
from kpi_lint.parse.values import forget_readings
from kpi_lint.rules.text._text import forget_folded
from kpi_lint.vocab import label_key, squash


def forget_reading_memos(lexicon: Lexicon) -> None:
    """Empty the memos the file tasks fill: the vocabulary's answers, the folded cells and labels, the
    local rules' folded cells, the value parser's readings, the glued rows' cuts."""
    if lexicon.vocab is not None:
        lexicon.vocab.memo.clear()
    label_key.cache_clear()
    squash.cache_clear()
    forget_folded()
    forget_readings()
    forget_cuts()
