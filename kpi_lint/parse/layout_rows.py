"""The tab-rows layout (004): 项目支出绩效自评表, one table row per line.

Cells are tab separated, but a row may start one column left or right of
where it belongs and blank cells inherit from the row above, so every block
is read by content: labels by name, amounts and scores as the numbers of a
row, level names by `canonical_level2` (see rows_indicators).
"""

from __future__ import annotations

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import PERIOD_ANNUAL, Document, Form, Indicator, Located, ParseProblem, Project, place_of
from kpi_lint.parse.rows_analysis import figures_in, parse_analysis
from kpi_lint.parse.rows_cells import Cell, Row, filled
from kpi_lint.parse.rows_funds import parse_execution
from kpi_lint.parse.rows_indicators import Levels, parse_indicator_row, place_middle_labels
from kpi_lint.parse.rows_table import TableBlocks, find_blocks, table_starts
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import Vocabulary

_GRADES = ("优", "良", "中", "差")
_TOTAL = lazy_compile(r"\d+(?:\.\d+)?\s*分?")
_IMPLEMENTER_LABELS = ("预算单位", "实施单位")
_GOAL_LABELS = ("年度目标", "年度绩效目标", "绩效目标")


def parse_tables(src: SourceText, doc: Document, vocab: Vocabulary) -> None:
    """Append the projects found in `src` to `doc.projects` (problems to `doc.problems`).  `vocab` is taken as
    every layout reader takes it (`kpi_lint.parse.document.TableParser`); this one reads the 004 form by its
    own labels."""
    starts = table_starts(src)
    for start, end in zip(starts, [*starts[1:], len(src)], strict=True):
        blocks = find_blocks(src, start, end)
        if blocks.name is None and blocks.indicator_header is None:
            continue  # prose naming the form ('附件：项目支出绩效自评表'), no table under it
        project = _parse_table(src, blocks, doc)
        if project is not None:
            doc.projects.append(project)


def _problem(doc: Document, line: int, message: str) -> None:
    doc.problems.append(ParseProblem(doc.path, line, 1, message))


def _after_label(row: Row, labels: tuple[str, ...]) -> Cell | None:
    """The first printed cell after the cell carrying one of `labels`."""
    cells = filled(row)
    for i, cell in enumerate(cells[:-1]):
        if cell.key in labels:
            return cells[i + 1]
    return None


def _name(src: SourceText, blocks: TableBlocks) -> Located | None:
    if blocks.name is not None:
        cell = _after_label(blocks.rows[blocks.name], ("项目名称",))
        if cell:
            return cell.located
    if blocks.title is not None:
        printed = src.lines[blocks.title]
        text = printed.strip()
        for suffix in ("项目支出绩效自评表", "绩效自评表"):
            if text.endswith(suffix) and len(text) > len(suffix):
                return Located(text[: -len(suffix)], blocks.title + 1, len(printed) - len(printed.lstrip()) + 1)
    return None


def _goals(blocks: TableBlocks) -> tuple[Located | None, Located | None]:
    """(年度目标, 实际完成情况) from the rows under the 项目年度绩效目标 header."""
    if blocks.goals_header is None:
        return None, None
    header = blocks.rows[blocks.goals_header]
    texts = [c for row in blocks.between(blocks.goals_header, blocks.indicator_header) for c in filled(row)]
    if len(texts) >= 2:
        return texts[0].located, texts[-1].located
    if not texts:
        return None, None
    # One text only: it belongs to the header label it stands nearest to.
    goal_col = next((c.index for c in filled(header) if c.key in _GOAL_LABELS), 1)
    actual_col = next((c.index for c in filled(header) if c.key == "实际完成情况"), goal_col + 4)
    cell = texts[0]
    if abs(cell.index - goal_col) <= abs(cell.index - actual_col):
        return cell.located, None
    return None, cell.located


