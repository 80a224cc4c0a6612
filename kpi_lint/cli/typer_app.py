"""The typer application every command module registers on."""

from typing import Annotated

import typer

app = typer.Typer(
    name="kpi-lint",
    help="检查预算公开中的绩效目标：解析、规则检查、聚类、评分、训练分类器。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from kpi_lint import __version__

        typer.echo(f"kpi-lint {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本并退出")
    ] = False,
) -> None:
    """kpi-lint: 绩效目标检查工具。"""
