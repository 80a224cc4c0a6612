"""The shared jieba dictionary: read from jieba's own cache file in one piece, the same as jieba loads it."""

from __future__ import annotations

from pathlib import Path

import jieba

from kpi_lint.segment import _base_dictionary, _cached_dictionary, new_tokenizer, plain_tokenizer


def test_the_dictionary_read_in_one_piece_is_the_one_jieba_loads() -> None:
    fresh = jieba.Tokenizer()
    fresh.initialize()  # jieba's own path: writes the cache file when it is missing
    freq, total = _base_dictionary()
    assert total == fresh.total and freq == fresh.FREQ
    assert len(freq) > 300_000
    # And it cuts text the way a freshly loaded tokenizer does.
    text = "城乡居民基本医疗保险参保率不低于95%"
    assert new_tokenizer().lcut(text, HMM=False) == fresh.lcut(text, HMM=False)


def test_the_plain_tokenizer_is_the_loaded_dictionary_itself() -> None:
    """Readers that add no word share one tokenizer over the loaded dictionary, no copy of it; one
    that adds words gets its own copy, and the shared one does not see them."""
    freq, _ = _base_dictionary()
    plain = plain_tokenizer()
    assert plain is plain_tokenizer() and plain.FREQ is freq
    fresh = jieba.Tokenizer()
    fresh.initialize()
    for text in ("城乡居民基本医疗保险参保率不低于95%", "建档立卡贫困户受益人数", "补助和"):
        assert plain.lcut(text, HMM=False) == fresh.lcut(text, HMM=False)
        assert plain.lcut(text) == fresh.lcut(text)
    adding = new_tokenizer()
    adding.add_word("参保率不低于")
    assert adding.FREQ is not freq and "参保率不低于" not in freq
    assert "参保率不低于" not in plain.lcut("城乡居民基本医疗保险参保率不低于95%", HMM=False)


def test_no_usable_cache_file_leaves_the_load_to_jieba(tmp_path: Path) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    assert _cached_dictionary(tokenizer) is None  # no file: jieba builds the dictionary and writes it
    (tmp_path / "jieba.cache").write_bytes(b"not marshal data")
    assert _cached_dictionary(tokenizer) is None
    custom = jieba.Tokenizer(str(tmp_path / "dict.txt"))
    assert _cached_dictionary(custom) is None  # another dictionary: jieba's own rules for its cache
