"""Whole-document parsing: metadata, layout dispatch, and input problems."""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.grid import rows_of
from kpi_lint.lexicon import Lexicon, load_lexicon
from kpi_lint.model import GARBLED_GRADE, Document, Form, Layout, Located, ParseProblem
from kpi_lint.parse.detect import detect_layout
from kpi_lint.parse.flat_table import apply_flat_blocks
from kpi_lint.parse.form_reader import read_forms
from kpi_lint.parse.glued_labels import peel_level_labels
from kpi_lint.parse.goal_echoes import drop_goal_echoes
from kpi_lint.parse.points_kind import drop_rates_read_as_points
from kpi_lint.parse.prose_report import (
    categories_beyond_table,
    report_projects,
    stated_lists,
    targets_beyond_rows,
    unsplit_categories,
)
from kpi_lint.parse.reading_gaps import mark_reading_gaps
from kpi_lint.read.blocks import Blocks, read_blocks
from kpi_lint.read.script import simplify_rows
from kpi_lint.read.source import SourceText, fold
from kpi_lint.read.text_grid import text_grid
from kpi_lint.vocab import Vocabulary

TableParser = Callable[[SourceText, Document, Vocabulary], None]

# The module (under kpi_lint.parse) whose `parse_tables` reads each legacy layout: imported when a file of
# that layout is read, so that a run imports only the readers of the layouts it meets.
LAYOUT_PARSERS: dict[Layout, str] = {
    Layout.PDF_TEXT: "layout_pdf",
    Layout.CELL_LINES: "layout_cells",
    Layout.TAB_ROWS: "layout_rows",
}


def layout_parser(layout: Layout) -> TableParser:
    """The table reader of a legacy layout (one of LAYOUT_PARSERS)."""
    parse_tables: TableParser = importlib.import_module(f"kpi_lint.parse.{LAYOUT_PARSERS[layout]}").parse_tables
    return parse_tables


# How the narrative states the number of projects under target management.
_DECLARED = (
    re.compile(r"(?:实行|纳入|涉及)绩效(?:目标)?管理的项目\s*(\d+)\s*个"),
    re.compile(r"共\s*(\d+)\s*个项目纳入绩效(?:目标)?管理"),
    re.compile(r"项目绩效自评个数\s*(\d+)\s*个"),
)
_DEPARTMENT = (
    re.compile(r"(?:部门|单位)名称[:：]\s*([^\s\t:：]+)"),
    re.compile(r"^\s*\t?\d{3}\s*([\u4e00-\u9fff]{2,20}(?:局|中心|委员会|办公室))\s*$"),
    re.compile(r"^\s*([\u4e00-\u9fff]{2,20}(?:局|中心|委员会|办公室))\s*$"),
)
_YEAR = re.compile(r"[（(]\s*(20\d\d)\s*年度?\s*[)）]|(20\d\d)\s*年度?(?:部门|单位)?(?:预算|决算)")


def _find_declared(src: SourceText) -> tuple[int, Located] | None:
    for i, line in enumerate(src.norm):
        if "个" not in line:  # every statement of the count says 个: a cheap test before the patterns
            continue
        for pattern in _DECLARED:
            m = pattern.search(line)
            if m:
                return int(m.group(1)), Located(src.lines[i].strip(), i + 1, m.start() + 1)
    return None


def _find_department(src: SourceText) -> Located | None:
    for pattern in _DEPARTMENT:
        for i, line in enumerate(src.norm[:4000]):
            m = pattern.search(line)
            if m:
                return Located(m.group(1), i + 1, m.start(1) + 1)
    return None


def _find_year(src: SourceText) -> tuple[int, Located] | None:
    counts: Counter[int] = Counter()
    first: dict[int, Located] = {}
    for i, line in enumerate(src.norm):
        if "年" not in line:  # every year _YEAR reads is followed by 年: a cheap test before the pattern
            continue
        for m in _YEAR.finditer(line):
            year = int(m.group(1) or m.group(2))
            counts[year] += 1
            first.setdefault(year, Located(m.group(0), i + 1, m.start() + 1))
    if not counts:
        return None
    year = counts.most_common(1)[0][0]
    return year, first[year]


def parse_source(src: SourceText, lexicon: Lexicon | None = None) -> Document:
    """Parse a decoded source; raises InputError when it holds no performance table.

    The text is read as a grid by the form reader.  The three layouts of the original samples
    (PDF text with interleaved periods, Word cell lines, shifted tab rows) still have a reader of
    their own, used where its layout is detected and it reads indicators: PDF text with periods
    interleaved on one line is not yet recovered as a grid.
    """
    lexicon = lexicon or load_lexicon()
    doc = read_tables(src, lexicon)
    # An indicator block flattened into one line (a reposted PDF) is read by the order of its cells.
    apply_flat_blocks(doc, src, lexicon)
    _read_document_facts(src, doc)
    doc = _finish(doc, lexicon, src.lines, excerpt=True)
    _add_stated_categories(src, doc, lexicon)
    return doc


