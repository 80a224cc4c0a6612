"""What one cell of an indicator block is: a 一级 or 二级 label, a column label, or data.

Labels are told by the vocabulary (``lexicons/levels.txt``).  A few names are both a 一级 and a
二级 (成本指标 in the 财预〔2021〕101号 template, 满意度指标), and a 三级指标 may be spelled like
a category ("服务对象满意度"), so the order of the cells decides: 一级 before 二级 before data.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from kpi_lint.grid import Cell, Row
from kpi_lint.vocab import Vocabulary, label_key

# Cells that label the whole indicator block or a period group, not a row.
BLOCK_LABELS = {
    "绩效指标", "年度绩效指标", "实施期绩效指标", "中期绩效指标", "长期绩效指标", "指标", "绩效目标指标",
    "年度绩效目标", "实施期绩效目标", "中期绩效目标", "年度指标", "实施期指标", "中期指标", "绩效指标体系",
}


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
    key = label_key(cell.text)
    if key in BLOCK_LABELS or not key:  # a weight left alone ("(50分)") labels nothing
        return Kind.BLOCK
    one = vocab.canonical_level1(key)
    two = vocab.canonical_level2(key)
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
    otherwise a 二级; a second 二级 (or an EITHER after a 二级) in the same run is a 三级指标
    that happens to read like a category.
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
        elif (last is Kind.LEVEL2 and kind is Kind.LEVEL2) or (last is not None and kind is Kind.LEVEL1):
            kind = Kind.DATA
        out[i] = kind
        last = None if kind is Kind.DATA else kind
    return out


def join_wrapped_labels(rows: list[Row], vocab: Vocabulary) -> list[Row]:
    """Labels wrapped over two cells ("经济效益" | "指标", "项目完成" ⏎ "指标") joined into one.

    The second part stands in the next cell of the row or alone at the start of the next row;
    it is blanked, and the first cell takes the joined text.
    """
    out = [Row(list(r.cells), r.ruled) for r in rows]
    for r, row in enumerate(out):
        for i, cell in enumerate(row.cells):
            if cell.blank or kind_of(cell, vocab) is not Kind.DATA:
                continue
            if i + 1 < len(row.cells):
                nxt_row, j = row, i + 1
            elif r + 1 < len(out) and out[r + 1].cells and len(out[r + 1].filled) <= 2:
                nxt_row, j = out[r + 1], 0
            else:
                continue
            tail = nxt_row.cells[j]
            if label_key(tail.text) not in ("指标", "指标名称"):
                continue
            head_words = cell.text.split()
            joined = head_words[-1] + "指标"
            if vocab.canonical_level1(joined) is None and vocab.canonical_level2(joined) is None:
                continue
            label = replace(cell, text=joined, column=cell.column + len(cell.text) - len(head_words[-1]))
            before = [replace(cell, text=" ".join(head_words[:-1]))] if len(head_words) > 1 else []
            row.cells[i : i + 1] = [*before, label]
            nxt_row.cells[j + (len(before) if nxt_row is row else 0)] = replace(tail, text="")
    return out
