"""Items of a list or a prose report with no table header: a name and its target in one line.

"参训人员结业率≥100%;", "完成时限,2025年10月底前;", "机柜数量(≥77台)", or a report's labelled figures
("…(项),目标值2,完成值2,分值6,得分6。").  Each function reads one cell into rows of (column, role)
placements, or returns None when the cell is no such item; the block reader (form_block) keeps
what a list has shown so far (bracketed targets, numbered items) and passes it in.
"""

from __future__ import annotations

from dataclasses import replace

from kpi_lint.grid import Cell
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.form_glued import glued_rows
from kpi_lint.parse.form_segment import Placed
from kpi_lint.parse.numbering import INDICATOR_NUMBER
from kpi_lint.parse.row_continues import MAX_WRAPPED_TARGET
from kpi_lint.vocab import Vocabulary, label_key

_ITEM_END = "；;。，, "
_NAME_TARGET = lazy_compile(r"^(?P<name>.+?)[(（](?P<target>[^()（）]+)[)）]$")
_UNIT_LIKE = lazy_compile(r"^(?:%|‰|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,3})*)$")  # "万元", "元/人"
_LIST_SIGNS = "<>=≥≤≧≦"  # the signs a listed target may open with
TARGET_START = lazy_compile(rf"^\s*(?:[{_LIST_SIGNS}]|\d)")
_MAX_LISTED_TARGET = 12  # "名称,提高": a longer tail after the comma is the name's own clause


_FIELD_SEP = lazy_compile(r"[,，;；]")
_FIELD_ROLES = ("value", "actual", "adjusted_value", "weight", "score")
_FIELD_GLUE = lazy_compile(r"\s*(?:[:：为是]\s*)?")  # matched from the label's end (no "^": it would only match at 0)
_MAX_FIELD_LABEL = 8
_NAME_COLON = lazy_compile(r"[:：]")
_QUOTED = lazy_compile(r"[“\"'‘](.+)[”\"'’]")


def labelled_item(cell: Cell, vocab: Vocabulary) -> list[Placed] | None:
    """One item of a report written as prose, its figures labelled with header words:
    "1)主导制修订国家标准的项目数量(项),目标值2,完成值2,分值6,得分6。", or the name closed by a colon
    and the target quoted: "设施质量合格率:指标值为“100%”,使用…均为合格产品,完成值为100%;" (the
    words between labelled figures are the report's comment, not fields)."""
    text = cell.text.rstrip().rstrip("。；;")
    cuts = [m.start() for m in _FIELD_SEP.finditer(text)]
    colon = _NAME_COLON.search(text)
    if colon is not None and (not cuts or colon.start() < cuts[0]) and _field(text[colon.end() :], vocab):
        cuts = [colon.start(), *cuts]
    if not cuts:
        return None
    record: list[tuple[tuple[int, str], Cell]] = []
    for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        piece = text[start + 1 : end]
        lead = len(piece) - len(piece.lstrip())
        field = _field(piece.strip(), vocab)
        if field is None:
            if colon is not None and record:
                continue  # a comment of the report between its figures
            return None  # a comma inside the name or a sentence: not a list of labelled figures
        role, at = field
        value = piece.strip()[at:]
        quoted = _QUOTED.fullmatch(value)
        if quoted is not None:
            at, value = at + 1, quoted[1]
        column = cell.column + start + 1 + lead + at
        record.append(((len(record) + 1, role), replace(cell, text=value, column=column)))
    if not any(role in ("value", "actual") for (_, role), _ in record):
        return None
    name = text[: cuts[0]]
    lead = len(name) - len(name.lstrip())
    return [[((0, "level3"), replace(cell, text=name.strip(), column=cell.column + lead)), *record]]


def _field(piece: str, vocab: Vocabulary) -> tuple[str, int] | None:
    """("目标值200") → ("value", 3): the role a labelled figure names and where its figure starts."""
    for size in range(min(_MAX_FIELD_LABEL, len(piece) - 1), 1, -1):
        role = vocab.columns.get(label_key(piece[:size]))
        if role in _FIELD_ROLES:
            glue = _FIELD_GLUE.match(piece, size)
            at = glue.end() if glue else size
            return (role, at) if piece[at:].strip() else None
    return None


def bracketed_item(cell: Cell, columns: list[tuple[int, str]], worded: bool) -> list[Placed] | None:
    """A listed name with its target in brackets: "机柜数量(≥77台)"; once a list has written its
    figures so, a worded bracket is a target too ("为全市经济发展保驾护航(正面支撑)"), unless it is a
    unit or a placeholder ("(万元)", "(≥**%)")."""
    text = cell.text.strip().rstrip(_ITEM_END)
    bracketed = _NAME_TARGET.match(text)
    if bracketed is None:
        return None
    target = bracketed.group("target").strip()
    if not TARGET_START.match(target):
        if not worded or not 2 <= len(target) <= MAX_WRAPPED_TARGET or _UNIT_LIKE.match(target):
            return None
        if any(ch.isdigit() or ch in "*＊" for ch in target):
            return None
    level3 = next(col for col in columns if col[1] == "level3")
    value = next(col for col in columns if col[1] == "value")
    name_cell = replace(cell, text=bracketed.group("name"))
    target_cell = replace(cell, text=target, column=cell.column + cell.text.index(target))
    return [[(level3, name_cell), (value, target_cell)]]


NUMBERED_ITEM = lazy_compile(rf"\s*{INDICATOR_NUMBER}\s*[:：]")


def list_item(cell: Cell, columns: list[tuple[int, str]], named: bool = False) -> list[Placed] | None:
    """One line of a list with no header: "参训人员结业率≥100%;", "完成时限,2025年10月底前;".
    `named`: the next line is a target alone, so a comma in this one is inside the name."""
    text = cell.text.strip().rstrip(_ITEM_END)
    level3 = next(col for col in columns if col[1] == "level3")
    value = next(col for col in columns if col[1] == "value")
    name, comma, target = max(text.rpartition("，"), text.rpartition(","), key=lambda parts: len(parts[0]))
    if comma and name.strip() and 0 < len(target.strip()) <= _MAX_LISTED_TARGET and not named:
        at = cell.column + cell.text.index(target, len(name))
        return [[(level3, replace(cell, text=name.strip())), (value, replace(cell, text=target.strip(), column=at))]]
    if not any(ch.isdigit() or ch in _LIST_SIGNS for ch in text):
        return None  # a name alone; its target follows on the next line
    found = glued_rows(replace(cell, text=text), columns)
    return found if found and len(found) == 1 and len(found[0]) >= 2 else None


def whole_rows(found: list[Placed]) -> bool:
    """Two or more rows cut from one cell, each with a name and a target, or a name and the points it
    scored (a self-evaluation's row whose target was never set: "“三公经费变动率%100%22否")."""
    return len(found) >= 2 and all(any(role in _ROW_FILLED for (_, role), _ in placed) for placed in found)


_ROW_FILLED = ("value", "actual", "score")
