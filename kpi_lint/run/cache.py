"""The result cache, as ruff has one: an unchanged file is not parsed or checked again.

An entry is keyed by the file's path and content hash, the kpi-lint version (and a digest of its
source files, so a development checkout never reads entries of older code), the settings of the
file task, the lexicons, the models and the indicator library.  It lives in ``.kpi_lint_cache/``
of the working directory (or where $KPI_LINT_CACHE_DIR says); ``--no-cache`` (or
$KPI_LINT_NO_CACHE=1) turns it off.

Each entry is written to a temporary file and renamed into place, so concurrent runs never see half
an entry; each carries a digest of its body, so a damaged entry (a truncated disk write, an edit by
hand) is treated as missing and overwritten — never a traceback.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import kpi_lint
from kpi_lint.bundled import MODELS_DIR
from kpi_lint.lexicon import BUNDLED_DIR

CACHE_DIR = ".kpi_lint_cache"
CACHE_ENV_VAR = "KPI_LINT_CACHE_DIR"  # another folder for it (a CI runner's cache, a test's tmp dir)
_MAGIC = b"KPILINT-CACHE-1\n"
_DIGEST = hashlib.sha256().digest_size
_PACKAGE_DIR = Path(kpi_lint.__file__).resolve().parent
MODELS_ENV_VAR = "KPI_LINT_MODELS"


def _hash_files(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for file in sorted(files):
        digest.update(str(file.name).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []


@lru_cache(maxsize=1)
def code_digest() -> str:
    """kpi-lint's version and the size and modification time of each of its modules."""
    digest = hashlib.sha256(kpi_lint.__version__.encode())
    for module in sorted(_PACKAGE_DIR.rglob("*.py")):
        stat = module.stat()
        digest.update(f"{module.relative_to(_PACKAGE_DIR)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def words_digest(lexicons: str | None) -> str:
    """The bundled word lists, the reviewer's folder over them, and $KPI_LINT_LEXICONS."""
    from kpi_lint.lexicon import ENV_VAR

    folders = [BUNDLED_DIR, *(Path(p) for p in (lexicons, os.environ.get(ENV_VAR)) if p)]
    return hashlib.sha256("".join(_hash_files(_files_under(f)) for f in folders).encode()).hexdigest()


def models_folder() -> Path:
    """The folder of the shipped models, as kpi_lint.classify.api.models_dir says (without importing scikit-learn)."""
    return Path(os.environ.get(MODELS_ENV_VAR) or MODELS_DIR)


def models_digest(custom_model: str | None, library: str | None = None) -> str:
    """The shipped models (or those $KPI_LINT_MODELS points at), a --model file and a --library file."""
    files = _files_under(models_folder()) + [Path(p) for p in (custom_model, library) if p]
    return _hash_files(f for f in files if f.is_file())


class Cache:
    """Entries under `root` (``.kpi_lint_cache/``): `get` returns None for a missing or damaged one."""

    def __init__(self, root: Path | str = CACHE_DIR) -> None:
        self.root = Path(root)

    @classmethod
    def default(cls) -> Cache:
        """``.kpi_lint_cache/`` in the working directory, or the folder $KPI_LINT_CACHE_DIR names."""
        return cls(os.environ.get(CACHE_ENV_VAR) or CACHE_DIR)

    def key(self, *parts: str) -> str:
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _entry(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> Any | None:
        try:
            data = self._entry(kind, key).read_bytes()
        except OSError:
            return None
        start = len(_MAGIC) + _DIGEST
        head, digest, body = data[: len(_MAGIC)], data[len(_MAGIC) : start], data[start:]
        if head != _MAGIC or hashlib.sha256(body).digest() != digest:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # written by another version of a class: as good as missing
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store `value`; a cache that cannot be written (read-only folder, full disk) is skipped silently."""
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        target = self._entry(kind, key)
        try:
            self._prepare_root()
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + hashlib.sha256(body).digest() + body)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return

    def _prepare_root(self) -> None:
        if (self.root / ".gitignore").is_file():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / ".gitignore").write_text("# Automatically created by kpi-lint.\n*\n", encoding="utf-8")
        (self.root / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by kpi-lint.\n",
            encoding="utf-8",
        )


def file_digest(path: str) -> str | None:
    """The content hash of an input file, or None when it cannot be read (the file task says why)."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None
