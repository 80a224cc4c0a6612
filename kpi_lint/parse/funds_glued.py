"""The funds block of a self-evaluation whose cells a preview glued together.

"全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10": the header still names the
columns in order, but the figures under them run into one string of digits.  The figure with "%" is the
rate; the digits before it are the columns printed before 执行率, those after it the columns after.  A cut
of the digits is kept only when the figures hang together as the form computes them: 执行数 over 预算数
gives the printed rate within rounding (a rate of 0 tells no cut from another, so it anchors none), 分值
is at most 100 and not below 得分, 结余 is 预算数 less 执行数.
A form that prints 执行率 as B/A without "%" ("预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额
1.561.56120") has one run of digits: its rate is a ratio (1 = 100%), and its 得分 is at most the points the
block's label gives budget execution ("预算执行情况(万元)(20分)", `points`) when no 分值 column prints them.
When no cut, or more than one reading, satisfies them, nothing is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi_lint.grid import Cell
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Execution, Located
from kpi_lint.vocab import Vocabulary

_OPTIONAL = frozenset({"declared", "budgeted", "balance", "score"})  # columns a form may leave blank
_FIELDS = frozenset({"declared", "budgeted", "full_year", "executed", "balance", "rate", "weight", "score"})
_FIGURE = lazy_compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
# "(A)", "(B/A)", "(20分*执行率)" after a column word
_LABEL_TAIL = lazy_compile(r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*")
_RUN = lazy_compile(r"\s*[:：]?\s*([\d.]+)%([\d.]*)")
_RATIO_RUN = lazy_compile(r"\s*[:：]?\s*([\d.]+)()")  # no "%": the rate a ratio inside the one run
_TOTAL_PREFIX = 6  # characters a 总额 label may have before its word ("年度财政" of 年度财政资金总额)
_MAX_DIGITS = 40  # longer runs are not one row of figures


def glued_execution(cell: Cell, vocab: Vocabulary, unit: str, points: float | None = None) -> Execution | None:
    """The execution figures of a glued funds header and total row inside `cell`, or None."""
    text = cell.text
    percent = "%" in text
    if not percent and not any(w in text for w in vocab.rate_words):
        return None  # no printed rate to anchor a cut (the common case: every line before a table)
    order, end = _header(text, vocab)
    if len(order) < 3 or "rate" not in order or "executed" not in order:
        return None
    if "full_year" not in order and "budgeted" not in order:
        return None
    label = _total_label(text, end, vocab)
    if label is None:
        return None
    start, total = label
    run = _RUN.match(text, total) if percent else None
    ratio = run is None
    if ratio:
        run = _RATIO_RUN.match(text, total)
    if run is None or len(run.group(1)) + len(run.group(2)) > _MAX_DIGITS:
        return None
    at = len(order) if ratio else order.index("rate")
    readings = [
        (before, after)
        for before in _cuts(run.group(1), order[: at + 1], required_last=not ratio)
        for after in _cuts(run.group(2), order[at + 1 :], required_last=False)
        if _hangs_together(dict(zip(order, [*before, *after], strict=True)), ratio=ratio, points=points)
    ]
    if len({tuple(b + a) for b, a in readings}) != 1:
        return None
    before, after = readings[0]
    ex = Execution.unread(unit, cell.line, cell.column + start)
    for name, piece, start in _placed(order, before, after, run):
        if piece and name in _FIELDS:
            setattr(ex, name, float(piece) * (100 if ratio and name == "rate" else 1))
            ex.spans[name] = Located(piece, cell.line, cell.column + start, cell.anchor)
    return ex


def _header(text: str, vocab: Vocabulary) -> tuple[list[str], int]:
    """The column roles a run of header words names, in order, and where the run ends."""
    pattern = vocab.fund_column_pattern
    if pattern is None:
        return [], 0
    order: list[str] = []
    end = 0
    for m in pattern.finditer(text):
        if m.start() < end:
            continue  # a column word inside the bracket after another ("得分(20分*执行率)")
        if order and text[end : m.start()].strip():
            if len(order) >= 3:
                break
            order = []  # words apart from each other: not one header
        order.append(vocab.fund_columns[m.group()])
        end = _LABEL_TAIL.match(text, m.end()).end()  # type: ignore[union-attr]
    return order, end


def _total_label(text: str, start: int, vocab: Vocabulary) -> tuple[int, int] | None:
    """Where the label of the 资金总额 row, right after the header, starts and ends (its longest word)."""
    labels = [w for w, source in vocab.fund_sources.items() if source == "总额"]
    found = [
        (start + len(text[start:at]) - len(text[start:at].lstrip()), at + len(w))
        for w in labels
        if (at := text.find(w, start)) >= 0
        and (
            not text[start:at].strip() or (at - start <= _TOTAL_PREFIX and _is_total(text[start : at + len(w)], vocab))
        )
    ]
    return min(found, key=lambda span: (span[0], -span[1])) if found else None


def _is_total(label: str, vocab: Vocabulary) -> bool:
    """ "年度财政资金总额": a label the 总额 word closes, read as the 总额 row (no figure inside it)."""
    return not any(ch.isdigit() for ch in label) and vocab.fund_source(label) == "总额"


def _cuts(digits: str, roles: list[str], *, required_last: bool) -> Iterator[list[str]]:
    """Every way to cut `digits` into one figure (or a blank) per role, in order."""
    if not roles:
        if not digits:
            yield []
        return
    role, rest = roles[0], roles[1:]
    must = role not in _OPTIONAL or (required_last and not rest)
    if not must:
        for tail in _cuts(digits, rest, required_last=required_last):
            yield ["", *tail]
    for m in range(1, len(digits) + 1):
        piece = digits[:m]
        if _FIGURE.fullmatch(piece):
            for tail in _cuts(digits[m:], rest, required_last=required_last):
                yield [piece, *tail]


def _half_unit(piece: str) -> float:
    decimals = len(piece.partition(".")[2])
    return 0.5 * 10.0**-decimals


def _hangs_together(pieces: dict[str, str], *, ratio: bool = False, points: float | None = None) -> bool:
    base_piece = pieces.get("full_year") or pieces.get("budgeted") or ""
    executed, rate = pieces.get("executed", ""), pieces.get("rate", "")
    if not (base_piece and executed and rate):
        return False
    scale = 100 if ratio else 1  # a ratio (1 = 100%) is compared in percent
    base, spent, printed = float(base_piece), float(executed), float(rate) * scale
    if base <= 0 or not _half_unit(rate) * scale < printed <= 200:
        return False  # a zero rate is reproduced by any small 执行数: it cannot tell cuts apart
    # The rate the printed amounts allow, each amount anywhere in its rounding interval.
    low = max(spent - _half_unit(executed), 0) / (base + _half_unit(base_piece)) * 100
    high_base = base - _half_unit(base_piece)
    high = (spent + _half_unit(executed)) / high_base * 100 if high_base > 0 else float("inf")
    slack = _half_unit(rate) * scale
    if not low - slack <= printed <= high + slack:
        return False
    weight, score = pieces.get("weight", ""), pieces.get("score", "")
    if weight and (float(weight) > 100 or (score and float(score) > float(weight))):
        return False
    if score and not weight and (points is None or float(score) > points):
        return False
    balance = pieces.get("balance", "")
    return not balance or abs(base - spent - float(balance)) <= _half_unit(balance) + _half_unit(base_piece) * 2


def _placed(
    order: list[str], before: list[str], after: list[str], run: re.Match[str]
) -> Iterator[tuple[str, str, int]]:
    """Each role's figure with where it starts in the cell's text."""
    at = run.start(1)
    for name, piece in zip(order, before, strict=False):
        yield name, piece, at
        at += len(piece)
    at = run.start(2)
    for name, piece in zip(order[len(before) :], after, strict=True):
        yield name, piece, at
        at += len(piece)
