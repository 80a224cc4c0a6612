"""The typer application every command module registers on."""

import typer

app = typer.Typer(
    name="kpi-lint",
    help="检查预算公开中的绩效目标：解析、规则检查、聚类、评分、训练分类器。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
