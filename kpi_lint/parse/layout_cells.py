"""Tables of the cell-lines layout (DOCX text: one tab-prefixed cell per line).

Serves 001 (项目支出绩效目标申报表, 实施期 and 年度 side by side) and 003
(绩效目标表, one period with 描述 and 确定依据).  A table opens at a
"…绩效目标表" title line or a 项目名称 row, and becomes a Project once its
indicator header has been read; a table cut off before its end is reported
on ``doc.problems`` and left out.
"""

from __future__ import annotations

from kpi_lint.model import Document, Located
from kpi_lint.parse.cells_draft import Draft
from kpi_lint.parse.cells_tokens import TITLE, Row, TextLine, tokenize
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import Vocabulary


def parse_tables(src: SourceText, doc: Document, vocab: Vocabulary) -> None:
    """Append the projects found in `src` to `doc.projects` (problems to `doc.problems`); `vocab` gives the
    period words of the goal and funds labels."""
    draft: Draft | None = None

    def close(at_end: bool) -> None:
        if draft is None:
            return
        project, problems = draft.finish(at_end)
        doc.problems.extend(problems)
        if project is not None:
            doc.projects.append(project)

    for item in tokenize(src):
        if isinstance(item, TextLine):
            title = _title(item)
            if title is not None:
                close(at_end=False)
                draft = Draft(src.path, title, from_title=True, last_line=item.line, vocab=vocab)
            elif draft is not None:
                draft.feed_text()
            continue
        name = _name_row(item)
        if name is not None and draft is not None and draft.awaits_name():
            draft.name = name
        elif name is not None:
            close(at_end=False)
            draft = Draft(src.path, name if name.text else None, from_title=False, last_line=item.line, vocab=vocab)
        elif draft is not None:
            draft.feed(item)
    close(at_end=True)


def _title(item: TextLine) -> Located | None:
    """'1、2023医保局办公楼租赁费7.2万元绩效目标表' → the name between numbering and 绩效目标表."""
    m = TITLE.match(item.norm)
    if m is None:
        return None
    start, end = m.span("name")
    return Located(item.text[start:end], item.line, item.column + start)


def _name_row(row: Row) -> Located | None:
    """The value of a 项目名称 row (its text may be empty), or None for any other row."""
    for index, cell in enumerate(row.cells):
        if cell.key == "项目名称":
            value = next((c for c in row.cells[index + 1 :] if not c.empty), None)
            return value.located if value else Located("", cell.line, 2)
        if not cell.empty:
            return None
    return None
