"""Cheap tests the form reader asks before the exact ones answer as the exact ones alone (pure speed work)."""

from __future__ import annotations

import re
from pathlib import Path

from kpi_lint.lexicon import load_lexicon
from kpi_lint.vocab import Vocabulary, label_key

_WILD = Path(__file__).parents[2] / "corpus" / "wild"
_PIECE = re.compile(r"[^\t|\s；;。，,]+(?:[ \u3000][^\t|\s；;。，,]+)*")


def _wild_pieces() -> list[str]:
    """Every cell-like piece of the wild text files: their lines cut at tabs, pipes, runs of spaces and the
    marks an inline fact follows, each piece as it stands and from each colon in it on."""
    pieces: set[str] = set()
    for path in sorted(_WILD.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for m in _PIECE.finditer(line):
                piece = m.group()
                pieces.add(piece)
                pieces.update(piece[i + 1 :] for i, ch in enumerate(piece) if ch in ":：")
    return sorted(pieces)


def _opening_by_prefix(vocab: Vocabulary, text: str) -> str | None:
    """fact_opening without its prefilter: every prefix of 16 characters down to 4 looked up."""
    for n in range(min(len(text), 16), 3, -1):
        key = label_key(text[:n])
        if len(key) >= 4 and key in vocab.facts:
            return text[:n]
    return None


def test_fact_opening_answers_as_the_prefix_by_prefix_lookup() -> None:
    """fact_opening first asks whether the characters of some fact label stand in order in the text's
    opening; on every piece of the wild set it finds what looking up each prefix finds ("项目名称农村…" →
    "项目名称"), and the prefilter turns most pieces away."""
    vocab = load_lexicon().vocabulary
    pieces = _wild_pieces()
    found = passed = 0
    for piece in pieces:
        expected = _opening_by_prefix(vocab, piece)
        assert vocab.fact_opening(piece) == expected, piece
        found += expected is not None
        passed += vocab._fact_letters.search(piece[:16]) is not None
    # Not vacuous: labels are found, and most pieces are turned away before any prefix is looked up.
    # 7,223 pieces, 242 found, 458 past the prefilter on the 184 files of session 21 (the wild set grows).
    assert len(pieces) >= 7_000 and found >= 200 and passed * 5 < len(pieces), (len(pieces), found, passed)


def test_kind_of_reads_its_remembered_answer_as_it_first_found_it() -> None:
    """kind_of reads a cell's remembered kind straight from the vocabulary's memo: asked twice of every piece
    of the wild set (found, then remembered) it answers what _kind_of finds anew."""
    from kpi_lint.grid import Cell
    from kpi_lint.parse.form_cells import Kind, _kind_of, kind_of

    vocab = load_lexicon().vocabulary
    vocab.memo.clear()
    labels = 0
    for piece in _wild_pieces():
        cell = Cell(piece, 1, 1)
        expected = Kind.BLANK if cell.blank else _kind_of(piece, vocab)
        assert kind_of(cell, vocab) is expected and kind_of(cell, vocab) is expected, piece
        labels += expected in (Kind.LEVEL1, Kind.LEVEL2, Kind.EITHER)
    assert labels >= 100, labels  # 149 labels among the pieces of the 184 files of session 21
