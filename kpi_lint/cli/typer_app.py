"""The typer application every command module registers on.

Its group and command classes speak Chinese: help pages without Python type labels
(kpi_lint.cli.help_zh) and usage errors as one Chinese line with exit code 2
(kpi_lint.cli.usage_zh).  An unexpected exception — a bug — is one line too, never a
traceback; it names itself an internal error so that it is reported, not mistaken for
bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

EXIT_USAGE = 2
INTERNAL_ERROR = "内部错误"


class ChineseCommand(TyperCommand):
    """A sub-command whose help page is kpi_lint.cli.help_zh's."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from kpi_lint.cli.help_zh import render_command_help  # rich's tables: only for a help page

        formatter.write(render_command_help(self, ctx))


class ChineseGroup(TyperGroup):
    """`kpi-lint` (and `kpi-lint train`): Chinese help, Chinese one-line usage errors, no traceback."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from kpi_lint.cli.help_zh import render_group_help

        formatter.write(render_group_help(self, ctx))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from kpi_lint.cli import usage_zh

        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except Exception as exc:
            sys.exit(_report(exc, argv, usage_zh))
        except KeyboardInterrupt:
            print("kpi-lint: 已中断", file=sys.stderr)
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)


def _report(exc: Exception, argv: list[str], usage_zh: Any) -> int:
    """Print one line for an exception that escaped a command; return the exit code."""
    if usage_zh.NoArgsIsHelpError is not None and isinstance(exc, usage_zh.NoArgsIsHelpError):
        sys.stderr.write(exc.format_message())  # type: ignore[attr-defined]  # the help page
        return EXIT_USAGE
    if isinstance(exc, usage_zh.UsageError):
        print(usage_zh.usage_line(exc, argv), file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, typer.Abort):
        print("kpi-lint: 已中止", file=sys.stderr)
        return 1
    if isinstance(exc, usage_zh.ClickException):
        print(f"kpi-lint: 错误: {exc.format_message()}", file=sys.stderr)  # type: ignore[attr-defined]
        return EXIT_USAGE
    detail = (f"{type(exc).__name__}: {exc}".splitlines() or [type(exc).__name__])[0]
    print(f"kpi-lint: 错误: {INTERNAL_ERROR}（{detail}），请把命令和输入文件报告给维护者", file=sys.stderr)
    return EXIT_USAGE


class ChineseTyper(typer.Typer):
    """A typer app whose groups and commands are the Chinese ones above, unless told otherwise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("cls", ChineseGroup)
        super().__init__(*args, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", ChineseCommand)
        return super().command(*args, **kwargs)


app = ChineseTyper(
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
