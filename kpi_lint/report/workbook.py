"""`check --output-format xlsx` and `score --format xlsx`: an Excel workbook for reviewers.

Sheets: 汇总 (counts by severity, rule, unit, file and grade), 问题清单 (one row per finding,
frozen header, auto-filter, coloured by severity, its source position linked to the file and its
cell in the project sheet), 评分 (`score` only: the ranked projects), then one sheet per project
with its indicator table as printed, problem cells coloured and the findings as cell comments.

Written with XlsxWriter, in the plain subset Excel, WPS and LibreOffice all read: no formulas,
no macros, no tables objects, only formats, comments, hyperlinks, frozen panes and auto-filters.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from kpi_lint.model import UNSCORED_GRADES, Document, Indicator, ParseProblem, Project
from kpi_lint.report import INPUT_ERROR_CODE, INPUT_ERROR_NAME, occurrence_count, occurrence_places
from kpi_lint.report.headers import HeaderLanguage, header, headers, value_word
from kpi_lint.report.review import (
    SEVERITY_ORDER,
    DocumentReview,
    ProjectReview,
    cell_location,
    review_documents,
    row_where,
)
from kpi_lint.rules.base import Finding, Severity, location
from kpi_lint.score.present import cell_text
from kpi_lint.score.run import ScoreReport
from kpi_lint.score.self_eval import printed_score
from kpi_lint.score.table import Dimension

SUMMARY_SHEET = "汇总"
FINDINGS_SHEET = "问题清单"
SCORES_SHEET = "评分"
# One row per finding in 问题清单, in this order.
FINDING_COLUMNS = (
    "code",
    "title_zh",
    "severity",
    "location",
    "project",
    "level3",
    "value",
    "message",
    "suggestion",
    "cell",
    "period",
    "level1",
    "level2",
    "path",
    "line",
    "column",
    "anchor",
    "name",
    "count",
    "occurrences",
)
PRINTED_FINDING_COLUMNS = FINDING_COLUMNS.index("suggestion") + 1  # a printed page shows up to 建议
SEVERITY_COLOURS = {  # (fill, font): Excel's own "bad" / "neutral" / note colours
    Severity.ERROR: ("#FFC7CE", "#9C0006"),
    Severity.WARNING: ("#FFEB9C", "#9C5700"),
    Severity.INFO: ("#DDEBF7", "#1F4E78"),
}
MAX_CELL = 32_000  # Excel holds at most 32 767 characters in a cell or a comment
MAX_WIDTH = {"message": 60, "suggestion": 40, "project": 30, "level3": 30, "value": 24, "location": 40}
SHEET_NAME_LIMIT = 31
MAX_LINKS = 65_530  # hyperlinks Excel keeps on one worksheet
MAX_URL = 2_000  # characters of a link Excel accepts (2 079, less the quoting of a sheet name)
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
SOURCE_CELL = re.compile(r"[^!]+![A-Z]{1,3}[0-9]+")  # a cell of a source workbook: Sheet1!C12


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a CJK character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def sheet_name(text: str, used: set[str]) -> str:
    """A valid, unique Excel sheet name: ≤31 characters, none of []:*?/\\, no quote at either end."""
    name = FORBIDDEN_IN_SHEET_NAME.sub("_", " ".join(text.split())).strip("'") or "表"
    name = name[:SHEET_NAME_LIMIT].rstrip("'")
    n = 1
    candidate = name
    while candidate.lower() in used or candidate.lower() == "history":  # "History" is reserved by Excel
        n += 1
        suffix = f"~{n}"
        candidate = name[: SHEET_NAME_LIMIT - len(suffix)].rstrip("'") + suffix
    used.add(candidate.lower())
    return candidate


def internal_link(sheet: str, row: int, col: int) -> str:
    return f"internal:'{sheet.replace(chr(39), chr(39) * 2)}'!{xl_rowcol_to_cell(row, col)}"


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base = {"valign": "top", "text_wrap": True}
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.meta = book.add_format({"font_color": "#57606A"})
        self.heading = book.add_format({"bold": True, "font_size": 12})
        self.head = book.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "border": 1})
        self.text = book.add_format({**base, "border": 1})
        self.number = book.add_format({"valign": "top", "border": 1})
        self.score = book.add_format({"valign": "top", "border": 1, "num_format": "0.0"})
        self.link = book.add_format({**base, "border": 1, "font_color": "#0563C1", "underline": 1})
        self.plain_link = book.add_format({"font_color": "#0563C1", "underline": 1})
        self.code = book.add_format({"valign": "top", "border": 1, "bold": True})
        self.severity: dict[Severity, Format] = {}
        self.cell: dict[Severity, Format] = {}
        self.cell_link: dict[Severity, Format] = {}
        for sev, (fill, font) in SEVERITY_COLOURS.items():
            self.severity[sev] = book.add_format({"valign": "top", "border": 1, "bg_color": fill, "font_color": font})
            self.cell[sev] = book.add_format({**base, "border": 2, "border_color": font, "bg_color": fill})
            self.cell_link[sev] = book.add_format(
                {**base, "border": 1, "bg_color": fill, "font_color": "#0563C1", "underline": 1}
            )


def _worst(findings: Sequence[Finding]) -> Severity:
    return max((f.severity for f in findings), key=lambda s: s.rank)


@dataclass
class _Place:
    sheet: str
    row: int
    col: int


class _Widths:
    """The widest text per column, so that each column fits its content (within a cap)."""

    def __init__(self) -> None:
        self.widest: dict[int, int] = defaultdict(int)

    def see(self, col: int, text: str) -> None:
        longest = max((display_width(part) for part in text.split("\n")), default=0)
        self.widest[col] = max(self.widest[col], longest)

    def apply(self, sheet: Worksheet, caps: dict[int, int], floor: int = 6) -> None:
        for col, width in self.widest.items():
            sheet.set_column(col, col, min(max(width + 2, floor), caps.get(col, 50)))


class WorkbookWriter:
    """One workbook: call the sheet methods in the order the sheets should appear, then close()."""

    def __init__(self, path: Path, language: HeaderLanguage) -> None:
        self.path = path
        self.language = language
        self.book = xlsxwriter.Workbook(
            str(path), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
        )
        self.book.set_properties({"title": "kpi-lint 绩效目标审核", "author": "kpi-lint"})
        self.fmt = _Formats(self.book)
        self.used: set[str] = {SUMMARY_SHEET, FINDINGS_SHEET, SCORES_SHEET}  # sheet names taken (lower case)
        self.project_sheets: dict[int, str] = {}  # id(project) → its sheet's name
        self.cell_places: dict[int, _Place] = {}  # id(finding) → its cell in a project sheet
        self.finding_rows: dict[int, int] = {}  # id(finding) → its row in 问题清单

    # -- shared pieces -----------------------------------------------------------------------
    def add_sheet(self, name: str) -> tuple[str, Worksheet]:
        """One of the fixed sheets (汇总, 问题清单, 评分), whose names project sheets never take."""
        return name, self.printable(self.book.add_worksheet(name))

    @staticmethod
    def printable(sheet: Worksheet, header_rows: tuple[int, int] | None = None) -> Worksheet:
        """A4 landscape, as wide as one page, the header row repeated on every page."""
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        sheet.set_footer("&C&P / &N")
        if header_rows is not None:
            sheet.repeat_rows(*header_rows)
        return sheet

    def link(self, sheet: Worksheet, row: int, col: int, url: str, fmt: Format, text: str, tip: str = "") -> None:
        """A hyperlink cell, or the plain text where Excel would refuse the link (too long, too many on a sheet)."""
        if sheet.hlink_count < MAX_LINKS and len(url) <= MAX_URL:
            sheet.write_url(row, col, url, fmt, text, tip or None)
        else:
            sheet.write_string(row, col, _clip(text), self.fmt.text)

    def h(self, field: str) -> str:
        return header(field, self.language)

    def severity_word(self, severity: Severity | str) -> str:
        return str(value_word("severity", str(severity), self.language))

    def file_url(self, path: str, anchor: str | None = None) -> str:
        """A link to a source file, relative to the workbook so that the pair can be moved together.

        A position in a source workbook ("Sheet1!C12") becomes the link's target cell.
        """
        target = Path(path).resolve()
        try:
            rel = os.path.relpath(target, self.path.resolve().parent)
        except ValueError:  # another drive on Windows
            rel = str(target)
        url = "external:" + rel.replace("\\", "/")
        if anchor and SOURCE_CELL.fullmatch(anchor):
            sheet, cell = anchor.rsplit("!", 1)
            url += f"#'{sheet.replace(chr(39), chr(39) * 2)}'!{cell}"
        return url

    def write_table(
        self, sheet: Worksheet, top: int, fields: Sequence[str], rows: Sequence[Sequence[Any]], widths: _Widths
    ) -> int:
        """A small bordered table with a header row at `top`; returns the row after it."""
        for col, text in enumerate(headers(fields, self.language)):
            sheet.write_string(top, col, text, self.fmt.head)
            widths.see(col, text)
        for r, values in enumerate(rows, start=top + 1):
            for col, value in enumerate(values):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(r, col, value, self.fmt.score if isinstance(value, float) else self.fmt.number)
                    widths.see(col, f"{value:.1f}" if isinstance(value, float) else str(value))
                else:
                    text = "" if value is None else str(value)
                    sheet.write_string(r, col, _clip(text), self.fmt.text)
                    widths.see(col, text)
        return top + 1 + len(rows) + 1

    # -- planning: where every project sheet and problem cell will be ----------------------------
    def plan_projects(self, reviews: Sequence[DocumentReview]) -> list[tuple[str, ProjectReview]]:
        """Name every project sheet and locate every marked cell before anything links to them."""
        planned = []
        number = 0
        for review in reviews:
            for project in review.projects:
                number += 1
                name = sheet_name(f"{number:02d} {project.name}", self.used)
                self.project_sheets[id(project.project)] = name
                planned.append((name, project))
                for (row, attribute), found in project.cells.items():
                    col = 1 + [a for a, _ in project.columns].index(attribute)
                    for finding in found:
                        self.cell_places[id(finding)] = _Place(name, PROJECT_TABLE_TOP + 1 + row, col)
        return planned

    # -- 汇总 --------------------------------------------------------------------------------
    def summary_sheet(
        self,
        reviews: Sequence[DocumentReview],
        findings: Sequence[Finding],
        problems: Sequence[ParseProblem],
        grades: Sequence[tuple[str, str, int, int]] = (),
        title: str = "kpi-lint 检查结果汇总",
    ) -> None:
        """`grades`: (heading, grade, projects, findings) rows, e.g. the tool's grade or the self-evaluation's."""
        _, sheet = self.add_sheet(SUMMARY_SHEET)
        widths = _Widths()
        projects = sum(len(r.projects) for r in reviews)
        by_sev = Counter(f.severity for f in findings)
        sheet.write_string(0, 0, title, self.fmt.title)
        spread = " · ".join(f"{self.severity_word(s)} {by_sev[s]}" for s in SEVERITY_ORDER)
        unread = f" · {len(problems)} 个输入问题（{INPUT_ERROR_CODE}）" if problems else ""
        counts = f"{len(reviews)} 个文件 · {projects} 个项目 · {len(findings)} 条问题（{spread}）{unread}"
        sheet.write_string(1, 0, counts, self.fmt.meta)
        row = 3
        sheet.write_string(row, 0, "按级别", self.fmt.heading)
        sev_rows = [[self.severity_word(s), by_sev[s]] for s in SEVERITY_ORDER]
        row = self.write_table(sheet, row + 1, ("severity", "count"), sev_rows, widths)

        sheet.write_string(row, 0, "按规则", self.fmt.heading)
        row = self.write_table(
            sheet,
            row + 1,
            ("code", "title_zh", "name", "error", "warning", "info", "count", "projects"),
            _rule_rows(findings),
            widths,
        )

        sheet.write_string(row, 0, "按单位", self.fmt.heading)
        row = self.write_table(
            sheet,
            row + 1,
            ("department", "files", "project_count", "findings", "error", "warning", "info"),
            _unit_rows(reviews),
            widths,
        )

        sheet.write_string(row, 0, "按文件", self.fmt.heading)
        file_top = row + 1
        file_rows = [
            [
                r.document.path,
                _unit(r.document),
                r.document.year or "",
                "、".join(f.value for f in r.document.forms),
                len(r.projects),
                len(r.findings),
            ]
            for r in reviews
        ]
        row = self.write_table(
            sheet, file_top, ("path", "department", "year", "form", "project_count", "findings"), file_rows, widths
        )
        for i, review in enumerate(reviews):  # the file name links to the file itself
            self.link(
                sheet,
                file_top + 1 + i,
                0,
                self.file_url(review.document.path),
                self.fmt.link,
                review.document.path,
                "打开源文件",
            )

        if grades:
            sheet.write_string(row, 0, "按等级", self.fmt.heading)
            row = self.write_table(
                sheet,
                row + 1,
                ("kind_of_grade", "grade", "project_count", "findings"),
                [list(g) for g in grades],
                widths,
            )
        widths.apply(sheet, {0: 48, 1: 30})

    # -- 问题清单 -------------------------------------------------------------------------------
    def findings_sheet(self, findings: Sequence[Finding], problems: Sequence[ParseProblem]) -> None:
        _, sheet = self.add_sheet(FINDINGS_SHEET)
        widths = _Widths()
        for col, text in enumerate(headers(FINDING_COLUMNS, self.language)):
            sheet.write_string(0, col, text, self.fmt.head)
            widths.see(col, text)
        for row, finding in enumerate(findings, start=1):
            self.finding_rows[id(finding)] = row
            self._finding_row(sheet, row, finding, widths)
        for row, problem in enumerate(problems, start=len(findings) + 1):
            self._problem_row(sheet, row, problem, widths)
        row = len(findings) + len(problems)
        sheet.freeze_panes(1, 0)
        sheet.repeat_rows(0)
        sheet.print_area(0, 0, max(row, 1), PRINTED_FINDING_COLUMNS - 1)
        sheet.autofilter(0, 0, max(row, 1), len(FINDING_COLUMNS) - 1)
        sheet.set_row(0, 20)
        caps = {FINDING_COLUMNS.index(k): v for k, v in MAX_WIDTH.items()}
        widths.apply(sheet, caps)

    def _finding_row(self, sheet: Worksheet, row: int, f: Finding, widths: _Widths) -> None:
        place = self.cell_places.get(id(f))
        values: dict[str, Any] = {
            "code": f.code,
            "title_zh": f.title_zh,
            "severity": self.severity_word(f.severity),
            "message": f.message,
            "suggestion": f.suggestion,
            "location": f.location,
            "project": f.project,
            "period": f.period,
            "level1": f.level1,
            "level2": f.level2,
            "level3": f.level3,
            "value": f.value,
            "cell": f"{place.sheet}!{xl_rowcol_to_cell(place.row, place.col)}" if place else None,
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "anchor": f.anchor,
            "name": f.name,
            "count": occurrence_count(f),
            "occurrences": occurrence_places(f),
        }
        for col, field in enumerate(FINDING_COLUMNS):
            value = values[field]
            if field == "severity":
                sheet.write_string(row, col, value, self.fmt.severity[f.severity])
            elif field == "code":
                sheet.write_string(row, col, value, self.fmt.code)
            elif field == "location":
                self.link(sheet, row, col, self.file_url(f.path, f.anchor), self.fmt.link, value, "打开源文件")
            elif field == "cell" and place is not None:
                self.link(
                    sheet,
                    row,
                    col,
                    internal_link(place.sheet, place.row, place.col),
                    self.fmt.link,
                    value,
                    "转到指标表中的单元格",
                )
            elif isinstance(value, int):
                sheet.write_number(row, col, value, self.fmt.number)
            else:
                sheet.write_string(row, col, _clip(value or ""), self.fmt.text)
            widths.see(col, "" if value is None else str(value))

    def _problem_row(self, sheet: Worksheet, row: int, p: ParseProblem, widths: _Widths) -> None:
        values: dict[str, Any] = dict.fromkeys(FINDING_COLUMNS, "")
        values.update(
            code=INPUT_ERROR_CODE,
            title_zh="输入错误",
            name=INPUT_ERROR_NAME,
            severity=self.severity_word(p.severity),
            message=p.message,
            location=location(p.path, p.line, p.column, None),
            path=p.path,
            line=p.line,
            column=p.column,
        )
        for col, field in enumerate(FINDING_COLUMNS):
            value = values[field]
            if field == "severity":
                sheet.write_string(row, col, value, self.fmt.severity[Severity(p.severity)])
            elif isinstance(value, int):
                sheet.write_number(row, col, value, self.fmt.number)
            else:
                sheet.write_string(row, col, _clip(str(value)), self.fmt.code if field == "code" else self.fmt.text)
            widths.see(col, str(value))

    # -- one sheet per project ---------------------------------------------------------------
    def project_sheet(self, name: str, review: ProjectReview, document: Document, facts: Sequence[str] = ()) -> None:
        sheet = self.printable(self.book.add_worksheet(name), (PROJECT_TABLE_TOP, PROJECT_TABLE_TOP))
        widths = _Widths()
        project = review.project
        fmt = self.fmt
        sheet.write_string(0, 0, project.name, fmt.title)
        counts = Counter(f.severity for f in review.findings)
        spread = "、".join(f"{self.severity_word(s)} {counts[s]}" for s in SEVERITY_ORDER if counts[s])
        meta = [
            project.form.value,
            f"{len(project.indicators)} 个指标",
            f"{len(review.findings)} 条问题" + (f"（{spread}）" if spread else ""),
            *facts,
        ]
        if document.department:
            meta.insert(0, f"单位 {document.department.text}")
        sheet.write_string(1, 0, " · ".join(meta), fmt.meta)
        self.link(sheet, 2, 0, self.file_url(review.path, project.anchor), fmt.plain_link, review.where, "打开源文件")
        self.link(sheet, 1, len(review.columns) + 1, f"internal:'{SUMMARY_SHEET}'!A1", fmt.plain_link, "← 汇总")
        fields = ["location", *(a for a, _ in review.columns), "codes"]
        labels = [
            self.h("location"),
            *(h if self.language is HeaderLanguage.zh else a for a, h in review.columns),
            self.h("codes"),
        ]
        top = PROJECT_TABLE_TOP
        for col, text in enumerate(labels):
            sheet.write_string(top, col, text, fmt.head)
            widths.see(col, text)
        for i, ind in enumerate(project.indicators):
            row = top + 1 + i
            where = row_where(ind)
            sheet.write_string(row, 0, where, fmt.text)
            widths.see(0, where)
            row_findings: list[Finding] = []
            for col, (attribute, _) in enumerate(review.columns, start=1):
                text = cell_text(ind, attribute)
                found = review.cells.get((i, attribute), [])
                widths.see(col, text)
                if not found:
                    sheet.write_string(row, col, _clip(text), fmt.text)
                    continue
                row_findings.extend(found)
                sheet.write_string(row, col, _clip(text), fmt.cell[_worst(found)])
                sheet.write_comment(
                    row,
                    col,
                    _clip(self._comment(found, review.path, ind, attribute)),
                    {"author": "kpi-lint", "x_scale": 3, "y_scale": 2 + len(found)},
                )
            codes = " ".join(sorted({f.code for f in row_findings}))
            first = min(row_findings, key=lambda f: self.finding_rows.get(id(f), 0), default=None)
            if first is not None and id(first) in self.finding_rows:
                self.link(
                    sheet,
                    row,
                    len(fields) - 1,
                    internal_link(FINDINGS_SHEET, self.finding_rows[id(first)], 0),
                    fmt.cell_link[_worst(row_findings)],
                    codes,
                    "转到问题清单",
                )
            else:
                sheet.write_string(row, len(fields) - 1, codes, fmt.text)
            widths.see(len(fields) - 1, codes)
        last = top + len(project.indicators)
        sheet.freeze_panes(top + 1, 0)
        if project.indicators:
            sheet.autofilter(top, 0, last, len(fields) - 1)
        row = last + 2
        if review.loose:
            sheet.write_string(row, 0, "项目层面的问题（不针对表中某一单元格）", fmt.heading)
            row += 1
            for f in review.loose:
                sheet.write_string(row, 0, f.location, fmt.text)
                sheet.write_string(row, 1, f"{f.code} {f.title_zh}", fmt.severity[f.severity])
                sheet.write_string(row, 2, self.severity_word(f.severity), fmt.severity[f.severity])
                text = f.message + (f"\n建议：{f.suggestion}" if f.suggestion else "")
                sheet.merge_range(row, 3, row, max(3, len(fields) - 1), _clip(text), fmt.text)
                row += 1
        caps = {0: 22, **{c: 24 for c in range(1, len(fields))}}
        for col, (attribute, _) in enumerate(review.columns, start=1):
            if attribute in ("description", "basis", "deviation", "level3", "value", "actual"):
                caps[col] = 36
            if attribute in ("period", "weight", "score"):
                caps[col] = 10
        widths.apply(sheet, caps)

    def _comment(self, found: Sequence[Finding], path: str, ind: Indicator, attribute: str) -> str:
        lines = [f"{cell_location(path, ind, attribute)}"]
        for f in found:
            lines.append(f"{f.code} {f.title_zh}（{self.severity_word(f.severity)}）：{f.message}")
            if f.suggestion:
                lines.append(f"建议：{f.suggestion}")
        return "\n".join(lines)

    # -- 评分 (score only) ---------------------------------------------------------------------
    def scores_sheet(self, report: ScoreReport) -> None:
        _, sheet = self.add_sheet(SCORES_SHEET)
        widths = _Widths()
        fields = (
            "rank",
            "project",
            "total",
            "grade",
            *(d.value for d in Dimension),
            "self_total",
            "self_grade",
            "findings",
            "codes",
            "location",
        )
        for col, text in enumerate(headers(fields, self.language)):
            sheet.write_string(0, col, text, self.fmt.head)
            widths.see(col, text)
        row = 0
        for row, score in enumerate(report.ranked(), start=1):
            project = score.project
            values: list[Any] = [
                row if score.scored else "—",
                score.name,
                round(score.total, 1) if score.scored else "—",
                score.grade,
                *(round(score.dimensions[d].score, 1) if score.scored else "—" for d in Dimension),
                _own_score(project),
                project.grade.text if project.grade else "",
                len(score.findings),
                " ".join(sorted({f.code for f in score.findings})),
                location(score.path, project.line, project.column, project.anchor),
            ]
            for col, value in enumerate(values):
                if isinstance(value, int | float):
                    sheet.write_number(row, col, value, self.fmt.score if isinstance(value, float) else self.fmt.number)
                else:
                    sheet.write_string(row, col, value, self.fmt.text)
                widths.see(col, str(value))
            target = self.project_sheets.get(id(project))
            if target:  # the project's name leads to its sheet
                self.link(sheet, row, 1, internal_link(target, 0, 0), self.fmt.link, score.name, "转到项目的指标表")
        sheet.freeze_panes(1, 2)
        sheet.repeat_rows(0)
        sheet.autofilter(0, 0, max(row, 1), len(fields) - 1)
        widths.apply(sheet, {1: 36, len(fields) - 1: 40, len(fields) - 2: 30})

    def close(self) -> None:
        self.book.close()


PROJECT_TABLE_TOP = 4  # the header row of a project sheet's indicator table (0-based)


def _unit(doc: Document) -> str:
    return doc.department.text if doc.department else "（未注明单位）"


def _rule_rows(findings: Sequence[Finding]) -> list[list[Any]]:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    rows = []
    for code in sorted(by_code):
        group = by_code[code]
        sev = Counter(f.severity for f in group)
        projects = len({(f.path, f.project) for f in group if f.project})
        rows.append(
            [
                code,
                group[0].title_zh,
                group[0].name,
                sev[Severity.ERROR],
                sev[Severity.WARNING],
                sev[Severity.INFO],
                len(group),
                projects,
            ]
        )
    return rows


def _unit_rows(reviews: Sequence[DocumentReview]) -> list[list[Any]]:
    units: dict[str, list[DocumentReview]] = defaultdict(list)
    for r in reviews:
        units[_unit(r.document)].append(r)
    rows = []
    for unit, group in units.items():
        found = [f for r in group for f in r.findings]
        sev = Counter(f.severity for f in found)
        rows.append(
            [
                unit,
                len(group),
                sum(len(r.projects) for r in group),
                len(found),
                sev[Severity.ERROR],
                sev[Severity.WARNING],
                sev[Severity.INFO],
            ]
        )
    return rows


def _self_grades(reviews: Sequence[DocumentReview]) -> list[tuple[str, str, int, int]]:
    """Projects and findings per self-evaluated grade (自评等级 as the document prints it)."""
    projects: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for review in reviews:
        for p in review.projects:
            if p.project.grade is not None:
                projects[p.project.grade.text] += 1
                found[p.project.grade.text] += len(p.findings)
    return [("自评等级", g, projects[g], found[g]) for g in sorted(projects)]


def _write_projects(
    writer: WorkbookWriter,
    reviews: Sequence[DocumentReview],
    planned: list[tuple[str, ProjectReview]],
    facts: dict[int, list[str]],
) -> None:
    docs = {r.document.path: r.document for r in reviews}
    for name, project in planned:
        writer.project_sheet(name, project, docs[project.path], facts.get(id(project.project), []))


def _own_score(project: Project) -> float | str:
    """The printed 自评总分 as a number Excel sorts, or an empty cell when the table prints none or the
    extraction garbled it ("100100注:1.": the 总分 cell run into the notes under it)."""
    own = printed_score(project)
    return "" if own is None else own


def _self_facts(review: ProjectReview) -> list[str]:
    project = review.project
    facts = []
    own = _own_score(project)
    if own != "":
        facts.append(f"自评总分 {own:g}")
    if project.grade is not None:
        facts.append(f"自评等级 {project.grade.text}")
    return facts


def write_check_workbook(
    path: Path,
    documents: Sequence[Document],
    findings: Sequence[Finding],
    problems: Sequence[ParseProblem] = (),
    language: HeaderLanguage = HeaderLanguage.zh,
) -> None:
    """The workbook of a `check` run."""
    reviews = review_documents(documents, findings)
    ordered = [f for r in reviews for f in r.findings]
    writer = WorkbookWriter(path, language)
    planned = writer.plan_projects(reviews)
    writer.summary_sheet(reviews, ordered, problems, _self_grades(reviews))
    writer.findings_sheet(ordered, problems)
    facts = {id(p.project): _self_facts(p) for r in reviews for p in r.projects}
    _write_projects(writer, reviews, planned, facts)
    writer.close()


def write_score_workbook(
    path: Path,
    report: ScoreReport,
    problems: Sequence[ParseProblem] = (),
    language: HeaderLanguage = HeaderLanguage.zh,
) -> None:
    """The workbook of a `score` run: the check workbook's sheets plus 评分, grades by the tool's 目标质量分."""
    findings = [f for s in report.projects for f in s.findings]
    findings += [f for fs in report.document_findings.values() for f in fs]
    reviews = review_documents(report.documents, findings)
    ordered = [f for r in reviews for f in r.findings]
    writer = WorkbookWriter(path, language)
    planned = writer.plan_projects(reviews)
    by_grade: Counter[str] = Counter(s.grade for s in report.projects)
    found: Counter[str] = Counter()
    for s in report.projects:
        found[s.grade] += len(s.findings)
    # The scale's grades, then the "无法评分（…）" of the projects that were not scored (Project.unscored).
    order = [name for name, _ in report.config.bands] + list(UNSCORED_GRADES.values())
    grades = [("目标质量分等级", g, by_grade[g], found[g]) for g in order if by_grade[g]]
    writer.summary_sheet(
        reviews, ordered, problems, [*grades, *_self_grades(reviews)], title="kpi-lint 绩效目标质量评分汇总"
    )
    writer.scores_sheet(report)
    writer.findings_sheet(ordered, problems)
    scores = {id(s.project): s for s in report.projects}
    facts: dict[int, list[str]] = {}
    for r in reviews:
        for p in r.projects:
            own = scores.get(id(p.project))
            tool = [f"目标质量分 {own.shown_total}（{own.grade}）"] if own else []
            facts[id(p.project)] = tool + _self_facts(p)
    _write_projects(writer, reviews, planned, facts)
    writer.close()