def read_tables(src: SourceText, lexicon: Lexicon) -> Document:
    """The projects of a text read by the reader of its layout, or by the form reader when the text is in
    no sample layout or that reader misreads it; several layouts in one text are read apart
    (`kpi_lint.parse.book_parts`)."""
    from kpi_lint.parse.book_parts import read_parts

    return read_parts(src, lexicon, _read_one_layout)


def _read_one_layout(src: SourceText, lexicon: Lexicon, prose: bool = True, layout: Layout | None = None) -> Document:
    """The projects of a text in one layout (`layout`, or the one detected from the text).  `prose`: a
    text with no table may be a report stating its targets in sentences."""
    layout = layout or detect_layout(src)
    doc: Document | None = None
    if layout is not Layout.UNKNOWN:
        legacy = Document(path=src.path, layout=layout, encoding=src.encoding)
        parse_tables = layout_parser(layout)  # outside the try: a reader that fails to import is a bug
        try:
            parse_tables(src, legacy, lexicon.vocabulary)
        except Exception:
            legacy.projects = []
        doc = legacy if legacy.indicators else None
    if doc is None or _misread(doc, lexicon.vocabulary):
        form = _read_as_forms(src, lexicon, prose)
        if doc is None or form.projects:
            doc = form
    return doc


def _read_as_forms(src: SourceText, lexicon: Lexicon, prose: bool = True) -> Document:
    doc = Document(path=src.path, layout=Layout.TEXT, encoding=src.encoding)
    vocab = lexicon.vocabulary
    grid = text_grid(
        src,
        vocab.word_pattern,
        vocab.label_pattern,
        vocab.header_cover,
        vocab.header_tail,
        lambda word: vocab.title_family(word) is not None,
    )
    projects, found = read_forms(grid.rows, src.path, lexicon)
    if prose and not any(i.value for project in projects for i in project.indicators):
        # No table, or one cut before its first row ("表格在第23行中断", its problem kept): maybe a
        # report stating its indicators in sentences.  A "table" of no target at all (a report's
        # numbered paragraphs read as rows, a sentence as a name) is no table when the sentences
        # state targets: the report is read instead, and what was said of that table is dropped.
        stated = report_projects(src, lexicon)
        if stated and projects:
            projects, found = stated, []
        elif not projects:
            projects = stated
    doc.projects = projects
    _keep_problems(doc, found)
    return doc


def _add_stated_categories(src: SourceText, doc: Document, lexicon: Lexicon) -> None:
    """A text read as one table, its gaps marked on the table alone: for a self-evaluation, the
    categories the table left out that the report's sentences state (prose_report.categories_beyond_table);
    for any form whose rows are all clauses of listed targets, the listed targets of the categories it
    has no row of (prose_report.targets_beyond_rows), and the categories whose list states figures the
    reader could not split into rows (prose_report.unsplit_categories: written, so not missing)."""
    if doc.layout is not Layout.TEXT or len(doc.projects) != 1:
        return
    project = doc.projects[0]
    if not project.indicators or project.garbled:
        return
    if project.form is Form.SELF_EVALUATION:
        project.indicators.extend(categories_beyond_table(src, lexicon, project))
    lists = stated_lists(src, lexicon)  # read once, for both questions below
    project.indicators.extend(targets_beyond_rows(src, lexicon, project, lists))
    if not project.cut_off:
        for level2, where in unsplit_categories(project, lists):
            project.unsplit.append(level2)
            doc.notes.append(
                ParseProblem(
                    doc.path,
                    where.line,
                    where.column,
                    f"项目“{project.name}”的“{level2}”下写有带数字的文字，但没有读成指标行（名称和目标值分不开）："
                    "不报告该项目缺少这一类别，请对照原件核实",
                    severity="warning",
                )
            )


def _misread(doc: Document, vocab: Vocabulary) -> bool:
    """A sample layout's reader that lost the targets of most rows, or read category labels as names
    or targets: the text was not in the layout it knows (a table copied out of Excel as tab rows is no
    shifted tab-row extraction), and the form reader reads it instead."""
    label = vocab.is_level_label
    wrong = sum(1 for i in doc.indicators if not (i.level3 and i.value) or label(i.level3) or label(i.value))
    return wrong > len(doc.indicators) / 5


