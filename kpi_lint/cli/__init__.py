"""The `kpi-lint` command: a thin typer layer that wires read → parse → analyse → report."""

from __future__ import annotations

from kpi_lint.cli import parse_cmd  # noqa: F401  (registers `parse`)
from kpi_lint.cli.app import app

for _name in ("check_cmd", "rule_cmd", "score_cmd", "cluster_cmd", "train_cmd"):
    try:  # each command module registers itself on `app` when imported
        __import__(f"kpi_lint.cli.{_name}")
    except ModuleNotFoundError as _exc:  # a command not built yet
        if _exc.name != f"kpi_lint.cli.{_name}":
            raise


def main() -> None:
    app()


__all__ = ["app", "main"]
