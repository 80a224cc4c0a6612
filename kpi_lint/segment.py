"""jieba segmenters that share one copy of jieba's dictionary, and read of it only what the text needs.

jieba reads its 350,000-word dictionary (a marshal cache, ≈ 0.3 s in one piece) every time a new
``jieba.Tokenizer`` is first used.  kpi-lint needs several segmenters — the clustering's, with
the reviewer's ``userdict.txt``, one per distinct dictionary stored in a model file, and the
readers that add no word (the glued-row cutter, KPI305, the category-label words) — that differ
only in the words added on top.

jieba's cut looks up only *substrings of the sentence it cuts* (`jieba.Tokenizer.get_DAG`,
``calc``, the HMM's check of a run of single characters, ``cut_for_search``'s grams), and every
word jieba adds (``add_word``) brings its own prefixes.  So the entries a cut can see are those
whose first character, or first two characters, occur in the text.  `DictionaryShards` stores
jieba's prefix dictionary grouped that way (a file written once beside jieba's own cache file,
named by that file's size and time, so a new jieba cache gives a new one), and `Segmenter` — a
``jieba.Tokenizer`` whose `Segmenter.cut`, ``get_DAG``, ``add_word`` and ``suggest_freq`` first
merge the groups their text touches — cuts every text exactly as a tokenizer over the whole
dictionary: a one-file check reads ≈ 2,000–12,000 entries instead of 500,000.  Without the file
(jieba's cache missing, an unwritable folder, another dictionary) the whole dictionary is loaded
once per process and shared, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import mmap
import os
import tempfile
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kpi_lint.jieba_import import jieba

# jieba announces every dictionary load on stderr; the CLI keeps stderr for errors.
jieba.setLogLevel(logging.WARNING)

_FORMAT = b"KPILINT-JIEBA-SHARDS-2\n"
_LENGTH = 8  # bytes of the header's length, after _FORMAT

# One character: (its own frequency or None, where its groups' index starts, its length).
_Head = tuple[int | None, int, int]
# Texts a `Segmenter` remembers having merged the entries of (a run cuts the same names again and again: on the
# generated 10k corpus 39,515 cuts of 17,392 distinct texts); forgotten all at once past this many, to bound memory.
_ENSURED = 50_000


def _cache_path(tokenizer: jieba.Tokenizer) -> Path:
    """jieba's cache file of the default dictionary, as `jieba.Tokenizer.initialize` names it."""
    return Path(tokenizer.tmp_dir or tempfile.gettempdir()) / (tokenizer.cache_file or "jieba.cache")


def _cached_dictionary(tokenizer: jieba.Tokenizer) -> tuple[dict[str, int], int] | None:
    """The prefix dictionary a fresh `tokenizer` would load from jieba's cache file, or None.

    The same file and the same `marshal` format, read in one piece: jieba's `marshal.load(file)`
    reads its 500,000 entries from the file object one by one, four times slower (≈ 1.3 s against
    ≈ 0.3 s).
    """
    if tokenizer.dictionary is not jieba.DEFAULT_DICT:
        return None
    try:
        freq, total = marshal.loads(_cache_path(tokenizer).read_bytes())
    except Exception:  # missing, unreadable or not jieba's: jieba builds (and writes) it below
        return None
    return (freq, total) if isinstance(freq, dict) and isinstance(total, int) else None


@lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary and total frequency, as loaded by a fresh tokenizer (read-only here)."""
    tokenizer = jieba.Tokenizer()
    cached = _cached_dictionary(tokenizer)
    if cached is not None:
        return cached
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


class DictionaryShards:
    """jieba's prefix dictionary grouped by the first one or two characters of each entry, read on demand.

    The file: `_FORMAT`, the header's length, the header (marshal: the total frequency, the length of what
    follows and, for each first character, a `_Head`), then for each first character the index of its groups
    (marshal: second character → offset and length) and the groups (marshal: entry → frequency, for the
    entries of two or more characters).  A file of another length than its header says is refused.
    """

    def __init__(self, data: bytes | mmap.mmap) -> None:
        start = len(_FORMAT) + _LENGTH
        if len(data) < start or data[: len(_FORMAT)] != _FORMAT:
            raise ValueError("not a dictionary shards file")
        size = int.from_bytes(data[len(_FORMAT) : start], "little")
        total, body, heads = marshal.loads(data[start : start + size])
        if not isinstance(total, int) or not isinstance(heads, dict) or len(data) != start + size + body:
            raise ValueError("not a dictionary shards file, or a part of one")
        self.total: int = total
        self._data = data
        self._start = start + size
        self._heads: dict[str, _Head] = heads
        self._indexes: dict[str, dict[str, tuple[int, int]]] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> DictionaryShards:
        """The file at `path`, mapped into memory (read only): the groups a text needs are the pages read."""
        with path.open("rb") as fh:
            return cls(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))

    @classmethod
    def write(cls, path: Path, freq: dict[str, int], total: int) -> None:
        """Write `freq` grouped to `path` (a temporary file renamed into place: a concurrent run sees all or none)."""
        groups: dict[str, dict[str, dict[str, int]]] = {}
        own: dict[str, int] = {}
        for word, count in freq.items():
            if len(word) == 1:
                own[word] = count
            else:
                groups.setdefault(word[0], {}).setdefault(word[1], {})[word] = count
        body = bytearray()
        heads: dict[str, _Head] = {}
        for first in sorted(own.keys() | groups.keys()):
            index: dict[str, tuple[int, int]] = {}
            for second, entries in sorted(groups.get(first, {}).items()):
                blob = marshal.dumps(entries)
                index[second] = (len(body), len(blob))
                body += blob
            blob = marshal.dumps(index)
            heads[first] = (own.get(first), len(body), len(blob))
            body += blob
        header = marshal.dumps((total, len(body), heads))
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-kpi-lint-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_FORMAT + len(header).to_bytes(_LENGTH, "little") + header + body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _body(self, offset: int, length: int) -> Any:
        return marshal.loads(self._data[self._start + offset : self._start + offset + length])

    def entries(self, piece: str) -> dict[str, int]:
        """The entries a one-character `piece` is, or the entries of two or more characters that begin with a
        two-character `piece` (empty when the dictionary has none)."""
        head = self._heads.get(piece[0])
        if head is None:
            return {}
        if len(piece) == 1:
            return {} if head[0] is None else {piece: head[0]}
        with self._lock:
            index = self._indexes.get(piece[0])
            if index is None:
                index = self._indexes[piece[0]] = self._body(head[1], head[2])
        where = index.get(piece[1])
        return {} if where is None else self._body(*where)  # type: ignore[no-any-return]


def _shards_path(tokenizer: jieba.Tokenizer, cache: Path) -> Path:
    stat = cache.stat()
    key = f"{jieba.__version__}:{_FORMAT!r}:{cache.name}:{stat.st_size}:{stat.st_mtime_ns}"
    return cache.with_name(f"kpi_lint.{hashlib.sha256(key.encode()).hexdigest()[:16]}.jieba-shards")


@lru_cache(maxsize=1)
def _shards() -> DictionaryShards | None:
    """The grouped dictionary beside jieba's cache file; written from the loaded dictionary when missing (that run
    uses the loaded dictionary itself: None), or None when it cannot be (another dictionary, a read-only folder)."""
    tokenizer = jieba.Tokenizer()
    if tokenizer.dictionary is not jieba.DEFAULT_DICT:
        return None
    cache = _cache_path(tokenizer)
    try:
        path = _shards_path(tokenizer, cache)
        return DictionaryShards.open(path)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    freq, total = _base_dictionary()  # also writes jieba's cache file when it is missing
    with contextlib.suppress(OSError):  # unwritable: the next run loads the whole dictionary again
        DictionaryShards.write(_shards_path(tokenizer, cache), freq, total)
    return None


def _pieces(text: str) -> set[str]:
    """The characters and the two-character strings of `text`: what picks the entries a cut of it can see."""
    return {*text, *(text[i : i + 2] for i in range(len(text) - 1))}


class Segmenter(jieba.Tokenizer):  # type: ignore[misc]
    """A ``jieba.Tokenizer`` marked loaded, over `freq`; with `shards`, `freq` starts empty and each text's entries
    are merged in before jieba reads them (see the module's docstring), so it cuts as over the whole dictionary."""

    def __init__(self, freq: dict[str, int], total: int, shards: DictionaryShards | None = None) -> None:
        super().__init__()
        self.FREQ = freq
        self.total = total
        self.initialized = True
        self._shards = shards
        self._merged: set[str] = set()
        self._ensured: set[str] = set()
        self._lock = threading.Lock()

    def ensure(self, text: str) -> None:
        """Merge the entries a cut of `text` (or adding it as a word) can look up."""
        if self._shards is None or not isinstance(text, str) or text in self._ensured:
            return
        with self._lock:
            for piece in sorted(_pieces(text) - self._merged):
                self.FREQ.update(self._shards.entries(piece))
                self._merged.add(piece)
            if len(self._ensured) >= _ENSURED:
                self._ensured.clear()
            self._ensured.add(text)

    def frequency(self, word: str) -> int | None:
        """The dictionary's frequency of `word` (0 for a prefix of a word only), None when it has none."""
        self.ensure(word)
        return self.FREQ.get(word)  # type: ignore[no-any-return]

    def cut(self, sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        sentence = jieba.strdecode(sentence)
        self.ensure(sentence)
        return super().cut(sentence, *args, **kwargs)  # type: ignore[no-any-return]

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        self.ensure(sentence)
        return super().get_DAG(sentence)  # type: ignore[no-any-return]

    def add_word(self, word: Any, freq: int | None = None, tag: str | None = None) -> None:
        word = jieba.strdecode(word)
        self.ensure(word)  # before jieba's own entries of it: merging later would overwrite them
        super().add_word(word, freq, tag)

    def suggest_freq(self, segment: Any, tune: bool = False) -> int:
        for part in [segment] if isinstance(segment, str) else segment:
            self.ensure(jieba.strdecode(part))
        if not isinstance(segment, str):
            self.ensure("".join(map(jieba.strdecode, segment)))
        return super().suggest_freq(segment, tune)  # type: ignore[no-any-return]


# A word a segmenter adds to jieba's dictionary: the word, its frequency (None: jieba's suggestion), its tag.
Entry = tuple[str, int | None, str | None]


def new_tokenizer() -> Segmenter:
    """An initialised jieba tokenizer with its own copy of the default dictionary (to add words to)."""
    shards = _shards()
    if shards is not None:
        return Segmenter({}, shards.total, shards)
    freq, total = _base_dictionary()
    return Segmenter(dict(freq), total)


@lru_cache(maxsize=1)
def plain_tokenizer() -> Segmenter:
    """An initialised jieba tokenizer over the default dictionary, shared by every reader that only
    segments: never add a word to it (`new_tokenizer` gives one to add words to)."""
    shards = _shards()
    if shards is not None:
        return Segmenter({}, shards.total, shards)
    freq, total = _base_dictionary()
    return Segmenter(freq, total)


@lru_cache(maxsize=4)
def with_words(entries: tuple[Entry, ...]) -> Segmenter:
    """A segmenter over the default dictionary with `entries` added in order, one per distinct list of entries:
    the clustering's (lexicons/userdict.txt) and a model's stored copy of the same words are one segmenter,
    which merges the dictionary's entries a text needs once, and cuts a text both ask for once (`cut_words`)."""
    seg = new_tokenizer()
    for word, freq, tag in entries:
        seg.add_word(word, freq, tag)
    return seg


@lru_cache(maxsize=16384)
def cut_words(entries: tuple[Entry, ...], text: str) -> tuple[str, ...]:
    """jieba's cut of `text` without its HMM under the dictionary `with_words(entries)`: a pure function of both,
    remembered (the clustering cuts the run's names, the two shipped models the same names again)."""
    return tuple(with_words(entries).lcut(text, HMM=False))


class _Recorder(jieba.Tokenizer):  # type: ignore[misc]
    """Records the words jieba's ``load_userdict`` adds, as ``add_word`` would add them (no dictionary loaded)."""

    def __init__(self) -> None:
        super().__init__()
        self.initialized = True
        self.entries: list[Entry] = []

    def add_word(self, word: Any, freq: Any = None, tag: str | None = None) -> None:
        self.entries.append((jieba.strdecode(word), None if freq is None else int(freq), tag))


@lru_cache(maxsize=4)
def userdict_entries(path: str) -> tuple[Entry, ...]:
    """The words ``jieba.Tokenizer.load_userdict(path)`` adds, in order, read by jieba itself: `with_words` of
    them is a segmenter that loaded the file."""
    recorder = _Recorder()
    recorder.load_userdict(path)
    return tuple(recorder.entries)
