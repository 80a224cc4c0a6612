"""一级/二级 labels glued onto the 三级指标 of a table that lost its column breaks.

A table copied from a web page with every separator lost prints each row as one run of text:
"产出指标数量指标农村义务教育学校改造覆盖率100%", then "质量指标校舍维修改造质量合格率100%", then
"购置设施设备质量合格率100%" (the merged 一级/二级 cells are printed once, glued onto the first
name of their group). The row reader cuts off the value but cannot tell the labels from the name,
so the project comes out with no 一级/二级 at all and the labels inside its names.

Here such a project gets its labels back: a name that begins with known labels (levels.txt,
whole words ending in 指标) loses them to its 一级/二级, and the rows after it inherit them until
the next label, as merged cells do. Only projects with no 二级 at all are touched: a table that
was read with its label columns keeps what the reader found.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Indicator, Project
from kpi_lint.vocab import Vocabulary, squash


def peel_level_labels(project: Project, vocab: Vocabulary) -> bool:
    """Move labels glued onto the start of the 三级指标 into 一级/二级; True when any was found."""
    if any(ind.level1 or ind.level2 for ind in project.indicators):
        return False
    pattern = vocab.glued_label_pattern
    if pattern is None:
        return False
    level1: str | None = None
    level2: str | None = None
    found = False
    rows: list[Indicator] = []
    for ind in project.indicators:
        name = ind.level3 or ""
        start = len(name) - len(name.lstrip())
        at = start
        while (m := pattern.match(name, at)) is not None:
            label = m.group(0)
            two = vocab.canonical_level2(label)
            one = vocab.canonical_level1(label)
            if two:
                level2, level1 = two, vocab.parent_of(two) or level1
            elif one:
                level1, level2 = one, None
            at = m.end()
        rest = name[at:].strip()
        if at == start or not rest:
            rows.append(replace(ind, level1=level1, level2=level2) if found else ind)
            continue
        found = True
        spans = dict(ind.spans)
        loc = spans.get("level3")
        column = ind.column
        if loc is not None:
            offset = name.index(rest, at) if loc.anchor is None else 0  # a text file's column moves with it
            spans["level3"] = replace(loc, text=rest, column=loc.column + offset)
            column = spans["level3"].column if ind.column == loc.column else ind.column
        rows.append(replace(ind, level1=level1, level2=level2, level3=rest, spans=spans, column=column))
    if found:
        project.indicators = rows
    return found


def labels_glued_before(cell: Cell, vocab: Vocabulary) -> list[Cell]:
    """A line that is one cell opening with 一级/二级 labels glued onto a name ("质量指标机关事务正常运转率…",
    a table whose rows lost their separators, the merged label printed once on its group's first row):
    the labels as cells of their own, then the rest; [cell] when it opens with no label or is nothing else."""
    pattern = vocab.glued_label_pattern
    text = cell.text
    at = len(text) - len(text.lstrip())
    pieces: list[Cell] = []
    while pattern is not None and (m := pattern.match(text, at)) is not None:
        pieces.append(replace(cell, text=m.group(0), column=cell.column + m.start()))
        at = m.end()
    rest = text[at:]
    if not pieces or _NAME_START.match(rest) is None:
        return [cell]
    return [*pieces, replace(cell, text=rest, column=cell.column + at)]


_NAME_START = lazy_compile(r"[\u4e00-\u9fff]{2}")  # a name opens with words, not with a figure or a colon

# A row label of a table's own title column, closed by the kind of its rows in brackets: "项目年度绩效目标(定量指标)",
# "年度绩效指标（定性指标）".  No indicator name carries its kind so.
_TITLE_WORD = lazy_compile(r"[\u4e00-\u9fff]{2,16}[(（][\u4e00-\u9fff]{0,4}指标[)）]")
# A category of the table's own after it, a short word ending in 指标 ("制度指标").
_OWN_CATEGORY = lazy_compile(r"[\u4e00-\u9fff]{2,6}?指标")


def own_category(text: str) -> bool:
    """The whole text is a short word ending in 指标 ("制度指标"): a category a table names of its own."""
    return _OWN_CATEGORY.fullmatch(squash(text)) is not None


def title_glued_before(cell: Cell) -> tuple[Cell, Cell | None, Cell] | None:
    """A line that is one cell opening with the row label of a column the header prints before its
    三级指标 and gives no role ("评价指标 | 评价内容 | 指标名称 …" over "项目年度绩效目标(定量指标)制度指标规章制度
    建立与否20"): that label, the category of the table's own glued after it when one is (a short word
    ending in 指标 followed by a name), and the rest; None when the line opens with no such label.  The
    label and the category are no part of the name."""
    text = cell.text
    at = len(text) - len(text.lstrip())
    title = _TITLE_WORD.match(text, at)
    if title is None or _NAME_START.match(text, title.end()) is None:
        return None
    head = replace(cell, text=title.group(0), column=cell.column + title.start())
    rest_at = title.end()
    category = _OWN_CATEGORY.match(text, rest_at)
    label = None
    if category is not None and _NAME_START.match(text, category.end()) is not None:
        label = replace(cell, text=category.group(0), column=cell.column + category.start())
        rest_at = category.end()
    return head, label, replace(cell, text=text[rest_at:], column=cell.column + rest_at)
