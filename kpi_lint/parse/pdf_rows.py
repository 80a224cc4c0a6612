"""PDF-text layout, step 3: the tokens of an indicator block → markers and rows.

The block is read as a stream of tokens.  A *marker* is a printed 二级指标
("数量指标", wrapped as "经济效益指\\n标" or cut as "服务对象满意度指"); a
一级指标 token is kept for its position only.  Everything else forms *rows*: a
三级指标 cell followed by its 指标值 cell.

Where a cell ends is read from the text itself:

* **wrapped cells** (000): a column is a fixed number of display columns wide
  (learned: the commonest width of lone text lines followed by another lone
  text line, 10 = five CJK characters in 000).  A 三级指标 cell goes on to the
  next line while its line is full and the next line does not read as a value;
  once a line stops short, the cell has ended and the next token is its value.
  A value goes on to the next line while its line is full and that line cannot
  start a row of its own (a row is a text cell followed by something that reads
  as a value): "2023年12月" + "前", "全面推开全" + "面推开".
* **cut cells** (002): cells are one line, cut at the column edge; a cut cell
  is printed glued to the next cell ("召开医保工作政府信≥2次").  The column
  widths are learned from glued tokens whose value starts with a comparator
  (26 and 18 display columns in 002), and a token too wide for its column, or
  a lone token that has no value beside it, is split at that width
  ("提高单位职工工作效" + "有效提高").

A value printed with no text cell before it (where an overlay wiped the
三级指标 out, 000's sixth project) is kept as a row without 三级指标.

"Reads as a value" means: starts with a digit, a comparator symbol or word
(≥, 不晚于, 大于 …), is a date word such as 每季度, is doubled by the
extraction ("全年全年"), or is one of the vague-value words of the lexicon.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from kpi_lint.han import HAN
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Located
from kpi_lint.parse.common import LEVEL2_PARENT, canonical_level1, squash, undouble
from kpi_lint.parse.pdf_text import Tok, display_width
from kpi_lint.parse.values import parse_value

_VALUE_START = lazy_compile(
    r"^(?:[0-9≥≤<>=]|不低于|不少于|不小于|不高于|不超过|不多于|不大于|不晚于|不迟于|大于|小于|高于|低于|至少|达到|超过|等于)"
)
_COMPARATOR_SYMBOL = lazy_compile(r"[≥≤<>]")
_OPENING = ("(", "（", "[", "【")
_MIN_CUT_MARKER = 5  # "经济效益指" is a marker cut before its last character; "数量指" is too short to tell


@dataclass(frozen=True)
class Marker:
    name: str  # canonical 二级指标
    located: Located  # as printed, wrapped parts joined
    line: int  # of the last part: where the marker's line ends


@dataclass(frozen=True)
class Level1:
    name: str
    located: Located


@dataclass
class Cell:
    toks: list[Tok]

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.toks)

    @property
    def key(self) -> str:
        return squash("".join(t.norm for t in self.toks))

    @property
    def located(self) -> Located:
        return Located(self.text, self.toks[0].line, self.toks[0].col)


@dataclass
class Row:
    level3: Cell | None
    value: Cell | None
    glued_at: int | None = None  # the column width a glued 三级指标 was cut at
    after_row_on_line: bool = False  # another row's text precedes it on its first line
    before_row_on_line: bool = False  # another row starts on its last line

    @property
    def toks(self) -> list[Tok]:
        return [*(self.level3.toks if self.level3 else []), *(self.value.toks if self.value else [])]

    @property
    def height(self) -> int:
        return len({t.line for t in self.toks})

    @property
    def key(self) -> str:
        return self.level3.key if self.level3 else ""


Event = Marker | Level1 | Row
Item = Marker | Level1 | Tok


def marker_name(text: str) -> str | None:
    """The canonical 二级指标 a printed marker names, also when cut before its last character."""
    s = squash(text)
    if s in LEVEL2_PARENT:
        return s
    if len(s) >= _MIN_CUT_MARKER and s + "标" in LEVEL2_PARENT:
        return s + "标"
    return None


def level1_name(text: str) -> str | None:
    name = canonical_level1(text)
    return None if name is None or name in LEVEL2_PARENT else name  # 成本指标 is read as a 二级 marker


def value_strength(norm: str) -> int:
    """2: reads as a value by its form; 1: a vague-value word; 0: text."""
    raw = squash(norm)
    s = undouble(raw)
    if not s:
        return 0
    if s != raw or _VALUE_START.match(s):
        return 2
    if len(s) <= 4 and parse_value(s).kind == "date":
        return 2
    if s in load_lexicon().vague_words:
        return 1
    return 0


def learn_wrap_width(tokens: list[Tok]) -> int | None:
    """The width at which cells wrap: the commonest width of lone text lines that continue."""
    counts: Counter[int] = Counter()
    for a, b in itertools.pairwise(tokens):
        if a.alone and b.alone and _plain(a) and _plain(b):
            counts[a.width] += 1
    if not counts:
        return None
    width, n = counts.most_common(1)[0]
    return width if n >= 3 else None


def learn_cut_widths(tokens: list[Tok]) -> list[int]:
    """Column widths at which cells are cut, from glued tokens like "医保信息系统正常运≥90%"."""
    counts: Counter[int] = Counter()
    for tok in tokens:
        m = _COMPARATOR_SYMBOL.search(tok.norm)
        if m and m.start() > 0 and HAN.search(tok.norm[: m.start()]):
            counts[display_width(tok.norm[: m.start()])] += 1
    return sorted(w for w, n in counts.items() if n >= 2)


def _plain(tok: Tok) -> bool:
    return marker_name(tok.norm) is None and level1_name(tok.norm) is None and value_strength(tok.norm) == 0


def merge_markers(tokens: list[Tok]) -> list[Item]:
    """Markers (joining wrapped ones) and 一级指标 tokens in place of their tokens."""
    names = list(LEVEL2_PARENT)
    items: list[Item] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        joined, j = squash(tok.norm), i
        while (
            joined not in LEVEL2_PARENT
            and tokens[j].last
            and j + 1 < len(tokens)
            and tokens[j + 1].first
            and any(n.startswith(joined + squash(tokens[j + 1].norm)) for n in names)
        ):
            j += 1
            joined += squash(tokens[j].norm)
        name = marker_name(joined)
        if name is not None:
            printed = "".join(t.text for t in tokens[i : j + 1])
            items.append(Marker(name, Located(printed, tok.line, tok.col), tokens[j].line))
            i = j + 1
            continue
        level1 = level1_name(tok.norm)
        items.append(Level1(level1, tok.located) if level1 else tok)
        i += 1
    return items


@dataclass
class RowReader:
    """Reads the rows of one indicator block (see the module docstring)."""

    items: list[Item]
    wrap: int | None
    cuts: list[int]
    events: list[Event] = field(default_factory=list)

    def read(self) -> list[Event]:
        i = 0
        while i < len(self.items):
            item = self.items[i]
            if isinstance(item, Marker | Level1):
                self.events.append(item)
                i += 1
            else:
                i = self._row(i)
        _mark_shared_lines([e for e in self.events if isinstance(e, Row)])
        return self.events

    def _tok(self, i: int) -> Tok | None:
        item = self.items[i] if 0 <= i < len(self.items) else None
        return item if isinstance(item, Tok) else None

    def _row(self, i: int) -> int:
        tok = self._tok(i)
        assert tok is not None
        if value_strength(tok.norm) == 2:
            bare, i = self._value(i)  # a value with no 三级指标 printed before it
            self.events.append(Row(None, bare))
            return i
        glued = self._glued(i, tok)
        if glued is not None:
            head, tail, width = glued
            self.events.append(Row(Cell([head]), Cell([tail]), glued_at=width))
            return i + 1
        level3, i = self._level3(i)
        value: Cell | None = None
        nxt = self._tok(i)
        if nxt is not None and self._takes_value(level3, nxt):
            value, i = self._value(i)
        self.events.append(Row(level3, value))
        return i

    def _takes_value(self, level3: Cell, nxt: Tok) -> bool:
        last = level3.toks[-1]
        if not last.last or self.wrap is not None:
            return True  # beside it on the line, or the wrapped cell has ended
        return nxt.alone or value_strength(nxt.norm) > 0

    def _level3(self, i: int) -> tuple[Cell, int]:
        first = self._tok(i)
        assert first is not None
        toks = [first]
        while True:
            cur, nxt = toks[-1], self._tok(i + 1)
            if not (self.wrap and cur.last and nxt and nxt.first) or value_strength(nxt.norm) > 0:
                break
            # A line stops short of the column when the next word does not fit, as a
            # bracketed unit ("员标准" / "（元）") that is kept whole.
            if cur.width < self.wrap and not nxt.norm.startswith(_OPENING):
                break
            toks.append(nxt)
            i += 1
        return Cell(toks), i + 1

    def _value(self, i: int) -> tuple[Cell, int]:
        toks: list[Tok] = []
        first = self._tok(i)
        assert first is not None
        toks.append(first)
        while True:
            cur, nxt = toks[-1], self._tok(i + 1)
            if not (cur.last and self._full(cur) and nxt and nxt.first) or self._starts_row(i + 1):
                break
            toks.append(nxt)
            i += 1
        return Cell(toks), i + 1

    def _full(self, tok: Tok) -> bool:
        if self.wrap is not None:
            return tok.width >= self.wrap
        return tok.width in self.cuts

    def _starts_row(self, i: int) -> bool:
        """Whether token i opens a row: a text cell followed by something that reads as a value."""
        tok = self._tok(i)
        if tok is None:
            return True
        if value_strength(tok.norm) > 0:
            return False
        if self._glued(i, tok) is not None:
            return True
        if not tok.last:
            nxt = self._tok(i + 1)
            return nxt is not None and value_strength(nxt.norm) > 0
        _cell, j = self._level3(i)
        after = self._tok(j)
        return after is not None and value_strength(after.norm) > 0

    def _glued(self, i: int, tok: Tok) -> tuple[Tok, Tok, int] | None:
        """A cut 三级指标 printed glued to its value, split at the column width."""
        if not self.cuts or value_strength(tok.norm) > 0:
            return None
        right = any(self._tok(k) is not None for k in self._same_line_before(i))
        width = tok.width
        if right:
            cut = self.cuts[0] if width > self.cuts[0] else None
        elif width > self.cuts[-1]:
            cut = self.cuts[-1]
        elif tok.last and width > self.cuts[0]:
            cut = max(w for w in self.cuts if w < width)
        else:
            cut = None
        if cut is None:
            return None
        k = _index_at_width(tok.norm, cut)
        if k is None or k >= len(tok.text):
            return None
        return tok.cut(0, k), tok.cut(k), cut

    def _same_line_before(self, i: int) -> list[int]:
        """Indexes of the items printed before item i on its line."""
        line = _end_line(self.items[i])
        out: list[int] = []
        k = i - 1
        while k >= 0 and _end_line(self.items[k]) == line:
            out.append(k)
            k -= 1
        return out


def _end_line(item: Item) -> int:
    """The line an item ends on (a wrapped marker ends below where it starts)."""
    if isinstance(item, Tok):
        return item.line
    if isinstance(item, Marker):
        return item.line
    return item.located.line


def _index_at_width(text: str, width: int) -> int | None:
    w = 0
    for k, ch in enumerate(text):
        if w == width:
            return k
        w += display_width(ch)
    return None


def _mark_shared_lines(rows: list[Row]) -> None:
    """Flag rows that share a printed line with another row (left pair, then right pair)."""
    for a, b in itertools.pairwise(rows):
        ta, tb = a.toks, b.toks
        if ta and tb and ta[-1].line == tb[0].line:
            a.before_row_on_line = True
            b.after_row_on_line = True