def _execution_rows(blocks: TableBlocks) -> tuple[Row | None, list[Row]]:
    """(sub-header naming 目标申报数 / 预算编制数, amount rows) of the funds block."""
    end = blocks.goals_header if blocks.goals_header is not None else blocks.indicator_header
    rows = blocks.between(blocks.fund_header, end)
    sub = next((r for r in rows if any("申报" in c.key or "编制" in c.key for c in filled(r))), None)
    return sub, [r for r in rows if r is not sub]


def _score_and_grade(row: Row) -> tuple[Located | None, Located | None]:
    cells = filled(row)[1:]
    total = next((c.located for c in cells if _TOTAL.fullmatch(c.norm)), None)
    grade = next((c.located for c in cells if c.key in _GRADES), None)
    return total, grade


def _units(row: Row) -> tuple[Located | None, Located | None]:
    """(主管部门及代码, 预算单位 / 实施单位) from their shared row."""
    cells = filled(row)
    dept = cells[1] if len(cells) > 1 and cells[1].key not in _IMPLEMENTER_LABELS else None
    implementer = _after_label(row, _IMPLEMENTER_LABELS)
    return (dept.located if dept else None), (implementer.located if implementer else None)


def _fill_indicators(project: Project, blocks: TableBlocks, doc: Document) -> None:
    levels = Levels()  # one table's levels never carry into the next
    rows = blocks.between(blocks.indicator_header, blocks.total)
    found: list[Indicator | None] = []
    for row in rows:
        result = parse_indicator_row(row, levels, path=doc.path, project=project.name)
        found.append(result.indicator)
        if result.indicator:
            project.indicators.append(result.indicator)
        if result.empty:
            project.empty_categories.append(result.empty)
        for message in result.problems:
            _problem(doc, row[0].line, message)
    if blocks.indicator_header is not None:
        place_middle_labels(blocks.rows[blocks.indicator_header], rows, found)


def _incomplete(blocks: TableBlocks, name: Located | None) -> str:
    """Why a table cannot be read, naming the line where it stops (a file cut off mid-table)."""
    parts = (("项目名称", name), ("绩效指标表头", blocks.indicator_header), ("总分行", blocks.total))
    missing = "、".join(label for label, found in parts if found is None)
    who = f"“{name.text}”" if name else "自评表"
    return (
        f"{place_of(blocks.last_line)}处自评表不完整：{who}（{place_of(blocks.start + 1)}起）缺少{missing}，"
        "表格在此中断，该项目未解析"
    )


def _parse_table(src: SourceText, blocks: TableBlocks, doc: Document) -> Project | None:
    name = _name(src, blocks)
    start_line = blocks.start + 1
    if name is None or blocks.indicator_header is None or blocks.total is None:
        _problem(doc, blocks.last_line, _incomplete(blocks, name))
        return None
    project = Project(name=name.text, form=Form.SELF_EVALUATION, line=name.line, column=name.column)
    if blocks.department is not None:
        project.department, project.implementer = _units(blocks.rows[blocks.department])
    if blocks.fund_header is None:
        _problem(doc, start_line, f"{place_of(start_line)}起的自评表“{name.text}”没有项目资金（预算执行）行")
    else:
        sub, amount_rows = _execution_rows(blocks)
        project.execution = parse_execution(blocks.rows[blocks.fund_header], sub, amount_rows)
    goal, project.actual_summary = _goals(blocks)
    if goal:
        project.goals[PERIOD_ANNUAL] = goal
    _fill_indicators(project, blocks, doc)
    project.total_score, project.grade = _score_and_grade(blocks.rows[blocks.total])
    if blocks.analysis is not None:
        first, end = blocks.analysis
        project.analysis = parse_analysis([blocks.rows[i] for i in range(first, end)])
    prose = [t for t in (project.actual_summary, *project.analysis.values()) if t is not None]
    project.narrative = sorted((fig for text in prose for fig in figures_in(text)), key=lambda f: (f.line, f.column))
    return project
