"""Where kpi-lint's shipped data lives: the word lists (``lexicons/``) and the models (``models/``).

In the repository both stay at the root, where reviewers edit them; a wheel carries them inside the
package as ``kpi_lint/lexicons/`` and ``kpi_lint/models/`` (pyproject.toml maps the two folders).  Every
lookup of shipped data goes through `bundled_dir`, so that the source tree, an editable install and an
installed wheel all find the same files.

Evaluation data (``corpus/``, ``tests/data/``) is not shipped: it is found under `SOURCE_ROOT` only when
kpi-lint runs from its repository, and code that reads it says so in one Chinese line when it is absent.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from kpi_lint.errors import InputError

# The repository root when kpi-lint runs from its source tree; site-packages in an installed wheel.
SOURCE_ROOT = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """The shipped folder `name`: inside the installed package when it is there, else at the repository root."""
    packaged = resources.files(__package__ or "kpi_lint").joinpath(name)
    if isinstance(packaged, Path) and packaged.is_dir():  # a zipped install is not supported: files must be paths
        return packaged.resolve()
    return SOURCE_ROOT / name


LEXICONS_DIR = bundled_dir("lexicons")
MODELS_DIR = bundled_dir("models")


def source_file(relative: str) -> Path:
    """A file of the repository's evaluation data (``corpus/…``, ``tests/data/…``), whether present or not."""
    return SOURCE_ROOT / relative


def require_source_data(paths: Iterable[Path], what: str, hint: str = "请在仓库中运行，或另给文件") -> None:
    """InputError (one Chinese line) naming the first of `paths` that is absent: an installed kpi-lint carries
    no evaluation data, so a default that points into the repository is missing there."""
    for path in paths:
        if not path.exists():
            raise InputError(str(path), f"找不到{what}：它只在 kpi-lint 的源码仓库中，不随安装包发布；{hint}")
