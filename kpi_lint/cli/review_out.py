"""The reviewer's outputs of `check` and `score` that are files, not streams: the workbook and the review pages."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.model import Document, ParseProblem
from kpi_lint.report.headers import HeaderLanguage
from kpi_lint.rules.base import Finding

if TYPE_CHECKING:
    from kpi_lint.score.run import ScoreReport

# The writers (XlsxWriter, the review pages, the scoring) are imported when a file is written, not
# here: `check` imports this module for its flags, and a run that prints its findings needs none of them.

XLSX_NEEDS_FILE = "xlsx 格式需要用 -o 指定输出文件（如 -o 审核结果.xlsx）"
HTML_NEEDS_TARGET = "html 格式需要用 -o 指定输出文件（.html）或文件夹（每个文档一页）"


def header_language(chosen: HeaderLanguage | None, spreadsheet: bool) -> HeaderLanguage:
    """Chinese headings in a workbook, the stable field names in CSV, unless `--header` says otherwise."""
    if chosen is not None:
        return chosen
    return HeaderLanguage.zh if spreadsheet else HeaderLanguage.en


def said(output: Path, what: str, detail: str) -> None:
    print(f"kpi-lint: 已写入{what} {output}（{detail}）", file=sys.stderr)


def write_check_xlsx(
    output: Path,
    documents: Sequence[Document],
    findings: Sequence[Finding],
    problems: Sequence[ParseProblem],
    language: HeaderLanguage,
) -> None:
    from kpi_lint.report.workbook import write_check_workbook

    write_check_workbook(output, documents, findings, problems, language)
    said(output, "工作簿", f"{len(findings)} 条问题")


def write_check_html(
    output: Path, documents: Sequence[Document], findings: Sequence[Finding], problems: Sequence[ParseProblem]
) -> None:
    from kpi_lint.report.review_page import write_review_pages

    files = write_review_pages(output, documents, findings, problems)
    if len(files) == 1:
        said(files[0], "审核页", f"{len(findings)} 条问题")
    else:
        print(f"kpi-lint: 已写入 {len(files)} 个审核页到 {output}/（目录 {files[0].name}）", file=sys.stderr)


def write_score_xlsx(
    output: Path, report: ScoreReport, problems: Sequence[ParseProblem], language: HeaderLanguage
) -> None:
    from kpi_lint.report.workbook import write_score_workbook

    write_score_workbook(output, report, problems, language)
    said(output, "评分工作簿", f"{len(report.projects)} 个项目")
