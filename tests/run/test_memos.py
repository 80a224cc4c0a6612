"""The reading memos parsing fills are emptied before the peer phase (kpi_lint.run.memos)."""

from __future__ import annotations

import pytest

import kpi_lint.run.checking as checking
import kpi_lint.run.tasks as tasks
from kpi_lint.config import Config
from kpi_lint.lexicon import Lexicon, load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_glued import _best_cut, _opens_nothing
from kpi_lint.parse.values import _parse_with_default
from kpi_lint.rules.registry import all_rules
from kpi_lint.rules.text._text import clean, clean_cut, squashed
from kpi_lint.run.checking import check_files
from kpi_lint.run.memos import forget_reading_memos
from kpi_lint.vocab import label_key, squash
from tests.corpus import ROOT, SAMPLES


def test_parsing_fills_the_memos_and_forgetting_empties_them_without_changing_a_reading() -> None:
    lexicon = load_lexicon()
    assert lexicon.vocab is not None
    first = parse(SAMPLES[4], lexicon)
    assert lexicon.vocab.memo and label_key.cache_info().currsize and squash.cache_info().currsize
    forget_reading_memos(lexicon)
    assert not lexicon.vocab.memo and not label_key.cache_info().currsize and not squash.cache_info().currsize
    assert parse(SAMPLES[4], lexicon) == first


def test_the_glued_rows_cuts_are_forgotten_and_read_again_the_same() -> None:
    """A table glued into one line per row (n05, six rows): the cuts are remembered while the file is read."""
    lexicon = load_lexicon()
    path = ROOT / "corpus" / "wild" / "n05_hubei_hospital_selfeval_glued.txt"
    first = parse(path, lexicon)
    assert len(first.indicators) == 6
    assert _best_cut.cache_info().currsize and _opens_nothing.cache_info().currsize
    forget_reading_memos(lexicon)
    assert not _best_cut.cache_info().currsize and not _opens_nothing.cache_info().currsize
    assert parse(path, lexicon) == first


def _memo_sizes() -> dict[str, int]:
    return {
        "clean": clean.cache_info().currsize,
        "squashed": squashed.cache_info().currsize,
        "clean_cut": clean_cut.cache_info().currsize,
        "values": _parse_with_default.cache_info().currsize,
    }


def test_a_check_empties_the_rules_and_value_memos_before_the_peer_phase_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The five samples through `check --jobs 1`: the local rules fill the folded-cell memos and the value
    parser's; they are empty when the peer phase starts, and the run finds what a run keeping them finds."""
    seen: list[dict[str, int]] = []
    forget = checking.forget_reading_memos

    def spied(lexicon: Lexicon) -> None:
        seen.append(_memo_sizes())
        forget(lexicon)
        seen.append(_memo_sizes())

    monkeypatch.setattr(checking, "forget_reading_memos", spied)
    forgetting = check_files(SAMPLES, Config(), all_rules()).findings
    before, after = seen
    assert all(before.values()), before
    assert after == {"clean": 0, "squashed": 0, "clean_cut": 0, "values": 0}

    monkeypatch.setattr(checking, "forget_reading_memos", lambda lexicon: None)
    keeping = check_files(SAMPLES, Config(), all_rules()).findings
    assert len(forgetting) == len(keeping) > 0
    assert [f.to_dict() for f in forgetting] == [f.to_dict() for f in keeping]


def test_a_check_lets_go_of_the_prepared_local_rules_before_the_peer_phase_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The five samples through `check --jobs 1`: the file tasks prepared one set of local rules (whose context
    remembered the rows' readings); none is held when the peer phase starts, and the run finds what a run keeping
    them finds."""
    tasks._prepared.cache_clear()
    held: list[int] = []
    forget = checking.forget_prepared

    def spied() -> None:
        held.append(tasks._prepared.cache_info().currsize)
        forget()
        held.append(tasks._prepared.cache_info().currsize)

    monkeypatch.setattr(checking, "forget_prepared", spied)
    forgetting = check_files(SAMPLES, Config(), all_rules()).findings
    assert held == [1, 0]

    monkeypatch.setattr(checking, "forget_prepared", lambda: None)
    keeping = check_files(SAMPLES, Config(), all_rules()).findings
    assert tasks._prepared.cache_info().currsize == 1
    assert len(forgetting) == len(keeping) == 344
    assert [f.to_dict() for f in forgetting] == [f.to_dict() for f in keeping]
