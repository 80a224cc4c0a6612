"""`kpi-lint cluster` and `kpi-lint suggest`: similar indicators across units, and what peers use."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kpi_lint.cli.common import (
    EXIT_INPUT,
    finish,
    load_documents,
    progress_bar,
    report_error,
    write_csv,
    write_text,
    writing,
    wrote,
)
from kpi_lint.cli.running import DaskOption, JobsOption, NoCacheOption, executing, run_check
from kpi_lint.cli.typer_app import app
from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD
from kpi_lint.config import Config
from kpi_lint.library.model import LibraryError
from kpi_lint.model import Document, Project
from kpi_lint.parse.common import canonical_level2

if TYPE_CHECKING:
    from kpi_lint.cluster.clustering import BlockMap
    from kpi_lint.cluster.groups import ClusterSet

# scikit-learn, jieba and pandas (kpi_lint.cluster.groups, .peers, .report) load inside the commands,
# so that `kpi-lint --help` and the other commands do not wait for them.


class ClusterFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"


class SuggestFormat(StrEnum):
    table = "table"
    json = "json"


@contextmanager
def _console(output: Path | None) -> Iterator[Console]:
    # Off a terminal (a file, a pipe) rich would wrap at 80 columns and cut the Chinese names.
    if output is None:
        yield Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200)
        return
    with output.open("w", encoding="utf-8") as handle:
        yield Console(file=handle, width=200)


def clusters_with_progress(docs: list[Document], threshold: float, block_map: BlockMap | None = None) -> ClusterSet:
    from kpi_lint.cluster.groups import build_clusters

    with progress_bar("聚类", sys.stderr.isatty()) as bar:
        task = bar.add_task("cluster", total=None)
        return build_clusters(
            docs,
            threshold,
            progress=lambda n: bar.advance(task, n),
            on_total=lambda total: bar.update(task, total=total),
            block_map=block_map,
        )


@app.command("cluster")
def cluster_command(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹（递归读取 .txt）")],
    threshold: Annotated[
        float, typer.Option("--threshold", "-t", min=0.0, max=1.0, help="余弦距离阈值：越小簇越紧")
    ] = DEFAULT_THRESHOLD,
    min_size: Annotated[int, typer.Option("--min-size", "-m", min=1, help="只输出至少这么多条指标的簇")] = 2,
    fmt: Annotated[ClusterFormat, typer.Option("--format", "-f", help="输出格式")] = ClusterFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    dask: DaskOption = None,
) -> None:
    """把各单位相似的三级指标聚成簇：代表指标、涉及单位、二级指标分布、指标值分布。"""
    from kpi_lint.cluster.report import print_table, to_frame, to_html, to_json

    with executing(jobs, dask) as where:
        loaded = run_check(paths, Config(), (), where, cache=not no_cache).loaded  # parse only: peer records
        if not loaded.documents:
            raise typer.Exit(EXIT_INPUT)
        result = clusters_with_progress(loaded.documents, threshold, where.block_map)
    clusters = [c for c in result.clusters if c.size >= min_size]
    with writing(output):
        if fmt is ClusterFormat.json:
            write_text(to_json(clusters), output)
        elif fmt is ClusterFormat.csv:
            write_csv(to_frame(clusters), output)
        elif fmt is ClusterFormat.html:
            write_text(to_html(clusters), output)
        else:
            with _console(output) as console:
                print_table(clusters, console)
    if output is not None:
        wrote(output, f"{len(clusters)} 个簇，{fmt.value} 格式")
    finish(loaded)


def _find_projects(docs: list[Document], name: str) -> list[tuple[str, Project]]:
    """Projects named exactly `name`; failing that, those whose name contains it."""
    exact = [(d.path, p) for d in docs for p in d.projects if p.name == name]
    return exact or [(d.path, p) for d in docs for p in d.projects if name in p.name]


@app.command("suggest")
def suggest_command(
    paths: Annotated[list[Path], typer.Argument(help="项目所在文件及同类单位的文件或文件夹")],
    project: Annotated[str, typer.Option("--project", "-p", help="项目名称（完整或其中一段）")],
    level2: Annotated[str | None, typer.Option("--level2", "-l", help="只看这个二级指标，如 成本指标")] = None,
    k: Annotated[int, typer.Option("-k", min=1, help="每个二级指标最多列几条")] = 3,
    library: Annotated[
        Path | None,
        typer.Option("--library", help="审定的指标库（kpi-lint library 生成）：只推荐库中的指标和范围内的值"),
    ] = None,
    fmt: Annotated[SuggestFormat, typer.Option("--format", "-f", help="输出格式")] = SuggestFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
) -> None:
    """列出相似项目（名称、行业、资金规模相近）在本项目缺少的二级指标（或 --level2 指定的指标）下常用的三级指标
    （至少 2 个相似项目都设的：一个项目的写法只是它自己的选择）：金额按本项目资金规模换算，规则会报告的值不推荐，
    并注明使用的项目数和出处。"""
    from kpi_lint.cluster.peers import PeerIndex
    from kpi_lint.library.files import read_library
    from kpi_lint.library.funds import project_funds
    from kpi_lint.library.suggest import Suggester

    category = canonical_level2(level2) if level2 else None
    if level2 and category is None:
        report_error(f"不认识的二级指标：{level2}（例如 数量指标、成本指标、服务对象满意度指标）")
        raise typer.Exit(EXIT_INPUT)
    try:
        curated = read_library(library) if library is not None else None
    except LibraryError as exc:
        report_error(str(exc))
        raise typer.Exit(EXIT_INPUT) from exc
    loaded = load_documents(paths)
    matches = _find_projects(loaded.documents, project)
    if not matches:
        report_error(f"没有找到项目：{project}")
        raise typer.Exit(EXIT_INPUT)
    index = PeerIndex(clusters_with_progress(loaded.documents, DEFAULT_THRESHOLD), loaded.documents)
    suggester = Suggester(loaded.documents, index, curated)
    records = []
    for path, proj in matches:
        funds = project_funds(proj, path)
        for cat in [category] if category else index.missing_categories(proj, path):
            records.append(
                {
                    "path": path,
                    "project": proj.name,
                    "project_line": proj.line,
                    "funds": funds.amount if funds else None,
                    "funds_location": funds.location if funds else None,
                    "level2": cat,
                    "suggestions": [s.record() for s in suggester.suggest(proj, cat, path, k)],
                }
            )
    with writing(output):
        if fmt is SuggestFormat.json:
            write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", output)
        else:
            with _console(output) as console:
                _print_suggestions(records, console)
    if output is not None:
        wrote(output, f"{len(records)} 组建议，{fmt.value} 格式")
    finish(loaded)


def _print_suggestions(records: list[dict[str, Any]], console: Console) -> None:
    from kpi_lint.library.suggest import MIN_PEER_PROJECTS

    if not records:
        console.print("项目的数量、质量、时效、成本指标都已填写；用 --level2 查看某个二级指标的同类做法。")
        return
    table = Table(header_style="bold")
    for col in ("项目", "缺少的二级指标", "建议的三级指标", "建议指标值", "使用项目数", "出处与换算依据"):
        table.add_column(col)
    for r in records:
        where = f"{r['project']}（{r['path']}:{r['project_line']}）"
        if not r["suggestions"]:
            none = f"（没有至少 {MIN_PEER_PROJECTS} 个相似项目都设、且规则不报告的指标）"
            table.add_row(where, r["level2"], none, "", "", "")
        for s in r["suggestions"]:
            sources = "、".join(s["sources"][:3]) + ("等" if len(s["sources"]) > 3 else "")
            basis = f"；{s['basis']}" if s["basis"] else ""
            table.add_row(
                where,
                r["level2"],
                s["level3"],
                s["value"],
                f"{s['peer_projects']}（{s['value_peers']} 个取此值）",
                sources + basis,
            )
    console.print(table)
