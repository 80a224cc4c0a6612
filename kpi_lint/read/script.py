"""Text a web mirror turned into traditional characters, read as the simplified text it was.

Some mirror sites re-publish a department's page converted to traditional characters, with the
pinyin of some characters glossed inside the words: ``績效目標(biāo)表``, ``數(shù)量指標(biāo)``.
kpi-lint's word lists are simplified, so such a page would read as nothing.  When most of a
text is traditional (character-level t2s conversion with OpenCC's tables would change a good
share of its Chinese characters) the text is converted character by character, so every
character keeps its column, and the glosses are taken out; where a line lost a gloss, the
columns of what follows are mapped back to the printed ones (`Simplified.origins`).

A simplified text is left alone: only a handful of traditional forms ever occur in one (乾, 瞭),
far below the share a converted page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from kpi_lint.grid import Cell, Row
from kpi_lint.han import HAN
from kpi_lint.lazy_re import lazy_compile

if TYPE_CHECKING:
    from collections.abc import Callable

_NOT_CJK = lazy_compile(r"[^\u4e00-\u9fff]+")
# A pinyin gloss right after a character: latin letters with at least one tone mark or ü.
_GLOSS = lazy_compile(r"(?<=[\u4e00-\u9fff])\((?=[a-z\u00e0-\u01dc]*[\u00e0-\u01dc])[a-z\u00e0-\u01dc]{1,7}\)")
# How much of a text must be traditional for it to be converted: a share of its Chinese
# characters, and a count, so that a stray 乾 in a short simplified text changes nothing.
_SHARE = 0.05
_AT_LEAST = 20
_SAMPLE = 50_000


@cache
def _converter() -> Callable[[str], str]:
    from opencc import OpenCC

    return OpenCC("t2s").convert  # type: ignore[no-any-return]


class _CharTable(dict[int, str]):
    """str.translate table: each traditional character → its simplified form, when that is one
    character (so that columns do not move)."""

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        out = _converter()(ch) if HAN.match(ch) else ch
        self[key] = out if len(out) == 1 else ch
        return self[key]


@cache
def _table() -> _CharTable:
    return _CharTable()


def is_traditional(text: str) -> bool:
    """Whether `text` reads as a page converted to traditional characters."""
    joined = _NOT_CJK.sub("", text[:_SAMPLE])  # its Chinese characters, in order
    if len(joined) < _AT_LEAST:
        return False
    converted = joined.translate(_table())
    if converted == joined:
        return False  # the common case: nothing traditional at all
    changed = sum(map(str.__ne__, joined, converted))  # one character for one
    return changed >= _AT_LEAST and changed >= _SHARE * len(joined)


@dataclass
class Simplified:
    lines: list[str]
    # line index → for each column of the simplified line, its column in the printed line
    # (only lines that lost a gloss are here).
    origins: dict[int, tuple[int, ...]] = field(default_factory=dict)


def simplify(lines: list[str]) -> Simplified:
    """The lines converted to simplified characters, glosses taken out."""
    table = _table()
    out: list[str] = []
    origins: dict[int, tuple[int, ...]] = {}
    for i, line in enumerate(lines):
        converted = line.translate(table)
        if "(" not in converted or not _GLOSS.search(converted):
            out.append(converted)
            continue
        kept: list[str] = []
        columns: list[int] = []
        at = 0
        for m in _GLOSS.finditer(converted):
            kept.append(converted[at : m.start()])
            columns.extend(range(at, m.start()))
            at = m.end()
        kept.append(converted[at:])
        columns.extend(range(at, len(converted)))
        columns.append(len(converted))  # the end of the line
        out.append("".join(kept))
        origins[i] = tuple(columns)
    return Simplified(out, origins)


def simplify_rows(rows: list[Row]) -> list[Row]:
    """The rows of an office or web table, read as simplified when the table is traditional.

    Their cells keep their places (sheet and cell, table, row and cell); a merged cell that stands
    in several slots stays one cell."""
    text = "\n".join(c.text for row in rows for c in row.cells)
    if not is_traditional(text):
        return rows
    table = _table()
    done: dict[int, Cell] = {}

    def convert(cell: Cell) -> Cell:
        if id(cell) not in done:
            done[id(cell)] = replace(cell, text=_GLOSS.sub("", cell.text.translate(table)))
        return done[id(cell)]

    return [replace(row, cells=[convert(c) for c in row.cells]) for row in rows]
