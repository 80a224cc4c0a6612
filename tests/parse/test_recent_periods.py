"""The period words a header looks among, found only when a header asks (FormReader._recent_periods): the
same words, in the same order, as the rows before it read one by one (pure speed work)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse import document
from kpi_lint.parse.form_header import periods_in
from kpi_lint.parse.form_reader import _RECENT_PERIODS, FormReader

_ROOT = Path(__file__).parents[2]


def _row_by_row(reader: FormReader, end: int) -> list[str]:
    """What the reader kept before the change: after each row read (one holding printed cells), its period words
    added and the last _RECENT_PERIODS kept."""
    periods: list[str] = []
    for row in reader._rows_fed[:end]:
        if row.cells and row.filled:
            periods = [*periods, *periods_in(row, reader.vocab.periods)][-_RECENT_PERIODS:]
    return periods


def test_a_header_finds_the_period_words_the_rows_before_it_print(monkeypatch: pytest.MonkeyPatch) -> None:
    """On every header of the samples and the wild set the reader builds, the period words it is given are those
    of the rows fed before it, read row by row; and the words are found only where a header is built."""
    asked: list[tuple[str, list[str]]] = []
    lazy = FormReader._recent_periods

    def checked(self: FormReader, upto: int | None = None) -> list[str]:
        found = lazy(self, upto)
        end = self._at if upto is None else upto
        assert found == _row_by_row(self, end), (self.path, end)
        if upto is None:
            asked.append((self.path, list(found)))
        return found

    monkeypatch.setattr(FormReader, "_recent_periods", checked)
    lexicon = load_lexicon()
    paths = sorted((_ROOT / "corpus").glob("*.txt")) + sorted((_ROOT / "corpus" / "wild").glob("*.txt"))
    for path in paths:
        with contextlib.suppress(InputError):
            document.parse(path, lexicon)
    with_periods = [(path, found) for path, found in asked if found]
    # Not vacuous: headers of most files asked, most after rows that print period words ("实施期目标 | 年度目标").
    # 160 headers in 148 files, 130 of them given period words, on the samples and the 186 wild files of session 24.
    files = len({path for path, _ in asked})
    assert files >= 140 and len(with_periods) >= 120, (files, len(asked), len(with_periods))
    assert {period for _, found in with_periods for period in found} >= {"年度", "实施期"}
