"""A header wrapped column by column (form_cells._join_wrapped_columns) is joined from the cells a tail can
complete only: leaving the others out joins the same, on every pair of lines of the wild set."""

from __future__ import annotations

import itertools
from pathlib import Path

from kpi_lint.grid import Grid
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse.form_cells import _complete, _may_begin, join_wrapped_words
from kpi_lint.read.source import SourceText, read_source
from kpi_lint.read.text_grid import text_grid
from kpi_lint.vocab import label_key

WILD = Path(__file__).parents[2] / "corpus" / "wild"


def _grid(src: SourceText) -> Grid:
    """The grid of a text as the form reader reads it (document._read_as_forms)."""
    vocab = load_lexicon().vocabulary
    return text_grid(
        src,
        vocab.word_pattern,
        vocab.label_pattern,
        vocab.header_cover,
        vocab.header_tail,
        lambda word: vocab.title_family(word) is not None,
    )


def test_cells_no_tail_completes_change_no_join() -> None:
    vocab = load_lexicon().vocabulary
    words, starts = vocab.joined_words, vocab.joined_word_starts
    pairs = joined = left_out = 0
    for path in sorted(WILD.glob("*.txt")):
        rows = _grid(read_source(path)).rows
        for row, nxt in itertools.pairwise(rows):
            if len(row.filled) < 3 or not nxt.filled:
                continue
            every = [c for c in row.cells if not c.blank and label_key(c.text) not in words]
            some = [c for c in row.cells if not c.blank and _may_begin(label_key(c.text), words, starts)]
            tails = [word for c in nxt.filled for word in c.text.split()]
            found = _complete(every, tails, words)
            assert _complete(some, tails, words) == found, (path.name, row.cells[0].line)
            pairs += 1
            joined += bool(found)
            left_out += len(every) - len(some)
    # Not vacuous: a thousand pairs and more, headers joined among them (e03, f12), most cells left out
    # (1,004, 2 and 3,562 on the 178 files of batches a-x; the wild set only grows).
    assert pairs >= 1000 and joined >= 2 and left_out >= 3000, (pairs, joined, left_out)


def test_a_header_wrapped_column_by_column_is_still_joined() -> None:
    """wild f12 (安徽 文物, 自评表) wraps its header column by column ("年度 实际" over "指标值 完成值"): the
    cells are joined into 年度指标值 and 实际完成值 on the header's first line."""
    vocab = load_lexicon().vocabulary
    src = read_source(WILD / "f12_anhui_relics_selfeval.txt")
    rows = join_wrapped_words(_grid(src).rows, vocab)
    header = next(row for row in rows if any(c.text == "年度指标值" for c in row.cells))
    assert [c.text for c in header.filled][3:6] == ["三级指标", "年度指标值", "实际完成值"]
    assert header.filled[0].line == 14
