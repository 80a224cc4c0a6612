"""Which files inside a checked folder are not disclosures: `exclude` patterns and the tool's own folders.

Patterns are globs, as in ruff's ``exclude`` / ``extend-exclude``:

* a pattern without ``/`` (``drafts``, ``*.bak.txt``, ``~$*``) matches the name of any file or
  folder at any depth — a matching folder is skipped with everything in it;
* a pattern with ``/`` (``old/2021``, ``archive/**/*.xls``) matches the path relative to the
  folder it was written for: the config file's folder for ``[tool.kpi-lint]`` patterns, the
  working directory for ``--exclude`` / ``--extend-exclude``.

``exclude`` replaces DEFAULT_EXCLUDE; ``extend-exclude`` adds to it.  Besides the patterns, the
folders the tool itself reads settings from are never read as disclosures: the ``lexicons``
folder (word lists are ``.txt`` files) and the folder holding a ``--model`` file when that
folder lies inside a checked folder.  A file named on the command line is always read.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Folders that hold no disclosures in any project: version control, environments, caches, and
# the scorecards `kpi-lint score -f html` writes by default (HTML pages the reader would take in).
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "scorecards",
)


@dataclass(frozen=True)
class Pattern:
    glob: str
    base: Path  # the folder a pattern with "/" is relative to

    def matches(self, path: Path) -> bool:
        """For a pattern without "/", `path` is below the walked folder; with "/", `path` is resolved."""
        glob = self.glob.rstrip("/")
        if "/" not in glob:
            return any(fnmatch.fnmatchcase(part, glob) for part in path.parts)
        # "../drafts" from a config in sub/ names sub/../drafts: anchor and normalise the pattern
        anchored = os.path.normpath(self.base / glob) if not os.path.isabs(glob) else os.path.normpath(glob)
        # the path itself or one of its folders: "old/2021" excludes everything under it
        return any(fnmatch.fnmatchcase(c.as_posix(), Path(anchored).as_posix()) for c in (path, *path.parents))


@dataclass(frozen=True)
class Exclusion:
    """What to leave out when walking a folder."""

    patterns: tuple[Pattern, ...] = field(default_factory=tuple)
    folders: tuple[Path, ...] = field(default_factory=tuple)  # resolved: lexicons, a model's folder
    files: tuple[Path, ...] = field(default_factory=tuple)  # resolved: a model file and its cards

    def excludes(self, path: Path, root: Path) -> bool:
        """Whether `path`, found while walking `root`, is left out."""
        resolved = path.resolve()
        if resolved in self.files:
            return True
        if any(folder == resolved or folder in resolved.parents for folder in self.folders):
            return True
        try:
            inside = resolved.relative_to(root.resolve())
        except ValueError:
            inside = Path(path.name)
        # Patterns see the path below the walked folder (never the folders above it) …
        if any(p.matches(inside) for p in self.patterns if "/" not in p.glob.rstrip("/")):
            return True
        # … and, for patterns with "/", the path relative to their own folder.
        return any(p.matches(resolved) for p in self.patterns if "/" in p.glob.rstrip("/"))


def build_exclusion(
    exclude: Sequence[str] | None,
    extend: Sequence[str],
    base: Path,
    *,
    cli_exclude: Sequence[str] | None = None,
    cli_extend: Sequence[str] = (),
    cli_base: Path | None = None,
    tool_folders: Iterable[Path] = (),
    model: Path | None = None,
    roots: Sequence[str | Path] = (),
    config_file: Path | None = None,
    extra_files: Iterable[Path] = (),
) -> Exclusion:
    """The exclusion of one run: config patterns (relative to `base`), then the command line's.

    `--exclude` replaces the config's `exclude`, which replaces DEFAULT_EXCLUDE; every
    `extend-exclude` adds.  `tool_folders` (lexicons) are always left out; a `model` file is left
    out with its cards, and its folder too when it lies strictly inside one of the `roots`; the
    `config_file` the settings came from and the `extra_files` (an indicator library) are not
    disclosures either.
    """
    here = (cli_base or Path.cwd()).resolve()
    base = base.resolve()
    if cli_exclude is not None:
        patterns = [Pattern(g, here) for g in cli_exclude]
    elif exclude is not None:
        patterns = [Pattern(g, base) for g in exclude]
    else:
        patterns = [Pattern(g, base) for g in DEFAULT_EXCLUDE]
    patterns += [Pattern(g, base) for g in extend] + [Pattern(g, here) for g in cli_extend]
    folders = [Path(f).resolve() for f in tool_folders]
    files: list[Path] = [config_file.resolve()] if config_file is not None else []
    files += [Path(f).resolve() for f in extra_files]
    if model is not None:
        resolved = model.resolve()
        stem = resolved.with_suffix("")
        files += [resolved, stem.with_name(stem.name + ".card.json"), stem.with_name(stem.name + ".card.md")]
        walked = [Path(r).resolve() for r in roots if Path(r).is_dir()]
        if any(root in resolved.parent.parents for root in walked):
            folders.append(resolved.parent)
    return Exclusion(tuple(patterns), tuple(folders), tuple(files))


DEFAULT_EXCLUSION = build_exclusion(None, (), Path("."))
