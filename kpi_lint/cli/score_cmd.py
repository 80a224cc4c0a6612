"""`kpi-lint score`: a target-quality score per project, as a ranked list or scorecards."""

from __future__ import annotations

import csv
import errno
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kpi_lint.cli.common import (
    EXIT_INPUT,
    exclusion_for,
    finish,
    report_error,
    writing,
    wrote,
)
from kpi_lint.cli.options import ExcludeOption, ExtendExcludeOption, HeaderOption
from kpi_lint.cli.review_out import XLSX_NEEDS_FILE, header_language, write_score_xlsx
from kpi_lint.cli.running import DaskOption, JobsOption, NoCacheOption, executing, run_check
from kpi_lint.cli.typer_app import app
from kpi_lint.config import ConfigError
from kpi_lint.config import load_config as load_settings
from kpi_lint.report.headers import HeaderLanguage, headers, localise
from kpi_lint.report.scorecard_html import write_html
from kpi_lint.report.scorecard_md import write_markdown
from kpi_lint.rules.context import PEERS
from kpi_lint.rules.registry import all_rules
from kpi_lint.score.config import ScoreConfigError, score_config
from kpi_lint.score.export import CSV_COLUMNS, print_table, rows, to_json
from kpi_lint.score.run import ScoreReport, score_documents

DEFAULT_DIR = Path("scorecards")


class ScoreFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


def _write(report: ScoreReport, fmt: ScoreFormat, output: Path | None, header: HeaderLanguage | None = None) -> None:
    if fmt in (ScoreFormat.markdown, ScoreFormat.html):
        out_dir = output or DEFAULT_DIR
        if out_dir.exists() and not out_dir.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "评分卡要写入文件夹，这里是一个文件")
        files = write_html(report, out_dir) if fmt is ScoreFormat.html else write_markdown(report, out_dir)
        wrote(Path(f"{out_dir}/"), f"{len(files)} 个文件，总览 {files[0].name}")
        return
    stream = (
        output.open("w", encoding="utf-8-sig" if fmt is ScoreFormat.csv else "utf-8", newline="")
        if output
        else sys.stdout
    )
    try:
        if fmt is ScoreFormat.csv:
            language = header_language(header, spreadsheet=False)
            writer = csv.DictWriter(stream, fieldnames=headers(CSV_COLUMNS, language))
            writer.writeheader()
            writer.writerows(localise(row, language) for row in rows(report))
        elif fmt is ScoreFormat.json:
            json.dump(to_json(report), stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        else:
            print_table(report, Console(file=stream, width=160) if output else Console())
    finally:
        if output:
            stream.close()
    if output:
        wrote(output, f"{len(report.projects)} 个项目的评分，{fmt.value} 格式")


@app.command("score")
def score_command(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹（递归读取）")],
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="输出格式")] = ScoreFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件；markdown/html 为文件夹（默认 ./scorecards）")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="配置文件（默认向上查找 kpi-lint.toml / pyproject.toml）")
    ] = None,
    header: HeaderOption = None,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    dask: DaskOption = None,
) -> None:
    """为每个项目的绩效目标打分（0–100，四个维度），输出排名或评分卡。"""
    try:
        settings = load_settings(config)
        score_cfg = score_config(settings)
    except (ConfigError, ScoreConfigError) as exc:
        report_error(str(exc))
        raise typer.Exit(EXIT_INPUT) from exc
    if fmt is ScoreFormat.xlsx and output is None:
        report_error(XLSX_NEEDS_FILE)
        raise typer.Exit(EXIT_INPUT)
    with executing(jobs, dask) as where:
        # Every rule, whatever select/ignore say: scores stay comparable between reviewers.
        run = run_check(
            paths,
            settings,
            all_rules(),
            where,
            cache=not no_cache,
            whole=True,
            keep_context=True,
            exclusion=exclusion_for(settings, paths, exclude, extend_exclude),
        )
    loaded = run.loaded
    if not loaded.documents or run.context is None:
        report_error("没有可评分的文档")
        raise typer.Exit(EXIT_INPUT)
    report = score_documents(
        loaded.documents, run.findings, score_cfg, peers=run.context.extras.get(PEERS), lexicon=run.context.lexicon
    )
    with writing(output or DEFAULT_DIR):
        if fmt is ScoreFormat.xlsx and output is not None:
            write_score_xlsx(output, report, loaded.problems, header_language(header, spreadsheet=True))
        else:
            _write(report, fmt, output, header)
    finish(loaded)
