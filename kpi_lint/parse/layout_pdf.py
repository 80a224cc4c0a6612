"""Tables of the PDF-text layout (000, 002): 项目支出绩效目标申报表 flattened to lines.

A project's section runs from its 项目名称 line to the next project's; it is
read in regions opened by their labels: header (项目名称 … 项目期), 项目资金,
the narrative fields, 总体目标, and the indicator block after the
"一级指标 二级指标 三级指标 指标值 …" header, which ends at "负责人：", at the
next heading of the document or at the next project.  The steps live in:

* ``pdf_text``   — tokens, and page numbers, titles, vertical labels and
  overlaid text taken out;
* ``pdf_header`` — name, header fields, funds, narrative, 总体目标;
* ``pdf_rows``   — the indicator block as markers and (三级指标, 指标值) rows;
* ``pdf_sides``  — which rows are 实施期 (left) and which 年度 (right).

A table that stops before its 满意度指标 (or before the indicator block at
all) is reported on ``doc.problems`` with the line where it breaks off and is
left out; the complete projects around it are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Document, Form, ParseProblem, Project, place_of
from kpi_lint.parse.common import squash
from kpi_lint.parse.numbering import CHINESE_NUMERAL, PART_HEADING
from kpi_lint.parse.pdf_header import (
    FUNDS_LABEL,
    NAME_LABEL,
    NARRATIVE_LABELS,
    TABLE_HEADER,
    Labels,
    Line,
    content_lines,
    read_funds,
    read_goals,
    read_header,
    read_narrative,
)
from kpi_lint.parse.pdf_rows import RowReader, learn_cut_widths, learn_wrap_width, merge_markers
from kpi_lint.parse.pdf_sides import SideAssigner
from kpi_lint.parse.pdf_text import PdfText, Tok, read_pdf_text
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import Vocabulary

_TABLE_END = lazy_compile(rf"^(?:负责人|{CHINESE_NUMERAL}+、|{PART_HEADING})")


@dataclass
class Section:
    start: int  # 0-based index of the 项目名称 line
    header: list[Line]
    funds: list[Line]
    narrative: list[Line]
    goals: list[Line]
    table: list[Line] | None  # None: the indicator header never came
    at_end_of_text: bool  # nothing closes the section: the text stops inside it

    @property
    def table_tokens(self) -> list[Tok]:
        return [t for line in self.table or [] for t in line.tokens]

    @property
    def last_line(self) -> int:
        """1-based number of the last printed line read for this project."""
        for part in (self.table, self.goals, self.narrative, self.funds, self.header):
            if part:
                return part[-1].index + 1
        return self.start + 1


def parse_tables(src: SourceText, doc: Document, vocab: Vocabulary) -> None:
    """Append the projects found in `src` to `doc.projects` (problems to `doc.problems`); `vocab` gives the
    period words of the goal labels.

    Only a project whose indicator block opened is appended, and the block opens at a line whose first token
    is labelled TABLE_HEADER (`Labels.label_of`: its text begins with "一级指标").  A token is a run of the
    folded line's printed characters, so the line's folded text begins with that word too: a text with no
    such line appends no project, and is not tokenised (its sections would only yield problems of
    projects cut before their indicators, which the caller drops with a reading that holds no indicator)."""
    if not any(line.lstrip().startswith(TABLE_HEADER) for line in src.norm):
        return
    text = read_pdf_text(src)
    labels = Labels.of(vocab.periods)
    sections = _sections(text, labels)
    tokens = [t for s in sections for t in s.table_tokens]
    wrap, cuts = learn_wrap_width(tokens), learn_cut_widths(tokens)
    for section in sections:
        project = _project(text, section, doc, labels)
        if project is None:
            continue
        if section.table is None:
            _problem(doc, section.last_line, f"项目“{project.name}”在绩效指标部分之前中断")
            continue
        items = merge_markers(section.table_tokens)
        events = RowReader(items, wrap, cuts).read()
        sides = SideAssigner(wrapped=wrap is not None, right_width=cuts[0] if cuts else None)
        sides.assign(events)
        missing = sides.missing_end(events, section.at_end_of_text)
        if missing is not None:
            _problem(doc, section.last_line, f"项目“{project.name}”的表格在此中断，缺少{missing}")
            continue
        project.indicators = sides.indicators(src.path, project.name)
        project.empty_categories = sides.empty_categories()
        doc.projects.append(project)


def _sections(text: PdfText, labels: Labels) -> list[Section]:
    if not text.title_lines:
        return []
    n = len(text.src.lines)
    starts = []
    for i in range(text.title_lines[0], n):
        toks = text.tokens(i)
        if toks and labels.label_of(toks[0]) == NAME_LABEL:
            starts.append(i)
    return [_section(text, s, starts[k + 1] if k + 1 < len(starts) else None, labels) for k, s in enumerate(starts)]


def _section(text: PdfText, start: int, end: int | None, labels: Labels) -> Section:
    """The regions of the project starting at line `start`, up to `end` (None: the next project is none)."""
    regions: dict[str, list[Line]] = {"header": [], "funds": [], "narrative": [], "goals": []}
    table: list[Line] | None = None
    state = "header"
    closed = end is not None
    for line in content_lines(text, start, len(text.src.lines) if end is None else end, labels):
        if table is not None:
            if _TABLE_END.match(squash(text.src.norm[line.index])):
                closed = True
                break
            table.append(line)
            continue
        label = line.label
        if label == TABLE_HEADER:
            table = []
            continue
        if label == FUNDS_LABEL and state == "header":
            state = "funds"
        elif label in NARRATIVE_LABELS and state != "goals":
            state = "narrative"
        elif label in labels.goals:
            state = "goals"
        regions[state].append(line)
    return Section(
        start, regions["header"], regions["funds"], regions["narrative"], regions["goals"], table, not closed
    )


def _project(text: PdfText, section: Section, doc: Document, labels: Labels) -> Project | None:
    project = Project(name="", form=Form.DECLARATION, line=section.start + 1, column=1)
    read_header(text, section.header, project, labels)
    if not project.name:
        end = section.last_line
        overlay = next((o for o in text.overlays if section.start < o.line <= end), None)
        if overlay is None:
            _problem(doc, section.start + 1, "项目名称为空，无法识别该项目")
            return None
        project.name, project.line, project.column = overlay.text, overlay.line, overlay.column
    read_funds(section.funds, project)
    read_narrative(text, section.narrative, project)
    read_goals(text, section.goals, project)
    return project


def _problem(doc: Document, line: int, detail: str) -> None:
    doc.problems.append(ParseProblem(doc.path, line, 1, f"{place_of(line)}处绩效指标表不完整：{detail}"))
