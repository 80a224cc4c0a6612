"""`kpi-lint library`: an indicator library (指标库) from the clusters of the documents read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kpi_lint.cli.cluster_cmd import clusters_with_progress
from kpi_lint.cli.common import EXIT_INPUT, finish, load_documents, report_error, writing
from kpi_lint.cli.typer_app import app
from kpi_lint.cluster.threshold import DEFAULT_THRESHOLD

# The clustering (scikit-learn, jieba) and the library files (pandas, openpyxl) load inside the
# command, so that `kpi-lint --help` and the other commands do not wait for them.


@app.command("library")
def library_command(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹（递归读取）")],
    output: Annotated[Path, typer.Option("--output", "-o", help="写入的指标库文件：.xlsx、.csv 或 .json")],
    threshold: Annotated[
        float, typer.Option("--threshold", "-t", min=0.0, max=1.0, help="聚类的余弦距离阈值：越小概念越细")
    ] = DEFAULT_THRESHOLD,
    min_units: Annotated[int, typer.Option("--min-units", min=1, help="只收录至少这么多个单位使用的概念")] = 1,
) -> None:
    """从各单位的指标聚类生成指标库：每个概念的标准名称、二级指标、使用名称及次数、计量单位与指标值分布、使用单位和文件（含出处位置）。"""
    from kpi_lint.library.build import build_library
    from kpi_lint.library.files import FORMATS, write_library

    if output.suffix.lower() not in FORMATS:
        report_error(f"{output}: 指标库文件应为 {'、'.join(FORMATS)} 之一")
        raise typer.Exit(EXIT_INPUT)
    loaded = load_documents(paths)
    if not loaded.documents:
        raise typer.Exit(EXIT_INPUT)
    library = build_library(loaded.documents, clusters_with_progress(loaded.documents, threshold), min_units)
    with writing(output, "指标库文件"):
        write_library(library, output)
    rows = sum(c.rows for c in library.concepts)
    print(
        f"kpi-lint: 指标库 {output}：{len(library.concepts)} 个概念，{rows} 条指标，{len(loaded.documents)} 个文件",
        file=sys.stderr,
    )
    finish(loaded)
