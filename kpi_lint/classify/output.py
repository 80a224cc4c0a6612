"""Where `kpi-lint train` may write a model: never into the installed program, never over a model by accident.

Without ``--out`` a model goes to ``./kpi-lint-models/TASK.skops`` in the
working directory (``--out FOLDER`` puts ``TASK.skops`` in that folder).  The
shipped models (``models/``) are replaced only by naming them and adding ``--force``; a path inside the
installed package or the Python environment's site-packages is refused even then, since the next
upgrade would silently undo it and every user of that installation would get
the retrained model.
"""

from __future__ import annotations

import sysconfig
from pathlib import Path

from kpi_lint.errors import InputError

DEFAULT_MODELS_DIR = "kpi-lint-models"


def _installed_dirs() -> list[Path]:
    package = Path(__file__).resolve().parent.parent  # the kpi_lint package
    dirs = [package]
    for key in ("purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            dirs.append(Path(path).resolve())
    return dirs


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def model_destination(out: Path | None, task: str, force: bool, cwd: Path | None = None) -> Path:
    """The model file to write; InputError (one Chinese line) when it may not be written."""
    if out is None:
        target = (cwd or Path.cwd()) / DEFAULT_MODELS_DIR / f"{task}.skops"
    elif out.is_dir():
        target = out / f"{task}.skops"
    else:
        target = out
    if target.suffix.lower() != ".skops":
        raise InputError(str(target), "模型文件名须以 .skops 结尾")
    resolved = target.resolve()
    if any(_inside(resolved, folder) for folder in _installed_dirs()):
        raise InputError(str(target), "不能写进已安装的 kpi-lint 程序包或 Python 环境；请用 --out 指定其他位置")
    from kpi_lint.classify.card import card_paths  # scikit-learn behind it: loaded when a model is written

    existing = [p for p in (target, *card_paths(target)) if p.exists()]
    if existing and not force:
        raise InputError(str(existing[0]), "文件已存在，未覆盖；确需覆盖请加 --force")
    return target
