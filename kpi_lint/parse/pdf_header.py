"""PDF-text layout, step 2: the part of a 申报表 above the indicator block.

A project's section runs from its 项目名称 line to the next one.  Its labels
(项目名称, 主管部门及代码, 项目资金, 项目概况, …, 总体目标) start lines; a value
follows its label on the same line or on the lines below it, up to the next
label.  Two irregularities of the extraction are handled here:

* the label cells of a header row may come out before their values
  ("主管部门及代码" / "项目属性" / "207-…" / "一次性项目…"): values are given to the
  labels in the order the labels were printed;
* the 项目资金 block prints each source twice (实施期, then 年度), labels wrapped
  ("其中：中央\\n财政资金") and sometimes after their amount: the sources come in
  a fixed order, so a label only says which source is current, and the amounts
  of a source are its 实施期 then its 年度 figure.

A period's goal label ("实施期目标", "年度目标") is a period word of the lexicon
folder (periods.txt) before 目标: `Labels.of` builds the labels from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi_lint.model import PERIOD_ANNUAL, PERIOD_IMPLEMENTATION, FundItem, Located, Project
from kpi_lint.parse.common import squash, to_number
from kpi_lint.parse.pdf_text import PdfText, Tok, display_width
from kpi_lint.period_words import PeriodWords

NAME_LABEL = "项目名称"
_HEADER_LABELS: dict[str, str] = {
    "主管部门及代码": "department",
    "实施单位": "implementer",
    "项目属性": "attribute",
    "项目期": "duration",
}
FUNDS_LABEL = "项目资金"
NARRATIVE_LABELS: dict[str, str] = {
    "项目概况": "overview",
    "立项依据": "legal_basis",
    "项目设立必要性": "necessity",
    "保证项目实施的制度、措施": "measures",
    "项目实施计划": "plan",
}
GOAL_LABEL = "总体目标"
TABLE_HEADER = "一级指标"
_FIXED_LABELS = (NAME_LABEL, *_HEADER_LABELS, FUNDS_LABEL, *NARRATIVE_LABELS, GOAL_LABEL, TABLE_HEADER)
# 项目资金 sources in the order the form prints them, with the words that name them.
FUND_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("总额", ("总额",)),
    ("中央财政资金", ("中央",)),
    ("省级财政资金", ("省级",)),
    ("市县(区)财政资金", ("市县",)),
    ("单位自筹", ("自筹",)),
    ("其他资金", ("其他",)),
)
_PERIODS = (PERIOD_IMPLEMENTATION, PERIOD_ANNUAL)


@dataclass(frozen=True)
class Labels:
    """The labels that open a line above the indicator block: the form's fixed ones, 总体目标, and a period's goal
    ("实施期目标 年度目标" heads the goals) for each period word of the lexicon folder."""

    goals: frozenset[str]  # 总体目标 and the periods' goal labels
    ordered: tuple[str, ...]  # every label, longest first

    @classmethod
    def of(cls, words: PeriodWords) -> Labels:
        goals = {GOAL_LABEL, *(f"{word}目标" for word, _ in (*words.named, *words.opening))}
        return cls(frozenset(goals), tuple(sorted({*_FIXED_LABELS, *goals}, key=lambda label: (-len(label), label))))

    def label_of(self, tok: Tok) -> str | None:
        """The label a line's first token is, if any (longest match, the rest may be content)."""
        key = squash(tok.norm).rstrip(":：")
        return next((label for label in self.ordered if key.startswith(label)), None)


@dataclass
class Line:
    index: int  # 0-based
    tokens: list[Tok]
    label: str | None  # the label its first token is (Labels.label_of)


def content_lines(text: PdfText, start: int, end: int, labels: Labels) -> list[Line]:
    out = []
    for i in range(start, end):
        toks = text.tokens(i)
        if toks:
            out.append(Line(i, toks, labels.label_of(toks[0])))
    return out


def after_label(tok: Tok, label: str) -> Tok | None:
    """The content glued to a label in the same token ("总体目标2023…"), if any."""
    n = 0
    for k, ch in enumerate(tok.norm):  # the label may be printed with spaces folded away
        if n == len(label):
            rest = tok.cut(k)
            return rest if rest.text.strip(":： ") else None
        if not ch.isspace():
            n += 1
    return None


def line_rest(line: Line, label: str | None) -> list[Tok]:
    """The tokens of a line after its label."""
    if not label:
        return list(line.tokens)
    glued = after_label(line.tokens[0], label)
    return ([glued] if glued else []) + line.tokens[1:]


def span_text(text: PdfText, toks: list[Tok]) -> Located | None:
    """The printed text from the first to the last token of one line (inner spaces kept)."""
    if not toks:
        return None
    first, last = toks[0], toks[-1]
    printed = text.src.lines[first.line - 1][first.col - 1 : last.col - 1 + len(last.text)]
    return Located(printed, first.line, first.col)


def join_paragraph(parts: list[Located]) -> Located | None:
    """Wrapped lines of one cell joined without a separator (Chinese text wraps anywhere)."""
    parts = [p for p in parts if p.text.strip()]
    if not parts:
        return None
    return Located("".join(p.text.strip() for p in parts), parts[0].line, parts[0].column)


