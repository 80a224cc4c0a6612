"""`kpi-lint parse`: disclosures → one record per indicator."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from kpi_lint.cli.common import (
    EXIT_INPUT,
    finish,
    load_documents,
    report_error,
    write_csv,
    write_text,
    writing,
    wrote,
)
from kpi_lint.cli.typer_app import app
from kpi_lint.frame import indicator_record, to_frame
from kpi_lint.model import READING_WORDS, Document
from kpi_lint.report.headers import HeaderLanguage, headers, value_word
from kpi_lint.report.parsed_json import render_documents

if TYPE_CHECKING:
    import pandas as pd


class ParseFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"
    table = "table"


def _write_jsonl(docs: list[Document], out: Path | None) -> None:
    lines = (json.dumps(indicator_record(ind), ensure_ascii=False) for doc in docs for ind in doc.indicators)
    write_text("".join(line + "\n" for line in lines), out)


def _print_table(docs: list[Document], out: Path | None) -> None:
    # Off a terminal (a file, a pipe) rich would wrap at 80 columns and cut the Chinese names.
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    console = Console(file=stream, width=None if stream.isatty() else 160)
    for doc in docs:
        dept = doc.department.text if doc.department else "—"
        declared = "—" if doc.declared_projects is None else str(doc.declared_projects)
        console.print(
            f"[bold]{doc.path}[/]  版式 {doc.layout.value} · 编码 {doc.encoding} · 单位 {dept} · "
            f"年度 {doc.year or '—'} · 表 {'/'.join(f.value for f in doc.forms)} · "
            f"声明项目数 {declared} · 解析项目数 {len(doc.projects)}"
        )
        table = Table(show_lines=False, header_style="bold")
        for col in ("行", "项目", "表", "指标数", "期间", "资金", "空类别"):
            table.add_column(col)
        for proj in doc.projects:
            total = proj.fund("总额")
            money = (
                f"{total.text} {total.unit}"
                if total
                else (f"{proj.execution.full_year} {proj.execution.unit}" if proj.execution else "—")
            )
            periods = "/".join(p or "—" for p in proj.periods)
            empties = "、".join(sorted({e.level2 for e in proj.empty_categories})) or "—"
            count = str(len(proj.indicators))
            readings = sorted({READING_WORDS[ind.reading] for ind in proj.indicators if ind.reading})
            if readings:  # rows listed but not taken as data
                count += f"（{'、'.join(readings)}）"
            table.add_row(str(proj.line), proj.name, proj.form.value, count, periods, money, empties)
        console.print(table)


def _localised(frame: pd.DataFrame, language: HeaderLanguage) -> pd.DataFrame:
    """The indicator table with `language` headings; with Chinese ones the value kinds are Chinese words too."""
    if language is HeaderLanguage.en:
        return frame
    frame = frame.assign(
        kind=frame["kind"].map(lambda kind: value_word("kind", kind, language)),
        reading=frame["reading"].map(lambda reading: value_word("reading", reading, language)),
    )
    return frame.set_axis(headers(frame.columns, language), axis=1)


@app.command("parse")
def parse_command(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹（递归读取 .txt）")],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="输出格式")] = ParseFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    header: Annotated[
        HeaderLanguage, typer.Option("--header", help="csv 的表头语言：en 英文字段名（默认），zh 中文表头与中文值类型")
    ] = HeaderLanguage.en,
) -> None:
    """解析绩效目标表：jsonl/csv/parquet 每个指标一条记录，json 输出完整的文档结构（均带源文件行号、列号）。"""
    loaded = load_documents(paths)
    docs = loaded.documents
    with writing(output):
        if fmt is ParseFormat.jsonl:
            _write_jsonl(docs, output)
        elif fmt is ParseFormat.json:
            write_text(render_documents(docs), output)
        elif fmt is ParseFormat.csv:
            write_csv(_localised(to_frame(docs), header), output)
        elif fmt is ParseFormat.parquet:
            if output is None:
                report_error("parquet 格式需要用 -o 指定输出文件")
                raise typer.Exit(EXIT_INPUT)
            to_frame(docs).to_parquet(output, index=False)
        else:
            _print_table(docs, output)
    if output is not None:
        indicators = sum(len(doc.indicators) for doc in docs)
        wrote(output, f"{len(docs)} 个文档、{indicators} 个指标，{fmt.value} 格式")
    finish(loaded)
