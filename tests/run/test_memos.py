"""The reading memos parsing fills are emptied before the peer phase (kpi_lint.run.memos)."""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import parse
from kpi_lint.run.memos import forget_reading_memos
from kpi_lint.vocab import label_key, squash
from tests.corpus import SAMPLES


def test_parsing_fills_the_memos_and_forgetting_empties_them_without_changing_a_reading() -> None:
    lexicon = load_lexicon()
    assert lexicon.vocab is not None
    first = parse(SAMPLES[4], lexicon)
    assert lexicon.vocab.memo and label_key.cache_info().currsize and squash.cache_info().currsize
    forget_reading_memos(lexicon)
    assert not lexicon.vocab.memo and not label_key.cache_info().currsize and not squash.cache_info().currsize
    assert parse(SAMPLES[4], lexicon) == first
