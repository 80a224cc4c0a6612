"""Tables the reader did not get whole: marked so that the rules do not blame the department for them.

Two signals that hold whatever the document, each about what the form itself promises:

* a 自评表 states, on every row, what was achieved (实际完成值) and what it scored (分值, 得分). When the
  text prints the heading of that column ("实际完成值 (B)", "全年实际值") and not one row of a project's
  table has any of these, the reader did not line the columns up — a page flattened column by column, a
  cell's wrapped lines read as the next cells ("支持服务贸易、服务外 | 包企业数量"). The table is marked
  garbled (``Project.garbled``): reported once, not judged row by row, not scored.
* the text after a project's last row read prints the label of a category ("效益指标", "满意度指标(20分)",
  "4.社会效益指标。") of which no row was read, and runs on to the end of the document: the table goes on
  past what was read (an excerpt cut inside it, rows the reader could not split, a report whose headings
  were not rows). What the project lacks may lie there: it is marked cut off (``Project.cut_off``), and
  the categories after its last row are not reported missing.
"""

from __future__ import annotations

from kpi_lint.model import GARBLED_GRADE, Document, Form, ParseProblem, Project
from kpi_lint.vocab import COST_LEVEL2, LEVEL1_NAMES, LEVEL2_NAMES, Vocabulary

# The categories of the performance template (财预〔2015〕88号, 〔2021〕101号) whose absence KPI201/KPI202 report;
# a self-evaluation's scoring headings (资金管理指标, 项目管理指标) are not among them.
_DIMENSIONS = frozenset((*LEVEL1_NAMES, *LEVEL2_NAMES, *COST_LEVEL2))


def mark_reading_gaps(doc: Document, lines: list[str], vocab: Vocabulary, excerpt: bool) -> None:
    """Mark the projects whose table was not read whole (see the module), with one note each. `lines` is the
    text as read; `excerpt` says whether it may stop inside a table (a text file; an office file's tables are
    read whole)."""
    results_printed = _prints_results(lines, vocab)
    for project in doc.projects:
        if results_printed and not project.garbled and _results_not_read(project):
            project.garbled = True
            doc.notes.append(_garbled_note(doc, project))
    if excerpt and doc.projects:
        last = max(doc.projects, key=_end)
        if not last.cut_off and not last.garbled:
            unread = _labels_after_the_table(last, lines, vocab)
            if unread:
                last.cut_off = True
                doc.notes.append(_unread_note(doc, last, unread))


# The shortest heading of the 实际完成值 column that is a heading, not a word of prose ("完成值", "实际值").
_HEADING_CHARS = 3


def _prints_results(lines: list[str], vocab: Vocabulary) -> bool:
    """The text prints the heading of a 实际完成值 column (form_columns.txt, role actual)."""
    headings = [w for w, role in vocab.columns.items() if role == "actual" and len(w) >= _HEADING_CHARS]
    return any(w in line for line in lines for w in headings)


# The fields of a 自评表 row past its target: what was achieved and what it scored.
def _read_past_target(project: Project) -> bool:
    return any(
        i.actual is not None or i.weight is not None or i.score is not None for i in project.indicators
    )


# Rows enough for "not one row" to say something about the columns, not about one odd row: the
# smallest table with a row in each of the 产出 / 效益 / 满意度 一级.
_ROWS_TO_JUDGE = 3


def _results_not_read(project: Project) -> bool:
    """A 自评表 of which not one row has a 实际完成值, 分值 or 得分: its columns were not read apart."""
    rows = [i for i in project.indicators if i.level3 or i.value]
    return (
        project.form is Form.SELF_EVALUATION
        and len(rows) >= _ROWS_TO_JUDGE
        and not _read_past_target(project)
    )


def _garbled_note(doc: Document, project: Project) -> ParseProblem:
    first = min(project.indicators, key=lambda i: (i.line, i.column))
    message = (
        f"项目“{project.name}”的自评表原文错乱：{len(project.indicators)} 个指标行都读不出实际完成值、分值或得分"
        f"（自评表每行都有），各栏没有对齐，不逐行检查，评分记为“{GARBLED_GRADE}”；请对照原件核实"
    )
    return ParseProblem(doc.path, first.line, first.column, message, severity="warning", anchor=first.anchor("level3"))


def _end(project: Project) -> tuple[int, int]:
    """Where the last row read of the project ends (line, column past its last field)."""
    ends = [
        (loc.line, loc.column + len(loc.text))
        for i in project.indicators
        for loc in i.spans.values()
    ]
    ends += [(i.line, i.column) for i in project.indicators]
    ends += [(e.line, e.column) for e in project.empty_categories]
    return max(ends, default=(project.line, project.column))


def _read_level2(project: Project, vocab: Vocabulary) -> set[str]:
    """The 二级 the project has a row or a printed-empty category for, and the 一级 they are under."""
    seen: set[str] = set()
    for i in project.indicators:
        for label in (i.level2, i.level1):
            if label:
                seen.add(label)
                seen.add(vocab.parent_of(label) or label)
    for e in project.empty_categories:
        seen.add(e.level2)
        seen.add(vocab.parent_of(e.level2) or e.level2)
    return seen


def _labels_after_the_table(project: Project, lines: list[str], vocab: Vocabulary) -> list[str]:
    """Category labels printed after the project's last row read, to the end of the text, of which no row
    was read (canonical 一级/二级 names, in the order printed)."""
    pattern = vocab.label_pattern
    if pattern is None or not project.indicators:
        return []
    end_line, end_column = _end(project)
    read = _read_level2(project, vocab)
    found: list[str] = []
    for number in range(end_line, len(lines) + 1):
        text = lines[number - 1]
        start = end_column - 1 if number == end_line else 0
        for m in pattern.finditer(text, max(start, 0)):
            if vocab.canonical_level1(m.group()) in read:
                continue  # "满意度指标" names a 一级 read (its rows under a 二级 of the template's own wording) too
            label = vocab.canonical_level2(m.group()) or vocab.canonical_level1(m.group())
            if label in _DIMENSIONS and label not in read and label not in found:
                found.append(label)
    return found


def _unread_note(doc: Document, project: Project, labels: list[str]) -> ParseProblem:
    line, column = _end(project)
    named = "、".join(f"“{label}”" for label in labels)
    message = (
        f"项目“{project.name}”的表格在第{line}行最后读到的一行之后没有读全（表格中断）：其后原文印有{named}，"
        "但没有读出其下的指标行，"
        "直到文本结束（摘录在表中截断，或表格未能拆分）：不报告该项目缺少的类别，请对照原件核实"
    )
    return ParseProblem(doc.path, line, column, message, severity="warning")
