"""The shared jieba dictionary: read from jieba's own cache file in one piece, the same as jieba loads it."""

from __future__ import annotations

from pathlib import Path

import jieba

from kpi_lint.segment import _base_dictionary, _cached_dictionary, new_tokenizer


def test_the_dictionary_read_in_one_piece_is_the_one_jieba_loads() -> None:
    fresh = jieba.Tokenizer()
    fresh.initialize()  # jieba's own path: writes the cache file when it is missing
    freq, total = _base_dictionary()
    assert total == fresh.total and freq == fresh.FREQ
    assert len(freq) > 300_000
    # And it cuts text the way a freshly loaded tokenizer does.
    text = "城乡居民基本医疗保险参保率不低于95%"
    assert new_tokenizer().lcut(text, HMM=False) == fresh.lcut(text, HMM=False)


def test_no_usable_cache_file_leaves_the_load_to_jieba(tmp_path: Path) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    assert _cached_dictionary(tokenizer) is None  # no file: jieba builds the dictionary and writes it
    (tmp_path / "jieba.cache").write_bytes(b"not marshal data")
    assert _cached_dictionary(tokenizer) is None
    custom = jieba.Tokenizer(str(tmp_path / "dict.txt"))
    assert _cached_dictionary(custom) is None  # another dictionary: jieba's own rules for its cache
