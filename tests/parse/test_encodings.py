"""The same disclosure in another encoding, line end or sign spelling parses to the same rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi_lint import parse, to_frame
from kpi_lint.read.source import fold
from tests.corpus import KEYS, corpus_doc, corpus_path

# What must not change whatever the spelling: structure, position and meaning.
STABLE = ["project", "form", "period", "level1", "level2", "level3", "line", "comparator", "number", "unit", "kind"]


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple[object, ...]]:
    """Rows as strings, full-width forms folded: the printed text may differ in spelling only."""
    return [tuple(fold(str(v)) for v in r) for r in frame[columns].itertuples(index=False)]


@pytest.mark.parametrize("key", KEYS)
def test_gb18030_with_crlf_parses_to_the_same_rows(tmp_path: Path, key: str) -> None:
    text = corpus_path(key).read_text(encoding="utf-8")
    path = tmp_path / f"{key}_gb.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    doc = parse(path)
    assert doc.encoding == "gb18030"
    original = to_frame([corpus_doc(key)]).drop(columns=["path"])
    recoded = to_frame([doc]).drop(columns=["path"])
    pd.testing.assert_frame_equal(original, recoded)


@pytest.mark.parametrize("key", KEYS)
def test_bom_and_fullwidth_signs_parse_to_the_same_rows(tmp_path: Path, key: str) -> None:
    text = corpus_path(key).read_text(encoding="utf-8")
    fullwidth = text.replace("%", "％").replace(">", "＞").replace("<", "＜").replace("=", "＝")
    path = tmp_path / f"{key}_fw.txt"
    path.write_bytes(b"\xef\xbb\xbf" + fullwidth.encode("utf-8"))
    doc = parse(path)
    assert doc.encoding == "utf-8-sig"
    original, changed = to_frame([corpus_doc(key)]), to_frame([doc])
    assert _rows(original, [*STABLE, "column"]) == _rows(changed, [*STABLE, "column"])
    # The printed text keeps the full-width signs the file had.
    if (original["value"].fillna("").str.contains("%")).any():
        assert changed["value"].fillna("").str.contains("％").any()


@pytest.mark.parametrize("key", KEYS)
def test_ascii_comparators_read_like_the_signs(tmp_path: Path, key: str) -> None:
    text = corpus_path(key).read_text(encoding="utf-8")
    path = tmp_path / f"{key}_ascii.txt"
    path.write_text(text.replace("≥", ">=").replace("≤", "<="), encoding="utf-8")
    original, changed = to_frame([corpus_doc(key)]), to_frame([parse(path)])
    # Columns after a widened sign on the same line move; everything else is equal.
    assert _rows(original, STABLE) == _rows(changed, STABLE)
