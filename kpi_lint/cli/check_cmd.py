"""`kpi-lint check`: parse, run the rule catalog, report like a linter."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from kpi_lint.baseline import BaselineError, load_baseline, new_findings, write_baseline
from kpi_lint.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    exclusion_for,
    report_error,
    writing,
    wrote,
)
from kpi_lint.cli.options import ExcludeOption, ExtendExcludeOption, HeaderOption
from kpi_lint.cli.review_out import (
    HTML_NEEDS_TARGET,
    XLSX_NEEDS_FILE,
    header_language,
    write_check_html,
    write_check_xlsx,
)
from kpi_lint.cli.running import DaskOption, JobsOption, NoCacheOption, executing, run_check
from kpi_lint.cli.typer_app import app
from kpi_lint.config import FAIL_ON, Config, ConfigError, load_config
from kpi_lint.errors import InputError
from kpi_lint.model import ParseProblem
from kpi_lint.report import RunSummary, Tally
from kpi_lint.report.csv_out import write_csv
from kpi_lint.report.github import write_github
from kpi_lint.report.headers import HeaderLanguage
from kpi_lint.report.json_out import render_statistics_json, write_json
from kpi_lint.report.parquet_out import write_parquet
from kpi_lint.report.sarif import write_sarif
from kpi_lint.report.text import print_findings, print_statistics, print_summary
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.context import check_custom_model
from kpi_lint.rules.registry import all_rules, select_rules


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    csv = "csv"
    github = "github"
    xlsx = "xlsx"
    html = "html"
    parquet = "parquet"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class UsageError(Exception):
    """A bad flag combination or value: one line, exit 2."""


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip().upper() for raw in values for v in raw.split(",") if v.strip()]


def _check_prefixes(prefixes: list[str], flag: str) -> None:
    codes = [r.code for r in all_rules()]
    for prefix in prefixes:
        if not any(code.startswith(prefix) for code in codes):
            raise UsageError(f"{flag} {prefix}: 没有以此开头的规则代码（用 kpi-lint rule --all 查看规则目录）")


def _settings(
    config_file: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    severity: Severity | None,
    fail_on: FailOn | None,
    lexicons: Path | None,
    model: Path | None,
    flag_label: str | None,
) -> Config:
    """The config file's settings with the command-line flags laid over them."""
    config = load_config(config_file)
    if select is not None:
        config.select = select
    if ignore is not None:
        config.ignore = ignore
    if severity is not None:
        config.severity = severity
    if fail_on is not None:
        config.fail_on = fail_on.value
    if lexicons is not None:
        config.lexicons = lexicons
    if config.lexicons is not None and not config.lexicons.is_dir():
        raise UsageError(f"{config.lexicons}: 词表目录不存在")
    if flag_label is not None and model is None:
        raise UsageError("--flag-label 需要与 --model 一起使用")
    if model is not None and not model.is_file():
        raise UsageError(f"{model}: 模型文件不存在")
    if model is not None and flag_label is None:
        raise UsageError(
            f"{model}: --model 需要与 --flag-label 一起使用（模型预测为哪个标签时报告，如 --flag-label 时效指标）"
        )
    config.model, config.flag_label = model, flag_label
    if model is not None:
        check_custom_model(config)  # a model file that cannot be used fails before any file is parsed
    _check_prefixes(config.select or [], "--select")
    _check_prefixes(config.ignore, "--ignore")
    if config.fail_on not in FAIL_ON:
        raise UsageError(f"fail-on 应为 {'、'.join(FAIL_ON)} 之一")
    return config


