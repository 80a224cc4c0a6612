"""`python -m kpi_lint` is the `kpi-lint` command."""

from kpi_lint.cli import main

main()
