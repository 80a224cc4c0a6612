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
* the text stops in the middle of a sentence ("…试点县数量20个;2022年全区县域", "改进措施:") after the last
  project's last row, with no sentence closed in between, before the category the forms end with
  (满意度) was read, and nothing closed the table in between (a total, a signature row, a note: "合计",
  "填报人", "注:"): an excerpt cut inside the table or inside the sentences listing its targets. A table's
  cell, a footer, a web page's links do not end so; a sentence left open does. The project is marked cut
  off, with one note saying where the text stops.
* the text stops inside a heading of its list of categories ("5、满意度指", "5、满意度", "效益"): its last
  line, after the last project's last row and before the category the forms end with (满意度) was read,
  is — past its item number — the beginning of a 一级/二级 label or a short label whole, with no figure and
  no sentence-final mark (。！？ or a closing bracket or quote), and nothing closed the table in between.
  A heading names what follows it: a text does not end on one. A report or a form that simply ends — a
  signature, a date, a total, a last row or sentence complete without its 。 — ends on no label. (A
  numbered category line left open, "5、满意度指标:服务对象对", prints a whole label and is caught above.)
  The project is marked cut off (``Project.cut_off``) and the category the heading begins is kept
  (``Project.cut_at``): it and those after it in the template's order are not reported missing, the
  categories the list passed before the break are.
* a project whose rows were read from sentences (``Project.in_prose``: a report or a news item, no table)
  shows the whole indicator set only when its sentences walk through the template's groups (产出, 效益,
  满意度, and 成本 in the 〔2021〕101号 template). When every row stated falls in one named group
  ("在产出指标方面,要求…≥300个,…"), the text quotes part of a table that has other groups: it is marked
  quoted (``Project.quoted``), with one note, and no category is reported missing — what the text leaves
  out it does not show to be absent.  A list of targets naming no group at all ("绩效目标:道路硬化
  ≥0.565km;…") is stated as the goal set as a whole and is judged as such.
"""

from __future__ import annotations

from collections.abc import Callable

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import GARBLED_GRADE, Document, Form, ParseProblem, Project, place_of
from kpi_lint.parse.numbering import NUMBER_STOP, ORDINAL_LONG
from kpi_lint.vocab import COST_LEVEL2, LEVEL1_NAMES, LEVEL2_NAMES, SATISFACTION, SATISFACTION_L1, Vocabulary

# The categories of the performance template (财预〔2015〕88号, 〔2021〕101号) whose absence KPI201/KPI202 report;
# a self-evaluation's scoring headings (资金管理指标, 项目管理指标) are not among them.
_DIMENSIONS = frozenset((*LEVEL1_NAMES, *LEVEL2_NAMES, *COST_LEVEL2))


def mark_reading_gaps(doc: Document, lines: list[str], vocab: Vocabulary, excerpt: bool) -> None:
    """Mark the projects whose table was not read whole (see the module), with one note each. `lines` is the
    text as read; `excerpt` says whether it may stop inside a table (a text file; an office file's tables are
    read whole)."""
    results_printed: bool | None = None  # asked only of a project whose results were not read
    for project in doc.projects:
        if not project.garbled and _results_not_read(project):
            if results_printed is None:
                results_printed = _prints_results(lines, vocab)
            if not results_printed:
                continue
            project.garbled = True
            doc.notes.append(_garbled_note(doc, project))
    if excerpt and doc.projects:
        last = max(doc.projects, key=_end)
        if not last.cut_off and not last.garbled:
            unread = _labels_after_the_table(last, lines, vocab)
            if unread:
                last.cut_off = True
                doc.notes.append(_unread_note(doc, last, unread))
            elif _stops_mid_sentence(last, lines, vocab):
                last.cut_off = True
                doc.notes.append(_mid_sentence_note(doc, last, lines))
            elif (heading := _stops_in_a_heading(last, lines, vocab)) is not None:
                last.cut_off, last.cut_at = True, _category_named(heading, vocab)
                doc.notes.append(_heading_note(doc, last, lines))
    for project in doc.projects:  # a cut or garbled table has its own note
        if project.in_prose and not (project.cut_off or project.garbled) and len(_groups(project, vocab)) == 1:
            project.quoted = True
            doc.notes.append(_quoted_note(doc, project, vocab))


def _groups(project: Project, vocab: Vocabulary) -> set[str]:
    """The 一级 groups the project's rows fall in (a row's 一级, else its 二级's parent)."""
    found = {ind.level1 or vocab.parent_of(ind.level2) for ind in project.indicators}
    return {group for group in found if group}


def _quoted_note(doc: Document, project: Project, vocab: Vocabulary) -> ParseProblem:
    group = "、".join(sorted(_groups(project, vocab)))
    message = (
        f"项目“{project.name}”的指标只见于文字对“{group}”下 {len(project.indicators)} 个指标的转述，"
        "原文没有给出整张指标表：不报告该项目缺少的类别，请对照原件核实"
    )
    return ParseProblem(doc.path, project.line, project.column, message, severity="warning")


# The shortest heading of the 实际完成值 column that is a heading, not a word of prose ("完成值", "实际值").
_HEADING_CHARS = 3


def _prints_results(lines: list[str], vocab: Vocabulary) -> bool:
    """The text prints the heading of a 实际完成值 column (form_columns.txt, role actual)."""
    headings = [w for w, role in vocab.columns.items() if role == "actual" and len(w) >= _HEADING_CHARS]
    text = "\n".join(lines)  # no heading holds a line break: found in the text as in one of its lines
    return any(w in text for w in headings)


# The fields of a 自评表 row past its target: what was achieved and what it scored.
def _read_past_target(project: Project) -> bool:
    return any(i.actual is not None or i.weight is not None or i.score is not None for i in project.indicators)


# Rows enough for "not one row" to say something about the columns, not about one odd row: the
# smallest table with a row in each of the 产出 / 效益 / 满意度 一级.
_ROWS_TO_JUDGE = 3


def _results_not_read(project: Project) -> bool:
    """A 自评表 of which not one row has a 实际完成值, 分值 or 得分: its columns were not read apart."""
    rows = [i for i in project.indicators if i.level3 or i.value]
    return project.form is Form.SELF_EVALUATION and len(rows) >= _ROWS_TO_JUDGE and not _read_past_target(project)


def _garbled_note(doc: Document, project: Project) -> ParseProblem:
    first = min(project.indicators, key=lambda i: (i.line, i.column))
    message = (
        f"项目“{project.name}”的自评表原文错乱：{len(project.indicators)} 个指标行都读不出实际完成值、分值或得分"
        f"（自评表每行都有），各栏没有对齐，不逐行检查，评分记为“{GARBLED_GRADE}”；请对照原件核实"
    )
    return ParseProblem(doc.path, first.line, first.column, message, severity="warning", anchor=first.anchor("level3"))


def _end(project: Project) -> tuple[int, int]:
    """Where the last row read of the project ends (line, column past its last field)."""
    ends = [(loc.line, loc.column + len(loc.text)) for i in project.indicators for loc in i.spans.values()]
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
        f"项目“{project.name}”的表格在{place_of(line)}最后读到的一行之后没有读全（表格中断）：其后原文印有{named}，"
        "但没有读出其下的指标行，"
        "直到文本结束（摘录在表中截断，或表格未能拆分）：不报告该项目缺少的类别，请对照原件核实"
    )
    return ParseProblem(doc.path, line, column, message, severity="warning")