def _fails(tally: Tally, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    floor = Severity(fail_on).rank
    return any(severity.rank >= floor for severity, n in tally.severities.items() if n)


def _overridden(findings: Iterable[Finding], overrides: dict[str, Severity]) -> Iterator[Finding]:
    """The findings with the severities the configuration sets for their codes."""
    for f in findings:
        if f.code in overrides:
            f.severity = overrides[f.code]
        yield f


def _emit(
    out: TextIO,
    fmt: OutputFormat,
    findings: Iterable[Finding],
    rules: list[type[Rule]],
    summary: Callable[[], RunSummary],
    *,
    statistics: bool,
    explain: bool,
    problems: list[ParseProblem],
    header: HeaderLanguage | None = None,
) -> None:
    """Write `findings` (in output order, read once, one at a time) in `fmt`; `summary` is asked after them.

    Finding by finding: a country's findings are never one string, nor all in memory at once.
    """
    if fmt is OutputFormat.text or (statistics and fmt is not OutputFormat.json):
        console = Console(file=out, highlight=False, soft_wrap=True)
        if statistics:
            print_statistics(console, Tally.of(findings))
        else:
            tally = Tally()
            print_findings(console, tally.counting(findings), explain=explain)
            print_summary(console, tally, summary())
    elif statistics:
        out.write(render_statistics_json(Tally.of(findings)))
    elif fmt is OutputFormat.json:
        write_json(out, findings, problems)
    elif fmt is OutputFormat.sarif:
        write_sarif(out, findings, rules, problems)
    elif fmt is OutputFormat.csv:
        write_csv(out, findings, problems, header_language(header, spreadsheet=False))
    else:
        write_github(out, findings)


@app.command("check")
def check_command(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹（递归读取）")],
    select: Annotated[
        list[str] | None, typer.Option("--select", help="只运行这些代码前缀的规则，逗号分隔，如 KPI1,KPI302")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些代码前缀的规则")] = None,
    severity: Annotated[Severity | None, typer.Option("--severity", help="只显示此级别及以上的问题")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--output-format", help="输出格式")] = OutputFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="只输出按规则代码统计的表")] = False,
    config_file: Annotated[Path | None, typer.Option("--config", help="配置文件（默认向上查找）")] = None,
    lexicons: Annotated[Path | None, typer.Option("--lexicons", help="自定义词表目录")] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="有此级别及以上的问题时退出码为 1（默认 error）")
    ] = None,
    write_baseline_to: Annotated[
        Path | None, typer.Option("--write-baseline", help="把当前的问题记为基线，写入此文件")
    ] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="只报告基线文件中没有的问题")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="显示判断依据（词表与模型的投票等）")] = False,
    model: Annotated[Path | None, typer.Option("--model", help="自训练的分类模型（供 KPI307 使用）")] = None,
    flag_label: Annotated[str | None, typer.Option("--flag-label", help="模型预测为此标签时报告")] = None,
    library: Annotated[
        Path | None,
        typer.Option("--library", help="审定的指标库（kpi-lint library 生成的 .xlsx/.csv/.json，供 KPI601 使用）"),
    ] = None,
    header: HeaderOption = None,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    dask: DaskOption = None,
) -> None:
    """检查绩效目标：运行规则目录，像 linter 一样报告问题。退出码 0 无问题，1 有问题，2 用法或输入错误。"""
    try:
        if output is None and output_format in (OutputFormat.xlsx, OutputFormat.html):
            raise UsageError(XLSX_NEEDS_FILE if output_format is OutputFormat.xlsx else HTML_NEEDS_TARGET)
        if output_format is OutputFormat.parquet and output is None:
            raise UsageError("--output-format parquet 需要用 -o 指定输出文件夹（按规则代码分区的 Parquet 数据集）")
        config = _settings(config_file, _split(select), _split(ignore), severity, fail_on, lexicons, model, flag_label)
        config.library = library
        accepted = load_baseline(baseline) if baseline is not None else None
    except (ConfigError, UsageError, BaselineError, InputError) as exc:
        report_error(str(exc))
        raise typer.Exit(EXIT_INPUT) from exc

    # The reviewer's word lists (--lexicons) also tell the reader their province's labels and headers.
    rules = select_rules(config.select, config.ignore)
    with executing(jobs, dask) as where:
        run = run_check(
            paths,
            config,
            rules,
            where,
            cache=not no_cache,
            exclusion=exclusion_for(config, paths, exclude, extend_exclude),
            whole=output_format in (OutputFormat.xlsx, OutputFormat.html),  # the workbook shows every field
        )
    # The findings are read from where the run left them as the report is written, one at a time:
    # the severities the configuration sets, the baseline's known ones left out, then --severity.
    loaded = run.loaded
    findings = _overridden(run.stream(), config.severity_overrides)
    input_failed = loaded.failed

    if write_baseline_to is not None:
        recorded = list(findings)
        try:
            entries = write_baseline(write_baseline_to, recorded)
        except BaselineError as exc:
            report_error(str(exc))
            raise typer.Exit(EXIT_INPUT) from exc
        print(f"kpi-lint: 已把 {len(recorded)} 个问题（{entries} 条指纹）写入基线 {write_baseline_to}", file=sys.stderr)
        raise typer.Exit(EXIT_INPUT if input_failed else EXIT_OK)

    if accepted is not None:
        before, kept = Tally(), Tally()  # before the baseline, and what it let through
        findings = kept.counting(new_findings(before.counting(findings), accepted))
    tally = Tally()  # what is shown
    shown = tally.counting(f for f in findings if f.severity.rank >= config.severity.rank)

    def summary() -> RunSummary:  # asked after the findings are written: the baseline's count is known then
        return RunSummary(
            files=len(loaded.heads),
            projects=sum(head.projects for head in loaded.heads),
            failed=len(loaded.errors),
            indicators=sum(head.indicators for head in loaded.heads),
            baselined=before.total - kept.total if accepted is not None else 0,
            baseline=str(baseline) if baseline is not None else None,
        )

    with writing(output):
        if output_format is OutputFormat.parquet and output is not None:
            write_parquet(output, list(shown), loaded.problems)
        elif output is not None and output_format is OutputFormat.xlsx:
            language = header_language(header, spreadsheet=True)
            write_check_xlsx(output, loaded.documents, list(shown), loaded.problems, language)
        elif output is not None and output_format is OutputFormat.html:
            write_check_html(output, loaded.documents, list(shown), loaded.problems)
        else:
            # A BOM lets spreadsheet programs read the Chinese text of a CSV file.
            encoding = "utf-8-sig" if output_format is OutputFormat.csv and not statistics else "utf-8"
            stream = nullcontext(sys.stdout) if output is None else output.open("w", encoding=encoding, newline="")
            with stream as fh:
                _emit(
                    fh,
                    output_format,
                    shown,
                    rules,
                    summary,
                    statistics=statistics,
                    explain=explain,
                    problems=loaded.problems,
                    header=header,
                )
    for _ in shown:  # a report that stopped early (none does): the exit code counts every finding
        pass
    hidden = summary().baselined
    if output is not None and output_format not in (OutputFormat.xlsx, OutputFormat.html):  # those say it themselves
        kind = "按规则统计" if statistics else f"{tally.total} 个问题"
        wrote(output, f"{kind}，{output_format.value} 格式")
    if hidden and (output is not None or output_format is not OutputFormat.text or statistics):
        # The text report says it in its summary; every other output says it here.
        print(f"kpi-lint: 基线 {baseline} 隐藏了 {hidden} 个已知问题", file=sys.stderr)

    if input_failed or summary().indicators == 0:  # nothing read, or nothing in what was read, was checked
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_FINDINGS if _fails(tally, config.fail_on) else EXIT_OK)
