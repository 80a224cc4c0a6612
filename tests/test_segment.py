"""The shared jieba dictionary: read from jieba's own cache file in one piece, the same as jieba loads it, or
only the entries a text can see (grouped by their first two characters) — and every cut is jieba's."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from kpi_lint.segment import (
    DictionaryShards,
    Segmenter,
    _base_dictionary,
    _cached_dictionary,
    new_tokenizer,
    plain_tokenizer,
)

ROOT = Path(__file__).resolve().parents[1]


def test_the_dictionary_read_in_one_piece_is_the_one_jieba_loads() -> None:
    fresh = jieba.Tokenizer()
    fresh.initialize()  # jieba's own path: writes the cache file when it is missing
    freq, total = _base_dictionary()
    assert total == fresh.total and freq == fresh.FREQ
    assert len(freq) > 300_000
    # And it cuts text the way a freshly loaded tokenizer does.
    text = "城乡居民基本医疗保险参保率不低于95%"
    assert new_tokenizer().lcut(text, HMM=False) == fresh.lcut(text, HMM=False)


def test_the_plain_tokenizer_is_shared_and_never_sees_added_words() -> None:
    """Readers that add no word share one tokenizer; one that adds words gets its own dictionary,
    and the shared one does not see them."""
    freq, _ = _base_dictionary()
    plain = plain_tokenizer()
    assert plain is plain_tokenizer() and plain.FREQ is not new_tokenizer().FREQ
    fresh = jieba.Tokenizer()
    fresh.initialize()
    for text in ("城乡居民基本医疗保险参保率不低于95%", "建档立卡贫困户受益人数", "补助和"):
        assert plain.lcut(text, HMM=False) == fresh.lcut(text, HMM=False)
        assert plain.lcut(text) == fresh.lcut(text)
    adding = new_tokenizer()
    adding.add_word("参保率不低于")
    assert adding.FREQ is not freq and "参保率不低于" not in freq
    assert "参保率不低于" not in plain.lcut("城乡居民基本医疗保险参保率不低于95%", HMM=False)
    assert "参保率不低于" not in plain.FREQ and plain.frequency("参保率不低于") is None


def test_no_usable_cache_file_leaves_the_load_to_jieba(tmp_path: Path) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    assert _cached_dictionary(tokenizer) is None  # no file: jieba builds the dictionary and writes it
    (tmp_path / "jieba.cache").write_bytes(b"not marshal data")
    assert _cached_dictionary(tokenizer) is None
    custom = jieba.Tokenizer(str(tmp_path / "dict.txt"))
    assert _cached_dictionary(custom) is None  # another dictionary: jieba's own rules for its cache


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> DictionaryShards:
    freq, total = _base_dictionary()
    path = tmp_path_factory.mktemp("shards") / "dictionary.jieba-shards"
    DictionaryShards.write(path, freq, total)
    return DictionaryShards.open(path)


def _documents() -> list[Path]:
    """The samples and every seventh wild disclosure (plain text, as a one-file check reads them)."""
    return sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("corpus/wild/*.txt"))[::7]


def test_a_segmenter_reading_only_the_texts_entries_cuts_as_the_whole_dictionary(shards: DictionaryShards) -> None:
    """Every line of the documents, with and without the HMM and in search mode, cut by a segmenter that starts
    empty and reads only the entries the line can see, equals jieba's own cut over the whole dictionary."""
    fresh = jieba.Tokenizer()
    fresh.initialize()
    freq, total = _base_dictionary()
    assert shards.total == total
    lines = 0
    for document in _documents():
        segmenter = Segmenter({}, shards.total, shards)
        for line in document.read_text(encoding="utf-8", errors="replace").splitlines():
            assert segmenter.lcut(line, HMM=False) == fresh.lcut(line, HMM=False)
            assert segmenter.lcut(line) == fresh.lcut(line)
            assert list(segmenter.tokenize(line, mode="search")) == list(fresh.tokenize(line, mode="search"))
            lines += 1
        # What it read is the whole dictionary's entries, a small part of them.
        assert all(freq[word] == count for word, count in segmenter.FREQ.items())
        assert len(segmenter.FREQ) < len(freq) // 10
    assert lines > 2_000


