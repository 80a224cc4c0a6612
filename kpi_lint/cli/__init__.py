"""The `kpi-lint` command: a thin typer layer that wires read → parse → analyse → report.

Each sub-command lives in its own module and registers itself on `app` when
imported.  `main()` imports only the module of the command being run: the
clustering and classifier commands pull in scikit-learn, and a reviewer running
`kpi-lint parse` should not wait for it.  `--help` (or no command) loads them all.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from typing import Any

from kpi_lint.cli.typer_app import app as _app

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


def load_commands(names: Iterable[str] | None = None) -> None:
    """Register the given commands (all when None) on the app."""
    wanted = COMMAND_MODULES if names is None else {n: COMMAND_MODULES[n] for n in names}
    for module in dict.fromkeys(wanted.values()):
        importlib.import_module(f"kpi_lint.cli.{module}")


def __getattr__(name: str) -> Any:
    # `from kpi_lint.cli import app` (tests, embedding) gets the app with every command.
    if name == "app":
        load_commands()
        return _app
    raise AttributeError(name)


def main() -> None:
    args = sys.argv[1:]
    command = next((arg for arg in args if not arg.startswith("-")), None)
    if command is None and "--version" in args:
        load_commands([])  # the version is the root's own option: no command module is needed
    else:
        load_commands([command] if command in COMMAND_MODULES else None)
    _app()


__all__ = ["COMMAND_MODULES", "app", "load_commands", "main"]
