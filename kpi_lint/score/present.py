"""What every scorecard format shares: number formats, locations, file names, cell references."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.model import READING_WORDS, Document, Form, Indicator, Reading
from kpi_lint.rules.base import Finding, Placed
from kpi_lint.rules.base import location as base_location
from kpi_lint.score.config import ScoreConfig
from kpi_lint.score.formula import ProjectScore

if TYPE_CHECKING:  # score.run imports this module
    from kpi_lint.score.run import ScoreReport

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def shown_path(path: str) -> str:
    """The path as the reviewer typed it: relative to the working directory when it lies below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def location(finding: Finding) -> str:
    return place(finding.path, finding)


def place(path: str, at: Placed) -> str:
    """Where `at` is printed, as people read it: path:line:col in a text, path!Sheet!C12 in a workbook,
    path:页3 表1 … in a PDF, Word file or web page (rules.base.location), the path as the reviewer typed it."""
    return place_named(shown_path(path), at)


def place_named(name: str, at: Placed) -> str:
    """`place` with the file named as given (a file name in an overview table)."""
    return base_location(name, at.line, at.column, at.anchor)


def grade_rank(grade: str, config: ScoreConfig) -> int:
    """0 for the best band, 1 for the next …; used to pick a colour."""
    names = [name for name, _ in config.bands]
    return names.index(grade) if grade in names else len(names) - 1


def project_anchor(score: ProjectScore) -> str:
    return f"p{score.project.line}"


def scorecard_names(documents: Sequence[Document], suffix: str) -> dict[str, str]:
    """path → file name of its scorecard; stems made unique ("a.html", "a-2.html")."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for doc in documents:
        stem = re.sub(r"[^\w.\-\u4e00-\u9fff]+", "_", Path(doc.path).stem) or "document"
        name, n = f"{stem}{suffix}", 1
        while name in used or name == f"index{suffix}":
            n += 1
            name = f"{stem}-{n}{suffix}"
        used.add(name)
        names[doc.path] = name
    return names


# The cells of an indicator row as the forms print them: (attribute, column heading).
COMMON_CELLS: tuple[tuple[str, str], ...] = (
    ("period", "期间"),
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("level3", "三级指标"),
)
FORM_CELLS: dict[Form, tuple[tuple[str, str], ...]] = {
    Form.DECLARATION: (("value", "指标值"),),
    Form.TARGET: (("description", "绩效指标描述"), ("value", "指标值"), ("basis", "指标值确定依据")),
    Form.SELF_EVALUATION: (
        ("value", "年初指标值"),
        ("actual", "实际完成值"),
        ("weight", "分值"),
        ("score", "得分"),
        ("deviation", "偏差原因"),
    ),
}


def cells_of(form: Form) -> tuple[tuple[str, str], ...]:
    cells = COMMON_CELLS if form is Form.DECLARATION else tuple(c for c in COMMON_CELLS if c[0] != "period")
    return cells + FORM_CELLS[form]


def cell_text(ind: Indicator, attribute: str) -> str:
    value = getattr(ind, attribute)
    if value is None:
        return ""
    if isinstance(value, Reading):  # a row not taken as data: why, for people ("原文错乱，未采信")
        return READING_WORDS[value]
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass
class CellMarks:
    """Which cells of a project's indicator table findings point at: (row index, attribute) → findings."""

    cells: dict[tuple[int, str], list[Finding]]
    loose: list[Finding]  # findings about the project as a whole (no cell)


def mark_cells(score: ProjectScore) -> CellMarks:
    """A finding marks the cell whose printed position it names; else the 三级指标 cell of its row."""
    return mark_findings(score.project.indicators, score.findings)


def mark_findings(indicators: Sequence[Indicator], findings: Sequence[Finding]) -> CellMarks:
    """Which cell of an indicator table each finding names (see mark_cells)."""
    at: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for row, ind in enumerate(indicators):
        for attribute, loc in ind.spans.items():
            at[(loc.line, loc.column)].append((row, attribute))
        if "level3" not in ind.spans:
            at[(ind.line, ind.column)].append((row, "level3"))
    cells: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for finding in findings:
        targets = at.get((finding.line, finding.column))
        if targets:
            cells[targets[0]].append(finding)
            continue
        row_match = next(
            (
                r
                for r, ind in enumerate(indicators)
                if ind.line == finding.line and (finding.level3 is None or ind.level3 == finding.level3)
            ),
            None,
        )
        if row_match is not None:
            cells[(row_match, "level3")].append(finding)
        else:
            loose.append(finding)
    return CellMarks(dict(cells), loose)


def write_scorecards(
    report: ScoreReport,
    out_dir: Path,
    suffix: str,
    render_document: Callable[[ScoreReport, Document], str],
    render_overview: Callable[[ScoreReport, dict[str, str]], str],
) -> list[Path]:
    """index<suffix> plus one scorecard per document into `out_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = scorecard_names(report.documents, suffix)
    written = []
    for doc in report.documents:
        path = out_dir / names[doc.path]
        path.write_text(render_document(report, doc), encoding="utf-8")
        written.append(path)
    index = out_dir / f"index{suffix}"
    index.write_text(render_overview(report, names), encoding="utf-8")
    return [index, *written]
