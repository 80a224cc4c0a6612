"""What one cell of an indicator block is: a 一级 or 二级 label, a column label, or data.

Labels are told by the vocabulary (``lexicons/levels.txt``).  A few names are both a 一级 and a
二级 (成本指标 in the 财预〔2021〕101号 template, 满意度指标), and a 三级指标 may be spelled like
a category ("服务对象满意度"), so the order of the cells decides: 一级 before 二级 before data.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from enum import Enum

from kpi_lint.grid import Cell, Row
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.vocab import Vocabulary, label_key, squash


class Kind(Enum):
    BLANK = 0
    LEVEL1 = 1
    LEVEL2 = 2
    EITHER = 3  # a name that is both a 一级 and a 二级
    BLOCK = 4
    DATA = 5


def kind_of(cell: Cell, vocab: Vocabulary) -> Kind:
    if cell.blank:
        return Kind.BLANK
    # Asked of every cell of every row, most often again: the remembered answer read straight from the
    # vocabulary's memo (a name is never None), the memo asked through `remember` only the first time.
    name = vocab.memo.get(("kind", cell.text)) or vocab.remember("kind", cell.text, lambda t: _kind_of(t, vocab).name)
    return _KINDS[name or "DATA"]


_KINDS = {kind.name: kind for kind in Kind}  # Kind[name] goes through the enum's own lookup, slower


def _kind_of(text: str, vocab: Vocabulary) -> Kind:
    key = label_key(text)
    if key in vocab.blocks or not key:  # a weight left alone ("(50分)") labels nothing
        return Kind.BLOCK
    # Looked up as printed: a whole-cell alias ("=财务管理") names no numbered item ("2.财务管理").
    one = vocab.canonical_level1(text)
    two = vocab.canonical_level2(text)
    if not one and not two and vocab.is_label_tail(key):
        return Kind.BLOCK
    if one and two:
        return Kind.EITHER
    if one:
        return Kind.LEVEL1
    if two:
        return Kind.LEVEL2
    return Kind.DATA


def resolve(kinds: list[Kind]) -> list[Kind]:
    """Decide EITHER cells and demote labels that stand where data must be.

    Within a run of label cells a 一级 comes before a 二级: an EITHER before a 二级 is a 一级,
    otherwise a 二级; a 一级 after a 一级 is the 二级 of a wider group (the 发改 template puts
    产出指标 under 实施效果指标); a label after a 二级 is a 三级指标 that reads like a category.
    """
    out = list(kinds)
    last: Kind | None = None  # the previous label in the current run of labels
    for i, kind in enumerate(out):
        if kind in (Kind.BLANK, Kind.BLOCK):
            continue
        if kind is Kind.DATA:
            last = None
            continue
        nxt = next((k for k in out[i + 1 :] if k not in (Kind.BLANK, Kind.BLOCK)), None)
        if kind is Kind.EITHER:
            if last is Kind.LEVEL2:
                kind = Kind.DATA
            elif last is Kind.LEVEL1 or nxt not in (Kind.LEVEL2, Kind.EITHER):
                kind = Kind.LEVEL2
            else:
                kind = Kind.LEVEL1
        elif last is Kind.LEVEL1 and kind is Kind.LEVEL1:
            kind = Kind.LEVEL2  # "实施效果指标 | 产出指标": a 一级 name standing as the 二级 of a wider one
        elif last is Kind.LEVEL2 and kind in (Kind.LEVEL1, Kind.LEVEL2):
            kind = Kind.DATA
        out[i] = kind
        last = None if kind is Kind.DATA else kind
    return out


def join_wrapped_words(rows: list[Row], vocab: Vocabulary) -> list[Row]:
    """Words wrapped over several cells joined into one: "经济效" | "益指标", "年度" ⏎ "指标值",
    "偏差原因" ⏎ "分析及" ⏎ "改进措施", a vertical "产" ⏎ "出" ⏎ "指" ⏎ "标".

    Consecutive short cells (in a row, or alone on consecutive lines) are joined when together
    they spell a word of the vocabulary (a label, a header word, a fact label) and no shorter
    join does better; the first cell takes the joined text, the others are taken out.  The last
    part may be the first word of a cell of several ("效" ⏎ "益" ⏎ "指" ⏎ "标 经济效益", a vertical
    label ending on the line a wrapped 二级 starts): that word joins, the rest of the cell stays.
    """
    words, starts = vocab.joined_words, vocab.joined_word_starts
    out = [r.with_cells(list(r.cells)) for r in rows]  # this function's own copies, changed in place
    # A ruled row takes part when it is a line of text pasted into a table: filled from the left edge
    # and short of the table's end ("绩效指标 一级" ⏎ "指标", each line a row of the Word table).
    flat = [
        (r, i)
        for r, row in enumerate(out)
        if not row.ruled or _pasted_line(row)
        for i, c in enumerate(row.cells)
        if not c.blank
    ]
    gone: set[tuple[int, int]] = set()
    k = 0
    while k < len(flat):
        r, i = flat[k]
        head = out[r].cells[i]
        head_words = _wrapped_tail(head.text.split(), out, flat, k, words)
        joined = label_key(head_words[-1]) if head_words else ""
        if joined not in starts:  # no word of the vocabulary begins with it: nothing joins onto it
            k += 1
            continue
        best, cut_last = 0, False
        for n in range(1, _MAX_WRAP):
            if k + n >= len(flat) or not joined or len(joined) > 16:
                break
            r2, i2 = flat[k + n]
            pr, pi = flat[k + n - 1]
            ends = _last_filled(out[pr])
            continuous = (r2 == pr and i2 == pi + 1) or (r2 == pr + 1 and i2 == 0 and pi == ends)
            part = label_key(out[r2].cells[i2].text)
            if not continuous or not part:
                break
            first = _first_word_key(out[r2].cells[i2])
            if first and joined + first in words:
                best, cut_last = n, True  # the word ends inside this cell: "标 经济效益" after "效" ⏎ "益" ⏎ "指"
            if len(part) > 8:
                break
            joined += part
            if joined in words:
                best, cut_last = n, False
        if best:
            last = head_words[-1]
            pieces = flat[k + 1 : k + best + 1]
            texts = [label_key(out[r2].cells[i2].text) for r2, i2 in pieces]
            if cut_last:
                r2, i2 = pieces[-1]
                texts[-1] = _first_word_key(out[r2].cells[i2])
                out[r2].cells[i2] = _without_first_word(out[r2].cells[i2])
            label = replace(head, text=last + "".join(texts), column=head.column + len(head.text.rstrip()) - len(last))
            before = [replace(head, text=" ".join(head_words[:-1]))] if len(head_words) > 1 else []
            out[r].cells[i] = label
            if before:
                out[r].cells.insert(i, before[0])
                flat = [(rr, ii + 1 if rr == r and ii >= i else ii) for rr, ii in flat]
                r, i = flat[k]
            gone.update(flat[k + 1 : k + best + (0 if cut_last else 1)])
            k += best + (0 if cut_last else 1)  # the rest of a cut cell is read next, as a head of its own
        else:
            k += 1
    result: list[Row] = []
    for r, row in enumerate(out):
        kept = [c for i, c in enumerate(row.cells) if (r, i) not in gone] if gone else row.cells
        if len(kept) == 2 and len(rows[r].cells) == 1 and not row.ruled:
            # A line of one cell cut into two words ("绩效指标 一级" ⏎ "指标"): a line each, so that a
            # header printed one cell per line still reads as one.
            result += [row.with_cells([kept[0]]), row.with_cells([kept[1]])]
        elif kept or not row.cells:
            row.cells = _with_label_notes(kept, vocab) if not row.ruled else kept
            result.append(row)
    return _join_wrapped_columns(result, words, starts)


_NOTE_ONLY = lazy_compile(r"[(（][^()（）\d]+[)）]")  # "(必填)", "（选填）": a note in brackets, no weight


def _with_label_notes(cells: list[Cell], vocab: Vocabulary) -> list[Cell]:
    """A template's bracketed note after a label ("质量指标 (必填)", "经济效益 指标 (选填)"), split off it by
    the space before it, joined back to the label (whose look-up sets it aside) rather than read as
    the row's name."""
    out: list[Cell] = []
    for cell in cells:
        before = out[-1] if out else None
        if (
            before is not None
            and _NOTE_ONLY.fullmatch(squash(cell.text))
            and before.line == cell.line
            and vocab.is_level_label(before.text)
        ):
            out[-1] = replace(before, text=f"{before.text.rstrip()} {cell.text.strip()}")
            continue
        out.append(cell)
    return out


