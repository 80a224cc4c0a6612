"""Help screens in Chinese, for people: no Python type labels, option help wrapped, never cut.

typer's own help shows the annotation of every parameter (``<list[Path]>``, ``<bool>``) and
cuts long help with "…" when the type column takes the width.  Here each option is shown as
a reviewer would read it in a manual::

    用法：kpi-lint check [选项] 路径...

      --severity error|warning|info   只显示此级别及以上的问题
      -o, --output 路径                写入文件而不是标准输出

A placeholder in Chinese says what an option takes (路径, 文本, 整数, 数字, or the choices);
a switch takes nothing.  Defaults, ranges and "可重复" follow the help text.  Rendering uses
rich (wrapping at the terminal's width), into the help formatter, so that click's own help
callback, `--help` and a command called without its arguments all print the same page.
"""

from __future__ import annotations

import enum
import inspect
import io
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

MAX_WIDTH = 110
HELP_OPTION_TEXT = "显示此帮助并退出"
# The names of positional arguments as a reader sees them in the usage line.
ARGUMENT_NAMES = {"paths": "路径", "code": "规则代码", "model_path": "模型文件"}


def _placeholder(param: Any) -> str:
    """What an option takes, in words: its choices, or 路径 / 文本 / 整数 / 数字; "" for a switch."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    annotation = _annotation(param)
    if annotation is bool:
        return ""
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return "路径"
    if annotation is int:
        return "整数"
    if annotation is float:
        return "数字"
    return "文本"


def _annotation(param: Any) -> Any:
    """The parameter's value type with list[…] removed."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        annotation = descriptor.annotation
        if getattr(descriptor, "is_list", False):
            annotation = next(iter(get_args(annotation)), str)
        return annotation
    click_type = getattr(param, "type", None)  # older typer: a click ParamType
    name = getattr(click_type, "name", "") or ""
    return {"path": Path, "integer": int, "float": float, "boolean": bool}.get(name, str)


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    values = getattr(descriptor, "choices", None) if descriptor is not None else None
    if values is None:
        values = getattr(getattr(param, "type", None), "choices", None)
    if not values:
        return []
    return [str(v.value) if isinstance(v, enum.Enum) else str(v) for v in values]


def _notes(param: Any) -> list[str]:
    """默认 / 范围 / 可重复 / 必填, after the help text."""
    notes = []
    if getattr(param, "required", False):
        notes.append("必填")
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        notes.append(f"范围 {low:g}–{high:g}")
    elif low is not None:
        notes.append(f"至少 {low:g}")
    elif high is not None:
        notes.append(f"至多 {high:g}")
    default = getattr(param, "default", None)
    if (
        default not in (None, False, "", [], ())
        and not getattr(param, "is_flag", False)
        and not getattr(param, "required", False)
    ):
        shown = default.value if isinstance(default, enum.Enum) else default
        notes.append(f"默认 {shown}")
    if getattr(param, "multiple", False):
        notes.append("可重复")
    return notes


def _flags(param: Any) -> str:
    opts = sorted(param.opts, key=lambda o: (o.startswith("--"), o))  # -o before --output
    text = ", ".join([*opts, *getattr(param, "secondary_opts", [])])
    placeholder = _placeholder(param)
    return f"{text} {placeholder}" if placeholder else text


def argument_name(param: Any) -> str:
    name = ARGUMENT_NAMES.get(param.name or "", (param.name or "参数").upper())
    many = getattr(param, "nargs", 1) != 1
    return f"{name}..." if many else name


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _help_text(param: Any, help_names: Sequence[str]) -> str:
    if set(param.opts) & set(help_names) and not _is_argument(param):
        return HELP_OPTION_TEXT
    text = inspect.cleandoc(getattr(param, "help", None) or "")
    notes = [n for n in _notes(param) if n not in text]  # "可重复" already said by the help text
    return text + (f"（{'；'.join(notes)}）" if notes else "")


def _console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    terminal = sys.stdout.isatty()
    width = min(MAX_WIDTH, shutil.get_terminal_size((100, 24)).columns) if terminal else 100
    console = Console(
        file=buffer,
        width=width,
        force_terminal=terminal,
        color_system="standard" if terminal else None,
        highlight=False,
        soft_wrap=False,
    )
    return console, buffer


def _trimmed(buffer: io.StringIO) -> str:
    """The page without the spaces rich pads each line with."""
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _table(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 3))
    table.add_column(no_wrap=True, style="bold cyan")
    table.add_column(overflow="fold")
    for left, right in rows:
        table.add_row(Text(left), Text(right))
    return table


def _section(console: Console, title: str, rows: list[tuple[str, str]]) -> None:
    if not rows:
        return
    console.print(Text(title, style="bold"))
    console.print(Padding(_table(rows), (0, 0, 0, 2)))
    console.print()


def render_command_help(command: Any, ctx: Any) -> str:
    """The help page of one sub-command."""
    console, buffer = _console()
    params = command.get_params(ctx)
    arguments = [p for p in params if _is_argument(p) and not getattr(p, "hidden", False)]
    options = [p for p in params if not _is_argument(p) and not getattr(p, "hidden", False)]
    pieces = ["[选项]", *(argument_name(p) if p.required else f"[{argument_name(p)}]" for p in arguments)]
    console.print(Text(f"用法：{ctx.command_path} {' '.join(pieces)}", style="bold"))
    console.print()
    if command.help:
        console.print(Text(inspect.cleandoc(command.help).partition("\f")[0]))
        console.print()
    help_names = ctx.help_option_names
    _section(console, "参数", [(argument_name(p), _help_text(p, help_names)) for p in arguments])
    _section(console, "选项", [(_flags(p), _help_text(p, help_names)) for p in options])
    return _trimmed(buffer)


def render_group_help(group: Any, ctx: Any) -> str:
    """The help page of `kpi-lint` (or `kpi-lint train`): its commands, then its options."""
    console, buffer = _console()
    console.print(Text(f"用法：{ctx.command_path} [选项] 命令 [参数]...", style="bold"))
    console.print()
    if group.help:
        console.print(Text(inspect.cleandoc(group.help).partition("\f")[0]))
        console.print()
    rows = []
    for name in group.list_commands(ctx):
        sub = group.get_command(ctx, name)
        if sub is None or getattr(sub, "hidden", False):
            continue
        first = inspect.cleandoc(sub.help or "").partition("\f")[0].split("\n\n")[0].replace("\n", "")
        rows.append((name, first))
    _section(console, "命令", rows)
    help_names = ctx.help_option_names
    options = [p for p in group.get_params(ctx) if not _is_argument(p) and not getattr(p, "hidden", False)]
    _section(console, "选项", [(_flags(p), _help_text(p, help_names)) for p in options])
    console.print(Text(f"用 {ctx.command_path} 命令 --help 查看每个命令的用法。", style="dim"))
    return _trimmed(buffer)