def _read_document_facts(src: SourceText, doc: Document) -> None:
    doc.department = _find_department(src)
    year = _find_year(src)
    if year:
        doc.year, doc.year_loc = year
    declared = _find_declared(src)
    if declared:
        doc.declared_projects, doc.declared_loc = declared


def _finish(doc: Document, lexicon: Lexicon, lines: list[str], excerpt: bool) -> Document:
    if not doc.projects:
        if doc.problems:  # e.g. the only table was cut off: its own message says where
            first = doc.problems[0]
            raise InputError(doc.path, first.message, line=first.line)
        raise InputError(doc.path, "没有找到可解析的绩效目标表（未找到含“三级指标”“指标值”等表头的指标表）")
    doc.forms = sorted({p.form for p in doc.projects}, key=lambda f: list(Form).index(f))
    for project in doc.projects:
        drop_goal_echoes(project)
        peel_level_labels(project, lexicon.vocabulary)
        drop_rates_read_as_points(project)
    doc.notes.extend(_unreadable_names(doc))
    mark_reading_gaps(doc, lines, lexicon.vocabulary, excerpt)
    for project in doc.projects:  # the project's reading, final now, goes on its rows
        project.mark_untrusted_rows()
    return doc


def _keep_problems(doc: Document, found: list[ParseProblem]) -> None:
    """Input errors (the run exits 2) go to problems, damaged content that was read to notes."""
    doc.problems.extend(p for p in found if p.severity == "error")
    doc.notes.extend(p for p in found if p.severity != "error")


def _unreadable_names(doc: Document) -> list[ParseProblem]:
    """Projects whose table prints values with no readable 三级指标 (a garbled extraction).

    When most of a project's values lost their 三级指标 the table as a whole cannot be read: the
    project is marked garbled, so that rules do not judge its rows one by one (a "60人" whose name
    was pushed to the next line is not an empty target) and scoring leaves it out.
    """
    notes = []
    for project in doc.projects:
        # A row the parser also recorded as an empty category ("成本指标 … 未填报") is unfilled, not garbled.
        unfilled = {(e.period, e.level2) for e in project.empty_categories}
        nameless = [i for i in project.indicators if i.value and not i.level3 and (i.period, i.level2) not in unfilled]
        if not nameless:
            continue
        named = [i for i in project.indicators if i.value and i.level3]
        project.garbled = len(nameless) >= 2 and len(nameless) > len(named)
        first = min(nameless, key=lambda i: (i.line, i.column))
        if project.garbled:
            message = (
                f"项目“{project.name}”的指标表原文错乱：{len(nameless)} 个指标值读不出对应的三级指标"
                f"（能读出的只有 {len(named)} 个），不逐行检查，评分记为“{GARBLED_GRADE}”；请对照原件核实"
            )
        else:
            message = (
                f"项目“{project.name}”有 {len(nameless)} 个指标值读不出对应的三级指标（原文错乱或缺失），请对照原件核实"
            )
        where = first.anchor("value")
        notes.append(ParseProblem(doc.path, first.line, first.column, message, severity="warning", anchor=where))
    return notes


def parse_blocks(path: str, read: Blocks, lexicon: Lexicon | None = None) -> Document:
    """Parse the blocks an office or web reader produced (PDF, DOCX, XLSX, XLS, HTML)."""
    lexicon = lexicon or load_lexicon()
    doc = Document(path=path, layout=read.layout, encoding=read.encoding)
    rows = simplify_rows(rows_of(read.blocks))
    doc.projects, found = read_forms(rows, path, lexicon)
    _keep_problems(doc, found)
    # What the reader left out (a hidden sheet) is named, as a warning: nothing is skipped silently.
    doc.notes += [ParseProblem(path, 0, 0, gap.message, severity="warning", anchor=gap.anchor) for gap in read.left_out]
    # Document facts (unit, year, declared project count) are read from the rows as lines of text.
    lines = [" ".join(c.text.strip() for c in row.filled) for row in rows]
    _read_document_facts(SourceText(path, read.encoding, lines, [fold(x) for x in lines]), doc)
    # An office file's tables are read whole: no excerpt ends inside one (no text after the last row checked).
    return _finish(doc, lexicon, lines, excerpt=False)


def parse(path: str | Path, lexicon: Lexicon | None = None) -> Document:
    """Read and parse one disclosure file into a Document.

    Raises `InputError` (one line, names the file and the problem) for input
    that cannot be read or holds no table; problems inside an otherwise
    readable file (a table cut off mid-way) are listed in ``Document.problems``.
    """
    lexicon = lexicon or load_lexicon()
    read = read_blocks(path)
    if read.source is not None:
        return parse_source(read.source, lexicon)
    return parse_blocks(str(path), read, lexicon)