# A sentence goes on after these: a clause mark, or a lead-in announcing what follows ("改进措施:").
_OPEN_ENDS = frozenset("，,、；;：:")
# A sentence is closed by these (a closing quote or bracket after them still closes it).
_CLOSED_ENDS = frozenset("。.！!？?…")
_CLOSERS = "”’」』）)】]》"
_CELL_ENDS = "| \t"  # what a table printed as `|` rows puts after a cell's last words
# A note under a table ("注: 1.完成目标可能性:…"): the table was closed before it.
_NOTE = lazy_compile(r"(?:^|[\s|])(?:注|说明|备注)\s*[:：]")
# The marks that make a line a sentence, not a name, a date or a web page's link ("联系我们").
_CLAUSE_MARKS = frozenset("，,；;。")


def _closes(text: str) -> bool:
    """The line ends a sentence (。！？, maybe followed by a closing quote or bracket, or by the cell
    separators of a table printed as `|` rows: "…立案调查。 |")."""
    bare = _cell_text(text).rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in _CLOSED_ENDS


def _cell_text(text: str) -> str:
    """The line without the cell separators and spaces after its last words ("…调查。 | ||" → "…调查。")."""
    return text.rstrip().rstrip(_CELL_ENDS)


def _left_open(text: str) -> bool:
    """The line stops inside a sentence: after a clause mark or a lead-in colon, or in the words of a
    sentence (a line holding clause marks) that no 。 ends."""
    bare = _cell_text(text).strip()
    if not bare or _closes(bare):
        return False
    if bare[-1] in _OPEN_ENDS:
        return True
    return bare[-1] not in _CLOSERS and any(mark in bare for mark in _CLAUSE_MARKS)


def _reached_satisfaction(project: Project) -> bool:
    """A row (or a printed-empty category) of 满意度, the category the forms end with, was read."""
    if any(e.level2 == SATISFACTION for e in project.empty_categories):
        return True
    return any(
        SATISFACTION_L1 in (i.level1, i.level2) or i.level2 == SATISFACTION or "满意" in (i.level3 or "")
        for i in project.indicators
    )


def _last_text_line(lines: list[str]) -> int:
    """The number of the last line holding text (0 when none does)."""
    return next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), 0)


def _closes_table(text: str, vocab: Vocabulary) -> bool:
    """The text holds what closes a table: a total or a signature label (form_facts.txt, total_score and
    end: "合计", "填报人"), or a note."""
    closing = (w for w, fact in vocab.facts.items() if fact in ("total_score", "end"))
    return bool(_NOTE.search(text)) or any(w in text for w in closing)


