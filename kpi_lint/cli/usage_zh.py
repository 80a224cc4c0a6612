"""Usage errors (a misspelt option, a bad value, a missing argument) as one Chinese line, exit 2.

click/typer word them in English inside a box ("Invalid value for '--severity': Value error,
'bogus' is not one of …").  A reviewer reads instead::

    kpi-lint: 错误: --severity 的值“bogus”无效：可选 error、warning、info（用 kpi-lint check --help 查看用法）

The message is rebuilt from the exception's own fields (the option, its choices and range,
the value given on the command line), not by translating the English text.
"""

from __future__ import annotations

import enum
import importlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from kpi_lint.cli.help_zh import argument_name

# The click exception classes of whichever click typer uses (its vendored copy or click itself).
_EXC = importlib.import_module(typer.BadParameter.__module__)
ClickException: type[Exception] = _EXC.ClickException
UsageError: type[Exception] = _EXC.UsageError
BadParameter: type[Exception] = _EXC.BadParameter
MissingParameter: type[Exception] = _EXC.MissingParameter
NoSuchOption: type[Exception] = _EXC.NoSuchOption
BadOptionUsage: type[Exception] = _EXC.BadOptionUsage
BadArgumentUsage: type[Exception] = _EXC.BadArgumentUsage
NoArgsIsHelpError: type[Exception] | None = getattr(_EXC, "NoArgsIsHelpError", None)


def _name(param: Any) -> str:
    """How the parameter is named to the reader: its long option, or the argument's Chinese name."""
    if param is None:
        return "参数"
    if getattr(param, "param_type_name", "") == "argument":
        return argument_name(param)
    longs = [o for o in param.opts if o.startswith("--")]
    return (longs or list(param.opts) or [param.name or "参数"])[0]


def given_value(args: Sequence[str], param: Any) -> str | None:
    """The value typed after the option on the command line (`--opt v` or `--opt=v`), if found."""
    if param is None:
        return None
    opts = set(getattr(param, "opts", [])) | set(getattr(param, "secondary_opts", []))
    for i, arg in enumerate(args):
        if arg in opts and i + 1 < len(args):
            return args[i + 1]
        name, eq, value = arg.partition("=")
        if eq and name in opts:
            return value
    return None


def _expectation(param: Any) -> str:
    """What the parameter accepts: its choices, its range, or its kind of value."""
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if descriptor is not None else None
    if choices:
        names = [str(c.value) if isinstance(c, enum.Enum) else str(c) for c in choices]
        return "可选 " + "、".join(names)
    annotation = getattr(descriptor, "annotation", None)
    kind = {int: "整数", float: "数字"}.get(annotation, "") if isinstance(annotation, type) else ""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return f"应为 {low:g}–{high:g} 之间的{kind or '数'}"
    if low is not None:
        return f"应为不小于 {low:g} 的{kind or '数'}"
    if high is not None:
        return f"应为不大于 {high:g} 的{kind or '数'}"
    if kind:
        return f"应为{kind}"
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return "应为文件或文件夹路径"
    return "请检查这个值"


def usage_message(exc: Exception, args: Sequence[str]) -> str:
    """One Chinese line for a click usage error."""
    message = str(getattr(exc, "message", "") or exc)
    if isinstance(exc, MissingParameter):
        param = getattr(exc, "param", None)
        what = "参数" if getattr(param, "param_type_name", "") == "argument" else "选项"
        return f"缺少{what} {_name(param)}"
    if isinstance(exc, BadParameter):
        param = getattr(exc, "param", None)
        value = given_value(args, param)
        shown = f"“{value}”" if value is not None else ""
        return f"{_name(param)} 的值{shown}无效：{_expectation(param)}"
    if isinstance(exc, NoSuchOption):
        option = getattr(exc, "option_name", "")
        possible = sorted(getattr(exc, "possibilities", None) or [])
        hint = f"；是不是 {'、'.join(possible)}？" if possible else ""
        return f"没有选项 {option}{hint}"
    if isinstance(exc, BadOptionUsage):
        option = getattr(exc, "option_name", "")
        if "requires" in message:
            return f"选项 {option} 后面要跟一个值"
        if "does not take a value" in message:
            return f"选项 {option} 是开关，不带值"
        return f"选项 {option} 的用法不对"
    if isinstance(exc, BadArgumentUsage) or "unexpected extra argument" in message:
        extra = re.search(r"\(([^()]*)\)\s*$", message)
        return f"多余的参数：{extra.group(1) if extra else message}"
    command = re.match(r"No such command '(.*)'", message)
    if command:
        ctx = getattr(exc, "ctx", None)
        known = "、".join(ctx.command.list_commands(ctx)) if ctx is not None else ""
        return f"没有命令 {command.group(1)}" + (f"（可用命令：{known}）" if known else "")
    return f"用法错误：{message}"


def usage_line(exc: Exception, args: Sequence[str]) -> str:
    """The whole stderr line: the message and where to read the usage."""
    ctx = getattr(exc, "ctx", None)
    where = f"（用 {ctx.command_path} --help 查看用法）" if ctx is not None else ""
    return f"kpi-lint: 错误: {usage_message(exc, args)}{where}"
