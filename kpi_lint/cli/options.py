"""Options that several commands share, declared once so that their help reads the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi_lint.report.headers import HeaderLanguage

HeaderOption = Annotated[
    HeaderLanguage | None,
    typer.Option("--header", help="csv/xlsx 的表头语言：zh 中文，en 英文字段名（默认 xlsx 为 zh、csv 为 en）"),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option("--exclude", help="不读取文件夹中符合这些 glob 模式的文件或文件夹（逗号分隔；替换配置的 exclude）"),
]
ExtendExcludeOption = Annotated[
    list[str] | None, typer.Option("--extend-exclude", help="在默认和配置的 exclude 之外再排除这些模式")
]
