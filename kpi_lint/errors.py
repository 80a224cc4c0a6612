"""Errors about the user's input: reported as one line, never a traceback."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read or holds no usable performance table."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.line = line

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # Rebuilt from its fields, not its message: it crosses process boundaries (kpi_lint.run).
        return (type(self), (self.path, self.message, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
