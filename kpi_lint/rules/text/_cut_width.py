"""A column the document cut at a fixed width: names that stop at one length, inside a word.

Some declaration systems print each 三级指标 cell in a fixed number of characters and drop the rest (001's 实施期
column stops at 11 characters, its 年度 column at 7: "城乡居民县级财政补助参", "城乡居民县级财"). Such a column shows it
itself: its longest names all have one length and several different ones end inside a word. A name that merely is
long stands alone at its length, or ends with a word. Not a rule module (no ``kpi`` prefix): KPI305 reads it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kpi_lint.han import HAN_END
from kpi_lint.lexicon import Lexicon, load_heads
from kpi_lint.model import Document, Form
from kpi_lint.rules.text._text import clean_cut

if TYPE_CHECKING:
    import jieba

# Different names that stop at a column's longest length inside a word before the column reads as cut at that width:
# one such name is a long name, two can be chance; three different ones stopping at the very same maximum are what a
# fixed-width cut leaves.
MIN_CUT_NAMES = 3


def _segmenter() -> jieba.Tokenizer:
    # Imported on first use: most documents have no cell ending in 的/和/及, and the catalog loads light.
    from kpi_lint.segment import plain_tokenizer

    return plain_tokenizer()


def _last_word(text: str) -> str:
    """jieba's last word of the text ("" for none), cut from its last 8 characters."""
    tokens = _segmenter().lcut(text[-8:])
    return tokens[-1] if tokens else ""


def ends_with_word(text: str) -> bool:
    """The text's last character is the end of a word of two or more characters (jieba's dictionary):
    "不涉及" ends in 涉及, "普及" is a word; "…补助和" and "…标准的" end in a particle left dangling."""
    return len(_last_word(text)) >= 2


def ends_complete(name: str, lexicon: Lexicon) -> bool:
    """The name may be whole: it ends with a word, with the head of a measure (lexicons/measure_heads.txt: 率, 数,
    报销比 — "医保信息系统正常运行率" ends with one, though jieba cuts 率 alone), or not with a Chinese character
    ("农户施肥情况调查(户)"). "城乡居民县级财政补助参", "提升城乡居民医疗保障水" stop inside a word."""
    if not HAN_END.search(name):
        return True
    if any(name.endswith(end) for end, _ in load_heads(lexicon.directory)):
        return True
    return ends_with_word(name)


def cut_widths(doc: Document, lexicon: Lexicon) -> dict[tuple[Form | None, str | None], int]:
    """The width at which `doc` cut the 三级指标 column of each (form, period): the column's longest length, when at
    least MIN_CUT_NAMES different names of that length stop inside a word (`ends_complete` false). Columns not cut
    so are left out."""
    return {column: width for column, (width, _) in _cut_columns(doc, lexicon).items()}


def _cut_columns(doc: Document, lexicon: Lexicon) -> dict[tuple[Form | None, str | None], tuple[int, list[str]]]:
    """`cut_widths`, each with the names of the column's longest length that stop unfinished."""
    names: dict[tuple[Form | None, str | None], set[str]] = defaultdict(set)
    for project in doc.projects:
        for ind in project.indicators:
            name = clean_cut(ind.level3)
            if name:
                names[(project.form, ind.period)].add(name)
    columns: dict[tuple[Form | None, str | None], tuple[int, list[str]]] = {}
    for column, texts in names.items():
        width = max(len(t) for t in texts)
        longest = sorted(t for t in texts if len(t) == width)
        if len(longest) < MIN_CUT_NAMES:
            continue  # decided without segmenting a word
        cut = [t for t in longest if not ends_complete(t, lexicon)]
        if len(cut) >= MIN_CUT_NAMES:
            columns[column] = (width, cut)
    return columns


def function_word_end(text: str, function_words: str) -> str | None:
    """The function word (a particle or conjunction of `function_words`: 的, 和, 及 …) the text ends on as a word of
    its own (jieba): "城乡居民就医补助工作的" → 的 — its last word is whole, the phrase is not. None when the text
    stops inside a word ("城乡居民县级财政补助参") or ends otherwise."""
    last = _last_word(text)
    return last if len(last) == 1 and last in function_words else None


class ColumnWidths:
    """`cut_widths` of one document, worked out when first asked: only a document with a cut cell needs them, and
    most have none (a one-file check does not load jieba for them)."""

    def __init__(self, doc: Document, lexicon: Lexicon) -> None:
        self._doc, self._lexicon = doc, lexicon
        self._columns: dict[tuple[Form | None, str | None], tuple[int, list[str]]] | None = None

    def _cut(self, form: Form | None, period: str | None) -> tuple[int, list[str]] | None:
        if self._columns is None:
            self._columns = _cut_columns(self._doc, self._lexicon)
        return self._columns.get((form, period))

    def of(self, form: Form | None, period: str | None) -> int | None:
        """The width at which the 三级指标 column of (form, period) was cut, or None."""
        cut = self._cut(form, period)
        return cut[0] if cut else None

    def cut_names(self, form: Form | None, period: str | None) -> list[str]:
        """The names of that column that stop unfinished at its width (none when it was not cut)."""
        cut = self._cut(form, period)
        return cut[1] if cut else []
