"""Indicator rows of a 自评表 in the tab-rows layout.

A row is read from both ends, never by column index (rows shift by a cell):

* from the left, the level names it prints (一级 / 二级, recognised by name);
  blank ones inherit from the rows above;
* from the right, the trailing bare numbers are 分值 and 得分 (得分 may be
  missing) and any text after them is the 偏差 note;
* what lies between is 三级指标, 年初指标值, 调整后指标值, 实际完成值: four
  cells on a full row; on a short row the 实际完成值 is the cell next to the
  分值 and the others fill from the left.

A merged 二级 cell may print its label on a middle row of the rows it spans, that row short of
one cell (place_middle_labels): the label is the rows' around it, not only the ones below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi_lint.model import EmptyCategory, Form, Indicator, Located, place_of
from kpi_lint.parse.common import LEVEL2_PARENT, canonical_level1, canonical_level2, make_indicator
from kpi_lint.parse.rows_cells import Cell, Row, filled

_BLOCK_LABEL = "绩效指标"  # the merged left-hand cell of the block, printed on the header or first row
_SLOTS = ("level3", "value", "adjusted_value", "actual")


def is_indicator_header(row: Row) -> bool:
    keys = {cell.key for cell in filled(row)}
    return "三级指标" in keys and bool(keys & {"一级指标", "二级指标"})


@dataclass
class Levels:
    """The 一级 / 二级 in force: a blank level cell inherits these."""

    level1: str | None = None
    level2: str | None = None


@dataclass
class RowResult:
    indicator: Indicator | None = None
    empty: EmptyCategory | None = None
    problems: list[str] = field(default_factory=list)


def _take_labels(cells: Row) -> tuple[Cell | None, Cell | None, Row]:
    """(一级 cell, 二级 cell, remaining cells) from the left of a row."""
    if not cells:
        return None, None, cells
    head, nxt = cells[0], cells[1] if len(cells) > 1 else None
    next_is_level2 = nxt is not None and canonical_level2(nxt.key) is not None
    if canonical_level1(head.key):
        if canonical_level2(head.key) and not next_is_level2:
            return None, head, cells[1:]  # a lone 成本指标 is the 二级 of 产出
        if next_is_level2 and nxt is not None:
            return head, nxt, cells[2:]
        return head, None, cells[1:]
    if canonical_level2(head.key):
        return None, head, cells[1:]
    return None, None, cells


def _parent(level2: str, current: str | None) -> str:
    """The 一级 of a 二级 printed alone: the one in force if it may hold it."""
    allowed = {LEVEL2_PARENT[level2]}
    if level2 == "成本指标":
        allowed.add("成本指标")  # newer templates make 成本指标 a 一级 of its own
    return current if current in allowed else LEVEL2_PARENT[level2]


def _update_levels(levels: Levels, label1: Cell | None, label2: Cell | None) -> None:
    if label1:
        levels.level1 = canonical_level1(label1.key)
        levels.level2 = None  # a new 一级 group: the old 二级 no longer applies
    if label2:
        level2 = canonical_level2(label2.key)
        levels.level2 = level2
        if level2 and not label1:
            levels.level1 = _parent(level2, levels.level1)


def _split_numbers(rest: Row) -> tuple[Row, Cell | None, Cell | None, Row]:
    """(text cells, 分值, 得分, 偏差 cells): the numbers are the last bare numbers of the row."""
    last = next((i for i in range(len(rest) - 1, -1, -1) if rest[i].is_plain_number), None)
    if last is None:
        return rest, None, None, []
    if last >= 1 and rest[last - 1].is_plain_number:
        return rest[: last - 1], rest[last - 1], rest[last], rest[last + 1 :]
    return rest[:last], rest[last], None, rest[last + 1 :]  # 得分 not printed (004 line 837)


def _level3_left_blank(row: Row, label2: Cell | None, middle: Row) -> bool:
    """True when the cell right after the printed 二级 is empty: the row names a category, no 三级指标."""
    if label2 is None or not middle:
        return False
    after = label2.index + 1
    return after < len(row) and not row[after].text and middle[0].index > after


def _assign(middle: Row, slots: list[str], has_weight: bool) -> dict[str, Cell]:
    if len(middle) >= len(slots):
        out = dict(zip(slots[:-1], middle, strict=False))
        out[slots[-1]] = middle[-1]
        return out
    # A short row: the 实际完成值 sits next to the 分值; the rest fill from the left.
    if has_weight and middle and (len(middle) >= 2 or "level3" not in slots):
        left_slots = [s for s in slots if s != "actual"]
        out = dict(zip(left_slots, middle[:-1], strict=False))
        out["actual"] = middle[-1]
        return out
    return dict(zip(slots, middle, strict=False))


def parse_indicator_row(row: Row, levels: Levels, *, path: str, project: str) -> RowResult:
    """One line of the indicator block; updates `levels` with the names it prints."""
    cells = [cell for cell in filled(row) if cell.key != _BLOCK_LABEL]
    result = RowResult()
    if not cells:
        return result
    label1, label2, rest = _take_labels(cells)
    _update_levels(levels, label1, label2)
    middle, weight, score, deviation = _split_numbers(rest)
    slots = list(_SLOTS)
    if len(middle) < len(slots) and _level3_left_blank(row, label2, middle):
        slots.remove("level3")
    got = _assign(middle, slots, weight is not None)
    if len(middle) > len(slots):
        extra = "、".join(c.text for c in middle[len(slots) - 1 : -1])
        result.problems.append(f"{place_of(row[0].line)}指标行单元格多于预期，未识别的内容：{extra}")

    def loc(name: str) -> Located | None:
        cell = got.get(name)
        return cell.located if cell else None

    level3 = loc("level3")
    if label2 is not None and level3 is None and levels.level2:
        value = got.get("value")
        result.empty = EmptyCategory(
            period=None,
            level1=levels.level1,
            level2=levels.level2,
            line=label2.line,
            column=label2.column,
            note=value.text if value else None,
        )
    if level3 is None and not got and weight is None:
        return result  # only level names: nothing scored on this row
    ind = make_indicator(
        path=path,
        project=project,
        form=Form.SELF_EVALUATION,
        period=None,
        level1=levels.level1,
        level2=levels.level2,
        level3=level3,
        value=loc("value"),
        row_line=cells[0].line,
        row_column=cells[0].column,
        level1_cell=label1.located if label1 else None,
        level2_cell=label2.located if label2 else None,
        adjusted_value=loc("adjusted_value"),
        actual=loc("actual"),
        weight=weight.located if weight else None,
        score=score.located if score else None,
        deviation=deviation[0].located if deviation else None,
    )
    if len(deviation) > 1:
        result.problems.append(f"{place_of(row[0].line)}得分之后有多个单元格，只取第一个作为偏差原因")
    result.indicator = ind
    return result


def place_middle_labels(header: Row, rows: list[Row], found: list[Indicator | None]) -> None:
    """Give a merged 二级 cell's label to the rows above its printed line that it spans.

    A table printed with its empty cells (the slots a merged 一级/二级 cell covers print as empty
    cells, the 三级指标 under its header) prints a merged cell's label once, on one of its rows.
    When that row stands one cell short (the label under the 一级 column, left of 二级指标) right
    after rows that line up with the header and print no label, the label was printed at the
    middle of its cell, not at its top: a label centred on its rows prints on the boundary of the
    two middle ones when their number is even, and the row short of a cell is that boundary's
    lower row.  Its cell then spans as many rows above the printed line as below it, plus the one
    above the boundary.  Only rows since the last printed label are taken (the label above keeps
    its own row), under the same 一级.  `found`: each row's indicator (None when it gave none).
    """
    keys = {cell.key: cell.index for cell in filled(header)}
    col2, col3 = keys.get("二级指标"), keys.get("三级指标")
    if col2 is None or col3 is None:
        return
    unlabelled: list[Indicator] = []
    labelled = [_labels(row) for row in rows]
    for k, indicator in enumerate(found):
        label1, label2, rest = labelled[k]
        if label1 is None and label2 is None:
            lined_up = indicator is not None and bool(rest) and rest[0].index == col3
            unlabelled = [*unlabelled, indicator] if lined_up and indicator is not None else []
            continue
        above, unlabelled = unlabelled, []
        if label1 is not None or label2 is None or label2.index >= col2 or indicator is None or not above:
            continue
        if any(a.level1 != indicator.level1 for a in above):
            continue
        below = 0
        for later in range(k + 1, len(rows)):
            if labelled[later][0] is not None or labelled[later][1] is not None:
                break
            below += found[later] is not None
        for a in above[-(below + 1) :]:
            a.level2 = indicator.level2


def _labels(row: Row) -> tuple[Cell | None, Cell | None, Row]:
    return _take_labels([cell for cell in filled(row) if cell.key != _BLOCK_LABEL])