def _stops_mid_sentence(project: Project, lines: list[str], vocab: Vocabulary) -> bool:
    """The text stops inside a sentence after the project's last row read, with no sentence closed and
    nothing closing the table between that row and the end, and no 满意度 row was read: the excerpt was
    cut (see the module)."""
    if not project.indicators or _reached_satisfaction(project):
        return False
    stop = _last_text_line(lines)
    end_line, end_column = _end(project)
    if stop < end_line or not _left_open(lines[stop - 1]):
        return False
    after = [lines[end_line - 1][max(end_column - 1, 0) :], *lines[end_line:stop]]
    return not any(_closes(text) or _closes_table(text, vocab) for text in after)


def _cut_note(doc: Document, lines: list[str], say: Callable[[int, str], str]) -> ParseProblem:
    """The warning at the end of the text's last line: `say(stop line, the line's last 12 characters)` words it."""
    stop = _last_text_line(lines)
    text = lines[stop - 1].rstrip()
    return ParseProblem(doc.path, stop, len(text) + 1, say(stop, text.strip()[-12:]), severity="warning")


def _mid_sentence_note(doc: Document, project: Project, lines: list[str]) -> ParseProblem:
    line, _ = _end(project)
    return _cut_note(
        doc,
        lines,
        lambda stop, tail: (
            f"表格（或列出指标的文字）在{place_of(stop)}中断：原文在“…{tail}”处句子没有写完就结束了（摘录在此截断）；"
            f"项目“{project.name}”最后读到的指标在{place_of(line)}，之后的指标类别（如满意度指标）可能在截断处之后："
            "不报告该项目缺少的类别，请对照原件核实"
        ),
    )


# The number an item of a report's list opens with ("5、", "(五)", "五、", "5.").
_ITEM_MARK = lazy_compile(rf"^\s*(?:[(（]\s*{ORDINAL_LONG}\s*[)）]|{ORDINAL_LONG}\s*{NUMBER_STOP})\s*")
_FIGURE = lazy_compile(r"[\d０-９]")


def _item(text: str) -> str:
    """The line's words after the item's number it opens with, if any."""
    m = _ITEM_MARK.match(text)
    return (text[m.end() :] if m else text).strip()


def _stops_in_a_heading(project: Project, lines: list[str], vocab: Vocabulary) -> str | None:
    """The text's last line, after the project's last row and before a 满意度 row was read, is (after
    its item number) the beginning of a category label or the whole of a short one — no figure, no
    sentence-final mark, nothing closing the table after the last row: the excerpt was cut inside its
    list of categories (see the module). Returns the line's words after its number, None when the text
    does not stop so."""
    if not project.indicators or _reached_satisfaction(project):
        return None
    stop = _last_text_line(lines)
    end_line, end_column = _end(project)
    if stop <= end_line:
        return None
    words = _item(lines[stop - 1].strip())
    if not words or _FIGURE.search(words) or _closes(words) or words[-1] in _CLOSERS:
        return None
    after = [lines[end_line - 1][max(end_column - 1, 0) :], *lines[end_line:stop]]
    if any(_closes_table(text, vocab) for text in after):
        return None
    return words if vocab.begins_label(words.rstrip(":：")) else None  # "5、满意度指", "5、满意度", "效益"


def _category_named(words: str, vocab: Vocabulary) -> str | None:
    """The one category (canonical 二级, else the one 一级) the heading names or begins to name ("满意度指" →
    服务对象满意度指标, "满意度" → 满意度指标); None when its beginning fits labels of more than one group."""
    pattern = vocab.label_pattern
    m = pattern.match(words) if pattern is not None else None
    stub = words.rstrip(":：")
    heads = [m.group()] if m else [w for w in (*vocab.level1, *vocab.level2) if w.startswith(stub)]
    level2 = {vocab.canonical_level2(w) for w in heads}
    if len(level2) == 1 and None not in level2:
        return level2.pop()
    level1 = {vocab.canonical_level1(w) or vocab.parent_of(vocab.canonical_level2(w)) for w in heads}
    return level1.pop() if len(level1) == 1 else None  # "满意度": 满意度指标 as 一级 and as 二级


def _heading_note(doc: Document, project: Project, lines: list[str]) -> ParseProblem:
    line, _ = _end(project)
    beyond = (
        f"“{project.cut_at}”及模板中排在其后的类别可能在截断处之后：不报告该项目缺少这些类别"
        if project.cut_at
        else "之后的指标类别（如满意度指标）可能在截断处之后：不报告该项目缺少的类别"
    )
    return _cut_note(
        doc,
        lines,
        lambda stop, tail: (
            f"列出指标的文字在{place_of(stop)}中断：原文在“{tail}”处（指标类别的标题）没有写完就结束了"
            f"（摘录在此截断）；项目“{project.name}”最后读到的指标在{place_of(line)}，{beyond}，请对照原件核实"
        ),
    )