def _wrapped_tail(
    head_words: list[str], rows: list[Row], flat: list[tuple[int, int]], k: int, words: Set[str]
) -> list[str]:
    """The words of a cell, its last one cut where two words run together ("绩效指标一级") when the
    next cell completes the second ("指标": 一级指标) and the first is a word too (绩效指标)."""
    if not head_words or k + 1 >= len(flat):
        return head_words
    last = head_words[-1]
    if label_key(last) != last or last in words:
        return head_words  # asked first: most cells end in a word or in marks, and the next cell is not looked at
    r2, i2 = flat[k + 1]
    part = label_key(rows[r2].cells[i2].text)
    if not part or len(part) > 4:
        return head_words
    for at in range(2, len(last) - 1):
        if last[:at] in words and last[at:] + part in words:
            return [*head_words[:-1], last[:at], last[at:]]
    return head_words


def _join_wrapped_columns(rows: list[Row], words: Set[str], starts: Set[str]) -> list[Row]:
    """A header whose words wrap onto the next line column by column ("年度 实际" ⏎ "指标值 完成值"):
    the next line's cells complete, in order, the cells of the line above that are not words.

    In a ruled table (Word, Excel, a web page) the two lines are two rows only where the text was
    pasted in line by line: the tails then stand from the left edge (or in a row of a web page
    shorter than the table), not under the cells they complete; a second header row of its own
    keeps its merged cells and is no continuation.

    Only a cell that some tail can complete takes part (`starts`: the beginnings of `words`; a cell of no
    text a tail completes alone): a row of data cells, none the beginning of a word, completes nothing.
    Leaving the others out changes no join, since each tail goes to the next cell it completes."""
    out: list[Row] = []
    skip = False
    for i, row in enumerate(rows):
        if skip:
            skip = False
            continue
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        pasted = nxt is not None and row.ruled and (not nxt.ruled or from_left_edge(nxt.cells))
        # len(row.cells) first: a row of one or two cells (one cell per line) is not looked into
        if (
            nxt is not None
            and (not row.ruled or pasted)
            and len(row.cells) >= 3
            and len(row.filled) >= 3
            and nxt.filled
        ):
            parts = [c for c in row.cells if not c.blank and _may_begin(label_key(c.text), words, starts)]
            tails = [word for c in nxt.filled for word in c.text.split()] if parts else []
            joined = _complete(parts, tails, words) if tails else {}
            if joined:
                out.append(row.with_cells([joined.get(id(c), c) for c in row.cells]))
                skip = True
                continue
        out.append(row)
    return out


