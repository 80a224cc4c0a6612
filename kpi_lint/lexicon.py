"""Editable word lists (``lexicons/``): knowledge as data, not code.

Every list is a UTF-8 text file a reviewer can edit without Python:

* plain lists: one entry per line;
* keyed lists (``units.txt``, ``category_cues.txt``): ``key: word word …``;
* pairs (``typos.txt``): ``wrong → right``.

Blank lines and lines starting with ``#`` are ignored.  ``--lexicons DIR``
(or ``lexicons = "DIR"`` in the config) points at a reviewer's own copy; a file
missing there falls back to the bundled one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.bundled import LEXICONS_DIR

if TYPE_CHECKING:
    from kpi_lint.vocab import Vocabulary

BUNDLED_DIR = LEXICONS_DIR  # lexicons/ in the repository, kpi_lint/lexicons/ in a wheel (kpi_lint.bundled)
ENV_VAR = "KPI_LINT_LEXICONS"


def alternation(words: Iterable[str]) -> str:
    """The words as one regular-expression alternation, each escaped, the longest first (so that "血压控制率" wins over
    "控制率" where both would match) and blank words left out; "" when there is none (callers add "(?!)" if need be).
    Words of one length stand in code-point order: the same pattern whatever order `words` come in (a set's order
    follows the string hash seed, which changes from run to run); two words of one length never both match at a place,
    so the order among them changes no match."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)) if w)


def _entries(path: Path) -> list[str]:
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _keyed(lines: list[str]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in lines:
        key, sep, rest = line.partition(":")
        if not sep:
            key, sep, rest = line.partition("：")
        if sep:
            table.setdefault(key.strip(), []).extend(rest.split())
    return table


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in lines:
        for arrow in ("→", "->", "\t"):
            if arrow in line:
                wrong, right = line.split(arrow, 1)
                pairs.append((wrong.strip(), right.strip()))
                break
    return pairs


@dataclass(frozen=True, eq=False)  # identity equality and hash: loaded once per folder, used as a cache key
class Lexicon:
    directory: Path
    vague_words: tuple[str, ...] = ()
    graded_words: tuple[str, ...] = ()
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)
    process_measures: tuple[str, ...] = ()
    filler_phrases: tuple[str, ...] = ()
    typos: tuple[tuple[str, str], ...] = ()
    category_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unmeasured_actuals: tuple[str, ...] = ()
    userdict: Path | None = None
    vocab: Vocabulary | None = None  # 一级/二级 names, header words, form titles (kpi_lint.vocab)
    # Memo of unit → kind: value parsing asks for the same few units over and over.
    _unit_kinds: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # Memo of the lists a rule reads by file name (``words`` / ``keyed``), read once per folder.
    _lists: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def words(self, name: str) -> tuple[str, ...]:
        """The entries of the plain list `name` (e.g. ``placeholders.txt``) of this folder."""
        if name not in self._lists:
            self._lists[name] = tuple(read_list(self.directory, name))
        value = self._lists[name]
        assert isinstance(value, tuple)
        return value

    def keyed(self, name: str) -> dict[str, tuple[str, ...]]:
        """The ``key: word word …`` list `name` of this folder."""
        key = f"keyed:{name}"
        if key not in self._lists:
            self._lists[key] = {k: tuple(v) for k, v in read_keyed(self.directory, name).items()}
        value = self._lists[key]
        assert isinstance(value, dict)
        return value

    @property
    def vocabulary(self) -> Vocabulary:
        """The vocabulary of this folder (a Lexicon built by hand without one reads the bundled lists)."""
        if self.vocab is not None:
            return self.vocab
        from kpi_lint.vocab import vocabulary_from

        return vocabulary_from(self.directory)

    def unit_kind(self, unit: str) -> str | None:
        """The kind (count, money, …) of a unit, by longest known prefix."""
        if unit not in self._unit_kinds:
            self._unit_kinds[unit] = self._lookup_unit_kind(unit)
        return self._unit_kinds[unit]

    def _lookup_unit_kind(self, unit: str) -> str | None:
        best: tuple[int, str] | None = None
        for kind, words in self.units.items():
            for word in words:
                if unit.startswith(word) and (best is None or len(word) > best[0]):
                    best = (len(word), kind)
        return best[1] if best else None


def _file(directory: Path, name: str) -> Path | None:
    for base in (directory, BUNDLED_DIR):
        candidate = base / name
        if candidate.is_file():
            return candidate
    return None


def read_list(directory: Path, name: str) -> list[str]:
    """The entries of one plain list, from the reviewer's folder or else the bundled copy."""
    path = _file(directory, name)
    return _entries(path) if path else []


def read_keyed(directory: Path, name: str) -> dict[str, list[str]]:
    """A ``key: word word …`` list as a dict."""
    return _keyed(read_list(directory, name))


def read_pairs(directory: Path, name: str) -> list[tuple[str, str]]:
    """A ``wrong → right`` list as pairs."""
    return _pairs(read_list(directory, name))


HEADS_FILE = "measure_heads.txt"


@lru_cache(maxsize=8)
def load_heads(directory: Path) -> tuple[tuple[str, str], ...]:
    """`ending → measure` pairs of lexicons/measure_heads.txt, longest ending first: the kind of measure a name's
    ending says (数 → 计数, 率 → 比率 …), for the clusters' name forms, the library's cut rows and KPI103."""
    return tuple(sorted(read_pairs(directory, HEADS_FILE), key=lambda pair: len(pair[0]), reverse=True))


@lru_cache(maxsize=8)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Load the lexicons from `directory`, $KPI_LINT_LEXICONS, or the bundled copy."""
    from kpi_lint.vocab import vocabulary_from

    root = Path(directory or os.environ.get(ENV_VAR) or BUNDLED_DIR)
    if not root.is_dir():
        raise FileNotFoundError(f"词表目录不存在：{root}")
    units = {k: tuple(v) for k, v in read_keyed(root, "units.txt").items()}
    cues = {k: tuple(v) for k, v in read_keyed(root, "category_cues.txt").items()}
    return Lexicon(
        directory=root,
        vague_words=tuple(read_list(root, "vague_words.txt")),
        graded_words=tuple(read_list(root, "graded_words.txt")),
        units=units,
        process_measures=tuple(read_list(root, "process_measures.txt")),
        filler_phrases=tuple(read_list(root, "filler_phrases.txt")),
        typos=tuple(read_pairs(root, "typos.txt")),
        category_cues=cues,
        unmeasured_actuals=tuple(read_list(root, "unmeasured_actuals.txt")),
        userdict=_file(root, "userdict.txt"),
        vocab=vocabulary_from(root),
    )
