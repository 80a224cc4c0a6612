"""`kpi-lint rule CODE` / `kpi-lint rule --all`: the rule documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from kpi_lint.cli.common import EXIT_INPUT, EXIT_OK, report_error
from kpi_lint.cli.typer_app import app
from kpi_lint.rules.base import Rule
from kpi_lint.rules.registry import all_rules, rule_by_code


def rule_header(rule: type[Rule]) -> str:
    return f"{rule.code} {rule.name}（默认级别：{rule.severity.value}；族：{rule.family}）"


def rule_page(rule: type[Rule]) -> str:
    """What `kpi-lint rule CODE` prints: the header, the options, the docstring."""
    lines = [rule_header(rule)]
    if rule.options:
        options = "，".join(f"{k} = {v!r}" for k, v in rule.options.items())
        lines.append(f"选项（[tool.kpi-lint.rules.{rule.code}]）：{options}")
    lines += ["", rule.doc()]
    return "\n".join(lines) + "\n"


def catalog() -> str:
    """One line per rule: code, name, severity, first line of its documentation."""
    rules = all_rules()
    width = max((len(r.name) for r in rules), default=0)
    rows = [f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.doc().splitlines()[0]}" for r in rules]
    return "\n".join(rows) + "\n"


@app.command("rule")
def rule_command(
    code: Annotated[str | None, typer.Argument(help="规则代码，如 KPI101")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="列出全部规则")] = False,
) -> None:
    """显示规则说明（做什么、为什么、示例、改法）；--all 列出规则目录。"""
    if show_all:
        typer.echo(catalog(), nl=False)
        raise typer.Exit(EXIT_OK)
    if code is None:
        report_error("请给出规则代码（如 kpi-lint rule KPI101），或用 --all 列出全部规则")
        raise typer.Exit(EXIT_INPUT)
    rule = rule_by_code(code.strip())
    if rule is None:
        report_error(f"没有规则 {code}（用 kpi-lint rule --all 查看规则目录）")
        raise typer.Exit(EXIT_INPUT)
    typer.echo(rule_page(rule), nl=False)
