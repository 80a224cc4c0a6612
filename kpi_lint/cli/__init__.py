"""The `kpi-lint` command: a thin typer layer that wires read → parse → analyse → report.

Each sub-command lives in its own module and registers itself on `app` when
imported.  `main()` imports only the module of the command being run: the
clustering and classifier commands pull in scikit-learn, and a reviewer running
`kpi-lint parse` should not wait for it.  `kpi-lint --help` (or no command) loads none: the
root help page lists each command with its summary from `COMMAND_SUMMARIES`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# command name → module that registers it
COMMAND_MODULES = {
    "parse": "parse_cmd",
    "check": "check_cmd",
    "rule": "rule_cmd",
    "score": "score_cmd",
    "cluster": "cluster_cmd",
    "suggest": "cluster_cmd",
    "library": "library_cmd",
    "train": "train_cmd",
    "predict": "train_cmd",
}

# command → the first paragraph of its help, in the order the root help page lists them.  The page
# is drawn from these stubs, so that `kpi-lint --help` imports no command module (each pulls in the
# readers, the reports and the run pipeline: 0.3 s); tests/cli/test_startup.py checks that it is
# the page the full application prints.
COMMAND_SUMMARIES = {
    "parse": "解析绩效目标表：jsonl/csv/parquet 每个指标一条记录，json 输出完整的文档结构（均带源文件行号、列号）。",
    "check": "检查绩效目标：运行规则目录，像 linter 一样报告问题。退出码 0 无问题，1 有问题，2 用法或输入错误。",
    "rule": "显示规则说明（做什么、为什么、示例、改法）；--all 列出规则目录。",
    "score": "为每个项目的绩效目标打分（0–100，四个维度），输出排名或评分卡。",
    "cluster": "把各单位相似的三级指标聚成簇：代表指标、涉及单位、二级指标分布、指标值分布。",
    "suggest": (
        "列出相似项目（名称、行业、资金规模相近）在本项目缺少的二级指标（或 --level2 指定的指标）下常用的三级指标"
        "（至少 2 个相似项目都设的：一个项目的写法只是它自己的选择）：金额按本项目资金规模换算，规则会报告的值不推荐，"
        "并注明使用的项目数和出处。"
    ),
    "library": (
        "从各单位的指标聚类生成指标库：每个概念的标准名称、二级指标、使用名称及次数、计量单位与指标值分布、"
        "使用单位和文件（含出处位置）。"
    ),
    "predict": "用训练好的模型预测：公开文件逐个指标（路径:行:列），CSV 逐行，附概率。",
    "train": "训练分类器：交叉验证、打印指标，写出模型文件（skops）和模型卡。",
}


def load_commands(names: Iterable[str] | None = None) -> None:
    """Register the given commands (all when None) on the app."""
    wanted = COMMAND_MODULES if names is None else {n: COMMAND_MODULES[n] for n in names}
    for module in dict.fromkeys(wanted.values()):
        importlib.import_module(f"kpi_lint.cli.{module}")


def _typer_app() -> typer.Typer:
    """The root application (imported when a command, a help page or a usage error needs it: typer, click and
    rich take ≈ 0.1 s to import and the app as long again to run; `kpi-lint --version` needs neither)."""
    from kpi_lint.cli.typer_app import app

    return app


def __getattr__(name: str) -> Any:
    # `from kpi_lint.cli import app` (tests, embedding) gets the app with every command.
    if name == "app":
        load_commands()
        return _typer_app()
    raise AttributeError(name)


def summary_group() -> Any:
    """The root command group with a stub per command (name and summary): `kpi-lint --help`."""
    from typer.main import get_group

    from kpi_lint.cli.typer_app import ChineseCommand

    group = get_group(_typer_app())
    for name, summary in COMMAND_SUMMARIES.items():
        group.add_command(ChineseCommand(name=name, help=summary))
    return group


def main() -> None:
    args = sys.argv[1:]
    command = next((arg for arg in args if not arg.startswith("-")), None)
    if args == ["--version"]:  # the root's own eager option, as the app prints it (typer_app._version)
        from kpi_lint import __version__

        print(f"kpi-lint {__version__}")
        return
    if command is None and "--version" in args:
        load_commands([])  # the version is the root's own option: no command module is needed
    elif command is None:
        load_commands([])  # the root help page (or a usage error): the commands' stubs are enough
        summary_group()()
    else:
        load_commands([command] if command in COMMAND_MODULES else None)
    _typer_app()()


__all__ = ["COMMAND_MODULES", "COMMAND_SUMMARIES", "app", "load_commands", "main", "summary_group"]