def test_words_added_to_a_segmenter_cut_as_in_jieba(shards: DictionaryShards) -> None:
    """``add_word`` (with and without a frequency), ``suggest_freq`` and a user dictionary's words: the same
    frequencies, total and cuts as a tokenizer over the whole dictionary given the same words."""
    fresh = jieba.Tokenizer()
    fresh.initialize()
    segmenter = Segmenter({}, shards.total, shards)
    for tokenizer in (fresh, segmenter):
        tokenizer.add_word("参保率不低于")
        tokenizer.add_word("建档立卡户", 5, "n")
        tokenizer.suggest_freq(("满意", "度"), tune=True)
    assert segmenter.total == fresh.total
    for word in ("参保率不低于", "建档立卡户", "满意度", "满意", "参保"):
        assert segmenter.frequency(word) == fresh.FREQ.get(word)
    for text in ("城乡居民基本医疗保险参保率不低于95%", "建档立卡户受益人群满意度指标", "补助和"):
        assert segmenter.lcut(text) == fresh.lcut(text)
        assert segmenter.lcut(text, HMM=False) == fresh.lcut(text, HMM=False)


def test_a_file_that_is_not_a_shards_file_or_only_a_part_of_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        DictionaryShards(b"not a shards file")
    path = tmp_path / "small.jieba-shards"
    DictionaryShards.write(path, {"绩": 0, "绩效": 120, "效": 300}, 420)
    small = DictionaryShards.open(path)
    assert (small.total, small.entries("绩效"), small.entries("效"), small.entries("效果")) == (
        420,
        {"绩效": 120},
        {"效": 300},
        {},
    )
    with pytest.raises(ValueError):
        DictionaryShards(path.read_bytes()[:-3])  # a write cut short


def test_a_segmenter_remembers_the_texts_it_merged_and_forgets_them_past_its_bound(
    shards: DictionaryShards, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text cut again skips the merge (kpi_lint.segment._ENSURED bounds what is remembered): the cuts, first and
    again, after the memory is cleared, equal jieba's over the whole dictionary."""
    monkeypatch.setattr("kpi_lint.segment._ENSURED", 3)
    fresh = jieba.Tokenizer()
    fresh.initialize()
    segmenter = Segmenter({}, shards.total, shards)
    lines = [
        line
        for line in (ROOT / "corpus/wild/a01_tianjin_edu_target.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) > 10
    for line in lines + lines:
        assert segmenter.lcut(line) == fresh.lcut(line)
        assert 0 < len(segmenter._ensured) <= 3
    monkeypatch.undo()
    remembering = Segmenter({}, shards.total, shards)
    assert remembering.lcut(lines[0]) == fresh.lcut(lines[0])
    assert lines[0] in remembering._ensured


def test_the_user_dictionary_is_read_by_jieba_and_one_segmenter_serves_its_copies(tmp_path: Path) -> None:
    """`userdict_entries` records what jieba's own `load_userdict` adds (frequencies as numbers, tags, a line of a
    word alone, a byte-order mark), so `with_words` of it cuts as a tokenizer that loaded the file; a model's stored
    copy of lexicons/userdict.txt is the same list, hence the same segmenter, and a name both cut is cut once."""
    from kpi_lint.classify.api import category_predictor, vagueness_predictor
    from kpi_lint.classify.fast_form import FastModel, TextBlock
    from kpi_lint.cluster.normalize import TextNormalizer
    from kpi_lint.segment import cut_words, userdict_entries, with_words

    odd = tmp_path / "userdict.txt"
    odd.write_text("\ufeff参保率不低于 7 n\n\n  医保待遇享受 \n一站式 3\n", encoding="utf-8")
    assert userdict_entries(str(odd)) == (("参保率不低于", 7, "n"), ("医保待遇享受", None, None), ("一站式", 3, None))
    userdict = str(ROOT / "lexicons" / "userdict.txt")
    entries = userdict_entries(userdict)
    assert len(entries) == 65 and entries[0] == ("参保率", 20, "n")
    for path in (odd, Path(userdict)):
        loaded = new_tokenizer()
        loaded.load_userdict(str(path))
        shared = with_words(userdict_entries(str(path)))
        for text in ("城乡居民基本医疗保险参保率不低于95%", "医保待遇享受人次", "一站式结算覆盖率", "参保人员满意度"):
            assert shared.lcut(text, HMM=False) == loaded.lcut(text, HMM=False)
    for predictor in (category_predictor(), vagueness_predictor()):
        assert predictor is not None and isinstance(predictor.model, FastModel)  # the cached form, as a run uses
        stored = [b.tokenizer._key() for b, _ in predictor.model.blocks if isinstance(b, TextBlock) and b.tokenizer]
        assert stored and all(key == entries for key in stored)
    normalizer = TextNormalizer(userdict=userdict)
    name = "城乡居民基本医疗保险参保率"
    assert normalizer.tokens(name) == ["城乡居民", "基本医疗保险", "参保率"]
    before = cut_words.cache_info().hits
    assert cut_words(entries, name) == ("城乡居民", "基本医疗保险", "参保率")  # the model's cut of the same name
    assert cut_words.cache_info().hits == before + 1
