"""`kpi-lint rule CODE` / `kpi-lint rule --all`: the rule documentation."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.cells import cell_len

from kpi_lint.cli.common import EXIT_INPUT, EXIT_OK, report_error
from kpi_lint.cli.typer_app import app
from kpi_lint.report.text import padded
from kpi_lint.rules.base import Rule
from kpi_lint.rules.registry import all_rules, find_rule

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def rule_header(rule: type[Rule]) -> str:
    level = f"{_SEVERITY_ZH[rule.severity.value]} {rule.severity.value}"
    return f"{rule.code} {rule.title_zh}（{rule.name}；默认级别：{level}；族：{rule.family}）"


def penalty_line(rule: type[Rule]) -> str:
    """What one finding of the rule costs in the 目标质量分 (docs/scoring.md)."""
    if rule.penalty is None:
        return "评分：针对整份文件，列入文件汇总，不扣项目分"
    return f"评分：{rule.penalty.describe()}"


def rule_page(rule: type[Rule]) -> str:
    """What `kpi-lint rule CODE` prints: the header, the options, the docstring."""
    lines = [rule_header(rule), penalty_line(rule)]
    if rule.options:
        options = "，".join(f"{k} = {v!r}" for k, v in rule.options.items())
        lines.append(f"选项（[tool.kpi-lint.rules.{rule.code}]）：{options}")
    lines += ["", rule.doc()]
    return "\n".join(lines) + "\n"


def catalog() -> str:
    """One line per rule: code, Chinese name, stable name, severity, score penalty, first line of its documentation."""
    rules = all_rules()
    title_width = max((cell_len(r.title_zh) for r in rules), default=0)
    name_width = max((len(r.name) for r in rules), default=0)
    rows = [
        f"{r.code}  {padded(r.title_zh, title_width)}  {r.name:<{name_width}}  {r.severity.value:<7}  "
        f"{_penalty_cell(r)}  {r.doc().splitlines()[0]}"
        for r in rules
    ]
    return "\n".join(rows) + "\n"


def _penalty_cell(rule: type[Rule]) -> str:
    if rule.penalty is None:
        return "文件级"
    return f"{rule.penalty.dimension.label} {rule.penalty.points:g}/{rule.penalty.cap:g}"


@app.command("rule")
def rule_command(
    code: Annotated[str | None, typer.Argument(help="规则代码或名称，如 KPI101、vague-target、目标值含糊")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="列出全部规则")] = False,
) -> None:
    """显示规则说明（做什么、为什么、示例、改法）；--all 列出规则目录。"""
    if show_all:
        typer.echo(catalog(), nl=False)
        raise typer.Exit(EXIT_OK)
    if code is None:
        report_error("请给出规则代码（如 kpi-lint rule KPI101），或用 --all 列出全部规则")
        raise typer.Exit(EXIT_INPUT)
    rule = find_rule(code)
    if rule is None:
        report_error(f"没有规则 {code}（用 kpi-lint rule --all 查看规则目录）")
        raise typer.Exit(EXIT_INPUT)
    typer.echo(rule_page(rule), nl=False)