def _may_begin(key: str, words: Set[str], starts: Set[str]) -> bool:
    """A cell of label key `key`, not a word itself, may be completed into one by what follows it."""
    return key not in words and (key in starts or not key)


def _first_word_key(cell: Cell) -> str:
    """The label key of the first of a cell's several words ("" when it has one word only)."""
    words = cell.text.split()
    return label_key(words[0]) if len(words) > 1 else ""


def _without_first_word(cell: Cell) -> Cell:
    """The cell with its first word taken off (that word ended a label wrapped onto its line)."""
    first = cell.text.split()[0]
    start = cell.text.index(first) + len(first)
    rest = cell.text[start:]
    offset = start + len(rest) - len(rest.lstrip())
    return replace(cell, text=rest.strip(), column=cell.column + offset)


def _pasted_line(row: Row) -> bool:
    """A ruled row filled from the left edge that stops short of the table's end.  Read before any header
    is known, so only against the row's own width; RowLayout.pasted_line is the test against a header."""
    return from_left_edge(row.cells) and row.cells[-1].blank


def _last_filled(row: Row) -> int:
    """The index of the last filled cell of `row` (of the last cell when it is unruled)."""
    if not row.ruled:
        return len(row.cells) - 1
    return max((i for i, c in enumerate(row.cells) if not c.blank), default=-1)


def from_left_edge(cells: list[Cell]) -> bool:
    """A row whose cells are filled from the first column on, with nothing after a first empty one."""
    filled = [not c.blank for c in cells]
    return bool(filled) and filled[0] and all(filled[: sum(filled)])


_MAX_WRAP = 6  # a word is not wrapped over more cells than this


def _complete(parts: list[Cell], tails: list[str], words: Set[str], cut: bool = True) -> dict[int, Cell]:
    """Each tail (a word of the next line), in order, completes the next part it makes a word with;
    {} unless all do.  A tail that completes none may be two tails that lost the space between them
    (a PDF cell wrapped at that space: "指标值完成值"), when each half completes a part (`cut`)."""
    joined: dict[int, Cell] = {}
    at = 0
    for k, tail in enumerate(tails):
        start = at
        while at < len(parts) and label_key(parts[at].text) + label_key(tail) not in words:
            at += 1
        if at == len(parts):
            for i in range(1, len(tail)) if cut else ():
                rest = _complete(parts[start:], [tail[:i], tail[i:], *tails[k + 1 :]], words, cut=False)
                if rest:
                    return joined | rest
            return {}
        part = parts[at]
        joined[id(part)] = replace(part, text=label_key(part.text) + label_key(tail))
        at += 1
    return joined