def read_header(text: PdfText, lines: list[Line], project: Project, labels: Labels) -> None:
    """项目名称 … up to 项目资金: the name (when printed here) and the four header fields."""
    name_parts: list[Located] = []
    pending: list[str] = []
    in_name = True
    for line in lines:
        label = line.label
        if label in labels.goals or label in (FUNDS_LABEL, *NARRATIVE_LABELS, TABLE_HEADER):
            break
        if label == NAME_LABEL:
            rest = span_text(text, line_rest(line, label))
            if rest:
                name_parts.append(rest)
            continue
        if label is None and in_name:
            loc = span_text(text, line.tokens)
            if loc:
                name_parts.append(loc)
            continue
        in_name = False
        for tok in line.tokens:
            tok_label = labels.label_of(tok)
            if tok_label in _HEADER_LABELS:
                pending.append(_HEADER_LABELS[tok_label])
                glued = after_label(tok, tok_label)
                if glued is not None:
                    setattr(project, pending.pop(0), glued.located)
            elif pending:
                setattr(project, pending.pop(0), tok.located)
    name = join_paragraph(name_parts)
    if name is not None:
        project.name = name.text
        project.line, project.column = name.line, name.column


def read_funds(lines: list[Line], project: Project) -> None:
    """The 项目资金 block: one FundItem per source and period (amount None when printed empty)."""
    unit = "元"
    current = 0
    amounts: dict[int, list[Tok]] = {}
    labels: dict[int, Tok] = {}  # where each source's label starts, for a source printed empty
    buffer, buffer_start = "", None
    for line in lines:
        for tok in line.tokens:
            key = squash(tok.norm)
            if key.startswith(FUNDS_LABEL) or key.strip("()（）") in ("元", "万元"):
                unit = "万元" if "万元" in key else unit
                continue
            if to_number(key) is not None:
                amounts.setdefault(current, []).append(tok)
                buffer, buffer_start = "", None
                continue
            buffer, buffer_start = buffer + key, buffer_start or tok
            for index, (_source, words) in enumerate(FUND_SOURCES):
                if any(w in buffer for w in words):
                    current = index
                    labels.setdefault(index, buffer_start)
                    buffer, buffer_start = "", None
                    break
    for index, (source, _words) in enumerate(FUND_SOURCES):
        found = amounts.get(index, [])
        label = labels.get(index)
        if label is None and not found:
            continue
        for k, period in enumerate(_PERIODS):
            amount = found[k] if k < len(found) else None
            where = amount or label or found[0]
            project.funds.append(
                FundItem(
                    period=period,
                    source=source,
                    amount=to_number(amount.norm) if amount else None,
                    text=amount.text if amount else "",
                    unit=unit,
                    line=where.line,
                    column=where.col,
                )
            )


def read_narrative(text: PdfText, lines: list[Line], project: Project) -> None:
    """项目概况 … 项目实施计划: each label's text up to the next label."""
    field: str | None = None
    parts: list[Located] = []

    def close() -> None:
        if field is not None:
            setattr(project, field, join_paragraph(parts))

    for line in lines:
        label = line.label
        if label is not None:
            close()
            field, parts = NARRATIVE_LABELS.get(label), []
            if field is None:
                continue
            rest = span_text(text, line_rest(line, label))
            if rest:
                parts.append(rest)
        elif field is not None:
            loc = span_text(text, line.tokens)
            if loc:
                parts.append(loc)
    close()


def read_goals(text: PdfText, lines: list[Line], project: Project) -> None:
    """总体目标: the 实施期 text, then the 年度 text in a narrower column.

    The two columns come out one after the other, each wrapped at its own width.
    The split is the line where the 年度 column starts: it is chosen so that both
    parts are wrapped consistently (every line but the last fills its column, the
    年度 column being the narrower) and, as the 年度 text restates the 实施期 one,
    preferring a start that repeats the beginning of the 实施期 text.
    """
    goal_lines: list[Located] = []
    started = False
    for line in lines:
        label = line.label
        if label == GOAL_LABEL:
            started = True
            rest = span_text(text, line_rest(line, label))
            if rest:
                goal_lines.append(rest)
        elif label is None and started:
            loc = span_text(text, line.tokens)
            if loc:
                goal_lines.append(loc)
        elif label is not None and started:
            break
    if not goal_lines:
        return
    split = _goal_split(goal_lines)
    left = join_paragraph(goal_lines[:split])
    right = join_paragraph(goal_lines[split:])
    if left:
        project.goals[PERIOD_IMPLEMENTATION] = left
    if right:
        project.goals[PERIOD_ANNUAL] = right


def _goal_split(lines: list[Located]) -> int:
    widths = [display_width(squash(p.text)) for p in lines]
    best, best_cost = len(lines), float("inf")
    for k in range(1, len(lines) + 1):
        cost = _wrap_cost(widths[:k]) + _wrap_cost(widths[k:])
        if k < len(lines):
            if max(widths[k:]) > max(widths[:k]):
                cost += 2  # the 年度 column is the narrower one
            head = squash(lines[k].text)[:4]
            if not head or head not in squash(lines[0].text)[:8]:
                cost += 1
        else:
            cost += 1  # a 年度 text is expected
        if cost < best_cost:
            best, best_cost = k, cost
    return best


def _wrap_cost(widths: list[int]) -> int:
    """Lines of one column that stop short of its width although the text goes on."""
    if len(widths) < 2:
        return 0
    full = max(widths)
    return sum(1 for w in widths[:-1] if w < full - 4)
